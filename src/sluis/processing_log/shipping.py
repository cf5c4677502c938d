"""Getting the records out: the local JSON-lines file and OTLP, off the caller's path.

Callers hand each finished record to the :class:`Shipper`, a queue drained by one
background thread per process, which writes them in groups: every half second or when
a few thousand are waiting. The file is appended to with one ``write`` per group and never
synced per record (the operating system has the data once written; a power cut can take
the last moments back, as with the gateway's SQLite log). OTLP goes through
OpenTelemetry's own HTTP/protobuf exporter (``opentelemetry-exporter-otlp-proto-http``),
which reads the standard ``OTEL_EXPORTER_OTLP_*`` settings (headers, certificates,
timeout, compression).

Unlike the SDK's ``BatchSpanProcessor``, which drops spans when its queue is full, the
shipper never drops a record: the standard forbids sampling the log. When far too much
is waiting (a collector that does not answer) the caller waits for room instead.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SpanExporter
from opentelemetry.sdk.util.instrumentation import InstrumentationScope
from opentelemetry.trace import SpanContext, SpanKind, TraceFlags
from opentelemetry.trace.status import Status as OtelStatus
from opentelemetry.trace.status import StatusCode

from sluis.processing_log.fields import DATA_SUBJECT_ID, DECISION, Status
from sluis.processing_log.lines import SubjectRecords, span_line

GROUP_SECONDS = 0.5
GROUP_RECORDS = 20_000
MAX_WAITING = 2_000_000  # records; beyond this callers wait for the shipper
OTLP_SLICE = 2_000  # spans per OTLP request
SCOPE = InstrumentationScope("sluis.processing_log")
SAMPLED = TraceFlags(TraceFlags.SAMPLED)
_CODES = {Status.unset: StatusCode.UNSET, Status.ok: StatusCode.OK, Status.error: StatusCode.ERROR}

Item = ReadableSpan | SubjectRecords


class Sink(Protocol):
    def deliver(self, spans: list[ReadableSpan], bulk: list[SubjectRecords]) -> None: ...

    def close(self) -> None: ...


class FileSink:
    """Appends records as JSON lines to one file (made with mode 0600: it holds no
    personal data in clear, but no one else needs to read it)."""

    def __init__(self, path: Path, resource: Resource) -> None:
        self.path = path
        # The standard's resource names the software: its name, version and instance.
        self._resource = {k: v for k, v in resource.attributes.items() if k.startswith("service.")}
        self._descriptor: int | None = None

    def deliver(self, spans: list[ReadableSpan], bulk: list[SubjectRecords]) -> None:
        text = "".join(span_line(span, self._resource) for span in spans)
        text += "".join(records.lines(self._resource) for records in bulk)
        if not text:
            return
        if self._descriptor is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
            self._descriptor = os.open(self.path, flags, 0o600)
        data = text.encode("utf-8")
        # O_APPEND: each write lands at the end, also with other processes appending.
        while data:
            written = os.write(self._descriptor, data)
            data = data[written:]

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


class OtlpSink:
    """Sends records to an OTLP/HTTP collector; per-subject records become spans here,
    in the background, only when a collector is configured."""

    def __init__(self, exporter: SpanExporter, resource: Resource) -> None:
        self.exporter = exporter
        self._resource = resource

    def deliver(self, spans: list[ReadableSpan], bulk: list[SubjectRecords]) -> None:
        for records in bulk:
            spans = spans + as_spans(records, self._resource)
        for at in range(0, len(spans), OTLP_SLICE):
            self.exporter.export(spans[at : at + OTLP_SLICE])

    def close(self) -> None:
        self.exporter.shutdown()


def as_spans(records: SubjectRecords, resource: Resource) -> list[ReadableSpan]:
    parent = SpanContext(records.trace_id, records.parent_span_id, False, SAMPLED)
    status = OtelStatus(_CODES[records.status])
    shared: Mapping[str, Any] = records.attributes
    decisions = records.decisions or [None] * len(records)
    found = []
    for span_id, subject, decision in zip(
        records.span_ids, records.subject_ids, decisions, strict=True
    ):
        attributes = {**shared, DATA_SUBJECT_ID: subject}
        if decision is not None:
            attributes[DECISION] = decision
        context = SpanContext(records.trace_id, int(span_id, 16), False, SAMPLED)
        found.append(
            ReadableSpan(
                records.name,
                context,
                parent,
                resource,
                attributes,
                kind=SpanKind.INTERNAL,
                status=status,
                start_time=records.start_time,
                end_time=records.end_time,
                instrumentation_scope=SCOPE,
            )
        )
    return found


class Shipper:
    """The process's queue of records and the thread that delivers them."""

    def __init__(self) -> None:
        self._queue: deque[tuple[tuple[Sink, ...], Item]] = deque()
        self._waiting = 0  # records in the queue
        self._taken = 0  # records taken out and not yet delivered
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._hurry = False
        self._sinks: dict[tuple[str, str], Sink] = {}
        self._sinks_lock = threading.Lock()

    def sink(self, kind: str, name: str, make: Any) -> Sink:
        """One sink per file or endpoint in this process (two writers of one file would
        interleave their buffers)."""
        with self._sinks_lock:
            found = self._sinks.get((kind, name))
            if found is None:
                found = self._sinks[(kind, name)] = make()
            return found

    def put(self, sinks: Sequence[Sink], item: Item) -> None:
        size = len(item) if isinstance(item, SubjectRecords) else 1
        with self._changed:
            if self._thread is None:
                self._start()
            while self._waiting > MAX_WAITING:
                self._changed.wait(1.0)
            self._queue.append((tuple(sinks), item))
            self._waiting += size
            if self._waiting >= GROUP_RECORDS:
                self._changed.notify_all()

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every record handed in so far is delivered; False on timeout."""
        with self._changed:
            self._hurry = True
            self._changed.notify_all()
            return self._changed.wait_for(
                lambda: not self._queue and not self._taken, timeout=timeout
            )

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sluis-processing-log", daemon=True)
        self._thread.start()
        atexit.register(self._at_exit)

    def _at_exit(self) -> None:
        self.flush(timeout=10.0)
        with self._sinks_lock:
            for sink in self._sinks.values():
                sink.close()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(
                    lambda: self._hurry or self._waiting >= GROUP_RECORDS, timeout=GROUP_SECONDS
                )
                self._hurry = False
                items = list(self._queue)
                self._queue.clear()
                self._taken, self._waiting = self._waiting, 0
                self._changed.notify_all()
            try:
                _deliver(items)
            finally:
                with self._changed:
                    self._taken = 0
                    self._changed.notify_all()


def _deliver(items: list[tuple[tuple[Sink, ...], Item]]) -> None:
    grouped: dict[Sink, tuple[list[ReadableSpan], list[SubjectRecords]]] = {}
    for sinks, item in items:
        for sink in sinks:
            spans, bulk = grouped.setdefault(sink, ([], []))
            (bulk if isinstance(item, SubjectRecords) else spans).append(item)  # type: ignore[arg-type]
    for sink, (spans, bulk) in grouped.items():
        try:
            sink.deliver(spans, bulk)
        except Exception as error:
            _report(sink, error)


def _report(sink: Sink, error: Exception) -> None:
    import logging

    # The type only: a message could quote a record.
    logging.getLogger("sluis.processing_log").error(
        "processing log: %s could not deliver (%s)", type(sink).__name__, type(error).__name__
    )


SHIPPER = Shipper()

__all__ = ["SHIPPER", "FileSink", "OtlpSink", "Shipper", "Sink", "as_spans"]
