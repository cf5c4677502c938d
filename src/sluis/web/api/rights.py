"""/api/v1/rights: requests of data subjects (GDPR art. 12-22) over JSON.

Staff register requests that came by letter, e-mail or phone, and carry out and answer
them; other systems of the organisation take requests in for the person and register the
e-mail address known for a subject (used for one-time codes). Staff routes need the
``rights.handle`` permission (``sluis.web.access``). The person's own view is on the portal
pages (``/requests/...``) and limited to their request by a token bound to it, which the
API accepts too (``Authorization: Bearer``).

Every refusal answers with the status of its kind (404, 403, 409, 422, 429) and every
problem naming the field and the rule, never personal data.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from sluis.accounts.roles import Permission, may
from sluis.rights import handling
from sluis.rights.desk import RightsDesk
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.package import access_package, package_pdf
from sluis.rights.problems import RightsRefused, invalid
from sluis.rights.records import request_row, view
from sluis.rights.reminders import VIEWS, list_requests
from sluis.rights.timing import today
from sluis.rights.tokens import person_token
from sluis.rights.verification import (
    confirm_by_staff,
    identity_step,
    send_code,
    set_contact,
    verify_code,
    verify_facts,
)
from sluis.web.deps import language

router = APIRouter(prefix="/api/v1/rights", tags=["rights"])
NO_STORE = {"Cache-Control": "no-store"}


def rights_desk(request: Request) -> RightsDesk:
    """The app's rights desk, beside its gateway (made with the app; on first use when
    the rights routes are mounted on an app of their own)."""
    state = request.app.state
    desk = getattr(state, "rights", None)
    if desk is None:
        desk = state.rights = RightsDesk(state.gateway, state.settings)
    return desk


Desk = Annotated[RightsDesk, Depends(rights_desk)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RequestBody(_Body):
    kind: str = Field(
        description="access, rectification, erasure, restriction, objection, "
        "human_intervention, express_view, contest or explanation"
    )
    channel: str = "api"
    reference: str | None = Field(default=None, description="The decision id from the notice.")
    subject_id: str | None = Field(default=None, description="The person's id as known to you.")
    name: str | None = None
    email: str | None = None
    message: str | None = None
    lang: str = "nl"
    received_on: str | None = Field(default=None, description="YYYY-MM-DD; staff channels only.")
    identity_checked: bool = False


class CodeBody(_Body):
    code: str | None = None
    facts: dict[str, str] | None = None


class TextBody(_Body):
    text: str


class RefusalBody(_Body):
    reason: str
    text: str | None = None


class ExtensionBody(_Body):
    reasons: str
    recorded_on: str | None = None


class ObjectionBody(_Body):
    upheld: bool
    reasons: str


class RectificationBody(_Body):
    corrections: dict[str, Any]
    subject_id: str | None = None


class ContactBody(_Body):
    subject_id: str
    email: str


def refused(exc: RightsRefused, lang: str = "en") -> JSONResponse:
    return JSONResponse(
        status_code=exc.status,
        content={
            "detail": {
                "message": "The request was refused; nothing was changed.",
                "problems": exc.to_json_list(lang),
            }
        },
        headers=NO_STORE,
    )


def parse_day(text: str | None, field: str) -> date | None:
    """A date as YYYY-MM-DD; an impossible one (2025-02-30) is refused naming the field."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RightsRefused([invalid(field, "date_form")]) from None


