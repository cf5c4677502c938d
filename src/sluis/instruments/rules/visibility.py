"""Which questions are shown for given answers, from the tasks' ``conditional`` dependencies.

Semantics we chose (and the government's tool shares, except where said):

- A task is shown when its parent is shown and every ``show`` condition holds; a ``hide``
  condition that holds hides it (the official tool ignores ``hide``; no real definition uses
  it, and the schema says what it means).
- A condition reads the answer to its source task in the same repetition of a repeatable
  group when the source is in that group, else further out; an answer to a hidden source
  counts as no answer, so hiding carries down a chain of questions.
- Operators: ``equals`` (same value and kind, with ``"true"``/``"false"``/``"null"`` read
  as such), ``contains`` (a ticked option; ``equals`` when the answer is not a list),
  ``any`` (always), ``all`` (like ``contains``; unused). A condition value wrapped in
  single quotes, as the real pre-scan writes two of them, is read without the quotes in the
  intended reading (the default here, so forms ask those follow-up questions); as published
  the quotes are compared too, as the official tool does, and the question never shows.
- Answers to hidden tasks do not count in scores and verdicts: :func:`prune_hidden`
  removes them first. The official tool does the same by clearing a hidden answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sluis.instruments.rules import jsvalues as js
from sluis.instruments.rules.readings import INTENDED, Reading, unquoted
from sluis.instruments.rules.tasks import (
    INDEX,
    TaskIndex,
    TaskNode,
    first_answer,
    index_tasks,
    is_element_list,
    normalise_answers,
)

#: Where a task sits: each enclosing repeatable task with the ``_index`` of the element.
Location = tuple[tuple[str, int | None], ...]


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        lowered = value.lower()
        if lowered in {"true", "false"}:
            return lowered == "true"
        if value in {"null", ""}:
            return None
    return value


def condition_met(operator: str, answer: Any, expected: Any, reading: Reading = INTENDED) -> bool:
    """Whether one dependency condition holds for ``answer`` (see the module's semantics)."""
    if reading is INTENDED:
        expected = unquoted(expected)
    answer, expected = _plain(answer), _plain(expected)
    if operator == "any":
        return True
    if operator in {"contains", "all"} and isinstance(answer, list):
        return any(js.strict_equals(_plain(item), expected) for item in answer)
    if operator in {"equals", "contains", "all"}:
        return js.strict_equals(answer, expected)
    return True  # an operator the schema does not know never hides a question


class Visibility:
    """Answers the question "is this task shown here?" for one set of answers; lazy and
    memoised, so asking about every task of the largest definition stays cheap."""

    def __init__(
        self, index: TaskIndex, answers: Mapping[str, Any], reading: Reading = INTENDED
    ) -> None:
        self.index = index
        self.answers = answers
        self.reading = reading
        self._memo: dict[tuple[str, Location], bool] = {}
        self._busy: set[tuple[str, Location]] = set()

    def is_visible(self, task_id: str, location: Location = ()) -> bool:
        node = self.index.get(task_id)
        if node is None:
            return True
        key = (task_id, self._scope(node, location))
        if key in self._memo:
            return self._memo[key]
        if key in self._busy:  # a circular condition: do not let it hide anything
            return True
        self._busy.add(key)
        try:
            shown = self._compute(node, key[1])
        finally:
            self._busy.discard(key)
        self._memo[key] = shown
        return shown

    def hidden_ids(self) -> frozenset[str]:
        """The ids of the tasks hidden where they first occur (for tasks in a repeatable
        group: in its first element)."""
        return frozenset(n.id for n in self.index if not self.is_visible(n.id))

    def visible_ids(self) -> frozenset[str]:
        return frozenset(n.id for n in self.index if self.is_visible(n.id))

    def _compute(self, node: TaskNode, location: Location) -> bool:
        if node.parent is not None and not self.is_visible(node.parent, location):
            return False
        for dependency in node.raw.get("dependencies") or ():
            if not isinstance(dependency, Mapping) or dependency.get("type") != "conditional":
                continue
            condition = dependency.get("condition")
            if not isinstance(condition, Mapping) or condition.get("id") is None:
                continue
            answer = self.answer(str(condition["id"]), location)
            met = condition_met(
                str(condition.get("operator") or "equals"),
                answer,
                condition.get("value"),
                self.reading,
            )
            action = dependency.get("action", "show")
            if (action == "show" and not met) or (action == "hide" and met):
                return False
        return True

    def answer(self, task_id: str, location: Location = ()) -> Any:
        """The answer to ``task_id`` as seen from ``location``; ``None`` if it is hidden."""
        node = self.index.get(task_id)
        if node is None:
            return None
        scope = self._scope(node, location)
        if not self.is_visible(task_id, scope):
            return None
        return first_answer(self._element(scope), task_id)

    def _scope(self, node: TaskNode, location: Location) -> Location:
        """The location narrowed to the node's own repeatable groups; a group the caller did
        not place us in is read in its first element."""
        out: list[tuple[str, int | None]] = []
        for depth, group in enumerate(node.groups):
            if depth < len(location) and location[depth][0] == group:
                out.append(location[depth])
            else:
                elements = self._element(tuple(out)).get(group)
                first = elements[0].get(INDEX) if is_element_list(elements) else None
                out.append((group, first if isinstance(first, int) else None))
        return tuple(out)

    def _element(self, location: Location) -> Mapping[str, Any]:
        level: Mapping[str, Any] = self.answers
        for group, number in location:
            elements = level.get(group)
            match = None
            if is_element_list(elements) and number is not None:
                match = next(
                    (e for e in elements if isinstance(e, Mapping) and e.get(INDEX) == number),
                    None,
                )
            level = match or {}
        return level


def visible_tasks(
    definition: Any, answers: Mapping[str, Any] | None, reading: Reading = INTENDED
) -> Visibility:
    """Which tasks are shown for ``answers`` (raw or normalised): ask the result
    ``is_visible(task_id, location)``, or take ``visible_ids()`` / ``hidden_ids()``. Forms
    and progress use the intended reading; the published verdict passes its own."""
    index = index_tasks(definition)
    return Visibility(index, normalise_answers(index, answers), reading)


def prune_hidden(visibility: Visibility) -> dict[str, Any]:
    """The answers without those to hidden tasks (in every repetition)."""
    return _prune(visibility, visibility.answers, ())


def _prune(visibility: Visibility, level: Mapping[str, Any], location: Location) -> dict:
    out: dict[str, Any] = {}
    for key, value in level.items():
        if key == INDEX:
            out[key] = value
            continue
        task_id = key.split("[", 1)[0]
        if not visibility.is_visible(task_id, location):
            continue
        if is_element_list(value):
            out[key] = [
                _prune(visibility, element, (*location, (task_id, element.get(INDEX))))
                for element in value
                if isinstance(element, Mapping)
            ]
        else:
            out[key] = value
    return out
