"""Published JSON Schemas."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sluis.profiles.schema import profile_json_schema

router = APIRouter(prefix="/api/v1/schemas", tags=["schemas"])


@router.get("/profile", summary="JSON Schema of the algorithm profile")
def profile_schema() -> dict[str, Any]:
    return profile_json_schema()
