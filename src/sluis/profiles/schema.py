"""The published JSON Schema of the algorithm profile (``sluis schema profile``)."""

from __future__ import annotations

from typing import Any

from sluis.profiles.model import PROFILE_FORMAT, AlgorithmProfile

SCHEMA_ID = "https://sluis.example/schemas/profile-1.schema.json"


def profile_json_schema() -> dict[str, Any]:
    schema = AlgorithmProfile.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": f"Sluis algorithm profile ({PROFILE_FORMAT})",
    }
