"""/api/v1/reviews: the review desk — reviewers, policies, the queue, case files, acts,
contests, submissions, control cases and the facts for the metrics.

The reviewer acting is the one linked to the signed-in account or API token
(``sluis.web.auth``); it must be a registered, active reviewer (403 otherwise), and the
service checks their authorisation for the algorithm on every call. Who may reach which
route at all is ``sluis.web.access``'s table.

Answers: 422 listing every problem with the body or the act (each naming the field and
the rule), 409 for a case that is not in a state that allows it (not claimed by you,
already decided), 403 without authority, 404 for what does not exist. Nothing is changed
by a refused request.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session, sessionmaker

from sluis.gateway.bindings import DecisionUnavailable
from sluis.gateway.contract import InputsRefused
from sluis.gateway.service import Gateway
from sluis.problems import STATUS
from sluis.review import service
from sluis.review.facts import CaseKind, OpenedItem, ReviewAction, ReviewFact
from sluis.review.policy import REASON_MAX_LENGTH, CaseState, Policy
from sluis.review.problems import Problem, ProblemKind, ReviewRefused
from sluis.store.tables.gateway import OUTCOME_LENGTH
from sluis.web.deps import language, sessions

router = APIRouter(prefix="/api/v1/reviews", tags=["reviews"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]
MAX_BODY_BYTES = 30_000_000  # a contest with documents, base64-encoded
M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")
_MESSAGES = {
    ProblemKind.not_found: "Not found.",
    ProblemKind.forbidden: "Not allowed; nothing was changed.",
    ProblemKind.conflict: "The case does not allow this now; nothing was changed.",
    ProblemKind.invalid: "The request is invalid; nothing was changed.",
}


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NewReviewer(_Body):
    id: str = Field(max_length=80, description="Lower-case letters, digits, - and _.")
    name: str = Field(max_length=200)


class ReviewerChange(_Body):
    active: bool


class Grant(_Body):
    senior: bool = Field(default=False, description="Seniors also take escalated cases.")


class PolicyChange(_Body):
    """Fields left out keep their value; ``group_field: null`` removes the group field."""

    hide_recommendation: bool | None = None
    four_eyes: bool | None = None
    claim_minutes: int | None = None
    due_days: int | None = None
    group_field: str | None = None
    thresholds: dict[str, Any] | None = None


class Opened(_Body):
    item: OpenedItem


class FirstView(_Body):
    outcome: str = Field(min_length=1, max_length=OUTCOME_LENGTH)


class Act(_Body):
    action: ReviewAction
    outcome: str | None = Field(default=None, max_length=OUTCOME_LENGTH)
    reason: str = Field(max_length=REASON_MAX_LENGTH)


class DocumentIn(_Body):
    content_base64: str
    filename: str | None = None
    media_type: str | None = None


class Contest(_Body):
    decision_uuid: str = Field(max_length=36)
    point_of_view: str | None = None
    documents: list[DocumentIn] = Field(default_factory=list, max_length=20)


class SubmissionIn(_Body):
    decision_uuid: str = Field(max_length=36)
    kind: Literal["point_of_view", "document"]
    text: str | None = Field(default=None, description="The point of view.")
    content_base64: str | None = Field(default=None, description="The document.")
    filename: str | None = None
    media_type: str | None = None


class ControlIn(_Body):
    algorithm: str = Field(max_length=80)
    decision: str = Field(max_length=80)
    inputs: dict[str, Any]
    expected_outcome: str = Field(max_length=OUTCOME_LENGTH)
    planted_by: str = Field(max_length=200, description="The privacy officer's name.")


# -- plumbing ----------------------------------------------------------------------------


def _problem(field: str, rule: str, message: str) -> dict[str, Any]:
    return {"field": field, "rule": rule, "message": message, "articles": []}


def _refusal(kind: ProblemKind, problems: list[dict[str, Any]]) -> HTTPException:
    detail = {"message": _MESSAGES[kind], "problems": problems}
    return HTTPException(status_code=STATUS[kind], detail=detail)


def _answer(refused: ReviewRefused, lang: str) -> HTTPException:
    return _refusal(refused.kind, [p.to_json_dict(lang) for p in refused.problems])


async def _call(lang: str, function: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Run a (blocking) service call off the event loop; refusals become answers."""
    try:
        return await run_in_threadpool(function, *args, **kwargs)
    except ReviewRefused as refused:
        raise _answer(refused, lang) from None


