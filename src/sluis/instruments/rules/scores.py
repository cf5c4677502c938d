"""Risk scores: the ``calculation`` blocks of a definition, worked out on the answers.

How they add up (as the government's tool does it): each calculation's ``expression`` gives a
value (a count of ticked options, a weighted count, an answer); its ``riskScore`` rules are
tried top to bottom and the first whose ``when`` holds gives the score, reachable in the
verdict rules as ``scores.<scoreKey>``. Inside ``when`` the value is called by the score key
itself. No rule holds → no score (the verdict rules then read it as ``0`` through ``|| 0``);
no rules at all → the value is the score. The pre-scan's ``riskscore`` criterion adds the
scores up and requires a DPIA above 4.

The real pre-scan files one calculation (``digitaledienst_minderjarig``, task 7.1.3) under the
task's dependency instead of the task, by an indentation slip; the official tool therefore
never computes it, and neither does the published reading. The intended reading counts a
calculation found there as the task's own, since the verdict rules plainly count on it
(see :mod:`readings`; :func:`lint.definition_notes` names the slip).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sluis.instruments.rules.evaluation import Environment, evaluate_expression
from sluis.instruments.rules.expressions import ExpressionError
from sluis.instruments.rules.jsvalues import truthy
from sluis.instruments.rules.readings import INTENDED, PUBLISHED, Reading, aliases_for
from sluis.instruments.rules.tasks import TaskIndex, TaskNode


@dataclass(frozen=True)
class ScoreDetail:
    task_id: str
    key: str
    value: Any
    """What the calculation's expression gave."""
    score: Any
    """The score (``None`` when no rule held or the expression failed)."""


@dataclass(frozen=True)
class RuleProblem:
    """An expression of the definition that could not be evaluated; the rest went on."""

    where: str
    message: str


@dataclass(frozen=True)
class Scores:
    values: Mapping[str, Any]
    """``scoreKey`` → score, only for the scores that came out (as ``scores.<key>`` reads)."""
    details: tuple[ScoreDetail, ...]
    problems: tuple[RuleProblem, ...] = ()

    @property
    def total(self) -> float | int:
        """The plain sum of every numeric score (for display; the verdict rules weigh some
        scores by a yes/no answer first)."""
        numbers = [v for v in self.values.values() if isinstance(v, int | float)]
        return sum(numbers)


def calculations(
    index: TaskIndex, reading: Reading = INTENDED
) -> Iterator[tuple[TaskNode, Mapping[str, Any]]]:
    """Every task with a calculation, in definition order; as intended also one misfiled
    under a dependency (see the module's note)."""
    for node in index:
        block = node.raw.get("calculation")
        if isinstance(block, Mapping):
            yield node, block
        if reading is not INTENDED:
            continue
        for dependency in misfiled_calculations(node):
            yield node, dependency


def misfiled_calculations(node: TaskNode) -> Iterator[Mapping[str, Any]]:
    """The calculations filed under the task's dependencies instead of the task."""
    for dependency in node.raw.get("dependencies") or ():
        if isinstance(dependency, Mapping) and isinstance(dependency.get("calculation"), Mapping):
            yield dependency["calculation"]


def compute_scores(
    index: TaskIndex, answers: Mapping[str, Any], reading: Reading = PUBLISHED
) -> Scores:
    """Work out every calculation on ``answers`` (normalised, hidden answers removed)."""
    values: dict[str, Any] = {}
    details: list[ScoreDetail] = []
    problems: list[RuleProblem] = []
    aliases = aliases_for(index, index.urn, reading)
    environment = Environment.of(answers, reading=reading, aliases=aliases)
    for node, block in calculations(index, reading):
        key = str(block.get("scoreKey") or node.id)
        where = f"task {node.id} calculation {key}"
        try:
            value = evaluate_expression(str(block.get("expression") or ""), environment)
            score = _risk_score(block, key, value)
        except ExpressionError as error:
            problems.append(RuleProblem(where, str(error)))
            details.append(ScoreDetail(node.id, key, None, None))
            continue
        details.append(ScoreDetail(node.id, key, value, score))
        if score is not None:
            values[key] = score
    return Scores(values, tuple(details), tuple(problems))


def _risk_score(block: Mapping[str, Any], key: str, value: Any) -> Any:
    rules = block.get("riskScore")
    if not rules:
        return value
    environment = Environment.of(None, **{key: value})  # reads only its own value
    for rule in rules:
        if truthy(evaluate_expression(str(rule.get("when") or ""), environment)):
            return rule.get("value")
    return None
