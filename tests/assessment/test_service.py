"""Registering a profile records its assessment with it, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored, register_and_assess
from sluis.law.assess import ENGINE_VERSION
from sluis.profiles.service import (
    ProfileNotFound,
    get_profile,
    latest_assessment,
    register_profile,
)
from sluis.profiles.validation import parse_profile_text

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "speeding-fine.yaml"


def test_the_assessment_is_recorded_with_the_version(sessions: sessionmaker[Session]) -> None:
    stored, assessment = register_and_assess(sessions, parse_profile_text(EXAMPLE.read_text()))
    recorded = latest_assessment(sessions, stored.profile_id, stored.version)
    assert recorded == assessment.to_json_dict()
    assert recorded["art22"]["exception"] == "law"
    latest = latest_assessment(
        sessions, stored.profile_id, stored.version, engine_version=ENGINE_VERSION
    )
    assert latest is not None


def test_a_failing_assessment_stores_no_version(sessions: sessionmaker[Session]) -> None:
    def broken(*_: object) -> tuple[str, dict]:
        raise RuntimeError("assessment failed")

    with pytest.raises(RuntimeError):
        register_profile(sessions, parse_profile_text(EXAMPLE.read_text()), assessor=broken)
    with pytest.raises(ProfileNotFound):
        get_profile(sessions, "speeding-fine")


def test_a_stored_version_is_assessed_with_the_current_engine(
    sessions: sessionmaker[Session],
) -> None:
    register_and_assess(sessions, parse_profile_text(EXAMPLE.read_text()))
    stored, assessment = assess_stored(sessions, "speeding-fine", 1)
    assert stored.version == 1
    assert assessment.profile.version == 1
    assert assessment.engine_version == ENGINE_VERSION
