"""/api/v1/register/art30: the GDPR art. 30 record of processing, as JSON and as CSV, XLSX
or PDF download."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.register.art30 import OrganisationRecord
from sluis.register.art30_export import (
    MEDIA_TYPES,
    ExportFormat,
    export_art30,
    export_filename,
    to_json_dict,
)
from sluis.register.art30_service import algorithm_record, organisation_record
from sluis.web.deps import language, sessions
from sluis.web.ids import MAX_ROW_ID

router = APIRouter(prefix="/api/v1/register", tags=["register"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
ProfileParam = Annotated[
    str | None, Query(description="One algorithm (profile id) instead of the organisation.")
]
ControllerParam = Annotated[
    str | None, Query(description="Only this controller (name, case-insensitive).")
]
VersionParam = Annotated[
    int | None,
    Query(ge=1, le=MAX_ROW_ID, description="With profile: this version instead of the latest."),
]
LangParam = Annotated[
    Literal["nl", "en"] | None,
    Query(description="Language of headings and phrases; default from cookie or browser."),
]


def select_records(
    db: sessionmaker[Session],
    profile: str | None,
    controller: str | None,
    version: int | None = None,
) -> list[OrganisationRecord]:
    """One algorithm when ``profile`` is given (404 when unknown), else the organisation,
    optionally one controller."""
    if profile is not None:
        return [algorithm_record(db, profile, version)]
    return organisation_record(db, controller)


@router.get("/art30", summary="The art. 30 record of processing (JSON)")
def art30_json(
    db: Sessions,
    profile: ProfileParam = None,
    controller: ControllerParam = None,
    version: VersionParam = None,
) -> dict[str, Any]:
    """Every registered algorithm's latest version grouped by controller, or one algorithm;
    each entry lists the facts its profile still misses (``gaps``)."""
    return to_json_dict(select_records(db, profile, controller, version))


def _download(
    request: Request,
    db: sessionmaker[Session],
    fmt: ExportFormat,
    profile: str | None,
    controller: str | None,
    version: int | None,
    lang: str | None,
) -> Response:
    lang = lang or language(request)
    records = select_records(db, profile, controller, version)
    filename = export_filename(records, fmt, lang)
    return Response(
        export_art30(records, fmt, lang),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/art30.csv", summary="The art. 30 record as CSV (UTF-8 with BOM)")
def art30_csv(
    request: Request,
    db: Sessions,
    profile: ProfileParam = None,
    controller: ControllerParam = None,
    version: VersionParam = None,
    lang: LangParam = None,
) -> Response:
    return _download(request, db, "csv", profile, controller, version, lang)


@router.get("/art30.xlsx", summary="The art. 30 record as an Excel workbook")
def art30_xlsx(
    request: Request,
    db: Sessions,
    profile: ProfileParam = None,
    controller: ControllerParam = None,
    version: VersionParam = None,
    lang: LangParam = None,
) -> Response:
    return _download(request, db, "xlsx", profile, controller, version, lang)


@router.get("/art30.pdf", summary="The art. 30 record as PDF (landscape A4)")
def art30_pdf(
    request: Request,
    db: Sessions,
    profile: ProfileParam = None,
    controller: ControllerParam = None,
    version: VersionParam = None,
    lang: LangParam = None,
) -> Response:
    return _download(request, db, "pdf", profile, controller, version, lang)
