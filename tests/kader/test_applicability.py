"""Which requirements and measures of the real Algoritmekader apply to each example
algorithm, and why; facts left open never exclude but are marked "applies unless"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sluis.kader.applicability import (
    Applicability,
    applicable_measures,
    applicable_requirements,
)
from sluis.kader.parsing import ItemKind, KaderItem
from sluis.profiles.model import AlgorithmProfile

Factory = Callable[..., AlgorithmProfile]
NON_AI_EXAMPLES = [
    "bank-online-credit",
    "child-benefit-grant",
    "insurer-health-pricing",
    "library-overdue-reminders",
    "speeding-fine",
]
# AI Act requirements for deployers of high-risk AI systems, and those for every role.
DEPLOYER_HIGH_RISK = {
    "aia-20",
    "aia-21",
    "aia-22",
    "aia-23",
    "aia-24",
    "aia-25",
    "aia-26",
    "aia-27",
}
ANY_ROLE = {"aia-01", "aia-33", "aia-36"}
PROVIDER_ONLY = {"aia-03", "aia-05", "aia-09", "aia-11", "aia-14", "aia-16", "aia-17", "aia-34"}


def results(profile: AlgorithmProfile, items: list[KaderItem]) -> dict[str, Applicability]:
    return {r.code: r for r in applicable_requirements(profile, items)}


def applying(profile: AlgorithmProfile, items: list[KaderItem]) -> set[str]:
    return {code for code, r in results(profile, items).items() if r.applies}


def general_law(items: list[KaderItem]) -> set[str]:
    return {i.code for i in items if i.kind is ItemKind.requirement and not i.is_ai_act}


def english(result: Applicability) -> str:
    return " ".join(r.en for r in result.reasons)


@pytest.mark.parametrize("name", NON_AI_EXAMPLES)
def test_non_ai_algorithms_in_use_get_all_general_law_and_no_ai_act(
    name: str, make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    # Each is in the monitoring phase: every phase up to it has been reached.
    profile = make_profile(name)
    assert profile.technology.ai_system is False
    found = results(profile, kader_items)
    assert {c for c, r in found.items() if r.applies} == general_law(kader_items)
    assert "avg-10" in general_law(kader_items) and "avg-13" in general_law(kader_items)
    assert all(r.certain for r in found.values() if r.applies)
    assert "not an AI system" in english(found["aia-21"])


def test_child_benefit_gets_art22_but_no_ai_act_requirement(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    found = results(make_profile("child-benefit-grant"), kader_items)
    assert found["avg-10"].applies and found["avg-10"].certain
    assert "Applies from the design phase" in english(found["avg-10"])
    assert not any(r.applies for c, r in found.items() if c.startswith("aia-"))


def test_welfare_model_gets_deployer_requirements_but_not_provider_ones(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    profile = make_profile("welfare-fraud-risk-selection")
    found = results(profile, kader_items)
    ai_act = {c for c, r in found.items() if r.applies and c.startswith("aia-")}
    assert ai_act == DEPLOYER_HIGH_RISK | ANY_ROLE
    assert {c for c, r in found.items() if r.applies} - ai_act == general_law(kader_items)
    assert all(r.certain for r in found.values() if r.applies)
    assert not any(found[c].applies for c in PROVIDER_ONLY)
    assert "role under the AI Act: provider; this algorithm: deployer" in english(found["aia-03"])
    # Its own classification excludes the others: prohibited AI, general-purpose models.
    assert "risk group (AI Act): prohibited AI" in english(found["aia-00"])
    assert "general-purpose AI model" in english(found["aia-29"])


def test_recruitment_tool_in_design_gets_no_monitoring_requirement_yet(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    profile = make_profile("recruitment-screening")
    assert [p.value for p in profile.registration.lifecycle_phases] == ["design", "implementation"]
    found = results(profile, kader_items)
    ai_act = {c for c, r in found.items() if r.applies and c.startswith("aia-")}
    assert ai_act == (DEPLOYER_HIGH_RISK | ANY_ROLE) - {"aia-22"}
    assert "only from the monitoring and management phase" in english(found["aia-22"])
    assert found["aia-23"].applies  # tagged development and monitoring: development reached
    assert {c for c, r in found.items() if r.applies} - ai_act == general_law(kader_items)


def test_organisational_requirements_apply_in_every_phase(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    profile = make_profile("welfare-fraud-risk-selection", lifecycle_phases=["problem_analysis"])
    found = results(profile, kader_items)
    assert found["aia-21"].applies  # organisatieverantwoordelijkheden
    assert "every phase" in english(found["aia-21"])
    assert found["grw-01"].applies  # tagged problem analysis
    assert not found["avg-10"].applies  # from design on
    assert not found["aia-22"].applies


def test_unknown_facts_never_exclude_but_are_marked(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    profile = make_profile(
        "welfare-fraud-risk-selection",
        sections={"technology": {"kind": "machine_learning"}},
        lifecycle_phases=[],
        ai_act_role=None,
        ai_act_risk_group=None,
        ai_application_type=None,
        transparency_obligation=None,
        open_source=None,
    )
    found = results(profile, kader_items)
    # Everything applies: nothing the profile says rules anything out.
    assert all(r.applies for r in found.values())
    aia03 = found["aia-03"]
    assert not aia03.certain
    assert {"ai_system", "ai_act_role", "ai_act_risk_group"} <= set(aia03.unknown_facets)
    assert "Applies unless the algorithm is not an AI system" in english(aia03)
    assert "Applies unless the role under the AI Act is: deployer" in english(aia03)
    avg10 = found["avg-10"]
    assert avg10.unknown_facets == ("lifecycle_phases",)
    assert "registration.lifecycle_phases" in english(avg10)


def test_an_exception_that_holds_excludes_and_one_that_may_hold_is_marked(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    # AI Act art. 2(12): free and open-source AI, not high-risk, no art. 50 duty.
    open_model = make_profile(
        "recruitment-screening",
        ai_act_risk_group="not_high_risk",
        open_source=True,
        transparency_obligation=False,
    )
    found = results(open_model, kader_items)
    assert not found["aia-01"].applies
    assert "Exception holds" in english(found["aia-01"])
    unsure = make_profile(
        "recruitment-screening",
        ai_act_risk_group="not_high_risk",
        open_source=None,
        transparency_obligation=False,
    )
    aia01 = results(unsure, kader_items)["aia-01"]
    assert aia01.applies and not aia01.certain
    assert "open_source" in aia01.unknown_facets
    assert "Applies unless this exception holds" in english(aia01)


def test_general_purpose_model_providers_get_the_model_requirements(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    profile = make_profile(
        "recruitment-screening",
        ai_application_type="general_purpose_ai_model",
        ai_act_role="provider",
        ai_act_risk_group=None,  # a model has no risk group: read as not applicable
        transparency_obligation=None,
        systemic_risk=True,
        lifecycle_phases=["monitoring"],
    )
    got = applying(profile, kader_items)
    assert {"aia-29", "aia-30", "aia-31", "aia-32", "aia-39"} <= got
    assert not got & {"aia-03", "aia-21", "aia-28"}
    without_systemic_risk = make_profile(
        "recruitment-screening",
        ai_application_type="general_purpose_ai_model",
        ai_act_role="provider",
        ai_act_risk_group=None,
        transparency_obligation=None,
        systemic_risk=False,
        lifecycle_phases=["monitoring"],
    )
    got = applying(without_systemic_risk, kader_items)
    assert "aia-29" in got and "aia-30" not in got


def test_prohibited_ai_gets_the_ban(make_profile: Factory, kader_items: list[KaderItem]) -> None:
    profile = make_profile("welfare-fraud-risk-selection", ai_act_risk_group="prohibited")
    got = applying(profile, kader_items)
    assert "aia-00" in got and "aia-21" not in got


def test_an_unknown_value_in_the_framework_never_matches(make_profile: Factory) -> None:
    item = KaderItem(
        urn="urn:nl:ak:ver:aia-90",
        kind=ItemKind.requirement,
        code="aia-90",
        title="T",
        summary=None,
        facets={"ai_act_role": ("martian",)},
        requirement_codes=(),
        body_sha256="0" * 64,
        source_path="vereisten/aia-90.md",
    )
    profile = make_profile("welfare-fraud-risk-selection")
    (result,) = applicable_requirements(profile, [item])
    assert not result.applies
    assert "martian" in english(result)


def test_measures_follow_the_requirements_they_serve(
    make_profile: Factory, kader_items: list[KaderItem]
) -> None:
    items = {i.code: i for i in kader_items}
    for name in ("welfare-fraud-risk-selection", "child-benefit-grant"):
        profile = make_profile(name)
        requirements = applicable_requirements(profile, kader_items)
        applies = {r.code for r in requirements if r.applies}
        measures = {m.code: m for m in applicable_measures(profile, kader_items, requirements)}
        assert len(measures) == 108
        for code, measure in measures.items():
            if measure.applies and items[code].requirement_codes:
                assert set(measure.requirement_codes) <= applies
                assert measure.requirement_codes
            if not set(items[code].requirement_codes) & applies and items[code].requirement_codes:
                assert not measure.applies
    welfare = make_profile("welfare-fraud-risk-selection")
    measures = {m.code: m for m in applicable_measures(welfare, kader_items)}
    # dat-07 serves only a provider's duty (aia-10); org-12 also a deployer's (aia-27).
    assert not measures["dat-07"].applies
    assert "aia-10" in " ".join(r.en for r in measures["dat-07"].reasons)
    assert measures["org-12"].applies and measures["org-12"].requirement_codes == ("aia-27",)
    assert measures["imp-03"].applies  # human intervention, for art. 22 among others
    # A measure tied to no requirement applies on its phase alone.
    assert measures["org-04"].applies and measures["org-04"].requirement_codes == ()
    child = {
        m.code: m for m in applicable_measures(make_profile("child-benefit-grant"), kader_items)
    }
    assert not child["org-12"].applies
