"""The two worked examples as the notice tests need them: both profiles registered, their
procedures bound to a real gateway, and real decisions taken (granted, refused, pending).

Shared by ``tests/notices``, ``tests/web/test_notice*.py`` and
``tests/cli/test_notice_commands.py``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.audit import append_event
from sluis.gateway.loading import load_file
from sluis.gateway.procedures import Procedure
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import parse_profile_text
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables.gateway import DecisionRow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CREDIT = "german-credit"
CREDIT_DECISION = "credit-decision"
ALLOWANCE = "municipal-energy-allowance"
ALLOWANCE_DECISION = "grant-energy-allowance"
CREDIT_BINDING = f"{CREDIT}:{CREDIT_DECISION}={EXAMPLES / 'german_credit.py'}:procedure"
ALLOWANCE_BINDING = (
    f"{ALLOWANCE}:{ALLOWANCE_DECISION}={EXAMPLES / 'municipal_allowance.py'}:procedure"
)

HOUSEHOLD: dict[str, object] = {
    "resides_in_municipality": True,
    "household_type": "single",
    "monthly_household_income": 1500.0,
    "household_assets": 2000.0,
    "receives_student_finance": False,
    "allowance_received_this_year": False,
}
# Refused on income alone: EUR 1,900 a month against a limit of EUR 1,740 (120% of 1,450).
HIGH_INCOME: dict[str, object] = HOUSEHOLD | {"monthly_household_income": 1900.0}


def example_profile(name: str) -> AlgorithmProfile:
    return parse_profile_text((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


@cache
def credit_module() -> ModuleType:
    return load_file(EXAMPLES / "german_credit.py")


@cache
def allowance_module() -> ModuleType:
    return load_file(EXAMPLES / "municipal_allowance.py")


@cache
def credit_procedure() -> Procedure:
    return credit_module().procedure()


@cache
def credit_applications() -> tuple[dict[str, Any], dict[str, Any]]:
    """A historical application the model refuses and one it grants (the first of each)."""
    module = credit_module()
    procedure = credit_procedure()
    found: dict[str, dict[str, Any]] = {}
    for row in module.training_data()[module.FEATURES].head(50).to_dict("records"):
        found.setdefault(procedure.evaluate(row).outcome, row)
        if len(found) == 2:
            break
    return found["refused"], found["granted"]


def register_examples(sessions: sessionmaker[Session]) -> None:
    for name in (CREDIT, ALLOWANCE):
        register_and_assess(sessions, example_profile(name))


def bind_examples(gateway: Gateway) -> None:
    gateway.register_procedure(CREDIT, CREDIT_DECISION, credit_procedure())
    gateway.register_procedure(ALLOWANCE, ALLOWANCE_DECISION, allowance_module().procedure())


def decide_examples(gateway: Gateway) -> dict[str, str]:
    """Real decisions through the gateway, by name: ``credit_refused``, ``credit_granted``,
    ``allowance_granted``, ``allowance_refused`` (final) and ``allowance_pending``
    (the caller asked for a human review)."""
    refused, granted = credit_applications()
    decide = gateway.decide
    return {
        "credit_refused": decide(CREDIT, CREDIT_DECISION, "applicant-1", refused).decision_uuid,
        "credit_granted": decide(CREDIT, CREDIT_DECISION, "applicant-2", granted).decision_uuid,
        "allowance_granted": decide(
            ALLOWANCE, ALLOWANCE_DECISION, "household-1", HOUSEHOLD
        ).decision_uuid,
        "allowance_refused": decide(
            ALLOWANCE, ALLOWANCE_DECISION, "household-2", HIGH_INCOME
        ).decision_uuid,
        "allowance_pending": decide(
            ALLOWANCE, ALLOWANCE_DECISION, "household-3", HIGH_INCOME, requested="review"
        ).decision_uuid,
    }


def record_review(
    sessions: sessionmaker[Session],
    decision_uuid: str,
    action: str,
    *,
    outcome: str | None = None,
    stage: str = "first",
) -> None:
    """What the review desk does when a review settles a case: a ``reviewed`` audit event
    (never the outcome) and the decision's status ``final`` (with the reviewer's outcome
    for an override)."""
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        row = session.get(DecisionRow, decision_uuid)
        assert row is not None
        append_event(
            session,
            "reviewed",
            row.profile_id,
            decision_uuid,
            {"decision_id": row.decision_id, "action": action, "stage": stage, "round": 0},
        )
        values: dict[str, object] = {"status": "final"}
        if outcome is not None:
            values["outcome"] = outcome
        session.execute(update(DecisionRow).where(DecisionRow.id == decision_uuid).values(values))
