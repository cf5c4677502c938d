"""/api/v1/decisions: take decisions through the gateway, one at a time or in a batch.

``POST /api/v1/decisions`` takes one decision::

    {"algorithm": "german-credit", "decision": "credit-decision", "subject_id": "A-17",
     "inputs": {...}, "idempotency_key": "optional", "requested": "auto"}

or a batch (``rows`` instead of ``subject_id`` and ``inputs``)::

    {"algorithm": ..., "decision": ..., "rows": [{"subject_id": ..., "inputs": {...},
     "idempotency_key": "optional"}, ...], "atomic": false}

A batch answers with its totals and, per row (``results``), the decision id, status,
outcome and score, or the row's problems. A procedure that returns an outcome the
profile does not declare is a fault of the server (500), and nothing is recorded.
Bad input is answered with 422 listing every problem, each naming the field and the rule
(rows by position), and nothing is recorded but a refusal event without personal data.
``GET /api/v1/decisions/{id}`` reads a record back without its personal data; with
``reveal=true`` also its inputs and explanation, for whoever may read personal data of that
algorithm (``personal.read``), and the reading is written to the processing log.

The procedures are bound when the app starts, from the ``procedures`` setting
(``SLUIS_PROCEDURES``, see ``sluis.gateway.loading``).
"""

from __future__ import annotations

import asyncio
import contextvars
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any, TypeVar

import pandas as pd
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp, Receive, Scope, Send

from sluis.accounts.roles import Permission, Principal, may
from sluis.gateway.batch import BatchRefused
from sluis.gateway.contract import InputProblem, InputsRefused
from sluis.gateway.loading import bind_procedures
from sluis.gateway.outcomes import OUTCOME_FIELD, UndeclaredOutcome, outcome_problem
from sluis.gateway.records import DecisionRecord
from sluis.gateway.service import DecisionNotFound, DecisionUnavailable, Gateway
from sluis.processing_log import incoming, outgoing
from sluis.processing_log.activities import Operation
from sluis.processing_log.hooks import logged
from sluis.settings import Settings

router = APIRouter(prefix="/api/v1/decisions", tags=["decisions"])

# Decisions are written one transaction at a time anyway (the audit chain is one sequence),
# so they run on one thread per process: threads racing for SQLite's write lock would wait
# in its busy handler, which sleeps for milliseconds at a time.
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sluis-decide")
MAX_BODY_BYTES = 20_000_000
MAX_ROWS = 10_000  # bigger batches: the CLI (`sluis decide`) or the Python API stream them
SUBJECT_COLUMN = "subject_id"
KEY_COLUMN = "idempotency_key"
Requested = Annotated[str, Field(pattern="^(auto|final|review)$")]
Text = Annotated[str, Field(min_length=1, max_length=1000)]
Key = Annotated[str, Field(min_length=1, max_length=200)]
M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SingleRequest(_Body):
    algorithm: Text = Field(description="The profile id of the algorithm.")
    decision: Text = Field(description="The id of the profile's decision.")
    subject_id: Text = Field(description="Who the decision is about; stored pseudonymised.")
    inputs: dict[str, Any]
    idempotency_key: Key | None = None
    requested: Requested = "auto"


class BatchRow(_Body):
    subject_id: Text
    inputs: dict[str, Any]
    idempotency_key: Key | None = None


class BatchRequest(_Body):
    algorithm: Text
    decision: Text
    rows: list[BatchRow] = Field(min_length=1, max_length=MAX_ROWS)
    atomic: bool = False
    requested: Requested = "auto"


class Refused(Exception):
    """A request answered with 422 and every problem."""

    def __init__(
        self, message: str, problems: list[dict[str, Any]], status: int = 422, **extra: Any
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems
        self.status = status
        self.extra = extra

    def response(self) -> JSONResponse:
        detail = {"message": self.message, "problems": self.problems, **self.extra}
        return JSONResponse(status_code=self.status, content={"detail": detail})


def open_gateway(settings: Settings, sessions: sessionmaker[Session]) -> Gateway:
    """The app's gateway with the configured procedures bound (fails at start-up, not at
    the first request, when one cannot be loaded)."""
    gateway = Gateway(sessions, settings)
    bind_procedures(gateway, settings.procedures)
    return gateway


async def gateway(request: Request) -> Gateway:
    # Async on purpose: FastAPI runs a plain function dependency in a worker thread, a
    # hand-off that costs more than a decision itself.
    return request.app.state.gateway


Gate = Annotated[Gateway, Depends(gateway)]

_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/SingleRequest"},
                        {"$ref": "#/components/schemas/BatchRequest"},
                    ]
                }
            }
        },
    }
}


