"""HTML pages: list algorithms, create or upload a profile, edit it, read the assessment."""

from __future__ import annotations

from typing import Annotated

import yaml
from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored, register_and_assess
from sluis.profiles.schema import profile_skeleton
from sluis.profiles.service import StoredProfile, list_profiles, list_versions
from sluis.profiles.validation import FieldError, ProfileInvalid, parse_profile_text
from sluis.reports.rendering import render_pdf
from sluis.web.api.body import MAX_PROFILE_BYTES
from sluis.web.deps import language, sessions
from sluis.web.ids import Version
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/profiles", status_code=303)


@router.get("/profiles", response_class=HTMLResponse)
def profile_list(request: Request, db: Sessions, lang: Lang) -> HTMLResponse:
    return render(request, "profiles_list.html", lang, profiles=list_profiles(db))


@router.get("/profiles/new", response_class=HTMLResponse)
def new_profile(request: Request, lang: Lang) -> HTMLResponse:
    return render(
        request, "profile_form.html", lang, document=profile_skeleton(), errors=[], profile_id=None
    )


@router.post("/profiles", response_class=HTMLResponse, response_model=None)
async def save_profile(
    request: Request,
    db: Sessions,
    lang: Lang,
    document: Annotated[str, Form()] = "",
    upload: Annotated[UploadFile | None, File()] = None,
    profile_id: Annotated[str | None, Form()] = None,
) -> Response:
    text = document
    if upload is not None and upload.filename:
        raw = await upload.read(MAX_PROFILE_BYTES + 1)
        text = raw.decode("utf-8", errors="replace")
    try:
        if len(text.encode("utf-8")) > MAX_PROFILE_BYTES:
            raise ProfileInvalid([FieldError("(document)", "max_size", "larger than 1 MB")])
        stored, _ = register_and_assess(db, parse_profile_text(text))
    except ProfileInvalid as exc:
        return render(
            request,
            "profile_form.html",
            lang,
            status_code=422,
            document=text,
            errors=exc.errors,
            profile_id=profile_id,
        )
    outcome = "created" if stored.created else "unchanged"
    return RedirectResponse(
        f"/profiles/{stored.profile_id}?saved={outcome}&lang={lang}", status_code=303
    )


@router.get("/profiles/{profile_id}", response_class=HTMLResponse)
def profile_detail(
    request: Request, profile_id: str, db: Sessions, lang: Lang, version: Version = None
) -> HTMLResponse:
    stored, assessment = assess_stored(db, profile_id, version)
    return render(
        request,
        "profile_detail.html",
        lang,
        stored=stored,
        a=assessment,
        versions=list_versions(db, profile_id),
        saved=request.query_params.get("saved"),
    )


@router.get("/profiles/{profile_id}/edit", response_class=HTMLResponse)
def edit_profile(
    request: Request, profile_id: str, db: Sessions, lang: Lang, version: Version = None
) -> HTMLResponse:
    stored, _ = assess_stored(db, profile_id, version)
    return render(
        request,
        "profile_form.html",
        lang,
        document=as_yaml(stored),
        errors=[],
        profile_id=profile_id,
    )


@router.get("/profiles/{profile_id}/report.pdf")
def profile_pdf(profile_id: str, db: Sessions, lang: Lang, version: Version = None) -> Response:
    stored, assessment = assess_stored(db, profile_id, version)
    filename = f"sluis-{stored.profile_id}-v{stored.version}-{lang}.pdf"
    return Response(
        render_pdf(assessment, lang),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def as_yaml(stored: StoredProfile) -> str:
    document = stored.profile.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
