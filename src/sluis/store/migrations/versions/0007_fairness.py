"""Fairness monitoring: group attributes and ground truth kept apart from the decisions,
monitoring snapshots, the dashboard's audit-chain checks, and an index for counting
decisions per algorithm and status.

Revision ID: 0007_fairness
Revises: 0006_rights
Create Date: 2025-04-15 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007_fairness"
down_revision: str | Sequence[str] | None = "0006_rights"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)
TRUTH_SOURCES = ("manual_check", "objection", "control_sample", "other")


def _fk(
    table: str, column: str, target: str, ondelete: str = "RESTRICT"
) -> sa.ForeignKeyConstraint:
    referred = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{referred}", ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "fairness_attributes",
        sa.Column("decision_uuid", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("labels", JSON_DOCUMENT, nullable=False),
        sa.Column("recorded_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("decision_uuid", name="pk_fairness_attributes"),
        _fk("fairness_attributes", "decision_uuid", "decisions.id"),
    )
    op.create_index(
        "ix_fairness_attributes_profile_recorded",
        "fairness_attributes",
        ["profile_id", "recorded_at"],
    )
    op.create_table(
        "fairness_ground_truth",
        sa.Column("decision_uuid", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("deserved_favourable", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("recorded_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("decision_uuid", name="pk_fairness_ground_truth"),
        _fk("fairness_ground_truth", "decision_uuid", "decisions.id"),
        sa.CheckConstraint(
            "source IN (" + ", ".join(f"'{s}'" for s in TRUTH_SOURCES) + ")",
            name="ck_fairness_ground_truth_source_known",
        ),
    )
    op.create_index(
        "ix_fairness_ground_truth_profile_recorded",
        "fairness_ground_truth",
        ["profile_id", "recorded_at"],
    )
    op.create_table(
        "fairness_snapshots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("algorithm", sa.String(161), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("profile_version", sa.Integer(), nullable=False),
        sa.Column("computed_at", STAMP, nullable=False),
        sa.Column("decisions", sa.Integer(), nullable=False),
        sa.Column("monitored", sa.Integer(), nullable=False),
        sa.Column("labelled", sa.Integer(), nullable=False),
        sa.Column("alerts_high", sa.Integer(), nullable=False),
        sa.Column("alerts_medium", sa.Integer(), nullable=False),
        sa.Column("review_alerts", sa.Integer(), nullable=False),
        sa.Column("result", JSON_DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fairness_snapshots"),
        _fk("fairness_snapshots", "profile_id", "profiles.id", ondelete="CASCADE"),
        sa.CheckConstraint("decisions >= 0", name="ck_fairness_snapshots_decisions_not_negative"),
    )
    op.create_index(
        "ix_fairness_snapshots_algorithm_computed",
        "fairness_snapshots",
        ["algorithm", "computed_at"],
    )
    op.create_table(
        "audit_chain_checks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("checked_at", STAMP, nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("first_broken_seq", sa.Integer(), nullable=True),
        sa.Column("head_seq", sa.Integer(), nullable=True),
        sa.Column("head_hash", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_chain_checks"),
    )
    op.create_index("ix_decisions_status_profile", "decisions", ["status", "profile_id"])


def downgrade() -> None:
    op.drop_index("ix_decisions_status_profile", table_name="decisions")
    op.drop_table("audit_chain_checks")
    op.drop_index("ix_fairness_snapshots_algorithm_computed", table_name="fairness_snapshots")
    op.drop_table("fairness_snapshots")
    op.drop_index("ix_fairness_ground_truth_profile_recorded", table_name="fairness_ground_truth")
    op.drop_table("fairness_ground_truth")
    op.drop_index("ix_fairness_attributes_profile_recorded", table_name="fairness_attributes")
    op.drop_table("fairness_attributes")
