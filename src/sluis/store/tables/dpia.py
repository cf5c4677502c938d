"""Tables of DPIA documents and their immutable versions.

One DPIA per profile. Every change (a saved draft, the DPO's advice, a signature, the
adoption) is a new row in ``dpia_versions``; rows are never updated, so the history of a
DPIA — who changed what, which version was adopted — stays readable.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import AUTHOR_LENGTH, PROFILE_ID_LENGTH, Base, utcnow

DPIA_STATES = ("draft", "ready_for_advice", "advised", "adopted")
STATE_LENGTH = 20


class DpiaDocumentRow(Base):
    """The DPIA of one profile; its content lives in ``dpia_versions``."""

    __tablename__ = "dpia_documents"
    __table_args__ = (
        UniqueConstraint("profile_id"),
        CheckConstraint("current_version >= 1", name="current_version_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="RESTRICT")
    )
    current_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DpiaVersionRow(Base):
    """One immutable version of a DPIA document (``content`` is the ``DpiaDocument``)."""

    __tablename__ = "dpia_versions"
    __table_args__ = (
        UniqueConstraint("document_id", "version"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("profile_version >= 1", name="profile_version_positive"),
        CheckConstraint(
            "state IN (" + ", ".join(f"'{s}'" for s in DPIA_STATES) + ")", name="state_known"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("dpia_documents.id", ondelete="CASCADE")
    )
    version: Mapped[int] = mapped_column(Integer)
    profile_version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(STATE_LENGTH))
    content: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(AUTHOR_LENGTH))
    adopted_at: Mapped[datetime | None] = mapped_column(default=None)
