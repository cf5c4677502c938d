"""The database tables (SQLAlchemy 2 typed declarative mapping).

Every table here has a hand-written Alembic migration in ``migrations/versions``; a test
compares the migrated schema with this module on both backends, so the two cannot drift.

Constraint names come from the naming convention on the metadata, which makes the
migrations deterministic on SQLite and PostgreSQL alike. Timestamps are timezone-aware
UTC on the way in and on the way out, also on SQLite (which stores them as UTC text).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CHAR,
    JSON,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PROFILE_ID_LENGTH = 80
NAME_LENGTH = 200
AUTHOR_LENGTH = 200
ENGINE_VERSION_LENGTH = 40
SHA256_HEX_LENGTH = 64

#: JSON documents: ``jsonb`` on PostgreSQL, JSON text on SQLite.
JsonDocument = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend.

    Naive datetimes are refused on the way in (their zone is unknown); values read back
    always carry ``tzinfo=UTC``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime given; store timezone-aware datetimes only")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UtcDateTime(),
        dict[str, Any]: JsonDocument,
    }


class ProfileRow(Base):
    """One algorithm profile; its content lives in ``profile_versions``."""

    __tablename__ = "profiles"
    __table_args__ = (CheckConstraint("latest_version >= 0", name="latest_version_not_negative"),)

    id: Mapped[str] = mapped_column(String(PROFILE_ID_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    latest_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProfileVersionRow(Base):
    """An immutable version of a profile document."""

    __tablename__ = "profile_versions"
    __table_args__ = (
        UniqueConstraint("profile_id", "version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="RESTRICT")
    )
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]]
    content_sha256: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    author: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AssessmentRow(Base):
    """The result of assessing one profile version with one version of the engine."""

    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("profile_version_id", "engine_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_version_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("profile_versions.id", ondelete="CASCADE")
    )
    engine_version: Mapped[str] = mapped_column(String(ENGINE_VERSION_LENGTH))
    result: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


metadata = Base.metadata

__all__ = [
    "NAMING_CONVENTION",
    "AssessmentRow",
    "Base",
    "JsonDocument",
    "ProfileRow",
    "ProfileVersionRow",
    "UtcDateTime",
    "metadata",
    "utcnow",
]
