"""HTML pages of the review desk: ``/review`` (algorithms with their queues and alerts),
``/review/{algorithm}`` (the queue), ``/review/cases/{id}`` (the case file and the acts),
and, from ``review_admin``, the dashboard, the report downloads, the policy form and the
control cases.

Who is acting is the reviewer linked to the signed-in account (``sluis.web.auth``). The
pages call the same services as the JSON API (``sluis.web.api.reviews``), which check the
reviewer's authority on every act.

The case file is built for meaningful review: each part (the data, the explanation, the
person's submissions, the history, the recommendation) is sent to the browser only once
the reviewer opens it, and each opening is recorded (``record_opened``), so what the
metrics call "opened" is what was on the reviewer's screen. With the policy's
``hide_recommendation`` the recommendation opens only after the reviewer recorded a view
of their own. The decision form puts confirming, changing and asking for information side
by side, none chosen beforehand, and always asks for a written reason.

Forms post and redirect (POST-redirect-GET); a refused form is shown again with the
service's message and what was typed, and nothing is changed. Personal data never goes
into a URL. Pages with personal data are not cached (``Cache-Control: no-store``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.service import ProfileNotFound, get_profile, list_profiles
from sluis.review import service
from sluis.review.facts import OpenedItem, ReviewAction
from sluis.review.policy import (
    CLOSED,
    CaseState,
    Reviewer,
    Stage,
    authority_problems,
    reason_problems,
)
from sluis.review.problems import ProblemKind, ReviewRefused
from sluis.review.report import Period
from sluis.review.report_service import algorithm_metrics
from sluis.review.rows import CaseSummary, case_row, summary
from sluis.review.staff import ReviewerInfo
from sluis.review.thresholds import ThresholdsInvalid
from sluis.web.api.decisions import Gate
from sluis.web.api.notices import NO_STORE
from sluis.web.deps import language, sessions
from sluis.web.pages import review_admin
from sluis.web.pages.review_common import (
    acting,
    form_values,
    page,
    redirect,
    who_page,
)
from sluis.web.pages.review_forms import queue_filters
from sluis.web.pages.review_views import (
    STATUS,
    PageError,
    decision_of,
    explanation_view,
    input_rows,
    outcome_choices,
    page_error,
    refusal_errors,
    route_reasons,
)

router = APIRouter(include_in_schema=False)
# First: its fixed paths (/review/dashboard...) must win over /review/{profile_id}.
router.include_router(review_admin.router)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]
FIRST_STAGE = (ReviewAction.confirm, ReviewAction.override, ReviewAction.request_information)
SECOND_STAGE = (ReviewAction.agree, ReviewAction.disagree)
SECTIONS = (
    OpenedItem.inputs,
    OpenedItem.explanation,
    OpenedItem.submissions,
    OpenedItem.history,
)


# -- the desk ----------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse)
def desk(request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    me = acting(request, db)
    rows = []
    for found in list_profiles(db):
        counts = service.queue_counts(db, found.profile_id)
        try:
            alerts: int | None = len(
                algorithm_metrics(db, found.profile_id, Period()).evaluation.alerts
            )
        except (ThresholdsInvalid, ProfileNotFound):
            alerts = None
        grant = me.authorised_for(found.profile_id) if me else None
        rows.append({"profile": found, "counts": counts, "alerts": alerts, "grant": grant})
    return page(request, "review_index.html", lang, me=me, algorithms=rows)


# -- the queue ---------------------------------------------------------------------------


def _not_authorised(me: ReviewerInfo, profile_id: str, lang: str) -> list[PageError]:
    grant = me.authorised_for(profile_id)
    reviewer = Reviewer(me.id, me.active, grant is not None, grant is not None and grant.senior)
    return (
        refusal_errors(ReviewRefused(authority_problems(reviewer)), lang) if grant is None else []
    )


@router.get("/review/{profile_id}", response_class=HTMLResponse)
def queue_page(profile_id: str, request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    stored = get_profile(db, profile_id)  # unknown: the not-found page
    me = acting(request, db)
    if me is None:
        return who_page(request, lang)
    forbidden = _not_authorised(me, profile_id, lang)
    if forbidden:
        return page(
            request,
            "review_forbidden.html",
            lang,
            status=403,
            me=me,
            errors=forbidden,
            profile=stored,
        )
    filters, errors = queue_filters(dict(request.query_params), lang)
    cases = service.queue(
        db, profile_id, **filters.query(), claimed_by=me.id if filters.mine else None
    )
    return page(
        request,
        "review_queue.html",
        lang,
        status=422 if errors else 200,
        me=me,
        profile=stored,
        cases=cases,
        counts=service.queue_counts(db, profile_id),
        filters=filters,
        errors=errors,
        now=datetime.now(UTC),
        states=[s.value for s in CaseState],
        nothing=request.query_params.get("none") == "1",
        released=request.query_params.get("released") == "1",
    )


@router.post("/review/{profile_id}/claim")
def take_next(profile_id: str, request: Request, db: Sessions, lang: Lang) -> Response:
    me = acting(request, db)
    if me is None:
        return who_page(request, lang)
    try:
        found = service.claim_next(db, me.id, profile_id)
    except ReviewRefused as refused:
        stored = get_profile(db, profile_id)
        return page(
            request,
            "review_forbidden.html",
            lang,
            status=STATUS[refused.kind],
            me=me,
            errors=refusal_errors(refused, lang),
            profile=stored,
        )
    if found is None:
        return redirect(f"/review/{profile_id}", lang, none="1")
    return redirect(f"/review/cases/{found.id}", lang)


# -- one case ----------------------------------------------------------------------------


def _summary(db: sessionmaker[Session], case_id: str) -> CaseSummary | None:
    """What the queue shows of a case (no personal data), for a case one does not hold."""
    try:
        with db.begin() as session:
            return summary(case_row(session, case_id))
    except ReviewRefused:
        return None


def _profile(db: sessionmaker[Session], profile_id: str, version: int) -> AlgorithmProfile | None:
    try:
        return get_profile(db, profile_id, version).profile
    except ProfileNotFound:
        return None


def case_page(
    request: Request,
    gate: Gateway,
    me: ReviewerInfo,
    case_id: str,
    lang: str,
    *,
    status: int = 200,
    errors: list[PageError] | None = None,
    values: dict[str, str] | None = None,
) -> HTMLResponse:
    """The case file for the reviewer holding the case; otherwise what can be said of the
    case without personal data, and what the reviewer may do with it."""
    try:
        view = service.case_view(gate, me.id, case_id)
    except ReviewRefused as refused:
        if refused.kind is ProblemKind.not_found:
            return page(request, "review_missing.html", lang, status=404, me=me)
        return status_page(
            request,
            gate,
            me,
            case_id,
            lang,
            status=status if errors else 200,
            errors=errors
            or ([] if refused.kind is ProblemKind.conflict else refusal_errors(refused, lang)),
        )
    profile = _profile(gate.sessions, view.case.profile_id, int(view.decision["profile_version"]))
    recommendation = view.recommendation or {}
    opened = set(view.opened)
    return page(
        request,
        "review_case.html",
        lang,
        status=status,
        me=me,
        v=view,
        case=view.case,
        profile=profile,
        decision=decision_of(profile, view.case.decision_id),
        opened=opened,
        sections=SECTIONS,
        inputs=input_rows(profile, view.inputs or {}, lang) if OpenedItem.inputs in opened else [],
        explanation=(
            explanation_view(profile, recommendation.get("explanation"), lang)
            if OpenedItem.explanation in opened
            else None
        ),
        outcomes=outcome_choices(profile, view.declared_outcomes, lang),
        reasons=route_reasons(view.decision["route_reasons"], lang),
        actions=SECOND_STAGE if view.case.stage is Stage.second else FIRST_STAGE,
        second_stage=view.case.stage is Stage.second,
        errors=errors or [],
        values=values or {},
        now=datetime.now(UTC),
    )


def status_page(
    request: Request,
    gate: Gateway,
    me: ReviewerInfo,
    case_id: str,
    lang: str,
    *,
    status: int = 200,
    errors: list[PageError] | None = None,
) -> HTMLResponse:
    found = _summary(gate.sessions, case_id)
    if found is None:
        return page(request, "review_missing.html", lang, status=404, me=me)
    return page(
        request,
        "review_case_status.html",
        lang,
        status=status,
        me=me,
        case=found,
        closed=found.state in CLOSED,
        done=_done(request.query_params.get("done")),
        errors=errors or [],
        now=datetime.now(UTC),
    )


def _done(action: str | None) -> str | None:
    """The act just recorded (from the redirect's query), if it names one."""
    return action if action in {a.value for a in ReviewAction} else None


@router.get("/review/cases/{case_id}", response_class=HTMLResponse)
def case_file(case_id: str, request: Request, gate: Gate, lang: Lang) -> HTMLResponse:
    me = acting(request, gate.sessions)
    if me is None:
        return who_page(request, lang)
    return case_page(request, gate, me, case_id, lang)


def act(
    request: Request,
    gate: Gateway,
    case_id: str,
    lang: str,
    call: Callable[[str], object],
    *,
    values: dict[str, str] | None = None,
    problems: Sequence[PageError] = (),
    then: str | None = None,
    **params: str,
) -> Response:
    """Run one act for the acting reviewer and redirect; refused (by the page's own
    ``problems`` or by the service): the case page again with the messages and the form
    as typed, nothing changed. Blocking: handlers run it in a worker thread."""
    me = acting(request, gate.sessions)
    if me is None:
        return who_page(request, lang)
    if problems:
        return case_page(
            request, gate, me, case_id, lang, status=422, errors=list(problems), values=values
        )
    try:
        call(me.id)
    except ReviewRefused as refused:
        errors = refusal_errors(refused, lang)
        status = STATUS[refused.kind]
        return case_page(
            request, gate, me, case_id, lang, status=status, errors=errors, values=values
        )
    return redirect(then or f"/review/cases/{case_id}", lang, **params)


@router.post("/review/cases/{case_id}/claim")
def claim(case_id: str, request: Request, gate: Gate, lang: Lang) -> Response:
    return act(request, gate, case_id, lang, lambda me: service.claim(gate.sessions, me, case_id))


@router.post("/review/cases/{case_id}/release")
def release(case_id: str, request: Request, gate: Gate, lang: Lang) -> Response:
    found = _summary(gate.sessions, case_id)
    then = f"/review/{found.profile_id}" if found else "/review"
    return act(
        request,
        gate,
        case_id,
        lang,
        lambda me: service.release(gate.sessions, me, case_id),
        then=then,
        released="1",
    )


@router.post("/review/cases/{case_id}/information-received")
def information_received(case_id: str, request: Request, gate: Gate, lang: Lang) -> Response:
    return act(
        request,
        gate,
        case_id,
        lang,
        lambda me: service.information_received(gate.sessions, me, case_id),
    )


@router.post("/review/cases/{case_id}/open/{item}")
def open_part(case_id: str, item: str, request: Request, gate: Gate, lang: Lang) -> Response:
    """Record that the reviewer opens a part of the case file, then show it."""
    try:
        part = OpenedItem(item)
    except ValueError:
        return page(request, "review_missing.html", lang, status=404)
    response = act(
        request,
        gate,
        case_id,
        lang,
        lambda me: service.record_opened(gate.sessions, me, case_id, part),
    )
    if isinstance(response, RedirectResponse):
        response.headers["location"] += f"#part-{part.value}"
    return response


@router.post("/review/cases/{case_id}/first-view")
async def first_view(case_id: str, request: Request, gate: Gate, lang: Lang) -> Response:
    values = await form_values(request)
    outcome = values.get("first_view", "").strip()
    problems = [] if outcome else [page_error("first_view", "outcome_required", lang)]
    return await run_in_threadpool(
        act,
        request,
        gate,
        case_id,
        lang,
        lambda me: service.record_first_view(gate.sessions, me, case_id, outcome),
        values=values,
        problems=problems,
    )


@router.post("/review/cases/{case_id}/decide")
async def decide(case_id: str, request: Request, gate: Gate, lang: Lang) -> Response:
    """Confirm, change, ask for information, escalate; under four eyes agree or disagree.
    The reason and the outcome travel in the form's body, never in the address."""
    values = await form_values(request)
    action = values.get("action", "").strip()
    reason = values.get("reason", "")
    # The outcome select belongs to a change only; other acts take none.
    outcome = (values.get("outcome") or "").strip() or None
    outcome = outcome if action == ReviewAction.override.value else None
    problems: list[PageError] = []
    if not action:  # listed with what else is missing, so one try shows everything
        problems.append(page_error("action", "action_required", lang))
        if reason_problems(reason):
            problems += refusal_errors(ReviewRefused(reason_problems(reason)), lang)
    return await run_in_threadpool(
        act,
        request,
        gate,
        case_id,
        lang,
        lambda me: service.decide(gate, me, case_id, action, outcome, reason),
        values=values,
        problems=problems,
        done=action,
    )


@router.get("/review/cases/{case_id}/submissions/{submission_id}")
def submission_file(
    case_id: str, submission_id: str, request: Request, gate: Gate, lang: Lang
) -> Response:
    me = acting(request, gate.sessions)
    if me is None:
        return who_page(request, lang)
    try:
        found = service.submission_content(gate, me.id, case_id, submission_id)
    except ReviewRefused as refused:
        return case_page(
            request,
            gate,
            me,
            case_id,
            lang,
            status=STATUS[refused.kind],
            errors=refusal_errors(refused, lang),
        )
    name = quote(found.filename or f"{found.id}.bin")
    return Response(
        content=found.content,
        media_type=found.media_type or "application/octet-stream",
        headers={**NO_STORE, "Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )


__all__ = ["router"]
