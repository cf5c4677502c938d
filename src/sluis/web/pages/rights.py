"""HTML pages of the rights desk.

The portal, for the person (Dutch and English, usable on a phone):
``/requests/new?ref=<decision id>&right=<kind>`` takes a request in (decision notices link
here), ``/requests/{id}/verify`` confirms who they are (a one-time code to the address we
know, or facts from their decision), ``/requests/{id}`` shows the request's state and
answer, ``/requests/{id}/notice`` the decision notice, ``/requests/{id}/package.pdf|json``
the access package. Everything after the identity check needs the token the check set as
a cookie, bound to that one request: a person never sees anything that is not theirs.

The staff desk: ``/rights`` (open, due soon, overdue, closed), ``/rights/new`` (register a
request that came by letter, e-mail or phone), ``/rights/{id}`` (the request, its events and
its actions). Staff pages need the ``rights.handle`` permission (``sluis.web.access``).
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from sluis.notices.render import document_context
from sluis.notices.service import DecisionNotFound, NoticeUnavailable, decision_notice
from sluis.rights import handling
from sluis.rights.answer_letter import ANSWERS, answer_letter, answer_pdf
from sluis.rights.corrections import FORM_PREFIX, corrections_from_form
from sluis.rights.desk import RightsDesk
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.kinds import RequestKind, parse_kind
from sluis.rights.letters.draft import LetterInput, LetterKind
from sluis.rights.letters.output import MEDIA_TYPES as LETTER_MEDIA
from sluis.rights.letters.output import Format as LetterFormat
from sluis.rights.letters.output import file_name as letter_file
from sluis.rights.letters.output import render as render_letter
from sluis.rights.letters.service import make_letter
from sluis.rights.package import access_package, package_pdf
from sluis.rights.problems import RightsRefused, invalid, refuse_if
from sluis.rights.records import request_row, view
from sluis.rights.refusals import RefusalReason
from sluis.rights.reminders import VIEWS, list_requests
from sluis.rights.timing import today
from sluis.rights.tokens import TOKEN_SECONDS, person_token, token_opens
from sluis.rights.verification import (
    confirm_by_staff,
    identity_step,
    send_code,
    verify_code,
    verify_facts,
)
from sluis.settings import Settings
from sluis.web.api.rights import NO_STORE, parse_day, rights_desk
from sluis.web.deps import language
from sluis.web.pages.templating import render

log = logging.getLogger("sluis.rights")
router = APIRouter(include_in_schema=False)
Desk = Annotated[RightsDesk, Depends(rights_desk)]
Lang = Annotated[str, Depends(language)]
COOKIE = "sluis_request"


def _page(
    request: Request, name: str, lang: str, status: int = 200, **context: Any
) -> HTMLResponse:
    response = render(request, name, lang, status_code=status, **context)
    response.headers.update(NO_STORE)
    return response


def _errors(exc: RightsRefused, lang: str) -> dict[str, str]:
    return {p.field: p.message(lang) for p in exc.problems}


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


# -- the portal --------------------------------------------------------------------------


@router.get("/requests/new", response_class=HTMLResponse)
def new_request(request: Request, lang: Lang, ref: str = "", right: str = "") -> HTMLResponse:
    kind = parse_kind(right)
    return _page(
        request,
        "rights_new.html",
        lang,
        kinds=list(RequestKind),
        values={"reference": ref, "kind": kind.value if kind else "", "lang": lang},
        errors={},
        page_title=_title(lang),
    )


def _title(lang: str) -> str:
    from sluis.i18n import label

    return label("rights.page.new_title", lang)


@router.post("/requests/new", response_class=HTMLResponse)
async def submit_request(request: Request, desk: Desk, lang: Lang) -> Response:
    values = await _form(request)
    new = NewRequest(
        kind=values.get("kind", ""),
        channel="portal",
        reference=values.get("reference") or None,
        subject_id=values.get("subject_id") or None,
        name=values.get("name") or None,
        email=values.get("email") or None,
        message=values.get("message") or None,
        lang=lang,
    )
    try:
        made = take_in(desk, new)
    except RightsRefused as exc:
        return _page(
            request,
            "rights_new.html",
            lang,
            status=exc.status if exc.status != 404 else 422,
            kinds=list(RequestKind),
            values=values,
            errors=_errors(exc, lang),
            page_title=_title(lang),
        )
    return RedirectResponse(f"/requests/{made.id}/verify?lang={lang}", status_code=303)


@router.get("/requests/{request_id}/verify", response_class=HTMLResponse)
def verify_page(request_id: str, request: Request, desk: Desk, lang: Lang) -> HTMLResponse:
    return _verify_step(request, desk, request_id, lang, sent=request.query_params.get("sent"))


@router.post("/requests/{request_id}/verify", response_class=HTMLResponse)
async def verify(request_id: str, request: Request, desk: Desk, lang: Lang) -> Response:
    values = await _form(request)
    try:
        if "code" in values:
            verify_code(desk, request_id, values["code"])
        else:
            facts = {k.removeprefix("fact."): v for k, v in values.items() if k.startswith("fact.")}
            verify_facts(desk, request_id, facts)
    except RightsRefused as exc:
        return _verify_step(request, desk, request_id, lang, exc)
    response = RedirectResponse(f"/requests/{request_id}?lang={lang}", status_code=303)
    response.set_cookie(
        COOKIE,
        person_token(desk.token_secret, request_id),
        max_age=TOKEN_SECONDS,
        httponly=True,
        samesite="lax",
        path="/requests",
    )
    return response


@router.post("/requests/{request_id}/verify/code", response_class=HTMLResponse)
def resend(request_id: str, request: Request, desk: Desk, lang: Lang) -> Response:
    try:
        send_code(desk, request_id)
    except RightsRefused as exc:
        return _verify_step(request, desk, request_id, lang, exc)
    return RedirectResponse(f"/requests/{request_id}/verify?lang={lang}&sent=1", status_code=303)


def _verify_step(
    request: Request,
    desk: RightsDesk,
    request_id: str,
    lang: str,
    refused: RightsRefused | None = None,
    sent: str | None = None,
) -> HTMLResponse:
    """The identity step, again with what was wrong when an attempt was ``refused``."""
    try:
        step = identity_step(desk, request_id)
    except RightsRefused:
        return _not_found(request, lang)
    return _page(
        request,
        "rights_verify.html",
        lang,
        status=refused.status if refused else 200,
        step=step,
        errors=_errors(refused, lang) if refused else {},
        sent=sent,
    )


def _opens(request: Request, desk: RightsDesk, request_id: str) -> bool:
    if token_opens(desk.token_secret, request.cookies.get(COOKIE), request_id):
        return True
    if request.cookies.get(COOKIE):
        # A token for another request, or a forged or expired one: refused, logged
        # without the token or the request it names.
        log.warning("rights portal: a token did not open the request asked for")
    return False


def _forbidden(request: Request, request_id: str, lang: str) -> HTMLResponse:
    return _page(request, "rights_forbidden.html", lang, status=403, request_id=request_id)


def _not_found(request: Request, lang: str) -> HTMLResponse:
    return _page(request, "rights_forbidden.html", lang, status=404, request_id=None)


@router.get("/requests/{request_id}", response_class=HTMLResponse)
def status_page(request_id: str, request: Request, desk: Desk, lang: Lang) -> Response:
    if not _opens(request, desk, request_id):
        return _forbidden(request, request_id, lang)
    handling.follow_reviews(desk)  # a settled review is answered before the page shows
    with desk.sessions.begin() as session:
        found = view(
            desk, session, request_row(session, request_id), today(), personal=True, events=True
        )
    answer = next(
        (e.text for e in reversed(found.events) if e.event in ("answered", "refused") and e.text),
        None,
    )
    return _page(request, "rights_status.html", lang, r=found, answer=answer)


@router.get("/requests/{request_id}/notice", response_class=HTMLResponse)
def person_notice(request_id: str, request: Request, desk: Desk, lang: Lang) -> Response:
    if not _opens(request, desk, request_id):
        return _forbidden(request, request_id, lang)
    with desk.sessions.begin() as session:
        decision_uuid = request_row(session, request_id).decision_uuid
    if decision_uuid is None:
        return _not_found(request, lang)
    try:
        notice = decision_notice(desk.gateway, decision_uuid, lang)
    except (DecisionNotFound, NoticeUnavailable):
        return _not_found(request, lang)
    return _page(
        request,
        "notice_page.html",
        lang,
        d=document_context(notice),
        notice=notice,
        downloads=f"/api/v1/decisions/{decision_uuid}/notice",
        page_title=notice.title,
    )


@router.get("/requests/{request_id}/package.{fmt}")
def person_package(request_id: str, fmt: str, request: Request, desk: Desk, lang: Lang) -> Response:
    if not _opens(request, desk, request_id):
        return _forbidden(request, request_id, lang)
    with desk.sessions.begin() as session:
        kind = request_row(session, request_id).kind
    if kind != RequestKind.access.value or fmt not in ("json", "pdf"):
        return _not_found(request, lang)
    document = access_package(desk, request_id, lang)
    if fmt == "json":
        return JSONResponse(document, headers=NO_STORE)
    return Response(
        package_pdf(document),
        media_type="application/pdf",
        headers={**NO_STORE, "Content-Disposition": 'attachment; filename="my-data.pdf"'},
    )


# -- letters to other organisations (public; nothing is kept) ---------------------------

#: The form's label of each field a problem can name.
_LETTER_LABELS = {
    "kind": "letters.page.kind",
    "to": "letters.page.to",
    "to_address": "letters.page.to_address",
    "name": "letters.page.name",
    "address": "letters.page.address",
    "email": "letters.page.email",
    "reference": "letters.page.reference",
    "decision_date": "letters.page.decision_date",
    "sent": "letters.page.sent",
    "details": "letters.page.details",
    "lang": "letters.page.lang",
    "format": "letters.page.result",
}
_LETTER_FIELDS = (*(f for f in _LETTER_LABELS if f not in ("lang", "format")), "letter_lang")


def _letter_page(
    request: Request, lang: str, values: dict[str, str], status: int = 200, **context: Any
) -> HTMLResponse:
    return _page(
        request,
        "rights_letter_page.html",
        lang,
        status=status,
        kinds=list(LetterKind),
        values=values,
        labels=_LETTER_LABELS,
        today=today().isoformat(),
        errors=context.pop("errors", {}),
        **context,
    )


@router.get("/letter", response_class=HTMLResponse)
def letter_form(request: Request, lang: Lang, kind: str = "") -> HTMLResponse:
    return _letter_page(request, lang, {"kind": kind})


@router.post("/letter", response_class=HTMLResponse)
async def letter_made(request: Request, lang: Lang) -> Response:
    """The letter as a page, or (``format``) as a download; the input is only echoed back
    in the page's download forms, never stored or logged."""
    form = await _form(request)
    values = {f: form.get(f, "") for f in _LETTER_FIELDS}
    fields = {k: v for k, v in values.items() if k != "letter_lang"}
    given = LetterInput(**fields, lang=values["letter_lang"] or lang)
    try:
        fmt = _letter_format(form.get("format") or "html")
        drafted = make_letter(given, holiday_file=_settings(request).holidays)
    except RightsRefused as exc:
        return _letter_page(request, lang, values, status=exc.status, errors=_errors(exc, lang))
    if fmt is LetterFormat.html:
        return _letter_page(request, lang, values, l=drafted, letter=True)
    return Response(
        render_letter(drafted, fmt),
        media_type=LETTER_MEDIA[fmt],
        headers={
            **NO_STORE,
            "Content-Disposition": f'attachment; filename="{letter_file(drafted, fmt)}"',
        },
    )


