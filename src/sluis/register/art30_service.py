"""Use-cases for the art. 30 record: build it from the stored profiles or from a file.

The web pages, the JSON API and the CLI call these, so they all show the same record. The
automated-decision column comes from running the (pure, current) assessment engine on
each profile version, as :func:`sluis.assessment.service.assess_stored` does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from sluis.law.assess import assess
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.service import StoredProfile, get_profile, list_profiles
from sluis.profiles.validation import parse_profile_text
from sluis.register.art30 import (
    Art30Entry,
    OrganisationRecord,
    build_entry,
    controller_key,
    group_by_controller,
)

Sessions = sessionmaker[Session]


def organisation_record(
    sessions: Sessions, controller: str | None = None
) -> list[OrganisationRecord]:
    """The record of every controller: each registered algorithm's latest version, grouped
    by controller name. With ``controller``, only that controller's record (compared
    without case and extra spaces); an empty list when it has none."""
    wanted = None if controller is None else controller_key(controller)
    entries = []
    for summary in list_profiles(sessions):
        stored = get_profile(sessions, summary.profile_id)
        if wanted is None or controller_key(stored.profile.controller.name) == wanted:
            entries.append(_entry(stored))
    return group_by_controller(entries, _now())


def algorithm_record(
    sessions: Sessions, profile_id: str, version: int | None = None
) -> OrganisationRecord:
    """The record of one algorithm (its latest version, or ``version``): a record with one
    entry. Raises :class:`~sluis.profiles.service.ProfileNotFound`."""
    return _single(_entry(get_profile(sessions, profile_id, version)))


def record_from_profile(
    profile: AlgorithmProfile | Path, version: int | None = None
) -> OrganisationRecord:
    """The record of a profile that need not be registered, e.g. a file on disk.

    A path is read as YAML or JSON and validated; an invalid file raises
    :class:`~sluis.profiles.validation.ProfileInvalid` naming every error."""
    if isinstance(profile, Path):
        profile = parse_profile_text(profile.read_text(encoding="utf-8"))
    entry = build_entry(profile, version, assessment=assess(profile, version=version))
    return _single(entry)


def _entry(stored: StoredProfile) -> Art30Entry:
    return build_entry(
        stored.profile,
        stored.version,
        assessment=assess(stored.profile, version=stored.version),
        saved_at=stored.created_at,
    )


def _single(entry: Art30Entry) -> OrganisationRecord:
    return OrganisationRecord(
        controller=entry.controller.name, entries=(entry,), generated_at=_now()
    )


def _now() -> datetime:
    # Seconds are enough for a document's date and keep the exports tidy.
    return datetime.now(UTC).replace(microsecond=0)
