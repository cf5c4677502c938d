"""The retention job's test world: the small-loan decision of ``rights_world`` (kept 24
months for every category), with helpers to age records (used by tests/retention and
tests/cli)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from rights_world import DECISION_ID, GOOD, PROFILE_ID
from sluis.gateway.service import Gateway
from sluis.store.tables.gateway import DecisionRow

Sessions = sessionmaker[Session]
NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
LONG_AGO = datetime(2023, 6, 1, 9, 0, tzinfo=UTC)  # more than 24 months before NOW
LATELY = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)


def decide(gateway: Gateway, subject: str, taken_at: datetime) -> str:
    """A loan decision about ``subject``, recorded as taken at ``taken_at``."""
    record = gateway.decide(PROFILE_ID, DECISION_ID, subject, GOOD)
    age(gateway.sessions, [record.decision_uuid], taken_at)
    return record.decision_uuid


def age(sessions: Sessions, decision_uuids: list[str], taken_at: datetime) -> None:
    with sessions.begin() as session:
        session.execute(
            update(DecisionRow)
            .where(DecisionRow.id.in_(decision_uuids))
            .values(created_at=taken_at, decided_at=taken_at)
        )
