"""Why a desk refuses an action: problems that name the field and the rule, shared by the
review desk (``sluis.review.problems``) and the rights desk (``sluis.rights.problems``).

A problem's kind says how an adapter answers it: ``not_found`` (404), ``forbidden`` (403),
``too_many`` (429), ``conflict`` (409) or ``invalid`` (422). Each desk's messages come from
its own i18n area (``<area>.problem.<rule>``) in Dutch and English and never hold personal
data: their parameters are ids, counts, dates and names of fields. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from sluis.i18n import label
from sluis.law.citations import Citation


class ProblemKind(StrEnum):
    not_found = "not_found"
    forbidden = "forbidden"
    too_many = "too_many"
    conflict = "conflict"
    invalid = "invalid"


#: The HTTP status of each kind. When one action has problems of several kinds, the first
#: kind here answers it: there is no point listing bad input to someone who may not act.
STATUS = {
    ProblemKind.not_found: 404,
    ProblemKind.forbidden: 403,
    ProblemKind.too_many: 429,
    ProblemKind.conflict: 409,
    ProblemKind.invalid: 422,
}
PRECEDENCE = tuple(STATUS)


@dataclass(frozen=True)
class Problem:
    """One broken rule: ``field`` names what is wrong, ``rule`` is a stable code. A desk
    subclasses it to set :attr:`area`, where its messages live."""

    area: ClassVar[str] = "problems"

    field: str
    rule: str
    kind: ProblemKind = ProblemKind.invalid
    articles: tuple[Citation, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return label(f"{self.area}.problem.{self.rule}", lang).format(**self.params)

    def to_json_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "field": self.field,
            "rule": self.rule,
            "message": self.message(lang),
            "articles": [a.label(lang) for a in self.articles],
        }


class Refused(Exception):
    """A desk refused an action; nothing was changed. ``problems`` are all of the deciding
    kind (:attr:`kind`), ``status`` its HTTP status."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = list(problems)
        if not found:
            raise ValueError("a refusal needs at least one problem")
        self.kind = next(k for k in PRECEDENCE if any(p.kind is k for p in found))
        self.problems = tuple(p for p in found if p.kind is self.kind)
        self.status = STATUS[self.kind]
        super().__init__("; ".join(f"{p.field}: {p.message('en')} [{p.rule}]" for p in found))

    def to_json_list(self, lang: str = "en") -> list[dict[str, Any]]:
        return [p.to_json_dict(lang) for p in self.problems]

    @classmethod
    def raise_if(cls, problems: Iterable[Problem]) -> None:
        """Raise this refusal when there is any problem."""
        found = list(problems)
        if found:
            raise cls(found)


__all__ = ["PRECEDENCE", "STATUS", "Problem", "ProblemKind", "Refused"]
