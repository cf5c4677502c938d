"""The pre-scan's verdicts on constructed answer sets whose outcome is known: one set per
criterion, each level of each assessment, and the case where nothing fires."""

from __future__ import annotations

from typing import Any

import pytest

from sluis.instruments.rules import INTENDED, evaluate_assessments

AP = "Lijst AP: Profilering"
EDPB_A = "Lijst EDPB: Geautomatiseerde besluitvorming"
EDPB_B = "Lijst EDPB: Koppelen van datasets"
CHILDREN = "Categorie betrokkenen: Kinderen jonger dan 16 jaar"
VULNERABLE = "Categorie betrokkenen: Andere kwetsbare groepen (gehandicapten, minderheden, etc.)"
STAFF = "Categorie betrokkenen: Medewerkers/bewindspersonen"

# Risk points as published: special data 1, other sensitive data 1, 10.000 or more 1,
# continuous processing 1, kept for years 1: total 5.
RISKY: dict[str, Any] = {
    "1.2.1": True,
    "1.2.2": ["Categorie bijzondere persoonsgegevens: Gegevens over gezondheid"],
    "1.3.1": True,
    "1.3.2": ["Categorie gevoelige persoonsgegevens: Surfgedrag"],
    "1.5.1": True,
    "1.5.3": "Continu",
    "1.5.4": "Aantal jaren",
}
# As intended the data subjects add 2 (children 3 + vulnerable 3 = 6 → 2): total 5; as
# published the weights never match the prefixed options and the total is 3.
RISKY_AS_INTENDED: dict[str, Any] = {
    "1.4.1": [CHILDREN, VULNERABLE],
    "1.5.1": True,
    "1.5.3": "Continu",
    "1.5.4": "Aantal jaren",
}
TRANSFER: dict[str, Any] = {
    "2.1.1": True,
    "2.1.3": "Buiten EER",
    "2.1.6": "Standaard contractsbepaling (SCC)",
}


def verdict(definition: dict, answers: dict[str, Any], assessment: str) -> tuple[str, list[str]]:
    outcome = evaluate_assessments(definition, answers).get(assessment)
    assert outcome is not None
    return outcome.level, [c.id for c in outcome.fired]


@pytest.mark.parametrize(
    ("answers", "assessment", "level", "fired"),
    [
        ({"0.1": True}, "DPIA", "required", ["wetgeving"]),
        (RISKY, "DPIA", "required", ["riskscore"]),
        ({"3.1": [AP]}, "DPIA", "required", ["aplist"]),
        ({"4.1": [EDPB_A, EDPB_B]}, "DPIA", "required", ["edpblist2"]),
        ({"4.1": [EDPB_A]}, "DPIA", "recommended", ["edpblist1"]),
        (TRANSFER, "DTIA", "required", ["internationale_doorgifte", "mechanisme"]),
        (
            {"7.1.1": True, "7.1.2": True},
            "KIA",
            "recommended",
            ["digitale_dienst", "minderjarigen"],
        ),
        (
            {"6.1.1": True, "6.1.2": True},
            "IAMA",
            "recommended",
            ["hoog_risico_ai", "impact_grondrechten"],
        ),
        (
            {"6.1.1": True, "6.1.2": False, "6.1.3": True},
            "IAMA",
            "recommended",
            ["impactvol_algoritme", "impact_grondrechten"],
        ),
    ],
)
def test_each_criterion_fires_on_its_own_facts(
    prescan, answers: dict[str, Any], assessment: str, level: str, fired: list[str]
) -> None:
    assert verdict(prescan, answers, assessment) == (level, fired)


def test_nothing_fires_on_empty_or_harmless_answers(prescan) -> None:
    harmless = {
        "0.1": False,
        "1.1.1": True,
        "1.1.2": ["Categorie gewone persoonsgegevens: Naam, contactgegevens"],
        "1.4.1": [STAFF],
        "1.5.1": False,
        "1.5.3": "Eenmalig",
        "1.5.4": "Minder dan 1 week",
        "2.1.1": False,
        "6.1.1": False,
        "7.1.1": False,
    }
    for answers in ({}, harmless):
        verdicts = evaluate_assessments(prescan, answers)
        assert [(a.id, a.level, a.fired) for a in verdicts.assessments] == [
            ("DPIA", "none", ()),
            ("DTIA", "none", ()),
            ("KIA", "none", ()),
            ("IAMA", "none", ()),
        ]
        assert verdicts.problems == ()


