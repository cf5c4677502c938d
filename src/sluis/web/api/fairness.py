"""/api/v1/fairness: fairness monitoring of one algorithm.

- ``POST /api/v1/fairness/{algorithm}/attributes``: record the group labels of decisions
  (``{"items": [{"decision": id, "attributes": {"age_band": "35-64", ...}}]}``), kept
  apart from the decisions and never given to the decision procedure;
- ``POST /api/v1/fairness/{algorithm}/ground-truth``: record what later checks found
  (``{"items": [{"decision": id, "deserved_favourable": true, "source": "objection"}]}``);
- ``GET /api/v1/fairness/{algorithm}``: the newest monitoring result, computed now when
  there is none or with ``?refresh=true`` (on a million decisions that takes seconds).

Answers: 422 listing every problem (each naming the item, the field and the rule, never a
value given), 404 for an unknown algorithm. A refused request writes nothing.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session, sessionmaker

from sluis.fairness.records import MonitoringRefused, record_attributes, record_ground_truth
from sluis.fairness.service import latest_snapshot, monitor
from sluis.store.tables.fairness import TRUTH_SOURCES
from sluis.web.deps import sessions

router = APIRouter(prefix="/api/v1/fairness", tags=["fairness"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
MAX_ITEMS = 10_000
MAX_BODY_BYTES = 5_000_000
Source = Literal[TRUTH_SOURCES]  # type: ignore[valid-type]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AttributesItem(_Body):
    decision: str = Field(max_length=36, description="The decision's id.")
    attributes: dict[str, str | None] = Field(
        description="Attribute name → one of its declared groups (null: unknown)."
    )


class AttributesBody(_Body):
    items: list[AttributesItem] = Field(min_length=1, max_length=MAX_ITEMS)


class TruthItem(_Body):
    decision: str = Field(max_length=36)
    deserved_favourable: bool = Field(
        description="Whether the favourable outcome was the right one, by the later check."
    )
    source: Source = Field(description="Where the ground truth comes from.")


class TruthBody(_Body):
    items: list[TruthItem] = Field(min_length=1, max_length=MAX_ITEMS)


def _refusal(status: int, problems: list[dict[str, str]]) -> JSONResponse:
    message = "Not found." if status == 404 else "The request is invalid; nothing was recorded."
    return JSONResponse(
        status_code=status, content={"detail": {"message": message, "problems": problems}}
    )


def _problems(exc: MonitoringRefused) -> list[dict[str, str]]:
    return [{"field": p.field, "rule": p.rule, "message": p.message} for p in exc.problems]


async def _parse(request: Request, model: type[BaseModel]) -> BaseModel | JSONResponse:
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        return _refusal(422, [{"field": "(body)", "rule": "max_size", "message": "at most 5 MB"}])
    try:
        body = json.loads(raw or b"{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _refusal(422, [{"field": "(body)", "rule": "json", "message": "expected JSON"}])
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        # Pydantic's messages never hold the input; its "input" key would, so it is left out.
        return _refusal(
            422,
            [
                {
                    "field": ".".join(str(p) for p in e["loc"]) or "(body)",
                    "rule": e["type"],
                    "message": e["msg"],
                }
                for e in exc.errors(include_input=False, include_url=False)
            ],
        )


@router.post("/{algorithm}/attributes", summary="Record group labels of decisions")
async def attributes(algorithm: str, request: Request, db: Sessions) -> JSONResponse:
    body = await _parse(request, AttributesBody)
    if isinstance(body, JSONResponse):
        return body
    assert isinstance(body, AttributesBody)
    rows: list[dict[str, Any]] = [{"decision": i.decision, **i.attributes} for i in body.items]
    try:
        recorded = await run_in_threadpool(record_attributes, db, algorithm, rows)
    except MonitoringRefused as exc:
        return _refusal(exc.status, _problems(exc))
    return JSONResponse({"algorithm": algorithm, "recorded": recorded})


@router.post("/{algorithm}/ground-truth", summary="Record what later checks found")
async def ground_truth(algorithm: str, request: Request, db: Sessions) -> JSONResponse:
    body = await _parse(request, TruthBody)
    if isinstance(body, JSONResponse):
        return body
    assert isinstance(body, TruthBody)
    rows = [i.model_dump() for i in body.items]
    try:
        recorded = await run_in_threadpool(record_ground_truth, db, algorithm, rows)
    except MonitoringRefused as exc:
        return _refusal(exc.status, _problems(exc))
    return JSONResponse({"algorithm": algorithm, "recorded": recorded})


def _result(db: sessionmaker[Session], algorithm: str, refresh: bool) -> dict[str, Any]:
    snapshot = None if refresh else latest_snapshot(db, algorithm)
    if snapshot is None:
        snapshot = monitor(db, algorithm)
    return snapshot.to_json_dict()


@router.get("/{algorithm}", summary="The fairness monitoring of an algorithm")
async def result(algorithm: str, db: Sessions, refresh: bool = False) -> JSONResponse:
    """The newest stored result (computed now when there is none, or with
    ``refresh=true``): per decision and group attribute each group against the rest, the
    clusters found without naming groups, reviewer fairness and every alert."""
    try:
        document = await run_in_threadpool(_result, db, algorithm, refresh)
    except MonitoringRefused as exc:
        return _refusal(exc.status, _problems(exc))
    return JSONResponse(document)
