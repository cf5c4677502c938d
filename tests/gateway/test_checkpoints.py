"""WAL checkpoints run in a thread of their own, after writes, and stop with the gateway."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from sluis.assessment.service import register_and_assess
from sluis.gateway import checkpoints
from sluis.gateway.crypto import KeyRing
from sluis.gateway.procedures import RuleContext, RuleProcedure
from sluis.gateway.service import Gateway
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def grant(ctx: RuleContext) -> str:
    ok = ctx.check("resident", bool(ctx["resides_in_municipality"]), basis="Verordening art. 2")
    return "granted" if ok else "refused"


INPUTS = {
    "resides_in_municipality": True,
    "household_type": "single",
    "monthly_household_income": 1200.0,
    "household_assets": 0.0,
    "receives_student_finance": False,
    "allowance_received_this_year": False,
}


def test_committed_pages_reach_the_database_file_without_a_writer_checkpointing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkpoints, "INTERVAL_SECONDS", 0.05)
    path = tmp_path / "sluis.db"
    engine = create_engine_for(f"sqlite:///{path}")
    migrate(engine)
    sessions = make_session_factory(engine)
    text = (EXAMPLES / "municipal-energy-allowance.yaml").read_text(encoding="utf-8")
    register_and_assess(sessions, parse_profile_text(text))
    gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(bytes(32)))
    gateway.register_procedure(
        "municipal-energy-allowance", "grant-energy-allowance", RuleProcedure(grant, "grant")
    )
    checkpoints.checkpoint(engine)
    before = path.stat().st_size
    for n in range(300):
        gateway.decide("municipal-energy-allowance", "grant-energy-allowance", str(n), INPUTS)
    deadline = time.monotonic() + 10
    while path.stat().st_size == before and time.monotonic() < deadline:
        time.sleep(0.02)
    assert path.stat().st_size > before  # the pages left the log for the database file
    assert gateway._checkpoints is not None
    thread = gateway._checkpoints._thread
    assert thread is not None and thread.name == "sluis-checkpoint" and thread.is_alive()
    del gateway
    gc.collect()
    thread.join(timeout=5)
    assert not thread.is_alive()
    engine.dispose()
