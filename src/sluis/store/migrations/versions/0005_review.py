"""Review desk: reviewers, authorisations, policies, cases, acts, control cases, submissions.

Revision ID: 0005_review
Revises: 0004_gateway
Create Date: 2025-03-15 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005_review"
down_revision: str | Sequence[str] | None = "0004_gateway"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    referred = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{referred}", ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "reviewers",
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reviewers"),
    )
    op.create_table(
        "reviewer_authorisations",
        sa.Column("reviewer_id", sa.String(80), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("senior", sa.Boolean(), nullable=False),
        sa.Column("granted_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("reviewer_id", "profile_id", name="pk_reviewer_authorisations"),
        _fk("reviewer_authorisations", "reviewer_id", "reviewers.id", "CASCADE"),
        _fk("reviewer_authorisations", "profile_id", "profiles.id", "CASCADE"),
    )
    op.create_table(
        "review_policies",
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("hide_recommendation", sa.Boolean(), nullable=False),
        sa.Column("four_eyes", sa.Boolean(), nullable=False),
        sa.Column("claim_minutes", sa.Integer(), nullable=False),
        sa.Column("due_days", sa.Integer(), nullable=False),
        sa.Column("group_field", sa.String(80), nullable=True),
        sa.Column("thresholds", JSON_DOCUMENT, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("profile_id", name="pk_review_policies"),
        _fk("review_policies", "profile_id", "profiles.id", "CASCADE"),
        sa.CheckConstraint("claim_minutes >= 1", name="ck_review_policies_claim_minutes_positive"),
        sa.CheckConstraint("due_days >= 1", name="ck_review_policies_due_days_positive"),
    )
    op.create_table(
        "review_cases",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("decision_uuid", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("decision_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("escalated", sa.Boolean(), nullable=False),
        sa.Column("proposed_outcome", sa.String(200), nullable=True),
        sa.Column("claimed_by", sa.String(80), nullable=True),
        sa.Column("claimed_at", STAMP, nullable=True),
        sa.Column("claim_expires_at", STAMP, nullable=True),
        sa.Column("opened", JSON_DOCUMENT, nullable=False),
        sa.Column("first_view", sa.String(200), nullable=True),
        sa.Column("first_view_at", STAMP, nullable=True),
        sa.Column("first_reviewer", sa.String(80), nullable=True),
        sa.Column("pending_outcome", sa.String(200), nullable=True),
        sa.Column("excluded_reviewers", JSON_DOCUMENT, nullable=False),
        sa.Column("due_at", STAMP, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("closed_at", STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_review_cases"),
        _fk("review_cases", "decision_uuid", "decisions.id", "RESTRICT"),
        _fk("review_cases", "claimed_by", "reviewers.id", "RESTRICT"),
        sa.UniqueConstraint("decision_uuid", "round", name="uq_review_cases_decision_uuid_round"),
        sa.CheckConstraint("kind IN ('initial', 'contest')", name="ck_review_cases_kind_known"),
        sa.CheckConstraint(
            "state IN ('open', 'claimed', 'awaiting_information', 'awaiting_second', "
            "'decided', 'erased')",
            name="ck_review_cases_state_known",
        ),
        sa.CheckConstraint("stage IN ('first', 'second')", name="ck_review_cases_stage_known"),
        sa.CheckConstraint("round >= 0", name="ck_review_cases_round_not_negative"),
    )
    op.create_index("ix_review_cases_queue", "review_cases", ["profile_id", "state", "due_at"])
    op.create_table(
        "review_acts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("reviewer_id", sa.String(80), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("outcome", sa.String(200), nullable=True),
        sa.Column("first_view", sa.String(200), nullable=True),
        sa.Column("reason_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("started_at", STAMP, nullable=False),
        sa.Column("decided_at", STAMP, nullable=False),
        sa.Column("seconds_spent", sa.Float(), nullable=False),
        sa.Column("opened", JSON_DOCUMENT, nullable=False),
        sa.Column("group_label", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_review_acts"),
        _fk("review_acts", "case_id", "review_cases.id", "RESTRICT"),
        _fk("review_acts", "reviewer_id", "reviewers.id", "RESTRICT"),
        sa.CheckConstraint(
            "action IN ('confirm', 'override', 'request_information', 'escalate', 'agree', "
            "'disagree')",
            name="ck_review_acts_action_known",
        ),
        sa.CheckConstraint("stage IN ('first', 'second')", name="ck_review_acts_stage_known"),
    )
    op.create_index("ix_review_acts_case_id", "review_acts", ["case_id"])
    op.create_index("ix_review_acts_decided_at", "review_acts", ["decided_at"])
    op.create_table(
        "control_cases",
        sa.Column("decision_uuid", sa.String(36), nullable=False),
        sa.Column("expected_outcome", sa.String(200), nullable=False),
        sa.Column("planted_by", sa.String(200), nullable=False),
        sa.Column("planted_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("decision_uuid", name="pk_control_cases"),
        _fk("control_cases", "decision_uuid", "decisions.id", "RESTRICT"),
    )
    op.create_table(
        "review_submissions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("decision_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("filename_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("media_type", sa.String(255), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_review_submissions"),
        _fk("review_submissions", "decision_uuid", "decisions.id", "RESTRICT"),
        sa.CheckConstraint(
            "kind IN ('point_of_view', 'document')", name="ck_review_submissions_kind_known"
        ),
    )
    op.create_index("ix_review_submissions_decision_uuid", "review_submissions", ["decision_uuid"])


def downgrade() -> None:
    op.drop_index("ix_review_submissions_decision_uuid", table_name="review_submissions")
    op.drop_table("review_submissions")
    op.drop_table("control_cases")
    op.drop_index("ix_review_acts_decided_at", table_name="review_acts")
    op.drop_index("ix_review_acts_case_id", table_name="review_acts")
    op.drop_table("review_acts")
    op.drop_index("ix_review_cases_queue", table_name="review_cases")
    op.drop_table("review_cases")
    op.drop_table("review_policies")
    op.drop_table("reviewer_authorisations")
    op.drop_table("reviewers")
