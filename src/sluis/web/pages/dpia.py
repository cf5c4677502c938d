"""HTML pages of a profile's DPIA: open it, edit sections, risks and measures, record the
DPO's advice, sign, adopt, download, and look back at earlier versions.

Plain forms. The editor is one form (sections, risks, measures) saved as one new draft
version; advice, signatures and adoption are small forms of their own. Every form carries
the version it was made on, so a change made meanwhile by someone else is refused, not
overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import FormData

from sluis.assessment.service import assess_stored
from sluis.dpia_document import service
from sluis.dpia_document.lifecycle import LifecycleRefused, Refusal, adoption_refusals
from sluis.dpia_document.model import (
    ALLOWED_DECISIONS,
    DpiaDocument,
    DpiaState,
    MeasureStatus,
    SignatoryRole,
)
from sluis.dpia_document.prefill import DpiaNotNeeded
from sluis.dpia_document.render import render_markdown, render_pdf, template_context
from sluis.dpia_document.service import DpiaConflict, StoredDpia
from sluis.dpia_document.validation import (
    DpiaInvalid,
    validate_advice,
    validate_document,
    validate_signature,
)
from sluis.profiles.service import get_profile
from sluis.profiles.validation import FieldError
from sluis.web.deps import language, sessions
from sluis.web.ids import Version
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]


@router.get("/profiles/{profile_id}/dpia", response_class=HTMLResponse)
def dpia_page(
    request: Request, profile_id: str, db: Sessions, lang: Lang, version: Version = None
) -> HTMLResponse:
    if not service.has_dpia(db, profile_id):
        return _start_page(request, db, profile_id, lang)
    latest = service.get_dpia(db, profile_id)
    shown = latest if version is None else service.get_dpia(db, profile_id, version)
    if shown.version != latest.version:
        return render(
            request,
            "dpia_view.html",
            lang,
            c=template_context(shown, lang),
            latest=latest,
            versions=service.list_versions(db, profile_id),
        )
    saved = request.query_params.get("saved")
    return _editor(request, db, latest, lang, saved=saved)


@router.post("/profiles/{profile_id}/dpia/open", response_model=None)
def open_page(request: Request, profile_id: str, db: Sessions, lang: Lang) -> Response:
    try:
        service.open_dpia(db, profile_id, language=lang)
    except DpiaNotNeeded:
        return _start_page(request, db, profile_id, lang, status_code=409)
    return _back(profile_id, lang)


@router.post("/profiles/{profile_id}/dpia/save", response_model=None)
async def save_page(request: Request, profile_id: str, db: Sessions, lang: Lang) -> Response:
    form = await request.form()
    current = _current(db, profile_id)

    def save() -> StoredDpia:
        document = document_from_form(current.document, form)
        return service.save_draft(db, profile_id, document, base_version=_base(form))

    return _act(request, db, current, lang, save, saved=True)


@router.post("/profiles/{profile_id}/dpia/ready", response_model=None)
async def ready_page(request: Request, profile_id: str, db: Sessions, lang: Lang) -> Response:
    form = await request.form()
    current = _current(db, profile_id)
    return _act(
        request,
        db,
        current,
        lang,
        lambda: service.mark_ready_for_advice(db, profile_id, base_version=_base(form)),
    )


@router.post("/profiles/{profile_id}/dpia/advice", response_model=None)
async def advice_page(request: Request, profile_id: str, db: Sessions, lang: Lang) -> Response:
    form = await request.form()
    current = _current(db, profile_id)
    fields = ("advisor", "date", "text", "controller_response")

    def record() -> StoredDpia:
        advice = validate_advice({k: _text(form, f"advice-{k}") for k in fields})
        return service.record_advice(db, profile_id, advice, base_version=_base(form))

    return _act(request, db, current, lang, record)


@router.post("/profiles/{profile_id}/dpia/sign", response_model=None)
async def sign_page(request: Request, profile_id: str, db: Sessions, lang: Lang) -> Response:
    form = await request.form()
    current = _current(db, profile_id)
    fields = ("role", "name", "function", "date", "decision", "note")

    def record() -> StoredDpia:
        signature = validate_signature({k: _text(form, f"sign-{k}") for k in fields})
        return service.sign(db, profile_id, signature, base_version=_base(form))

    return _act(request, db, current, lang, record)


@router.post("/profiles/{profile_id}/dpia/adopt", response_model=None)
async def adopt_page(request: Request, profile_id: str, db: Sessions, lang: Lang) -> Response:
    form = await request.form()
    current = _current(db, profile_id)
    return _act(
        request,
        db,
        current,
        lang,
        lambda: service.adopt(db, profile_id, base_version=_base(form)),
    )


@router.get("/profiles/{profile_id}/dpia/document.pdf")
def dpia_pdf(profile_id: str, db: Sessions, lang: Lang, version: Version = None) -> Response:
    stored = service.get_dpia(db, profile_id, version)
    return _download(render_pdf(stored, lang), "application/pdf", stored, lang, "pdf")


@router.get("/profiles/{profile_id}/dpia/document.md")
def dpia_markdown(profile_id: str, db: Sessions, lang: Lang, version: Version = None) -> Response:
    stored = service.get_dpia(db, profile_id, version)
    body = render_markdown(stored, lang).encode("utf-8")
    return _download(body, "text/markdown; charset=utf-8", stored, lang, "md")


# --- Reading the editor form ---


def document_from_form(current: DpiaDocument, form: FormData) -> DpiaDocument:
    """The document as the editor form describes it; raises ``DpiaInvalid`` naming the
    field of every problem."""
    data = current.model_dump(mode="json")
    for section in data["sections"]:
        name = f"section-{section['key']}"
        if name in form:
            section["text"] = _text(form, name, strip=False).replace("\r\n", "\n")
    deleted = set(form.getlist("risk-delete"))
    risks = [
        _risk(form, f"risk-{rid}-", rid, current)
        for rid in form.getlist("risk-ids")
        if isinstance(rid, str) and rid not in deleted and current.risk(rid) is not None
    ]
    if _text(form, "risk-new-title"):
        risks.append(_risk(form, "risk-new-", current.next_risk_id(), current, new=True))
    kept = {r["id"] for r in risks}
    deleted = set(form.getlist("measure-delete"))
    measures = [
        _measure(form, f"measure-{mid}-", mid, kept)
        for mid in form.getlist("measure-ids")
        if isinstance(mid, str) and mid not in deleted and current.measure(mid) is not None
    ]
    if _text(form, "measure-new-description"):
        measures.append(_measure(form, "measure-new-", current.next_measure_id(), kept))
    data["risks"], data["measures"] = risks, measures
    return validate_document(data)


def _risk(
    form: FormData, prefix: str, risk_id: str, current: DpiaDocument, new: bool = False
) -> dict[str, Any]:
    existing = current.risk(risk_id)
    rights = _text(form, f"{prefix}rights").splitlines()
    return {
        "id": risk_id,
        "title": _text(form, f"{prefix}title"),
        "description": _text(form, f"{prefix}description"),
        "affected_rights": [r.strip() for r in rights if r.strip()],
        "likelihood": _text(form, f"{prefix}likelihood"),
        "impact": _text(form, f"{prefix}impact"),
        "justification": _text(form, f"{prefix}justification"),
        "origin": None if new or existing is None else existing.origin,
        "confirmed": f"{prefix}confirmed" in form,
        "residual_justification": _text(form, f"{prefix}residual_justification"),
    }


def _measure(form: FormData, prefix: str, measure_id: str, risks: set[str]) -> dict[str, Any]:
    linked = [r for r in form.getlist(f"{prefix}risks") if isinstance(r, str) and r in risks]
    return {
        "id": measure_id,
        "description": _text(form, f"{prefix}description"),
        "owner": _text(form, f"{prefix}owner"),
        "status": _text(form, f"{prefix}status") or MeasureStatus.planned.value,
        "effects": [
            {
                "risk_id": r,
                "likelihood_reduction": _text(form, f"{prefix}lr-{r}") or "0",
                "impact_reduction": _text(form, f"{prefix}ir-{r}") or "0",
            }
            for r in linked
        ],
    }


def _text(form: FormData, name: str, strip: bool = True) -> str:
    value = form.get(name)
    if not isinstance(value, str):
        return ""
    return value.strip() if strip else value


def _base(form: FormData) -> int | None:
    raw = _text(form, "base_version")
    return int(raw) if raw.isdigit() else None


# --- Responses ---


def _act(
    request: Request,
    db: sessionmaker[Session],
    current: StoredDpia,
    lang: str,
    action: Callable[[], StoredDpia],
    saved: bool = False,
) -> Response:
    """Run a lifecycle step; redirect on success, show the editor with what went wrong."""
    try:
        result = action()
    except DpiaInvalid as exc:
        return _editor(request, db, current, lang, errors=exc.errors, status_code=422)
    except DpiaConflict as exc:
        latest = service.get_dpia(db, current.profile_id)
        return _editor(request, db, latest, lang, conflict=exc.current_version, status_code=409)
    except LifecycleRefused as exc:
        return _editor(request, db, current, lang, refusals=exc.refusals, status_code=422)
    outcome = (str(result.version) if result.created else "unchanged") if saved else None
    return _back(current.profile_id, lang, saved=outcome)


def _editor(
    request: Request,
    db: sessionmaker[Session],
    stored: StoredDpia,
    lang: str,
    *,
    saved: str | None = None,
    errors: list[FieldError] | None = None,
    refusals: tuple[Refusal, ...] | None = None,
    conflict: int | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    profile = get_profile(db, stored.profile_id)
    return render(
        request,
        "dpia_editor.html",
        lang,
        status_code=status_code,
        c=template_context(stored, lang),
        stored=stored,
        doc=stored.document,
        versions=service.list_versions(db, stored.profile_id),
        latest_profile_version=profile.version,
        saved=saved,
        errors=errors or [],
        refusals=refusals,
        open_items=adoption_refusals(stored.document),
        conflict=conflict,
        roles=list(SignatoryRole),
        allowed=ALLOWED_DECISIONS,
        statuses=list(MeasureStatus),
        adopted=stored.state is DpiaState.adopted,
        today=date.today().isoformat(),
    )


def _start_page(
    request: Request, db: sessionmaker[Session], profile_id: str, lang: str, status_code: int = 200
) -> HTMLResponse:
    stored, assessment = assess_stored(db, profile_id)
    return render(
        request, "dpia_start.html", lang, status_code=status_code, stored=stored, a=assessment
    )


def _current(db: sessionmaker[Session], profile_id: str) -> StoredDpia:
    return service.get_dpia(db, profile_id)


def _back(profile_id: str, lang: str, saved: str | None = None) -> RedirectResponse:
    query = f"lang={lang}" + (f"&saved={saved}" if saved else "")
    return RedirectResponse(f"/profiles/{profile_id}/dpia?{query}", status_code=303)


def _download(
    body: bytes, media_type: str, stored: StoredDpia, lang: str, extension: str
) -> Response:
    filename = f"dpia-{stored.profile_id}-v{stored.version}-{lang}.{extension}"
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
