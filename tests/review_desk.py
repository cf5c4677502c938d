"""The review desk's test setting: a registered algorithm with a rule procedure behind the
gateway, and four reviewers (used by tests/review and tests/web)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.gateway.crypto import KeyRing
from sluis.gateway.procedures import RuleContext, RuleProcedure
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.review import service
from sluis.settings import Settings

MASTER = bytes(range(32))
PROFILE = "allowance"
PENDING = "assess"  # a proposal for a case worker: every decision waits for review
FINAL = "grant"  # solely automated under a bound power: final unless review is asked for
AUTOMATED = {
    "effect": "legal",
    "human_involvement": "none",
    "profiling": False,
    "bound_power": True,
    "necessity": "public_task",
    "explicit_consent": False,
    "risk_selection": False,
    "third_party_score": False,
}
OUTCOMES = [
    {"value": "granted", "favourable": True},
    {"value": "refused", "favourable": False},
    {"value": "deferred"},
]
LOW = {"income": 1500.0, "household": 3, "housing": "rent"}  # granted
HIGH = {"income": 9000.0, "household": 1, "housing": "own"}  # refused


def profile_document() -> dict[str, Any]:
    return {
        "id": PROFILE,
        "name": "Energietoeslag",
        "controller": {"name": "Gemeente Voorbeeld", "administrative_body": True},
        "legal_basis": {"article6": "public_task", "law": "Verordening energietoeslag"},
        "data_fields": [
            {"name": "income", "type": "number", "category": "income", "minimum": 0},
            {
                "name": "household",
                "type": "integer",
                "category": "household",
                "minimum": 1,
                "maximum": 20,
            },
            {
                "name": "housing",
                "type": "category",
                "category": "housing",
                "allowed_values": ["own", "rent"],
            },
        ],
        "decisions": [
            {"id": FINAL, "description": "Grant by fixed rules", **AUTOMATED, "outcomes": OUTCOMES},
            {
                "id": PENDING,
                "description": "Proposal for a case worker",
                **AUTOMATED,
                "human_involvement": "meaningful",
                "human_stage": "before_effect",
                "outcomes": OUTCOMES,
            },
        ],
    }


def allowance_rules(ctx: RuleContext) -> str:
    """Grant the allowance to tenants with a low income per person."""
    per_person = ctx["income"] / ctx["household"]
    low = ctx.check("low_income", per_person <= 900, "Verordening energietoeslag art. 3")
    tenant = ctx.check("tenant", ctx["housing"] == "rent", "Verordening energietoeslag art. 4")
    return "granted" if low and tenant else "refused"


RULES = RuleProcedure(allowance_rules, "allowance")


def make_gateway(sessions: sessionmaker[Session], data_dir: Path) -> Gateway:
    gateway = Gateway(sessions, Settings(data_dir=data_dir), key_ring=KeyRing(MASTER))
    gateway.register_procedure(PROFILE, FINAL, RULES)
    gateway.register_procedure(PROFILE, PENDING, RULES)
    return gateway


REVIEWERS = [
    ("anna", "Anna Jansen"),
    ("bram", "Bram de Vries"),
    ("carla", "Carla Smit"),
    ("dirk", "Dirk Bakker"),
]


def set_up_desk(
    sessions: sessionmaker[Session], data_dir: Path, gateway: Gateway | None = None
) -> Gateway:
    """The allowance profile registered and bound (to ``gateway``, e.g. a web app's, or a
    new one), and the reviewers: anna and bram (authorised), carla (senior), dirk
    (registered, not authorised)."""
    register_and_assess(sessions, AlgorithmProfile.model_validate(profile_document()))
    if gateway is None:
        gateway = make_gateway(sessions, data_dir)
    else:
        gateway.register_procedure(PROFILE, FINAL, RULES)
        gateway.register_procedure(PROFILE, PENDING, RULES)
    for reviewer_id, name in REVIEWERS:
        service.add_reviewer(sessions, reviewer_id, name)
    service.authorise(sessions, "anna", PROFILE)
    service.authorise(sessions, "bram", PROFILE)
    service.authorise(sessions, "carla", PROFILE, senior=True)
    return gateway
