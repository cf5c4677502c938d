"""Why the rights desk refuses an action: problems that name the field and the rule.

As at the review desk (``sluis.review.problems``), a problem's kind says how an adapter
answers: ``not_found`` (404), ``forbidden`` (403), ``conflict`` (409), ``invalid`` (422),
``too_many`` (429). Messages come from the ``rights`` i18n area and never hold personal
data: their parameters are ids, counts, dates and names of fields. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sluis.i18n import label
from sluis.law.citations import Citation


class ProblemKind(StrEnum):
    not_found = "not_found"
    forbidden = "forbidden"
    too_many = "too_many"
    conflict = "conflict"
    invalid = "invalid"


STATUS = {
    ProblemKind.not_found: 404,
    ProblemKind.forbidden: 403,
    ProblemKind.too_many: 429,
    ProblemKind.conflict: 409,
    ProblemKind.invalid: 422,
}
_PRECEDENCE = tuple(STATUS)


@dataclass(frozen=True)
class Problem:
    field: str
    rule: str
    kind: ProblemKind = ProblemKind.invalid
    articles: tuple[Citation, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return label(f"rights.problem.{self.rule}", lang).format(**self.params)

    def to_json_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "field": self.field,
            "rule": self.rule,
            "message": self.message(lang),
            "articles": [a.label(lang) for a in self.articles],
        }


class RightsRefused(Exception):
    """The rights desk refused an action; nothing was changed. ``problems`` are all of the
    deciding kind (:attr:`kind`), ``status`` its HTTP status."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = list(problems)
        if not found:
            raise ValueError("a refusal needs at least one problem")
        self.kind = next(k for k in _PRECEDENCE if any(p.kind is k for p in found))
        self.problems = tuple(p for p in found if p.kind is self.kind)
        self.status = STATUS[self.kind]
        super().__init__("; ".join(f"{p.field}: {p.message('en')} [{p.rule}]" for p in found))

    def to_json_list(self, lang: str = "en") -> list[dict[str, Any]]:
        return [p.to_json_dict(lang) for p in self.problems]


def refuse_if(problems: Iterable[Problem]) -> None:
    found = list(problems)
    if found:
        raise RightsRefused(found)


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
