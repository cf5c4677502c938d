"""The expression language of the questionnaires, parsed safely into a small syntax tree.

The government's definitions write their rules in JEXL (a JavaScript-flavoured expression
language). We accept exactly the part of it that the definitions use, and nothing that
could run code:

- literals: numbers (``4``, ``0.5``), strings in single or double quotes, ``true``,
  ``false``, ``null``, and lists ``[a, b]``;
- names: ``scores`` and ``criteria`` (read with ``.key``) and, inside a score rule's
  ``when``, the score's own key;
- calls of the functions in :data:`FUNCTIONS` and the transform ``value | count``;
- operators, loosest first: ``a ? b : c``; ``||`` and ``&&`` (one level, left to right, as
  in JEXL, so mixed chains need parentheses to mean anything else); ``== != < <= > >=`` and
  ``in``; ``+``; prefix ``!``; then ``.key`` and ``| transform``.

An unknown function or transform is refused when parsing, an unknown name when evaluating;
both raise :class:`ExpressionError`, which names the expression and the line and column.
The grammar is Lark's (LALR); no Python ``eval``, ``exec`` or ``compile`` is involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, VisitError

#: Function name → how many arguments it takes.
FUNCTIONS: dict[str, int] = {
    "answers": 1,
    "bool": 1,
    "countSelectedOptions": 1,
    "weightedCountMap": 3,
}
TRANSFORMS: frozenset[str] = frozenset({"count"})

_GRAMMAR = r"""
?start: ternary

?ternary: logical "?" ternary ":" ternary -> conditional
        | logical

?logical: logical LOGIC comparison -> binary
        | comparison

?comparison: comparison COMPARE sum -> binary
           | comparison IN sum -> binary
           | sum

?sum: sum PLUS unary -> binary
    | unary

?unary: BANG unary -> negation
      | postfix

?postfix: postfix "|" NAME -> pipe
        | postfix "." NAME -> member
        | atom

?atom: NAME "(" [arguments] ")" -> call
     | NAME -> name
     | NUMBER -> number
     | STRING -> string
     | TRUE -> true
     | FALSE -> false
     | NULL -> null
     | LSQB [arguments] "]" -> array
     | "(" ternary ")"

arguments: ternary ("," ternary)*

LOGIC: "||" | "&&"
COMPARE: "==" | "!=" | "<=" | ">=" | "<" | ">"
PLUS: "+"
BANG: "!"
LSQB: "["
IN.2: /in(?![A-Za-z0-9_$])/
TRUE.2: /true(?![A-Za-z0-9_$])/
FALSE.2: /false(?![A-Za-z0-9_$])/
NULL.2: /null(?![A-Za-z0-9_$])/
NAME: /[A-Za-z_$][A-Za-z0-9_$]*/
NUMBER: /[0-9]+(\.[0-9]+)?/
STRING: /'(?:[^'\\]|\\.)*'/ | /"(?:[^"\\]|\\.)*"/

