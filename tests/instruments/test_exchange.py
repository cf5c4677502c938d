"""Exchange in the government's ``assessment-output.v2`` format: exports validate against
the real schema, imports refuse whole files with the list of problems, and a round trip
gives back identical answers — on all three real definitions, every task type included."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sluis.instruments.exchange import (
    OutputInvalid,
    from_output,
    output_urn,
    to_output,
    validate_output,
)
from sluis.instruments.loading import OUTPUT_SCHEMA, load_schema

from .answer_sets import full_answers

NOW = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def output_schema(schema_dir: Path) -> dict:
    return load_schema(schema_dir, OUTPUT_SCHEMA)


@pytest.mark.parametrize("name", ["prescan", "dpia", "iama"])
def test_round_trip_gives_identical_answers(definitions, output_schema, name: str) -> None:
    definition = definitions[name]
    answers = full_answers(definition)
    completed = tuple(t.id for t in definition.tasks[:3])
    exported = to_output(definition, answers, {}, completed, NOW, "Privacy officer")
    assert validate_output(exported.document, output_schema) == []
    imported = from_output(exported.document, definition, output_schema)
    expected = {k: v for k, v in answers.items() if k not in exported.skipped}
    assert imported.answers == expected
    assert imported.completed == tuple(c for c in completed if c not in exported.skipped)
    assert imported.created_by == "Privacy officer"


def test_only_ids_the_format_cannot_address_stay_behind(definitions) -> None:
    key = re.compile(r"^[0-9]+(\.[0-9]+)*$")
    for name, definition in definitions.items():
        answers = full_answers(definition)
        exported = to_output(definition, answers, {}, (), NOW)
        assert set(exported.skipped) == {k for k in answers if not key.match(k)}, name
    assert to_output(definitions["prescan"], {}, {}, (), NOW).skipped == ()
    iama = to_output(definitions["iama"], full_answers(definitions["iama"]), {}, (), NOW)
    assert "1.actiepunten.tekst" in iama.skipped and "2.2A.1" in iama.skipped
    assert (
        to_output(definitions["dpia"], full_answers(definitions["dpia"]), {}, (), NOW).skipped == ()
    )


def test_the_format_s_shapes(definitions) -> None:
    dpia = definitions["dpia"]
    answers = {
        "15.1.1": None,  # the null option "Niet van toepassing"
        "12.1.1": True,
        "6.1": [{"_index": 0, "6.1.1": [{"_index": 3, "6.1.1.1": "Gemeente"}]}],
        "5.1": [{"_index": 0, "5.1.1": [{"_index": 1, "5.1.1": "Doel"}]}],
    }
    document = to_output(dpia, answers, {}, (), NOW).document
    assert document["metadata"] == {"urn": "urn:nl:dpia:3.0", "createdAt": "2025-05-01T12:00:00Z"}
    out = document["answers"]
    assert out["15.1.1"]["value"] is None
    assert out["12.1.1"]["value"] == "true"
    assert out["6.1"] == [
        {"_index": 0, "6.1.1.1[3]": {"value": "Gemeente", "lastEditedAt": "2025-05-01T12:00:00Z"}}
    ]
    assert out["5.1"][0]["5.1.1[1]"]["value"] == "Doel"


def _document(definitions, name: str = "prescan") -> dict:
    definition = definitions[name]
    return to_output(definition, full_answers(definition), {}, ("0",), NOW).document


def errors_of(caught: pytest.ExceptionInfo[OutputInvalid]) -> set[tuple[str, str]]:
    return {(e.path, e.rule) for e in caught.value.errors}


def test_another_instrument_or_version_is_refused(definitions, output_schema) -> None:
    document = _document(definitions)
    document["metadata"]["urn"] = "urn:nl:prescan:1.0"
    with pytest.raises(OutputInvalid) as caught:
        from_output(document, definitions["prescan"], output_schema)
    assert errors_of(caught) == {("metadata/urn", "other_definition")}


def test_unknown_tasks_and_wrong_shapes_are_all_listed(definitions, output_schema) -> None:
    document = _document(definitions)
    stamp = "2025-05-01T12:00:00Z"
    document["answers"]["9.9.9"] = {"value": "x", "lastEditedAt": stamp}
    document["answers"]["0.4"] = {"value": "Rechtsgrond willekeur", "lastEditedAt": stamp}
    document["answers"]["1.1.2"] = {"value": "one string", "lastEditedAt": stamp}
    document["answers"]["0.2"] = [{"_index": 0}]
    document["metadata"]["completedTasks"] = ["0", "42"]
    with pytest.raises(OutputInvalid) as caught:
        from_output(document, definitions["prescan"], output_schema)
    assert errors_of(caught) == {
        ("9.9.9", "unknown_task"),
        ("0.4", "not_an_option"),
        ("1.1.2", "not_a_list"),
        ("0.2", "not_repeatable"),
        ("metadata/completedTasks", "unknown_task"),
    }


def test_a_file_breaking_the_schema_is_refused(definitions, output_schema) -> None:
    document = _document(definitions)
    broken = copy.deepcopy(document)
    del broken["$schema"]
    broken["answers"]["0.2"] = {"value": 3}
    with pytest.raises(OutputInvalid) as caught:
        from_output(broken, definitions["prescan"], output_schema)
    assert {rule for _, rule in errors_of(caught)} == {"schema"}
    assert len(caught.value.errors) >= 2


def test_output_urn_has_major_and_minor(definitions) -> None:
    assert output_urn(definitions["prescan"]) == "urn:nl:prescan:2.0"
