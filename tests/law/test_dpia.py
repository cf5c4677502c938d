"""DPIA (GDPR art. 35) and prior consultation (art. 36): what the assessment must conclude.

Each profile starts from a baseline where every fact is known and nothing points to high
risk, then changes only what a spec is about. The art. 22 outcome is built by hand, so these
specs do not depend on the art. 22 engine.
"""

from __future__ import annotations

from typing import Any

import pytest

from sluis.law.dpia import assess_dpia
from sluis.law.findings import Finding, FindingKind, Severity, Text
from sluis.law.results import (
    Art22Conditions,
    Art22Exception,
    Art22Result,
    Art22Verdict,
    DecisionArt22,
    DpiaResult,
    DpiaVerdict,
    PriorConsultation,
    Reasoned,
)
from sluis.law.tristate import all_of
from sluis.profiles.model import AlgorithmProfile

QUIET_PROCESSING: dict[str, Any] = {
    "systematic_monitoring": False,
    "public_area_monitoring": False,
    "dataset_matching": False,
    "covert": False,
    "blacklist": False,
    "location_data": False,
    "communication_data": False,
    "employee_monitoring": False,
    "joint_arrangement": False,
    "fraud_detection": False,
    "credit_scoring": False,
    "financial_situation": False,
    "behaviour_influencing": False,
    "residual_high_risk": False,
}

QUIET_DECISION: dict[str, Any] = {
    "id": "d",
    "description": "Send a reminder",
    "effect": "none",
    "human_involvement": "meaningful",
    "human_stage": "before_effect",
    "profiling": False,
    "risk_selection": False,
    "third_party_score": False,
    "denies_right_or_service": False,
}


def profile(
    *,
    processing: dict[str, Any] | None = None,
    decision: dict[str, Any] | None = None,
    technology: dict[str, Any] | None = None,
    controller: dict[str, Any] | None = None,
    **document: Any,
) -> AlgorithmProfile:
    """The quiet baseline, with only the given facts changed."""
    base: dict[str, Any] = {
        "id": "p",
        "name": "Profile",
        "controller": {"name": "C", "administrative_body": False, **(controller or {})},
        "data_subjects": [{"category": "customers", "vulnerable": False, "count": 500}],
        "data_fields": [{"name": "email", "category": "contact", "source": "data_subject"}],
        "technology": {
            "kind": "rules",
            "ai_system": False,
            "innovative": False,
            **(technology or {}),
        },
        "processing": {**QUIET_PROCESSING, **(processing or {})},
        "decisions": [{**QUIET_DECISION, **(decision or {})}],
    }
    base.update(document)
    return AlgorithmProfile.model_validate(base)


def art22(
    *,
    solely: bool | None = False,
    significant: bool | None = False,
    exception: Art22Exception | None = None,
    decision_id: str = "d",
) -> Art22Result:
    """A hand-made art. 22 outcome for one decision."""
    conditions = Art22Conditions(
        decision=Reasoned(value=True),
        solely_automated=Reasoned(value=solely),
        significant_effect=Reasoned(value=significant),
    )
    applies = all_of([True, solely, significant])
    verdict = Art22Verdict.not_applicable if applies is False else Art22Verdict.unknown
    decision = DecisionArt22(
        decision_id=decision_id,
        applies=applies,
        conditions=conditions,
        exception=exception,
        exception_reasoning=Reasoned(value=exception is not None),
        verdict=verdict,
        risk_selection_doctrine=False,
    )
    return Art22Result(
        applies=applies,
        conditions=conditions,
        exception=exception,
        verdict=verdict,
        safeguards=(),
        governing_decision=decision_id,
        decisions=(decision,),
    )


def assess(
    p: AlgorithmProfile, art22_result: Art22Result | None = None
) -> tuple[DpiaResult, PriorConsultation, dict[str, Finding]]:
    result, prior, findings = assess_dpia(p, art22_result or art22())
    return result, prior, {f.id: f for f in findings}


