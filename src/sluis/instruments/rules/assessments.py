"""The pre-scan's own verdicts: its ``assessments`` block evaluated on the answers.

Per assessment (DPIA, DTIA, KIA, IAMA, ...) the levels are tried in the order written
(``required`` before ``recommended``); the first whose expression holds applies, else the
level is ``none``. A level's criteria are evaluated first, each on its own; the ones that
hold are ``criteria.<id>`` (true) in the level's expression, the others are missing (false).
Texts (``result``, each criterion's ``explanation``) are the definition's own content and
are shown as such, in the language the definition is written in.

Answers to hidden questions are removed before anything is evaluated (see
:mod:`visibility`). Everything is evaluated under one :class:`~readings.Reading`; the
published one, exactly as the definition is written, unless told otherwise. An expression
that fails is reported in ``problems`` and counts as not holding, so one broken rule does
not hide the other verdicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sluis.instruments.rules.evaluation import Environment, evaluate_expression
from sluis.instruments.rules.expressions import ExpressionError
from sluis.instruments.rules.jsvalues import truthy
from sluis.instruments.rules.readings import PUBLISHED, Reading, aliases_for
from sluis.instruments.rules.scores import RuleProblem, Scores, compute_scores
from sluis.instruments.rules.tasks import raw_definition
from sluis.instruments.rules.visibility import Visibility, prune_hidden, visible_tasks

NONE = "none"
LEVEL_ORDER = ("required", "recommended", NONE)


@dataclass(frozen=True)
class CriterionOutcome:
    id: str
    expression: str
    met: bool
    explanation: str


@dataclass(frozen=True)
class LevelOutcome:
    level: str
    expression: str
    applies: bool
    result: str
    explanation: str | None
    criteria: tuple[CriterionOutcome, ...]

    @property
    def fired(self) -> tuple[CriterionOutcome, ...]:
        return tuple(c for c in self.criteria if c.met)


@dataclass(frozen=True)
class AssessmentOutcome:
    """One assessment's verdict: which level applies and which criteria made it so."""

    id: str
    level: str
    """``required``, ``recommended`` or ``none``."""
    result: str | None
    """The definition's result text for that level (``None`` when no level applies)."""
    explanation: str | None
    """The level's own base explanation, where the definition gives one."""
    fired: tuple[CriterionOutcome, ...]
    """The criteria of the applying level that hold (empty for ``none``)."""
    levels: tuple[LevelOutcome, ...]

    @property
    def applies(self) -> bool:
        return self.level != NONE

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "result": self.result,
            "explanation": self.explanation,
            "criteria": [
                {"id": c.id, "explanation": c.explanation, "expression": c.expression}
                for c in self.fired
            ],
        }


@dataclass(frozen=True)
class Verdicts:
    """Everything the rules say for one set of answers."""

    assessments: tuple[AssessmentOutcome, ...]
    scores: Scores
    visibility: Visibility
    problems: tuple[RuleProblem, ...] = ()
    reading: Reading = PUBLISHED

    def get(self, assessment_id: str) -> AssessmentOutcome | None:
        return next((a for a in self.assessments if a.id == assessment_id), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reading": self.reading.value,
            "assessments": [a.as_dict() for a in self.assessments],
            "scores": dict(self.scores.values),
            "problems": [{"where": p.where, "message": p.message} for p in self.problems],
        }


def evaluate_assessments(
    definition: Any, answers: Mapping[str, Any] | None, reading: Reading = PUBLISHED
) -> Verdicts:
    """Evaluate every assessment of ``definition`` on ``answers`` (raw or in the exchange
    format's shape; booleans may arrive as text) under ``reading``. A definition without an
    ``assessments`` block gives no outcomes, only scores."""
    visibility = visible_tasks(definition, answers, reading)
    counted = prune_hidden(visibility)
    scores = compute_scores(visibility.index, counted, reading)
    problems = list(scores.problems)
    aliases = aliases_for(visibility.index, visibility.index.urn, reading)
    environment = Environment.of(
        counted, reading=reading, aliases=aliases, scores=dict(scores.values)
    )
    outcomes = [
        _assessment(block, environment, problems)
        for block in raw_definition(definition).get("assessments") or ()
        if isinstance(block, Mapping)
    ]
    return Verdicts(tuple(outcomes), scores, visibility, tuple(problems), reading)


def _assessment(
    block: Mapping[str, Any], environment: Environment, problems: list[RuleProblem]
) -> AssessmentOutcome:
    assessment_id = str(block.get("id"))
    levels: list[LevelOutcome] = []
    chosen: LevelOutcome | None = None
    for raw in block.get("levels") or ():
        level = _level(assessment_id, raw, environment, problems, decided=chosen is not None)
        levels.append(level)
        if chosen is None and level.applies:
            chosen = level
    if chosen is None:
        return AssessmentOutcome(assessment_id, NONE, None, None, (), tuple(levels))
    return AssessmentOutcome(
        assessment_id,
        chosen.level,
        chosen.result,
        chosen.explanation,
        chosen.fired,
        tuple(levels),
    )


def _level(
    assessment_id: str,
    raw: Mapping[str, Any],
    environment: Environment,
    problems: list[RuleProblem],
    *,
    decided: bool,
) -> LevelOutcome:
    name = str(raw.get("level"))
    where = f"assessment {assessment_id} level {name}"
    criteria = tuple(
        _criterion(c, environment, problems, where)
        for c in raw.get("criteria") or ()
        if isinstance(c, Mapping)
    )
    met = {c.id: True for c in criteria if c.met}
    scope = Environment(
        environment.answers, {**environment.names, "criteria": met}, environment.reading
    )
    expression = str(raw.get("expression") or "")
    # A later level is still evaluated (to show its criteria) but cannot apply any more.
    applies = not decided and _holds(expression, scope, problems, where)
    return LevelOutcome(
        name,
        expression,
        applies,
        str(raw.get("result") or ""),
        raw.get("explanation"),
        criteria,
    )


def _criterion(
    raw: Mapping[str, Any], environment: Environment, problems: list[RuleProblem], where: str
) -> CriterionOutcome:
    expression = str(raw.get("expression") or "")
    criterion_id = str(raw.get("id"))
    met = _holds(expression, environment, problems, f"{where} criterion {criterion_id}")
    return CriterionOutcome(criterion_id, expression, met, str(raw.get("explanation") or ""))


def _holds(
    expression: str, environment: Environment, problems: list[RuleProblem], where: str
) -> bool:
    try:
        return truthy(evaluate_expression(expression, environment))
    except ExpressionError as error:
        problems.append(RuleProblem(where, str(error)))
        return False
