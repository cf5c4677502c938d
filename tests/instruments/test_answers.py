"""Checking answers against a definition: every problem named by path and rule; values
brought into canonical form."""

from __future__ import annotations

import pytest

from sluis.instruments.answers import AnswersInvalid, check_answers, validate_answers

from .answer_sets import full_answers


def rules_of(definition, answers) -> set[tuple[str, str]]:
    _, errors = check_answers(definition, answers)
    return {(e.path, e.rule) for e in errors}


@pytest.mark.parametrize("name", ["prescan", "dpia", "iama"])
def test_a_full_generated_answer_set_is_valid(definitions, name: str) -> None:
    answers = full_answers(definitions[name])
    assert validate_answers(definitions[name], answers) == answers


def test_every_problem_is_listed(definitions) -> None:
    prescan = definitions["prescan"]
    problems = rules_of(
        prescan,
        {
            "9.9": "nothing",  # no such task
            "0.4": "Rechtsgrond willekeur",  # not an option
            "1.1.2": "Logging",  # checkboxes take a list
            "0": "a group",  # groups are not answered
            "0.1": "misschien",  # a yes/no question
        },
    )
    assert problems == {
        ("9.9", "unknown_task"),
        ("0.4", "not_an_option"),
        ("1.1.2", "not_a_list"),
        ("0", "group_task"),
        ("0.1", "not_an_option"),
    }


def test_dates_and_repeatable_shapes(definitions) -> None:
    dpia = definitions["dpia"]
    date_task = next(
        t
        for t in dpia.answerable()
        if t.kind.value == "date" and not any(a.repeatable for a in dpia.ancestors(t.id))
    )
    assert rules_of(dpia, {date_task.id: "31-12-2025"}) == {(date_task.id, "bad_date")}
    assert rules_of(dpia, {date_task.id: "2025-02-30"}) == {(date_task.id, "bad_date")}
    assert rules_of(dpia, {"2.1": {"2.1.1": "naam"}}) == {("2.1", "not_a_list")}
    assert rules_of(dpia, {"2.1.1": "naam"}) == {("2.1.1", "misplaced_task")}
    assert rules_of(dpia, {"2.1": [{"_index": 0}, {"_index": 0}]}) == {
        ("2.1[1]", "duplicate_index")
    }
    assert rules_of(dpia, {"2.1": [{"_index": 0, "2.1.4": "geheim"}]}) == {
        ("2.1[0].2.1.4", "not_an_option")
    }


def test_values_become_canonical(definitions) -> None:
    prescan, dpia = definitions["prescan"], definitions["dpia"]
    assert validate_answers(prescan, {"0.1": "true", "1.2.1": "false"}) == {
        "0.1": True,
        "1.2.1": False,
    }
    # "Niet van toepassing" is the null option: an answer, kept as None.
    assert validate_answers(dpia, {"15.1.1": None}) == {"15.1.1": None}
    # For a question without a null option, null is no answer.
    assert validate_answers(prescan, {"0.2": None}) == {}


def test_invalid_answers_raise_with_the_list(definitions) -> None:
    with pytest.raises(AnswersInvalid) as caught:
        validate_answers(definitions["prescan"], {"0.4": "x", "8.8": "y"})
    assert {e.rule for e in caught.value.errors} == {"not_an_option", "unknown_task"}
