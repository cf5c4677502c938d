"""The processing log (Logboek Dataverwerkingen) as the services use it.

Every processing of personal data in Sluis (``activities.Operation``) records one action
(an OpenTelemetry span) following the Logboek Dataverwerkingen standard of Logius/MinBZK
(the components "Applicatie" and "Logboek"): a trace per processing, an action per step,
the processing activity of the register, the person's id encrypted, the status, and the
calling party's action when the processing began elsewhere (W3C Trace Context). One
record per person: a batch is one action with a child action for every person in it,
as the standard asks of a processing that concerns several people.

Cost. A decision takes about 0.2 ms; the SDK's ``Tracer.start_span`` with its attribute
checks costs 25 µs, an eighth of that. The hot paths therefore build the finished span
(``ReadableSpan``, the SDK's own record type that every exporter takes) directly, in
about 4 µs, and hand it to the shipper; a batch hands over its per-person records
column-wise (``lines.SubjectRecords``), a chunk at a time. The SDK's ``TracerProvider``
is still set up (:attr:`ProcessingLog.tracer_provider`) with the same destinations, so
other OpenTelemetry instrumentation can log through it.

Nothing is sampled: the standard forbids it, so a caller's "not sampled" flag is ignored.
"""

from __future__ import annotations

import contextvars
import random
import threading
import time
from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace as otel_trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.sampling import ALWAYS_ON
from opentelemetry.trace import SpanContext, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from opentelemetry.trace.status import Status as OtelStatus
from opentelemetry.trace.status import StatusCode

from sluis import __version__
from sluis.processing_log import fields
from sluis.processing_log.activities import Operation, processing_activity_id
from sluis.processing_log.lines import SubjectRecords
from sluis.processing_log.shipping import SAMPLED, SCOPE, SHIPPER, FileSink, OtlpSink, Sink
from sluis.processing_log.subject_ids import SubjectIdCipher
from sluis.settings import Settings

LOG_FILENAME = "processing-log.jsonl"
_CODES = {
    fields.Status.unset: OtelStatus(StatusCode.UNSET),
    fields.Status.ok: OtelStatus(StatusCode.OK),
    fields.Status.error: OtelStatus(StatusCode.ERROR),
}
_ACTIVE: contextvars.ContextVar[Action | None] = contextvars.ContextVar(
    "sluis_processing_action", default=None
)
# The last outermost action that ended in this context: what the web API answers with
# in ``traceparent``.
_LAST: contextvars.ContextVar[SpanContext | None] = contextvars.ContextVar(
    "sluis_processing_last", default=None
)
_PROPAGATOR = TraceContextTextMapPropagator()
_bits = random.getrandbits


class Action:
    """One action being logged; a context manager. ``set`` adds an attribute."""

    __slots__ = ("_log", "_token", "attributes", "context", "name", "parent", "start")

    def __init__(
        self, log: ProcessingLog, name: str, attributes: dict[str, Any], parent: SpanContext | None
    ) -> None:
        self._log = log
        self.name = name
        self.attributes = attributes
        self.parent = parent
        trace_id = parent.trace_id if parent is not None else _bits(128)
        self.context = SpanContext(trace_id, _bits(64), False, SAMPLED)
        self.start = 0
        self._token: contextvars.Token[Action | None] | None = None

    def set(self, key: str, value: Any) -> None:
        self.attributes[key] = value

    def __enter__(self) -> Action:
        self._token = _ACTIVE.set(self)
        self.start = time.time_ns()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        end = time.time_ns()
        if self._token is not None:
            _ACTIVE.reset(self._token)
        status, result = fields.outcome_of(error)
        attributes = self.attributes
        attributes[fields.RESULT] = result.value
        if status is fields.Status.error and error is not None:
            attributes[fields.EXCEPTION_TYPE] = type(error).__name__
        log = self._log
        span = ReadableSpan(
            self.name,
            self.context,
            self.parent,
            log.resource,
            attributes,
            kind=SpanKind.INTERNAL,
            status=_CODES[status],
            start_time=self.start,
            end_time=end,
            instrumentation_scope=SCOPE,
        )
        SHIPPER.put(log.sinks, span)
        if self.parent is None or self.parent.is_remote:
            _LAST.set(self.context)


class _NoAction:
    """What a switched-off log hands out: does nothing, costs nothing."""

    __slots__ = ()
    attributes: Mapping[str, Any] = {}

    def set(self, key: str, value: Any) -> None:
        pass

    def __enter__(self) -> _NoAction:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


NO_ACTION = _NoAction()


