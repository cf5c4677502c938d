"""Opening a DPIA: sections and suggested risks prefilled from the profile and assessment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from sluis.dpia_document.model import TEXT_SECTIONS, DpiaState, SectionKey
from sluis.dpia_document.prefill import DpiaNotNeeded, prefill
from sluis.law.assess import assess
from sluis.law.results import Assessment, DpiaVerdict
from sluis.profiles.model import AlgorithmProfile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
Loader = Callable[[str], tuple[AlgorithmProfile, Assessment]]
NEEDING = sorted(p.stem for p in EXAMPLES.glob("*.yaml") if p.stem != "library-overdue-reminders")


def test_the_examples_that_need_a_dpia_are_the_ones_tested(example: Loader) -> None:
    verdicts = {name: example(name)[1].dpia.required for name in NEEDING}
    assert set(verdicts.values()) <= {DpiaVerdict.required, DpiaVerdict.recommended}
    assert len(NEEDING) >= 6


@pytest.mark.parametrize("name", NEEDING)
def test_sections_are_filled_from_the_profile(name: str, example: Loader) -> None:
    profile, assessment = example(name)
    doc = prefill(profile, assessment, language="nl")

    assert doc.state is DpiaState.draft
    assert (doc.profile_id, doc.profile_version) == (profile.id, 1)
    assert [s.key for s in doc.sections] == list(TEXT_SECTIONS)
    text = {s.key: s.text for s in doc.sections}
    assert profile.name in text[SectionKey.description]
    for purpose in profile.purposes:
        assert purpose in text[SectionKey.purposes]
    for field in profile.data_fields:
        assert field.name in text[SectionKey.personal_data]
    assert profile.controller.name in text[SectionKey.parties]
    if profile.legal_basis.law:
        assert profile.legal_basis.law in text[SectionKey.legal_basis]
    for retention in profile.retention:
        assert retention.data_category in text[SectionKey.necessity]
    for reason in assessment.dpia.reasons:
        assert reason.nl in text[SectionKey.description]
    # Why the residual risk is acceptable is a judgement: left for the author.
    assert text[SectionKey.residual_risk] == ""
    for section in doc.sections:
        assert section.source.nl and section.source.en
        assert section.text == section.prefill.nl


@pytest.mark.parametrize("name", NEEDING)
def test_suggested_risks_must_be_confirmed(name: str, example: Loader) -> None:
    doc = prefill(*example(name))
    assert doc.risks, "every DPIA starts with suggested risks"
    assert [r.id for r in doc.risks] == [f"R{n}" for n in range(1, len(doc.risks) + 1)]
    for risk in doc.risks:
        assert not risk.confirmed
        assert risk.justification and risk.origin and risk.affected_rights
        assert 1 <= risk.likelihood <= 4 and 1 <= risk.impact <= 4
    assert doc.measures == ()


def test_the_library_reminders_need_no_dpia(example: Loader) -> None:
    profile, assessment = example("library-overdue-reminders")
    with pytest.raises(DpiaNotNeeded) as refused:
        prefill(profile, assessment)
    assert refused.value.reasons == assessment.dpia.reasons
    assert "needs no DPIA" in str(refused.value)


def test_a_prohibited_automated_decision_is_the_gravest_risk(example: Loader) -> None:
    doc = prefill(*example("recruitment-screening"))
    first = doc.risks[0]
    assert first.origin == "art22.verdict.prohibited"
    assert (first.likelihood, first.impact) == (4, 4)
    assert "art. 22" in " ".join(first.affected_rights)


@pytest.mark.parametrize("name", ["recruitment-screening", "insurer-health-pricing"])
def test_a_proxy_field_suggests_indirect_discrimination(name: str, example: Loader) -> None:
    profile, assessment = example(name)
    proxies = [
        f.id.removeprefix("principles.proxy.")
        for f in assessment.findings
        if f.id.startswith("principles.proxy.")
    ]
    risk = next(r for r in prefill(profile, assessment).risks if r.origin == "principles.proxy")
    assert all(p in risk.title for p in proxies)
    assert risk.impact == 4


def test_vulnerable_people_large_scale_and_risk_selection_are_suggested(example: Loader) -> None:
    origins = {r.origin for r in prefill(*example("welfare-fraud-risk-selection")).risks}
    assert {"wp248.7", "wp248.5", "art22.risk_selection", "security"} <= origins


def test_special_categories_raise_the_impact_of_a_breach(example: Loader) -> None:
    risks = prefill(*example("insurer-health-pricing")).risks
    assert next(r for r in risks if r.origin == "security").impact == 4
    assert any(r.origin == "wp248.4" for r in risks)


def test_missing_facts_become_open_points(example: Loader) -> None:
    profile, _ = example("welfare-fraud-risk-selection")
    bare = profile.model_copy(update={"purposes": [], "description": None})
    doc = prefill(bare, assess(bare, version=3))
    assert doc.profile_version == 3
    assert doc.section(SectionKey.purposes).has_open_points
    assert doc.section(SectionKey.description).has_open_points
    # Subsidiarity is never in a profile: always an open point.
    assert "[[" in doc.section(SectionKey.necessity).text


def test_the_document_is_written_in_the_chosen_language(example: Loader) -> None:
    doc = prefill(*example("bank-online-credit"), language="en")
    assert doc.language == "en"
    assert doc.section(SectionKey.description).text.startswith(
        doc.section(SectionKey.description).prefill.en[:20]
    )
    assert "Why a DPIA" in doc.section(SectionKey.description).text
    assert any("Unauthorised access" in r.title for r in doc.risks)


def test_an_unstored_assessment_cannot_be_prefilled(example: Loader) -> None:
    profile, _ = example("bank-online-credit")
    with pytest.raises(ValueError, match="stored profile version"):
        prefill(profile, assess(profile))


def test_sections_cite_paragraphs_of_the_government_model(shared_data: Path) -> None:
    """The source notes name paragraphs of the DPIA Rapportagemodel Rijksdienst 3.0; check
    them against the model's own definition."""
    from sluis.dpia_document.model import SECTION_SPECS

    definition = yaml.safe_load((shared_data / "par-dpia-form/sources/dpia.yaml").read_text())
    ids: set[str] = set()

    def collect(tasks: list[dict]) -> None:  # type: ignore[type-arg]
        for task in tasks:
            ids.add(str(task["id"]))
            collect(task.get("tasks") or [])

    collect(definition["tasks"])
    for spec in SECTION_SPECS.values():
        for paragraph in spec.model_paragraphs.split(", "):
            assert paragraph in ids, paragraph
