"""The questionnaires' own rules, evaluated safely and purely (no I/O).

Everything works on the raw definition (the YAML document as ``yaml.safe_load`` gives it, or
the typed model, whose ``raw`` is used) and an answers mapping in the shape of the exchange
format ``assessment-output.v2``: task id → value (text, list of option values, ``None``;
yes/no answers as booleans or as the texts ``"true"``/``"false"``; the format's
``{"value": …}`` wrappers are accepted too), with a repeatable task's answers as a list of
``{"_index": n, <child id>: value, …}`` under its own id.

- :func:`evaluate_assessments` — per assessment (DPIA, DTIA, KIA, IAMA, …) which level
  applies (``required``/``recommended``/``none``), its result text and the criteria that
  fired with the definition's own explanation; plus the scores and any rule problems.
- :func:`visible_tasks` — which questions are shown for the answers (``dependencies``);
  answers to hidden questions never count in scores or verdicts (:func:`prune_hidden`).
- :func:`scores` — the risk scores (``scores.<scoreKey>``) from the ``calculation`` blocks.
- :func:`compare_with_assessment` — our own DPIA verdict next to the pre-scan's: agree or
  not, and why, in Dutch and English.
- :func:`parse_expression` / :func:`evaluate_expression` — the expression language itself
  (a safe subset of JEXL, see :mod:`.expressions`); :func:`definition_notes` lints a
  definition's rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sluis.instruments.rules.assessments import (
    AssessmentOutcome,
    CriterionOutcome,
    LevelOutcome,
    Verdicts,
    evaluate_assessments,
)
from sluis.instruments.rules.comparison import Comparison, compare_with_assessment
from sluis.instruments.rules.evaluation import Environment, evaluate_expression
from sluis.instruments.rules.expressions import Expression, ExpressionError, parse_expression
from sluis.instruments.rules.lint import (
    DefinitionNote,
    RuleExpression,
    definition_notes,
    rule_expressions,
)
from sluis.instruments.rules.readings import INTENDED, PUBLISHED, Reading
from sluis.instruments.rules.scores import Scores, compute_scores
from sluis.instruments.rules.tasks import normalise_answers
from sluis.instruments.rules.visibility import Visibility, prune_hidden, visible_tasks


def scores(
    definition: Any, answers: Mapping[str, Any] | None, reading: Reading = PUBLISHED
) -> Scores:
    """The definition's risk scores for ``answers`` (hidden answers left out)."""
    visibility = visible_tasks(definition, answers, reading)
    return compute_scores(visibility.index, prune_hidden(visibility), reading)


def counted_answers(
    definition: Any, answers: Mapping[str, Any] | None, reading: Reading = PUBLISHED
) -> dict[str, Any]:
    """The answers as the rules count them: normalised, hidden ones removed."""
    return prune_hidden(visible_tasks(definition, answers, reading))


__all__ = [
    "INTENDED",
    "PUBLISHED",
    "AssessmentOutcome",
    "Comparison",
    "CriterionOutcome",
    "DefinitionNote",
    "Environment",
    "Expression",
    "ExpressionError",
    "LevelOutcome",
    "Reading",
    "RuleExpression",
    "Scores",
    "Verdicts",
    "Visibility",
    "compare_with_assessment",
    "counted_answers",
    "definition_notes",
    "evaluate_assessments",
    "evaluate_expression",
    "normalise_answers",
    "parse_expression",
    "prune_hidden",
    "rule_expressions",
    "scores",
    "visible_tasks",
]
