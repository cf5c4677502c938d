"""Trust: signed anchors of the audit trail, legal holds, retention runs and erasures.

Revision ID: 0008_trust
Revises: 0007_fairness
Create Date: 2025-05-01 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_trust"
down_revision: str | Sequence[str] | None = "0007_fairness"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAMP = sa.DateTime(timezone=True)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    referred = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{referred}", ondelete="RESTRICT"
    )


def upgrade() -> None:
    op.create_table(
        "audit_anchors",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.CHAR(64), nullable=False),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("key_digest", sa.CHAR(64), nullable=False),
        sa.Column("signature", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_anchors"),
        sa.CheckConstraint("id >= 1", name="ck_audit_anchors_id_positive"),
        sa.CheckConstraint("seq >= 1", name="ck_audit_anchors_seq_positive"),
    )
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=True),
        sa.Column("subject_pseudonym", sa.String(64), nullable=True),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("placed_by", sa.String(200), nullable=False),
        sa.Column("placed_at", STAMP, nullable=False),
        sa.Column("lifted_by", sa.String(200), nullable=True),
        sa.Column("lifted_at", STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_legal_holds"),
        sa.CheckConstraint(
            "(profile_id IS NULL) <> (subject_pseudonym IS NULL)",
            name="ck_legal_holds_one_scope",
        ),
        sa.CheckConstraint(
            "(lifted_at IS NULL) = (lifted_by IS NULL)",
            name="ck_legal_holds_lifted_with_author",
        ),
    )
    op.create_index("ix_legal_holds_profile_id", "legal_holds", ["profile_id"])
    op.create_index("ix_legal_holds_subject_pseudonym", "legal_holds", ["subject_pseudonym"])
    op.create_table(
        "retention_runs",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("started_at", STAMP, nullable=False),
        sa.Column("finished_at", STAMP, nullable=True),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.Column("erased", sa.Integer(), nullable=False),
        sa.Column("keys_destroyed", sa.Integer(), nullable=False),
        sa.Column("held", sa.Integer(), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False),
        sa.Column("undetermined", sa.Integer(), nullable=False),
        sa.Column("anchor_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_retention_runs"),
        sa.CheckConstraint("erased >= 0", name="ck_retention_runs_erased_not_negative"),
    )
    op.create_table(
        "retention_erasures",
        sa.Column("decision_uuid", sa.String(36), nullable=False),
        sa.Column("run_id", sa.String(36), nullable=False),
        sa.Column("erased_at", STAMP, nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("decision_uuid", name="pk_retention_erasures"),
        _fk("retention_erasures", "decision_uuid", "decisions.id"),
        _fk("retention_erasures", "run_id", "retention_runs.id"),
    )
    op.create_index("ix_retention_erasures_run_id", "retention_erasures", ["run_id"])


def downgrade() -> None:
    op.drop_index("ix_retention_erasures_run_id", table_name="retention_erasures")
    op.drop_table("retention_erasures")
    op.drop_table("retention_runs")
    op.drop_index("ix_legal_holds_subject_pseudonym", table_name="legal_holds")
    op.drop_index("ix_legal_holds_profile_id", table_name="legal_holds")
    op.drop_table("legal_holds")
    op.drop_table("audit_anchors")