def _letter_format(text: str) -> LetterFormat:
    try:
        return LetterFormat(text)
    except ValueError:
        allowed = ", ".join(f.value for f in LetterFormat)
        raise RightsRefused([invalid("format", "letter_format_unknown", allowed=allowed)]) from None


def _settings(request: Request) -> Settings:
    return request.app.state.settings


# -- the staff desk ----------------------------------------------------------------------


@router.get("/rights", response_class=HTMLResponse)
def desk_page(request: Request, desk: Desk, lang: Lang) -> HTMLResponse:
    which = request.query_params.get("view", "open")
    if which not in VIEWS:
        which = "open"
    handling.follow_reviews(desk)
    counts = {v: len(list_requests(desk, v)) for v in ("open", "due_soon", "overdue")}
    return _page(
        request,
        "rights_desk.html",
        lang,
        which=which,
        views=VIEWS,
        counts=counts,
        requests=list_requests(desk, which),
        page_title="Rights desk",
    )


@router.get("/rights/new", response_class=HTMLResponse)
def staff_new(request: Request, lang: Lang) -> HTMLResponse:
    return _page(
        request, "rights_staff_new.html", lang, kinds=list(RequestKind), values={}, errors={}
    )


@router.post("/rights/new", response_class=HTMLResponse)
async def staff_register(request: Request, desk: Desk, lang: Lang) -> Response:
    values = await _form(request)
    try:
        new = NewRequest(
            kind=values.get("kind", ""),
            channel=values.get("channel", "letter"),
            reference=values.get("reference") or None,
            subject_id=values.get("subject_id") or None,
            name=values.get("name") or None,
            email=values.get("email") or None,
            message=values.get("message") or None,
            lang=values.get("lang", lang),
            received_on=parse_day(values.get("received_on"), "received_on"),
        )
        made = take_in(desk, new, identity_checked=values.get("identity_checked") == "on")
    except RightsRefused as exc:
        return _page(
            request,
            "rights_staff_new.html",
            lang,
            status=exc.status,
            kinds=list(RequestKind),
            values=values,
            errors=_errors(exc, lang),
        )
    return RedirectResponse(f"/rights/{made.id}?lang={lang}", status_code=303)