async def _parse(request: Request, model: type[M]) -> M:
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        problem = _problem("(body)", "max_size", f"at most {MAX_BODY_BYTES // 1_000_000} MB")
        raise _refusal(ProblemKind.invalid, [problem])
    try:
        body = json.loads(raw or b"{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        problem = _problem("(body)", "json", "expected a JSON object")
        raise _refusal(ProblemKind.invalid, [problem]) from None
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        # Pydantic's messages never hold the input; its "input" key would, so it is left out.
        problems = [
            _problem(".".join(str(p) for p in e["loc"]) or "(body)", e["type"], e["msg"])
            for e in exc.errors(include_input=False, include_url=False)
        ]
        raise _refusal(ProblemKind.invalid, problems) from None


def _gateway(request: Request) -> Gateway:
    return request.app.state.gateway


Gate = Annotated[Gateway, Depends(_gateway)]


def acting_reviewer(request: Request, lang: Lang) -> str:
    """The reviewer the signed-in account (or API token) acts as: linked to the account
    (``sluis account create --reviewer``), registered and active. The route's rule
    (``sluis.web.access``) has already checked the role; the service checks the
    reviewer's authority for the algorithm."""
    principal = request.scope.get("state", {}).get("principal")
    reviewer_id = principal.reviewer_id if principal is not None else None
    if reviewer_id is None:
        problem = Problem("reviewer", "reviewer_not_linked", ProblemKind.forbidden)
        raise _refusal(ProblemKind.forbidden, [problem.to_json_dict(lang)])
    try:
        found = service.get_reviewer(sessions(request), reviewer_id)
    except ReviewRefused:
        problem = Problem("reviewer", "reviewer_not_linked", ProblemKind.forbidden)
        raise _refusal(ProblemKind.forbidden, [problem.to_json_dict(lang)]) from None
    if not found.active:
        problem = Problem("reviewer", "reviewer_inactive", ProblemKind.forbidden)
        raise _refusal(ProblemKind.forbidden, [problem.to_json_dict(lang)])
    return reviewer_id


ReviewerId = Annotated[str, Depends(acting_reviewer)]


def _authorised(db: sessionmaker[Session], reviewer_id: str, profile_id: str, lang: str) -> None:
    if service.get_reviewer(db, reviewer_id).authorised_for(profile_id) is None:
        problem = Problem("reviewer", "not_authorised", ProblemKind.forbidden)
        raise _refusal(ProblemKind.forbidden, [problem.to_json_dict(lang)])


def _decode(text: str, field: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        problem = _problem(field, "base64", "expected base64")
        raise _refusal(ProblemKind.invalid, [problem]) from None


def _policy_json(profile_id: str, policy: Policy) -> dict[str, Any]:
    return {
        "profile_id": profile_id,
        "hide_recommendation": policy.hide_recommendation,
        "four_eyes": policy.four_eyes,
        "claim_minutes": policy.claim_minutes,
        "due_days": policy.due_days,
        "group_field": policy.group_field,
        "thresholds": dict(policy.thresholds),
    }


def _fact_json(fact: ReviewFact) -> dict[str, Any]:
    return {
        "case_id": fact.case_id,
        "decision_uuid": fact.decision_uuid,
        "profile_id": fact.profile_id,
        "decision_id": fact.decision_id,
        "reviewer_id": fact.reviewer_id,
        "decided_at": fact.decided_at.isoformat(),
        "action": fact.action.value,
        "model_outcome": fact.model_outcome,
        "final_outcome": fact.final_outcome,
        "model_favourable": fact.model_favourable,
        "final_favourable": fact.final_favourable,
        "seconds_spent": fact.seconds_spent,
        "opened": sorted(o.value for o in fact.opened),
        "group": fact.group,
        "control_expected": fact.control_expected,
        "kind": fact.kind.value,
        "round": fact.round,
        "first_view": fact.first_view,
    }


# -- reviewers and policies --------------------------------------------------------------


@router.get("/reviewers", summary="Reviewers (of one algorithm with ?algorithm=)")
async def reviewers(
    db: Sessions, lang: Lang, algorithm: Annotated[str | None, Query()] = None
) -> list[dict[str, Any]]:
    found = await _call(lang, service.list_reviewers, db, algorithm)
    return [r.to_json_dict() for r in found]


@router.post("/reviewers", status_code=201, summary="Register a reviewer")
async def add_reviewer(request: Request, db: Sessions, lang: Lang) -> dict[str, Any]:
    body = await _parse(request, NewReviewer)
    return (await _call(lang, service.add_reviewer, db, body.id, body.name)).to_json_dict()


@router.get("/reviewers/{reviewer_id}", summary="A reviewer and their authorisations")
async def reviewer(reviewer_id: str, db: Sessions, lang: Lang) -> dict[str, Any]:
    return (await _call(lang, service.get_reviewer, db, reviewer_id)).to_json_dict()


@router.patch("/reviewers/{reviewer_id}", summary="Deactivate or reactivate a reviewer")
async def change_reviewer(
    reviewer_id: str, request: Request, db: Sessions, lang: Lang
) -> dict[str, Any]:
    body = await _parse(request, ReviewerChange)
    found = await _call(lang, service.set_reviewer_active, db, reviewer_id, body.active)
    return found.to_json_dict()


@router.put(
    "/reviewers/{reviewer_id}/authorisations/{profile_id}",
    summary="Authorise a reviewer for an algorithm",
)
async def authorise(
    reviewer_id: str, profile_id: str, request: Request, db: Sessions, lang: Lang
) -> dict[str, Any]:
    body = await _parse(request, Grant)
    found = await _call(lang, service.authorise, db, reviewer_id, profile_id, senior=body.senior)
    return found.to_json_dict()


@router.delete(
    "/reviewers/{reviewer_id}/authorisations/{profile_id}",
    summary="Withdraw an authorisation",
)
async def revoke(reviewer_id: str, profile_id: str, db: Sessions, lang: Lang) -> dict[str, Any]:
    return (await _call(lang, service.revoke, db, reviewer_id, profile_id)).to_json_dict()


@router.get("/policies/{profile_id}", summary="An algorithm's review policy")
async def policy(profile_id: str, db: Sessions, lang: Lang) -> dict[str, Any]:
    return _policy_json(profile_id, await _call(lang, service.get_policy, db, profile_id))


@router.put("/policies/{profile_id}", summary="Change an algorithm's review policy")
async def set_policy(profile_id: str, request: Request, db: Sessions, lang: Lang) -> dict[str, Any]:
    body = await _parse(request, PolicyChange)
    changes = body.model_dump(exclude_unset=True)
    changes = {k: v for k, v in changes.items() if v is not None or k == "group_field"}
    found = await _call(lang, service.set_policy, db, profile_id, **changes)
    return _policy_json(profile_id, found)


# -- the queue ---------------------------------------------------------------------------


@router.get("/queue/{profile_id}", summary="An algorithm's cases waiting for review")
async def queue(
    profile_id: str,
    db: Sessions,
    lang: Lang,
    reviewer_id: ReviewerId,
    order: Annotated[Literal["oldest", "deadline"], Query()] = "oldest",
    state: Annotated[list[CaseState] | None, Query()] = None,
    kind: Annotated[CaseKind | None, Query()] = None,
    escalated: Annotated[bool | None, Query()] = None,
    overdue: Annotated[bool | None, Query()] = None,
    claimed_by: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Oldest first or by deadline; by default the cases not yet settled. Control cases
    look like any other; no outcome is shown."""
    await _call(lang, _authorised, db, reviewer_id, profile_id, lang)
    found = await _call(
        lang,
        service.queue,
        db,
        profile_id,
        order=order,
        states=state,
        kind=kind,
        escalated=escalated,
        overdue=overdue,
        claimed_by=claimed_by,
        limit=limit,
        offset=offset,
    )
    counts = await _call(lang, service.queue_counts, db, profile_id)
    now = datetime.now().astimezone()
    return {"cases": [c.to_json_dict(now) for c in found], "counts": counts}


@router.post("/queue/{profile_id}/claim", summary="Claim the most urgent case")
async def claim_next(
    profile_id: str, db: Sessions, lang: Lang, reviewer_id: ReviewerId
) -> dict[str, Any]:
    """``{"case": ...}``, or ``{"case": null}`` when there is nothing this reviewer may
    take. A reviewer holding a case of the algorithm gets that one back."""
    found = await _call(lang, service.claim_next, db, reviewer_id, profile_id)
    return {"case": None if found is None else found.to_json_dict()}


# -- one case ----------------------------------------------------------------------------


@router.post("/cases/{case_id}/claim", summary="Claim one case")
async def claim(case_id: str, db: Sessions, lang: Lang, reviewer_id: ReviewerId) -> dict[str, Any]:
    return (await _call(lang, service.claim, db, reviewer_id, case_id)).to_json_dict()


@router.post("/cases/{case_id}/release", summary="Give a claimed case back to the queue")
async def release(
    case_id: str, db: Sessions, lang: Lang, reviewer_id: ReviewerId
) -> dict[str, Any]:
    return (await _call(lang, service.release, db, reviewer_id, case_id)).to_json_dict()


@router.get("/cases/{case_id}", summary="The case file (for the reviewer holding the case)")
async def case_file(
    case_id: str, gate: Gate, lang: Lang, reviewer_id: ReviewerId
) -> dict[str, Any]:
    """Inputs, recommendation and explanation (withheld until a first view when the
    policy hides it), route reasons, submissions, earlier acts and decisions."""
    view = await _call(lang, service.case_view, gate, reviewer_id, case_id)
    return view.to_json_dict(datetime.now().astimezone())


@router.get(
    "/cases/{case_id}/submissions/{submission_id}",
    summary="A document the person submitted",
)
async def submission_file(
    case_id: str, submission_id: str, gate: Gate, lang: Lang, reviewer_id: ReviewerId
) -> Response:
    found = await _call(lang, service.submission_content, gate, reviewer_id, case_id, submission_id)
    name = quote(found.filename or f"{found.id}.bin")
    return Response(
        content=found.content,
        media_type=found.media_type or "application/octet-stream",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )


@router.post("/cases/{case_id}/opened", summary="Record that a part of the case was opened")
async def opened(
    case_id: str, request: Request, db: Sessions, lang: Lang, reviewer_id: ReviewerId
) -> dict[str, Any]:
    body = await _parse(request, Opened)
    items = await _call(lang, service.record_opened, db, reviewer_id, case_id, body.item)
    return {"opened": [i.value for i in items]}


@router.post("/cases/{case_id}/first-view", summary="Record your own view first")
async def first_view(
    case_id: str, request: Request, db: Sessions, lang: Lang, reviewer_id: ReviewerId
) -> dict[str, Any]:
    body = await _parse(request, FirstView)
    found = await _call(lang, service.record_first_view, db, reviewer_id, case_id, body.outcome)
    return found.to_json_dict()


@router.post("/cases/{case_id}/decision", summary="Confirm, override, ask, escalate, agree")
async def decide(
    case_id: str, request: Request, gate: Gate, lang: Lang, reviewer_id: ReviewerId
) -> dict[str, Any]:
    """Body ``{"action", "outcome"?, "reason"}``; a written reason is always required."""
    body = await _parse(request, Act)
    result = await _call(
        lang, service.decide, gate, reviewer_id, case_id, body.action, body.outcome, body.reason
    )
    return result.to_json_dict()


@router.post(
    "/cases/{case_id}/information-received",
    summary="The information asked for is in: back to the queue",
)
async def information_received(
    case_id: str, db: Sessions, lang: Lang, reviewer_id: ReviewerId
) -> dict[str, Any]:
    found = await _call(lang, service.information_received, db, reviewer_id, case_id)
    return found.to_json_dict()


# -- from outside the queue --------------------------------------------------------------


@router.post("/contests", status_code=201, summary="Open a contest of a final decision")
async def contest(request: Request, gate: Gate, lang: Lang) -> dict[str, Any]:
    """GDPR art. 22(3): a new review round by a reviewer who did not act on the decision
    before, due within one month. Documents as base64."""
    body = await _parse(request, Contest)
    documents = [
        service.Document(_decode(d.content_base64, f"documents.{i}"), d.filename, d.media_type)
        for i, d in enumerate(body.documents)
    ]
    found = await _call(
        lang,
        service.open_contest,
        gate,
        body.decision_uuid,
        point_of_view=body.point_of_view,
        documents=documents,
    )
    return found.to_json_dict()


@router.post("/submissions", status_code=201, summary="The person's view or a document")
async def submission(request: Request, gate: Gate, lang: Lang) -> dict[str, Any]:
    body = await _parse(request, SubmissionIn)
    if body.kind == "point_of_view":
        content: str | bytes = body.text or ""
    else:
        content = _decode(body.content_base64 or "", "content_base64")
    found = await _call(
        lang,
        service.add_submission,
        gate,
        body.decision_uuid,
        body.kind,
        content,
        filename=body.filename,
        media_type=body.media_type,
    )
    return found.to_json_dict()


@router.post("/control-cases", status_code=201, summary="Plant a control case")
async def plant(request: Request, gate: Gate, lang: Lang) -> dict[str, Any]:
    """For the privacy officer: the inputs go through the gateway for a made-up subject;
    ``expected_outcome`` is the right answer. (Without accounts this route is open to
    anyone who can reach the API.)"""
    body = await _parse(request, ControlIn)
    try:
        found = await _call(
            lang,
            service.plant_control_case,
            gate,
            body.algorithm,
            body.decision,
            body.inputs,
            body.expected_outcome,
            body.planted_by,
        )
    except DecisionUnavailable as exc:
        field = "algorithm" if exc.reason == "unknown_profile" else "decision"
        raise _refusal(ProblemKind.invalid, [_problem(field, exc.reason, str(exc))]) from None
    except InputsRefused as exc:
        problems = [{**p, "field": f"inputs.{p['field']}"} for p in exc.to_json_list()]
        raise _refusal(ProblemKind.invalid, problems) from None
    return found.to_json_dict()


@router.get("/control-cases", summary="The planted control cases and how they went")
async def control_cases(
    db: Sessions, lang: Lang, algorithm: Annotated[str | None, Query()] = None
) -> list[dict[str, Any]]:
    found = await _call(lang, service.list_control_cases, db, algorithm)
    return [c.to_json_dict() for c in found]


@router.get("/facts", summary="Review acts as facts for the meaningfulness metrics")
async def facts(
    db: Sessions,
    lang: Lang,
    algorithm: Annotated[str | None, Query()] = None,
    since: Annotated[AwareDatetime | None, Query()] = None,
    until: Annotated[AwareDatetime | None, Query()] = None,
) -> JSONResponse:
    found = await _call(lang, service.review_facts, db, algorithm, since, until)
    return JSONResponse([_fact_json(f) for f in found])


__all__ = ["router"]
