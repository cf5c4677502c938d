"""Rights desk: requests of data subjects, their events, identity codes, contacts and
restrictions.

Revision ID: 0006_rights
Revises: 0005_review
Create Date: 2025-04-01 00:00:00+00:00

Hand-written. Constraint names follow the naming convention in sluis.store.tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006_rights"
down_revision: str | Sequence[str] | None = "0005_review"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    referred = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{referred}", ondelete="RESTRICT"
    )


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


KINDS = (
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
STATES = ("identity_pending", "identity_locked", "in_progress", "in_review", "answered", "refused")
CHANNELS = ("portal", "api", "letter", "email", "phone")


def upgrade() -> None:
    op.create_table(
        "rights_requests",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("subject_pseudonym", sa.String(64), nullable=False),
        sa.Column("decision_uuid", sa.String(36), nullable=True),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("identity_method", sa.String(12), nullable=True),
        sa.Column("identity_tries", sa.Integer(), nullable=False),
        sa.Column("codes_sent", sa.Integer(), nullable=False),
        sa.Column("verified_at", STAMP, nullable=True),
        sa.Column("review_case_id", sa.String(36), nullable=True),
        sa.Column("refusal", sa.String(40), nullable=True),
        sa.Column("closed_at", STAMP, nullable=True),
        sa.Column("reminded_on", sa.Date(), nullable=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rights_requests"),
        _fk("rights_requests", "decision_uuid", "decisions.id"),
        sa.CheckConstraint(_one_of("kind", KINDS), name="ck_rights_requests_kind_known"),
        sa.CheckConstraint(_one_of("state", STATES), name="ck_rights_requests_state_known"),
        sa.CheckConstraint(_one_of("channel", CHANNELS), name="ck_rights_requests_channel_known"),
        sa.CheckConstraint(
            "identity_tries >= 0", name="ck_rights_requests_identity_tries_not_negative"
        ),
        sa.CheckConstraint("due_on >= received_on", name="ck_rights_requests_due_after_receipt"),
    )
    op.create_index("ix_rights_requests_state_due", "rights_requests", ["state", "due_on"])
    op.create_index(
        "ix_rights_requests_subject_pseudonym", "rights_requests", ["subject_pseudonym"]
    )
    op.create_table(
        "rights_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("request_id", sa.String(36), nullable=False),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("details", JSON_DOCUMENT, nullable=False),
        sa.Column("key_id", sa.String(32), nullable=True),
        sa.Column("sealed", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_rights_events"),
        _fk("rights_events", "request_id", "rights_requests.id"),
    )
    op.create_index("ix_rights_events_request_id", "rights_events", ["request_id"])
    op.create_table(
        "rights_codes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("request_id", sa.String(36), nullable=False),
        sa.Column("digest", sa.CHAR(64), nullable=False),
        sa.Column("sent_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
        sa.Column("used_at", STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_rights_codes"),
        _fk("rights_codes", "request_id", "rights_requests.id"),
    )
    op.create_index("ix_rights_codes_request_id", "rights_codes", ["request_id"])
    op.create_table(
        "rights_contacts",
        sa.Column("pseudonym", sa.String(64), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("sealed_email", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("pseudonym", name="pk_rights_contacts"),
    )
    op.create_table(
        "rights_restrictions",
        sa.Column("pseudonym", sa.String(64), nullable=False),
        sa.Column("request_id", sa.String(36), nullable=True),
        sa.Column("since", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("pseudonym", name="pk_rights_restrictions"),
        _fk("rights_restrictions", "request_id", "rights_requests.id"),
    )


def downgrade() -> None:
    op.drop_table("rights_restrictions")
    op.drop_table("rights_contacts")
    op.drop_index("ix_rights_codes_request_id", table_name="rights_codes")
    op.drop_table("rights_codes")
    op.drop_index("ix_rights_events_request_id", table_name="rights_events")
    op.drop_table("rights_events")
    op.drop_index("ix_rights_requests_subject_pseudonym", table_name="rights_requests")
    op.drop_index("ix_rights_requests_state_due", table_name="rights_requests")
    op.drop_table("rights_requests")
