"""/api/v1/profiles/{id}/dpia: open, read, edit, advise on, sign and adopt a profile's DPIA.

Every change is a new version; pass ``base_version`` (the version you edited) to have a
change refused with 409 when someone else saved in between. Bad input is answered with
422 naming each field and rule; a refused lifecycle step with 422 listing every missing
item (``refusals``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.dpia_document import service
from sluis.dpia_document.lifecycle import LifecycleRefused, Refusal, adoption_refusals
from sluis.dpia_document.prefill import DpiaNotNeeded
from sluis.dpia_document.render import render_markdown, render_pdf
from sluis.dpia_document.service import DpiaConflict, StoredDpia
from sluis.dpia_document.validation import (
    DpiaInvalid,
    validate_advice,
    validate_document,
    validate_signature,
)
from sluis.i18n import LANGUAGES
from sluis.web.deps import language, sessions

router = APIRouter(prefix="/api/v1/profiles", tags=["dpia"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]
BaseVersion = Annotated[int | None, Query(ge=1, description="The version the change was made on.")]
JsonObject = Annotated[dict[str, Any], Body()]


@router.post("/{profile_id}/dpia", status_code=201, summary="Open the profile's DPIA")
def open_document(profile_id: str, response: Response, db: Sessions, lang: Lang) -> dict[str, Any]:
    """Open a prefilled draft when the assessment calls for a DPIA (201), or return the one
    already open (200). 409 with the assessment's reasons when no DPIA is needed."""
    try:
        stored = service.open_dpia(db, profile_id, language=lang if lang in LANGUAGES else "nl")
    except DpiaNotNeeded as exc:
        raise HTTPException(
            status_code=409,
            detail={
                "message": "The assessment does not call for a DPIA; none was opened.",
                "reasons": [r.model_dump() for r in exc.reasons],
            },
        ) from None
    if not stored.created:
        response.status_code = 200
    return _payload(stored)


@router.get("/{profile_id}/dpia", summary="The DPIA (newest or a given version)")
def show(
    profile_id: str, db: Sessions, version: Annotated[int | None, Query(ge=1)] = None
) -> dict[str, Any]:
    return _payload(service.get_dpia(db, profile_id, version))


@router.put("/{profile_id}/dpia", summary="Save sections, risks and measures as a new draft")
def save(
    profile_id: str, body: JsonObject, db: Sessions, base_version: BaseVersion = None
) -> dict[str, Any]:
    """The body is the ``document`` as GET returns it; only its sections, risks and
    measures are taken. Editing an adopted DPIA starts a new draft version."""
    return _run(
        lambda: service.save_draft(
            db, profile_id, validate_document(body), base_version=base_version
        )
    )


@router.post("/{profile_id}/dpia/ready", summary="Mark the draft ready for the DPO's advice")
def ready(profile_id: str, db: Sessions, base_version: BaseVersion = None) -> dict[str, Any]:
    return _run(lambda: service.mark_ready_for_advice(db, profile_id, base_version=base_version))


@router.post("/{profile_id}/dpia/advice", summary="Record the DPO's advice (art. 35(2))")
def advice(
    profile_id: str, body: JsonObject, db: Sessions, base_version: BaseVersion = None
) -> dict[str, Any]:
    """Body: ``{text, advisor, date, controller_response?}``."""
    return _run(
        lambda: service.record_advice(
            db, profile_id, validate_advice(body), base_version=base_version
        )
    )


@router.post("/{profile_id}/dpia/sign", summary="Sign the DPIA in a role")
def sign(
    profile_id: str, body: JsonObject, db: Sessions, base_version: BaseVersion = None
) -> dict[str, Any]:
    """Body: ``{role, name, function?, date, decision, note?}``; roles decision_owner
    (adopt/reject), dpo (advice_given) and ciso (agree/object)."""
    return _run(
        lambda: service.sign(db, profile_id, validate_signature(body), base_version=base_version)
    )


