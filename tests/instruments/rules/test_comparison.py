"""Our own DPIA verdict next to the pre-scan's, on the same facts."""

from __future__ import annotations

from pathlib import Path

import yaml

from sluis.instruments.rules import compare_with_assessment, evaluate_assessments
from sluis.law.assess import assess
from sluis.law.findings import t
from sluis.law.results import DpiaCriterion, DpiaResult, DpiaVerdict
from sluis.profiles.validation import validate_profile

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def ours(name: str):
    return assess(validate_profile(yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text())))


def dpia_result(verdict: DpiaVerdict, met=(), open_=()) -> DpiaResult:
    criteria = tuple(
        DpiaCriterion(
            number=n,
            key=f"c{n}",
            title=t(f"c{n}", f"c{n}"),
            met=True if n in met else None if n in open_ else False,
        )
        for n in range(1, 10)
    )
    return DpiaResult(
        required=verdict,
        reasons=(),
        criteria=criteria,
        criteria_met=tuple(met),
        art35_3=(),
        nl_list=(),
    )


def test_agree_when_neither_finds_a_dpia_needed(prescan) -> None:
    comparison = compare_with_assessment(
        ours("library-overdue-reminders"), evaluate_assessments(prescan, {})
    )
    assert comparison.agree
    assert comparison.ours is comparison.prescan is DpiaVerdict.not_required
    assert "hetzelfde" in comparison.reasons[0].nl and "same" in comparison.reasons[0].en


def test_agree_on_required_and_name_the_dpa_list_categories_we_found(prescan) -> None:
    bank = ours("bank-online-credit")
    comparison = compare_with_assessment(
        bank, evaluate_assessments(prescan, {"3.1": ["Lijst AP: Creditscores"]})
    )
    assert comparison.agree
    listed = comparison.reasons[1]
    assert all(c.title.en in listed.en for c in bank.dpia.nl_list)


def test_disagree_when_the_prescan_counts_points_and_we_find_too_few_criteria(prescan) -> None:
    risky = {
        "1.2.1": True,
        "1.2.2": ["Categorie bijzondere persoonsgegevens: Gegevens over gezondheid"],
        "1.3.1": True,
        "1.3.2": ["Categorie gevoelige persoonsgegevens: Surfgedrag"],
        "1.5.1": True,
        "1.5.3": "Continu",
        "1.5.4": "Jaar",
    }
    comparison = compare_with_assessment(
        dpia_result(DpiaVerdict.recommended, met=(7,)), evaluate_assessments(prescan, risky)
    )
    assert not comparison.agree
    assert comparison.prescan is DpiaVerdict.required and comparison.ours is DpiaVerdict.recommended
    text = " ".join(r.en for r in comparison.reasons)
    assert "above 4 points" in text and "two or more" in text and "met here: 7" in text
    assert "boven 4 punten" in " ".join(r.nl for r in comparison.reasons)


def test_disagree_when_we_require_a_dpia_the_prescan_answers_do_not(prescan) -> None:
    speeding = ours("speeding-fine")
    comparison = compare_with_assessment(speeding, evaluate_assessments(prescan, {}))
    assert not comparison.agree
    text = " ".join(r.en for r in comparison.reasons)
    assert "art. 35(3) (c)" in text
    assert "not ticked in the pre-scan" in text
    assert f"{len(speeding.dpia.criteria_met)} of the nine EDPB criteria are met" in text


def test_new_legislation_is_explained_as_a_prescan_rule_of_its_own(prescan) -> None:
    comparison = compare_with_assessment(
        dpia_result(DpiaVerdict.not_required), evaluate_assessments(prescan, {"0.1": True})
    )
    assert not comparison.agree
    assert any("35(10)" in r.en and "35 lid 10" in r.nl for r in comparison.reasons)


def test_open_criteria_on_our_side_are_named(prescan) -> None:
    comparison = compare_with_assessment(
        dpia_result(DpiaVerdict.recommended, open_=(3, 5)), evaluate_assessments(prescan, {})
    )
    assert not comparison.agree
    assert any("(3, 5)" in r.en for r in comparison.reasons)


def test_single_edpb_item_against_our_count(prescan) -> None:
    outcome = evaluate_assessments(prescan, {"4.1": ["Lijst EDPB: Koppelen van datasets"]}).get(
        "DPIA"
    )
    comparison = compare_with_assessment(dpia_result(DpiaVerdict.recommended, met=(6,)), outcome)
    assert comparison.agree
    assert comparison.as_dict()["reasons"][1]["en"].startswith("In the pre-scan exactly one")
