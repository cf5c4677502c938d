"""Risk scores: how the pre-scan's calculations turn answers into ``scores.<key>``."""

from __future__ import annotations

from typing import Any

import pytest

from sluis.instruments.rules import INTENDED, PUBLISHED, scores

GEWOON = "Categorie gewone persoonsgegevens: "
BIJZONDER = "Categorie bijzondere persoonsgegevens: "


def score_of(definition: dict, answers: dict[str, Any], key: str, reading=INTENDED) -> Any:
    """As intended: where the published text slips, see the tests of the published reading."""
    return scores(definition, answers, reading).values.get(key)


@pytest.mark.parametrize(
    ("answers", "key", "expected"),
    [
        (
            {"1.1.1": True, "1.1.2": [f"{GEWOON}{n}" for n in ("Logging", "Content")]},
            "gewone_persoonsgegeven",
            0,
        ),
        (
            {
                "1.1.1": True,
                "1.1.2": [
                    f"{GEWOON}{n}"
                    for n in (
                        "Logging",
                        "Content",
                        "Overige",
                        "Helpdeskgegevens",
                        "Naam, contactgegevens",
                        "Demografische gegevens",
                    )
                ],
            },
            "gewone_persoonsgegeven",
            1,
        ),
        (
            {"1.2.1": True, "1.2.2": [f"{BIJZONDER}Gegevens over gezondheid"]},
            "bijzonder_persoonsgegeven",
            1,
        ),
        (
            {"1.2.1": True, "1.2.2": [f"{BIJZONDER}{i}" for i in range(7)]},
            "bijzonder_persoonsgegeven",
            2,
        ),
        ({"1.4.1": ["Categorie betrokkenen: Medewerkers/bewindspersonen"]}, "betrokkenen", 0),
        ({"1.4.1": ["Categorie betrokkenen: Kinderen jonger dan 16 jaar"]}, "betrokkenen", 1),
        (
            {
                "1.4.1": [
                    "Categorie betrokkenen: Kinderen jonger dan 16 jaar",
                    "Categorie betrokkenen: Medewerkers/bewindspersonen",
                ]
            },
            "betrokkenen",
            2,
        ),
        ({"1.5.1": True}, "aantal_betrokkenen", 1),
        ({"1.5.1": "false"}, "aantal_betrokkenen", 0),
        ({"1.5.3": "Vaker dan maandelijks"}, "frequentie_verwerking", 1),
        ({"1.5.3": "Eenmalig"}, "frequentie_verwerking", 0),
        ({}, "frequentie_verwerking", None),
        ({}, "bewaartermijn", 0),
        ({"1.5.4": "Jaar"}, "bewaartermijn", 1),
        ({"2.1.1": True, "2.1.8": True}, "internationale_doorgifte", 2),
        ({"2.1.1": True, "2.1.8": False}, "internationale_doorgifte", 1),
        ({"2.1.1": False}, "internationale_doorgifte", 0),
        ({"3.1": ["Lijst AP: Profilering", "Lijst AP: Zwarte lijsten"]}, "ap", 2),
        ({"3.1": ["Lijst AP: Profilering"]}, "ap", 0),
        ({"4.1": ["Lijst EDPB: Koppelen van datasets"]}, "epdb", 1),
        ({}, "epdb", None),
        (
            {"5.1.1": True, "5.1.2": ["Basisregistratie: Basisregistratie Personen (BRP)"]},
            "basisregistratie",
            1,
        ),
        (
            {"5.1.1": True, "5.1.2": ["Basisregistratie: Basisregistratie Topografie (BRT)"]},
            "basisregistratie",
            0,
        ),
        ({"7.1.1": True, "7.1.2": True}, "digitaledienst_minderjarig", 2),
        ({"7.1.1": True, "7.1.2": False, "7.1.3": False}, "digitaledienst_minderjarig", 1),
        ({"7.1.1": True, "7.1.2": False, "7.1.3": True}, "digitaledienst_minderjarig", 0),
    ],
)
def test_scores_of_the_real_prescan(
    prescan, answers: dict[str, Any], key: str, expected: Any
) -> None:
    assert score_of(prescan, answers, key) == expected


@pytest.mark.parametrize(
    ("answers", "key"),
    [
        ({"1.4.1": ["Categorie betrokkenen: Kinderen jonger dan 16 jaar"]}, "betrokkenen"),
        (
            {"5.1.1": True, "5.1.2": ["Basisregistratie: Basisregistratie Personen (BRP)"]},
            "basisregistratie",
        ),
        ({"7.1.1": True, "7.1.2": True}, "digitaledienst_minderjarig"),
        ({"2.1.1": True, "0.5.1": True, "2.1.3": "Buiten EER"}, "internationale_doorgifte"),
    ],
)
def test_as_published_the_slips_score_less_than_intended(
    prescan, answers: dict[str, Any], key: str
) -> None:
    published = score_of(prescan, answers, key, PUBLISHED) or 0
    assert published < score_of(prescan, answers, key)


def test_as_published_the_weighted_scores_are_zero_and_the_misfiled_one_is_missing(
    prescan,
) -> None:
    answers = {
        "1.4.1": ["Categorie betrokkenen: Kinderen jonger dan 16 jaar"],
        "5.1.1": True,
        "5.1.2": ["Basisregistratie: Basisregistratie Personen (BRP)"],
        "7.1.1": True,
        "7.1.2": True,
    }
    assert score_of(prescan, answers, "betrokkenen", PUBLISHED) == 0
    assert score_of(prescan, answers, "basisregistratie", PUBLISHED) == 0
    assert score_of(prescan, answers, "digitaledienst_minderjarig", PUBLISHED) is None


def test_the_transfer_score_reads_the_cloud_question_only_as_intended(prescan) -> None:
    answers = {"2.1.1": True, "2.1.8": False, "0.5.1": True, "2.1.3": "Buiten EER"}
    assert score_of(prescan, answers, "internationale_doorgifte", PUBLISHED) == 1
    assert score_of(prescan, answers, "internationale_doorgifte") == 2


def test_hidden_answers_do_not_score(prescan) -> None:
    answers = {"1.2.1": False, "1.2.2": [f"{BIJZONDER}Genetische gegevens"]}
    assert score_of(prescan, answers, "bijzonder_persoonsgegeven") == 0


def test_details_keep_the_computed_value_next_to_the_score(prescan) -> None:
    answers = {"1.4.1": ["Categorie betrokkenen: Kinderen jonger dan 16 jaar"]}
    result = scores(prescan, answers, INTENDED)
    detail = next(d for d in result.details if d.key == "betrokkenen")
    assert (detail.task_id, detail.value, detail.score) == ("1.4.1", 3, 1)


def test_a_calculation_without_rules_scores_its_value() -> None:
    definition = {
        "tasks": [
            {
                "task": "q",
                "id": "1",
                "type": ["checkbox_option"],
                "repeatable": False,
                "calculation": {"scoreKey": "n", "expression": "answers('1') | count"},
            }
        ]
    }
    assert scores(definition, {"1": ["a", "b"]}).values == {"n": 2}
