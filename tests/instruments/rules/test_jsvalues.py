"""JavaScript's value rules as the expressions rely on them."""

from __future__ import annotations

import math

from sluis.instruments.rules import jsvalues as js


def test_truthiness() -> None:
    assert [js.truthy(v) for v in (None, False, 0, 0.0, "", math.nan)] == [False] * 6
    assert [js.truthy(v) for v in (True, 1, -1, "0", "false", [], {})] == [True] * 7


def test_numbers_from_other_values() -> None:
    assert js.to_number(None) == 0
    assert js.to_number(True) == 1
    assert js.to_number(" 4 ") == 4
    assert js.to_number("") == 0
    assert math.isnan(js.to_number("Ja"))
    assert js.to_number([]) == 0
    assert js.to_number(["7"]) == 7


def test_equality_loose_and_strict() -> None:
    assert js.loose_equals(1, "1") and js.loose_equals(True, 1) and js.loose_equals(False, "0")
    assert not js.loose_equals(None, 0) and not js.loose_equals(None, False)
    assert js.loose_equals(["a"], "a")
    assert not js.strict_equals(1, "1") and not js.strict_equals(True, 1)
    assert js.strict_equals("a", "a") and js.strict_equals(2, 2.0)


def test_comparison_of_texts_and_numbers() -> None:
    assert js.compare("<", "a", "b")
    assert js.compare("<", "2", 10)
    assert not js.compare("<", "x", 10) and not js.compare(">=", "x", 10)
    assert js.compare(">=", None, 0)


def test_membership() -> None:
    assert js.contained_in("a", ["a"]) and not js.contained_in(1, ["1"])
    assert js.contained_in("EER", "Buiten EER") and not js.contained_in("a", None)
