"""W3C Trace Context on the decisions API: the decision's record joins the caller's trace,
names the caller's action as its foreign operation, and the answer carries our action."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from processing_log.world import (
    ALLOWANCE,
    GRANT,
    HOUSEHOLD,
    allowance_gateway,
    records,
    settings_for,
)
from sluis.accounts.roles import Grant, Principal, Role
from sluis.gateway.service import Gateway
from sluis.web.api.decisions import respond

SYSTEM = Principal("token", (Grant(Role.decision_owner, ALLOWANCE),), name="system")
CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"
BODY = {"algorithm": ALLOWANCE, "decision": GRANT, "subject_id": "burger-1", "inputs": HOUSEHOLD}


def client_for(sessions: sessionmaker[Session], folder: Path) -> TestClient:
    """The decisions endpoint's own handler (the one the app's DirectDecisions middleware
    calls), without the app's sign-in in front of it."""
    gateway = allowance_gateway(sessions, settings_for(folder))

    async def endpoint(request: Request) -> Response:
        # As the app's sign-in leaves it: a system's token that may decide.
        request.scope.setdefault("state", {})["principal"] = SYSTEM
        return await respond(request, gateway)

    app = Starlette(routes=[Route("/api/v1/decisions", endpoint, methods=["POST"])])
    app.state.gateway = gateway
    return TestClient(app)


def gateway_of(client: TestClient) -> Gateway:
    return client.app.state.gateway  # type: ignore[attr-defined,no-any-return]


def test_the_decision_joins_the_callers_trace(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    client = client_for(sessions, tmp_path)
    # Not sampled by the caller: the standard forbids sampling, so it is logged anyway.
    headers = {"traceparent": f"00-{CALLER_TRACE}-{CALLER_SPAN}-00", "tracestate": "gem=1"}
    response = client.post("/api/v1/decisions", json=BODY, headers=headers)
    assert response.status_code == 201
    (record,) = records(gateway_of(client))
    assert record["trace_id"] == CALLER_TRACE
    assert record["parent_span_id"] == CALLER_SPAN
    assert record["attributes"]["dpl.core.foreign_operation.span_id"] == CALLER_SPAN
    assert record["attributes"]["dpl.core.foreign_operation.trace_id"] == CALLER_TRACE
    assert response.headers["traceparent"] == f"00-{CALLER_TRACE}-{record['span_id']}-01"


def test_without_a_caller_a_new_trace_is_answered(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    client = client_for(sessions, tmp_path)
    response = client.post("/api/v1/decisions", json=BODY)
    (record,) = records(gateway_of(client))
    assert record["parent_span_id"] is None
    assert "dpl.core.foreign_operation.span_id" not in record["attributes"]
    assert response.headers["traceparent"] == (f"00-{record['trace_id']}-{record['span_id']}-01")


def test_a_malformed_traceparent_starts_a_trace_of_our_own(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    client = client_for(sessions, tmp_path)
    response = client.post("/api/v1/decisions", json=BODY, headers={"traceparent": "00-zz-1-01"})
    assert response.status_code == 201
    (record,) = records(gateway_of(client))
    assert record["parent_span_id"] is None


def test_refused_inputs_answer_with_the_trace_too(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    client = client_for(sessions, tmp_path)
    bad = {**BODY, "inputs": {**HOUSEHOLD, "household_assets": "lots"}}
    headers = {"traceparent": f"00-{CALLER_TRACE}-{CALLER_SPAN}-01"}
    response = client.post("/api/v1/decisions", json=bad, headers=headers)
    assert response.status_code == 422
    (record,) = records(gateway_of(client))
    assert record["status"] == "Unset"
    assert response.headers["traceparent"].startswith(f"00-{CALLER_TRACE}-")


def test_a_batch_over_http_joins_the_trace_with_a_record_per_person(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    client = client_for(sessions, tmp_path)
    rows = [{"subject_id": f"burger-{n}", "inputs": HOUSEHOLD} for n in range(3)]
    headers = {"traceparent": f"00-{CALLER_TRACE}-{CALLER_SPAN}-01"}
    body = {"algorithm": ALLOWANCE, "decision": GRANT, "rows": rows}
    response = client.post("/api/v1/decisions", json=body, headers=headers)
    assert response.status_code == 201
    found = records(gateway_of(client))
    (batch,) = [r for r in found if r["name"] == "decide-batch"]
    assert batch["parent_span_id"] == CALLER_SPAN
    assert len([r for r in found if r["name"] == "decide-row"]) == 3
    assert {r["trace_id"] for r in found} == {CALLER_TRACE}
    assert response.headers["traceparent"] == f"00-{CALLER_TRACE}-{batch['span_id']}-01"
