"""Tables of the imported Algoritmekader and of each profile's progress on its measures.

Items are keyed by their URN, which the Algoritmekader keeps stable across releases, so
statuses and evidence (keyed by profile and measure URN) survive a re-import of a newer
version. An item that disappears from a later import is flagged ``removed``, never
deleted, so the statuses that point at it stay readable.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CHAR,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import (
    AUTHOR_LENGTH,
    PROFILE_ID_LENGTH,
    SHA256_HEX_LENGTH,
    Base,
    JsonDocument,
    utcnow,
)

URN_LENGTH = 120
CODE_LENGTH = 40
PATH_LENGTH = 500
FILENAME_LENGTH = 255
MEDIA_TYPE_LENGTH = 255
SOURCE_LENGTH = 500

ITEM_KINDS = ("requirement", "measure")
CHANGE_KINDS = ("added", "changed", "removed")
MEASURE_STATUSES = ("todo", "in_progress", "done", "not_applicable")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class KaderImportRow(Base):
    """One import of an Algoritmekader folder, with what it changed."""

    __tablename__ = "kader_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str] = mapped_column(String(SOURCE_LENGTH))
    added: Mapped[int] = mapped_column(Integer)
    changed: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)
    removed: Mapped[int] = mapped_column(Integer)
    problems: Mapped[list[Any]] = mapped_column(JsonDocument)


class KaderItemRow(Base):
    """The current content of one requirement or measure."""

    __tablename__ = "kader_items"
    __table_args__ = (CheckConstraint(_one_of("kind", ITEM_KINDS), name="kind_known"),)

    urn: Mapped[str] = mapped_column(String(URN_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    facets: Mapped[dict[str, Any]]
    requirement_codes: Mapped[list[Any]] = mapped_column(JsonDocument)
    body_sha256: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    source_path: Mapped[str] = mapped_column(String(PATH_LENGTH))
    first_import_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("kader_imports.id", ondelete="RESTRICT")
    )
    last_import_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("kader_imports.id", ondelete="RESTRICT")
    )
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class KaderItemChangeRow(Base):
    """What one import changed about one item."""

    __tablename__ = "kader_item_changes"
    __table_args__ = (
        UniqueConstraint("import_id", "urn"),
        CheckConstraint(_one_of("change", CHANGE_KINDS), name="change_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    import_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("kader_imports.id", ondelete="CASCADE")
    )
    urn: Mapped[str] = mapped_column(
        String(URN_LENGTH), ForeignKey("kader_items.urn", ondelete="RESTRICT")
    )
    change: Mapped[str] = mapped_column(String(20))
    before_sha256: Mapped[str | None] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    after_sha256: Mapped[str | None] = mapped_column(CHAR(SHA256_HEX_LENGTH))


class MeasureStatusRow(Base):
    """A profile's progress on one measure, keyed by the measure's URN."""

    __tablename__ = "measure_statuses"
    __table_args__ = (
        UniqueConstraint("profile_id", "measure_urn"),
        CheckConstraint(_one_of("status", MEASURE_STATUSES), name="status_known"),
        # Also enforced (with a clear message) by the service; this is the last line.
        CheckConstraint(
            "status <> 'not_applicable' OR reason IS NOT NULL", name="reason_for_not_applicable"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="CASCADE")
    )
    measure_urn: Mapped[str] = mapped_column(
        String(URN_LENGTH), ForeignKey("kader_items.urn", ondelete="RESTRICT")
    )
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
    notes: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))


class EvidenceFileRow(Base):
    """A file kept as evidence that a profile carried out a measure."""

    __tablename__ = "evidence_files"
    __table_args__ = (
        UniqueConstraint("profile_id", "measure_urn", "sha256"),
        CheckConstraint("size >= 0", name="size_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="CASCADE")
    )
    measure_urn: Mapped[str] = mapped_column(
        String(URN_LENGTH), ForeignKey("kader_items.urn", ondelete="RESTRICT")
    )
    filename: Mapped[str] = mapped_column(String(FILENAME_LENGTH))
    media_type: Mapped[str] = mapped_column(String(MEDIA_TYPE_LENGTH))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    stored_path: Mapped[str] = mapped_column(String(PATH_LENGTH))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
