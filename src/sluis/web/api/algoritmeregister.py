"""/api/v1 Algoritmeregister publications: preview, export one (JSON), export all (CSV)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.register.algoritmeregister import MissingField, Publication, SchemaError
from sluis.register.publication_service import (
    PublicationIncomplete,
    RegisterSchemaUnavailable,
    export_all_csv,
    export_publication,
    load_register_schema,
    publication_for,
)
from sluis.web.deps import sessions
from sluis.web.ids import Version

router = APIRouter(prefix="/api/v1", tags=["algoritmeregister"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]


def register_schema(request: Request) -> dict[str, Any]:
    """The configured standard's schema, or 503 saying which setting to fix."""
    try:
        return load_register_schema(request.app.state.settings.algoritmeregister_schema)
    except RegisterSchemaUnavailable as exc:
        raise HTTPException(status_code=503, detail={"message": str(exc)}) from exc


Schema = Annotated[dict[str, Any], Depends(register_schema)]


@router.get(
    "/profiles/{profile_id}/algoritmeregister",
    summary="Preview the Algoritmeregister publication of a profile version",
)
def preview(profile_id: str, db: Sessions, schema: Schema, version: Version = None) -> dict:
    """The document with what is missing or derived; 200 also when it is incomplete."""
    _, publication, errors = publication_for(db, profile_id, version, schema=schema)
    return preview_json(publication, errors)


@router.get(
    "/profiles/{profile_id}/algoritmeregister/export",
    summary="The publication document, only when it meets the standard",
    responses={422: {"description": "The document is incomplete; every gap is listed."}},
)
def export(profile_id: str, db: Sessions, schema: Schema, version: Version = None) -> Response:
    try:
        stored, publication = export_publication(db, profile_id, version, schema=schema)
    except PublicationIncomplete as exc:
        return JSONResponse(
            status_code=422,
            content={
                "detail": {
                    "message": "The publication does not meet the Algoritmeregister standard "
                    "yet; nothing was exported.",
                    "profile_id": exc.profile_id,
                    "version": exc.version,
                    "missing": [_missing(m) for m in exc.missing],
                    "schema_errors": [_error(e) for e in exc.schema_errors],
                }
            },
        )
    filename = f"algoritmeregister-{stored.profile_id}-v{stored.version}.json"
    return JSONResponse(
        publication.document,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/algoritmeregister.csv",
    summary="Bulk CSV of every registered algorithm that meets the standard",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def bulk_csv(db: Sessions, schema: Schema) -> Response:
    """Latest versions only; ``X-Sluis-Skipped`` names the profiles left out as incomplete."""
    bulk = export_all_csv(db, schema=schema)
    return Response(
        bulk.csv,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="algoritmeregister.csv"',
            "X-Sluis-Skipped": ",".join(bulk.skipped),
        },
    )


def preview_json(publication: Publication, errors: list[SchemaError]) -> dict[str, Any]:
    return {
        "profile_id": publication.profile_id,
        "version": publication.version,
        "document": publication.document,
        "missing": [_missing(m) for m in publication.missing],
        "derived": [
            {"field": d.field, "value": d.value, "reason": {"nl": d.reason_nl, "en": d.reason_en}}
            for d in publication.derived
        ],
        "warnings": [
            {
                "field": w.field,
                "code": w.code,
                "profile_path": w.profile_path,
                "text": {"nl": w.text_nl, "en": w.text_en},
            }
            for w in publication.warnings
        ],
        "valid": not errors and not publication.missing,
        "schema_errors": [_error(e) for e in errors],
    }


def _missing(m: MissingField) -> dict[str, Any]:
    return {
        "field": m.field,
        "profile_path": m.profile_path,
        "reason": {"nl": m.reason_nl, "en": m.reason_en},
    }


def _error(e: SchemaError) -> dict[str, str]:
    return {"path": e.path, "message": e.message, "rule": e.rule}
