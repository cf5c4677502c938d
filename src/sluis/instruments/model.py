"""A typed view of a questionnaire definition (format ``assessment-definition.v2``).

The government publishes its instruments — the DPIA pre-scan, the Model DPIA Rijksdienst,
the IAMA — as YAML task trees. :func:`parse_definition` turns the raw document (already
validated against the format's JSON Schema) into frozen values; the raw dict stays
available as :attr:`Definition.raw`, because the rules (``sluis.instruments.rules``) read
expressions and dependencies from it directly.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

OptionValue = str | bool | None


class TaskType(StrEnum):
    """Every task type the format knows."""

    text_input = "text_input"
    open_text = "open_text"
    select_option = "select_option"
    multiselect_scrollable = "multiselect_scrollable"
    checkbox_option = "checkbox_option"
    radio_option = "radio_option"
    task_group = "task_group"
    informational = "informational"
    date = "date"
    image = "image"


#: Types whose answer is one option's value.
SINGLE_CHOICE = frozenset({TaskType.select_option, TaskType.radio_option})
#: Types whose answer is a list of option values.
MULTI_CHOICE = frozenset({TaskType.checkbox_option, TaskType.multiselect_scrollable})
#: Types whose answer is free text (a date as ``YYYY-MM-DD``).
TEXT = frozenset({TaskType.text_input, TaskType.open_text, TaskType.date})


@dataclass(frozen=True)
class Option:
    value: OptionValue
    label: str | None = None

    @property
    def shown(self) -> str:
        """What a person reads: the label, else the value itself."""
        if self.label:
            return self.label
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class Reference:
    """A pointer from this task to a task of another instrument (``target`` is the key in
    the definition, e.g. ``DPIA`` or ``IAMA``), with how answers travel along it."""

    target: str
    task_id: str
    kind: str
    """``one-to-one``, ``one-to-many``, ``pre-fill``, ``pre-view``, ... (the format's words)."""


@dataclass(frozen=True)
class Task:
    id: str
    title: str
    types: tuple[TaskType, ...]
    repeatable: bool
    description: str | None = None
    category: str | None = None
    options: tuple[Option, ...] = ()
    value_type: str | None = None
    required: bool = False
    item_name: str | None = None
    instance_label_template: str | None = None
    references: tuple[Reference, ...] = ()
    model_ids: Mapping[str, str] = field(default_factory=dict)
    """Plain string references, such as ``prescanModelId``."""
    tasks: tuple[Task, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def kind(self) -> TaskType:
        """The task's main type: a group if it is one, else its first listed type."""
        if TaskType.task_group in self.types:
            return TaskType.task_group
        return self.types[0]

    @property
    def is_group(self) -> bool:
        return self.kind is TaskType.task_group

    @property
    def is_answerable(self) -> bool:
        return not self.is_group and self.kind is not TaskType.informational

    def option_for(self, value: object) -> Option | None:
        """The option whose value is ``value``, also when ``value`` is the text form of a
        boolean or null option (``"true"``, ``"false"``, ``"null"``) as exchanged in JSON."""
        for option in self.options:
            if option.value == value and type(option.value) is type(value):
                return option
        if isinstance(value, str):
            for option in self.options:
                if not isinstance(option.value, str) and option_text(option.value) == value:
                    return option
        return None

    def walk(self) -> Iterator[Task]:
        """This task and every task below it, depth first, in definition order."""
        yield self
        for child in self.tasks:
            yield from child.walk()


def option_text(value: OptionValue) -> str:
    """An option value as text: booleans as ``true``/``false``, null as ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


@dataclass(frozen=True)
class Definition:
    """One version of one instrument."""

    urn: str
    version: str
    name: str
    description: str
    tasks: tuple[Task, ...]
    raw: Mapping[str, Any] = field(repr=False, compare=False)
    _index: Mapping[str, Task] = field(default_factory=dict, repr=False, compare=False)
    _parents: Mapping[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    @property
    def key(self) -> str:
        """``urn:version``, as the exchange format names it (``urn:nl:prescan:2.0``)."""
        return f"{self.urn}:{self.version}"

    @property
    def short_name(self) -> str:
        """The last part of the URN (``prescan``, ``dpia``, ``iama``)."""
        return self.urn.rsplit(":", 1)[-1]

    def task(self, task_id: str) -> Task | None:
        return self._index.get(task_id)

    def parent_of(self, task_id: str) -> Task | None:
        parent = self._parents.get(task_id)
        return None if parent is None else self._index[parent]

    def ancestors(self, task_id: str) -> list[Task]:
        """The tasks above ``task_id``, nearest first."""
        out = []
        parent = self.parent_of(task_id)
        while parent is not None:
            out.append(parent)
            parent = self.parent_of(parent.id)
        return out

    def part_of(self, key: str) -> str:
        """The top-level part an answer key (``5.1.1`` or ``5.1.1[2]``) belongs to."""
        task_id = key.split("[", 1)[0]
        ancestors = self.ancestors(task_id)
        return ancestors[-1].id if ancestors else task_id

    def walk(self) -> Iterator[Task]:
        for task in self.tasks:
            yield from task.walk()

    def answerable(self) -> Iterator[Task]:
        return (t for t in self.walk() if t.is_answerable)

    def repeat_depth(self, task_id: str) -> int:
        """How many repeatable tasks enclose ``task_id``, itself included."""
        task = self._index[task_id]
        return int(task.repeatable) + sum(1 for a in self.ancestors(task_id) if a.repeatable)


def parse_definition(raw: Mapping[str, Any]) -> Definition:
    """The typed definition of a raw document that validated against the schema."""
    tasks = tuple(_task(t) for t in raw.get("tasks", ()))
    index: dict[str, Task] = {}
    parents: dict[str, str | None] = {}

    def register(task: Task, parent: str | None) -> None:
        index[task.id] = task
        parents[task.id] = parent
        for child in task.tasks:
            register(child, task.id)

    for task in tasks:
        register(task, None)
    return Definition(
        urn=str(raw["urn"]),
        version=str(raw.get("version") or "1.0"),
        name=str(raw["name"]),
        description=str(raw.get("description") or ""),
        tasks=tasks,
        raw=raw,
        _index=index,
        _parents=parents,
    )


def _task(raw: Mapping[str, Any]) -> Task:
    types = raw.get("type") or []
    if isinstance(types, str):
        types = [types]
    references, model_ids = _references(raw.get("references") or {})
    return Task(
        id=str(raw["id"]),
        title=str(raw.get("task") or "").strip(),
        types=tuple(TaskType(t) for t in types) or (TaskType.informational,),
        repeatable=bool(raw.get("repeatable")),
        description=_text(raw.get("description")),
        category=_text(raw.get("category")),
        options=tuple(
            Option(value=o.get("value"), label=_text(o.get("label")))
            for o in raw.get("options") or ()
        ),
        value_type=_text(raw.get("valueType")),
        required=bool(raw.get("required_status")),
        item_name=_text(raw.get("item_name")),
        instance_label_template=_text(raw.get("instance_label_template")),
        references=references,
        model_ids=model_ids,
        tasks=tuple(_task(t) for t in raw.get("tasks") or ()),
        raw=raw,
    )


def _references(raw: Mapping[str, Any]) -> tuple[tuple[Reference, ...], dict[str, str]]:
    # The format allows a string, a list of strings, one {id, type} or a list of them;
    # plain strings without a type are identifiers in another model (prescanModelId).
    refs: list[Reference] = []
    ids: dict[str, str] = {}
    for target, value in raw.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Mapping):
                refs.append(Reference(str(target), str(item["id"]), str(item["type"])))
            elif isinstance(item, str) and not isinstance(value, list):
                ids[str(target)] = item
            elif isinstance(item, str):
                refs.append(Reference(str(target), item, "pre-view"))
    return tuple(refs), ids


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


__all__ = [
    "MULTI_CHOICE",
    "SINGLE_CHOICE",
    "TEXT",
    "Definition",
    "Option",
    "OptionValue",
    "Reference",
    "Task",
    "TaskType",
    "option_text",
    "parse_definition",
]
