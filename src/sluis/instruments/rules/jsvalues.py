"""JavaScript's value rules, as far as the questionnaires' expressions need them.

The definitions were written for a JavaScript engine, and their authors rely on its rules:
``scores.x || 0`` gives the score or 0, ``false + 2`` is 2, a list is truthy even when empty.
We keep those rules so that the same answers give the same verdict here as in the
government's own tool. One simplification: JavaScript's ``undefined`` and ``null`` are both
``None`` here, and both count as 0 in arithmetic (the definitions always guard a missing
score with ``|| 0``, so nothing depends on the difference).
"""

from __future__ import annotations

import math
from typing import Any


def truthy(value: Any) -> bool:
    """JavaScript truthiness: ``None``, ``False``, 0, NaN and "" are false; lists are true."""
    if value is None or value is False:
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def to_number(value: Any) -> float | int:
    """JavaScript's ``Number(value)``: null → 0, booleans → 0/1, text parsed, else NaN."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0
        try:
            number = float(text)
        except ValueError:
            return math.nan
        return int(number) if number.is_integer() and "." not in text else number
    if isinstance(value, list | tuple):
        return to_number(to_text(value))
    return math.nan


def to_text(value: Any) -> str:
    """JavaScript's ``String(value)``; lists join their items with commas."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return ",".join("" if item is None else to_text(item) for item in value)
    return str(value)


def _primitive(value: Any) -> Any:
    return to_text(value) if isinstance(value, list | tuple | dict) else value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def strict_equals(left: Any, right: Any) -> bool:
    """JavaScript's ``===``: same kind and same value (lists only equal themselves)."""
    if isinstance(left, list | tuple | dict) or isinstance(right, list | tuple | dict):
        return left is right
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    if _is_number(left) and _is_number(right):
        return left == right
    return type(left) is type(right) and left == right


def loose_equals(left: Any, right: Any) -> bool:
    """JavaScript's ``==`` (which JEXL uses): null equals only null; otherwise booleans and
    text are compared as numbers with numbers, and lists as their text."""
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, list | tuple | dict) and isinstance(right, list | tuple | dict):
        return left is right
    left, right = _primitive(left), _primitive(right)
    if isinstance(left, bool) or isinstance(right, bool):
        if isinstance(left, bool) and isinstance(right, bool):
            return left == right
        left = to_number(left) if isinstance(left, bool) else left
        right = to_number(right) if isinstance(right, bool) else right
        return loose_equals(left, right)
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    return to_number(left) == to_number(right)


def add(left: Any, right: Any) -> Any:
    """JavaScript's ``+``: text joins when either side is text (or a list), else numbers add."""
    left, right = _primitive(left), _primitive(right)
    if isinstance(left, str) or isinstance(right, str):
        return to_text(left) + to_text(right)
    return to_number(left) + to_number(right)


def compare(operator: str, left: Any, right: Any) -> bool:
    """JavaScript's ``< <= > >=``: two texts compare as text, anything else as numbers
    (NaN compares false)."""
    left, right = _primitive(left), _primitive(right)
    if not (isinstance(left, str) and isinstance(right, str)):
        left, right = to_number(left), to_number(right)
        if math.isnan(left) or math.isnan(right):
            return False
    if operator == "<":
        return left < right
    if operator == "<=":
        return left <= right
    if operator == ">":
        return left > right
    return left >= right


def contained_in(item: Any, container: Any) -> bool:
    """JEXL's ``in``: a substring of a text, or (strictly equal to) an element of a list."""
    if isinstance(container, str):
        return to_text(item) in container
    if isinstance(container, list | tuple):
        return any(strict_equals(element, item) for element in container)
    return False
