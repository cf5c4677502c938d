"""Reading the raw definition: its tasks by id, where they sit, and what their answers look
like. Works on the ``yaml.safe_load`` output (or anything with such a ``raw`` mapping)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

INDEX = "_index"
_NULL_TEXTS = {"null", ""}


def raw_definition(definition: Any) -> Mapping[str, Any]:
    """The raw mapping, also when handed the typed model (which keeps it as ``raw``)."""
    if isinstance(definition, Mapping):
        return definition
    raw = getattr(definition, "raw", None)
    if isinstance(raw, Mapping):
        return raw
    raise TypeError("expected a definition mapping (the YAML document as loaded)")


@dataclass(frozen=True)
class TaskNode:
    """One task with its place in the tree."""

    id: str
    raw: Mapping[str, Any] = field(repr=False)
    parent: str | None
    groups: tuple[str, ...]
    """The repeatable tasks enclosing this one (outermost first), itself excluded."""

    @property
    def repeatable(self) -> bool:
        return bool(self.raw.get("repeatable"))

    @property
    def types(self) -> tuple[str, ...]:
        kinds = self.raw.get("type") or ()
        return (kinds,) if isinstance(kinds, str) else tuple(kinds)

    @property
    def is_boolean(self) -> bool:
        """Whether answers are yes/no: ``valueType`` says so, or every option is a boolean
        (some ja/nee questions in the real files leave ``valueType`` out)."""
        value_type = str(self.raw.get("valueType") or "")
        if value_type.split("|")[0] == "boolean":
            return True
        options = self.raw.get("options") or ()
        values = [o.get("value") for o in options if isinstance(o, Mapping)]
        return bool(values) and all(isinstance(v, bool) or v is None for v in values)

    @property
    def children(self) -> tuple[Mapping[str, Any], ...]:
        return tuple(t for t in self.raw.get("tasks") or () if isinstance(t, Mapping))


@dataclass(frozen=True)
class TaskIndex:
    """Every task of a definition by id, in definition order."""

    nodes: Mapping[str, TaskNode]
    urn: str | None = None
    """The definition's URN (some readings depend on which definition it is)."""

    def __contains__(self, task_id: object) -> bool:
        return task_id in self.nodes

    def get(self, task_id: str) -> TaskNode | None:
        return self.nodes.get(task_id)

    def __iter__(self) -> Iterator[TaskNode]:
        return iter(self.nodes.values())


def index_tasks(definition: Any) -> TaskIndex:
    """Index the definition's tasks (tasks without an id, which the schema forbids, are
    skipped together with what they hold)."""
    nodes: dict[str, TaskNode] = {}

    def visit(tasks: Any, parent: str | None, groups: tuple[str, ...]) -> None:
        for raw in tasks or ():
            if not isinstance(raw, Mapping) or raw.get("id") is None:
                continue
            node = TaskNode(str(raw["id"]), raw, parent, groups)
            nodes.setdefault(node.id, node)
            inner = (*groups, node.id) if node.repeatable else groups
            visit(raw.get("tasks"), node.id, inner)

    raw = raw_definition(definition)
    visit(raw.get("tasks"), None, ())
    urn = raw.get("urn")
    return TaskIndex(nodes, urn if isinstance(urn, str) else None)


def normalise_value(node: TaskNode | None, value: Any) -> Any:
    """One answer as the rules read it: the exchange format's ``{"value": …}`` wrapper taken
    off, and for yes/no questions the texts ``"true"``/``"false"``/``"null"`` read as
    booleans and null (JSON exports carry them as text)."""
    if isinstance(value, Mapping) and "value" in value and INDEX not in value:
        value = value["value"]
    if node is not None and node.is_boolean and isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"true", "false"}:
            return lowered == "true"
        if lowered in _NULL_TEXTS:
            return None
    return value


def is_element_list(value: Any) -> bool:
    """Whether ``value`` holds the elements of a repeatable task (not a checkbox list)."""
    return isinstance(value, list) and any(isinstance(item, Mapping) for item in value)


def normalise_answers(definition: Any, answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """The answers with every value normalised (see :func:`normalise_value`), repeatable
    elements included, ordered by their ``_index``."""
    index = definition if isinstance(definition, TaskIndex) else index_tasks(definition)
    return _normalise_level(index, answers or {})


def _normalise_level(index: TaskIndex, answers: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in answers.items():
        if key == INDEX:
            out[key] = value
        elif is_element_list(value):
            elements = [e for e in value if isinstance(e, Mapping)]
            elements.sort(key=lambda e: e.get(INDEX) if isinstance(e.get(INDEX), int) else 0)
            out[key] = [_normalise_level(index, element) for element in elements]
        else:
            out[key] = normalise_value(index.get(_plain_id(key)), value)
    return out


def _plain_id(key: str) -> str:
    """``5.1.1[2]`` → ``5.1.1`` (the exchange format's key for one repetition of a task)."""
    return key.split("[", 1)[0]


def _repetition(key: str) -> int:
    number = key.split("[", 1)[1].rstrip("]")
    return int(number) if number.isdigit() else 0


def first_answer(answers: Mapping[str, Any], task_id: str) -> Any:
    """The answer to ``task_id``, as the official tool reads it: for a task inside a
    repeatable group, its answer in the first element that has one. ``None`` if unanswered."""
    found, value = _find(answers, task_id)
    return value if found else None


def _find(answers: Mapping[str, Any], task_id: str) -> tuple[bool, Any]:
    if task_id in answers and not is_element_list(answers[task_id]):
        return True, answers[task_id]
    repeated = sorted(
        (k for k in answers if _plain_id(k) == task_id and k != task_id), key=_repetition
    )
    if repeated:
        return True, answers[repeated[0]]
    for value in answers.values():
        if is_element_list(value):
            for element in value:
                if isinstance(element, Mapping):
                    found, inner = _find(element, task_id)
                    if found:
                        return True, inner
    return False, None