def criterion(p: AlgorithmProfile, number: int, art22_result: Art22Result | None = None):
    result, _, _ = assess(p, art22_result)
    return result.criteria[number - 1]


def open_questions(p: AlgorithmProfile, art22_result: Art22Result | None = None) -> set[str]:
    _, _, found = assess(p, art22_result)
    return {i for i, f in found.items() if f.kind is FindingKind.open_question}


def labels(cited: Any) -> set[str]:
    return {str(a) for a in cited.articles}


def nl_numbers(p: AlgorithmProfile) -> list[int]:
    result, _, _ = assess(p)
    return [c.number for c in result.nl_list]


# --- The baseline ---


def test_quiet_processing_needs_no_dpia_and_asks_nothing() -> None:
    result, prior, found = assess(profile())
    assert result.required is DpiaVerdict.not_required
    assert [c.met for c in result.criteria] == [False] * 9
    assert result.criteria_met == ()
    assert [c.applies for c in result.art35_3] == [False, False, False]
    assert result.nl_list == ()
    assert prior.required is False
    assert set(found) == {"dpia.verdict"}


def test_the_nine_criteria_are_numbered_and_cited_as_in_wp248() -> None:
    result, _, _ = assess(profile())
    assert [c.number for c in result.criteria] == list(range(1, 10))
    for c in result.criteria:
        assert f"WP248 rev.01 criterion {c.number}" in labels(c)
    assert result.criteria[4].key == "large_scale"


# --- Criterion 1: evaluation or scoring ---


@pytest.mark.parametrize(
    "changes",
    [
        {"decision": {"profiling": True}},
        {"decision": {"risk_selection": True}},
        {"decision": {"third_party_score": True}},
        {"technology": {"kind": "machine_learning"}},
        {"technology": {"kind": "statistical_model"}},
        {"processing": {"credit_scoring": True}},
    ],
)
def test_criterion_1_is_met_by_profiling_prediction_or_scoring(changes: dict[str, Any]) -> None:
    assert criterion(profile(**changes), 1).met is True


def test_criterion_1_is_not_met_by_plain_rules_without_profiling() -> None:
    assert criterion(profile(), 1).met is False


def test_criterion_1_stays_open_when_profiling_is_not_stated() -> None:
    p = profile(decision={"profiling": None})
    assert criterion(p, 1).met is None
    assert "dpia.open.decisions.d.profiling" in open_questions(p)


# --- Criterion 2: automated decision with legal or similarly significant effect ---


def test_criterion_2_is_met_by_a_solely_automated_significant_decision() -> None:
    c = criterion(profile(), 2, art22(solely=True, significant=True))
    assert c.met is True
    assert "GDPR art. 22(1)" in labels(c)


def test_criterion_2_is_not_met_when_a_human_decides_meaningfully() -> None:
    assert criterion(profile(), 2, art22(solely=False, significant=True)).met is False


def test_criterion_2_is_not_met_without_significant_effect() -> None:
    assert criterion(profile(), 2, art22(solely=True, significant=False)).met is False


def test_criterion_2_asks_about_human_involvement_when_unknown() -> None:
    p = profile(decision={"human_involvement": None, "human_stage": None})
    outcome = art22(solely=None, significant=True)
    assert criterion(p, 2, outcome).met is None
    assert "dpia.open.decisions.d.human_involvement" in open_questions(p, outcome)


# --- Criterion 3: systematic monitoring ---


@pytest.mark.parametrize(
    "flag", ["systematic_monitoring", "public_area_monitoring", "employee_monitoring"]
)
def test_criterion_3_is_met_by_monitoring(flag: str) -> None:
    assert criterion(profile(processing={flag: True}), 3).met is True


def test_criterion_3_stays_open_when_monitoring_is_not_stated() -> None:
    p = profile(processing={"systematic_monitoring": None})
    assert criterion(p, 3).met is None
    assert "dpia.open.systematic_monitoring" in open_questions(p)


# --- Criterion 4: sensitive or highly personal data ---


