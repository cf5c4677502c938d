"""The audit chain on the dashboard: its head, read on every load, and the last full
verification (``sluis.audit.verify_chain``), run by ``sluis dashboard refresh`` and kept in
``audit_chain_checks``: re-verifying a million entries takes seconds, a page load must not.

Between two verifications the dashboard can still tell two things cheaply: how many
entries were appended since, and whether the entry the last check ended on still has the
hash it had then (one look-up by sequence number).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit.chain import HEAD, chain_head, verify_chain
from sluis.store.tables.base import utcnow
from sluis.store.tables.fairness import ChainCheckRow
from sluis.store.tables.gateway import AuditEventRow

Sessions = sessionmaker[Session]


@dataclass(frozen=True)
class ChainCheck:
    checked_at: datetime
    seconds: float
    ok: bool
    entries: int
    first_broken_seq: int | None
    head_seq: int | None
    head_hash: str | None


@dataclass(frozen=True)
class ChainStatus:
    """The chain now, against its last verification (``check``, None before the first)."""

    head_seq: int | None
    head_hash: str | None
    check: ChainCheck | None
    appended_since: int | None
    check_head_intact: bool | None

    @property
    def state(self) -> str:
        """``unverified`` (never checked), ``broken`` (the last check failed, or the entry
        it ended on changed since), ``behind`` (verified, entries appended since) or
        ``verified``."""
        if self.check is None:
            return "unverified"
        if not self.check.ok or self.check_head_intact is False:
            return "broken"
        return "behind" if self.appended_since else "verified"

    def to_json_dict(self) -> dict[str, Any]:
        check = self.check
        return {
            "state": self.state,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
            "appended_since_check": self.appended_since,
            "checked_head_intact": self.check_head_intact,
            "last_check": None
            if check is None
            else {
                "checked_at": check.checked_at.isoformat(),
                "seconds": round(check.seconds, 3),
                "ok": check.ok,
                "entries": check.entries,
                "first_broken_seq": check.first_broken_seq,
            },
        }


def check_chain(sessions: Sessions, *, now: datetime | None = None) -> ChainCheck:
    """Verify the whole chain now and keep the result."""
    started = time.perf_counter()
    head = chain_head(sessions)
    report = verify_chain(sessions)
    row = ChainCheckRow(
        checked_at=now or utcnow(),
        seconds=time.perf_counter() - started,
        ok=report.ok,
        entries=report.entries,
        first_broken_seq=report.first_broken_seq,
        head_seq=None if head is None else head[0],
        head_hash=None if head is None else head[1],
    )
    with sessions.begin() as session:
        session.add(row)
        session.flush()
        return _check(row)


def _check(row: ChainCheckRow) -> ChainCheck:
    return ChainCheck(
        checked_at=row.checked_at,
        seconds=row.seconds,
        ok=row.ok,
        entries=row.entries,
        first_broken_seq=row.first_broken_seq,
        head_seq=row.head_seq,
        head_hash=row.head_hash,
    )


def chain_status(session: Session) -> ChainStatus:
    """The head and the last check, in the caller's (read) session."""
    head = session.execute(HEAD).first()
    row = session.scalars(select(ChainCheckRow).order_by(ChainCheckRow.id.desc()).limit(1)).first()
    check = None if row is None else _check(row)
    head_seq, head_hash = (None, None) if head is None else (int(head[0]), str(head[1]))
    appended = intact = None
    if check is not None:
        appended = (head_seq or 0) - (check.head_seq or 0)
        if check.head_seq is not None:
            now_hash = session.scalar(
                select(AuditEventRow.hash).where(AuditEventRow.seq == check.head_seq)
            )
            intact = now_hash == check.head_hash
    return ChainStatus(head_seq, head_hash, check, appended, intact)


__all__ = ["ChainCheck", "ChainStatus", "chain_status", "check_chain"]
