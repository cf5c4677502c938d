"""A gateway with the municipal allowance rules bound, its log in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.gateway.loading import load_file
from sluis.gateway.service import Gateway
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALLOWANCE = "municipal-energy-allowance"
GRANT = "grant-energy-allowance"
HOUSEHOLD: dict[str, Any] = {
    "resides_in_municipality": True,
    "household_type": "single",
    "monthly_household_income": 1523.45,
    "household_assets": 2000.0,
    "receives_student_finance": False,
    "allowance_received_this_year": False,
}


def settings_for(folder: Path, **changes: Any) -> Settings:
    return Settings(data_dir=folder, **changes)


def register_allowance(sessions: sessionmaker[Session]) -> None:
    text = (EXAMPLES / f"{ALLOWANCE}.yaml").read_text(encoding="utf-8")
    register_and_assess(sessions, parse_profile_text(text))


def allowance_gateway(sessions: sessionmaker[Session], settings: Settings) -> Gateway:
    register_allowance(sessions)
    gateway = Gateway(sessions, settings)
    module = load_file(EXAMPLES / "municipal_allowance.py")
    gateway.register_procedure(ALLOWANCE, GRANT, module.procedure())
    return gateway


def records(gateway: Gateway) -> list[dict[str, Any]]:
    assert gateway.processing_log.flush()
    path = gateway.processing_log.file
    assert path is not None
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