@pytest.mark.parametrize(
    "changes",
    [
        {
            "data_fields": [
                {"name": "diagnosis", "category": "health", "special_category": "health"}
            ]
        },
        {"data_fields": [{"name": "convictions", "category": "justice", "criminal_data": True}]},
        {"processing": {"financial_situation": True}},
        {"processing": {"location_data": True}},
        {"processing": {"communication_data": True}},
    ],
)
def test_criterion_4_is_met_by_special_criminal_or_highly_personal_data(
    changes: dict[str, Any],
) -> None:
    assert criterion(profile(**changes), 4).met is True


def test_criterion_4_is_not_met_by_ordinary_contact_data() -> None:
    assert criterion(profile(), 4).met is False


def test_criterion_4_stays_open_when_finances_are_not_stated() -> None:
    p = profile(processing={"financial_situation": None})
    assert criterion(p, 4).met is None
    assert "dpia.open.financial_situation" in open_questions(p)


# --- Criterion 5: large scale ---


def test_criterion_5_follows_the_declared_flag_over_the_head_count() -> None:
    many = [{"category": "citizens", "vulnerable": False, "count": 1_000_000}]
    assert criterion(profile(processing={"large_scale": False}, data_subjects=many), 5).met is False
    assert criterion(profile(processing={"large_scale": True}), 5).met is True


def test_criterion_5_counts_ten_thousand_people_as_large_scale_by_sluis_policy() -> None:
    groups = [
        {"category": "tenants", "vulnerable": False, "count": 6_000},
        {"category": "landlords", "vulnerable": False, "count": 4_000},
    ]
    c = criterion(profile(data_subjects=groups), 5)
    assert c.met is True
    assert "Sluis policy: large-scale threshold" in labels(c)


def test_criterion_5_is_not_met_below_a_thousand_people() -> None:
    c = criterion(profile(), 5)
    assert c.met is False
    assert "Sluis policy: large-scale threshold" in labels(c)


@pytest.mark.parametrize("count", [1_000, 5_000, 9_999, None])
def test_criterion_5_asks_between_the_thresholds_or_without_a_count(count: int | None) -> None:
    p = profile(data_subjects=[{"category": "members", "vulnerable": False, "count": count}])
    assert criterion(p, 5).met is None
    assert "dpia.open.large_scale" in open_questions(p)


# --- Criterion 6: matching or combining data sets ---


def test_criterion_6_is_met_by_declared_matching() -> None:
    assert criterion(profile(processing={"dataset_matching": True}), 6).met is True


def test_criterion_6_is_met_when_another_organisations_data_meet_other_sources() -> None:
    fields = [
        {"name": "email", "category": "contact", "source": "data_subject"},
        {"name": "income", "category": "income", "source": "other_organisation"},
    ]
    assert criterion(profile(data_fields=fields), 6).met is True


def test_criterion_6_is_not_met_by_a_single_source() -> None:
    assert criterion(profile(), 6).met is False


def test_criterion_6_stays_open_when_matching_is_not_stated() -> None:
    p = profile(processing={"dataset_matching": None})
    assert criterion(p, 6).met is None
    assert "dpia.open.dataset_matching" in open_questions(p)


# --- Criterion 7: vulnerable data subjects ---


def test_criterion_7_is_met_when_any_group_is_vulnerable() -> None:
    groups = [
        {"category": "parents", "vulnerable": False, "count": 100},
        {"category": "children", "vulnerable": True, "count": 100},
    ]
    assert criterion(profile(data_subjects=groups), 7).met is True


def test_criterion_7_is_not_met_when_no_group_is_vulnerable() -> None:
    assert criterion(profile(), 7).met is False


def test_criterion_7_asks_per_group_and_for_missing_groups() -> None:
    unknown = profile(data_subjects=[{"category": "patients", "count": 100}])
    assert criterion(unknown, 7).met is None
    assert "dpia.open.data_subjects.0.vulnerable" in open_questions(unknown)
    nobody = profile(data_subjects=[])
    assert criterion(nobody, 7).met is None
    assert "dpia.open.data_subjects" in open_questions(nobody)


# --- Criterion 8: innovative use or new technology ---


