"""Storage helpers shared by the review desk's services: write transactions, reading a
case with its reviewer and policy, and the values the services hand out."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.gateway.records import new_ids
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.review.facts import CaseKind
from sluis.review.policy import DEFAULT_POLICY, CaseFacts, CaseState, Policy, Reviewer, Stage
from sluis.review.problems import Problem, ProblemKind, ReviewRefused
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables.review import (
    ReviewCaseRow,
    ReviewerAuthorisationRow,
    ReviewerRow,
    ReviewPolicyRow,
)

Sessions = sessionmaker[Session]


@contextmanager
def writing(sessions: Sessions) -> Iterator[Session]:
    """A write transaction; on SQLite it holds the write lock from the start, so what it
    reads cannot change before it writes."""
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        yield session


_last_id = 0
_id_lock = threading.Lock()


def new_id() -> str:
    """A new record id: a UUID (version 7 layout) that sorts after every id this process
    made before, so records made in one transaction keep their order."""
    with _id_lock:
        global _last_id
        value = int(uuid.UUID(new_ids(1)[0]))
        # Within one millisecond the random bits decide: step past the last id instead.
        _last_id = value if value > _last_id else _last_id + 1
        return str(uuid.UUID(int=_last_id))


def not_found(field: str, rule: str, **params: Any) -> ReviewRefused:
    return ReviewRefused([Problem(field, rule, ProblemKind.not_found, (), params)])


# -- reading -----------------------------------------------------------------------------


def policy_of(session: Session, profile_id: str) -> Policy:
    row = session.get(ReviewPolicyRow, profile_id)
    return DEFAULT_POLICY if row is None else policy_from_row(row)


def policy_from_row(row: ReviewPolicyRow) -> Policy:
    return Policy(
        hide_recommendation=row.hide_recommendation,
        four_eyes=row.four_eyes,
        claim_minutes=row.claim_minutes,
        due_days=row.due_days,
        group_field=row.group_field,
        thresholds=dict(row.thresholds),
    )


def reviewer_for(session: Session, reviewer_id: str, profile_id: str) -> Reviewer:
    """The reviewer as the rules see them for one algorithm; 404 when unknown."""
    row = session.get(ReviewerRow, reviewer_id)
    if row is None:
        raise not_found("reviewer", "reviewer_unknown")
    grant = session.get(ReviewerAuthorisationRow, (reviewer_id, profile_id))
    return Reviewer(row.id, row.active, grant is not None, grant is not None and grant.senior)


def case_row(session: Session, case_id: str, *, lock: bool = False) -> ReviewCaseRow:
    """The case, locked for the transaction with ``lock`` (PostgreSQL; on SQLite the write
    transaction holds the lock); 404 when unknown."""
    statement = select(ReviewCaseRow).where(ReviewCaseRow.id == case_id)
    if lock:
        statement = statement.with_for_update()
    row = session.scalars(statement).first()
    if row is None:
        raise not_found("case", "case_unknown")
    return row


def case_facts(row: ReviewCaseRow) -> CaseFacts:
    return CaseFacts(
        state=CaseState(row.state),
        stage=Stage(row.stage),
        escalated=row.escalated,
        claimed_by=row.claimed_by,
        claim_expires_at=row.claim_expires_at,
        first_reviewer=row.first_reviewer,
        excluded=frozenset(row.excluded_reviewers),
        proposed_outcome=row.proposed_outcome,
        pending_outcome=row.pending_outcome,
        first_view=row.first_view,
    )


class DeclaredOutcomes:
    """The outcomes each profile version declares for its decisions (versions never
    change, so they are read once per process)."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str, int, str], dict[str, bool | None]] = {}

    def of(
        self, sessions: Sessions, profile_id: str, version: int, decision_id: str
    ) -> dict[str, bool | None]:
        """Declared outcome → whether it is favourable (empty when none are declared)."""
        # Keyed by the database too: another database may hold other profiles by the same id.
        key = (str(sessions.kw.get("bind").url), profile_id, version, decision_id)  # type: ignore[union-attr]
        found = self._found.get(key)
        if found is None:
            try:
                profile = get_profile(sessions, profile_id, version).profile
            except ProfileNotFound:
                return {}
            decision = next((d for d in profile.decisions if d.id == decision_id), None)
            found = {} if decision is None else {o.value: o.favourable for o in decision.outcomes}
            self._found[key] = found
        return found


DECLARED = DeclaredOutcomes()


# -- values handed out -------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


@dataclass(frozen=True)
class CaseSummary:
    """A case as the queue shows it: nothing about the person, no outcome. Control cases
    look like any initial case."""

    id: str
    decision_uuid: str
    profile_id: str
    decision_id: str
    kind: CaseKind
    round: int
    state: CaseState
    stage: Stage
    escalated: bool
    claimed_by: str | None
    claimed_at: datetime | None
    claim_expires_at: datetime | None
    due_at: datetime
    created_at: datetime
    closed_at: datetime | None

    def overdue(self, now: datetime) -> bool:
        return self.state not in (CaseState.decided, CaseState.erased) and self.due_at < now

    def to_json_dict(self, now: datetime | None = None) -> dict[str, Any]:
        document = {
            "id": self.id,
            "decision_uuid": self.decision_uuid,
            "profile_id": self.profile_id,
            "decision_id": self.decision_id,
            "kind": self.kind.value,
            "round": self.round,
            "state": self.state.value,
            "stage": self.stage.value,
            "escalated": self.escalated,
            "claimed_by": self.claimed_by,
            "claimed_at": _iso(self.claimed_at),
            "claim_expires_at": _iso(self.claim_expires_at),
            "due_at": self.due_at.isoformat(),
            "created_at": self.created_at.isoformat(),
            "closed_at": _iso(self.closed_at),
        }
        if now is not None:
            document["overdue"] = self.overdue(now)
        return document


def summary(row: ReviewCaseRow) -> CaseSummary:
    return CaseSummary(
        id=row.id,
        decision_uuid=row.decision_uuid,
        profile_id=row.profile_id,
        decision_id=row.decision_id,
        kind=CaseKind(row.kind),
        round=row.round,
        state=CaseState(row.state),
        stage=Stage(row.stage),
        escalated=row.escalated,
        claimed_by=row.claimed_by,
        claimed_at=row.claimed_at,
        claim_expires_at=row.claim_expires_at,
        due_at=row.due_at,
        created_at=row.created_at,
        closed_at=row.closed_at,
    )


__all__ = [
    "DECLARED",
    "CaseSummary",
    "DeclaredOutcomes",
    "Sessions",
    "case_facts",
    "case_row",
    "new_id",
    "not_found",
    "policy_from_row",
    "policy_of",
    "reviewer_for",
    "summary",
    "writing",
]
