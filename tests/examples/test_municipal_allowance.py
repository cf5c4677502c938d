"""The municipality's energy allowance: a bound power applied by plain Python rules, each
condition citing the article of the (example) regulation it applies."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from sluis.gateway.contract import InputContract, InputsRefused, check_inputs
from sluis.gateway.explanation import ExplanationKind
from sluis.gateway.procedures import procedure_problems
from sluis.law.assess import assess
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import parse_profile_text

PROFILE = "municipal-energy-allowance"
DECISION = "grant-energy-allowance"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REGULATION = "Verordening energietoeslag Voorbeeldstad 2026, art."

ELIGIBLE = {
    "resides_in_municipality": True,
    "household_type": "single",
    "monthly_household_income": 1500.0,
    "household_assets": 2000.0,
    "receives_student_finance": False,
    "allowance_received_this_year": False,
}


def profile() -> AlgorithmProfile:
    return parse_profile_text((EXAMPLES / f"{PROFILE}.yaml").read_text(encoding="utf-8"))


class Recording(Mapping[str, object]):
    """Inputs that remember which fields the rules read."""

    def __init__(self, values: dict[str, object]) -> None:
        self.values = values
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> object:
        self.read.add(key)
        return self.values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)


def test_the_profile_is_allowed_under_art40_uavg_as_a_bound_power() -> None:
    assessment = assess(profile())
    assert assessment.open_questions == ()
    (decision,) = assessment.art22.decisions
    assert decision.verdict.value == "allowed_with_safeguards"
    assert decision.exception is not None and decision.exception.value == "law"
    assert "UAVG art. 40(1)" in {str(c) for c in decision.exception_reasoning.articles}
    assert {"awb_protection", "explanation"} <= {s.id for s in decision.safeguards}
    assert "human_intervention" not in {s.id for s in decision.safeguards}


def test_an_eligible_household_is_granted_with_every_condition_traced(
    municipal_allowance: ModuleType,
) -> None:
    evaluation = municipal_allowance.procedure().evaluate(ELIGIBLE)
    assert evaluation.outcome == "granted"
    assert evaluation.score is None
    explanation = evaluation.explanation
    assert explanation.kind is ExplanationKind.rule_trace
    trace = {c.name: c for c in explanation.entries}
    assert list(trace) == [
        "resident",
        "income_within_limit",
        "assets_within_limit",
        "no_student_finance",
        "first_this_year",
        "amount",
    ]
    assert all(c.value for c in trace.values())
    assert all(c.basis.startswith(REGULATION) for c in trace.values())
    assert trace["income_within_limit"].basis.endswith("art. 3(1)")
    assert "1,740.00" in trace["income_within_limit"].detail  # 120% of EUR 1,450


def test_a_refusal_states_every_failed_condition_not_only_the_first(
    municipal_allowance: ModuleType,
) -> None:
    inputs = ELIGIBLE | {"resides_in_municipality": False, "receives_student_finance": True}
    evaluation = municipal_allowance.procedure().evaluate(inputs)
    assert evaluation.outcome == "refused"
    failed = [(c.name, c.basis) for c in evaluation.explanation.entries if not c.value]
    assert failed == [
        ("resident", f"{REGULATION} 2"),
        ("no_student_finance", f"{REGULATION} 5(1)(a)"),
    ]
    assert "amount" not in {c.name for c in evaluation.explanation.entries}


@pytest.mark.parametrize(
    ("household", "income", "outcome"),
    [
        ("single", 1740.00, "granted"),
        ("single", 1740.01, "refused"),
        ("couple", 2484.00, "granted"),
        ("couple", 2484.01, "refused"),
    ],
)
def test_the_income_limit_is_120_percent_of_the_norm_inclusive(
    municipal_allowance: ModuleType, household: str, income: float, outcome: str
) -> None:
    inputs = ELIGIBLE | {"household_type": household, "monthly_household_income": income}
    assert municipal_allowance.procedure().evaluate(inputs).outcome == outcome


def test_the_asset_limit_depends_on_the_household(municipal_allowance: ModuleType) -> None:
    procedure = municipal_allowance.procedure()
    assets = ELIGIBLE | {"household_assets": 12_000.0}
    assert procedure.evaluate(assets).outcome == "refused"
    assert procedure.evaluate(assets | {"household_type": "couple"}).outcome == "granted"


def test_the_rules_read_exactly_the_declared_fields(municipal_allowance: ModuleType) -> None:
    contract = InputContract.from_profile(profile(), DECISION)
    procedure = municipal_allowance.procedure()
    assert procedure_problems(contract, procedure) == ()
    recording = Recording(dict(check_inputs(contract, ELIGIBLE)))
    procedure.evaluate(recording)
    assert recording.read == {f.name for f in profile().data_fields} == set(procedure.fields)


def test_the_contract_refuses_what_the_regulation_does_not_ask(
    municipal_allowance: ModuleType,
) -> None:
    contract = InputContract.from_profile(profile(), DECISION)
    inputs = ELIGIBLE | {"bsn": "123456782", "household_type": "student", "household_assets": -5}
    with pytest.raises(InputsRefused) as refused:
        check_inputs(contract, inputs)
    assert {(p.field, p.rule) for p in refused.value.problems} == {
        ("bsn", "undeclared"),
        ("household_type", "allowed_values"),
        ("household_assets", "minimum"),
    }
    assert "123456782" not in str(refused.value)


def test_a_batch_gives_the_same_outcomes_as_one_by_one(municipal_allowance: ModuleType) -> None:
    rows = [
        ELIGIBLE,
        ELIGIBLE | {"monthly_household_income": 3000.0},
        ELIGIBLE | {"allowance_received_this_year": True},
    ]
    procedure = municipal_allowance.procedure()
    batch = procedure.evaluate_frame(pd.DataFrame(rows))
    assert list(batch.outcomes) == ["granted", "refused", "refused"]
    assert [batch[i].explanation for i in range(3)] == [
        procedure.evaluate(r).explanation for r in rows
    ]