def test_criterion_8_is_met_by_innovative_technology() -> None:
    assert criterion(profile(technology={"innovative": True}), 8).met is True


def test_criterion_8_counts_an_ai_system_as_new_technology() -> None:
    c = criterion(profile(technology={"ai_system": True}), 8)
    assert c.met is True
    assert "AI Act art. 3(1)" in labels(c)


def test_criterion_8_counts_machine_learning_as_new_technology() -> None:
    assert criterion(profile(technology={"kind": "machine_learning"}), 8).met is True


def test_criterion_8_is_not_met_by_plain_rules() -> None:
    assert criterion(profile(), 8).met is False


def test_criterion_8_stays_open_when_ai_is_not_stated() -> None:
    p = profile(technology={"ai_system": None})
    assert criterion(p, 8).met is None
    assert "dpia.open.technology.ai_system" in open_questions(p)


# --- Criterion 9: keeps people from a right, service or contract ---


def test_criterion_9_is_met_when_declared() -> None:
    assert criterion(profile(decision={"denies_right_or_service": True}), 9).met is True


def test_criterion_9_is_derived_from_a_significant_effect_when_not_declared() -> None:
    for effect in ("legal", "similarly_significant"):
        p = profile(decision={"denies_right_or_service": None, "effect": effect})
        assert criterion(p, 9).met is True


def test_criterion_9_derivation_gives_way_to_a_declaration() -> None:
    p = profile(decision={"denies_right_or_service": False, "effect": "legal"})
    assert criterion(p, 9).met is False


def test_criterion_9_is_not_met_by_a_decision_without_effect() -> None:
    assert criterion(profile(decision={"denies_right_or_service": None}), 9).met is False


def test_criterion_9_stays_open_without_declaration_or_effect() -> None:
    p = profile(decision={"denies_right_or_service": None, "effect": None})
    assert criterion(p, 9).met is None
    assert "dpia.open.decisions.d.denies_right_or_service" in open_questions(p)


# --- GDPR art. 35(3) ---


def case(p: AlgorithmProfile, point: str):
    result, _, _ = assess(p)
    return next(c for c in result.art35_3 if c.point == point)


def test_35_3_a_applies_to_profiling_behind_decisions_with_legal_effect() -> None:
    # Even with a human deciding meaningfully: (a) is about the evaluation the decision
    # rests on, not about art. 22.
    p = profile(decision={"profiling": True, "effect": "legal"})
    a = case(p, "a")
    assert a.applies is True
    assert "GDPR art. 35(3)(a)" in labels(a)
    result, _, _ = assess(p)
    assert result.required is DpiaVerdict.required


def test_35_3_a_does_not_apply_to_profiling_without_significant_effect() -> None:
    assert case(profile(decision={"profiling": True}), "a").applies is False


def test_35_3_a_does_not_apply_to_rules_with_legal_effect() -> None:
    assert case(profile(decision={"effect": "legal"}), "a").applies is False


def test_35_3_b_applies_to_large_scale_special_category_data() -> None:
    fields = [{"name": "diagnosis", "category": "health", "special_category": "health"}]
    p = profile(data_fields=fields, processing={"large_scale": True})
    assert case(p, "b").applies is True
    result, _, _ = assess(p)
    assert result.required is DpiaVerdict.required


def test_35_3_b_needs_large_scale() -> None:
    fields = [{"name": "convictions", "category": "justice", "criminal_data": True}]
    assert case(profile(data_fields=fields), "b").applies is False
    unknown_scale = [{"category": "members", "vulnerable": False, "count": 5_000}]
    open_case = case(profile(data_fields=fields, data_subjects=unknown_scale), "b")
    assert open_case.applies is None
    assert "processing.large_scale" in open_case.reasons[0].en


def test_35_3_c_applies_to_large_scale_monitoring_of_a_public_area() -> None:
    p = profile(processing={"public_area_monitoring": True, "large_scale": True})
    c = case(p, "c")
    assert c.applies is True
    assert "GDPR art. 35(3)(c)" in labels(c)