class ProcessingLog:
    """The log of one Sluis configuration. Cheap to make: files, keys and threads are
    opened when the first record is written."""

    def __init__(
        self,
        settings: Settings,
        *,
        file: Path | None,
        otlp_endpoint: str | None,
    ) -> None:
        self.settings = settings
        self.enabled = file is not None or otlp_endpoint is not None
        self.file = file
        self.otlp_endpoint = otlp_endpoint
        self._activities: dict[tuple[str, int], str] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> ProcessingLog:
        if not settings.processing_log:
            return cls(settings, file=None, otlp_endpoint=None)
        return cls(settings, file=log_file(settings), otlp_endpoint=otlp_endpoint(settings))

    # -- where records go --------------------------------------------------------------

    @cached_property
    def resource(self) -> Resource:
        return Resource.create({"service.name": "sluis", "service.version": __version__})

    @cached_property
    def sinks(self) -> tuple[Sink, ...]:
        found: list[Sink] = []
        if self.file is not None:
            path = self.file.resolve()
            found.append(SHIPPER.sink("file", str(path), lambda: FileSink(path, self.resource)))
        if self.otlp_endpoint is not None:
            endpoint = self.otlp_endpoint
            found.append(
                SHIPPER.sink("otlp", endpoint, lambda: OtlpSink(_otlp(endpoint), self.resource))
            )
        return tuple(found)

    @cached_property
    def tracer_provider(self) -> TracerProvider:
        """An SDK tracer provider writing to the same destinations, for other
        instrumentation (nothing sampled away)."""
        provider = TracerProvider(resource=self.resource, sampler=ALWAYS_ON)
        provider.add_span_processor(_ToShipper(self.sinks))
        return provider

    @cached_property
    def cipher(self) -> SubjectIdCipher:
        from sluis.gateway.crypto import load_master_key

        return SubjectIdCipher(load_master_key(self.settings))

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every record so far is written (tests, the end of a command)."""
        return SHIPPER.flush(timeout)

    # -- recording ---------------------------------------------------------------------

    def activity(self, profile_id: str, version: int) -> str:
        key = (profile_id, version)
        found = self._activities.get(key)
        if found is None:
            found = processing_activity_id(self.settings.public_url, profile_id, version)
            with self._lock:
                self._activities[key] = found
        return found

    def operation(
        self,
        name: Operation,
        profile_id: str | None = None,
        version: int | None = None,
        pseudonym: str | None = None,
        attributes: Mapping[str, Any] | None = None,
    ) -> Action | _NoAction:
        """The action of one operation, to use as ``with log.operation(...) as action``:
        recorded when the block ends, as ``Ok``, ``Unset`` (refused: an expected refusal)
        or ``Error``. Child of the action running in this context, else of the caller's
        action (an incoming ``traceparent``), else the first of a new trace."""
        if not self.enabled:
            return NO_ACTION
        values: dict[str, Any] = {}
        if profile_id is not None and version is not None:
            values[fields.PROCESSING_ACTIVITY_ID] = self.activity(profile_id, version)
        if profile_id is not None:
            values[fields.ALGORITHM] = profile_id
        if pseudonym is not None:
            values[fields.DATA_SUBJECT_ID] = self.cipher.encrypt(pseudonym)
            values[fields.DATA_SUBJECT_ID_TYPE] = fields.SUBJECT_ID_TYPE
        if attributes:
            values.update(attributes)
        active = _ACTIVE.get()
        if active is not None:
            parent: SpanContext | None = active.context
        else:
            parent = otel_trace.get_current_span().get_span_context()
            if parent.is_valid:
                values[fields.FOREIGN_SPAN_ID] = f"{parent.span_id:016x}"
                values[fields.FOREIGN_TRACE_ID] = f"{parent.trace_id:032x}"
            else:
                parent = None
        return Action(self, name.value, values, parent)

    def subjects(
        self,
        parent: object,
        name: Operation,
        pseudonyms: Sequence[str],
        decisions: Any = (),
        *,
        profile_id: str | None = None,
        version: int | None = None,
    ) -> None:
        """One record per person of a batch, children of ``parent`` (the batch's action,
        else nothing is logged): from its start until now, done. ``decisions``: each
        person's decision id (text, or ASCII bytes as a batch result keeps them). Given
        ``profile_id`` and ``version``, the records name that algorithm's activity rather
        than the parent's (a run over several algorithms)."""
        if not isinstance(parent, Action) or not pseudonyms:
            return
        listed = decisions.tolist() if hasattr(decisions, "tolist") else list(decisions)
        decided = [d.decode("ascii") or None if isinstance(d, bytes) else d for d in listed]
        count = len(pseudonyms)
        ids = random.randbytes(8 * count).hex()
        shared = {
            k: v
            for k, v in parent.attributes.items()
            if k in (fields.PROCESSING_ACTIVITY_ID, fields.ALGORITHM, fields.BATCH)
        }
        if profile_id is not None and version is not None:
            shared[fields.PROCESSING_ACTIVITY_ID] = self.activity(profile_id, version)
            shared[fields.ALGORITHM] = profile_id
        shared[fields.DATA_SUBJECT_ID_TYPE] = fields.SUBJECT_ID_TYPE
        shared[fields.RESULT] = fields.Result.done.value
        records = SubjectRecords(
            name=name.value,
            trace_id=parent.context.trace_id,
            parent_span_id=parent.context.span_id,
            start_time=parent.start,
            end_time=time.time_ns(),
            status=fields.Status.ok,
            attributes=shared,
            span_ids=[ids[16 * i : 16 * i + 16] for i in range(count)],
            subject_ids=self.cipher.encrypt_many(pseudonyms),
            decisions=decided,
        )
        SHIPPER.put(self.sinks, records)

    def current(self) -> Action | None:
        """The action running in this context (None when none is, or the log is off)."""
        return _ACTIVE.get() if self.enabled else None

    def link(self, decision_uuid: str, pseudonym: str | None = None) -> dict[str, str]:
        """Ties the running action to a decision record (and to its person, when the
        action does not name them yet) and returns what the decision's audit event keeps
        of it (its ``trace_id``), so that the audit trail and the log lead to each other.
        Empty when nothing is being logged."""
        active = _ACTIVE.get()
        if active is None:
            return {}
        attributes = active.attributes
        attributes[fields.DECISION] = decision_uuid
        if pseudonym is not None and fields.DATA_SUBJECT_ID not in attributes:
            attributes[fields.DATA_SUBJECT_ID] = self.cipher.encrypt(pseudonym)
            attributes[fields.DATA_SUBJECT_ID_TYPE] = fields.SUBJECT_ID_TYPE
        return {"trace_id": f"{active.context.trace_id:032x}"}


