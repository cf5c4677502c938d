"""Corrections typed on the rectification page, read by each field's declared type."""

from __future__ import annotations

import pytest

from sluis.profiles.model import DataType
from sluis.rights.corrections import FieldNow, corrections_from_form, typed

FIELDS = [
    FieldNow("monthly_income", DataType.number, 812.75),
    FieldNow("amount", DataType.integer, 4000),
    FieldNow("postcode", DataType.string, "9998 XW"),
    FieldNow("student", DataType.boolean, False),
]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("2 500,50", DataType.number, 2500.5),
        ("4 000", DataType.integer, 4000),
        ("ja", DataType.boolean, True),
        ("False", DataType.boolean, False),
        ("2025-02-28", DataType.date, "2025-02-28"),
        ("  9999 ZQ ", DataType.string, "9999 ZQ"),
    ],
)
def test_text_is_read_by_the_fields_type(text: str, kind: DataType, value: object) -> None:
    assert typed(text, kind) == value


@pytest.mark.parametrize(
    ("text", "kind"),
    [("veel", DataType.number), ("4.5", DataType.integer), ("misschien", DataType.boolean)],
)
def test_text_that_is_not_of_the_type_is_refused(text: str, kind: DataType) -> None:
    with pytest.raises(ValueError):
        typed(text, kind)


def test_only_changed_fields_are_corrections_and_bad_ones_are_named() -> None:
    form = {
        "field.monthly_income": "2500",
        "field.amount": "4000",  # as it was
        "field.postcode": "",  # left empty: not erased by a form
        "field.student": "ja",
        "field.unknown": "x",  # not a field of the decision
    }
    corrections, problems = corrections_from_form(form, FIELDS)
    assert corrections == {"monthly_income": 2500.0, "student": True}
    assert problems == []
    _, bad = corrections_from_form({"field.amount": "veel"}, FIELDS)
    assert [(p.field, p.rule) for p in bad] == [("corrections.amount", "correction_type")]
