"""/api/v1/kader and /api/v1/profiles/{id}/kader: the imported Algoritmekader and each
profile's checklist, measure statuses and evidence files."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from sqlalchemy.orm import Session, sessionmaker

from sluis.kader.documents import (
    checklist_document,
    evidence_document,
    import_document,
    item_document,
    status_document,
)
from sluis.kader.parsing import ItemKind
from sluis.kader.service import (
    MAX_EVIDENCE_BYTES,
    EvidenceNotFound,
    KaderInputInvalid,
    add_evidence,
    checklist_for,
    evidence_file,
    latest_import,
    list_imports,
    list_items,
    set_measure_status,
)
from sluis.web.deps import sessions
from sluis.web.ids import RowId

router = APIRouter(prefix="/api/v1", tags=["kader"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]


class StatusChange(BaseModel):
    """A new status for a measure. Fields left out keep their stored value; an empty
    string clears it."""

    model_config = ConfigDict(extra="forbid")

    status: str
    reason: str | None = None
    owner: str | None = None
    notes: str | None = None
    by: str | None = None


def invalid(exc: KaderInputInvalid) -> JSONResponse:
    return JSONResponse(
        status_code=422,
        content={
            "detail": {
                "message": "The input is invalid; nothing was stored.",
                "errors": [e.as_dict() for e in exc.errors],
            }
        },
    )


def not_found(message: str) -> JSONResponse:
    return JSONResponse(status_code=404, content={"detail": {"message": message}})


@router.get("/kader/items", summary="Imported requirements and measures")
def items(
    db: Sessions, kind: ItemKind | None = None, include_removed: bool = False
) -> list[dict[str, Any]]:
    return [item_document(i, removed) for i, removed in list_items(db, kind, include_removed)]


@router.get("/kader/imports", summary="Imports of the Algoritmekader, newest first")
def imports(db: Sessions) -> list[dict[str, Any]]:
    return [import_document(summary) for summary in list_imports(db)]


@router.get("/kader/imports/latest", summary="The latest import with what it changed")
def latest(db: Sessions) -> Any:
    summary = latest_import(db)
    if summary is None:
        return not_found("no Algoritmekader has been imported yet")
    return import_document(summary)


@router.get("/profiles/{profile_id}/kader", summary="A profile's Algoritmekader checklist")
def checklist(profile_id: str, db: Sessions) -> dict[str, Any]:
    return checklist_document(checklist_for(db, profile_id))


@router.put(
    "/profiles/{profile_id}/kader/measures/{measure_urn:path}",
    summary="Record a profile's status on a measure",
)
def put_status(profile_id: str, measure_urn: str, change: StatusChange, db: Sessions) -> Any:
    try:
        saved = set_measure_status(
            db,
            profile_id,
            measure_urn,
            change.status,
            reason=change.reason,
            owner=change.owner,
            notes=change.notes,
            by=change.by,
        )
    except KaderInputInvalid as exc:
        return invalid(exc)
    return status_document(saved)


@router.post(
    "/profiles/{profile_id}/kader/measures/{measure_urn:path}/evidence",
    status_code=201,
    summary="Upload an evidence file for a measure (max. 10 MB)",
)
async def upload_evidence(
    request: Request,
    response: Response,
    profile_id: str,
    measure_urn: str,
    db: Sessions,
    file: Annotated[UploadFile, File()],
    by: Annotated[str | None, Form()] = None,
) -> Any:
    data = await file.read(MAX_EVIDENCE_BYTES + 1)
    try:
        info = add_evidence(
            db,
            request.app.state.settings.evidence_dir,
            profile_id,
            measure_urn,
            file.filename or "",
            data,
            file.content_type,
            by,
        )
    except KaderInputInvalid as exc:
        return invalid(exc)
    if not info.created:
        response.status_code = 200
    return evidence_document(info)


@router.get(
    "/profiles/{profile_id}/kader/evidence/{evidence_id}",
    summary="Download an evidence file",
    response_class=Response,
)
def download_evidence(
    request: Request,
    profile_id: str,
    evidence_id: RowId,
    db: Sessions,
) -> Response:
    try:
        info, data = evidence_file(
            db, request.app.state.settings.evidence_dir, profile_id, evidence_id
        )
    except EvidenceNotFound as exc:
        return not_found(str(exc))
    return Response(
        data,
        media_type=info.media_type,
        headers={
            # Always a download, never rendered in our origin: uploads are untrusted.
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(info.filename)}",
            "X-Content-Type-Options": "nosniff",
        },
    )
