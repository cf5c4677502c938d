"""Use-cases around assessments: register a profile and assess it, assess a stored version.

The engine itself is pure (``sluis.law.assess``); this module adds storage, so the web
pages, the JSON API and the CLI share one behaviour.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sluis.law.assess import ENGINE_VERSION, assess
from sluis.law.results import Assessment
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.service import StoredProfile, get_profile, register_profile


def register_and_assess(
    sessions: sessionmaker[Session], profile: AlgorithmProfile, author: str | None = None
) -> tuple[StoredProfile, Assessment]:
    """Store the profile (a new version only if it changed) and record its assessment, in
    one transaction."""
    assessments: list[Assessment] = []

    def assess_version(validated: AlgorithmProfile, version: int) -> tuple[str, dict[str, Any]]:
        assessments.append(assess(validated, version=version))
        return ENGINE_VERSION, assessments[-1].to_json_dict()

    stored = register_profile(sessions, profile, author=author, assessor=assess_version)
    return stored, assessments[-1]


def assess_stored(
    sessions: sessionmaker[Session], profile_id: str, version: int | None = None
) -> tuple[StoredProfile, Assessment]:
    """Assess a stored profile version with the current engine.

    Re-running the pure engine is cheap and always reflects the current rules; the
    recorded result documents what an earlier engine concluded.
    """
    stored = get_profile(sessions, profile_id, version)
    return stored, assess(stored.profile, version=stored.version)
