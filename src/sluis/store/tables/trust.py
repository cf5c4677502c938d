"""Tables of trust: signed anchors of the audit trail, legal holds and retention runs.

``audit_anchors`` keeps, now and then, the head of the audit chain (its sequence number and
hash) signed with a key derived from the master key, so that cutting entries off the end of
the chain is found too (``sluis.audit.verify``). Anchor ids are assigned in order, without
gaps, under the chain's lock: a missing anchor shows.

``legal_holds`` pause the retention job for one algorithm or one data subject (by
pseudonym); a hold is lifted, never deleted. ``retention_runs`` records what each run of
the retention job did (counts only), ``retention_erasures`` which decision records it
erased: one row per decision, so no record is erased (or counted) twice, whatever number of
instances run the job at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CHAR,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import (
    NAME_LENGTH,
    PROFILE_ID_LENGTH,
    SHA256_HEX_LENGTH,
    Base,
    utcnow,
)
from sluis.store.tables.gateway import PSEUDONYM_LENGTH, UUID_LENGTH

SIGNATURE_HEX_LENGTH = 128  # Ed25519 signatures are 64 bytes
REASON_LENGTH = 500


class AuditAnchorRow(Base):
    """The head of the audit chain at one moment, signed (Ed25519)."""

    __tablename__ = "audit_anchors"
    __table_args__ = (
        CheckConstraint("id >= 1", name="id_positive"),
        CheckConstraint("seq >= 1", name="seq_positive"),
    )

    # Assigned by the writer under the chain lock (never by the database): a gap in the
    # ids is then always a deleted anchor.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    at: Mapped[datetime]
    # sha256 of the raw public key that verifies ``signature``: tells a rotated key apart
    # from a forged signature.
    key_digest: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    signature: Mapped[str] = mapped_column(String(SIGNATURE_HEX_LENGTH))


class LegalHoldRow(Base):
    """A legal hold: the retention job leaves the algorithm's or the subject's records
    alone while it stands (GDPR art. 17(3)(e): data needed for legal claims)."""

    __tablename__ = "legal_holds"
    __table_args__ = (
        CheckConstraint("(profile_id IS NULL) <> (subject_pseudonym IS NULL)", name="one_scope"),
        CheckConstraint("(lifted_at IS NULL) = (lifted_by IS NULL)", name="lifted_with_author"),
        Index("ix_legal_holds_profile_id", "profile_id"),
        Index("ix_legal_holds_subject_pseudonym", "subject_pseudonym"),
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    profile_id: Mapped[str | None] = mapped_column(String(PROFILE_ID_LENGTH))
    subject_pseudonym: Mapped[str | None] = mapped_column(String(PSEUDONYM_LENGTH))
    # A case reference and why; never personal data (the CLI and the docs say so).
    reason: Mapped[str] = mapped_column(String(REASON_LENGTH))
    placed_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    placed_at: Mapped[datetime] = mapped_column(default=utcnow)
    lifted_by: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    lifted_at: Mapped[datetime | None] = mapped_column(default=None)


class RetentionRunRow(Base):
    """One run of the retention job and what it did (counts only)."""

    __tablename__ = "retention_runs"
    __table_args__ = (CheckConstraint("erased >= 0", name="erased_not_negative"),)

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    finished: Mapped[bool] = mapped_column(Boolean)
    erased: Mapped[int] = mapped_column(Integer)
    keys_destroyed: Mapped[int] = mapped_column(Integer)
    held: Mapped[int] = mapped_column(Integer)
    waiting: Mapped[int] = mapped_column(Integer)
    undetermined: Mapped[int] = mapped_column(Integer)
    anchor_id: Mapped[int | None] = mapped_column(Integer)


class RetentionErasureRow(Base):
    """A decision record the retention job erased, and by which run (at most once)."""

    __tablename__ = "retention_erasures"
    __table_args__ = (Index("ix_retention_erasures_run_id", "run_id"),)

    decision_uuid: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decisions.id", ondelete="RESTRICT"), primary_key=True
    )
    run_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("retention_runs.id", ondelete="RESTRICT")
    )
    erased_at: Mapped[datetime]
    months: Mapped[int] = mapped_column(Integer)
