"""The DPIA document's rules: residual risk from measures, the prior-consultation
warning, and the consistency checks that name the field at fault."""

from __future__ import annotations

from datetime import date

import pytest

from sluis.dpia_document.matrix import RiskLevel
from sluis.dpia_document.model import (
    DpiaDocument,
    Measure,
    MeasureEffect,
    Risk,
    Signature,
    residual_risk,
)
from sluis.dpia_document.validation import (
    DpiaInvalid,
    validate_document,
    validate_signature,
)


def risk(likelihood: int = 3, impact: int = 4, id: str = "R1") -> Risk:
    return Risk(id=id, title="Ongelijke behandeling", likelihood=likelihood, impact=impact)


def measure(id: str, *effects: tuple[str, int, int]) -> Measure:
    return Measure(
        id=id,
        description="Bias-toets",
        effects=tuple(
            MeasureEffect(risk_id=r, likelihood_reduction=lr, impact_reduction=ir)
            for r, lr, ir in effects
        ),
    )


def test_without_measures_the_residual_risk_is_the_risk() -> None:
    res = residual_risk(risk(3, 4), ())
    assert (res.likelihood, res.impact, res.measure_ids) == (3, 4, ())
    assert res.level is RiskLevel.very_high


def test_a_linked_measure_lowers_the_residual_risk() -> None:
    res = residual_risk(risk(3, 4), (measure("M1", ("R1", 1, 2)),))
    assert (res.likelihood, res.impact) == (2, 2)
    assert res.level is RiskLevel.medium
    assert res.measure_ids == ("M1",)


def test_the_lowest_claim_per_axis_counts_and_claims_do_not_add_up() -> None:
    measures = (
        measure("M1", ("R1", 1, 0)),
        measure("M2", ("R1", 0, 1)),
        measure("M3", ("R1", 1, 0)),
    )
    res = residual_risk(risk(3, 4), measures)
    assert (res.likelihood, res.impact) == (2, 3)  # not 1: two claims of -1 stay -1
    assert res.measure_ids == ("M1", "M2", "M3")


def test_the_residual_risk_never_goes_below_one() -> None:
    res = residual_risk(risk(2, 2), (measure("M1", ("R1", 3, 3)),))
    assert (res.likelihood, res.impact) == (1, 1)


def test_a_measure_for_another_risk_does_not_count() -> None:
    res = residual_risk(risk(3, 4), (measure("M1", ("R2", 3, 3)),))
    assert (res.likelihood, res.impact, res.measure_ids) == (3, 4, ())


def test_high_residual_risk_warns_to_consult_the_dpa(draft: DpiaDocument) -> None:
    assert draft.residual_level is RiskLevel.very_high
    warning = draft.prior_consultation_warning
    assert warning is not None
    assert "art. 36(1)" in warning.en and "eight weeks" in warning.en and "six" in warning.en
    assert "art. 36 lid 1" in warning.nl and "acht weken" in warning.nl


def test_measures_that_bring_every_risk_to_medium_lift_the_warning(draft: DpiaDocument) -> None:
    effects = tuple(
        MeasureEffect(risk_id=r.id, likelihood_reduction=3, impact_reduction=2) for r in draft.risks
    )
    doc = draft.model_copy(
        update={"measures": (Measure(id="M1", description="x", effects=effects),)}
    )
    assert doc.residual_level in {RiskLevel.low, RiskLevel.medium}
    assert doc.prior_consultation_warning is None
    assert doc.inherent_level is RiskLevel.very_high


def test_one_risk_left_high_keeps_the_warning(draft: DpiaDocument) -> None:
    effects = tuple(
        MeasureEffect(risk_id=r.id, likelihood_reduction=3, impact_reduction=2)
        for r in draft.risks[1:]
    )
    doc = draft.model_copy(
        update={"measures": (Measure(id="M1", description="x", effects=effects),)}
    )
    assert doc.residual_level is RiskLevel.very_high  # R1 is untouched
    assert doc.prior_consultation_warning is not None


def test_a_measure_linked_to_an_unknown_risk_is_refused_naming_the_field(
    draft: DpiaDocument,
) -> None:
    data = draft.model_dump(mode="json")
    data["measures"] = [{"id": "M1", "description": "x", "effects": [{"risk_id": "R99"}]}]
    with pytest.raises(DpiaInvalid) as refused:
        validate_document(data)
    [error] = refused.value.errors
    assert error.loc == "measures[0].effects[0].risk_id"
    assert "R99" in error.message


def test_bad_values_are_refused_naming_each_field(draft: DpiaDocument) -> None:
    data = draft.model_dump(mode="json")
    data["risks"][0]["likelihood"] = 5
    data["risks"][1]["title"] = ""
    data["risks"][2]["id"] = "X1"
    with pytest.raises(DpiaInvalid) as refused:
        validate_document(data)
    locs = {e.loc for e in refused.value.errors}
    assert locs == {"risks[0].likelihood", "risks[1].title", "risks[2].id"}


def test_duplicate_ids_are_refused(draft: DpiaDocument) -> None:
    data = draft.model_dump(mode="json")
    data["risks"][1]["id"] = data["risks"][0]["id"]
    with pytest.raises(DpiaInvalid, match="risks: id used more than once: R1"):
        validate_document(data)


def test_sections_must_be_the_ten_text_sections(draft: DpiaDocument) -> None:
    data = draft.model_dump(mode="json")
    data["sections"] = data["sections"][:-1]
    with pytest.raises(DpiaInvalid) as refused:
        validate_document(data)
    assert refused.value.errors[0].loc == "sections"


def test_the_dpo_signs_for_advice_never_as_approval() -> None:
    with pytest.raises(DpiaInvalid) as refused:
        validate_signature({"role": "dpo", "name": "F", "date": "2025-03-01", "decision": "adopt"})
    [error] = refused.value.errors
    assert error.loc == "decision" and "advice_given" in error.message
    ok = Signature(role="dpo", name="F", date=date(2025, 3, 1), decision="advice_given")
    assert ok.decision.value == "advice_given"


def test_next_ids_follow_the_highest(draft: DpiaDocument) -> None:
    assert draft.next_risk_id() == f"R{len(draft.risks) + 1}"
    assert draft.next_measure_id() == "M1"


def test_a_non_object_is_refused() -> None:
    with pytest.raises(DpiaInvalid) as refused:
        validate_document(["not", "a", "document"])
    assert refused.value.errors[0].rule == "type"
