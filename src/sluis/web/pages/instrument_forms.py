"""The questionnaire form, both ways: a definition's part (one top-level task) laid out as
form fields with their current answers, and a submitted form read back into answers.

Field names carry the answer's path, as the answer checks name it: ``q:0.4`` for a
question, ``q:2.1[0].2.1.7`` for a question in element 0 of repeatable task 2.1 (nested
elements chain the same way). ``e:2.1[0]`` marks that an element exists (so an element
without answers survives a save), ``img:<path>`` carries an uploaded image's JSON back
unchanged. Pure: no I/O, no request objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from sluis.instruments.model import MULTI_CHOICE, Definition, Task, TaskType, option_text
from sluis.instruments.record import AnswerMeta
from sluis.instruments.rules.visibility import Location, Visibility

INDEX = "_index"
EMPTY = Markup("")
QUESTION, ELEMENT, IMAGE = "q:", "e:", "img:"
_SAFE_LINK = re.compile(
    r"&lt;a href=&#34;(https?://[^&\s]+?)&#34;(?: target=&#34;_blank&#34;)?&gt;(.*?)&lt;/a&gt;",
    re.DOTALL,
)
_BREAK = re.compile(r"&lt;br\s*/?&gt;")


def description_html(text: str | None) -> Markup:
    """A definition's description as HTML: everything escaped except line breaks and plain
    web links, which the real definitions use (links open in a new tab, safely)."""
    if not text:
        return EMPTY
    escaped = str(escape(text))
    escaped = _BREAK.sub("<br>", escaped)
    escaped = _SAFE_LINK.sub(
        lambda m: (
            f'<a href="{m.group(1)}" target="_blank" rel="noopener noreferrer">{m.group(2)}</a>'
        ),
        escaped,
    )
    return Markup(escaped)  # built from escaped text with two known tags restored


def field_id(path: str) -> str:
    """An HTML id for an answer path (error summaries link to it)."""
    return "q-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")


def element_path(prefix: str, task_id: str, index: int) -> str:
    return f"{prefix}{task_id}[{index}]"


def parse_path(path: str) -> tuple[list[tuple[str, int]], str | None]:
    """``2.1[0].2.1.7`` → ``([("2.1", 0)], "2.1.7")``; ``2.1[0]`` → ``([("2.1", 0)], None)``."""
    groups: list[tuple[str, int]] = []
    rest = path
    while True:
        match = re.match(r"^([^\[\]]+)\[(\d+)\](?:\.(.*))?$", rest)
        if not match:
            return groups, rest or None
        groups.append((match.group(1), int(match.group(2))))
        if match.group(3) is None:
            return groups, None
        rest = match.group(3)


# --- Reading a submitted form ---


def answers_from_form(definition: Definition, items: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The answers a submitted part holds (only what was submitted; the service keeps the
    other parts). Empty fields are unanswered; ticked boxes of one question form a list."""
    answers: dict[str, Any] = {}
    values: dict[str, list[str]] = {}
    for name, value in items:
        if name.startswith(ELEMENT):
            _level(answers, parse_path(name[len(ELEMENT) :])[0])
        elif name.startswith(QUESTION) or name.startswith(IMAGE):
            values.setdefault(name, []).append(value)
    for name, given in values.items():
        image = name.startswith(IMAGE)
        groups, leaf = parse_path(name[len(IMAGE if image else QUESTION) :])
        if leaf is None:
            continue
        value = _value(definition.task(leaf), given, image)
        if value is not None:
            _level(answers, groups)[leaf] = value
    return _sorted(answers)


def _value(task: Task | None, given: Sequence[str], image: bool) -> Any:
    if image:
        try:
            return json.loads(given[0])
        except ValueError:
            return None
    if task is not None and task.kind in MULTI_CHOICE:
        chosen = list(dict.fromkeys(v for v in given if v != ""))
        return chosen or None
    text = given[0] if given else ""
    return text if text.strip() else None


