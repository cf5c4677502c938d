"""The Algoritmekader's exception expressions (``uitzondering``), read and evaluated.

A requirement may say when it does *not* apply, either as one tag
(``risicogroep-uitzondering-van-toepassing``) or as an expression of quoted tags joined by
``&&``, ``||`` and parentheses (the AI Act's open-source exception, art. 2(12)). A tag is a
front-matter key and one of its values joined by a hyphen.

We translate each tag into our vocabulary and keep the expression in a canonical form,
``facet=value`` atoms with the same operators, e.g.
``(ai_application_type=ai_system || ai_application_type=general_purpose_ai_system)
&& open_source=true``. ``&&`` binds more tightly than ``||``.

Evaluation is tri-state, like the rest of Sluis: given the values a profile may still have
for each facet, an atom is true when that is exactly the atom's value, false when the value
is ruled out, and unknown otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sluis.kader.vocabulary import FACET_BY_KEY, FACET_BY_NAME


@dataclass(frozen=True)
class Is:
    facet: str
    value: str


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Condition, ...]


Condition = Is | AllOf | AnyOf


class ConditionError(ValueError):
    """An expression that cannot be read."""


_TOKEN = re.compile(r'\s*(\(|\)|&&|\|\||"[^"]*"|[^\s()&|"]+)')


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ConditionError(f"unexpected character at position {position}")
        tokens.append(match.group(1))
        position = match.end()
    if not tokens:
        raise ConditionError("empty expression")
    return tokens


class _Parser:
    def __init__(self, tokens: list[str], atom: Callable[[str], Is]) -> None:
        self.tokens = tokens
        self.position = 0
        self.atom = atom

    def parse(self) -> Condition:
        condition = self._any()
        if self.position != len(self.tokens):
            raise ConditionError(f"unexpected {self.tokens[self.position]!r}")
        return condition

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _any(self) -> Condition:
        parts = [self._all()]
        while self._peek() == "||":
            self.position += 1
            parts.append(self._all())
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def _all(self) -> Condition:
        parts = [self._primary()]
        while self._peek() == "&&":
            self.position += 1
            parts.append(self._primary())
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def _primary(self) -> Condition:
        token = self._peek()
        if token is None:
            raise ConditionError("the expression ends too early")
        self.position += 1
        if token == "(":
            inner = self._any()
            if self._peek() != ")":
                raise ConditionError("a parenthesis is not closed")
            self.position += 1
            return inner
        if token in (")", "&&", "||"):
            raise ConditionError(f"unexpected {token!r}")
        return self.atom(token.strip('"'))


def _framework_atom(tag: str) -> Is:
    # Longest key first: "open-source-open-source" must split after "open-source".
    for key in sorted(FACET_BY_KEY, key=len, reverse=True):
        if tag.startswith(key + "-"):
            facet = FACET_BY_KEY[key]
            term = facet.values.get(tag[len(key) + 1 :])
            if term is None:
                raise ConditionError(f"unknown value in tag {tag!r}")
            return Is(facet.name, term.value)
    raise ConditionError(f"tag {tag!r} names no known facet")


def _canonical_atom(token: str) -> Is:
    facet, separator, value = token.partition("=")
    if not separator or facet not in FACET_BY_NAME or not value:
        raise ConditionError(f"not a facet=value atom: {token!r}")
    return Is(facet, value)


def parse_framework_expression(text: str) -> Condition:
    """Read an ``uitzondering`` entry as written in the Algoritmekader."""
    return _Parser(_tokens(text), _framework_atom).parse()


def parse_canonical(text: str) -> Condition:
    """Read an expression in our canonical form (as stored)."""
    return _Parser(_tokens(text), _canonical_atom).parse()


def canonical(condition: Condition, nested: bool = False) -> str:
    """The canonical text of a condition; ``parse_canonical`` reads it back."""
    if isinstance(condition, Is):
        return f"{condition.facet}={condition.value}"
    operator = " && " if isinstance(condition, AllOf) else " || "
    text = operator.join(canonical(part, nested=True) for part in condition.parts)
    return f"({text})" if nested else text


def evaluate(condition: Condition, possible: Mapping[str, frozenset[str]]) -> bool | None:
    """Whether the condition holds, given the values each facet may still have.

    A facet missing from ``possible`` is not known at all: its atoms are unknown.
    """
    if isinstance(condition, Is):
        values = possible.get(condition.facet)
        if values is None:
            return None
        if condition.value not in values:
            return False
        return True if values == frozenset({condition.value}) else None
    results = [evaluate(part, possible) for part in condition.parts]
    if isinstance(condition, AllOf):
        if False in results:
            return False
        return True if all(r is True for r in results) else None
    if True in results:
        return True
    return False if all(r is False for r in results) else None


def atoms(condition: Condition) -> tuple[Is, ...]:
    """Every atom of a condition, in order."""
    if isinstance(condition, Is):
        return (condition,)
    return tuple(atom for part in condition.parts for atom in atoms(part))
