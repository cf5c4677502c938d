"""Why the review desk refuses something: problems that name the field and the rule.

A problem has a kind that says how an adapter answers it: ``forbidden`` (no authority,
HTTP 403), ``conflict`` (the case is not in a state that allows it, 409), ``invalid`` (bad
input, 422) or ``not_found`` (404). Messages come from the ``review`` i18n area in Dutch
and English and never hold personal data: parameters are ids, counts and declared names.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sluis.i18n import label
from sluis.law.citations import Citation


class ProblemKind(StrEnum):
    forbidden = "forbidden"
    conflict = "conflict"
    invalid = "invalid"
    not_found = "not_found"


# When one request has problems of several kinds, the first kind here answers it: there is
# no point listing bad input to someone who may not act at all.
_PRECEDENCE = (
    ProblemKind.not_found,
    ProblemKind.forbidden,
    ProblemKind.conflict,
    ProblemKind.invalid,
)


@dataclass(frozen=True)
class Problem:
    """One broken rule: ``field`` names what is wrong, ``rule`` is a stable code."""

    field: str
    rule: str
    kind: ProblemKind
    articles: tuple[Citation, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return label(f"review.problem.{self.rule}", lang).format(**self.params)

    def to_json_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "field": self.field,
            "rule": self.rule,
            "message": self.message(lang),
            "articles": [a.label(lang) for a in self.articles],
        }


class ReviewRefused(Exception):
    """The review desk refused a request; nothing was changed. ``problems`` are all of
    the deciding kind (:attr:`kind`)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = list(problems)
        if not found:
            raise ValueError("a refusal needs at least one problem")
        self.kind = next(k for k in _PRECEDENCE if any(p.kind is k for p in found))
        self.problems = tuple(p for p in found if p.kind is self.kind)
        super().__init__("; ".join(f"{p.field}: {p.message('en')} [{p.rule}]" for p in found))


def refuse_if(problems: Iterable[Problem]) -> None:
    """Raise :class:`ReviewRefused` when there is any problem."""
    found = list(problems)
    if found:
        raise ReviewRefused(found)


__all__ = ["Problem", "ProblemKind", "ReviewRefused", "refuse_if"]