def _json(document: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(document, status_code=status, headers=NO_STORE)


@router.post("/requests", status_code=201, summary="Take a request in or register one")
def create(body: RequestBody, desk: Desk, request: Request) -> JSONResponse:
    # Anyone may ask (the route is public, sluis.web.access); only staff of the desk may
    # say the identity was checked, date a letter or name the subject.
    staff_only = body.identity_checked or body.received_on or body.subject_id
    principal = request.scope.get("state", {}).get("principal")
    if staff_only and not may(principal, Permission.rights_handle):
        problem = {"field": "identity_checked", "rule": "staff_only", "articles": []}
        message = "Only staff of the rights desk may register this."
        detail = {"message": message, "problems": [problem]}
        return _json({"detail": detail}, 401 if principal is None else 403)
    try:
        new = NewRequest(
            kind=body.kind,
            channel=body.channel,
            reference=body.reference,
            subject_id=body.subject_id,
            name=body.name,
            email=body.email,
            message=body.message,
            lang=body.lang,
            received_on=parse_day(body.received_on, "received_on"),
        )
        made = take_in(desk, new, identity_checked=body.identity_checked)
    except RightsRefused as exc:
        return refused(exc, language(request))
    return _json(made.to_json_dict(), 201)


@router.get("/requests", summary="Requests on the desk: open, due_soon, overdue, closed, all")
def index(
    desk: Desk,
    view_: Annotated[str, Query(alias="view", pattern="^(" + "|".join(VIEWS) + ")$")] = "open",
) -> JSONResponse:
    return _json([r.to_json_dict() for r in list_requests(desk, view_)])


@router.get("/requests/{request_id}", summary="One request with its events (staff)")
def show(request_id: str, desk: Desk) -> JSONResponse:
    try:
        with desk.sessions.begin() as session:
            found = view(
                desk, session, request_row(session, request_id), today(), personal=True, events=True
            )
    except RightsRefused as exc:
        return refused(exc)
    return _json(found.to_json_dict())


@router.get("/requests/{request_id}/identity", summary="How the person can confirm identity")
def identity(request_id: str, desk: Desk) -> JSONResponse:
    try:
        return _json(identity_step(desk, request_id).to_json_dict())
    except RightsRefused as exc:
        return refused(exc)


@router.post("/requests/{request_id}/identity/code", summary="Send a one-time code")
def code(request_id: str, desk: Desk) -> JSONResponse:
    try:
        return _json(send_code(desk, request_id).to_json_dict())
    except RightsRefused as exc:
        return refused(exc)


@router.post("/requests/{request_id}/identity", summary="Confirm identity: code or facts")
def confirm(request_id: str, body: CodeBody, desk: Desk) -> JSONResponse:
    try:
        if body.code is not None:
            done = verify_code(desk, request_id, body.code)
        else:
            done = verify_facts(desk, request_id, body.facts or {})
    except RightsRefused as exc:
        return refused(exc)
    token = person_token(desk.token_secret, request_id)
    return _json({"request": done.to_json_dict(), "token": token})


@router.post("/requests/{request_id}/identity/staff", summary="Staff confirmed the identity")
def staff_confirm(request_id: str, desk: Desk) -> JSONResponse:
    return _act(lambda: confirm_by_staff(desk, request_id))


@router.post("/requests/{request_id}/erasure", summary="Erase the person (unless a duty)")
def erasure(request_id: str, desk: Desk) -> JSONResponse:
    return _act(lambda: handling.erase(desk, request_id))


@router.post("/requests/{request_id}/restriction", summary="Restrict processing")
def restriction(request_id: str, desk: Desk) -> JSONResponse:
    return _act(lambda: handling.restrict(desk, request_id))


@router.post("/requests/{request_id}/restriction/lift", summary="Lift the restriction")
def lift(request_id: str, desk: Desk) -> JSONResponse:
    return _act(lambda: handling.lift_restriction(desk, request_id))


@router.post("/requests/{request_id}/answer", summary="Answer with a staff text")
def answer(request_id: str, body: TextBody, desk: Desk) -> JSONResponse:
    return _act(lambda: handling.answer(desk, request_id, body.text))


@router.post("/requests/{request_id}/refusal", summary="Refuse, with reasons")
def refusal(request_id: str, body: RefusalBody, desk: Desk) -> JSONResponse:
    return _act(lambda: handling.refuse(desk, request_id, body.reason, body.text))


@router.post("/requests/{request_id}/extension", summary="Extend by two months (art. 12(3))")
def extension(request_id: str, body: ExtensionBody, desk: Desk) -> JSONResponse:
    return _act(
        lambda: handling.extend(
            desk, request_id, body.reasons, recorded_on=parse_day(body.recorded_on, "recorded_on")
        )
    )


@router.post("/requests/{request_id}/objection", summary="Weigh an objection")
def objection(request_id: str, body: ObjectionBody, desk: Desk) -> JSONResponse:
    return _act(lambda: handling.decide_objection(desk, request_id, body.upheld, body.reasons))


@router.post("/requests/{request_id}/rectification", summary="Correct data, re-decide")
def rectification(request_id: str, body: RectificationBody, desk: Desk) -> JSONResponse:
    return _act(
        lambda: handling.rectify(desk, request_id, body.corrections, subject_id=body.subject_id)
    )


@router.get("/requests/{request_id}/package", summary="The access package (staff)")
def package(
    request_id: str,
    desk: Desk,
    format: Annotated[str, Query(pattern="^(json|pdf)$")] = "json",
) -> Response:
    try:
        document = access_package(desk, request_id)
    except RightsRefused as exc:
        return refused(exc)
    if format == "pdf":
        return Response(
            package_pdf(document),
            media_type="application/pdf",
            headers={
                **NO_STORE,
                "Content-Disposition": f'attachment; filename="access-{request_id}.pdf"',
            },
        )
    return _json(document)


@router.put("/contacts", status_code=204, summary="The e-mail address known for a subject")
def contact(body: ContactBody, desk: Desk) -> Response:
    try:
        set_contact(desk, body.subject_id, body.email)
    except RightsRefused as exc:
        return refused(exc)
    return Response(status_code=204)


@router.post("/follow-reviews", summary="Answer the requests whose review was settled")
def follow(desk: Desk) -> JSONResponse:
    return _json({"answered": handling.follow_reviews(desk)})


def _act(action: Any) -> JSONResponse:
    try:
        done = action()
    except RightsRefused as exc:
        return refused(exc)
    return _json(done.to_json_dict())
