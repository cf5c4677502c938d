"""Corrections typed by staff on the rectification page (GDPR art. 16), read as the
values the decision's fields hold. Pure: no I/O.

A form gives text; the gateway takes values of the field's type as they come in JSON (it
never guesses a number from text). So each corrected field is read here by its declared
type, forgivingly where people type differently (a decimal comma, blanks in a number,
ja/nee), and a field left as it was is no correction at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sluis.profiles.model import DataType
from sluis.rights.problems import Problem, invalid

_TRUE = frozenset({"true", "yes", "ja", "1", "waar"})
_FALSE = frozenset({"false", "no", "nee", "0", "onwaar"})
FORM_PREFIX = "field."


@dataclass(frozen=True)
class FieldNow:
    """A field of the decision, its type and the value it holds now (None: not given)."""

    name: str
    type: DataType
    value: object

    @property
    def shown(self) -> str:
        """The value as the form shows it."""
        if self.value is None:
            return ""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        return str(self.value)


def typed(text: str, kind: DataType) -> object:
    """``text`` as a value of ``kind``; ``ValueError`` when it cannot be one."""
    cleaned = text.strip()
    if kind is DataType.integer:
        return int(cleaned.replace(" ", ""))
    if kind is DataType.number:
        return float(cleaned.replace(" ", "").replace(",", "."))
    if kind is DataType.boolean:
        folded = cleaned.casefold()
        if folded in _TRUE or folded in _FALSE:
            return folded in _TRUE
        raise ValueError("not a yes or no")
    if kind is DataType.date:
        return date.fromisoformat(cleaned).isoformat()
    return cleaned


def corrections_from_form(
    form: Mapping[str, str], fields: Sequence[FieldNow]
) -> tuple[dict[str, object], list[Problem]]:
    """The corrections a form asks for (``field.<name>`` inputs that differ from the value
    now), and a problem naming each field whose text is not of its type."""
    corrections: dict[str, object] = {}
    problems: list[Problem] = []
    for field in fields:
        text = form.get(FORM_PREFIX + field.name)
        if text is None or text.strip() == field.shown.strip() or not text.strip():
            continue
        try:
            value = typed(text, field.type)
        except ValueError:
            problems.append(invalid(f"corrections.{field.name}", "correction_type"))
            continue
        if value != field.value:
            corrections[field.name] = value
    return corrections, problems


__all__ = ["FORM_PREFIX", "FieldNow", "corrections_from_form", "typed"]
