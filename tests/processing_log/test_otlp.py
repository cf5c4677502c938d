"""A real OTLP/HTTP export: a receiver started here takes the protobuf requests, which are
decoded with opentelemetry-proto and checked field by field."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Status
from sqlalchemy.orm import Session, sessionmaker

from processing_log.world import ALLOWANCE, GRANT, HOUSEHOLD, allowance_gateway, settings_for


class Receiver(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str, ExportTraceServiceRequest]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1/traces"


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        request = ExportTraceServiceRequest()
        request.ParseFromString(body)
        self.server.requests.append((self.path, self.headers["Content-Type"], request))
        answer = ExportTraceServiceResponse().SerializeToString()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def spans_of(receiver: Receiver) -> list[tuple[dict[str, str], object]]:
    found = []
    for path, media_type, request in receiver.requests:
        assert path == "/v1/traces"
        assert media_type == "application/x-protobuf"
        for resource_spans in request.resource_spans:
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    attributes = {a.key: a.value.string_value for a in span.attributes}
                    found.append((attributes, span))
    return found


def test_records_reach_a_collector_over_otlp(
    sessions: sessionmaker[Session], tmp_path: Path, receiver: Receiver
) -> None:
    settings = settings_for(tmp_path, processing_log_otlp_endpoint=receiver.url)
    gateway = allowance_gateway(sessions, settings)
    decided = gateway.decide(ALLOWANCE, GRANT, "burger-42", HOUSEHOLD)
    frame = pd.DataFrame([HOUSEHOLD] * 2)
    frame.insert(0, "subject_id", ["burger-43", "burger-44"])
    gateway.decide_batch(ALLOWANCE, GRANT, frame)
    assert gateway.processing_log.flush()
    spans = spans_of(receiver)
    names = sorted(span.name for _, span in spans)  # type: ignore[attr-defined]
    assert names == ["decide", "decide-batch", "decide-row", "decide-row"]
    (attributes, span) = next((a, s) for a, s in spans if s.name == "decide")  # type: ignore[attr-defined]
    assert attributes["sluis.decision"] == decided.decision_uuid
    assert attributes["dpl.core.processing_activity_id"].endswith(f"profile={ALLOWANCE}&version=1")
    assert span.status.code == Status.STATUS_CODE_OK  # type: ignore[attr-defined]
    assert len(span.trace_id) == 16 and len(span.span_id) == 8  # type: ignore[attr-defined]
    batch = next(s for _, s in spans if s.name == "decide-batch")  # type: ignore[attr-defined]
    rows = [s for _, s in spans if s.name == "decide-row"]  # type: ignore[attr-defined]
    assert {r.parent_span_id for r in rows} == {batch.span_id}
    exported = b"".join(r.SerializeToString() for _, _, r in receiver.requests)
    for person in ("burger-42", "burger-43", "burger-44"):
        assert person.encode() not in exported
        assert gateway.keys.ring.pseudonym(person).encode() not in exported
    # The local file is kept as well.
    assert len(gateway.processing_log.file.read_text().splitlines()) == 4  # type: ignore[union-attr]
