"""Subject keys in a rowid table on SQLite, so a new key is appended, not slotted in.

Revision ID: 0012_subject_keys_rowid
Revises: 0011_review_index
Create Date: 2025-06-20 00:00:00+00:00

Hand-written. Pseudonyms are random. As a WITHOUT ROWID table, ``subject_keys`` was one
B-tree ordered by pseudonym holding whole rows (some 190 bytes), so every new subject
landed on a random page of a tree that outgrows SQLite's page cache: a batch of new
subjects rewrote most of the table at each commit (measured: the largest single cost of
a million-row batch). As a rowid table the rows are appended in insertion order and only
the primary key's own index (pseudonym and rowid, about a third of the size) takes the
random inserts. Same columns, constraints and contents; PostgreSQL's tables are heaps
already, so nothing changes there.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_subject_keys_rowid"
down_revision: str | Sequence[str] | None = "0011_review_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "pseudonym, key_id, wrapped_key, created_at, destroyed_at"


def _rebuild(*, with_rowid: bool) -> None:
    """Copy ``subject_keys`` into a table of the other layout (SQLite only)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "subject_keys_rebuilt",
        sa.Column("pseudonym", sa.String(64), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("pseudonym", name=op.f("pk_subject_keys")),
        sa.CheckConstraint(
            "(wrapped_key IS NULL) = (destroyed_at IS NOT NULL)",
            name=op.f("ck_subject_keys_destroyed_xor_wrapped"),
        ),
        sqlite_with_rowid=with_rowid,
    )
    # In pseudonym order: the old table's own order, cheapest for the new one's key index.
    op.execute(
        f"INSERT INTO subject_keys_rebuilt ({_COLUMNS}) "
        f"SELECT {_COLUMNS} FROM subject_keys ORDER BY pseudonym"
    )
    op.drop_table("subject_keys")
    op.rename_table("subject_keys_rebuilt", "subject_keys")


def upgrade() -> None:
    _rebuild(with_rowid=True)


def downgrade() -> None:
    _rebuild(with_rowid=False)
