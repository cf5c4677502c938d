"""Reading the local log back: filtered by start and operation, lines that are not records
skipped and counted, subject ids left as logged."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sluis.processing_log.reading import Skipped, Wanted, parse_records, read_records


def record(name: str, start: str, subject: str = "c2VhbGVk") -> dict[str, Any]:
    return {
        "trace_id": "0" * 32,
        "span_id": "1" * 16,
        "parent_span_id": None,
        "name": name,
        "start_time": start,
        "end_time": start,
        "status": "Ok",
        "resource": {"attributes": {"service.name": "sluis"}},
        "attributes": {"dpl.core.data_subject_id": subject},
    }


LINES = [
    json.dumps(record("decide", "2025-03-01T09:00:00.000Z")),
    json.dumps(record("rights-erasure", "2025-03-02T00:00:00.000Z")),
    json.dumps(record("decide", "2025-03-02T10:30:00.250Z")),
]


def names(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["name"], r["start_time"]) for r in found]


def test_everything_is_read_in_file_order_without_a_filter() -> None:
    skipped = Skipped()
    found = list(parse_records(LINES, Wanted(), skipped))
    assert [r["name"] for r in found] == ["decide", "rights-erasure", "decide"]
    assert skipped.count == 0


def test_since_keeps_records_that_started_on_or_after_the_moment() -> None:
    found = list(parse_records(LINES, Wanted(since=datetime(2025, 3, 2)), Skipped()))
    assert names(found) == [
        ("rights-erasure", "2025-03-02T00:00:00.000Z"),
        ("decide", "2025-03-02T10:30:00.250Z"),
    ]
    later = Wanted(since=datetime(2025, 3, 2, 10, 30, 1, tzinfo=UTC))
    assert list(parse_records(LINES, later, Skipped())) == []


def test_an_operation_and_a_date_together() -> None:
    wanted = Wanted(since=datetime(2025, 3, 2), operation="decide")
    assert names(list(parse_records(LINES, wanted, Skipped()))) == [
        ("decide", "2025-03-02T10:30:00.250Z")
    ]


def test_lines_that_are_not_records_are_skipped_and_counted() -> None:
    cut_short = LINES[0][:40]  # a crash while writing
    skipped = Skipped()
    found = list(parse_records([cut_short, "", "[1, 2]", '{"x": 1}', LINES[1]], Wanted(), skipped))
    assert [r["name"] for r in found] == ["rights-erasure"]
    assert skipped.count == 3


def test_the_file_is_streamed_and_subject_ids_stay_as_logged(tmp_path: Path) -> None:
    path = tmp_path / "processing-log.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    found = list(read_records(path, Wanted(operation="rights-erasure"), Skipped()))
    assert found == [json.loads(LINES[1])]
    assert found[0]["attributes"]["dpl.core.data_subject_id"] == "c2VhbGVk"
