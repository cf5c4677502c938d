"""Linting a definition's rules: what we read differently from the letter, and why."""

from __future__ import annotations

from sluis.instruments.rules import definition_notes


def test_the_real_prescan_quirks_are_listed(prescan) -> None:
    notes = {(n.where, n.code) for n in definition_notes(prescan)}
    assert notes == {
        ("task 2.1.8 calculation internationale_doorgifte", "unknown_task"),
        ("task 1.1.3", "quoted_condition"),
        ("task 1.4.2", "quoted_condition"),
        ("task 7.1.3", "misplaced_calculation"),
    }


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
