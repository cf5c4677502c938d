"""The government's questionnaires: definitions, instances and their versions.

Revision ID: 0010_instruments
Revises: 0009_accounts
Create Date: 2025-06-01 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010_instruments"
down_revision: str | Sequence[str] | None = "0009_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "instrument_definitions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("urn", sa.String(100), nullable=False),
        sa.Column("version", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("document", JSON_DOCUMENT, nullable=False),
        sa.Column("source", sa.String(500), nullable=True),
        sa.Column("imported_at", STAMP, nullable=False),
        sa.Column("imported_by", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_instrument_definitions"),
        sa.UniqueConstraint("urn", "version", name="uq_instrument_definitions_urn_version"),
    )
    op.create_table(
        "instrument_instances",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("definition_id", sa.Integer(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_instrument_instances"),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_instrument_instances_profile_id_profiles",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["definition_id"],
            ["instrument_definitions.id"],
            name="fk_instrument_instances_definition_id_instrument_definitions",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint(
            "profile_id", "definition_id", name="uq_instrument_instances_profile_id_definition_id"
        ),
        sa.CheckConstraint(
            "current_version >= 1", name="ck_instrument_instances_current_version_positive"
        ),
    )
    op.create_table(
        "instrument_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("instance_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("content", JSON_DOCUMENT, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_instrument_versions"),
        sa.ForeignKeyConstraint(
            ["instance_id"],
            ["instrument_instances.id"],
            name="fk_instrument_versions_instance_id_instrument_instances",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "instance_id", "version", name="uq_instrument_versions_instance_id_version"
        ),
        sa.CheckConstraint("version >= 1", name="ck_instrument_versions_version_positive"),
        sa.CheckConstraint(
            "state IN ('draft', 'signed', 'adopted')", name="ck_instrument_versions_state_known"
        ),
    )


def downgrade() -> None:
    op.drop_table("instrument_versions")
    op.drop_table("instrument_instances")
    op.drop_table("instrument_definitions")
