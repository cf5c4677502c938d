"""Recomputing what the dashboard shows but does not compute on a page load: every
monitored algorithm's fairness snapshot and the verification of the audit chain. Run it
from cron (``sluis dashboard refresh``) or the dashboard's button."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from sluis.dashboard.chain import ChainCheck, check_chain
from sluis.fairness.service import Snapshot, monitor, monitored_algorithms

Sessions = sessionmaker[Session]


@dataclass(frozen=True)
class Refreshed:
    snapshots: tuple[Snapshot, ...]
    chain: ChainCheck | None


def refresh(sessions: Sessions, *, now: datetime | None = None, chain: bool = True) -> Refreshed:
    """New fairness snapshots for every algorithm that declares monitoring, and (with
    ``chain``) a full verification of the audit chain."""
    snapshots = tuple(monitor(sessions, a, now=now) for a in monitored_algorithms(sessions))
    return Refreshed(snapshots, check_chain(sessions, now=now) if chain else None)


__all__ = ["Refreshed", "refresh"]
