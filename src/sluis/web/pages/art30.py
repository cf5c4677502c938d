"""HTML page of the GDPR art. 30 record: the whole organisation grouped by controller, or
one algorithm, with the facts still missing and downloads as CSV, XLSX and PDF."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session, sessionmaker

from sluis.register.art30_export import entry_points, version_label, when
from sluis.register.art30_service import algorithm_record, organisation_record
from sluis.web.deps import language, sessions
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]

FORMATS = ("csv", "xlsx", "pdf")


def download_url(fmt: str, lang: str, **params: str | int | None) -> str:
    query = {k: v for k, v in params.items() if v is not None}
    return f"/api/v1/register/art30.{fmt}?" + urlencode({**query, "lang": lang})


@router.get("/register/art30", response_class=HTMLResponse)
def art30_page(
    request: Request,
    db: Sessions,
    lang: Lang,
    profile: str | None = None,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:
    if profile is not None:
        records = [algorithm_record(db, profile, version)]
    else:
        records = organisation_record(db)
    return render(
        request,
        "art30.html",
        lang,
        records=records,
        profile=profile,
        version=version,
        formats=FORMATS,
        download_url=download_url,
        points=entry_points,
        version_label=version_label,
        when=when,
    )
