"""Lawfulness and the processing principles (art. 5, 6, 9, 10 GDPR; art. 46 UAVG)."""

from __future__ import annotations

from typing import Any

from sluis.law.findings import FindingKind, Severity
from sluis.law.principles import assess_principles
from sluis.profiles.model import AlgorithmProfile


def profile(**overrides: Any) -> AlgorithmProfile:
    document: dict[str, Any] = {
        "id": "p",
        "name": "Profile",
        "controller": {"name": "C", "administrative_body": False},
        "purposes": ["A purpose"],
        "legal_basis": {"article6": "contract", "law": "The contract"},
        "data_subjects": [{"category": "customers", "vulnerable": False, "count": 10}],
        "data_fields": [{"name": "income", "category": "income", "purpose": "Affordability"}],
        "retention": [{"data_category": "income", "months": 12}],
        "processing": {"security_measures": ["encryption"]},
    }
    document.update(overrides)
    return AlgorithmProfile.model_validate(document)


def findings_by_id(p: AlgorithmProfile) -> dict[str, Any]:
    return {f.id: f for f in assess_principles(p)}


def test_a_complete_profile_raises_nothing() -> None:
    assert findings_by_id(profile()) == {}


def test_missing_legal_basis_is_asked_not_assumed() -> None:
    found = findings_by_id(profile(legal_basis={}))
    assert found["principles.open.legal_basis"].kind is FindingKind.open_question


def test_authorities_may_not_use_legitimate_interests() -> None:
    found = findings_by_id(
        profile(
            controller={"name": "Gemeente", "administrative_body": True},
            legal_basis={"article6": "legitimate_interests"},
        )
    )
    violation = found["principles.legal_basis.legitimate_interests_authority"]
    assert violation.severity is Severity.violation
    assert "GDPR art. 6(1)(f)" in {str(a) for a in violation.articles}


def test_legitimate_interests_need_a_balancing_test() -> None:
    found = findings_by_id(profile(legal_basis={"article6": "legitimate_interests"}))
    assert "principles.legal_basis.balancing_test" in found


def test_public_task_must_name_its_law() -> None:
    found = findings_by_id(profile(legal_basis={"article6": "public_task"}))
    assert found["principles.legal_basis.law_missing"].severity is Severity.violation


def test_consent_by_an_authority_is_a_warning() -> None:
    found = findings_by_id(
        profile(
            controller={"name": "Gemeente", "administrative_body": True},
            legal_basis={"article6": "consent"},
        )
    )
    assert found["principles.legal_basis.consent_authority"].severity is Severity.warning


def test_purposes_must_be_stated() -> None:
    found = findings_by_id(profile(purposes=[]))
    assert found["principles.purposes.missing"].severity is Severity.violation


def test_every_field_must_be_justified() -> None:
    found = findings_by_id(profile(data_fields=[{"name": "income", "category": "income"}]))
    assert "principles.minimisation.unjustified.income" in found


def test_fields_no_decision_uses_are_questioned() -> None:
    found = findings_by_id(
        profile(
            data_fields=[
                {"name": "income", "category": "income", "purpose": "x"},
                {"name": "hobby", "category": "income", "purpose": "y"},
            ],
            decisions=[{"id": "d", "description": "D", "uses_fields": ["income"]}],
        )
    )
    assert "principles.minimisation.unused.hobby" in found
    assert "principles.minimisation.unused.income" not in found


def test_every_data_category_needs_a_retention_period() -> None:
    found = findings_by_id(profile(retention=[]))
    assert found["principles.retention.missing.income"].severity is Severity.violation


def test_special_category_without_art9_ground_is_a_violation() -> None:
    field = {
        "name": "diagnosis",
        "category": "health",
        "special_category": "health",
        "purpose": "x",
    }
    found = findings_by_id(
        profile(data_fields=[field], retention=[{"data_category": "health", "months": 1}])
    )
    assert found["principles.art9.diagnosis"].severity is Severity.violation


def test_special_category_with_art9_ground_is_recorded_as_a_duty() -> None:
    field = {
        "name": "diagnosis",
        "category": "health",
        "special_category": "health",
        "art9_exception": "h",
        "purpose": "x",
    }
    found = findings_by_id(
        profile(data_fields=[field], retention=[{"data_category": "health", "months": 1}])
    )
    assert found["principles.art9.diagnosis"].severity is Severity.info
    assert "GDPR art. 9(2)(h)" in {str(a) for a in found["principles.art9.diagnosis"].articles}


def test_criminal_data_needs_an_art10_basis() -> None:
    field = {"name": "convictions", "category": "justice", "criminal_data": True, "purpose": "x"}
    found = findings_by_id(
        profile(data_fields=[field], retention=[{"data_category": "justice", "months": 1}])
    )
    assert "principles.art10.convictions" in found


def test_bsn_needs_a_law_in_the_netherlands() -> None:
    field = {"name": "bsn", "category": "income", "national_id": True, "purpose": "x"}
    found = findings_by_id(profile(data_fields=[field]))
    assert "UAVG art. 46" in {str(a) for a in found["principles.bsn.bsn"].articles}
    with_law = {**field, "national_id_basis": "Wet SUWI art. 62"}
    assert "principles.bsn.bsn" not in findings_by_id(profile(data_fields=[with_law]))


def test_nationality_is_flagged_as_a_proxy_for_discrimination() -> None:
    field = {"name": "nationality", "category": "origin", "purpose": "x"}
    found = findings_by_id(
        profile(data_fields=[field], retention=[{"data_category": "origin", "months": 1}])
    )
    assert "principles.proxy.nationality" in found


def test_proxy_detection_respects_a_declared_no_and_ignores_lookalikes() -> None:
    declared_not = {
        "name": "age_band",
        "category": "income",
        "purpose": "x",
        "protected_ground_proxy": False,
    }
    lookalike = {"name": "wage", "category": "income", "purpose": "x"}
    found = findings_by_id(profile(data_fields=[declared_not, lookalike]))
    assert not any(key.startswith("principles.proxy") for key in found)


def test_undescribed_security_and_transfers_are_duties() -> None:
    found = findings_by_id(profile(processing={"third_country_transfers": ["United States"]}))
    assert "principles.security.undescribed" in found
    assert "United States" in found["principles.transfers"].text.en
