"""The explanation of one decision, built from its stored record: the outcome, the factors
that mattered with the person's own values, for rules the deciding condition with its
threshold and legal basis, and a counterfactual verified by re-running the procedure.

Read as the specification of ``explain_decision``. The decisions are taken and stored by a
real gateway (SQLite and PostgreSQL) with the two worked examples bound to it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.gateway.crypto import KeyRing
from sluis.gateway.loading import load_file
from sluis.gateway.procedures import RuleContext, RuleError, RuleProcedure
from sluis.gateway.records import DecisionRecord
from sluis.gateway.service import Gateway
from sluis.notices.explaining import (
    DecisionExplanation,
    ExplanationUnavailable,
    explain_decision,
)
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MASTER = bytes(range(32))
REGULATION = "Verordening energietoeslag Voorbeeldstad 2026"


@pytest.fixture(scope="module")
def credit_module() -> ModuleType:
    return load_file(EXAMPLES / "german_credit.py")


@pytest.fixture(scope="module")
def allowance_module() -> ModuleType:
    return load_file(EXAMPLES / "municipal_allowance.py")


@pytest.fixture
def gateway(
    sessions: sessionmaker[Session],
    tmp_path: Path,
    credit_module: ModuleType,
    allowance_module: ModuleType,
) -> Gateway:
    gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
    for yaml_name, module in (
        ("german-credit.yaml", credit_module),
        ("municipal-energy-allowance.yaml", allowance_module),
    ):
        text = (EXAMPLES / yaml_name).read_text(encoding="utf-8")
        register_and_assess(sessions, parse_profile_text(text))
        gateway.register_procedure(module.PROFILE_ID, module.DECISION_ID, module.procedure())
    return gateway


def household(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "resides_in_municipality": True,
        "household_type": "single",
        "monthly_household_income": 1450.0,
        "household_assets": 1200.0,
        "receives_student_finance": False,
        "allowance_received_this_year": False,
    }
    return base | changes


def applicant(module: ModuleType, row: int) -> dict[str, object]:
    data = module.training_data()[module.FEATURES]
    return dict(data.iloc[row].to_dict())


def decided(
    gateway: Gateway, module: ModuleType, subject: str, inputs: dict[str, object]
) -> DecisionRecord:
    """Decide, then read the record back from storage, decrypted."""
    record = gateway.decide(module.PROFILE_ID, module.DECISION_ID, subject, inputs)
    return gateway.get_decision(record.decision_uuid, reveal=True)


def explain(gateway: Gateway, module: ModuleType, record: DecisionRecord) -> DecisionExplanation:
    binding = gateway.binding(module.PROFILE_ID, module.DECISION_ID)
    assert binding is not None
    return explain_decision(record, binding)


def redecide(
    gateway: Gateway, module: ModuleType, inputs: dict[str, object], ex: DecisionExplanation
) -> str | None:
    """The changed input decided again through the gateway: the outcome it really gets."""
    changed = dict(inputs) | {c.field: c.changed for c in ex.counterfactual.changes}
    return gateway.decide(module.PROFILE_ID, module.DECISION_ID, "what-if", changed).outcome


# -- the credit model --------------------------------------------------------------------


def test_a_refused_loan_names_the_weightiest_factors_and_a_verified_change(
    gateway: Gateway, credit_module: ModuleType
) -> None:
    inputs = applicant(credit_module, 1)
    record = decided(gateway, credit_module, "applicant-1", inputs)
    ex = explain(gateway, credit_module, record)

    assert (ex.outcome, ex.favourable, ex.kind) == ("refused", False, "model")
    assert ex.decision_uuid == record.decision_uuid
    assert ex.threshold == credit_module.THRESHOLD
    assert ex.score is not None and ex.score >= ex.threshold
    assert [f.rank for f in ex.factors] == [1, 2, 3, 4, 5]
    weights = [abs(f.weight) for f in ex.factors if f.weight is not None]
    assert weights == sorted(weights, reverse=True) and len(weights) == 5
    contributions = record.payload.evaluation.explanation.contributions()  # type: ignore[union-attr]
    assert max(abs(c) for c in contributions.values()) == weights[0]
    for factor in ex.factors:
        assert factor.value == inputs[factor.field]  # the person's own value
        # A positive contribution raises the probability of default, i.e. towards refusal.
        assert factor.direction == ("towards" if factor.weight > 0 else "against")  # type: ignore[operator]
    assert ex.deciding == ()

    cf = ex.counterfactual
    assert cf.status == "found" and cf.verified and cf.new_outcome == "granted"
    assert {c.field for c in cf.changes} <= set(cf.searched_fields)
    assert all(c.current == inputs[c.field] for c in cf.changes)
    assert "status_of_existing_checking_account" in cf.fixed_fields
    assert redecide(gateway, credit_module, inputs, ex) == "granted"


def test_a_granted_loan_has_no_counterfactual_to_offer(
    gateway: Gateway, credit_module: ModuleType
) -> None:
    record = decided(gateway, credit_module, "applicant-0", applicant(credit_module, 0))
    ex = explain(gateway, credit_module, record)
    assert (ex.outcome, ex.favourable) == ("granted", True)
    assert ex.score is not None and ex.score < credit_module.THRESHOLD
    assert ex.factors[0].direction in ("towards", "against")
    assert ex.counterfactual.status == "not_applicable"
    assert ex.counterfactual.reason == "favourable"


def test_an_applicant_only_unchangeable_data_could_help_is_told_none_exists(
    gateway: Gateway, credit_module: ModuleType
) -> None:
    record = decided(gateway, credit_module, "applicant-924", applicant(credit_module, 924))
    ex = explain(gateway, credit_module, record)
    assert ex.outcome == "refused"
    assert ex.counterfactual.status == "none_exists" and ex.counterfactual.changes == ()


def test_a_tiny_budget_is_reported_as_exhausted(
    gateway: Gateway, credit_module: ModuleType
) -> None:
    record = decided(gateway, credit_module, "applicant-1", applicant(credit_module, 1))
    binding = gateway.binding(credit_module.PROFILE_ID, credit_module.DECISION_ID)
    assert binding is not None
    ex = explain_decision(record, binding, budget_seconds=0.0)
    assert ex.counterfactual.status == "budget_exhausted"
    assert ex.counterfactual.budget_seconds == 0.0 and not ex.counterfactual.verified
    assert ex.factors  # the rest of the explanation does not depend on the search


# -- the rules -----------------------------------------------------------------------------


def test_a_refused_allowance_names_the_condition_its_limit_and_its_article(
    gateway: Gateway, allowance_module: ModuleType
) -> None:
    inputs = household(monthly_household_income=1900.0)
    ex = explain(gateway, allowance_module, decided(gateway, allowance_module, "h-1", inputs))

    assert (ex.outcome, ex.favourable, ex.kind) == ("refused", False, "rules")
    assert ex.score is None and ex.threshold is None
    (condition,) = ex.deciding
    assert condition.condition == "income_within_limit" and not condition.passed
    assert condition.threshold == 1740.0  # 120% of the single norm, read back from storage
    assert condition.legal_basis == f"{REGULATION}, art. 3(1)"
    assert condition.fields == ("monthly_household_income", "household_type")
    assert condition.values == (1900.0, "single")
    assert "1,740.00" in condition.detail
    assert [(f.field, f.value, f.weight, f.rank) for f in ex.factors] == [
        ("monthly_household_income", 1900.0, None, 1),
        ("household_type", "single", None, 2),
    ]

    cf = ex.counterfactual
    assert cf.status == "found" and cf.verified and cf.new_outcome == "granted"
    assert [(c.field, c.current, c.changed) for c in cf.changes] == [
        ("monthly_household_income", 1900.0, 1740.0)
    ]
    assert redecide(gateway, allowance_module, inputs, ex) == "granted"
    just_above = inputs | {"monthly_household_income": 1740.1}
    assert decided(gateway, allowance_module, "h-2", just_above).outcome == "refused"


def test_every_failed_condition_is_a_reason_and_the_change_fixes_them_all(
    gateway: Gateway, allowance_module: ModuleType
) -> None:
    inputs = household(monthly_household_income=1800.0, receives_student_finance=True)
    ex = explain(gateway, allowance_module, decided(gateway, allowance_module, "h-3", inputs))
    assert [(d.condition, d.legal_basis, d.passed) for d in ex.deciding] == [
        ("income_within_limit", f"{REGULATION}, art. 3(1)", False),
        ("no_student_finance", f"{REGULATION}, art. 5(1)(a)", False),
    ]
    assert ex.deciding[1].threshold is None  # a yes/no condition has no limit
    assert {c.field for c in ex.counterfactual.changes} == {
        "monthly_household_income",
        "receives_student_finance",
    }
    assert redecide(gateway, allowance_module, inputs, ex) == "granted"


def test_a_refusal_on_unchangeable_facts_says_no_change_would_help(
    gateway: Gateway, allowance_module: ModuleType
) -> None:
    inputs = household(resides_in_municipality=False, allowance_received_this_year=True)
    ex = explain(gateway, allowance_module, decided(gateway, allowance_module, "h-4", inputs))
    assert [d.condition for d in ex.deciding] == ["resident", "first_this_year"]
    cf = ex.counterfactual
    assert cf.status == "none_exists" and cf.changes == () and cf.candidates_tried > 0
    assert set(cf.fixed_fields) == {
        "resides_in_municipality",
        "household_type",
        "allowance_received_this_year",
    }


def test_a_granted_allowance_lists_the_conditions_it_met(
    gateway: Gateway, allowance_module: ModuleType
) -> None:
    ex = explain(gateway, allowance_module, decided(gateway, allowance_module, "h-5", household()))
    assert ex.outcome == "granted" and ex.favourable is True
    assert all(d.passed for d in ex.deciding)
    assert "income_within_limit" in {d.condition for d in ex.deciding}
    assert ex.counterfactual.status == "not_applicable"


def undeclared_rules(ctx: RuleContext) -> str:
    """The allowance's income rule, written without naming its fields or limit."""
    ok = ctx.check(
        "income_within_limit",
        float(ctx["monthly_household_income"]) <= 1740.0,
        basis="Verordening energietoeslag Voorbeeldstad 2026, art. 3(1)",
    )
    return "granted" if ok else "refused"