@router.post(
    "",
    status_code=201,
    openapi_extra=_BODY_DOC,
    summary="Take one decision, or a batch",
    responses={422: {"description": "Every problem with the request; nothing was recorded"}},
)
async def decide(request: Request, gate: Gate) -> JSONResponse:
    """201 with the decision (its status, outcome, score and explanation; the inputs are
    not echoed), 200 when an earlier request with the same idempotency key had decided.
    A batch answers 201 with what was decided and every bad row with its problems."""
    return await respond(request, gate)


class DirectDecisions:
    """ASGI middleware that hands ``POST /api/v1/decisions`` straight to :func:`respond`.

    The route above documents the endpoint and serves it where this middleware is not
    installed; the answers are the same. FastAPI's routing, dependency solving and inner
    middleware cost a single decision over HTTP more than the decision itself (measured:
    about 0.6 ms of the event loop's time per request, against 0.2 ms for the decision),
    and the event loop is what caps the throughput of one server process. Errors still
    pass through the outer middleware, which answers an unexpected one with a 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and scope["path"].rstrip("/") == router.prefix
        ):
            request = Request(scope, receive)
            response = await respond(request, request.app.state.gateway)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def respond(request: Request, gate: Gateway) -> JSONResponse:
    """The answer to ``POST /api/v1/decisions`` (see :func:`decide`)."""
    # The answers are plain JSON already: a JSONResponse skips FastAPI's generic encoder,
    # a noticeable share of a decision's time over HTTP.
    # The processing log joins the caller's trace (W3C traceparent) and answers with ours.
    traced = incoming(request.headers)
    try:
        body = await _json_body(request)
        if isinstance(body, dict) and "rows" in body:
            batch = _parse(BatchRequest, body)
            _may_decide(request, batch.algorithm)
            document = await _on_writer(_decide_batch, gate, batch, context=traced)
            return JSONResponse(document, status_code=201, headers=outgoing(traced))
        single = _parse(SingleRequest, body)
        _may_decide(request, single.algorithm)
        record = await _on_writer(_decide_single, gate, single, context=traced)
    except Refused as refused:
        response = refused.response()
        response.headers.update(outgoing(traced))
        return response
    status = 200 if record.replayed else 201
    return JSONResponse(record_json(record), status_code=status, headers=outgoing(traced))


def _principal(request: Request) -> Principal | None:
    """Who is asking, as the access check (sluis.web.auth) found them."""
    return request.scope.get("state", {}).get("principal")


def _may_decide(request: Request, algorithm: str) -> None:
    """The route's rule (sluis.web.access) let in whoever may decide for some algorithm;
    a token limited to other algorithms is refused this one (403, nothing recorded)."""
    if not may(_principal(request), Permission.decide, algorithm):
        problem = _problem("algorithm", "forbidden", "not allowed to decide for this algorithm")
        raise Refused("Not allowed; nothing was recorded.", [problem], status=403)


@router.get("/{decision_uuid}", summary="A recorded decision (personal data only on reveal)")
def show(
    decision_uuid: str,
    request: Request,
    gate: Gate,
    reveal: Annotated[
        bool, Query(description="Include the inputs; needs personal.read for the algorithm.")
    ] = False,
) -> dict[str, Any]:
    try:
        record = gate.get_decision(decision_uuid)
        if not reveal:
            return record_json(record)
        if not may(_principal(request), Permission.personal_read, record.profile_id):
            raise HTTPException(
                status_code=403,
                detail={
                    "message": "inputs and explanations are personal data: reading them "
                    "needs personal.read for this algorithm",
                    "problems": [{"field": "reveal", "rule": "forbidden"}],
                },
            )
        return _revealed(gate, decision_uuid).to_json_dict()
    except DecisionNotFound:
        raise HTTPException(
            status_code=404, detail={"message": f"no decision {decision_uuid!r}"}
        ) from None


@logged(Operation.reveal_decision, decision="decision_uuid")
def _revealed(gateway: Gateway, decision_uuid: str) -> DecisionRecord:
    return gateway.get_decision(decision_uuid, reveal=True)


async def _on_writer(
    function: Callable[..., R], *args: Any, context: contextvars.Context | None = None
) -> R:
    if context is not None:  # run in the request's context (its trace), seen here after
        return await asyncio.get_running_loop().run_in_executor(
            _WRITER, context.run, function, *args
        )
    return await asyncio.get_running_loop().run_in_executor(_WRITER, function, *args)


def record_json(record: DecisionRecord) -> dict[str, Any]:
    """The record for the API: never the inputs; the explanation when it is at hand."""
    document = record.to_json_dict()
    payload = document.pop("payload", None)
    document["explanation"] = payload["evaluation"]["explanation"] if payload else None
    return document


async def _json_body(request: Request) -> object:
    media_type = request.headers.get("content-type", "application/json").split(";")[0].strip()
    if media_type != "application/json":
        raise Refused("Send the request as JSON.", [_problem("(body)", "media_type", "use JSON")])
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise Refused(
            "The request is too large.",
            [_problem("(body)", "max_size", f"at most {MAX_BODY_BYTES // 1_000_000} MB")],
        )
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Refused(
            "The body is not JSON.", [_problem("(body)", "json", "expected a JSON object")]
        ) from None


def _parse(model: type[M], body: object) -> M:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        # Pydantic's messages never hold the input; its "input" key would, so it is dropped.
        problems = [
            _problem(".".join(str(p) for p in e["loc"]) or "(body)", e["type"], e["msg"])
            for e in exc.errors(include_input=False, include_url=False)
        ]
        raise Refused("The request is invalid; nothing was recorded.", problems) from None


def _problem(field: str, rule: str, message: str) -> dict[str, Any]:
    return {"field": field, "rule": rule, "message": message, "articles": []}


def _unavailable(exc: DecisionUnavailable) -> Refused:
    field = "algorithm" if exc.reason == "unknown_profile" else "decision"
    return Refused("Sluis cannot take this decision.", [_problem(field, exc.reason, str(exc))])


def _decide_single(gate: Gateway, request: SingleRequest) -> DecisionRecord:
    try:
        return gate.decide(
            request.algorithm,
            request.decision,
            request.subject_id,
            request.inputs,
            idempotency_key=request.idempotency_key,
            requested=request.requested,
        )
    except DecisionUnavailable as exc:
        raise _unavailable(exc) from None
    except UndeclaredOutcome as exc:
        # The request was fine; the bound procedure is not: a fault of the server.
        problem = outcome_problem(exc.allowed).to_json_dict()
        raise Refused(
            "The decision procedure returned an outcome the profile does not declare; "
            "nothing was recorded.",
            [{**problem, "field": "outcome"}],
            status=500,
        ) from None
    except InputsRefused as exc:
        problems = [{**p, "field": f"inputs.{p['field']}"} for p in exc.to_json_list()]
        raise Refused("The inputs are refused; nothing was recorded.", problems) from None
    except ValueError as exc:  # e.g. a subject id of blanks: "subject_id: expected ..."
        field, _, message = str(exc).partition(": ")
        raise Refused(
            "The request is invalid; nothing was recorded.",
            [_problem(field, "invalid", message or field)],
        ) from None


def _decide_batch(gate: Gateway, request: BatchRequest) -> dict[str, Any]:
    frame = _frame(request.rows)
    try:
        result = gate.decide_batch(
            request.algorithm,
            request.decision,
            frame,
            subject_column=SUBJECT_COLUMN,
            idempotency_column=KEY_COLUMN if KEY_COLUMN in frame.columns else None,
            requested=request.requested,
            atomic=request.atomic,
        )
    except DecisionUnavailable as exc:
        raise _unavailable(exc) from None
    except BatchRefused as refused:
        message = "The batch is atomic and has bad rows; nothing was recorded."
        raise Refused(message, _row_problems(refused.bad_rows), batch_id=refused.batch_id) from None
    document = result.to_json_dict()
    if result.bad_rows and not result.decided and not result.replayed:
        message = "Every row was refused; nothing was recorded."
        raise Refused(message, _row_problems(result.bad_rows), batch=document)
    return document


def _row_problems(bad_rows: dict[int, tuple[InputProblem, ...]]) -> list[dict[str, Any]]:
    """Every problem of every bad row, the field named by its place in the request."""
    return [
        {**p.to_json_dict(), "row": row, "field": _row_field(row, p.field)}
        for row, problems in sorted(bad_rows.items())
        for p in problems
    ]


def _row_field(row: int, name: str) -> str:
    # The batch's own columns are the row's, not its inputs'.
    if name in (SUBJECT_COLUMN, KEY_COLUMN):
        return f"rows.{row}.{name}"
    if name == OUTCOME_FIELD:
        return f"rows.{row}.outcome"
    return f"rows.{row}.inputs.{name}"


def _frame(rows: list[BatchRow]) -> pd.DataFrame:
    """The rows as a table: one column per input (absent inputs are missing values), the
    subject and, when any row has one, the idempotency key."""
    frame = pd.DataFrame.from_records([row.inputs for row in rows], index=range(len(rows)))
    clash = {SUBJECT_COLUMN, KEY_COLUMN} & set(frame.columns)
    if clash:
        name = sorted(clash)[0]
        raise Refused(
            "The request is invalid; nothing was recorded.",
            [_problem(f"rows.inputs.{name}", "reserved", "this name is reserved for the row")],
        )
    frame[SUBJECT_COLUMN] = [row.subject_id for row in rows]
    if any(row.idempotency_key is not None for row in rows):
        frame[KEY_COLUMN] = [row.idempotency_key for row in rows]
    return frame
