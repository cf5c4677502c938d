"""The two readings of the pre-scan on constructed answer sets: where each slip makes the
verdict as intended differ from the verdict as published (what the government's tool
gives), and where the two agree."""

from __future__ import annotations

from typing import Any

from sluis.instruments.rules.differences import evaluate_readings

CHILDREN = "Categorie betrokkenen: Kinderen jonger dan 16 jaar"
VULNERABLE = "Categorie betrokkenen: Andere kwetsbare groepen (gehandicapten, minderheden, etc.)"
OVERIGE = "Categorie gewone persoonsgegevens: Overige"
# Three risk points in both readings: 10.000 or more, continuous, kept for years.
THREE: dict[str, Any] = {"1.5.1": True, "1.5.3": "Continu", "1.5.4": "Aantal jaren"}


def levels(readings, assessment: str = "DPIA") -> tuple[str, str]:
    return readings.published.get(assessment).level, readings.intended.get(assessment).level


def causes(readings) -> set[str]:
    return {c.split(":", 1)[0] for d in readings.differences for c in d.causes}


def test_unprefixed_weights_give_a_dpia_only_as_intended(prescan) -> None:
    readings = evaluate_readings(prescan, {**THREE, "1.4.1": [CHILDREN, VULNERABLE]})
    assert levels(readings) == ("none", "required")
    assert readings.differs
    assert causes(readings) == {"unprefixed_weights"}
    score = next(d for d in readings.differences if d.kind == "score")
    assert (score.subject, score.published, score.intended) == ("betrokkenen", 0, 2)
    criterion = next(d for d in readings.differences if d.kind == "criterion")
    assert (criterion.subject, criterion.published, criterion.intended) == (
        "DPIA/riskscore",
        False,
        True,
    )


def test_base_registers_weigh_only_as_intended(prescan) -> None:
    answers = {
        **THREE,
        "1.2.1": True,
        "1.2.2": ["Categorie bijzondere persoonsgegevens: Gegevens over gezondheid"],
        "5.1.1": True,
        "5.1.2": ["Basisregistratie: Basisregistratie Personen (BRP)"],
    }
    readings = evaluate_readings(prescan, answers)
    assert levels(readings) == ("none", "required")
    assert causes(readings) == {"unprefixed_weights"}
    assert [d.subject for d in readings.differences if d.kind == "score"] == ["basisregistratie"]


def test_the_misfiled_childrens_score_counts_only_as_intended(prescan) -> None:
    readings = evaluate_readings(prescan, {**THREE, "7.1.1": True, "7.1.2": True})
    assert levels(readings) == ("none", "required")
    assert causes(readings) == {"misplaced_calculation"}
    # the KIA itself does not depend on the score: same in both readings
    assert levels(readings, "KIA") == ("recommended", "recommended")


def test_the_renamed_cloud_question_raises_the_transfer_score_only_as_intended(prescan) -> None:
    answers = {
        "1.5.1": True,
        "1.5.3": "Continu",
        "2.1.1": True,
        "2.1.3": "Buiten EER",
        "2.1.8": False,
        "0.5.1": True,
    }
    readings = evaluate_readings(prescan, answers)
    # as published: 1 + 1 + transfer 1 = 3; as intended the transfer scores 2: total 4
    assert levels(readings) == ("none", "none")
    readings = evaluate_readings(prescan, {**answers, "1.5.4": "Jaar"})
    assert levels(readings) == ("none", "required")
    assert causes(readings) == {"renamed_task"}
    [note] = readings.notes
    assert note.code == "renamed_task" and "0.5.1" in note.text.en


def test_quoted_conditions_hide_a_question_only_as_published(prescan) -> None:
    readings = evaluate_readings(prescan, {"1.1.1": True, "1.1.2": [OVERIGE]})
    question = [d for d in readings.differences if d.kind == "question"]
    assert [(d.subject, d.published, d.intended) for d in question] == [("1.1.3", False, True)]
    assert causes(readings) == {"quoted_condition"}
    # an open text question: no verdict depends on it
    assert not readings.differs


def test_a_quoted_condition_changes_the_verdict_where_a_rule_reads_the_question() -> None:
    definition = {
        "tasks": [
            {
                "task": "kind",
                "id": "1",
                "type": ["radio_option"],
                "repeatable": False,
                "options": [{"value": "a"}, {"value": "b"}],
            },
            {
                "task": "follow-up",
                "id": "2",
                "type": ["radio_option"],
                "valueType": "boolean",
                "repeatable": False,
                "dependencies": [
                    {
                        "type": "conditional",
                        "condition": {"id": "1", "operator": "equals", "value": "'a'"},
                        "action": "show",
                    }
                ],
            },
        ],
        "assessments": [
            {
                "id": "X",
                "levels": [
                    {
                        "level": "required",
                        "expression": "criteria.c",
                        "result": "X",
                        "criteria": [
                            {"id": "c", "expression": "bool(answers('2'))", "explanation": "c"}
                        ],
                    }
                ],
            }
        ],
    }
    readings = evaluate_readings(definition, {"1": "a", "2": True})
    assert levels(readings, "X") == ("none", "required")
    assert causes(readings) == {"quoted_condition"}


def test_the_readings_agree_where_no_slip_is_touched(prescan) -> None:
    for answers in (
        {},
        {"0.1": True},
        {"3.1": ["Lijst AP: Profilering"]},
        {**THREE, "4.1": ["Lijst EDPB: Koppelen van datasets"]},
        {"1.4.1": ["Categorie betrokkenen: Medewerkers/bewindspersonen"], "6.1.1": False},
    ):
        readings = evaluate_readings(prescan, answers)
        assert not readings.differs
        assert readings.differences == ()
        assert readings.notes == ()
        assert [a.level for a in readings.published.assessments] == [
            a.level for a in readings.intended.assessments
        ]


def test_each_difference_is_explained_in_both_languages(prescan) -> None:
    readings = evaluate_readings(prescan, {**THREE, "1.4.1": [CHILDREN, VULNERABLE]})
    document = readings.as_dict()
    assert document["differs"] is True
    assert document["as_published"]["reading"] == "as_published"
    assert document["as_intended"]["reading"] == "as_intended"
    for difference in document["differences"]:
        assert difference["text"]["nl"] and difference["text"]["en"]
    assert [n["code"] for n in document["notes"]] == ["unprefixed_weights"]
    level = next(d for d in readings.differences if d.kind == "level")
    assert level.text.en == "DPIA: not needed as published, required as intended."
    assert level.text.nl == "DPIA: zoals gepubliceerd niet nodig, zoals bedoeld verplicht."