def test_the_fields_a_check_reads_are_found_by_re_running_it_when_not_declared(
    gateway: Gateway, allowance_module: ModuleType
) -> None:
    gateway.register_procedure(
        allowance_module.PROFILE_ID,
        allowance_module.DECISION_ID,
        RuleProcedure(undeclared_rules, name="undeclared"),
    )
    inputs = household(monthly_household_income=2000.0)
    ex = explain(gateway, allowance_module, decided(gateway, allowance_module, "h-6", inputs))
    (condition,) = ex.deciding
    assert condition.fields == ("monthly_household_income",)
    assert condition.values == (2000.0,) and condition.threshold is None
    assert ex.counterfactual.changes[0].changed == 1740.0


def test_a_rule_may_only_name_fields_among_its_inputs() -> None:
    ctx = RuleContext({"income": 10.0})
    with pytest.raises(RuleError):
        ctx.check("limit", True, basis="art. 1", fields=["assets"])
    with pytest.raises(RuleError):
        ctx.check("limit", True, basis="art. 1", fields=["income"], threshold=float("nan"))
    assert ctx.check("limit", True, basis="art. 1", fields=["income"], threshold=20.0)
    (check,) = ctx.trace
    assert (check.fields, check.threshold) == (("income",), 20.0)


# -- records that cannot be re-run ---------------------------------------------------------


