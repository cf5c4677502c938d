"""Suggested answers: from the algorithm's profile and assessment, and carried forward from
its other instruments. Pure.

Each suggestion is marked with its source (a profile path, an assessment finding, or a
task of another instrument) and stays editable: it is a proposal that spares the privacy
officer typing the same facts three times, not a conclusion. Only facts the profile states
are used; a fact left open (``null``) suggests nothing, so an unknown never turns into
"no".

Which question takes which fact is a table per instrument (``prefill_tables``); the
pre-scan's own ``references`` carry its answers into the DPIA (``one-to-one``,
``one-to-many``, ``pre-fill``, ``many-to-many``; a ``pre-view`` reference only shows the
earlier answer and fills nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sluis.instruments.answers import INDEX, check_answers, check_value, repeat_owner
from sluis.instruments.model import TEXT, Definition, Task, option_text
from sluis.instruments.prefill_tables import TABLES, Fact
from sluis.instruments.record import Prefill
from sluis.law.results import Assessment
from sluis.profiles.model import AlgorithmProfile

FILLING_REFERENCES = frozenset(
    {"one-to-one", "one-to-many", "many-to-one", "many-to-many", "pre-fill", "direct takeover"}
)


@dataclass(frozen=True)
class Suggestion:
    """A suggested answer under a top-level key, with where it came from."""

    value: Any
    prefill: Prefill


def suggestions_for(
    definition: Definition, profile: AlgorithmProfile, assessment: Assessment
) -> dict[str, Suggestion]:
    """Answers the profile and assessment suggest for ``definition``."""
    out: dict[str, Suggestion] = {}
    for rule in TABLES.get(definition.urn, ()):
        task = definition.task(rule.task_id)
        if task is None:
            continue
        fact = rule.fact(profile, assessment)
        if fact is None:
            continue
        if task.repeatable and repeat_owner(definition, task.id) is None:
            # A whole repeatable table, element by element.
            clean, problems = check_answers(definition, {task.id: fact.value})
            if problems or task.id not in clean:
                continue
            key, placed = task.id, clean[task.id]
        else:
            value, problem = check_value(task, fact.value, task.id)
            if problem is not None or value is None:
                continue
            key, placed = place(definition, task, value)
        prefill = Prefill(kind=fact.kind, source=fact.source, note=fact.note, value=placed)
        _merge(out, key, placed, prefill, task)
    return out


def carry_forward(
    definition: Definition, sources: Iterable[tuple[Definition, Mapping[str, Any]]]
) -> dict[str, Suggestion]:
    """Answers of other instruments whose tasks refer to tasks of ``definition``."""
    out: dict[str, Suggestion] = {}
    for source, answers in sources:
        for task in source.walk():
            if task.id not in answers or repeat_owner(source, task.id) is not None:
                continue
            for reference in task.references:
                if reference.target.lower() != definition.short_name.lower():
                    continue
                if reference.kind not in FILLING_REFERENCES:
                    continue
                target = definition.task(reference.task_id)
                if target is None or not target.is_answerable:
                    continue
                value = _fit(task, target, answers[task.id])
                if value is None:
                    continue
                key, placed = place(definition, target, value)
                prefill = Prefill(
                    kind="instrument",
                    source=f"{source.key}#{task.id}",
                    note=reference.kind,
                    value=placed,
                )
                _merge(out, key, placed, prefill, target)
    return out


def place(definition: Definition, task: Task, value: Any) -> tuple[str, Any]:
    """``(top-level key, value)`` putting ``value`` for ``task`` in the first element of
    every repeatable task around it."""
    owners = [a for a in definition.ancestors(task.id) if a.repeatable]
    if task.repeatable:
        owners.insert(0, task)
    placed: Any = value
    inner_id = task.id
    for owner in owners:
        placed = [{INDEX: 0, inner_id: placed}]
        inner_id = owner.id
    return inner_id, placed


def _fit(source: Task, target: Task, value: Any) -> Any:
    # The same option lists travel as they are; anything else becomes readable text when
    # the target asks for text.
    checked, problem = check_value(target, value, target.id)
    if problem is None and checked is not None:
        return checked
    if target.kind not in TEXT or target.kind.value == "date":
        return None
    return as_text(source, value) or None


def as_text(task: Task, value: Any) -> str:
    """An answer as a person reads it: option labels, one per line for several."""
    if isinstance(value, list):
        return "\n".join(as_text(task, v) for v in value)
    if isinstance(value, str) and task.option_for(value) is None:
        return value
    option = task.option_for(value)
    if option is not None:
        return option.shown
    return option_text(value) if isinstance(value, bool) else str(value)


def _merge(out: dict[str, Suggestion], key: str, value: Any, prefill: Prefill, task: Task) -> None:
    existing = out.get(key)
    if existing is None:
        out[key] = Suggestion(value, prefill)
        return
    merged = _combine(existing.value, value, task)
    sources = f"{existing.prefill.source}, {prefill.source}"
    out[key] = Suggestion(
        merged, existing.prefill.model_copy(update={"source": sources, "value": merged})
    )


def _combine(old: Any, new: Any, task: Task) -> Any:
    if isinstance(old, list) and old and isinstance(old[0], dict) and INDEX in old[0]:
        first = dict(old[0])
        for k, v in new[0].items():
            if k == INDEX:
                continue
            first[k] = _combine(first[k], v, task) if k in first else v
        return [first, *old[1:]]
    if isinstance(old, list) and isinstance(new, list):
        return old + [v for v in new if v not in old]
    if isinstance(old, str) and isinstance(new, str) and new not in old:
        return f"{old}\n{new}"
    return old


__all__ = ["Fact", "Suggestion", "as_text", "carry_forward", "place", "suggestions_for"]
