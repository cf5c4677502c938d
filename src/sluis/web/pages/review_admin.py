"""The privacy officer's side of the review desk: ``/review/dashboard`` (is review
meaningful? the metrics per reviewer, month and group with their charts and alerts: the
human-involvement report's own view, so page and downloads agree), the report as
Markdown and PDF, an algorithm's review policy and its control cases.

Staff who may read the registry see them (auditors too); changing a policy or planting
control cases needs ``review.oversee`` (the privacy officer). They hold no personal data of
the people decided about: the metrics name reviewers, and control cases are made up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.gateway.bindings import DecisionUnavailable
from sluis.gateway.contract import InputsRefused
from sluis.gateway.service import Gateway
from sluis.i18n import label
from sluis.i18n.catalog import message_keys
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.service import get_profile, list_profiles
from sluis.review import service
from sluis.review.problems import ReviewRefused
from sluis.review.report import (
    HumanInvolvementReport,
    Period,
    render_markdown,
    render_pdf,
    template_context,
)
from sluis.review.report_service import involvement_report
from sluis.review.thresholds import ThresholdsInvalid
from sluis.web.api.decisions import Gate
from sluis.web.api.notices import NO_STORE
from sluis.web.deps import language, sessions
from sluis.web.pages.review_common import form_values, page, redirect
from sluis.web.pages.review_forms import (
    THRESHOLD_FIELDS,
    PolicyForm,
    period,
    policy_changes,
    policy_form,
    threshold_defaults,
    typed_inputs,
)
from sluis.web.pages.review_views import (
    STATUS,
    PageError,
    outcome_choices,
    page_error,
    refusal_errors,
)

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]


# -- the dashboard and the report --------------------------------------------------------


def _report(
    db: sessionmaker[Session], params: dict[str, str], lang: str
) -> tuple[HumanInvolvementReport | None, Period, list[PageError]]:
    """The report the query asks for (``algorithm``, ``since``, ``until``), or why not."""
    chosen, errors = period(params, lang)
    if errors:
        return None, chosen, errors
    algorithm = params.get("algorithm") or None
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        return involvement_report(db, algorithm, chosen, now=now), chosen, []
    except ThresholdsInvalid as exc:
        return None, chosen, [PageError("thresholds", problem) for problem in exc.problems]


@router.get("/review/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    params = dict(request.query_params)
    report, _, errors = _report(db, params, lang)
    query = {k: params.get(k, "") for k in ("algorithm", "since", "until")}
    return page(
        request,
        "review_dashboard.html",
        lang,
        status=422 if errors else 200,
        algorithms=list_profiles(db),
        query=query,
        download=urlencode({k: v for k, v in {**query, "lang": lang}.items() if v}),
        errors=errors,
        c=template_context(report, lang) if report is not None else None,
    )


@router.get("/review/dashboard.{fmt}")
def report_download(fmt: str, request: Request, db: Sessions, lang: Lang) -> Response:
    if fmt not in ("md", "pdf"):
        return page(request, "review_missing.html", lang, status=404)
    params = dict(request.query_params)
    report = _report(db, params, lang)[0]
    if report is None:  # the dashboard names the problems
        return dashboard(request, db, lang)
    name = f"review-report-{params.get('algorithm') or 'all'}-{lang}.{fmt}"
    disposition = {**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "md":
        text = render_markdown(report, lang)
        return Response(text, media_type="text/markdown; charset=utf-8", headers=disposition)
    return Response(render_pdf(report, lang), media_type="application/pdf", headers=disposition)


# -- the policy --------------------------------------------------------------------------


def _policy_page(
    request: Request,
    stored: AlgorithmProfile,
    lang: str,
    form: PolicyForm,
    *,
    status: int = 200,
    errors: list[PageError] | None = None,
) -> HTMLResponse:
    return page(
        request,
        "review_policy.html",
        lang,
        status=status,
        profile=stored,
        form=form,
        defaults=threshold_defaults(),
        thresholds=THRESHOLD_FIELDS,
        fields=[f.name for f in stored.data_fields],
        errors=errors or [],
        saved=request.query_params.get("saved") == "1",
    )


@router.get("/review/{profile_id}/policy", response_class=HTMLResponse)
def policy_page(profile_id: str, request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    stored = get_profile(db, profile_id).profile
    return _policy_page(request, stored, lang, policy_form(service.get_policy(db, profile_id)))


@router.post("/review/{profile_id}/policy")
async def save_policy(profile_id: str, request: Request, db: Sessions, lang: Lang) -> Response:
    values = await form_values(request)
    return await run_in_threadpool(_save_policy, request, db, profile_id, lang, values)


def _save_policy(
    request: Request,
    db: sessionmaker[Session],
    profile_id: str,
    lang: str,
    values: dict[str, str],
) -> Response:
    stored = get_profile(db, profile_id).profile
    typed = PolicyForm(
        values, frozenset(n for n in ("hide_recommendation", "four_eyes") if n in values)
    )
    changes, errors = policy_changes(values, [f.name for f in stored.data_fields], lang)
    if errors:
        return _policy_page(request, stored, lang, typed, status=422, errors=errors)
    try:
        service.set_policy(db, profile_id, **changes)
    except ReviewRefused as refused:
        errors = refusal_errors(refused, lang)
        return _policy_page(
            request, stored, lang, typed, status=STATUS[refused.kind], errors=errors
        )
    return redirect(f"/review/{profile_id}/policy", lang, saved="1")


# -- control cases -----------------------------------------------------------------------


def _controls_page(
    request: Request,
    gate: Gateway,
    stored: AlgorithmProfile,
    lang: str,
    *,
    status: int = 200,
    errors: list[PageError] | None = None,
    values: dict[str, str] | None = None,
) -> HTMLResponse:
    bound = [d for d in stored.decisions if gate.binding(stored.id, d.id) is not None]
    return page(
        request,
        "review_controls.html",
        lang,
        status=status,
        profile=stored,
        decisions=bound,
        outcomes={
            d.id: outcome_choices(stored, {o.value: o.favourable for o in d.outcomes}, lang)
            for d in bound
        },
        planted=service.list_control_cases(gate.sessions, stored.id),
        errors=errors or [],
        values=values or {},
        done=request.query_params.get("planted") == "1",
    )


@router.get("/review/{profile_id}/control-cases", response_class=HTMLResponse)
def controls_page(profile_id: str, request: Request, gate: Gate, lang: Lang) -> HTMLResponse:
    return _controls_page(request, gate, get_profile(gate.sessions, profile_id).profile, lang)


@router.post("/review/{profile_id}/control-cases")
async def plant(profile_id: str, request: Request, gate: Gate, lang: Lang) -> Response:
    values = await form_values(request)
    return await run_in_threadpool(_plant, request, gate, profile_id, lang, values)


def _plant(
    request: Request, gate: Gateway, profile_id: str, lang: str, values: dict[str, str]
) -> Response:
    stored = get_profile(gate.sessions, profile_id).profile
    decision_id = values.get("decision", "")
    decision = next((d for d in stored.decisions if d.id == decision_id), None)
    fields = stored.fields_used_by(decision) if decision else stored.data_fields
    try:
        service.plant_control_case(
            gate,
            profile_id,
            decision_id,
            typed_inputs(list(fields), values),
            values.get("expected_outcome", ""),
            values.get("planted_by", ""),
        )
    except ReviewRefused as refused:
        errors, status = refusal_errors(refused, lang), STATUS[refused.kind]
    except DecisionUnavailable as exc:
        errors, status = [page_error("decision", exc.reason, lang)], 422
    except InputsRefused as exc:
        errors, status = [_input_error(p.field, p.rule, p.message, lang) for p in exc.problems], 422
    else:
        return redirect(f"/review/{profile_id}/control-cases", lang, planted="1")
    return _controls_page(request, gate, stored, lang, status=status, errors=errors, values=values)


def _input_error(field: str, rule: str, message: str, lang: str) -> PageError:
    """The gateway's problem with an input, in the page's language where we have words."""
    key = f"review_pages.input.{rule}"
    text = label(key, lang) if key in message_keys() else message
    return PageError(f"input.{field}", text)


__all__ = ["router"]
