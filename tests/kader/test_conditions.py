"""The exception expressions (``uitzondering``): read as written, kept canonically, and
evaluated tri-state against what a profile may still be."""

from __future__ import annotations

import pytest

from sluis.kader.conditions import (
    AllOf,
    AnyOf,
    ConditionError,
    Is,
    canonical,
    evaluate,
    parse_canonical,
    parse_framework_expression,
)

OPEN_SOURCE_EXCEPTION = (
    '("soort-toepassing-ai-systeem-voor-algemene-doeleinden" || "soort-toepassing-ai-systeem")'
    ' && "open-source-open-source" && "transparantieverplichting-geen-transparantieverplichting"'
    ' && "risicogroep-geen-hoog-risico-ai-systeem"'
)


def test_a_single_tag_reads_as_one_atom() -> None:
    assert parse_framework_expression("risicogroep-uitzondering-van-toepassing") == Is(
        "ai_act_risk_group", "exception_applies"
    )


def test_the_open_source_exception_reads_with_and_binding_tighter_than_or() -> None:
    condition = parse_framework_expression(OPEN_SOURCE_EXCEPTION)
    assert condition == AllOf(
        (
            AnyOf(
                (
                    Is("ai_application_type", "general_purpose_ai_system"),
                    Is("ai_application_type", "ai_system"),
                )
            ),
            Is("open_source", "true"),
            Is("transparency_obligation", "false"),
            Is("ai_act_risk_group", "not_high_risk"),
        )
    )
    assert parse_canonical(canonical(condition)) == condition
    mixed = parse_canonical("open_source=true || systemic_risk=true && ai_act_role=provider")
    assert mixed == AnyOf(
        (
            Is("open_source", "true"),
            AllOf((Is("systemic_risk", "true"), Is("ai_act_role", "provider"))),
        )
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "(",
        '"risicogroep-hoog-risico-ai-systeem" &&',
        "kleur-blauw",
        "risicogroep-maanfase",
        "a ) b",
    ],
)
def test_unreadable_expressions_raise(text: str) -> None:
    with pytest.raises(ConditionError):
        parse_framework_expression(text)


def test_evaluation_is_tri_state() -> None:
    condition = parse_framework_expression(OPEN_SOURCE_EXCEPTION)
    known = {
        "ai_application_type": frozenset({"ai_system"}),
        "open_source": frozenset({"true"}),
        "transparency_obligation": frozenset({"false"}),
        "ai_act_risk_group": frozenset({"not_high_risk"}),
    }
    assert evaluate(condition, known) is True
    assert evaluate(condition, {**known, "ai_act_risk_group": frozenset({"high_risk"})}) is False
    assert evaluate(condition, {**known, "open_source": frozenset({"true", "false"})}) is None
    # One false part settles a conjunction even when another part is unknown.
    unsure_risk = frozenset({"high_risk", "not_high_risk"})
    not_open = {**known, "open_source": frozenset({"false"}), "ai_act_risk_group": unsure_risk}
    assert evaluate(condition, not_open) is False
    assert evaluate(Is("open_source", "true"), {}) is None
