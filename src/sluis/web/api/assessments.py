"""POST /api/v1/assessments: assess a profile without storing it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from sluis.law.assess import assess
from sluis.web.api.body import PROFILE_BODY_DOC, profile_from_request

router = APIRouter(prefix="/api/v1/assessments", tags=["assessments"])


@router.post("", openapi_extra=PROFILE_BODY_DOC, summary="Assess a profile (nothing stored)")
async def create_assessment(request: Request) -> dict[str, Any]:
    """Return the assessment (format ``sluis.assessment/1``) of the profile in the body."""
    profile = await profile_from_request(request)
    return assess(profile).to_json_dict()