def _level(answers: dict[str, Any], groups: Sequence[tuple[str, int]]) -> dict[str, Any]:
    level = answers
    for group, number in groups:
        elements = level.setdefault(group, [])
        if not isinstance(elements, list):
            elements = level[group] = []
        element = next((e for e in elements if e.get(INDEX) == number), None)
        if element is None:
            element = {INDEX: number}
            elements.append(element)
        level = element
    return level


def _sorted(level: dict[str, Any]) -> dict[str, Any]:
    for key, value in level.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            level[key] = sorted((_sorted(e) for e in value), key=lambda e: e.get(INDEX, 0))
    return level


def apply_action(answers: dict[str, Any], action: str) -> tuple[dict[str, Any], str | None]:
    """Add an element (``add:<path of the repeatable task>``) or remove one
    (``remove:<element path>``); returns the answers and the path to jump back to."""
    verb, _, path = action.partition(":")
    if verb == "add":
        groups, leaf = parse_path(path)
        if leaf is None:
            return answers, None
        elements = _level(answers, groups).setdefault(leaf, [])
        number = max((e.get(INDEX, -1) for e in elements), default=-1) + 1
        elements.append({INDEX: number})
        return answers, element_path(_prefix(groups), leaf, number)
    if verb == "remove":
        groups, leaf = parse_path(path)
        if leaf is not None or not groups:
            return answers, None
        *outer, (group, number) = groups
        elements = _level(answers, outer).get(group, [])
        _level(answers, outer)[group] = [e for e in elements if e.get(INDEX) != number]
        return answers, _prefix(outer) + group
    return answers, None


def _prefix(groups: Sequence[tuple[str, int]]) -> str:
    return "".join(f"{g}[{n}]." for g, n in groups)


# --- Laying out a part ---


@dataclass
class Choice:
    value: str
    label: str
    checked: bool
    html_id: str


@dataclass
class Node:
    """One thing to render: a question, a group (fieldset) or a repeatable task."""

    kind: str
    """``question``, ``group``, ``repeat``, ``element`` or ``info``."""
    task: Task
    path: str
    html_id: str
    hidden: bool
    conditions: str = ""
    """The task's conditions as JSON, for the page's script to show and hide live."""
    description: Markup = EMPTY
    widget: str = ""
    """text, textarea, date, select, radio, checkbox, image"""
    value: Any = None
    choices: list[Choice] = field(default_factory=list)
    prefill: str | None = None
    error: str | None = None
    children: list[Node] = field(default_factory=list)
    number: int | None = None


@dataclass(frozen=True)
class PartContext:
    definition: Definition
    answers: Mapping[str, Any]
    meta: Mapping[str, AnswerMeta]
    visibility: Visibility
    errors: Mapping[str, str]
    prefill_words: Mapping[str, str]


def layout_part(context: PartContext, part: Task) -> list[Node]:
    """The nodes of one top-level part, in definition order."""
    return [_node(context, part, "", (), context.answers, top=True)]


def _node(
    context: PartContext,
    task: Task,
    prefix: str,
    location: Location,
    level: Mapping[str, Any],
    *,
    top: bool = False,
    inside_self: bool = False,
) -> Node:
    path = prefix + task.id
    hidden = not context.visibility.is_visible(task.id, location)
    base = {
        "task": task,
        "path": path,
        "html_id": field_id(path),
        "hidden": hidden,
        "conditions": _conditions(task),
        "description": description_html(task.description),
    }
    if task.repeatable and not inside_self:
        return Node(
            kind="repeat", children=_elements(context, task, prefix, location, level), **base
        )
    if task.is_group:
        children = [_node(context, c, prefix, location, level) for c in task.tasks]
        return Node(kind="group" if not top else "part", children=children, **base)
    if task.kind is TaskType.informational:
        return Node(kind="info", **base)
    return _question(context, task, path, level, base)