def test_the_data_subjects_weights_count_only_as_intended(prescan) -> None:
    assert verdict(prescan, RISKY_AS_INTENDED, "DPIA") == ("none", [])
    outcome = evaluate_assessments(prescan, RISKY_AS_INTENDED, INTENDED).get("DPIA")
    assert (outcome.level, [c.id for c in outcome.fired]) == ("required", ["riskscore"])


def test_a_risk_total_of_exactly_four_does_not_require_a_dpia(prescan) -> None:
    four = {**RISKY, "1.5.4": "Minder dan 24 uur"}
    assert verdict(prescan, four, "DPIA") == ("none", [])


def test_the_result_text_and_explanations_are_the_definitions_own(prescan) -> None:
    outcome = evaluate_assessments(prescan, {"3.1": [AP]}).get("DPIA")
    assert outcome.result == "DPIA verplicht"
    assert outcome.fired[0].explanation == "er minimaal 1 item op de AP-lijst is geselecteerd"


def test_required_wins_over_recommended_and_both_levels_are_reported(prescan) -> None:
    outcome = evaluate_assessments(prescan, {"0.1": True, "4.1": [EDPB_A]}).get("DPIA")
    assert outcome.level == "required"
    assert [(lv.level, lv.applies, [c.id for c in lv.fired]) for lv in outcome.levels] == [
        ("required", True, ["wetgeving"]),
        ("recommended", False, ["edpblist1"]),
    ]


def test_answers_to_hidden_questions_do_not_count(prescan) -> None:
    # 2.1.3 and 2.1.6 are only asked when there is a transfer outside the EEA
    assert verdict(prescan, {**TRANSFER, "2.1.1": False}, "DTIA") == ("none", [])
    # 7.1.2 is only asked for a digital service
    assert verdict(prescan, {"7.1.1": False, "7.1.2": True}, "KIA") == ("none", [])
    # 6.1.3 is only asked when the algorithm is not high-risk AI
    assert verdict(prescan, {"6.1.1": True, "6.1.2": True, "6.1.3": True}, "IAMA") == (
        "recommended",
        ["hoog_risico_ai", "impact_grondrechten"],
    )


def test_exported_answers_with_booleans_as_text_give_the_same_verdicts(prescan) -> None:
    wrapped = {
        "0.1": {"value": "true", "lastEditedAt": "2025-01-01T00:00:00Z"},
        "7.1.1": "true",
        "7.1.2": "true",
    }
    assert verdict(prescan, wrapped, "DPIA") == ("required", ["wetgeving"])
    assert verdict(prescan, wrapped, "KIA")[0] == "recommended"


def test_a_broken_rule_is_reported_and_the_others_still_decide() -> None:
    definition = {
        "tasks": [{"task": "q", "id": "1", "type": ["radio_option"], "repeatable": False}],
        "assessments": [
            {
                "id": "X",
                "levels": [
                    {
                        "level": "required",
                        "expression": "criteria.a || criteria.b",
                        "result": "X verplicht",
                        "criteria": [
                            {"id": "a", "expression": "onbekend > 1", "explanation": "a"},
                            {"id": "b", "expression": "bool(answers('1'))", "explanation": "b"},
                        ],
                    }
                ],
            }
        ],
    }
    verdicts = evaluate_assessments(definition, {"1": True})
    assert verdicts.get("X").level == "required"
    assert [c.id for c in verdicts.get("X").fired] == ["b"]
    assert len(verdicts.problems) == 1
    assert "criterion a" in verdicts.problems[0].where
    assert "unknown name 'onbekend'" in verdicts.problems[0].message


def test_a_definition_without_assessments_gives_no_outcomes(real_definitions) -> None:
    assert evaluate_assessments(real_definitions["dpia"], {}).assessments == ()
