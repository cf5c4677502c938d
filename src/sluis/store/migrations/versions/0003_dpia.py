"""DPIA documents and their versions.

Revision ID: 0003_dpia
Revises: 0002_kader
Create Date: 2025-02-15 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_dpia"
down_revision: str | Sequence[str] | None = "0002_kader"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "dpia_documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_dpia_documents"),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_dpia_documents_profile_id_profiles",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint("profile_id", name="uq_dpia_documents_profile_id"),
        sa.CheckConstraint(
            "current_version >= 1", name="ck_dpia_documents_current_version_positive"
        ),
    )
    op.create_table(
        "dpia_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("profile_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("content", JSON_DOCUMENT, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=True),
        sa.Column("adopted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_dpia_versions"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["dpia_documents.id"],
            name="fk_dpia_versions_document_id_dpia_documents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("document_id", "version", name="uq_dpia_versions_document_id_version"),
        sa.CheckConstraint("version >= 1", name="ck_dpia_versions_version_positive"),
        sa.CheckConstraint(
            "profile_version >= 1", name="ck_dpia_versions_profile_version_positive"
        ),
        sa.CheckConstraint(
            "state IN ('draft', 'ready_for_advice', 'advised', 'adopted')",
            name="ck_dpia_versions_state_known",
        ),
    )


def downgrade() -> None:
    op.drop_table("dpia_versions")
    op.drop_table("dpia_documents")
