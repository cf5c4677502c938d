"""Which questions are shown: the ``conditional`` dependencies, chains of them, repeatable
groups, and leaving hidden answers out."""

from __future__ import annotations

from typing import Any

from sluis.instruments.rules import counted_answers, visible_tasks
from sluis.instruments.rules.visibility import condition_met

OVERIGE = "Categorie gewone persoonsgegevens: Overige"


def shown(definition: dict, answers: dict[str, Any], task_id: str, location=()) -> bool:
    return visible_tasks(definition, answers).is_visible(task_id, location)


def test_a_follow_up_question_shows_only_for_its_answer(prescan) -> None:
    assert not shown(prescan, {}, "0.5.2")
    assert not shown(prescan, {"0.5.1": False}, "0.5.2")
    assert shown(prescan, {"0.5.1": True}, "0.5.2")
    assert shown(prescan, {"0.5.1": "true"}, "0.5.2")  # as exported in JSON
    assert shown(prescan, {"0.5.1": True}, "0.5.1")


def test_all_show_conditions_must_hold(prescan) -> None:
    assert shown(prescan, {"6.1.1": True, "6.1.2": False}, "6.1.3")
    assert not shown(prescan, {"6.1.1": True, "6.1.2": True}, "6.1.3")
    assert not shown(prescan, {"6.1.1": False, "6.1.2": False}, "6.1.3")


def test_contains_reads_a_ticked_option_and_hiding_carries_down_a_chain(prescan) -> None:
    assert shown(prescan, {"1.1.1": True, "1.1.2": [OVERIGE]}, "1.1.3")
    assert not shown(
        prescan, {"1.1.1": True, "1.1.2": ["Categorie gewone persoonsgegevens: Logging"]}, "1.1.3"
    )
    # 1.1.2 is hidden when 1.1.1 is no, so its leftover answer no longer shows 1.1.3
    assert not shown(prescan, {"1.1.1": False, "1.1.2": [OVERIGE]}, "1.1.3")


def test_visible_and_hidden_ids(prescan) -> None:
    visibility = visible_tasks(prescan, {"2.1.1": True})
    assert {"2.1.2", "2.1.6", "2.1.8"} <= visibility.visible_ids()
    assert "2.1.7" in visibility.hidden_ids()
    assert "0.5.2" in visibility.hidden_ids()


def test_conditions_inside_repeatable_groups_read_the_same_element(real_definitions) -> None:
    dpia = real_definitions["dpia"]
    answers = {
        "2.1": [
            {"_index": 0, "2.1.6": True, "2.1.7": "Partij A"},
            {"_index": 1, "2.1.6": False, "2.1.7": "weg"},
        ]
    }
    visibility = visible_tasks(dpia, answers)
    assert visibility.is_visible("2.1.7", (("2.1", 0),))
    assert not visibility.is_visible("2.1.7", (("2.1", 1),))
    assert not visibility.is_visible("2.1.7", (("2.1", 7),))  # a new, empty element
    assert counted_answers(dpia, answers)["2.1"] == [
        {"_index": 0, "2.1.6": True, "2.1.7": "Partij A"},
        {"_index": 1, "2.1.6": False},
    ]


def test_hidden_answers_are_left_out_and_others_kept(prescan) -> None:
    answers = {"0.5.1": False, "0.5.2": ["Cloudopslag van data"], "0.2": "Een beschrijving"}
    assert counted_answers(prescan, answers) == {"0.5.1": False, "0.2": "Een beschrijving"}


def test_a_hide_action_hides_when_its_condition_holds() -> None:
    definition = {
        "tasks": [
            {
                "task": "a",
                "id": "1",
                "type": ["radio_option"],
                "repeatable": False,
                "valueType": "boolean",
            },
            {
                "task": "b",
                "id": "2",
                "type": ["open_text"],
                "repeatable": False,
                "dependencies": [
                    {
                        "type": "conditional",
                        "condition": {"id": "1", "operator": "equals", "value": True},
                        "action": "hide",
                    }
                ],
            },
        ]
    }
    assert shown(definition, {}, "2")
    assert not shown(definition, {"1": True}, "2")


def test_a_child_of_a_hidden_group_is_hidden(real_definitions) -> None:
    iama = real_definitions["iama"]
    assert not shown(iama, {}, "2.2A")
    assert shown(iama, {"2.1.1.1": "niet-zelflerend"}, "2.2A")
    children = [t["id"] for t in _find(iama["tasks"], "2.2A").get("tasks", [])]
    assert children and not any(shown(iama, {}, child) for child in children)


def _find(tasks: list[dict], task_id: str) -> dict:
    for task in tasks:
        if task.get("id") == task_id:
            return task
        found = _find(task.get("tasks") or [], task_id)
        if found:
            return found
    return {}


def test_condition_operators() -> None:
    assert condition_met("equals", "true", True)
    assert not condition_met("equals", "Ja", True)
    assert condition_met("equals", "Overig mechanisme", "Overig mechanisme")
    assert condition_met("contains", ["a", "b"], "'b'")
    assert condition_met("contains", "b", "b")
    assert not condition_met("contains", None, "b")
    assert condition_met("any", None, None)
