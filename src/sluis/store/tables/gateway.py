"""Tables of the decision gateway: procedures, decision records, subject keys, audit trail.

A decision's inputs and explanation live in one place only: ``decisions.payload_ciphertext``,
encrypted with the data subject's own key from ``subject_keys``. Destroying that key
(crypto-shredding) makes every payload of the subject unreadable at once, without touching
the audit trail; the outcome and score, kept in the clear for work queues, are wiped with
it. Records carry the subject's pseudonym, never their id. The audit trail
(``audit_events``) is an append-only hash chain whose details hold no personal data.

Decision rows are written in bulk by the gateway (no ORM objects per row); the mapped
classes serve reading, tests and the migration check.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CHAR,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.naming import conv

from sluis.store.tables.base import (
    PROFILE_ID_LENGTH,
    SHA256_HEX_LENGTH,
    Base,
    JsonDocument,
    utcnow,
)

PROCEDURE_KINDS = ("rules", "model")
DECISION_STATUSES = ("final", "pending_review", "selected_for_review")
UUID_LENGTH = 36
PSEUDONYM_LENGTH = 64  # hex of HMAC-SHA256 (varchar, not char: compared with text params)
SCHEMA_ID_LENGTH = 32
KEY_ID_LENGTH = 32
DECISION_ID_LENGTH = 80
IDEMPOTENCY_KEY_LENGTH = 200
OUTCOME_LENGTH = 200
DESCRIPTION_LENGTH = 400
EVENT_LENGTH = 40
STATUS_LENGTH = 20
KIND_LENGTH = 10


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class DecisionProcedureRow(Base):
    """A decision procedure (by content hash) bound to one version of a profile's decision."""

    __tablename__ = "decision_procedures"
    __table_args__ = (
        # The same procedure may serve a later version of the profile: the version of the
        # profile is part of what is unique.
        # Named by hand: the conventional name would pass PostgreSQL's 63-character limit.
        UniqueConstraint(
            "profile_id",
            "profile_version",
            "decision_id",
            "version",
            name=conv("uq_decision_procedures_binding"),
        ),
        CheckConstraint(_one_of("kind", PROCEDURE_KINDS), name="kind_known"),
        CheckConstraint("profile_version >= 1", name="profile_version_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="RESTRICT")
    )
    profile_version: Mapped[int] = mapped_column(Integer)
    decision_id: Mapped[str] = mapped_column(String(DECISION_ID_LENGTH))
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    version: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    description: Mapped[str] = mapped_column(String(DESCRIPTION_LENGTH))
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)


class DecisionRow(Base):
    """One decision about one data subject, as the gateway recorded it."""

    __tablename__ = "decisions"
    __table_args__ = (
        # Retries with the same key never make a second decision. Partial: rows without a
        # key (most batch rows) stay out of the index and cost nothing in it.
        Index(
            "uq_decisions_idempotency_key",
            "profile_id",
            "idempotency_key",
            unique=True,
            sqlite_where=text("idempotency_key IS NOT NULL"),
            postgresql_where=text("idempotency_key IS NOT NULL"),
        ),
        CheckConstraint(_one_of("status", DECISION_STATUSES), name="status_known"),
        CheckConstraint("profile_version >= 1", name="profile_version_positive"),
        # Erasure finds the records a key sealed by its (time-ordered) key id. No index on
        # the pseudonym or ``audit_seq``: pseudonyms are random, and an index on random
        # values costs a batch about one page write per row (measured: a quarter of a
        # million-row batch); the rare look-up of a subject's records by pseudonym scans.
        Index("ix_decisions_key_id", "key_id"),
        # The dashboard's counts per status and algorithm: a covering index, so counting a
        # million decisions reads small index entries, not the rows with their payloads.
        # A batch shares status and profile and its ids ascend, so it appends to one spot.
        # Status first on purpose: no query selects decisions by status alone, so this
        # index cannot change the plan of a query by profile (led by profile_id, SQLite's
        # planner would take it over the primary key for ``profile_id = ? AND id IN``).
        Index("ix_decisions_status_profile", "status", "profile_id"),
        # Ids are time-ordered: on SQLite the table is its primary-key index, so a new row
        # is appended to one B-tree instead of two.
        {"sqlite_with_rowid": False},
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="RESTRICT")
    )
    profile_version: Mapped[int] = mapped_column(Integer)
    decision_id: Mapped[str] = mapped_column(String(DECISION_ID_LENGTH))
    procedure_version: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    subject_pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH))
    idempotency_key: Mapped[str | None] = mapped_column(String(IDEMPOTENCY_KEY_LENGTH))
    status: Mapped[str] = mapped_column(String(STATUS_LENGTH))
    refused_final: Mapped[bool] = mapped_column(Boolean)
    # Outcome and score are kept in the clear for work queues and statistics, and wiped
    # when the subject's key is shredded (the payload holds them too).
    outcome: Mapped[str | None] = mapped_column(String(OUTCOME_LENGTH))
    score: Mapped[float | None] = mapped_column(Float)
    route_reasons: Mapped[list[Any]] = mapped_column(JsonDocument)
    payload_ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH))
    audit_seq: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)


class SubjectKeyRow(Base):
    """The data key of one data subject, wrapped with the master key.

    Shredding sets ``wrapped_key`` to NULL and records ``destroyed_at``; the row stays as
    evidence that the key existed and when it was destroyed. A later decision about the
    same subject gets a new key (a new ``key_id``), so the erased records stay erased.
    """

    __tablename__ = "subject_keys"
    __table_args__ = (
        CheckConstraint(
            "(wrapped_key IS NULL) = (destroyed_at IS NOT NULL)", name="destroyed_xor_wrapped"
        ),
        # A rowid table on SQLite (migration 0012): pseudonyms are random, so rows are
        # appended and only the primary key's small index takes random inserts; a table
        # ordered by pseudonym rewrote most of itself per batch of new subjects.
    )

    pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH), primary_key=True)
    # 128 random bits: unique without an index to enforce it (one less per new subject).
    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH))
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    destroyed_at: Mapped[datetime | None] = mapped_column(default=None)


class AuditEventRow(Base):
    """One entry of the append-only audit trail (a hash chain, see ``sluis.audit``)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        CheckConstraint("seq >= 1", name="seq_positive"),
        # A decision notice names the reviews of its decision. Partial, so the decisions'
        # own events (one per decision, in batches too) pay nothing for it.
        Index(
            "ix_audit_events_reviewed_decision",
            "decision_uuid",
            sqlite_where=text("event = 'reviewed'"),
            postgresql_where=text("event = 'reviewed'"),
        ),
    )

    # Sequence numbers are assigned by the appender under the chain lock, never by the
    # database: a gap is then always a deleted entry.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    event: Mapped[str] = mapped_column(String(EVENT_LENGTH))
    profile_id: Mapped[str | None] = mapped_column(String(PROFILE_ID_LENGTH))
    decision_uuid: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    hash: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))


class PayloadSchemaRow(Base):
    """How to read the compact (columnar) payloads of batch decisions: the input fields,
    the outcomes and the explanation's features. No personal data; ``id`` is the first 32
    hex characters of the sha256 of ``schema``, so a changed schema no longer matches."""

    __tablename__ = "payload_schemas"

    id: Mapped[str] = mapped_column(String(SCHEMA_ID_LENGTH), primary_key=True)
    schema: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
