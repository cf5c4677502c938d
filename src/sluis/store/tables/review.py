"""Tables of the review desk: reviewers, their authorisations, review policies, cases, acts,
control cases and what the person submitted.

Personal data stays encrypted with the data subject's own key (``subject_keys``): the
reasons reviewers write and everything the person submits. What the review tables keep in
the clear about a person (the proposed and chosen outcomes, a first view, the group label
for the metrics) is wiped when the subject is shredded (``sluis.review.cases``).

A case is the unit of work in the queue: one per decision and round (round 0 is the
initial review of a decision the law does not let take effect without a human, later
rounds are contests). Control cases are stored as ordinary initial cases so that nothing in
the queue or the case view tells them apart; only ``control_cases`` knows them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import NAME_LENGTH, PROFILE_ID_LENGTH, Base, JsonDocument, utcnow
from sluis.store.tables.gateway import (
    DECISION_ID_LENGTH,
    KEY_ID_LENGTH,
    OUTCOME_LENGTH,
    UUID_LENGTH,
)

REVIEWER_ID_LENGTH = 80
FIELD_NAME_LENGTH = 80
STATE_LENGTH = 24
ACTION_LENGTH = 24
STAGE_LENGTH = 10
KIND_LENGTH = 20
MEDIA_TYPE_LENGTH = 255
GROUP_LABEL_LENGTH = 200

CASE_KINDS = ("initial", "contest")
CASE_STATES = ("open", "claimed", "awaiting_information", "awaiting_second", "decided", "erased")
STAGES = ("first", "second")
ACTIONS = ("confirm", "override", "request_information", "escalate", "agree", "disagree")
SUBMISSION_KINDS = ("point_of_view", "document")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class ReviewerRow(Base):
    """A person who reviews decisions. Accounts and roles come later; deactivate, never
    delete (their acts keep pointing at them)."""

    __tablename__ = "reviewers"

    id: Mapped[str] = mapped_column(String(REVIEWER_ID_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewerAuthorisationRow(Base):
    """A reviewer may decide the cases of one algorithm; seniors also take escalated ones."""

    __tablename__ = "reviewer_authorisations"

    reviewer_id: Mapped[str] = mapped_column(
        String(REVIEWER_ID_LENGTH),
        ForeignKey("reviewers.id", ondelete="CASCADE"),
        primary_key=True,
    )
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH),
        ForeignKey("profiles.id", ondelete="CASCADE"),
        primary_key=True,
    )
    senior: Mapped[bool] = mapped_column(Boolean)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewPolicyRow(Base):
    """How the cases of one algorithm are reviewed (defaults apply without a row)."""

    __tablename__ = "review_policies"
    __table_args__ = (
        CheckConstraint("claim_minutes >= 1", name="claim_minutes_positive"),
        CheckConstraint("due_days >= 1", name="due_days_positive"),
    )

    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH),
        ForeignKey("profiles.id", ondelete="CASCADE"),
        primary_key=True,
    )
    hide_recommendation: Mapped[bool] = mapped_column(Boolean)
    four_eyes: Mapped[bool] = mapped_column(Boolean)
    claim_minutes: Mapped[int] = mapped_column(Integer)
    due_days: Mapped[int] = mapped_column(Integer)
    group_field: Mapped[str | None] = mapped_column(String(FIELD_NAME_LENGTH))
    thresholds: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewCaseRow(Base):
    """One decision (in one round) waiting for, or having had, a human review.

    ``stage`` is ``second`` while a four-eyes second reviewer holds the case;
    ``first_reviewer`` and ``pending_outcome`` hold the first act awaiting that agreement.
    ``opened`` and ``first_view`` belong to the current claim and are reset by a new one.
    """

    __tablename__ = "review_cases"
    __table_args__ = (
        UniqueConstraint("decision_uuid", "round"),
        CheckConstraint(_one_of("kind", CASE_KINDS), name="kind_known"),
        CheckConstraint(_one_of("state", CASE_STATES), name="state_known"),
        CheckConstraint(_one_of("stage", STAGES), name="stage_known"),
        CheckConstraint("round >= 0", name="round_not_negative"),
        # The queue: a profile's cases in a state, by deadline. Cases of a batch share
        # profile, state and deadline, so a batch appends to the end of this index.
        Index("ix_review_cases_queue", "profile_id", "state", "due_at"),
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    decision_uuid: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decisions.id", ondelete="RESTRICT")
    )
    profile_id: Mapped[str] = mapped_column(String(PROFILE_ID_LENGTH))
    decision_id: Mapped[str] = mapped_column(String(DECISION_ID_LENGTH))
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    round: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(STATE_LENGTH))
    stage: Mapped[str] = mapped_column(String(STAGE_LENGTH))
    escalated: Mapped[bool] = mapped_column(Boolean)
    # What the case puts to the reviewer: the procedure's outcome (initial) or the
    # decision's standing outcome (contest). Wiped when the subject is shredded.
    proposed_outcome: Mapped[str | None] = mapped_column(String(OUTCOME_LENGTH))
    claimed_by: Mapped[str | None] = mapped_column(
        String(REVIEWER_ID_LENGTH), ForeignKey("reviewers.id", ondelete="RESTRICT")
    )
    claimed_at: Mapped[datetime | None] = mapped_column(default=None)
    claim_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    opened: Mapped[list[Any]] = mapped_column(JsonDocument)
    first_view: Mapped[str | None] = mapped_column(String(OUTCOME_LENGTH))
    first_view_at: Mapped[datetime | None] = mapped_column(default=None)
    first_reviewer: Mapped[str | None] = mapped_column(String(REVIEWER_ID_LENGTH))
    pending_outcome: Mapped[str | None] = mapped_column(String(OUTCOME_LENGTH))
    excluded_reviewers: Mapped[list[Any]] = mapped_column(JsonDocument)
    due_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)


class ReviewActRow(Base):
    """One act of a reviewer on a case: what, why (encrypted with the subject's key), how
    long and with what opened."""

    __tablename__ = "review_acts"
    __table_args__ = (
        CheckConstraint(_one_of("action", ACTIONS), name="action_known"),
        CheckConstraint(_one_of("stage", STAGES), name="stage_known"),
        Index("ix_review_acts_case_id", "case_id"),
        Index("ix_review_acts_decided_at", "decided_at"),
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    case_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("review_cases.id", ondelete="RESTRICT")
    )
    reviewer_id: Mapped[str] = mapped_column(
        String(REVIEWER_ID_LENGTH), ForeignKey("reviewers.id", ondelete="RESTRICT")
    )
    stage: Mapped[str] = mapped_column(String(STAGE_LENGTH))
    action: Mapped[str] = mapped_column(String(ACTION_LENGTH))
    # The outcome the act stands for (None for acts that decide nothing); wiped on shredding.
    outcome: Mapped[str | None] = mapped_column(String(OUTCOME_LENGTH))
    first_view: Mapped[str | None] = mapped_column(String(OUTCOME_LENGTH))
    reason_ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH))
    started_at: Mapped[datetime]
    decided_at: Mapped[datetime]
    seconds_spent: Mapped[float] = mapped_column(Float)
    opened: Mapped[list[Any]] = mapped_column(JsonDocument)
    group_label: Mapped[str | None] = mapped_column(String(GROUP_LABEL_LENGTH))


class ControlCaseRow(Base):
    """A decision planted by the privacy officer with the outcome known to be right."""

    __tablename__ = "control_cases"

    decision_uuid: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decisions.id", ondelete="RESTRICT"), primary_key=True
    )
    expected_outcome: Mapped[str] = mapped_column(String(OUTCOME_LENGTH))
    planted_by: Mapped[str] = mapped_column(String(NAME_LENGTH))
    planted_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReviewSubmissionRow(Base):
    """Something the person submitted about a decision: their point of view or a document.
    The content and the file name are encrypted with the subject's key."""

    __tablename__ = "review_submissions"
    __table_args__ = (
        CheckConstraint(_one_of("kind", SUBMISSION_KINDS), name="kind_known"),
        Index("ix_review_submissions_decision_uuid", "decision_uuid"),
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    decision_uuid: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decisions.id", ondelete="RESTRICT")
    )
    kind: Mapped[str] = mapped_column(String(KIND_LENGTH))
    filename_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    media_type: Mapped[str | None] = mapped_column(String(MEDIA_TYPE_LENGTH))
    size: Mapped[int] = mapped_column(Integer)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[str] = mapped_column(String(KEY_ID_LENGTH))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