def test_a_case_that_does_not_apply_is_explained_by_what_is_lacking() -> None:
    c = case(profile(processing={"large_scale": True}), "c")
    assert c.applies is False
    assert [r.en for r in c.reasons[1:]] == []  # being large-scale does not explain a "no"
    b = case(profile(processing={"large_scale": True}), "b")
    assert any("No special-category" in r.en for r in b.reasons)


def test_35_3_c_does_not_apply_to_small_scale_monitoring() -> None:
    assert case(profile(processing={"public_area_monitoring": True}), "c").applies is False


# --- The Dutch DPA's list (Stcrt. 2019, 64418) ---


@pytest.mark.parametrize(
    ("flag", "number"),
    [
        ("covert", 1),
        ("blacklist", 2),
        ("fraud_detection", 3),
        ("credit_scoring", 4),
        ("financial_situation", 5),
        ("joint_arrangement", 8),
        ("public_area_monitoring", 9),
        ("employee_monitoring", 11),
        ("location_data", 12),
        ("communication_data", 13),
        ("behaviour_influencing", 16),
    ],
)
def test_a_large_scale_flagged_processing_is_on_the_dutch_list(flag: str, number: int) -> None:
    p = profile(processing={flag: True, "large_scale": True})
    result, _, _ = assess(p)
    assert number in [c.number for c in result.nl_list]
    category = next(c for c in result.nl_list if c.number == number)
    assert f"Dutch DPA DPIA list (Stcrt. 2019, 64418) no. {number}" in labels(category)
    assert result.required is DpiaVerdict.required


@pytest.mark.parametrize(("category", "number"), [("genetic", 6), ("health", 7)])
def test_large_scale_genetic_or_health_data_are_on_the_dutch_list(
    category: str, number: int
) -> None:
    fields = [{"name": "sample", "category": "medical", "special_category": category}]
    assert number in nl_numbers(profile(data_fields=fields, processing={"large_scale": True}))


def test_profiling_on_a_large_scale_is_on_the_dutch_list() -> None:
    p = profile(decision={"profiling": True}, processing={"large_scale": True})
    result, _, _ = assess(p)
    assert [(c.number, c.key) for c in result.nl_list] == [(15, "profiling")]


def test_small_unmonitored_processing_does_not_trigger_a_category() -> None:
    assert nl_numbers(profile(processing={"fraud_detection": True})) == []


def test_systematic_processing_triggers_a_category_whatever_the_scale() -> None:
    p = profile(processing={"fraud_detection": True, "systematic_monitoring": True})
    assert nl_numbers(p) == [3]


def test_biometric_identification_triggers_the_list_even_on_a_small_scale() -> None:
    fields = [
        {"name": "face", "category": "biometric", "special_category": "biometric_identification"}
    ]
    result, _, _ = assess(profile(data_fields=fields))
    assert [c.key for c in result.nl_list] == ["biometric_data"]
    assert result.required is DpiaVerdict.required


def test_the_dutch_list_keeps_its_order() -> None:
    p = profile(
        processing={"large_scale": True, "location_data": True, "covert": True},
        decision={"profiling": True},
    )
    assert nl_numbers(p) == [1, 12, 15]


def test_an_unknown_list_flag_keeps_the_verdict_open_and_is_asked() -> None:
    p = profile(processing={"covert": None, "large_scale": True})
    result, _, found = assess(p)
    assert result.required is DpiaVerdict.recommended  # criterion 5 met, covert unknown
    assert any("no. 1" in r.en for r in result.reasons)
    assert found["dpia.open.covert"].kind is FindingKind.open_question


def test_an_unknown_list_flag_is_not_asked_once_a_dpia_is_required_anyway() -> None:
    p = profile(processing={"covert": None, "large_scale": True}, technology={"innovative": True})
    result, _, found = assess(p)
    assert result.required is DpiaVerdict.required
    assert "dpia.open.covert" not in found


# --- The verdict ---


