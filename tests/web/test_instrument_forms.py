"""Reading a submitted questionnaire form back into answers, and the paths fields carry."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sluis.instruments.model import parse_definition
from sluis.web.pages.instrument_forms import (
    answers_from_form,
    apply_action,
    description_html,
    field_id,
    parse_path,
)


@pytest.fixture(scope="module")
def dpia(shared_data: Path):
    path = shared_data / "par-dpia-form/sources/dpia.yaml"
    return parse_definition(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_paths() -> None:
    assert parse_path("0.4") == ([], "0.4")
    assert parse_path("2.1[0].2.1.7") == ([("2.1", 0)], "2.1.7")
    assert parse_path("13.1[1].13.1.1[2].13.1.1.6") == ([("13.1", 1), ("13.1.1", 2)], "13.1.1.6")
    assert parse_path("3.1[4]") == ([("3.1", 4)], None)
    assert field_id("2.1[0].2.1.7") == "q-2-1-0-2-1-7"


def test_a_submitted_form_becomes_answers(dpia) -> None:
    items = [
        ("q:1.1.1", "Naam"),
        ("q:1.1.2", ""),  # empty: unanswered
        ("e:3.1[1]", "1"),
        ("e:3.1[0]", "1"),
        ("q:3.1[0].3.1.1", "Aanvraag"),
        ("q:3.1[0].3.1.3", "BSN"),
        ("q:3.1[0].3.1.3", "Naam"),
        ("q:3.1[0].3.1.3", "BSN"),
        ("img:1.2[0].1.2.1", '{"data": "data:image/png;base64,AA=="}'),
        ("csrf_token", "x"),
    ]
    assert answers_from_form(dpia, items) == {
        "1.1.1": "Naam",
        "3.1": [
            {"_index": 0, "3.1.1": "Aanvraag", "3.1.3": ["BSN", "Naam"]},
            {"_index": 1},
        ],
        "1.2": [{"_index": 0, "1.2.1": {"data": "data:image/png;base64,AA=="}}],
    }


def test_adding_and_removing_elements() -> None:
    answers, anchor = apply_action({"3.1": [{"_index": 0}, {"_index": 3}]}, "add:3.1")
    assert answers["3.1"][-1] == {"_index": 4} and anchor == "3.1[4]"
    answers, anchor = apply_action(answers, "remove:3.1[0]")
    assert [e["_index"] for e in answers["3.1"]] == [3, 4] and anchor == "3.1"
    nested, anchor = apply_action({}, "add:13.1[0].13.1.1")
    assert nested == {"13.1": [{"_index": 0, "13.1.1": [{"_index": 0}]}]}
    assert apply_action({"a": 1}, "bogus:x") == ({"a": 1}, None)


def test_descriptions_keep_breaks_and_web_links_only() -> None:
    html = description_html(
        'Zie <a href="https://example.org/x" target="_blank">hier</a>.<br>'
        '<script>alert(1)</script><a href="javascript:alert(1)">x</a>'
    )
    assert (
        '<a href="https://example.org/x" target="_blank" rel="noopener noreferrer">hier</a>' in html
    )
    assert "<br>" in html
    assert "<script>" not in html and 'href="javascript' not in html
