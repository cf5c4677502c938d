"""Checking a definition's rules before they are used: every expression it holds, whether each
parses, and the quirks where we read the definition differently from the letter (so that a
privacy officer can see them). Pure."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sluis.instruments.rules.expressions import (
    ExpressionError,
    parse_expression,
    referenced_members,
    referenced_task_ids,
)
from sluis.instruments.rules.scores import calculations
from sluis.instruments.rules.tasks import index_tasks, raw_definition


@dataclass(frozen=True)
class RuleExpression:
    where: str
    """E.g. ``task 1.1.2 calculation`` or ``assessment DPIA level required criterion x``."""
    text: str


@dataclass(frozen=True)
class DefinitionNote:
    where: str
    code: str
    """``unparsable``, ``unknown_task``, ``unknown_score``, ``unknown_criterion``,
    ``misplaced_calculation``, ``quoted_condition``."""
    message: str


def rule_expressions(definition: Any) -> Iterator[RuleExpression]:
    """Every expression of the definition: calculations with their score rules, and the
    assessments' levels and criteria."""
    index = index_tasks(definition)
    for node, block in calculations(index):
        where = f"task {node.id} calculation {block.get('scoreKey') or ''}".rstrip()
        yield RuleExpression(where, str(block.get("expression") or ""))
        for number, rule in enumerate(block.get("riskScore") or ()):
            yield RuleExpression(f"{where} riskScore {number + 1}", str(rule.get("when") or ""))
    for block in raw_definition(definition).get("assessments") or ():
        for level in block.get("levels") or ():
            where = f"assessment {block.get('id')} level {level.get('level')}"
            yield RuleExpression(where, str(level.get("expression") or ""))
            for criterion in level.get("criteria") or ():
                yield RuleExpression(
                    f"{where} criterion {criterion.get('id')}",
                    str(criterion.get("expression") or ""),
                )


def definition_notes(definition: Any) -> list[DefinitionNote]:
    """What is worth knowing about a definition's rules: expressions that do not parse,
    references to tasks, scores or criteria that do not exist, and the quirks we read by
    their evident intent (see :mod:`scores` and :mod:`visibility`)."""
    index = index_tasks(definition)
    notes: list[DefinitionNote] = []
    score_keys = {str(b.get("scoreKey")) for _, b in calculations(index) if b.get("scoreKey")}
    for rule in rule_expressions(definition):
        try:
            parsed = parse_expression(rule.text)
        except ExpressionError as error:
            notes.append(DefinitionNote(rule.where, "unparsable", str(error)))
            continue
        for task_id in referenced_task_ids(parsed):
            if task_id not in index:
                notes.append(
                    DefinitionNote(
                        rule.where, "unknown_task", f"reads task {task_id}, which does not exist"
                    )
                )
        for key in referenced_members(parsed, "scores"):
            if key not in score_keys:
                notes.append(
                    DefinitionNote(rule.where, "unknown_score", f"reads score {key!r}, never set")
                )
    notes += _criteria_notes(definition)
    notes += _quirks(index)
    return notes


def _criteria_notes(definition: Any) -> list[DefinitionNote]:
    notes = []
    for block in raw_definition(definition).get("assessments") or ():
        for level in block.get("levels") or ():
            where = f"assessment {block.get('id')} level {level.get('level')}"
            known = {str(c.get("id")) for c in level.get("criteria") or ()}
            try:
                parsed = parse_expression(str(level.get("expression") or ""))
            except ExpressionError:
                continue
            for key in referenced_members(parsed, "criteria"):
                if key not in known:
                    notes.append(
                        DefinitionNote(
                            where, "unknown_criterion", f"reads criterion {key!r}, not defined"
                        )
                    )
    return notes


def _quirks(index) -> list[DefinitionNote]:
    notes = []
    for node in index:
        for dependency in node.raw.get("dependencies") or ():
            if not isinstance(dependency, Mapping):
                continue
            if isinstance(dependency.get("calculation"), Mapping):
                notes.append(
                    DefinitionNote(
                        f"task {node.id}",
                        "misplaced_calculation",
                        "a calculation sits under a dependency instead of the task; "
                        "we count it as the task's own",
                    )
                )
            value = (dependency.get("condition") or {}).get("value")
            if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == "'":
                notes.append(
                    DefinitionNote(
                        f"task {node.id}",
                        "quoted_condition",
                        "a condition value is wrapped in quotes; we compare it without them",
                    )
                )
    return notes
