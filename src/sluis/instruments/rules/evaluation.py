"""Evaluating a parsed expression against answers, scores and criteria.

What the functions mean (as in the government's tool):

- ``answers('id')``: the answer to that task (see :func:`tasks.first_answer`), ``null`` when
  unanswered or unknown;
- ``bool(x)``: true only for ``true`` or the text ``"true"``;
- ``countSelectedOptions('id')``: how many options are ticked, 0 when it is not a list;
- ``weightedCountMap(values, keys, weights)``: the sum of the weights of the keys among the
  values. As published a value matches a key only when they are equal, as the government's
  tool compares them. As intended a selected value also matches a key when it is the key
  with the option's category prefix in front (``"Categorie betrokkenen: Kinderen jonger dan
  16 jaar"`` matches ``"Kinderen jonger dan 16 jaar"``): the real pre-scan writes its keys
  without the prefix its option values carry, so literally every such weight counts 0;
- ``x | count``: the length of a list, 0 when it is not a list.

Operators follow :mod:`jsvalues`; ``&&`` and ``||`` return one of their operands and only
evaluate the right one when needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sluis.instruments.rules import jsvalues as js
from sluis.instruments.rules.expressions import (
    ArrayLiteral,
    Binary,
    Call,
    Conditional,
    Expression,
    ExpressionError,
    Literal,
    Member,
    Name,
    Negation,
    Node,
    Transform,
    parse_expression,
)
from sluis.instruments.rules.readings import INTENDED, PUBLISHED, Reading
from sluis.instruments.rules.tasks import first_answer

AnswerLookup = Callable[[str], Any]


@dataclass(frozen=True)
class Environment:
    """What an expression may read: answers (through a lookup) and named values such as
    ``scores``, ``criteria`` or a score's own key inside its ``when``."""

    answers: AnswerLookup = field(default=lambda _task_id: None)
    names: Mapping[str, Any] = field(default_factory=dict)
    reading: Reading = PUBLISHED

    @classmethod
    def of(
        cls,
        answers: Mapping[str, Any] | None = None,
        *,
        reading: Reading = PUBLISHED,
        aliases: Mapping[str, str] | None = None,
        **names: Any,
    ) -> Environment:
        return cls(answer_lookup(answers, aliases), names, reading)


def answer_lookup(
    answers: Mapping[str, Any] | None, aliases: Mapping[str, str] | None = None
) -> AnswerLookup:
    """``answers('id')`` over ``answers``, reading a renamed task under its new id."""
    book, renamed = answers or {}, aliases or {}
    return lambda task_id: first_answer(book, renamed.get(task_id, task_id))


def evaluate_expression(expression: str | Expression, environment: Environment) -> Any:
    """The value of ``expression`` (text or parsed) in ``environment``; raises
    :class:`ExpressionError` for an unknown name or a call with the wrong kind of argument."""
    parsed = parse_expression(expression) if isinstance(expression, str) else expression
    return _Evaluator(parsed.text, environment).value(parsed.root)


class _Evaluator:
    def __init__(self, text: str, environment: Environment) -> None:
        self.text, self.env = text, environment

    def fail(self, node: Node, problem: str) -> ExpressionError:
        return ExpressionError(self.text, node.position, problem)

    def value(self, node: Node) -> Any:
        match node:
            case Literal(value=value):
                return value
            case ArrayLiteral(items=items):
                return [self.value(item) for item in items]
            case Name(name=name):
                if name not in self.env.names:
                    known = ", ".join(sorted(self.env.names)) or "none here"
                    raise self.fail(node, f"unknown name {name!r} (known: {known})")
                return self.env.names[name]
            case Member(subject=subject, key=key):
                found = self.value(subject)
                return found.get(key) if isinstance(found, Mapping) else None
            case Transform(subject=subject):
                found = self.value(subject)
                return len(found) if isinstance(found, list | tuple) else 0
            case Negation(operand=operand):
                return not js.truthy(self.value(operand))
            case Conditional(test=test, then=then, otherwise=otherwise):
                return self.value(then if js.truthy(self.value(test)) else otherwise)
            case Binary():
                return self.binary(node)
            case Call():
                return self.call(node)
        raise self.fail(node, "unsupported expression")  # pragma: no cover - closed grammar

    def binary(self, node: Binary) -> Any:
        left = self.value(node.left)
        if node.operator == "&&":
            return self.value(node.right) if js.truthy(left) else left
        if node.operator == "||":
            return left if js.truthy(left) else self.value(node.right)
        right = self.value(node.right)
        if node.operator == "+":
            return js.add(left, right)
        if node.operator == "==":
            return js.loose_equals(left, right)
        if node.operator == "!=":
            return not js.loose_equals(left, right)
        if node.operator == "in":
            return js.contained_in(left, right)
        return js.compare(node.operator, left, right)

    def call(self, node: Call) -> Any:
        args = [self.value(argument) for argument in node.arguments]
        if node.function == "bool":
            return args[0] is True or args[0] == "true"
        if node.function == "weightedCountMap":
            return self.weighted(node, *args)
        if not isinstance(args[0], str):
            raise self.fail(node, f"{node.function} needs a task id as text")
        answer = self.env.answers(args[0])
        if node.function == "answers":
            return answer
        return len(answer) if isinstance(answer, list) else 0  # countSelectedOptions

    def weighted(self, node: Call, values: Any, keys: Any, weights: Any) -> Any:
        if not isinstance(keys, list) or not isinstance(weights, list):
            raise self.fail(node, "weightedCountMap needs a list of keys and a list of weights")
        if not isinstance(values, list):
            return 0
        weight_of = {str(k): w for k, w in zip(keys, weights, strict=False)}
        total: Any = 0
        for value in values:
            weight = _weight(weight_of, value, prefixed=self.env.reading is INTENDED)
            total = js.add(total, weight if js.truthy(weight) else 0)
        return total


def _weight(weight_of: Mapping[str, Any], value: Any, *, prefixed: bool) -> Any:
    text = js.to_text(value)
    if text in weight_of or not prefixed:
        return weight_of.get(text)
    _, separator, bare = text.partition(": ")
    return weight_of.get(bare.strip()) if separator else None