@router.get("/rights/{request_id}", response_class=HTMLResponse)
def staff_detail(request_id: str, request: Request, desk: Desk, lang: Lang) -> HTMLResponse:
    return _detail(request, desk, request_id, lang)


def _detail(
    request: Request,
    desk: RightsDesk,
    request_id: str,
    lang: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    try:
        with desk.sessions.begin() as session:
            found = view(
                desk, session, request_row(session, request_id), today(), personal=True, events=True
            )
    except RightsRefused:
        return _not_found(request, lang)
    kept = (
        handling.keeping(desk, request_id, today()) if found.kind is RequestKind.erasure else None
    )
    rectifiable = found.kind is RequestKind.rectification and not found.closed
    return _page(
        request,
        "rights_detail.html",
        lang,
        status=status,
        r=found,
        duties=kept.duties if kept else (),
        holds=kept.holds if kept else (),
        fields=handling.rectification_fields(desk, request_id) if rectifiable else [],
        field_prefix=FORM_PREFIX,
        answer_pdf=any(e.event in ANSWERS and e.text for e in found.events),
        reasons=list(RefusalReason),
        errors=errors or {},
    )


@router.get("/rights/{request_id}/answer.pdf")
def staff_answer_pdf(request_id: str, request: Request, desk: Desk, lang: Lang) -> Response:
    """The answer as a letter for post (when mail could not go, or the person asked)."""
    try:
        letter = answer_letter(desk, request_id)
    except RightsRefused as exc:
        if exc.status == 404:
            return _not_found(request, lang)
        return _detail(request, desk, request_id, lang, exc.status, _errors(exc, lang))
    return Response(
        answer_pdf(letter),
        media_type="application/pdf",
        headers={
            **NO_STORE,
            "Content-Disposition": f'attachment; filename="answer-{request_id}.pdf"',
        },
    )


def _rectify(desk: RightsDesk, request_id: str, values: dict[str, str]) -> object:
    corrections, problems = corrections_from_form(
        values, handling.rectification_fields(desk, request_id)
    )
    refuse_if(problems)
    subject = values.get("subject_id", "").strip() or None
    return handling.rectify(desk, request_id, corrections, subject_id=subject)


@router.post("/rights/{request_id}/{action}", response_class=HTMLResponse)
async def staff_act(
    request_id: str, action: str, request: Request, desk: Desk, lang: Lang
) -> Response:
    values = await _form(request)
    actions = {
        "confirm": lambda: confirm_by_staff(desk, request_id),
        "answer": lambda: handling.answer(desk, request_id, values.get("text", "")),
        "refuse": lambda: handling.refuse(
            desk, request_id, values.get("reason", ""), values.get("text") or None
        ),
        "extend": lambda: handling.extend(
            desk,
            request_id,
            values.get("reasons", ""),
            recorded_on=parse_day(values.get("recorded_on"), "recorded_on"),
        ),
        "erase": lambda: handling.erase(desk, request_id),
        "restrict": lambda: handling.restrict(desk, request_id),
        "lift": lambda: handling.lift_restriction(desk, request_id),
        "rectify": lambda: _rectify(desk, request_id, values),
        "objection": lambda: handling.decide_objection(
            desk, request_id, values.get("upheld") == "yes", values.get("reasons", "")
        ),
    }
    act = actions.get(action)
    if act is None:
        return _not_found(request, lang)
    try:
        act()
    except RightsRefused as exc:
        return _detail(
            request, desk, request_id, lang, status=exc.status, errors=_errors(exc, lang)
        )
    return RedirectResponse(f"/rights/{request_id}?lang={lang}", status_code=303)


__all__ = ["COOKIE", "router"]
