"""Profiles, their versions and assessments.

Revision ID: 0001_profiles
Revises:
Create Date: 2025-01-01 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001_profiles"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_profiles"),
        sa.CheckConstraint("latest_version >= 0", name="ck_profiles_latest_version_not_negative"),
    )
    op.create_table(
        "profile_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", JSON_DOCUMENT, nullable=False),
        sa.Column("content_sha256", sa.CHAR(64), nullable=False),
        sa.Column("author", sa.String(200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_profile_versions"),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_profile_versions_profile_id_profiles",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint("profile_id", "version", name="uq_profile_versions_profile_id_version"),
        sa.CheckConstraint("version >= 1", name="ck_profile_versions_version_positive"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_version_id", sa.Integer(), nullable=False),
        sa.Column("engine_version", sa.String(40), nullable=False),
        sa.Column("result", JSON_DOCUMENT, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
        sa.ForeignKeyConstraint(
            ["profile_version_id"],
            ["profile_versions.id"],
            name="fk_assessments_profile_version_id_profile_versions",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "profile_version_id",
            "engine_version",
            name="uq_assessments_profile_version_id_engine_version",
        ),
    )


def downgrade() -> None:
    op.drop_table("assessments")
    op.drop_table("profile_versions")
    op.drop_table("profiles")
