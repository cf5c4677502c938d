"""Tables of algorithm profiles, their versions and their recorded assessments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CHAR, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import (
    AUTHOR_LENGTH,
    ENGINE_VERSION_LENGTH,
    NAME_LENGTH,
    PROFILE_ID_LENGTH,
    SHA256_HEX_LENGTH,
    Base,
    utcnow,
)


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
