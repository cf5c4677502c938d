"""The Algoritmekader: imports, items, their changes, measure statuses and evidence files.

Revision ID: 0002_kader
Revises: 0001_profiles
Create Date: 2025-02-01 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002_kader"
down_revision: str | Sequence[str] | None = "0001_profiles"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
URN = sa.String(120)
SHA256 = sa.CHAR(64)
PERSON = sa.String(200)


def upgrade() -> None:
    op.create_table(
        "kader_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.Column("problems", JSON_DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_kader_imports"),
    )
    op.create_table(
        "kader_items",
        sa.Column("urn", URN, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("facets", JSON_DOCUMENT, nullable=False),
        sa.Column("requirement_codes", JSON_DOCUMENT, nullable=False),
        sa.Column("body_sha256", SHA256, nullable=False),
        sa.Column("source_path", sa.String(500), nullable=False),
        sa.Column("first_import_id", sa.Integer(), nullable=False),
        sa.Column("last_import_id", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("urn", name="pk_kader_items"),
        sa.ForeignKeyConstraint(
            ["first_import_id"],
            ["kader_imports.id"],
            name="fk_kader_items_first_import_id_kader_imports",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["last_import_id"],
            ["kader_imports.id"],
            name="fk_kader_items_last_import_id_kader_imports",
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint("kind IN ('requirement', 'measure')", name="ck_kader_items_kind_known"),
    )
    op.create_table(
        "kader_item_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("urn", URN, nullable=False),
        sa.Column("change", sa.String(20), nullable=False),
        sa.Column("before_sha256", SHA256, nullable=True),
        sa.Column("after_sha256", SHA256, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_kader_item_changes"),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["kader_imports.id"],
            name="fk_kader_item_changes_import_id_kader_imports",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["urn"],
            ["kader_items.urn"],
            name="fk_kader_item_changes_urn_kader_items",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint("import_id", "urn", name="uq_kader_item_changes_import_id_urn"),
        sa.CheckConstraint(
            "change IN ('added', 'changed', 'removed')", name="ck_kader_item_changes_change_known"
        ),
    )
    op.create_table(
        "measure_statuses",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("measure_urn", URN, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("owner", PERSON, nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", PERSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_measure_statuses"),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_measure_statuses_profile_id_profiles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_urn"],
            ["kader_items.urn"],
            name="fk_measure_statuses_measure_urn_kader_items",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint(
            "profile_id", "measure_urn", name="uq_measure_statuses_profile_id_measure_urn"
        ),
        sa.CheckConstraint(
            "status IN ('todo', 'in_progress', 'done', 'not_applicable')",
            name="ck_measure_statuses_status_known",
        ),
        sa.CheckConstraint(
            "status <> 'not_applicable' OR reason IS NOT NULL",
            name="ck_measure_statuses_reason_for_not_applicable",
        ),
    )
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("profile_id", sa.String(80), nullable=False),
        sa.Column("measure_urn", URN, nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", SHA256, nullable=False),
        sa.Column("stored_path", sa.String(500), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", PERSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_files"),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name="fk_evidence_files_profile_id_profiles",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_urn"],
            ["kader_items.urn"],
            name="fk_evidence_files_measure_urn_kader_items",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint(
            "profile_id",
            "measure_urn",
            "sha256",
            name="uq_evidence_files_profile_id_measure_urn_sha256",
        ),
        sa.CheckConstraint("size >= 0", name="ck_evidence_files_size_not_negative"),
    )


def downgrade() -> None:
    op.drop_table("evidence_files")
    op.drop_table("measure_statuses")
    op.drop_table("kader_item_changes")
    op.drop_table("kader_items")
    op.drop_table("kader_imports")
