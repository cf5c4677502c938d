"""Tables of the rights desk: requests of data subjects, what happened to them, identity
codes, known contact addresses and restrictions of processing.

Only the subject's pseudonym is kept in the clear. Everything personal (name, e-mail
address, the person's message, corrections, staff texts about the person) is encrypted with
the subject's own key (``subject_keys``), so crypto-shredding the subject erases it with
the rest. Identity codes are kept only as an HMAC. Events hold no personal data.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    CHAR,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import SHA256_HEX_LENGTH, Base, utcnow
from sluis.store.tables.gateway import KEY_ID_LENGTH, PSEUDONYM_LENGTH, UUID_LENGTH

REQUEST_KINDS = (
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "human_intervention",
    "express_view",
    "contest",
    "explanation",
)
REQUEST_STATES = (
    "identity_pending",
    "identity_locked",
    "in_progress",
    "in_review",
    "answered",
    "refused",
)
CHANNELS = ("portal", "api", "letter", "email", "phone")
IDENTITY_METHODS = ("email_code", "facts", "staff")
KIND_LENGTH = 24
STATE_LENGTH = 24
CHANNEL_LENGTH = 10
METHOD_LENGTH = 12
REASON_LENGTH = 40
EVENT_LENGTH = 40
LANG_LENGTH = 2


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class RightsRequestRow(Base):
    """One request of a data subject, from receipt to answer."""

    __tablename__ = "rights_requests"
    __table_args__ = (
        CheckConstraint(_one_of("kind", REQUEST_KINDS), name="kind_known"),
        CheckConstraint(_one_of("state", REQUEST_STATES), name="state_known"),
        CheckConstraint(_one_of("channel", CHANNELS), name="channel_known"),
        CheckConstraint("identity_tries >= 0", name="identity_tries_not_negative"),
        CheckConstraint("due_on >= received_on", name="due_after_receipt"),
        # The desk's views: open requests by due date.
        Index("ix_rights_requests_state_due", "state", "due_on"),
        Index("ix_rights_requests_subject_pseudonym", "subject_pseudonym"),
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    channel: Mapped[str] = mapped_column(String(CHANNEL_LENGTH))
    state: Mapped[str] = mapped_column(String(STATE_LENGTH))
    subject_pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH))
    decision_uuid: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decisions.id", ondelete="RESTRICT")
    )
    lang: Mapped[str] = mapped_column(String(LANG_LENGTH))
    country: Mapped[str] = mapped_column(String(2))
    received_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean)
    # The person's name, reply address, message and what they ask: sealed with their key.
    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH))
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    identity_method: Mapped[str | None] = mapped_column(String(METHOD_LENGTH))
    identity_tries: Mapped[int] = mapped_column(Integer)
    codes_sent: Mapped[int] = mapped_column(Integer)
    verified_at: Mapped[datetime | None] = mapped_column(default=None)
    review_case_id: Mapped[str | None] = mapped_column(String(UUID_LENGTH))
    refusal: Mapped[str | None] = mapped_column(String(REASON_LENGTH))
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    reminded_on: Mapped[date | None] = mapped_column(Date, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RightsEventRow(Base):
    """Something that happened to a request. ``details`` hold no personal data; a text
    about the person (an answer, reasons) is sealed with their key in ``sealed``."""

    __tablename__ = "rights_events"
    __table_args__ = (Index("ix_rights_events_request_id", "request_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("rights_requests.id", ondelete="RESTRICT")
    )
    at: Mapped[datetime]
    event: Mapped[str] = mapped_column(String(EVENT_LENGTH))
    details: Mapped[dict[str, Any]]
    key_id: Mapped[str | None] = mapped_column(String(KEY_ID_LENGTH))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class RightsCodeRow(Base):
    """A one-time code sent for a request, kept as an HMAC bound to the request."""

    __tablename__ = "rights_codes"
    __table_args__ = (Index("ix_rights_codes_request_id", "request_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("rights_requests.id", ondelete="RESTRICT")
    )
    digest: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    sent_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)


class RightsContactRow(Base):
    """The e-mail address the organisation knows for a subject (for one-time codes and
    answers), sealed with the subject's key."""

    __tablename__ = "rights_contacts"

    pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH))
    sealed_email: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RightsRestrictionRow(Base):
    """Processing of this subject is restricted (GDPR art. 18): the gateway takes no new
    decision about them while the row exists. Lifting it deletes the row (the request's
    events keep the history)."""

    __tablename__ = "rights_restrictions"

    pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_LENGTH), primary_key=True)
    request_id: Mapped[str | None] = mapped_column(
        String(UUID_LENGTH), ForeignKey("rights_requests.id", ondelete="RESTRICT")
    )
    since: Mapped[datetime]
