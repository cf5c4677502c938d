"""Why the review desk refuses something: problems that name the field and the rule.

The shape is shared with the rights desk (``sluis.problems``): ``forbidden`` (no
authority, HTTP 403), ``conflict`` (the case is not in a state that allows it, 409),
``invalid`` (bad input, 422) or ``not_found`` (404). Messages come from the ``review`` i18n
area in Dutch and English and never hold personal data: parameters are ids, counts and
declared names. Pure: no I/O.
"""

from __future__ import annotations

from sluis.problems import Problem as _Problem
from sluis.problems import ProblemKind, Refused


class Problem(_Problem):
    area = "review"


class ReviewRefused(Refused):
    """The review desk refused a request; nothing was changed."""


refuse_if = ReviewRefused.raise_if

__all__ = ["Problem", "ProblemKind", "ReviewRefused", "refuse_if"]
