"""The worked examples: each realistic profile gets the verdict, exception and reasons a
privacy officer would defend."""

from __future__ import annotations

from pathlib import Path

import pytest

from sluis.law.assess import assess
from sluis.law.results import Assessment
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def assessed(name: str) -> Assessment:
    return assess(parse_profile_text((EXAMPLES / f"{name}.yaml").read_text()))


def safeguard_ids(a: Assessment) -> set[str]:
    return {s.id for s in a.art22.safeguards}


def finding_ids(a: Assessment) -> set[str]:
    return {f.id for f in a.findings}


def cited(a: Assessment) -> set[str]:
    return {str(c) for f in a.findings for c in f.articles}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_is_fully_described(path: Path) -> None:
    a = assess(parse_profile_text(path.read_text()))
    assert a.open_questions == (), [f.id for f in a.open_questions]
    assert a.art22.verdict.value != "unknown"


def test_welfare_risk_selection_stays_outside_art22_under_the_ap_doctrine() -> None:
    a = assessed("welfare-fraud-risk-selection")
    assert a.art22.applies is False
    assert a.art22.verdict.value == "not_applicable"
    (decision,) = a.art22.decisions
    assert decision.risk_selection_doctrine is True
    assert safeguard_ids(a) == {"meaningful_review_before_consequence", "inform_of_selection"}
    assert "art22.select-for-reexamination.risk_selection_profiling" in finding_ids(a)
    assert a.dpia.required.value == "required"
    assert {"fraud_prevention", "profiling"} <= {c.key for c in a.dpia.nl_list}
    assert 7 in a.dpia.criteria_met  # benefit recipients are vulnerable
    assert "inform_of_selection" in {d.id for d in a.transparency}
    assert "algoritmeregister" in {d.id for d in a.transparency}


def test_bank_credit_decision_is_allowed_by_contract_with_the_three_rights() -> None:
    a = assessed("bank-online-credit")
    assert a.art22.applies is True
    assert a.art22.exception.value == "contract"
    assert a.art22.verdict.value == "allowed_with_safeguards"
    assert {"human_intervention", "express_point_of_view", "contest"} <= safeguard_ids(a)
    assert "credit_scoring" in {c.key for c in a.dpia.nl_list}
    assert a.dpia.required.value == "required"
    assert "inform_automated_decision" in {d.id for d in a.transparency}
    assert "algoritmeregister" not in {d.id for d in a.transparency}


def test_child_benefit_is_allowed_under_art40_uavg_with_awb_protection() -> None:
    a = assessed("child-benefit-grant")
    assert a.art22.exception.value == "law"
    assert a.art22.verdict.value == "allowed_with_safeguards"
    reasoning = a.art22.decisions[0].exception_reasoning
    assert "UAVG art. 40(1)" in {str(c) for c in reasoning.articles}
    assert {"awb_protection", "dpia_awb_sufficiency"} <= safeguard_ids(a)
    assert "human_intervention" not in safeguard_ids(a)
    assert a.dpia.required.value == "required"
    assert not any(f.id.startswith("principles.bsn") for f in a.findings)  # BSN has its law
    assert "state_reasons" in {d.id for d in a.transparency}


def test_speeding_fine_is_a_bound_decision_with_public_area_monitoring() -> None:
    a = assessed("speeding-fine")
    assert a.art22.exception.value == "law"
    assert a.art22.verdict.value == "allowed_with_safeguards"
    assert "c" in {c.point for c in a.dpia.art35_3 if c.applies}
    assert 3 in a.dpia.criteria_met
    assert a.prior_consultation.required is False


def test_recruitment_screening_is_prohibited_and_needs_prior_consultation() -> None:
    a = assessed("recruitment-screening")
    assert a.art22.applies is True
    assert a.art22.verdict.value == "prohibited"
    assert a.art22.exception is None
    conditions = a.art22.conditions
    assert conditions is not None and conditions.solely_automated.value is True  # token review
    assert a.findings[0].severity.value == "violation"
    ids = finding_ids(a)
    assert "art22.reject-applicant.verdict" in ids
    assert {"principles.proxy.postcode", "principles.proxy.date_of_birth"} <= ids
    assert "principles.retention.missing.identity" in ids
    assert "principles.transfers" in ids
    assert a.prior_consultation.required is True
    assert "ai_act_deployer" in {d.id for d in a.transparency}


def test_insurer_health_pricing_needs_art22_4_safeguards() -> None:
    a = assessed("insurer-health-pricing")
    assert a.art22.verdict.value == "allowed_with_safeguards"
    assert "special_category_safeguards" in safeguard_ids(a)
    assert {"a", "b"} <= {c.point for c in a.dpia.art35_3 if c.applies}
    assert "health_data" in {c.key for c in a.dpia.nl_list}
    assert "GDPR art. 9(2)(a)" in cited(a)


def test_library_reminders_need_neither_art22_safeguards_nor_a_dpia() -> None:
    a = assessed("library-overdue-reminders")
    assert a.art22.verdict.value == "not_applicable"
    assert a.art22.safeguards == ()
    assert a.dpia.required.value == "not_required"
    assert a.dpia.criteria_met == ()
    assert a.prior_consultation.required is False
    assert not any(f.severity.value == "violation" for f in a.findings)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_example_speaks_both_languages(lang: str) -> None:
    for path in EXAMPLES.glob("*.yaml"):
        a = assess(parse_profile_text(path.read_text()))
        assert all(f.text.get(lang).strip() for f in a.findings)
        assert all(r.get(lang).strip() for c in a.dpia.criteria for r in c.reasons)