%import common.WS
%ignore WS
"""

_PARSER = Lark(_GRAMMAR, parser="lalr", maybe_placeholders=True)


class ExpressionError(ValueError):
    """An expression that cannot be parsed or evaluated; says which and where."""

    def __init__(self, expression: str, position: int, problem: str) -> None:
        self.expression = expression
        self.position = position
        self.line, self.column = _line_column(expression, position)
        self.problem = problem
        super().__init__(
            f"{problem} at line {self.line}, column {self.column} of expression "
            f"{_abbreviated(expression)!r}"
        )


def _line_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _abbreviated(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --- The syntax tree: every node keeps the offset where it starts, for error messages. ---


@dataclass(frozen=True)
class Node:
    position: int


@dataclass(frozen=True)
class Literal(Node):
    value: Any


@dataclass(frozen=True)
class ArrayLiteral(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Name(Node):
    name: str


@dataclass(frozen=True)
class Member(Node):
    subject: Node
    key: str


@dataclass(frozen=True)
class Call(Node):
    function: str
    arguments: tuple[Node, ...]


@dataclass(frozen=True)
class Transform(Node):
    subject: Node
    transform: str


@dataclass(frozen=True)
class Negation(Node):
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    operator: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Conditional(Node):
    test: Node
    then: Node
    otherwise: Node


@dataclass(frozen=True)
class Expression:
    """A parsed expression with the text it came from."""

    text: str
    root: Node


class _UnknownCallable(Exception):
    def __init__(self, position: int, problem: str) -> None:
        self.position, self.problem = position, problem


def _unescape(token: Token) -> str:
    body = str(token)[1:-1]
    out, chars = [], iter(body)
    for char in chars:
        out.append(next(chars, "\\") if char == "\\" else char)
    return "".join(out)


@v_args(inline=True)
class _Build(Transformer):
    def number(self, token: Token) -> Literal:
        text = str(token)
        return Literal(token.start_pos, float(text) if "." in text else int(text))

    def string(self, token: Token) -> Literal:
        return Literal(token.start_pos, _unescape(token))

    def true(self, token: Token) -> Literal:
        return Literal(token.start_pos, True)

    def false(self, token: Token) -> Literal:
        return Literal(token.start_pos, False)

    def null(self, token: Token) -> Literal:
        return Literal(token.start_pos, None)

    def name(self, token: Token) -> Name:
        return Name(token.start_pos, str(token))

    def arguments(self, *items: Node) -> tuple[Node, ...]:
        return items

    def array(self, bracket: Token, items: tuple[Node, ...] | None) -> ArrayLiteral:
        return ArrayLiteral(bracket.start_pos, items or ())

    def call(self, token: Token, arguments: tuple[Node, ...] | None) -> Call:
        function, args = str(token), arguments or ()
        if function not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise _UnknownCallable(token.start_pos, f"unknown function {function!r} ({known})")
        if len(args) != FUNCTIONS[function]:
            raise _UnknownCallable(
                token.start_pos,
                f"{function} takes {FUNCTIONS[function]} argument(s), not {len(args)}",
            )
        return Call(token.start_pos, function, args)

    def pipe(self, subject: Node, token: Token) -> Transform:
        if str(token) not in TRANSFORMS:
            raise _UnknownCallable(token.start_pos, f"unknown transform {str(token)!r}")
        return Transform(token.start_pos, subject, str(token))

    def member(self, subject: Node, token: Token) -> Member:
        return Member(subject.position, subject, str(token))

    def negation(self, bang: Token, operand: Node) -> Negation:
        return Negation(bang.start_pos, operand)

    def binary(self, left: Node, operator: Token, right: Node) -> Binary:
        return Binary(operator.start_pos, str(operator), left, right)

    def conditional(self, test: Node, then: Node, otherwise: Node) -> Conditional:
        return Conditional(test.position, test, then, otherwise)


@lru_cache(maxsize=1024)
def parse_expression(text: str) -> Expression:
    """Parse ``text``; raises :class:`ExpressionError` naming the position of the problem."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError(str(text or ""), 0, "empty expression")
    try:
        tree = _PARSER.parse(text)
    except UnexpectedEOF as error:
        raise ExpressionError(text, len(text), "the expression ends too early") from error
    except UnexpectedCharacters as error:
        raise ExpressionError(
            text, error.pos_in_stream, f"unexpected character {text[error.pos_in_stream]!r}"
        ) from error
    except UnexpectedInput as error:
        position = error.pos_in_stream if error.pos_in_stream is not None else len(text)
        token = getattr(error, "token", None)
        if token is None or token.type == "$END":
            raise ExpressionError(text, len(text), "the expression ends too early") from error
        raise ExpressionError(text, position, f"unexpected {str(token)!r}") from error
    try:
        root = _Build().transform(tree)
    except VisitError as error:
        inner = error.orig_exc
        if isinstance(inner, _UnknownCallable):
            raise ExpressionError(text, inner.position, inner.problem) from error
        raise
    return Expression(text, root)


def walk(node: Node):
    """Every node of the tree below and including ``node``, parents first."""
    yield node
    children: tuple[Node, ...] = ()
    if isinstance(node, ArrayLiteral):
        children = node.items
    elif isinstance(node, Call):
        children = node.arguments
    elif isinstance(node, Member | Transform):
        children = (node.subject,)
    elif isinstance(node, Negation):
        children = (node.operand,)
    elif isinstance(node, Binary):
        children = (node.left, node.right)
    elif isinstance(node, Conditional):
        children = (node.test, node.then, node.otherwise)
    for child in children:
        yield from walk(child)


def referenced_task_ids(expression: Expression) -> tuple[str, ...]:
    """The task ids the expression reads with ``answers('…')`` or ``countSelectedOptions``."""
    out = []
    for node in walk(expression.root):
        if (
            isinstance(node, Call)
            and node.function in {"answers", "countSelectedOptions"}
            and isinstance(node.arguments[0], Literal)
            and isinstance(node.arguments[0].value, str)
        ):
            out.append(node.arguments[0].value)
    return tuple(dict.fromkeys(out))


def referenced_members(expression: Expression, name: str) -> tuple[str, ...]:
    """The keys read from ``name`` (``scores.x`` → ``x`` for name ``scores``)."""
    keys = [
        node.key
        for node in walk(expression.root)
        if isinstance(node, Member) and isinstance(node.subject, Name) and node.subject.name == name
    ]
    return tuple(dict.fromkeys(keys))
