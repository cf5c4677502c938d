"""The expression language: what parses, what it means, and how bad input is refused."""

from __future__ import annotations

from typing import Any

import pytest

from sluis.instruments.rules import (
    INTENDED,
    Environment,
    ExpressionError,
    evaluate_expression,
    parse_expression,
    rule_expressions,
)
from sluis.instruments.rules.expressions import referenced_members, referenced_task_ids


def value(text: str, answers: dict[str, Any] | None = None, **names: Any) -> Any:
    return evaluate_expression(text, Environment.of(answers or {}, **names))


def test_every_expression_in_the_real_definitions_parses(real_definitions) -> None:
    collected = [r for d in real_definitions.values() for r in rule_expressions(d)]
    # the pre-scan holds 12 calculations with their score rules and 4 assessments
    assert len(collected) >= 50
    for rule in collected:
        parse_expression(rule.text)


def test_every_real_expression_evaluates_on_empty_answers(prescan) -> None:
    for rule in rule_expressions(prescan):
        names = {"scores": {}, "criteria": {}}
        if "riskScore" in rule.where:
            names[rule.where.split()[3]] = None
        evaluate_expression(rule.text, Environment.of({}, **names))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2", 3),
        ("false + 2", 2),
        ("true + true", 2),
        ("'a' + 1", "a1"),
        ("3 > 2 ? 'yes' : 'no'", "yes"),
        ("null ? 1 : 2", 2),
        ("'b' in ['a', 'b']", True),
        ("'c' in ['a', 'b']", False),
        ("'EER' in 'Buiten EER'", True),
        ("!false", True),
        ("!0", True),
        ("1 == '1'", True),
        ("true == 'true'", False),
        ("null == 0", False),
        ("null == null", True),
        ("2 != 3", True),
        ("2 <= 2 && 2 >= 2", True),
        ("'x' && 0", 0),
        ("0 || 'fallback'", "fallback"),
        ("(1 > 2) || (2 > 1)", True),
        ("0.5 + 0.25", 0.75),
        ("\"double\" + 'single'", "doublesingle"),
        ("'it\\'s'", "it's"),
    ],
)
def test_operators_follow_javascript(text: str, expected: Any) -> None:
    assert value(text) == expected


def test_logical_operators_share_one_level_left_to_right_as_in_jexl() -> None:
    # (true || false) && false, not true || (false && false)
    assert value("true || false && false") is False
    assert value("true || (false && false)") is True


def test_the_right_side_of_a_short_circuit_is_not_evaluated() -> None:
    # the unknown name on the right would raise if it were evaluated
    assert value("true || nope") is True
    assert value("false && nope") is False


def test_answers_functions_and_the_count_transform() -> None:
    answers = {"1.1.2": ["a", "b", "c"], "0.1": True, "0.2": "true", "0.3": "tekst"}
    assert value("answers('1.1.2') | count", answers) == 3
    assert value("answers('9.9') | count", answers) == 0
    assert value("answers('0.3') | count", answers) == 0
    assert value("countSelectedOptions('1.1.2')", answers) == 3
    assert value("countSelectedOptions('0.3')", answers) == 0
    assert value("answers('9.9')", answers) is None
    assert value("bool(answers('0.1'))", answers) is True
    assert value("bool(answers('0.2'))", answers) is True
    assert value("bool(answers('0.3'))", answers) is False
    assert value("bool(answers('9.9'))", answers) is False


def test_answers_inside_a_repeatable_group_read_the_first_element() -> None:
    answers = {"2.1": [{"_index": 0, "2.1.1": "eerste"}, {"_index": 1, "2.1.1": "tweede"}]}
    assert value("answers('2.1.1')", answers) == "eerste"


def test_weighted_count_map_as_published_matches_only_equal_keys() -> None:
    expression = "weightedCountMap(answers('x'), ['k1', 'k2', 'k3'], [1, 3, 0])"
    answers = {"x": ["Categorie: k1", "k2", "Categorie: k3", "onbekend"]}
    assert value(expression, answers) == 3
    assert value(expression, {}) == 0


def test_weighted_count_map_as_intended_also_matches_keys_after_the_option_prefix() -> None:
    expression = "weightedCountMap(answers('x'), ['k1', 'k2', 'k3'], [1, 3, 0])"
    answers = {"x": ["Categorie: k1", "k2", "Categorie: k3", "onbekend"]}
    environment = Environment.of(answers, reading=INTENDED)
    assert evaluate_expression(expression, environment) == 4


def test_a_renamed_task_is_read_under_its_new_id_only_when_told() -> None:
    answers = {"0.5.1": True}
    plain = Environment.of(answers)
    renamed = Environment.of(answers, aliases={"0.4.1": "0.5.1"})
    assert evaluate_expression("answers('0.4.1')", plain) is None
    assert evaluate_expression("answers('0.4.1')", renamed) is True


def test_scores_and_criteria_are_read_by_member_and_missing_ones_are_null() -> None:
    assert value("scores.a || 0", scores={"a": 2}) == 2
    assert value("scores.b || 0", scores={"a": 2}) == 0
    assert value("criteria.x && criteria.y", criteria={"x": True}) is None


def test_unknown_function_is_refused_when_parsing_with_its_position() -> None:
    with pytest.raises(ExpressionError) as caught:
        parse_expression("1 +\n  evil('x')")
    assert caught.value.line == 2 and caught.value.column == 3
    assert "unknown function 'evil'" in str(caught.value)
    assert "evil('x')" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("answers('a', 'b')", "answers takes 1 argument"),
        ("answers('a') | sum", "unknown transform 'sum'"),
        ("1 +", "ends too early"),
        ("1 * 2", "unexpected character '*'"),
        ("", "empty expression"),
        ("__import__('os')", "unknown function '__import__'"),
    ],
)
def test_bad_expressions_are_refused_naming_the_problem(text: str, problem: str) -> None:
    with pytest.raises(ExpressionError, match=problem.replace("(", r"\(").replace("*", r"\*")):
        parse_expression(text)


def test_unknown_name_is_refused_when_evaluating() -> None:
    with pytest.raises(ExpressionError) as caught:
        value("scores.a + totaal", scores={})
    assert "unknown name 'totaal'" in str(caught.value)
    assert caught.value.column == 12


def test_references_are_listed() -> None:
    parsed = parse_expression("bool(answers('0.1')) && countSelectedOptions('3.1') + scores.ap")
    assert referenced_task_ids(parsed) == ("0.1", "3.1")
    assert referenced_members(parsed, "scores") == ("ap",)