@router.post("/{profile_id}/dpia/adopt", summary="Adopt the DPIA")
def adopt(profile_id: str, db: Sessions, base_version: BaseVersion = None) -> dict[str, Any]:
    return _run(lambda: service.adopt(db, profile_id, base_version=base_version))


@router.get("/{profile_id}/dpia/versions", summary="All versions of the DPIA")
def versions(profile_id: str, db: Sessions) -> list[dict[str, Any]]:
    return [
        {
            "version": v.version,
            "state": v.state.value,
            "profile_version": v.profile_version,
            "created_at": v.created_at.isoformat(),
            "created_by": v.created_by,
            "adopted_at": v.adopted_at.isoformat() if v.adopted_at else None,
        }
        for v in service.list_versions(db, profile_id)
    ]


@router.get("/{profile_id}/dpia.pdf", summary="The DPIA as PDF", response_class=Response)
def pdf(
    profile_id: str, db: Sessions, lang: Lang, version: Annotated[int | None, Query(ge=1)] = None
) -> Response:
    stored = service.get_dpia(db, profile_id, version)
    return _file(render_pdf(stored, lang), "application/pdf", stored, lang, "pdf")


@router.get("/{profile_id}/dpia.md", summary="The DPIA as Markdown", response_class=Response)
def markdown(
    profile_id: str, db: Sessions, lang: Lang, version: Annotated[int | None, Query(ge=1)] = None
) -> Response:
    stored = service.get_dpia(db, profile_id, version)
    body = render_markdown(stored, lang).encode("utf-8")
    return _file(body, "text/markdown; charset=utf-8", stored, lang, "md")


# --- Helpers ---


def _run(action: Callable[[], StoredDpia]) -> dict[str, Any]:
    with _errors():
        return _payload(action())


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except DpiaInvalid as exc:
        raise HTTPException(
            status_code=422,
            detail={
                "message": "The input is invalid; nothing was stored.",
                "errors": [e.as_dict() for e in exc.errors],
            },
        ) from None
    except DpiaConflict as exc:
        raise HTTPException(
            status_code=409,
            detail={"message": str(exc), "current_version": exc.current_version},
        ) from None
    except LifecycleRefused as exc:
        raise HTTPException(
            status_code=422,
            detail={
                "message": f"{exc.action} refused; nothing was stored.",
                "refusals": [_refusal(r) for r in exc.refusals],
            },
        ) from None


def _refusal(refusal: Refusal) -> dict[str, str]:
    return {"item": refusal.item, "nl": refusal.text.nl, "en": refusal.text.en}


def _payload(stored: StoredDpia) -> dict[str, Any]:
    doc = stored.document
    warning = doc.prior_consultation_warning
    return {
        "profile_id": stored.profile_id,
        "version": stored.version,
        "profile_version": stored.profile_version,
        "state": stored.state.value,
        "created": stored.created,
        "created_at": stored.created_at.isoformat(),
        "created_by": stored.created_by,
        "adopted_at": stored.adopted_at.isoformat() if stored.adopted_at else None,
        "document": doc.model_dump(mode="json"),
        "computed": {
            "risks": [
                {
                    "risk_id": r.id,
                    "score": r.score,
                    "level": r.level.value,
                    "residual_likelihood": res.likelihood,
                    "residual_impact": res.impact,
                    "residual_score": res.score,
                    "residual_level": res.level.value,
                    "measure_ids": list(res.measure_ids),
                }
                for r, res in zip(doc.risks, doc.residuals(), strict=True)
            ],
            "residual_level": doc.residual_level.value if doc.residual_level else None,
            "prior_consultation_warning": warning.model_dump() if warning else None,
            "adoption_refusals": [_refusal(r) for r in adoption_refusals(doc)],
        },
    }


def _file(body: bytes, media_type: str, stored: StoredDpia, lang: str, extension: str) -> Response:
    filename = f"dpia-{stored.profile_id}-v{stored.version}-{lang}.{extension}"
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