class _ToShipper(SpanProcessor):
    def __init__(self, sinks: Sequence[Sink]) -> None:
        self._sinks = tuple(sinks)

    def on_end(self, span: ReadableSpan) -> None:
        SHIPPER.put(self._sinks, span)

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return SHIPPER.flush(timeout_millis / 1000)


def log_file(settings: Settings) -> Path:
    """Where the local JSON-lines log is (also to read it while logging is off)."""
    return settings.processing_log_file or settings.data_dir / LOG_FILENAME


def otlp_endpoint(settings: Settings) -> str | None:
    """The OTLP/HTTP traces URL: Sluis's own setting, else the standard OpenTelemetry
    variables (``..._TRACES_ENDPOINT`` as it is, the general one with ``/v1/traces``)."""
    if settings.processing_log_otlp_endpoint:
        return settings.processing_log_otlp_endpoint
    if settings.otel_exporter_otlp_endpoint:
        return settings.otel_exporter_otlp_endpoint.rstrip("/") + "/v1/traces"
    return None


def _otlp(endpoint: str) -> Any:
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    return OTLPSpanExporter(endpoint=endpoint)


# -- W3C Trace Context at the web edge ---------------------------------------------------


def incoming(headers: Mapping[str, str]) -> contextvars.Context:
    """A context to run a request's work in: with the caller's trace when the request
    carries ``traceparent`` (and ``tracestate``), so the processing joins it."""
    context = contextvars.copy_context()
    if "traceparent" in headers:
        carrier = {"traceparent": headers["traceparent"]}
        if "tracestate" in headers:
            carrier["tracestate"] = headers["tracestate"]
        extracted = _PROPAGATOR.extract(carrier)
        context.run(otel_context.attach, extracted)
    context.run(_LAST.set, None)
    return context


def outgoing(context: contextvars.Context) -> dict[str, str]:
    """The ``traceparent`` header of the processing done in ``context`` (its outermost
    action), for the response; empty when nothing was logged."""
    found = context.get(_LAST)
    if found is None:
        return {}
    return {"traceparent": f"00-{found.trace_id:032x}-{found.span_id:016x}-01"}


__all__ = [
    "LOG_FILENAME",
    "NO_ACTION",
    "Action",
    "ProcessingLog",
    "incoming",
    "log_file",
    "otlp_endpoint",
    "outgoing",
]
