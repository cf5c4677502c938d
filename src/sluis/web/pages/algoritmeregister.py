"""HTML page: a profile version's Algoritmeregister publication, field by field."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session, sessionmaker

from sluis.register.publication_service import (
    RegisterSchemaUnavailable,
    load_register_schema,
    publication_for,
)
from sluis.web.deps import language, sessions
from sluis.web.ids import Version
from sluis.web.pages.templating import render

router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]


@router.get("/profiles/{profile_id}/algoritmeregister", response_class=HTMLResponse)
def algoritmeregister_page(
    request: Request, profile_id: str, db: Sessions, lang: Lang, version: Version = None
) -> HTMLResponse:
    try:
        schema = load_register_schema(request.app.state.settings.algoritmeregister_schema)
    except RegisterSchemaUnavailable as exc:
        return render(
            request, "algoritmeregister.html", lang, status_code=503, unavailable=str(exc)
        )
    stored, publication, errors = publication_for(db, profile_id, version, schema=schema)
    missing_fields = {m.field for m in publication.missing}
    rows = [
        {
            "key": key,
            "label": spec.get("name", key),
            "category": spec.get("category", ""),
            "value": publication.document.get(key),
            "missing": key in missing_fields,
        }
        for key, spec in schema["properties"].items()
    ]
    return render(
        request,
        "algoritmeregister.html",
        lang,
        unavailable=None,
        stored=stored,
        publication=publication,
        rows=rows,
        labels={row["key"]: row["label"] for row in rows},
        derived_fields={d.field for d in publication.derived},
        other_errors=[e for e in errors if e.rule != "required"],
        valid=not errors and not publication.missing,
    )
