"""Answers to an instrument: their shape, and checking them against the definition.

An answers mapping follows the exchange format (``assessment-output.v2``) without its
metadata: task id → value. A value is text (open text, text input, a date as
``YYYY-MM-DD``), one option's value (select, radio; ``True``/``False``/``None`` where the
definition's options are booleans or null), a list of option values (checkboxes), or an
image (``{"data": "data:image/...", "title", "description", "source"}``). A repeatable
task keeps a list of elements ``{"_index": n, <child id>: value, ...}`` under its own id;
a repeatable task inside such an element does the same, one level down. A key that is
absent is unanswered; ``None`` is an answer only for a task offering a null option
("niet van toepassing").

:func:`check_answers` returns the answers in canonical form (option values as the
definition types them, also when they arrived as ``"true"``) together with every problem
found, each naming the answer's path and the rule broken. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sluis.instruments.model import (
    MULTI_CHOICE,
    SINGLE_CHOICE,
    TEXT,
    Definition,
    Task,
    TaskType,
)

Answers = dict[str, Any]
INDEX = "_index"
MAX_TEXT = 100_000
MAX_IMAGE = 5_000_000
IMAGE_KEYS = frozenset({"data", "title", "description", "source"})


@dataclass(frozen=True)
class AnswerError:
    path: str
    """Where: a task id, or ``2.1[0].2.1.3`` inside a repeatable element."""
    rule: str
    """A stable key: ``unknown_task``, ``not_an_option``, ``bad_date``, ..."""
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "rule": self.rule, "message": self.message}


class AnswersInvalid(ValueError):
    """Answers that break the definition; ``errors`` lists every problem. Nothing was stored."""

    def __init__(self, errors: list[AnswerError]) -> None:
        self.errors = tuple(errors)
        shown = "; ".join(f"{e.path}: {e.message}" for e in self.errors[:10])
        more = f" (and {len(self.errors) - 10} more)" if len(self.errors) > 10 else ""
        super().__init__(f"{len(self.errors)} invalid answer(s): {shown}{more}")


def repeat_owner(definition: Definition, task_id: str) -> Task | None:
    """The nearest repeatable task enclosing ``task_id`` (not itself), or ``None``."""
    return next((a for a in definition.ancestors(task_id) if a.repeatable), None)


def element_members(task: Task) -> list[Task]:
    """What an element of repeatable ``task`` holds: the answerable tasks and the nested
    repeatable tasks below it, looking through non-repeatable groups."""
    if not task.is_group:
        return [task]
    out: list[Task] = []

    def collect(group: Task) -> None:
        for child in group.tasks:
            if child.repeatable or child.is_answerable:
                out.append(child)
            elif child.is_group:
                collect(child)

    collect(task)
    return out


def top_level_members(definition: Definition) -> list[Task]:
    """The tasks that may be keys of an answers mapping, in definition order."""
    out: list[Task] = []
    for task in definition.walk():
        if repeat_owner(definition, task.id) is not None:
            continue
        if task.repeatable or task.is_answerable:
            out.append(task)
    return out


def check_answers(
    definition: Definition, answers: Mapping[str, Any]
) -> tuple[Answers, list[AnswerError]]:
    """Canonical answers and every problem with ``answers`` (empty when none)."""
    if not isinstance(answers, Mapping):
        return {}, [AnswerError("answers", "not_an_object", "answers must be an object")]
    allowed = {t.id: t for t in top_level_members(definition)}
    return _check_level(definition, answers, allowed, "")


def validate_answers(definition: Definition, answers: Mapping[str, Any]) -> Answers:
    """Canonical answers; raises :class:`AnswersInvalid` listing every problem."""
    clean, errors = check_answers(definition, answers)
    if errors:
        raise AnswersInvalid(errors)
    return clean


def _check_level(
    definition: Definition,
    answers: Mapping[str, Any],
    allowed: Mapping[str, Task],
    prefix: str,
) -> tuple[Answers, list[AnswerError]]:
    clean: Answers = {}
    errors: list[AnswerError] = []
    for key, value in answers.items():
        path = f"{prefix}{key}"
        task = allowed.get(str(key))
        if task is None:
            errors.append(_unknown(definition, str(key), path))
            continue
        if task.repeatable:
            elements, problems = _check_elements(definition, task, value, path)
            errors += problems
            if elements:
                clean[task.id] = elements
            continue
        checked, problem = check_value(task, value, path)
        if problem is not None:
            errors.append(problem)
        elif checked is not None or _has_null_option(task):
            clean[task.id] = checked
    return clean, errors


def _check_elements(
    definition: Definition, task: Task, value: object, path: str
) -> tuple[list[dict[str, Any]], list[AnswerError]]:
    if not isinstance(value, list):
        return [], [
            AnswerError(
                path, "not_a_list", f"task {task.id} repeats: give a list of {{_index, ...}}"
            )
        ]
    members = {m.id: m for m in element_members(task)}
    out: list[dict[str, Any]] = []
    errors: list[AnswerError] = []
    seen: set[int] = set()
    for position, element in enumerate(value):
        where = f"{path}[{position}]"
        if not isinstance(element, Mapping):
            errors.append(AnswerError(where, "not_an_object", "each element must be an object"))
            continue
        index = element.get(INDEX, position)
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            errors.append(
                AnswerError(where, "bad_index", "_index must be a whole number of 0 or more")
            )
            continue
        if index in seen:
            errors.append(AnswerError(where, "duplicate_index", f"_index {index} repeats"))
            continue
        seen.add(index)
        body = {k: v for k, v in element.items() if k != INDEX}
        if task.is_group:
            clean, problems = _check_level(definition, body, members, f"{path}[{index}].")
        else:
            clean, problems = _check_repeated_value(definition, task, body, f"{path}[{index}].")
        errors += problems
        out.append({INDEX: index, **clean})
    out.sort(key=lambda e: e[INDEX])
    return out, errors


def _check_repeated_value(
    definition: Definition, task: Task, body: Mapping[str, Any], prefix: str
) -> tuple[Answers, list[AnswerError]]:
    # One element of a repeatable question holds just that question's answer.
    clean: Answers = {}
    errors: list[AnswerError] = []
    for key, value in body.items():
        if key != task.id:
            errors.append(_unknown(definition, str(key), f"{prefix}{key}"))
            continue
        checked, problem = check_value(task, value, f"{prefix}{key}")
        if problem is not None:
            errors.append(problem)
        elif checked is not None or _has_null_option(task):
            clean[key] = checked
    return clean, errors


def check_value(task: Task, value: object, path: str) -> tuple[Any, AnswerError | None]:
    """The canonical value for one answerable task, or the problem with it."""
    kind = task.kind
    if value is None:
        return None, None
    if kind in TEXT:
        return _text(task, value, path)
    if kind in SINGLE_CHOICE:
        if not task.options:
            return _text(task, value, path)
        option = task.option_for(value)
        if option is None:
            return None, _not_option(task, value, path)
        return option.value, None
    if kind in MULTI_CHOICE:
        return _multi(task, value, path)
    if kind is TaskType.image:
        return _image(value, path)
    return None, AnswerError(path, "not_answerable", f"task {task.id} takes no answer")


def _text(task: Task, value: object, path: str) -> tuple[Any, AnswerError | None]:
    if not isinstance(value, str):
        return None, AnswerError(path, "not_text", f"task {task.id} takes text")
    if len(value) > MAX_TEXT:
        return None, AnswerError(path, "too_long", f"at most {MAX_TEXT} characters")
    if task.kind is TaskType.date and value:
        try:
            date.fromisoformat(value)
        except ValueError:
            return None, AnswerError(
                path, "bad_date", f"task {task.id} takes a date as YYYY-MM-DD, not {value!r}"
            )
        if len(value) != 10:
            return None, AnswerError(path, "bad_date", f"task {task.id} takes YYYY-MM-DD")
    return value, None


def _multi(task: Task, value: object, path: str) -> tuple[Any, AnswerError | None]:
    if not isinstance(value, list):
        return None, AnswerError(path, "not_a_list", f"task {task.id} takes a list of options")
    out: list[Any] = []
    for item in value:
        if not task.options:
            # Options drawn from other answers (``source_options``): any text will do.
            if not isinstance(item, str):
                return None, AnswerError(path, "not_text", "each choice must be text")
            chosen: Any = item
        else:
            option = task.option_for(item)
            if option is None:
                return None, _not_option(task, item, path)
            chosen = option.value
        if chosen in out:
            return None, AnswerError(path, "duplicate_choice", f"{item!r} is chosen twice")
        out.append(chosen)
    return out, None


def _image(value: object, path: str) -> tuple[Any, AnswerError | None]:
    if (
        not isinstance(value, Mapping)
        or not isinstance(value.get("data"), str)
        or not value["data"].startswith("data:image/")
        or set(value) - IMAGE_KEYS
        or any(not isinstance(v, str) for v in value.values())
    ):
        return None, AnswerError(
            path,
            "bad_image",
            "an image is {data: 'data:image/...;base64,...', title?, description?, source?}",
        )
    if len(value["data"]) > MAX_IMAGE:
        return None, AnswerError(path, "too_large", f"an image takes at most {MAX_IMAGE} bytes")
    return dict(value), None


def _not_option(task: Task, value: object, path: str) -> AnswerError:
    shown = ", ".join(repr(o.value) for o in task.options[:8])
    more = ", ..." if len(task.options) > 8 else ""
    return AnswerError(
        path, "not_an_option", f"{value!r} is not an option of task {task.id} ({shown}{more})"
    )


def _unknown(definition: Definition, key: str, path: str) -> AnswerError:
    task = definition.task(key)
    if task is None:
        return AnswerError(path, "unknown_task", f"{definition.key} has no task {key!r}")
    if task.is_group and not task.repeatable:
        return AnswerError(path, "group_task", f"task {key} is a group: answer its tasks")
    owner = repeat_owner(definition, key)
    where = f"inside an element of repeatable task {owner.id}" if owner else "at the top level"
    return AnswerError(path, "misplaced_task", f"task {key} is answered {where}")


def _has_null_option(task: Task) -> bool:
    return any(o.value is None for o in task.options)


__all__ = [
    "INDEX",
    "AnswerError",
    "Answers",
    "AnswersInvalid",
    "check_answers",
    "check_value",
    "element_members",
    "repeat_owner",
    "top_level_members",
    "validate_answers",
]
