"""Why the rights desk refuses an action: problems that name the field and the rule.

The shape is shared with the review desk (``sluis.problems``): a problem's kind says how
an adapter answers (404, 403, 429, 409, 422). Messages come from the ``rights`` i18n area
and never hold personal data: their parameters are ids, counts, dates and names of
fields. Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from sluis.law.citations import Citation
from sluis.problems import STATUS, ProblemKind, Refused
from sluis.problems import Problem as _Problem


class Problem(_Problem):
    area = "rights"


class RightsRefused(Refused):
    """The rights desk refused an action; nothing was changed."""


refuse_if = RightsRefused.raise_if


def invalid(field: str, rule: str, *articles: Citation, **params: Any) -> Problem:
    return Problem(field, rule, ProblemKind.invalid, articles, params)


def not_found(field: str, rule: str, **params: Any) -> RightsRefused:
    return RightsRefused([Problem(field, rule, ProblemKind.not_found, (), params)])


def conflict(field: str, rule: str, *articles: Citation, **params: Any) -> RightsRefused:
    return RightsRefused([Problem(field, rule, ProblemKind.conflict, articles, params)])


__all__ = [
    "STATUS",
    "Problem",
    "ProblemKind",
    "RightsRefused",
    "conflict",
    "invalid",
    "not_found",
    "refuse_if",
]
