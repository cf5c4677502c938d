"""Storing DPIA documents: open, edit, advise, sign, adopt — every change a new version.

The use-cases behind the web pages, the JSON API and the CLI. Each function takes a
session factory (the storage interface), runs in one transaction and returns plain frozen
values. Rows in ``dpia_versions`` are never updated: a saved draft, the DPO's advice, a
signature and the adoption each append a version, so an adopted version stays exactly as
it was signed. Writers of one profile's DPIA are serialised (SQLite: ``BEGIN IMMEDIATE``;
PostgreSQL: a row lock on the profile).

Pass ``base_version`` (the version the user was looking at) to refuse a change when
someone else saved in between, instead of silently overwriting their work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored
from sluis.dpia_document import lifecycle
from sluis.dpia_document.model import DpiaDocument, DpiaState, DpoAdvice, Signature
from sluis.dpia_document.prefill import DpiaNotNeeded, prefill
from sluis.dpia_document.validation import DpiaInvalid
from sluis.profiles.service import ProfileNotFound
from sluis.profiles.validation import FieldError
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables import AUTHOR_LENGTH, ProfileRow, utcnow
from sluis.store.tables.dpia import DpiaDocumentRow, DpiaVersionRow

Sessions = sessionmaker[Session]
Change = Callable[[DpiaDocument, int], DpiaDocument]


class DpiaNotFound(ProfileNotFound):
    """The profile has no DPIA yet, or (with ``version``) no such version of it.

    A part of the profile that is missing, so the adapters answer it as they answer a
    missing profile (HTTP 404).
    """

    def __init__(self, profile_id: str, version: int | None = None) -> None:
        self.profile_id = profile_id
        self.version = version
        where = "" if version is None else f" version {version}"
        LookupError.__init__(self, f"profile {profile_id!r} has no DPIA{where}")


class DpiaConflict(RuntimeError):
    """The DPIA changed since the version the user worked on; nothing was stored."""

    def __init__(self, profile_id: str, base_version: int, current_version: int) -> None:
        self.base_version = base_version
        self.current_version = current_version
        super().__init__(
            f"the DPIA of {profile_id!r} changed since version {base_version} (now version "
            f"{current_version}); reload it and make the change again"
        )


@dataclass(frozen=True)
class StoredDpia:
    """One stored version of a profile's DPIA."""

    profile_id: str
    version: int
    profile_version: int
    state: DpiaState
    created_at: datetime
    created_by: str | None
    adopted_at: datetime | None
    document: DpiaDocument
    created: bool
    """Whether this call stored a new version."""


@dataclass(frozen=True)
class DpiaVersionSummary:
    version: int
    state: DpiaState
    profile_version: int
    created_at: datetime
    created_by: str | None
    adopted_at: datetime | None


def open_dpia(
    sessions: Sessions, profile_id: str, by: str | None = None, language: str = "nl"
) -> StoredDpia:
    """The profile's DPIA; opened now, prefilled from its newest version, if there is none.

    A new DPIA is opened only when the current assessment says one is required or
    recommended; otherwise raises :class:`DpiaNotNeeded` with the assessment's reasons.
    Raises :class:`ProfileNotFound` for an unknown profile.
    """
    _check_author(by)
    stored, assessment = assess_stored(sessions, profile_id)
    with sessions.begin() as session:
        _lock(session, profile_id)
        existing = _document_row(session, profile_id)
        if existing is not None:
            return _stored(profile_id, _version_row(session, existing), created=False)
        document = prefill(stored.profile, assessment, language)
        row = DpiaDocumentRow(profile_id=profile_id, current_version=1, created_at=utcnow())
        session.add(row)
        session.flush()
        version = _insert(session, row, 1, document, by)
        return _stored(profile_id, version, created=True)


def get_dpia(sessions: Sessions, profile_id: str, version: int | None = None) -> StoredDpia:
    """The newest version of the profile's DPIA, or the given one; raises
    :class:`DpiaNotFound`."""
    with sessions.begin() as session:
        row = _document_row(session, profile_id)
        if row is None:
            raise DpiaNotFound(profile_id)
        found = _version_row(session, row, version)
        if found is None:
            raise DpiaNotFound(profile_id, version)
        return _stored(profile_id, found, created=False)


def has_dpia(sessions: Sessions, profile_id: str) -> bool:
    with sessions.begin() as session:
        return _document_row(session, profile_id) is not None


def list_versions(sessions: Sessions, profile_id: str) -> list[DpiaVersionSummary]:
    """Every version of the profile's DPIA, oldest first; raises :class:`DpiaNotFound`."""
    with sessions.begin() as session:
        row = _document_row(session, profile_id)
        if row is None:
            raise DpiaNotFound(profile_id)
        rows = session.scalars(
            select(DpiaVersionRow)
            .where(DpiaVersionRow.document_id == row.id)
            .order_by(DpiaVersionRow.version)
        ).all()
        return [
            DpiaVersionSummary(
                version=r.version,
                state=DpiaState(r.state),
                profile_version=r.profile_version,
                created_at=r.created_at,
                created_by=r.created_by,
                adopted_at=r.adopted_at,
            )
            for r in rows
        ]


