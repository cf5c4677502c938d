"""An index to find a decision's reviews in the audit trail (for its notice).

Revision ID: 0011_review_index
Revises: 0010_instruments
Create Date: 2025-06-15 00:00:00+00:00

Hand-written. Partial: only ``reviewed`` events are indexed, so writing decisions costs
nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_review_index"
down_revision: str | Sequence[str] | None = "0010_instruments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REVIEWED_ONLY = sa.text("event = 'reviewed'")


def upgrade() -> None:
    op.create_index(
        "ix_audit_events_reviewed_decision",
        "audit_events",
        ["decision_uuid"],
        sqlite_where=REVIEWED_ONLY,
        postgresql_where=REVIEWED_ONLY,
    )


def downgrade() -> None:
    op.drop_index("ix_audit_events_reviewed_decision", table_name="audit_events")