def test_two_criteria_make_a_dpia_required() -> None:
    groups = [{"category": "pupils", "vulnerable": True, "count": 300}]
    p = profile(data_subjects=groups, technology={"ai_system": True})
    result, _, found = assess(p)
    assert result.required is DpiaVerdict.required
    assert result.criteria_met == (7, 8)
    assert any("7, 8" in r.en for r in result.reasons)
    verdict = found["dpia.verdict"]
    assert (verdict.severity, verdict.kind) == (Severity.warning, FindingKind.duty)
    assert "GDPR art. 35(1)" in labels(verdict)


def test_one_criterion_makes_a_dpia_recommended() -> None:
    p = profile(data_subjects=[{"category": "pupils", "vulnerable": True, "count": 300}])
    result, _, found = assess(p)
    assert result.required is DpiaVerdict.recommended
    assert result.criteria_met == (7,)
    verdict = found["dpia.verdict"]
    assert (verdict.severity, verdict.kind) == (Severity.info, FindingKind.conclusion)


def test_unknowns_that_could_reach_two_criteria_make_a_dpia_recommended() -> None:
    p = profile(
        processing={"systematic_monitoring": None, "dataset_matching": None},
    )
    result, _, found = assess(p)
    assert result.criteria_met == ()
    assert result.required is DpiaVerdict.recommended
    assert any("3, 6" in r.en and "two or more" in r.en for r in result.reasons)
    assert {"dpia.open.systematic_monitoring", "dpia.open.dataset_matching"} <= set(found)


def test_a_single_unknown_criterion_cannot_make_a_dpia_more_than_optional() -> None:
    result, _, found = assess(profile(processing={"dataset_matching": None}))
    assert result.required is DpiaVerdict.not_required
    assert any("criterion 6" in r.en for r in result.reasons)
    assert "dpia.open.dataset_matching" in found


def test_without_decisions_the_decision_criteria_stay_open() -> None:
    p = profile(decisions=[])
    result, _, found = assess(p, art22().model_copy(update={"decisions": ()}))
    assert [result.criteria[n - 1].met for n in (2, 9)] == [None, None]
    assert found["dpia.open.decisions"].subject == "decisions"


def test_nothing_met_means_not_required() -> None:
    result, _, found = assess(profile())
    assert result.required is DpiaVerdict.not_required
    assert result.reasons
    verdict = found["dpia.verdict"]
    assert (verdict.severity, verdict.kind) == (Severity.info, FindingKind.conclusion)


def test_an_administrative_body_on_the_statutory_exception_needs_a_dpia() -> None:
    p = profile(controller={"administrative_body": True}, decision={"effect": "legal"})
    outcome = art22(solely=True, significant=True, exception=Art22Exception.law)
    result, _, _ = assess(p, outcome)
    assert result.required is DpiaVerdict.required
    assert any("Awb" in r.en for r in result.reasons)


def test_a_private_controller_on_the_statutory_exception_does_not_need_one_for_that() -> None:
    outcome = art22(solely=True, significant=False, exception=Art22Exception.law)
    result, _, _ = assess(profile(), outcome)
    assert result.required is DpiaVerdict.not_required


def test_an_unknown_controller_type_on_the_statutory_exception_is_asked() -> None:
    p = profile(controller={"administrative_body": None})
    outcome = art22(solely=True, significant=False, exception=Art22Exception.law)
    result, _, found = assess(p, outcome)
    assert result.required is DpiaVerdict.recommended
    assert "dpia.open.controller.administrative_body" in found


def test_declared_residual_high_risk_makes_a_dpia_required() -> None:
    result, _, _ = assess(profile(processing={"residual_high_risk": True}))
    assert result.required is DpiaVerdict.required


# --- Prior consultation (art. 36) ---


def test_prior_consultation_when_high_risk_remains() -> None:
    p = profile(
        processing={"large_scale": True, "fraud_detection": True, "residual_high_risk": True}
    )
    _, prior, found = assess(p)
    assert prior.required is True
    assert "GDPR art. 36(1)" in labels(prior)
    duty = found["dpia.prior_consultation"]
    assert (duty.severity, duty.kind) == (Severity.warning, FindingKind.duty)
    assert "eight weeks" in duty.text.en and "six" in duty.text.en
    assert "acht weken" in duty.text.nl