def save_draft(
    sessions: Sessions,
    profile_id: str,
    document: DpiaDocument,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredDpia:
    """Save the sections, risks and measures of ``document`` as a new version.

    Only the content is taken from ``document``; state, advice and signatures stay as
    stored. Saving unchanged content stores nothing. Editing an adopted DPIA starts a new
    draft version and leaves the adopted one as it was.
    """
    if document.profile_id != profile_id:
        raise DpiaInvalid(
            [FieldError("profile_id", "mismatch", "the document belongs to another profile")]
        )

    def change(current: DpiaDocument, _: int) -> DpiaDocument:
        if current.state is DpiaState.adopted:
            if document.content() == current.content():
                return current
            current = lifecycle.start_revision(current)
        return lifecycle.apply_edit(current, document)

    return _change(sessions, profile_id, change, by, base_version)


def mark_ready_for_advice(
    sessions: Sessions, profile_id: str, by: str | None = None, base_version: int | None = None
) -> StoredDpia:
    return _change(
        sessions, profile_id, lambda d, _: lifecycle.mark_ready_for_advice(d), by, base_version
    )


def record_advice(
    sessions: Sessions,
    profile_id: str,
    advice: DpoAdvice,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredDpia:
    """Record the DPO's advice (art. 35(2)) on the current version."""
    return _change(
        sessions,
        profile_id,
        lambda current, version: lifecycle.record_advice(current, advice, version),
        by,
        base_version,
    )


def sign(
    sessions: Sessions,
    profile_id: str,
    signature: Signature,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredDpia:
    return _change(
        sessions, profile_id, lambda d, _: lifecycle.sign(d, signature), by, base_version
    )


def adopt(
    sessions: Sessions, profile_id: str, by: str | None = None, base_version: int | None = None
) -> StoredDpia:
    """Adopt the current version; raises :class:`~lifecycle.LifecycleRefused` listing every
    missing item."""
    return _change(sessions, profile_id, lambda d, _: lifecycle.adopt(d), by, base_version)


# --- Internals ---


def _change(
    sessions: Sessions,
    profile_id: str,
    change: Change,
    by: str | None,
    base_version: int | None,
) -> StoredDpia:
    """Apply ``change`` to the newest version (given with its number) and store the
    result as the next version; nothing is stored when it returns the document unchanged."""
    _check_author(by)
    with sessions.begin() as session:
        _lock(session, profile_id)
        row = _document_row(session, profile_id)
        if row is None:
            raise DpiaNotFound(profile_id)
        latest = _version_row(session, row)
        assert latest is not None
        if base_version is not None and base_version != latest.version:
            raise DpiaConflict(profile_id, base_version, latest.version)
        current = DpiaDocument.model_validate(latest.content)
        updated = change(current, latest.version)
        if updated == current:
            return _stored(profile_id, latest, created=False)
        version = _insert(session, row, latest.version + 1, updated, by)
        row.current_version = version.version
        return _stored(profile_id, version, created=True)


def _lock(session: Session, profile_id: str) -> None:
    # SQLite: take the write lock up front; PostgreSQL: lock the profile's row, so two
    # writers of the same DPIA wait for each other instead of both appending version N+1.
    session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
    found = session.scalar(
        select(ProfileRow.id).where(ProfileRow.id == profile_id).with_for_update()
    )
    if found is None:
        raise ProfileNotFound(profile_id)


def _document_row(session: Session, profile_id: str) -> DpiaDocumentRow | None:
    return session.scalar(select(DpiaDocumentRow).where(DpiaDocumentRow.profile_id == profile_id))


def _version_row(
    session: Session, row: DpiaDocumentRow, version: int | None = None
) -> DpiaVersionRow | None:
    return session.scalar(
        select(DpiaVersionRow).where(
            DpiaVersionRow.document_id == row.id,
            DpiaVersionRow.version == (row.current_version if version is None else version),
        )
    )


def _insert(
    session: Session, row: DpiaDocumentRow, number: int, document: DpiaDocument, by: str | None
) -> DpiaVersionRow:
    now = utcnow()
    version = DpiaVersionRow(
        document_id=row.id,
        version=number,
        profile_version=document.profile_version,
        state=document.state.value,
        content=document.model_dump(mode="json"),
        created_at=now,
        created_by=by,
        adopted_at=now if document.state is DpiaState.adopted else None,
    )
    session.add(version)
    session.flush()
    return version


def _stored(profile_id: str, row: DpiaVersionRow, *, created: bool) -> StoredDpia:
    return StoredDpia(
        profile_id=profile_id,
        version=row.version,
        profile_version=row.profile_version,
        state=DpiaState(row.state),
        created_at=row.created_at,
        created_by=row.created_by,
        adopted_at=row.adopted_at,
        document=DpiaDocument.model_validate(row.content),
        created=created,
    )


def _check_author(by: str | None) -> None:
    # The same limit on every backend: SQLite would store longer text, PostgreSQL not.
    if by is not None and len(by) > AUTHOR_LENGTH:
        raise ValueError(f"by is longer than {AUTHOR_LENGTH} characters")


__all__ = [
    "DpiaConflict",
    "DpiaNotFound",
    "DpiaNotNeeded",
    "DpiaVersionSummary",
    "StoredDpia",
    "adopt",
    "get_dpia",
    "has_dpia",
    "list_versions",
    "mark_ready_for_advice",
    "open_dpia",
    "record_advice",
    "save_draft",
    "sign",
]
