"""The local processing log: one JSON object per line, with the standard's field names.

Each line is one record: ``trace_id`` and ``span_id`` (hex), ``parent_span_id`` (hex or
null), ``name``, ``start_time`` and ``end_time`` (UTC, ISO 8601 with milliseconds),
``status`` (``Unset``, ``Ok`` or ``Error``), ``resource`` (``attributes``: the software)
and ``attributes`` (``dpl.core.*`` and Sluis's own). Pure formatting and parsing; the file
itself is written by ``sluis.processing_log.shipping``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import StatusCode

from sluis.processing_log.fields import DATA_SUBJECT_ID, DECISION, Status

_STATUS = {StatusCode.UNSET: Status.unset, StatusCode.OK: Status.ok, StatusCode.ERROR: Status.error}


def timestamp(nanoseconds: int) -> str:
    """UTC with milliseconds, as the standard's ``timestamp (ms)`` fields take it."""
    moment = datetime.fromtimestamp(nanoseconds / 1e9, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def span_line(span: ReadableSpan, resource: Mapping[str, Any]) -> str:
    context = span.context
    parent = span.parent
    document = {
        "trace_id": f"{context.trace_id:032x}",
        "span_id": f"{context.span_id:016x}",
        "parent_span_id": None if parent is None else f"{parent.span_id:016x}",
        "name": span.name,
        "start_time": timestamp(span.start_time or 0),
        "end_time": timestamp(span.end_time or 0),
        "status": _STATUS[span.status.status_code].value,
        "resource": {"attributes": resource},
        "attributes": dict(span.attributes or {}),
    }
    return json.dumps(document, separators=(",", ":"), default=str) + "\n"


@dataclass
class SubjectRecords:
    """One record per data subject of a batch, kept column-wise: a batch of a million
    rows needs no Python object per record until a collector asks for spans.

    All share the trace, the parent action, the name, the times, the status and the
    ``attributes``; each has its own ``span_ids`` (hex), ``subject_ids`` (encrypted) and
    ``decisions`` (the decision record's id, or None)."""

    name: str
    trace_id: int
    parent_span_id: int
    start_time: int
    end_time: int
    status: Status
    attributes: Mapping[str, Any]
    span_ids: list[str]
    subject_ids: list[str]
    decisions: list[str | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.span_ids)

    def lines(self, resource: Mapping[str, Any]) -> str:
        """The records as lines; the shared part is formatted once."""
        shared = json.dumps(dict(self.attributes), separators=(",", ":"), default=str)[1:-1]
        head = f'{{"trace_id":"{self.trace_id:032x}","span_id":"'
        middle = (
            f'","parent_span_id":"{self.parent_span_id:016x}","name":{json.dumps(self.name)},'
            f'"start_time":"{timestamp(self.start_time)}","end_time":"{timestamp(self.end_time)}",'
            f'"status":"{self.status.value}","resource":{{"attributes":'
            f"{json.dumps(dict(resource), separators=(',', ':'), default=str)}}},"
            f'"attributes":{{{shared}{"," if shared else ""}"{DATA_SUBJECT_ID}":"'
        )
        # Span ids are hex, subject ids base64url and decision ids UUIDs: nothing to escape.
        decisions = self.decisions or [None] * len(self.span_ids)
        parts = []
        for span_id, subject, decision in zip(
            self.span_ids, self.subject_ids, decisions, strict=True
        ):
            tail = '"}}\n' if decision is None else f'","{DECISION}":"{decision}"}}}}\n'
            parts.append(f"{head}{span_id}{middle}{subject}{tail}")
        return "".join(parts)


def read_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The records of a log file's lines; a line cut off (a crash mid-write) is skipped."""
    for line in lines:
        text = line.strip()
        if not text:
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            yield record


__all__ = ["SubjectRecords", "read_lines", "span_line", "timestamp"]
