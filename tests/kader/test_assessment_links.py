"""Where Sluis's assessment already answers a requirement, the checklist shows its
suggestion: art. 22 by the verdict, the DPIA by its verdict, the principles by findings."""

from __future__ import annotations

from collections.abc import Callable

from sluis.kader.assessment_links import LINKS, LinkStatus, assessment_link, assessment_links
from sluis.kader.parsing import ItemKind, KaderItem
from sluis.law.assess import assess
from sluis.profiles.model import AlgorithmProfile

Factory = Callable[..., AlgorithmProfile]


def links(profile: AlgorithmProfile) -> dict[str, LinkStatus]:
    return {c: link.status for c, link in assessment_links(LINKS, assess(profile), profile).items()}


def english(profile: AlgorithmProfile, code: str) -> str:
    link = assessment_link(code, assess(profile), profile)
    assert link is not None
    return " ".join(r.en for r in link.reasons)


def test_every_linked_code_is_a_requirement_of_the_framework(
    kader_items: list[KaderItem],
) -> None:
    codes = {i.code for i in kader_items if i.kind is ItemKind.requirement}
    assert set(LINKS) <= codes
    assert {"avg-10", "avg-13", "avg-01", "avg-02", "avg-03", "avg-08"} <= set(LINKS)


def test_a_lawful_decision_under_a_bound_power_meets_art22_with_its_safeguards(
    make_profile: Factory,
) -> None:
    child = make_profile("child-benefit-grant")
    found = links(child)
    assert found["avg-10"] is LinkStatus.met
    text = english(child, "avg-10")
    assert "'law' exception" in text and "provided these safeguards" in text
    assert len(assessment_link("avg-10", assess(child), child).reasons) > 1  # type: ignore[union-attr]
    # A DPIA is required and the profile records one as done.
    assert found["avg-13"] is LinkStatus.met
    assert found["avg-01"] is found["avg-02"] is found["avg-03"] is LinkStatus.met
    assert "grw-02" not in found  # no proxy found proves nothing: no suggestion


def test_the_recruitment_tool_fails_art22_retention_and_dpia(make_profile: Factory) -> None:
    recruitment = make_profile("recruitment-screening")
    found = links(recruitment)
    assert found["avg-10"] is LinkStatus.not_met
    assert "Prohibited under GDPR art. 22(1)" in english(recruitment, "avg-10")
    assert found["avg-13"] is LinkStatus.not_met
    assert "records no DPIA" in english(recruitment, "avg-13")
    assert found["avg-02"] is LinkStatus.not_met  # a category without retention period
    assert found["avg-03"] is LinkStatus.open  # fields without a stated purpose
    assert found["avg-01"] is LinkStatus.open  # legitimate interests need a balancing test
    assert found["grw-02"] is LinkStatus.open  # postcode, date of birth as proxies
    assert found["avg-08"] is LinkStatus.not_applicable


def test_special_category_data_on_an_art9_exception_meets_avg08(make_profile: Factory) -> None:
    insurer = make_profile("insurer-health-pricing")
    assert links(insurer)["avg-08"] is LinkStatus.met
    assert "9(2)" in english(insurer, "avg-08")


def test_no_dpia_needed_and_no_art22_make_them_not_applicable(make_profile: Factory) -> None:
    library = make_profile("library-overdue-reminders")
    found = links(library)
    assert found["avg-10"] is LinkStatus.not_applicable
    assert found["avg-13"] is LinkStatus.not_applicable


def test_missing_facts_leave_art22_open(make_profile: Factory) -> None:
    vague = make_profile("child-benefit-grant", sections={"decisions": []})
    assert links(vague)["avg-10"] is LinkStatus.open
    assert "open questions" in english(vague, "avg-10")


def test_codes_without_a_link_have_none(make_profile: Factory) -> None:
    child = make_profile("child-benefit-grant")
    assert assessment_link("aia-21", assess(child), child) is None
