"""Retention runs on the dashboard: what the last run of the retention job did.

The retention job (``sluis retention run``) records its runs in ``retention_runs``; where
that table is not part of this installation yet, the dashboard says runs are not recorded
rather than showing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

try:  # the retention job's tables arrive with the trust features (issue 8)
    from sluis.store.tables.trust import RetentionRunRow
except ImportError:  # pragma: no cover - only before those tables exist
    RetentionRunRow = None  # type: ignore[assignment,misc]


@dataclass(frozen=True)
class RetentionStatus:
    recorded: bool  # whether this installation records retention runs at all
    runs: int
    last_started_at: datetime | None = None
    last_finished: bool | None = None
    last_erased: int | None = None
    last_held: int | None = None
    last_waiting: int | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "recorded": self.recorded,
            "runs": self.runs,
            "last_run": None
            if self.last_started_at is None
            else {
                "started_at": self.last_started_at.isoformat(),
                "finished": self.last_finished,
                "erased": self.last_erased,
                "held": self.last_held,
                "waiting": self.last_waiting,
            },
        }


def retention_status(session: Session) -> RetentionStatus:
    if RetentionRunRow is None:
        return RetentionStatus(recorded=False, runs=0)
    runs = int(session.scalar(select(func.count()).select_from(RetentionRunRow)) or 0)
    last = session.scalars(
        select(RetentionRunRow).order_by(RetentionRunRow.started_at.desc()).limit(1)
    ).first()
    if last is None:
        return RetentionStatus(recorded=True, runs=0)
    return RetentionStatus(
        recorded=True,
        runs=runs,
        last_started_at=last.started_at,
        last_finished=last.finished,
        last_erased=last.erased,
        last_held=last.held,
        last_waiting=last.waiting,
    )


__all__ = ["RetentionStatus", "retention_status"]