def test_no_prior_consultation_when_the_measures_remove_the_high_risk() -> None:
    p = profile(processing={"large_scale": True, "fraud_detection": True})
    result, prior, found = assess(p)
    assert result.required is DpiaVerdict.required
    assert prior.required is False
    assert "dpia.prior_consultation" not in found


def test_prior_consultation_stays_open_when_residual_risk_is_unknown() -> None:
    p = profile(
        processing={"large_scale": True, "fraud_detection": True, "residual_high_risk": None}
    )
    _, prior, found = assess(p)
    assert prior.required is None
    assert found["dpia.open.residual_high_risk"].subject == "processing.residual_high_risk"
    assert any("eight weeks" in r.en for r in prior.reasons)


def test_no_prior_consultation_without_a_dpia_duty() -> None:
    _, prior, found = assess(profile(processing={"residual_high_risk": None}))
    assert prior.required is False
    assert "dpia.open.residual_high_risk" not in found


# --- Open questions and texts ---


def test_finding_ids_are_unique_and_dotted() -> None:
    p = profile(
        processing={"systematic_monitoring": None, "large_scale": True, "residual_high_risk": None},
        decision={"profiling": None},
    )
    _, _, findings = assess_dpia(p, art22())
    ids = [f.id for f in findings]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("dpia.") and " " not in i for i in ids)


def test_open_questions_name_the_profile_field_they_need() -> None:
    p = profile(
        processing={"systematic_monitoring": None, "large_scale": None},
        data_subjects=[{"category": "members", "vulnerable": False}],
    )
    _, _, found = assess(p)
    question = found["dpia.open.large_scale"]
    assert question.kind is FindingKind.open_question
    assert question.subject == "processing.large_scale"
    assert "processing.large_scale" in question.text.en
    assert found["dpia.open.systematic_monitoring"].subject == "processing.systematic_monitoring"


def test_unknown_facts_never_count_as_not_met() -> None:
    p = profile(
        processing={key: None for key in QUIET_PROCESSING},
        technology={"kind": None, "ai_system": None, "innovative": None},
        decision={"profiling": None, "effect": None, "denies_right_or_service": None},
        data_subjects=[{"category": "members"}],
    )
    result, prior, _ = assess(p, art22(solely=None, significant=None))
    assert [c.met for c in result.criteria] == [None] * 9
    assert result.required is DpiaVerdict.recommended
    assert prior.required is False


def texts(result: DpiaResult, prior: PriorConsultation, found: dict[str, Finding]) -> list[Text]:
    out: list[Text] = [*result.reasons, *prior.reasons, *(f.text for f in found.values())]
    for c in result.criteria:
        out += [c.title, *c.reasons]
    for a in result.art35_3:
        out += list(a.reasons)
    for n in result.nl_list:
        out += [n.title, *n.reasons]
    return out


@pytest.mark.parametrize(
    "p",
    [
        profile(
            processing={
                "large_scale": True,
                "fraud_detection": True,
                "public_area_monitoring": True,
                "residual_high_risk": True,
            },
            decision={"profiling": True, "effect": "legal", "denies_right_or_service": None},
            technology={"kind": "machine_learning", "ai_system": True},
            data_fields=[{"name": "diagnosis", "category": "health", "special_category": "health"}],
            data_subjects=[{"category": "patients", "vulnerable": True}],
        ),
        profile(
            processing={"systematic_monitoring": None, "covert": None},
            data_subjects=[{"category": "members"}],
        ),
        profile(),
    ],
    ids=["much-applies", "much-unknown", "quiet"],
)
def test_every_text_is_bilingual_in_our_own_two_versions(p: AlgorithmProfile) -> None:
    result, prior, found = assess(p, art22(solely=True, significant=True))
    for text in texts(result, prior, found):
        assert text.nl.strip() and text.en.strip()
        assert text.nl != text.en
