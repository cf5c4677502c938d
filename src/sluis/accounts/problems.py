"""Why the accounts service refuses something: the field and the rule, in Dutch and
English (the ``accounts`` i18n area). Never personal data: no login names, no passwords."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sluis.i18n import label


@dataclass(frozen=True)
class AccountProblem:
    field: str
    rule: str

    def message(self, lang: str = "en") -> str:
        return label(f"accounts.problem.{self.rule}", lang)

    def to_json_dict(self, lang: str = "en") -> dict[str, Any]:
        return {"field": self.field, "rule": self.rule, "message": self.message(lang)}


class AccountRefused(Exception):
    """Refused; nothing was changed. ``status`` is how HTTP answers it."""

    def __init__(self, problems: Iterable[AccountProblem], status: int = 422) -> None:
        self.problems = tuple(problems)
        self.status = status
        super().__init__("; ".join(f"{p.field}: {p.message()} [{p.rule}]" for p in self.problems))


def refuse(field: str, rule: str, status: int = 422) -> AccountRefused:
    return AccountRefused([AccountProblem(field, rule)], status)


__all__ = ["AccountProblem", "AccountRefused", "refuse"]
