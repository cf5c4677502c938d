"""HTML pages of the Algoritmekader: what is imported, and each profile's checklist with
forms for measure statuses and evidence uploads."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.kader.parsing import ItemKind
from sluis.kader.service import (
    MAX_EVIDENCE_BYTES,
    Checklist,
    KaderInputInvalid,
    MeasureState,
    add_evidence,
    checklist_for,
    latest_import,
    list_items,
    set_measure_status,
)
from sluis.kader.vocabulary import LIFECYCLE, value_label
from sluis.profiles.service import list_profiles
from sluis.profiles.validation import FieldError
from sluis.web.deps import language, sessions
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]


@router.get("/kader", response_class=HTMLResponse)
def kader_index(request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    items = [item for item, _ in list_items(db)]
    return render(
        request,
        "kader_index.html",
        lang,
        last=latest_import(db),
        requirements=[i for i in items if i.kind is ItemKind.requirement],
        measures=[i for i in items if i.kind is ItemKind.measure],
        profiles=list_profiles(db),
        lifecycle=lambda item: ", ".join(
            value_label(LIFECYCLE.name, v, lang) for v in item.facets.get(LIFECYCLE.name, ())
        ),
    )


@router.get("/profiles/{profile_id}/kader", response_class=HTMLResponse)
def kader_checklist(
    request: Request, profile_id: str, db: Sessions, lang: Lang, status: str | None = None
) -> HTMLResponse:
    return _checklist_page(request, db, lang, checklist_for(db, profile_id), status)


def _checklist_page(
    request: Request,
    db: Sessions,
    lang: str,
    checklist: Checklist,
    status: str | None,
    errors: list[FieldError] | None = None,
    error_urn: str | None = None,
) -> HTMLResponse:
    shown = status if status in {s.value for s in MeasureState} else None
    measures = [m for m in checklist.measures() if shown is None or m.status.status == shown]
    return render(
        request,
        "kader_checklist.html",
        lang,
        status_code=422 if errors else 200,
        c=checklist,
        measures=measures,
        status_filter=shown,
        states=[s.value for s in MeasureState],
        errors=errors or [],
        error_urn=error_urn,
        saved=request.query_params.get("saved"),
        anchor=anchor,
        max_mb=MAX_EVIDENCE_BYTES // (1024 * 1024),
    )


def anchor(urn: str) -> str:
    """An HTML id for an item: its URN's code, e.g. ``m-imp-01``."""
    kind, _, code = urn.rpartition(":")
    return ("r-" if kind.endswith(":ver") else "m-") + code


def _back(profile_id: str, lang: str, urn: str, status: str | None) -> RedirectResponse:
    query = {"lang": lang, "saved": urn, **({"status": status} if status else {})}
    target = f"/profiles/{quote(profile_id)}/kader?{urlencode(query)}#{anchor(urn)}"
    return RedirectResponse(target, status_code=303)


@router.post("/profiles/{profile_id}/kader/measures/{measure_urn:path}/evidence")
async def upload_evidence(
    request: Request,
    profile_id: str,
    measure_urn: str,
    db: Sessions,
    lang: Lang,
    file: Annotated[UploadFile, File()],
    status_filter: Annotated[str | None, Form()] = None,
) -> Response:
    data = await file.read(MAX_EVIDENCE_BYTES + 1)
    try:
        add_evidence(
            db,
            request.app.state.settings.evidence_dir,
            profile_id,
            measure_urn,
            file.filename or "",
            data,
            file.content_type,
        )
    except KaderInputInvalid as exc:
        checklist = checklist_for(db, profile_id)
        return _checklist_page(request, db, lang, checklist, None, exc.errors, measure_urn)
    return _back(profile_id, lang, measure_urn, status_filter)


@router.post("/profiles/{profile_id}/kader/measures/{measure_urn:path}")
def save_status(
    request: Request,
    profile_id: str,
    measure_urn: str,
    db: Sessions,
    lang: Lang,
    status: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
    owner: Annotated[str, Form()] = "",
    notes: Annotated[str, Form()] = "",
    status_filter: Annotated[str | None, Form()] = None,
) -> Response:
    try:
        set_measure_status(db, profile_id, measure_urn, status, reason, owner, notes)
    except KaderInputInvalid as exc:
        checklist = checklist_for(db, profile_id)
        return _checklist_page(request, db, lang, checklist, None, exc.errors, measure_urn)
    return _back(profile_id, lang, measure_urn, status_filter)
