"""Decision gateway: procedures, decision records, subject keys and the audit trail.

Revision ID: 0004_gateway
Revises: 0003_dpia
Create Date: 2025-03-01 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004_gateway"
down_revision: str | Sequence[str] | None = "0003_dpia"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "decision_procedures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("profile_version", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("version", sa.CHAR(64), nullable=False),
        sa.Column("description", sa.String(400), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decision_procedures"),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_decision_procedures_profile_id_profiles",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint(
            "profile_id",
            "profile_version",
            "decision_id",
            "version",
            name="uq_decision_procedures_binding",
        ),
        sa.CheckConstraint("kind IN ('rules', 'model')", name="ck_decision_procedures_kind_known"),
        sa.CheckConstraint(
            "profile_version >= 1", name="ck_decision_procedures_profile_version_positive"
        ),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("profile_version", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.String(80), nullable=False),
        sa.Column("procedure_version", sa.CHAR(64), nullable=False),
        sa.Column("subject_pseudonym", sa.String(64), nullable=False),
        sa.Column("idempotency_key", sa.String(200), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("refused_final", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(200), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("route_reasons", JSON_DOCUMENT, nullable=False),
        sa.Column("payload_ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_decisions_profile_id_profiles",
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "status IN ('final', 'pending_review', 'selected_for_review')",
            name="ck_decisions_status_known",
        ),
        sa.CheckConstraint("profile_version >= 1", name="ck_decisions_profile_version_positive"),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "uq_decisions_idempotency_key",
        "decisions",
        ["profile_id", "idempotency_key"],
        unique=True,
        sqlite_where=sa.text("idempotency_key IS NOT NULL"),
        postgresql_where=sa.text("idempotency_key IS NOT NULL"),
    )
    op.create_index("ix_decisions_key_id", "decisions", ["key_id"])
    op.create_table(
        "subject_keys",
        sa.Column("pseudonym", sa.String(64), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("pseudonym", name="pk_subject_keys"),
        sa.CheckConstraint(
            "(wrapped_key IS NULL) = (destroyed_at IS NOT NULL)",
            name="ck_subject_keys_destroyed_xor_wrapped",
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=True),
        sa.Column("decision_uuid", sa.String(36), nullable=True),
        sa.Column("details", JSON_DOCUMENT, nullable=False),
        sa.Column("prev_hash", sa.CHAR(64), nullable=False),
        sa.Column("hash", sa.CHAR(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_events"),
        sa.CheckConstraint("seq >= 1", name="ck_audit_events_seq_positive"),
    )
    op.create_table(
        "payload_schemas",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("schema", JSON_DOCUMENT, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payload_schemas"),
    )


def downgrade() -> None:
    op.drop_table("payload_schemas")
    op.drop_table("audit_events")
    op.drop_table("subject_keys")
    op.drop_index("ix_decisions_key_id", table_name="decisions")
    op.drop_index("uq_decisions_idempotency_key", table_name="decisions")
    op.drop_table("decisions")
    op.drop_table("decision_procedures")
