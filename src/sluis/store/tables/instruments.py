"""Tables of the government's questionnaires: definitions, instances and their versions.

A definition is kept per URN and version, side by side with other versions; its content
never changes once imported (``content_sha256`` guards that). An instance is one
algorithm's filled-in copy of one definition version; every save appends a row to
``instrument_versions``, so who answered what and when stays readable.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import (
    AUTHOR_LENGTH,
    NAME_LENGTH,
    PROFILE_ID_LENGTH,
    SHA256_HEX_LENGTH,
    Base,
    utcnow,
)

INSTRUMENT_STATES = ("draft", "signed", "adopted")
URN_LENGTH = 100
DEFINITION_VERSION_LENGTH = 20
SOURCE_LENGTH = 500
STATE_LENGTH = 20


class InstrumentDefinitionRow(Base):
    """One version of one questionnaire definition (``document`` is the raw YAML as JSON)."""

    __tablename__ = "instrument_definitions"
    __table_args__ = (UniqueConstraint("urn", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    urn: Mapped[str] = mapped_column(String(URN_LENGTH))
    version: Mapped[str] = mapped_column(String(DEFINITION_VERSION_LENGTH))
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    content_sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH))
    document: Mapped[dict[str, Any]]
    source: Mapped[str | None] = mapped_column(String(SOURCE_LENGTH))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))


class InstrumentInstanceRow(Base):
    """One algorithm's copy of one definition version; its answers live in versions."""

    __tablename__ = "instrument_instances"
    __table_args__ = (
        UniqueConstraint("profile_id", "definition_id"),
        CheckConstraint("current_version >= 1", name="current_version_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="RESTRICT")
    )
    definition_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("instrument_definitions.id", ondelete="RESTRICT")
    )
    current_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class InstrumentVersionRow(Base):
    """One immutable version of an instance: answers, their provenance, the completed
    tasks and the signatures (``content``)."""

    __tablename__ = "instrument_versions"
    __table_args__ = (
        UniqueConstraint("instance_id", "version"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint(
            "state IN (" + ", ".join(f"'{s}'" for s in INSTRUMENT_STATES) + ")",
            name="state_known",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    instance_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("instrument_instances.id", ondelete="CASCADE")
    )
    version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(STATE_LENGTH))
    content: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
