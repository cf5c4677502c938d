"""Answer sets generated from a definition: every answerable task gets a valid answer of
its type, every repeatable task two elements (nested ones two inner elements), so a
round trip through the exchange format exercises every shape the format has."""

from __future__ import annotations

from typing import Any

from sluis.instruments.answers import INDEX, element_members, top_level_members
from sluis.instruments.model import MULTI_CHOICE, SINGLE_CHOICE, Definition, Task, TaskType

PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHgg"
    "J/PchI7wAAAABJRU5ErkJggg=="
)


def value_for(task: Task, salt: int = 0) -> Any:
    kind = task.kind
    if kind is TaskType.date:
        return f"2025-0{1 + salt % 9}-15"
    if kind in (TaskType.text_input, TaskType.open_text):
        return f"Antwoord op {task.id} ({salt})"
    if kind in SINGLE_CHOICE:
        if not task.options:
            return f"Keuze {task.id}"
        return task.options[(len(task.options) - 1 + salt) % len(task.options)].value
    if kind in MULTI_CHOICE:
        if not task.options:
            return [f"bron {salt}", f"bron {salt + 1}"]
        return [o.value for o in task.options[:2]]
    if kind is TaskType.image:
        return {"data": PIXEL, "title": f"Afbeelding {salt}", "source": "eigen werk"}
    raise AssertionError(f"no value for {task.kind}")


def full_answers(definition: Definition) -> dict[str, Any]:
    return {t.id: _answer(t, 0) for t in top_level_members(definition)}


def _answer(task: Task, salt: int) -> Any:
    if not task.repeatable:
        return value_for(task, salt)
    return [_element(task, index, salt) for index in (0, 1)]


def _element(task: Task, index: int, salt: int) -> dict[str, Any]:
    element: dict[str, Any] = {INDEX: index}
    for member in element_members(task):
        if member is task:
            element[member.id] = value_for(member, salt + index)
        else:
            element[member.id] = _answer(member, salt + index + 1)
    return element
