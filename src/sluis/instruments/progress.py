"""How far an instrument is filled in. Pure.

Progress counts the answerable tasks a person can see: a task hidden by the definition's
own conditions (``dependencies``) is not asked, so it does not count. Inside a repeatable
task every element counts its own questions. Required tasks are those the definition
marks ``required_status``; the real definitions mark none, so progress is over all
visible questions and only the marked ones block signing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sluis.instruments.answers import INDEX, element_members
from sluis.instruments.model import Definition, Task


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    required_unanswered: tuple[str, ...]
    completed: tuple[str, ...]
    """Top-level parts marked as completed, in definition order."""
    parts: tuple[PartProgress, ...]

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else round(100 * self.answered / self.total)

    def as_dict(self) -> dict[str, Any]:
        return {
            "answered": self.answered,
            "total": self.total,
            "percent": self.percent,
            "required_unanswered": list(self.required_unanswered),
            "completed": list(self.completed),
            "parts": [p.as_dict() for p in self.parts],
        }


@dataclass(frozen=True)
class PartProgress:
    task_id: str
    title: str
    answered: int
    total: int
    completed: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "title": self.title,
            "answered": self.answered,
            "total": self.total,
            "completed": self.completed,
        }


def is_filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return True


def progress(
    definition: Definition,
    answers: Mapping[str, Any],
    completed: Collection[str],
    visible: Collection[str] | None = None,
) -> Progress:
    """Answered and total visible questions, per top-level part and overall.

    ``visible`` holds the ids of the tasks shown (from ``rules.visible_tasks``); ``None``
    counts every task.
    """
    parts = []
    required: list[str] = []
    for part in definition.tasks:
        answered, total = _count(part, answers, visible, required)
        parts.append(PartProgress(part.id, part.title, answered, total, part.id in completed))
    return Progress(
        answered=sum(p.answered for p in parts),
        total=sum(p.total for p in parts),
        required_unanswered=tuple(required),
        completed=tuple(p.task_id for p in parts if p.completed),
        parts=tuple(parts),
    )


def _count(
    task: Task,
    scope: Mapping[str, Any],
    visible: Collection[str] | None,
    required: list[str],
) -> tuple[int, int]:
    if visible is not None and task.id not in visible:
        return 0, 0
    if task.repeatable:
        return _count_repeat(task, scope, visible, required)
    if task.is_answerable:
        filled = is_filled(scope.get(task.id)) or (
            task.id in scope and any(o.value is None for o in task.options)
        )
        if task.required and not filled:
            required.append(task.id)
        return int(filled), 1
    answered = total = 0
    for child in task.tasks:
        a, n = _count(child, scope, visible, required)
        answered, total = answered + a, total + n
    return answered, total


def _count_repeat(
    task: Task,
    scope: Mapping[str, Any],
    visible: Collection[str] | None,
    required: list[str],
) -> tuple[int, int]:
    # An empty repeatable task still asks its questions once.
    elements = scope.get(task.id) or [{INDEX: 0}]
    answered = total = 0
    for element in elements:
        for member in element_members(task):
            # A repeatable question counts like a plain one inside each of its elements.
            counted = replace(member, repeatable=False) if member is task else member
            a, n = _count(counted, element, visible, required)
            answered, total = answered + a, total + n
    return answered, total


__all__ = ["PartProgress", "Progress", "is_filled", "progress"]
