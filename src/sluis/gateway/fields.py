"""The fields of an input contract: each declared field with its checks prepared once, and
the problems a submitted value can have.

Problems never hold the submitted value, and are made once per field: the same problem
object serves every decision that has it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sluis.gateway.values import BAD, converter, is_missing
from sluis.law.citations import Citation, gdpr
from sluis.profiles.model import DataField, DataType, SpecialCategory

UNDECLARED = "undeclared"
SPECIAL_CATEGORY = "special_category"
MISSING = "missing"
TYPE = "type"
MINIMUM = "minimum"
MAXIMUM = "maximum"
ALLOWED_VALUES = "allowed_values"
DUPLICATE = "duplicate"

_RULE_ARTICLES: dict[str, tuple[Citation, ...]] = {
    UNDECLARED: (gdpr("5(1)(c)"),),
    SPECIAL_CATEGORY: (gdpr("9(1)"), gdpr("22(4)")),
    # A procedure assessed for declared data must not run on data outside that
    # declaration: incomplete or out-of-domain inputs make the decision inaccurate.
    MISSING: (gdpr("5(1)(d)"),),
    TYPE: (gdpr("5(1)(d)"),),
    MINIMUM: (gdpr("5(1)(d)"),),
    MAXIMUM: (gdpr("5(1)(d)"),),
    ALLOWED_VALUES: (gdpr("5(1)(d)"),),
    DUPLICATE: (gdpr("5(1)(d)"),),
}

_TYPE_WORDS = {
    DataType.integer: "expected a whole number",
    DataType.number: "expected a finite number",
    DataType.boolean: "expected true or false",
    DataType.string: "expected text",
    DataType.category: "expected text",
    DataType.date: "expected a date (YYYY-MM-DD)",
}


class InputProblem(NamedTuple):
    """One problem with a decision's inputs: the field, the rule it breaks, a message that
    never contains the submitted value, and the articles behind the rule."""

    field: str
    rule: str
    message: str
    articles: tuple[Citation, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "rule": self.rule,
            "message": self.message,
            "articles": [a.label("en") for a in self.articles],
        }


def problem(field: str, rule: str, message: str) -> InputProblem:
    return InputProblem(field, rule, message, _RULE_ARTICLES[rule])


class FieldSpec:
    """One declared field as the contract enforces it; problems are prepared once."""

    __slots__ = (
        "_allowed",
        "_convert",
        "_maximum",
        "_minimum",
        "forbidden_reason",
        "name",
        "optional",
        "p_forbidden",
        "p_maximum",
        "p_minimum",
        "p_missing",
        "p_not_allowed",
        "p_type",
        "permitted",
        "source",
        "type",
    )

    def __init__(self, source: DataField, permitted: bool, forbidden_reason: str = "") -> None:
        self.source = source
        self.name = source.name
        self.type = source.type
        self.optional = source.optional
        self.permitted = permitted
        self.forbidden_reason = forbidden_reason
        self._minimum = source.minimum
        self._maximum = source.maximum
        self._allowed = (
            frozenset(source.allowed_values) if source.allowed_values is not None else None
        )
        self._convert = converter(source.type)
        name = self.name
        category = source.special_category.value if source.special_category else ""
        self.p_forbidden = problem(
            name, SPECIAL_CATEGORY, f"special-category data ({category}): {forbidden_reason}"
        )
        self.p_missing = problem(name, MISSING, "required for this decision but not given")
        self.p_type = problem(name, TYPE, _TYPE_WORDS[source.type])
        self.p_minimum = problem(
            name, MINIMUM, f"below the declared minimum of {_num(source.minimum)}"
        )
        self.p_maximum = problem(
            name, MAXIMUM, f"above the declared maximum of {_num(source.maximum)}"
        )
        listed = ", ".join(sorted(self._allowed or ()))
        self.p_not_allowed = problem(
            name, ALLOWED_VALUES, f"not one of the declared values: {listed}"
        )

    @property
    def minimum(self) -> float | None:
        return self._minimum

    @property
    def maximum(self) -> float | None:
        return self._maximum

    @property
    def allowed_values(self) -> frozenset[str] | None:
        return self._allowed

    @property
    def special_category(self) -> SpecialCategory | None:
        return self.source.special_category

    def check(self, value: object) -> tuple[object, InputProblem | None]:
        """The value normalised (``int``, ``float``, ``bool``, ``str``, ``date``), or the
        problem with it. A missing value is ``None``."""
        kind = type(value)
        if (kind is float and value != value) or (kind not in _PLAIN and is_missing(value)):
            return None, (None if self.optional else self.p_missing)
        converted = self._convert(value)
        if converted is BAD:
            return None, self.p_type
        if self._minimum is not None and converted < self._minimum:  # type: ignore[operator]
            return None, self.p_minimum
        if self._maximum is not None and converted > self._maximum:  # type: ignore[operator]
            return None, self.p_maximum
        if self._allowed is not None and converted not in self._allowed:
            return None, self.p_not_allowed
        return converted, None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type.value,
            "minimum": self._minimum,
            "maximum": self._maximum,
            "allowed_values": sorted(self._allowed) if self._allowed is not None else None,
            "optional": self.optional,
            "special_category": self.special_category.value if self.special_category else None,
            "permitted": self.permitted,
            "forbidden_reason": self.forbidden_reason or None,
        }


_PLAIN = frozenset((str, int, float, bool))  # never missing (but for NaN), checked first


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


__all__ = [
    "ALLOWED_VALUES",
    "DUPLICATE",
    "MAXIMUM",
    "MINIMUM",
    "MISSING",
    "SPECIAL_CATEGORY",
    "TYPE",
    "UNDECLARED",
    "FieldSpec",
    "InputProblem",
    "problem",
]
