"""Repositories: the queries behind the domain services.

A repository works inside the caller's session and transaction; it flushes but never
commits, so a service decides where a unit of work begins and ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Insert, Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from sluis.store.db import UnsupportedDatabase
from sluis.store.tables import AssessmentRow, ProfileRow, ProfileVersionRow, utcnow

_UNIQUE_VIOLATION_SQLSTATE = "23505"


class VersionConflict(RuntimeError):
    """Another writer created the same version of a profile at the same time.

    Raised only after a retry has failed too; the transaction should be retried as a
    whole (or reported), nothing of it was kept.
    """

    def __init__(self, profile_id: str, version: int) -> None:
        self.profile_id = profile_id
        self.version = version
        super().__init__(
            f"version {version} of profile {profile_id!r} was created concurrently "
            "by another writer; the save was not stored, try again"
        )


class ProfileRepository:
    """Profiles, their immutable versions and the assessments of those versions."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- writing -------------------------------------------------------------------------

    def lock_profile(self, profile_id: str, name: str) -> ProfileRow:
        """Create the profile row when missing and hold a write lock on it.

        Call this first in a transaction that writes versions: on PostgreSQL it locks the
        row (``INSERT .. ON CONFLICT DO UPDATE`` and ``SELECT .. FOR UPDATE``), so other
        writers of the same profile wait until this transaction ends; on SQLite, being
        the transaction's first write, it takes the database write lock (waiting for the
        busy timeout when another writer has it), which serialises writers just as well.
        A new row starts at ``latest_version`` 0 and only becomes visible together with
        its first version.
        """
        now = utcnow()
        insert = _insert_for(self.session)
        statement = insert(ProfileRow).values(
            id=profile_id, name=name, latest_version=0, created_at=now, updated_at=now
        )
        statement = statement.on_conflict_do_update(  # type: ignore[attr-defined]
            index_elements=[ProfileRow.id],
            set_={"latest_version": ProfileRow.latest_version},  # a no-op that takes the lock
        )
        self.session.execute(statement)
        return self.session.execute(
            select(ProfileRow)
            .where(ProfileRow.id == profile_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).scalar_one()

    def add_version(
        self,
        profile_id: str,
        name: str,
        document: dict[str, Any],
        sha: str,
        author: str | None,
    ) -> ProfileVersionRow:
        """Store ``document`` as the next version of the profile and return it.

        The version number is one more than the highest stored. Should the insert still
        collide with a concurrent writer (a UNIQUE violation), it is retried once inside
        a savepoint with a freshly read number; a second collision raises
        :class:`VersionConflict`.
        """
        profile = self.lock_profile(profile_id, name)
        row: ProfileVersionRow | None = None
        for attempt in (1, 2):
            number = self._next_version(profile_id)
            row = ProfileVersionRow(
                profile_id=profile_id,
                version=number,
                document=document,
                content_sha256=sha,
                author=author,
                created_at=utcnow(),
            )
            try:
                with self.session.begin_nested():
                    self.session.add(row)
                    self.session.flush()
            except IntegrityError as exc:
                if not _is_unique_violation(exc):
                    raise
                if attempt == 2:
                    raise VersionConflict(profile_id, number) from exc
                continue
            break
        assert row is not None
        profile.name = name
        profile.latest_version = row.version
        profile.updated_at = row.created_at
        self.session.flush()
        return row

    def save_assessment(
        self, profile_version_id: int, engine_version: str, result: dict[str, Any]
    ) -> AssessmentRow:
        """Store the result of assessing a profile version with an engine version.

        There is one result per (profile version, engine version); saving again replaces
        it, and its ``created_at`` moves to now.
        """
        now = utcnow()
        insert = _insert_for(self.session)
        statement = insert(AssessmentRow).values(
            profile_version_id=profile_version_id,
            engine_version=engine_version,
            result=result,
            created_at=now,
        )
        statement = statement.on_conflict_do_update(  # type: ignore[attr-defined]
            index_elements=[AssessmentRow.profile_version_id, AssessmentRow.engine_version],
            set_={"result": statement.excluded.result, "created_at": now},  # type: ignore[attr-defined]
        )
        self.session.execute(statement)
        return self.session.execute(
            select(AssessmentRow)
            .where(
                AssessmentRow.profile_version_id == profile_version_id,
                AssessmentRow.engine_version == engine_version,
            )
            .execution_options(populate_existing=True)
        ).scalar_one()

    # -- reading -------------------------------------------------------------------------

    def get_profile(self, profile_id: str) -> ProfileRow | None:
        """The profile row, or ``None`` when no version of it was ever stored."""
        return self.session.execute(
            select(ProfileRow).where(ProfileRow.id == profile_id, ProfileRow.latest_version > 0)
        ).scalar_one_or_none()

    def latest(self, profile_id: str) -> ProfileVersionRow | None:
        """The newest version of the profile, or ``None`` when there is none."""
        return self.session.execute(
            select(ProfileVersionRow)
            .where(ProfileVersionRow.profile_id == profile_id)
            .order_by(ProfileVersionRow.version.desc())
            .limit(1)
        ).scalar_one_or_none()

    def get_version(self, profile_id: str, version: int) -> ProfileVersionRow | None:
        return self.session.execute(
            select(ProfileVersionRow).where(
                ProfileVersionRow.profile_id == profile_id, ProfileVersionRow.version == version
            )
        ).scalar_one_or_none()

    def list_profiles(self) -> list[ProfileRow]:
        """All profiles with at least one version, ordered by id."""
        return list(
            self.session.scalars(
                select(ProfileRow).where(ProfileRow.latest_version > 0).order_by(ProfileRow.id)
            )
        )

    def list_versions(self, profile_id: str) -> list[ProfileVersionRow]:
        """The versions of a profile, oldest first, without their documents.

        The ``document`` attribute is not loaded; touching it raises.
        """
        return list(
            self.session.scalars(
                select(ProfileVersionRow)
                .where(ProfileVersionRow.profile_id == profile_id)
                .order_by(ProfileVersionRow.version)
                .options(defer(ProfileVersionRow.document, raiseload=True))
            )
        )

    def latest_assessment(
        self, profile_id: str, version: int, engine_version: str | None = None
    ) -> AssessmentRow | None:
        """The most recently saved assessment of a profile version, or ``None``.

        With ``engine_version``, only results of that engine version count.
        """
        statement: Select[tuple[AssessmentRow]] = (
            select(AssessmentRow)
            .join(ProfileVersionRow, AssessmentRow.profile_version_id == ProfileVersionRow.id)
            .where(ProfileVersionRow.profile_id == profile_id, ProfileVersionRow.version == version)
            .order_by(AssessmentRow.created_at.desc(), AssessmentRow.id.desc())
            .limit(1)
        )
        if engine_version is not None:
            statement = statement.where(AssessmentRow.engine_version == engine_version)
        return self.session.execute(statement).scalar_one_or_none()

    # -- helpers -------------------------------------------------------------------------

    def _next_version(self, profile_id: str) -> int:
        highest = self.session.execute(
            select(func.max(ProfileVersionRow.version)).where(
                ProfileVersionRow.profile_id == profile_id
            )
        ).scalar_one()
        return (highest or 0) + 1


def _insert_for(session: Session) -> Callable[..., Insert]:
    """The dialect's INSERT construct, which knows ``ON CONFLICT``."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    raise UnsupportedDatabase(f"unsupported database backend {name!r}")


def _is_unique_violation(exc: IntegrityError) -> bool:
    original = exc.orig
    if getattr(original, "sqlstate", None) == _UNIQUE_VIOLATION_SQLSTATE:
        return True
    if getattr(original, "sqlite_errorname", None) in {
        "SQLITE_CONSTRAINT_UNIQUE",
        "SQLITE_CONSTRAINT_PRIMARYKEY",
    }:
        return True
    return "UNIQUE constraint failed" in str(original)


__all__ = ["ProfileRepository", "VersionConflict"]
