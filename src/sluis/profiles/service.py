"""Storing and retrieving versioned algorithm profiles.

The use-cases behind the web pages, the JSON API and the CLI. Each function takes a
session factory (the storage interface), runs in exactly one transaction — nothing is
half written when it fails — and returns plain frozen values, never ORM objects.

Versions are immutable. Saving a profile creates a new version only when its content
differs from the newest version; the comparison uses a hash of the canonical JSON form
(keys sorted, no whitespace) of ``profile.model_dump(mode="json", exclude_none=True)``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import validate_profile
from sluis.store.repositories import ProfileRepository, VersionConflict
from sluis.store.tables import AUTHOR_LENGTH, ENGINE_VERSION_LENGTH, ProfileRow, ProfileVersionRow

Sessions = sessionmaker[Session]


class ProfileNotFound(LookupError):
    """No profile with this id, or (when ``version`` is given) no such version of it."""

    def __init__(self, profile_id: str, version: int | None = None) -> None:
        self.profile_id = profile_id
        self.version = version
        if version is None:
            message = f"no profile {profile_id!r}"
        else:
            message = f"profile {profile_id!r} has no version {version}"
        super().__init__(message)


@dataclass(frozen=True)
class StoredProfile:
    """One stored version of a profile."""

    profile_id: str
    name: str
    version: int
    created_at: datetime
    author: str | None
    content_sha256: str
    created: bool
    """Whether this call stored a new version (``False`` for an unchanged re-save or a read)."""
    profile: AlgorithmProfile


@dataclass(frozen=True)
class ProfileSummary:
    profile_id: str
    name: str
    latest_version: int
    updated_at: datetime

    @property
    def id(self) -> str:
        return self.profile_id


@dataclass(frozen=True)
class VersionSummary:
    profile_id: str
    version: int
    created_at: datetime
    author: str | None
    content_sha256: str


def profile_document(profile: AlgorithmProfile) -> dict[str, Any]:
    """The document stored for a profile: its JSON form without unset (``None``) facts."""
    return profile.model_dump(mode="json", exclude_none=True)


def content_sha256(document: dict[str, Any]) -> str:
    """The hash of a document's canonical JSON form (sorted keys, no whitespace)."""
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


# Computes the record to keep with a version: (engine version, JSON-ready result).
Assessor = Callable[[AlgorithmProfile, int], tuple[str, dict[str, Any]]]


def register_profile(
    sessions: Sessions,
    profile: AlgorithmProfile,
    author: str | None = None,
    assessor: Assessor | None = None,
) -> StoredProfile:
    """Save a profile; a new version is created only when its content changed.

    The profile is validated again first (also the rules across fields), so an
    ``AlgorithmProfile`` built without :func:`validate_profile` cannot slip in; that
    raises :class:`~sluis.profiles.validation.ProfileInvalid` before anything is written
    (and ``ValueError`` for an ``author`` longer than 200 characters).
    Writers of the same profile are serialised, so concurrent saves get distinct,
    consecutive versions. Raises :class:`~sluis.store.repositories.VersionConflict` in the
    unlikely case that a concurrent writer still collided after a retry.
    With ``assessor``, the assessment of the stored version is recorded in the same
    transaction, so a version never exists without the assessment made when it was saved.
    """
    _check_length("author", author, AUTHOR_LENGTH)
    document = profile_document(profile)
    validated = validate_profile(document)
    sha = content_sha256(document)
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        repository.lock_profile(validated.id, validated.name)
        latest = repository.latest(validated.id)
        if latest is not None and latest.content_sha256 == sha:
            row, created = latest, False
        else:
            row = repository.add_version(validated.id, validated.name, document, sha, author)
            created = True
        if assessor is not None:
            engine_version, result = assessor(validated, row.version)
            _check_length("engine_version", engine_version, ENGINE_VERSION_LENGTH)
            repository.save_assessment(row.id, engine_version, result)
        return _stored(row, created=created, profile=validated)


def get_profile(sessions: Sessions, profile_id: str, version: int | None = None) -> StoredProfile:
    """The newest version of a profile, or the given version; raises :class:`ProfileNotFound`."""
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        if version is None:
            row = repository.latest(profile_id)
        else:
            row = repository.get_version(profile_id, version)
        if row is None:
            raise ProfileNotFound(profile_id, version)
        return _stored(row, created=False)


def list_profiles(sessions: Sessions) -> list[ProfileSummary]:
    """Every stored profile, ordered by id."""
    with sessions.begin() as session:
        return [_summary(row) for row in ProfileRepository(session).list_profiles()]


def list_versions(sessions: Sessions, profile_id: str) -> list[VersionSummary]:
    """The versions of a profile, oldest first; raises :class:`ProfileNotFound`."""
    with sessions.begin() as session:
        rows = ProfileRepository(session).list_versions(profile_id)
        if not rows:
            raise ProfileNotFound(profile_id)
        return [
            VersionSummary(
                profile_id=row.profile_id,
                version=row.version,
                created_at=row.created_at,
                author=row.author,
                content_sha256=row.content_sha256,
            )
            for row in rows
        ]


def record_assessment(
    sessions: Sessions,
    profile_id: str,
    version: int,
    engine_version: str,
    result: dict[str, Any],
) -> None:
    """Store the assessment of a profile version (JSON-ready ``result``).

    One result is kept per (profile version, engine version); recording again replaces it.
    Raises :class:`ProfileNotFound` for an unknown profile or version.
    """
    _check_length("engine_version", engine_version, ENGINE_VERSION_LENGTH)
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        row = repository.get_version(profile_id, version)
        if row is None:
            raise ProfileNotFound(profile_id, version)
        repository.save_assessment(row.id, engine_version, result)


def latest_assessment(
    sessions: Sessions,
    profile_id: str,
    version: int,
    *,
    engine_version: str | None = None,
) -> dict[str, Any] | None:
    """The most recently recorded result for a profile version, or ``None``.

    With ``engine_version``, only a result of that engine version counts (use it to tell
    whether a stored assessment is still current). Raises :class:`ProfileNotFound` for an
    unknown profile or version.
    """
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        if repository.get_version(profile_id, version) is None:
            raise ProfileNotFound(profile_id, version)
        row = repository.latest_assessment(profile_id, version, engine_version)
        return None if row is None else dict(row.result)


def _check_length(what: str, value: str | None, limit: int) -> None:
    # The same limit on every backend: SQLite would store longer text, PostgreSQL not.
    if value is not None and len(value) > limit:
        raise ValueError(f"{what} is longer than {limit} characters")


def _stored(
    row: ProfileVersionRow, *, created: bool, profile: AlgorithmProfile | None = None
) -> StoredProfile:
    if profile is None:
        profile = validate_profile(row.document)
    return StoredProfile(
        profile_id=row.profile_id,
        name=profile.name,
        version=row.version,
        created_at=row.created_at,
        author=row.author,
        content_sha256=row.content_sha256,
        created=created,
        profile=profile,
    )


def _summary(row: ProfileRow) -> ProfileSummary:
    return ProfileSummary(
        profile_id=row.id,
        name=row.name,
        latest_version=row.latest_version,
        updated_at=row.updated_at,
    )


__all__ = [
    "ProfileNotFound",
    "ProfileSummary",
    "StoredProfile",
    "VersionConflict",
    "VersionSummary",
    "content_sha256",
    "get_profile",
    "latest_assessment",
    "list_profiles",
    "list_versions",
    "profile_document",
    "register_profile",
]
