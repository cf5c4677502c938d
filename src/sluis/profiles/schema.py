"""The published JSON Schema of the algorithm profile (``sluis schema profile``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sluis.profiles.model import PROFILE_FORMAT, AlgorithmProfile

SCHEMA_ID = "https://sluis.example/schemas/profile-1.schema.json"


SKELETON = Path(__file__).with_name("skeleton.yaml")


def profile_skeleton() -> str:
    """A commented starting point for a new profile; it validates as it is."""
    return SKELETON.read_text(encoding="utf-8")


def profile_json_schema() -> dict[str, Any]:
    schema = AlgorithmProfile.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": f"Sluis algorithm profile ({PROFILE_FORMAT})",
    }
