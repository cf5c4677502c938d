"""Legal holds: placing and lifting them (service).

A hold covers one algorithm (profile id) or one data subject (by pseudonym, never their
id): while it stands, the retention job erases none of its records. Placing and lifting
are audited, by scope only. A hold is lifted, never deleted, so its history stays.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit import append_event
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables import ProfileRow
from sluis.store.tables.base import NAME_LENGTH, utcnow
from sluis.store.tables.trust import REASON_LENGTH, LegalHoldRow

Sessions = sessionmaker[Session]


@dataclass(frozen=True)
class Problem:
    field: str
    rule: str


class HoldRefused(ValueError):
    """Bad input for a hold; nothing was written. Messages name fields and rules only."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.rule}" for p in problems))


@dataclass(frozen=True)
class Hold:
    id: str
    scope: str  # "algorithm" or "subject"
    profile_id: str | None
    reason: str
    placed_by: str
    placed_at: datetime
    lifted_by: str | None
    lifted_at: datetime | None

    @property
    def active(self) -> bool:
        return self.lifted_at is None

    def to_json_dict(self) -> dict[str, object]:
        # The subject's pseudonym is not shown: it is only good for finding their data.
        return {
            "id": self.id,
            "scope": self.scope,
            "profile_id": self.profile_id,
            "reason": self.reason,
            "placed_by": self.placed_by,
            "placed_at": self.placed_at.isoformat(),
            "lifted_by": self.lifted_by,
            "lifted_at": None if self.lifted_at is None else self.lifted_at.isoformat(),
            "active": self.active,
        }


def _hold(row: LegalHoldRow) -> Hold:
    return Hold(
        row.id,
        "algorithm" if row.profile_id is not None else "subject",
        row.profile_id,
        row.reason,
        row.placed_by,
        row.placed_at,
        row.lifted_by,
        row.lifted_at,
    )


def _text(value: str | None, field: str, limit: int, problems: list[Problem]) -> str:
    text = (value or "").strip()
    if not text:
        problems.append(Problem(field, "required"))
    elif len(text) > limit:
        problems.append(Problem(field, "too_long"))
    return text


def place_hold(
    sessions: Sessions,
    *,
    reason: str,
    placed_by: str,
    profile_id: str | None = None,
    subject_pseudonym: str | None = None,
    now: datetime | None = None,
) -> Hold:
    """Place a hold on an algorithm or on a subject (exactly one of them)."""
    problems: list[Problem] = []
    if (profile_id is None) == (subject_pseudonym is None):
        problems.append(Problem("scope", "one_of_algorithm_or_subject"))
    reason = _text(reason, "reason", REASON_LENGTH, problems)
    placed_by = _text(placed_by, "placed_by", NAME_LENGTH, problems)
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        if profile_id is not None and session.get(ProfileRow, profile_id) is None:
            problems.append(Problem("algorithm", "unknown_profile"))
        if problems:
            raise HoldRefused(problems)
        row = LegalHoldRow(
            id=str(uuid.uuid4()),
            profile_id=profile_id,
            subject_pseudonym=subject_pseudonym,
            reason=reason,
            placed_by=placed_by,
            placed_at=now or utcnow(),
        )
        session.add(row)
        hold = _hold(row)
        append_event(session, "legal_hold_placed", profile_id, None, {"scope": hold.scope})
    return hold


def lift_hold(
    sessions: Sessions, hold_id: str, *, lifted_by: str, now: datetime | None = None
) -> Hold:
    """Lift a standing hold; the retention job may then erase what it kept."""
    problems: list[Problem] = []
    lifted_by = _text(lifted_by, "lifted_by", NAME_LENGTH, problems)
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        row = session.get(LegalHoldRow, hold_id)
        if row is None:
            problems.append(Problem("hold", "unknown_hold"))
        elif row.lifted_at is not None:
            problems.append(Problem("hold", "already_lifted"))
        if problems:
            raise HoldRefused(problems)
        assert row is not None
        row.lifted_by = lifted_by
        row.lifted_at = now or utcnow()
        hold = _hold(row)
        append_event(session, "legal_hold_lifted", row.profile_id, None, {"scope": hold.scope})
    return hold


def list_holds(sessions: Sessions, *, active_only: bool = True) -> list[Hold]:
    with sessions.begin() as session:
        query = select(LegalHoldRow).order_by(LegalHoldRow.placed_at, LegalHoldRow.id)
        if active_only:
            query = query.where(LegalHoldRow.lifted_at.is_(None))
        return [_hold(row) for row in session.scalars(query)]


__all__ = ["Hold", "HoldRefused", "Problem", "lift_hold", "list_holds", "place_hold"]
