"""The engine's entry point: one assessment from the parts, in a stable order."""

from __future__ import annotations

from sluis.law.assess import ENGINE_VERSION, assess
from sluis.law.findings import FindingKind
from sluis.profiles.model import AlgorithmProfile

SPARSE = AlgorithmProfile.model_validate(
    {
        "id": "p",
        "name": "P",
        "controller": {"name": "C"},
        "data_fields": [{"name": "a", "category": "c"}],
        "decisions": [{"id": "d", "description": "D"}],
    }
)


def test_a_sparse_profile_yields_open_questions_instead_of_assumptions() -> None:
    a = assess(SPARSE)
    assert a.art22.verdict.value == "unknown"
    assert a.art22.applies is None
    subjects = [f.subject for f in a.open_questions]
    assert "decisions[d].effect" in subjects
    assert "decisions[d].human_involvement" in subjects


def test_each_missing_fact_is_asked_once_citing_every_rule_that_needs_it() -> None:
    a = assess(SPARSE)
    subjects = [f.subject for f in a.open_questions]
    assert len(subjects) == len(set(subjects))
    (effect,) = [f for f in a.open_questions if f.subject == "decisions[d].effect"]
    labels = {str(c) for c in effect.articles}
    assert "GDPR art. 22(1)" in labels
    assert any(label.startswith("WP248") for label in labels)


def test_findings_are_gravest_first_with_unique_ids() -> None:
    a = assess(SPARSE)
    order = {"violation": 0, "warning": 1, "info": 2}
    ranks = [order[f.severity.value] for f in a.findings]
    assert ranks == sorted(ranks)
    assert len({f.id for f in a.findings}) == len(a.findings)


def test_the_json_shape_names_its_format_engine_and_open_questions() -> None:
    data = assess(SPARSE, version=3).to_json_dict()
    assert data["format"] == "sluis.assessment/1"
    assert data["engine_version"] == ENGINE_VERSION
    assert data["profile"] == {"id": "p", "name": "P", "version": 3}
    questions = [f["id"] for f in data["findings"] if f["kind"] == FindingKind.open_question]
    assert data["open_questions"] == questions
    assert all(isinstance(x, str) for f in data["findings"] for x in f["articles"])


def test_assessment_is_deterministic() -> None:
    assert assess(SPARSE).to_json_dict() == assess(SPARSE).to_json_dict()
