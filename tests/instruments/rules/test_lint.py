"""Linting a definition's rules: what we read differently from the letter, and why."""

from __future__ import annotations

from sluis.instruments.rules import definition_notes


def test_the_real_prescan_quirks_are_listed(prescan) -> None:
    notes = {(n.where, n.code, n.score) for n in definition_notes(prescan)}
    assert notes == {
        (
            "task 2.1.8 calculation internationale_doorgifte",
            "renamed_task",
            "internationale_doorgifte",
        ),
        ("task 1.1.3", "quoted_condition", None),
        ("task 1.4.2", "quoted_condition", None),
        ("task 7.1.3", "misplaced_calculation", "digitaledienst_minderjarig"),
        ("task 1.4.1 calculation betrokkenen", "unprefixed_weights", "betrokkenen"),
        ("task 5.1.2 calculation basisregistratie", "unprefixed_weights", "basisregistratie"),
    }


def test_every_prescan_note_is_a_quirk_explained_in_both_languages(prescan) -> None:
    for note in definition_notes(prescan):
        assert note.quirk
        assert note.text.nl and note.text.en and note.text.nl != note.text.en
        assert note.as_dict()["readings_differ"] is True


def test_a_missing_task_without_a_known_new_id_stays_unknown() -> None:
    definition = {
        "urn": "urn:nl:other",
        "tasks": [
            {
                "task": "q",
                "id": "1",
                "type": ["radio_option"],
                "repeatable": False,
                "calculation": {"scoreKey": "s", "expression": "answers('0.4.1')"},
            }
        ],
    }
    [note] = definition_notes(definition)
    assert (note.code, note.quirk) == ("unknown_task", False)
    assert "0.4.1" in note.message


def test_the_dpia_and_iama_have_no_rule_notes(real_definitions) -> None:
    assert definition_notes(real_definitions["dpia"]) == []
    assert definition_notes(real_definitions["iama"]) == []


def test_broken_and_dangling_rules_are_named() -> None:
    definition = {
        "tasks": [],
        "assessments": [
            {
                "id": "X",
                "levels": [
                    {
                        "level": "required",
                        "expression": "criteria.a || criteria.zzz",
                        "result": "r",
                        "criteria": [
                            {"id": "a", "expression": "scores.nope > 1", "explanation": "e"},
                            {"id": "b", "expression": "1 +", "explanation": "e"},
                        ],
                    }
                ],
            }
        ],
    }
    codes = sorted(n.code for n in definition_notes(definition))
    assert codes == ["unknown_criterion", "unknown_score", "unparsable"]