def _elements(
    context: PartContext, task: Task, prefix: str, location: Location, level: Mapping[str, Any]
) -> list[Node]:
    out = []
    for element in level.get(task.id) or []:
        if not isinstance(element, Mapping) or not isinstance(element.get(INDEX), int):
            continue
        number = element[INDEX]
        inner_prefix = element_path(prefix, task.id, number) + "."
        inner_location = (*location, (task.id, number))
        members = (
            [_node(context, c, inner_prefix, inner_location, element) for c in task.tasks]
            if task.is_group
            else [_node(context, task, inner_prefix, inner_location, element, inside_self=True)]
        )
        path = element_path(prefix, task.id, number)
        out.append(
            Node(
                kind="element",
                task=task,
                path=path,
                html_id=field_id(path),
                hidden=False,
                children=members,
                number=len(out) + 1,
            )
        )
    return out


def _question(
    context: PartContext, task: Task, path: str, level: Mapping[str, Any], base: dict[str, Any]
) -> Node:
    value = level.get(task.id)
    node = Node(kind="question", error=context.errors.get(path), **base)
    node.prefill = _prefill(context, path)
    kind = task.kind
    if kind is TaskType.image:
        node.widget, node.value = "image", value
        return node
    if kind in {TaskType.text_input, TaskType.date, TaskType.open_text}:
        node.widget = {TaskType.text_input: "text", TaskType.date: "date"}.get(kind, "textarea")
        node.value = "" if value is None else str(value)
        return node
    chosen = {option_text(v) for v in value} if isinstance(value, list) else {option_text(value)}
    if value is None:
        chosen = set()
    options = [(option_text(o.value), o.shown) for o in task.options]
    options += [(v, v) for v in _source_options(context, task) if v not in dict(options)]
    node.widget = {
        TaskType.select_option: "select",
        TaskType.radio_option: "radio",
    }.get(kind, "checkbox")
    node.choices = [
        Choice(v, label, v in chosen, f"{node.html_id}-{n}") for n, (v, label) in enumerate(options)
    ]
    node.value = value
    return node


def _prefill(context: PartContext, path: str) -> str | None:
    meta = context.meta.get(path)
    if meta is None or meta.prefill is None:
        return None
    kind = context.prefill_words.get(meta.prefill.kind, meta.prefill.kind)
    return f"{kind}: {meta.prefill.source}"


def _conditions(task: Task) -> str:
    rules = []
    for dependency in task.raw.get("dependencies") or ():
        condition = dependency.get("condition") if isinstance(dependency, Mapping) else None
        if dependency.get("type") != "conditional" or not isinstance(condition, Mapping):
            continue
        rules.append(
            {
                "source": str(condition.get("id")),
                "operator": condition.get("operator") or "equals",
                "value": condition.get("value"),
                "action": dependency.get("action") or "show",
            }
        )
    return json.dumps(rules, ensure_ascii=False) if rules else ""


def _source_options(context: PartContext, task: Task) -> list[str]:
    """Choices taken from the answers to another question (``source_options``)."""
    for dependency in task.raw.get("dependencies") or ():
        condition = dependency.get("condition") if isinstance(dependency, Mapping) else None
        if dependency.get("type") == "source_options" and isinstance(condition, Mapping):
            found: list[str] = []
            _collect(context.answers, str(condition.get("id")), found)
            return list(dict.fromkeys(v for v in found if v.strip()))
    return []


def _collect(level: Any, task_id: str, found: list[str]) -> None:
    if isinstance(level, Mapping):
        for key, value in level.items():
            if key == task_id and isinstance(value, str):
                found.append(value)
            else:
                _collect(value, task_id, found)
    elif isinstance(level, list):
        for item in level:
            _collect(item, task_id, found)


def errors_by_path(errors: Iterable[Any]) -> dict[str, str]:
    """The answer checks' errors (each with ``path`` and ``message``) by path."""
    out: dict[str, str] = {}
    for error in errors:
        out.setdefault(str(error.path), str(error.message))
    return out
