"""/api/v1/profiles: register profiles (every change a new version) and read them back."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored, register_and_assess
from sluis.profiles.service import get_profile, list_profiles, list_versions
from sluis.web.api.body import PROFILE_BODY_DOC, profile_from_request
from sluis.web.deps import sessions
from sluis.web.ids import Version

router = APIRouter(prefix="/api/v1/profiles", tags=["profiles"])
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]


@router.post("", openapi_extra=PROFILE_BODY_DOC, status_code=201, summary="Register a profile")
async def register(request: Request, response: Response, db: Sessions) -> dict[str, Any]:
    """Store the profile as a new version when it changed, and assess it."""
    profile = await profile_from_request(request)
    stored, assessment = register_and_assess(db, profile)
    if not stored.created:
        response.status_code = 200
    return {
        "profile_id": stored.profile_id,
        "version": stored.version,
        "created": stored.created,
        "assessment": assessment.to_json_dict(),
    }


@router.get("", summary="List registered profiles")
def index(db: Sessions) -> list[dict[str, Any]]:
    return [
        {
            "id": p.profile_id,
            "name": p.name,
            "latest_version": p.latest_version,
            "updated_at": p.updated_at.isoformat(),
        }
        for p in list_profiles(db)
    ]


@router.get("/{profile_id}", summary="A profile document (latest or a given version)")
def show(
    profile_id: str,
    db: Sessions,
    version: Version = None,
) -> dict[str, Any]:
    stored = get_profile(db, profile_id, version)
    return {
        "profile_id": stored.profile_id,
        "version": stored.version,
        "created_at": stored.created_at.isoformat(),
        "document": stored.profile.model_dump(mode="json", exclude_none=True),
    }


@router.get("/{profile_id}/versions", summary="All versions of a profile")
def versions(profile_id: str, db: Sessions) -> list[dict[str, Any]]:
    get_profile(db, profile_id)  # 404 for an unknown profile, not an empty list
    return [
        {"version": v.version, "created_at": v.created_at.isoformat(), "author": v.author}
        for v in list_versions(db, profile_id)
    ]


@router.get("/{profile_id}/assessment", summary="Assessment of a stored profile version")
def assessment(
    profile_id: str,
    db: Sessions,
    version: Version = None,
) -> dict[str, Any]:
    _, result = assess_stored(db, profile_id, version)
    return result.to_json_dict()