def test_an_erased_or_unrevealed_record_cannot_be_explained(
    gateway: Gateway, allowance_module: ModuleType
) -> None:
    record = decided(gateway, allowance_module, "h-7", household())
    binding = gateway.binding(allowance_module.PROFILE_ID, allowance_module.DECISION_ID)
    assert binding is not None
    hidden = gateway.get_decision(record.decision_uuid)
    with pytest.raises(ExplanationUnavailable) as unrevealed:
        explain_decision(hidden, binding)
    assert unrevealed.value.reason == "not_revealed"
    gateway.shred("h-7")
    erased = gateway.get_decision(record.decision_uuid, reveal=True)
    with pytest.raises(ExplanationUnavailable) as shredded:
        explain_decision(erased, binding)
    assert shredded.value.reason == "erased"


def test_another_procedure_than_the_one_that_decided_is_not_re_run(
    gateway: Gateway, allowance_module: ModuleType, credit_module: ModuleType
) -> None:
    record = decided(gateway, allowance_module, "h-8", household(household_assets=9000.0))
    binding = gateway.binding(allowance_module.PROFILE_ID, allowance_module.DECISION_ID)
    assert binding is not None
    newer = dataclasses.replace(binding, procedure=RuleProcedure(undeclared_rules, name="newer"))
    ex = explain_decision(record, newer)
    assert ex.counterfactual.status == "not_applicable"
    assert ex.counterfactual.reason == "procedure_changed"
    assert ex.deciding[0].condition == "assets_within_limit"  # the stored trace still speaks
    credit = gateway.binding(credit_module.PROFILE_ID, credit_module.DECISION_ID)
    assert credit is not None
    with pytest.raises(ExplanationUnavailable):
        explain_decision(record, credit)
