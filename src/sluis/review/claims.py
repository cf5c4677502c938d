"""The queue and the claims on its cases, safe with many reviewers in many processes.

A reviewer claims a case before acting on it; a claim expires after the policy's
``claim_minutes`` and the case returns to the queue. Taking the next case must never hand
one case to two reviewers:

- on PostgreSQL, ``SELECT ... FOR UPDATE SKIP LOCKED`` picks the first claimable case that
  no other transaction is looking at, and holds it until the claim is written;
- on SQLite, the transaction holds the database's write lock from its start (``BEGIN
  IMMEDIATE``), so nobody can claim in between;
- on both, the claim is written as a compare-and-set (``UPDATE ... WHERE state = <seen>``)
  whose row count must be one, so even a writer outside these rules cannot make a case
  claimed twice.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from sluis.review.facts import CaseKind, OpenedItem
from sluis.review.policy import (
    CLOSED,
    CaseState,
    Policy,
    Reviewer,
    Stage,
    authority_problems,
    claim_expiry,
    claim_problems,
    claim_stage,
    first_view_problems,
    holding_problems,
    opened_problems,
)
from sluis.review.problems import Problem, ProblemKind, ReviewRefused, refuse_if
from sluis.review.rows import (
    DECLARED,
    CaseSummary,
    Sessions,
    case_facts,
    case_row,
    policy_of,
    reviewer_for,
    summary,
    writing,
)
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewCaseRow

Case = ReviewCaseRow
Order = Literal["oldest", "deadline"]
OPEN_STATES = tuple(s for s in CaseState if s not in CLOSED)
MAX_PAGE = 500
_ATTEMPTS = 5


# -- the queue ---------------------------------------------------------------------------


def queue(
    sessions: Sessions,
    profile_id: str,
    *,
    order: Order = "oldest",
    states: Collection[CaseState] | None = None,
    kind: CaseKind | None = None,
    escalated: bool | None = None,
    overdue: bool | None = None,
    claimed_by: str | None = None,
    limit: int = 50,
    offset: int = 0,
    now: datetime | None = None,
) -> list[CaseSummary]:
    """An algorithm's cases, oldest first (``order="oldest"``) or by deadline; by default
    those not yet settled. Filters: states, kind, escalated, overdue (deadline passed),
    claimed_by. Control cases show as ordinary initial cases."""
    now = now or utcnow()
    chosen = tuple(states) if states else OPEN_STATES
    statement = select(Case).where(Case.profile_id == profile_id, Case.state.in_(chosen))
    if kind is not None:
        statement = statement.where(Case.kind == kind.value)
    if escalated is not None:
        statement = statement.where(Case.escalated.is_(escalated))
    if overdue is not None:
        statement = statement.where((Case.due_at < now) if overdue else (Case.due_at >= now))
    if claimed_by is not None:
        statement = statement.where(Case.claimed_by == claimed_by)
    keys = (Case.created_at, Case.id) if order == "oldest" else (Case.due_at, Case.created_at)
    statement = statement.order_by(*keys).limit(max(1, min(limit, MAX_PAGE))).offset(offset)
    with sessions.begin() as session:
        return [summary(row) for row in session.scalars(statement)]


def queue_counts(
    sessions: Sessions, profile_id: str, now: datetime | None = None
) -> dict[str, int]:
    """How many of the algorithm's cases are in each state, and how many unsettled ones are
    overdue (``overdue``)."""
    now = now or utcnow()
    with sessions.begin() as session:
        rows = session.execute(
            select(Case.state, func.count())
            .where(Case.profile_id == profile_id)
            .group_by(Case.state)
        ).all()
        late = session.scalar(
            select(func.count()).where(
                Case.profile_id == profile_id, Case.state.in_(OPEN_STATES), Case.due_at < now
            )
        )
    counts = {state.value: 0 for state in CaseState}
    counts.update({str(state): int(n) for state, n in rows})
    counts["overdue"] = int(late or 0)
    return counts


# -- claiming ----------------------------------------------------------------------------


def claim_next(
    sessions: Sessions, reviewer_id: str, profile_id: str, *, now: datetime | None = None
) -> CaseSummary | None:
    """Claim the most urgent case of the algorithm this reviewer may take (by deadline,
    then age), or None when there is none. A reviewer who already holds a case of the
    algorithm gets that one back, its claim renewed: one case at a time."""
    now = now or utcnow()
    with writing(sessions) as session:
        reviewer = reviewer_for(session, reviewer_id, profile_id)
        refuse_if(authority_problems(reviewer))
        policy = policy_of(session, profile_id)
        held = session.scalars(
            select(Case)
            .where(
                Case.profile_id == profile_id,
                Case.state == CaseState.claimed.value,
                Case.claimed_by == reviewer_id,
            )
            .order_by(Case.claimed_at)
            .limit(1)
            .with_for_update()
        ).first()
        if held is not None:
            return _renew(session, held, policy, now)
        candidates = (
            select(Case)
            .where(*_claimable(session, profile_id, reviewer, now))
            .order_by(Case.due_at, Case.created_at, Case.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        for _ in range(_ATTEMPTS):
            row = session.scalars(candidates).first()
            if row is None:
                return None
            if _take(session, row, reviewer_id, policy, now):
                return summary(row)
    return None


def claim(
    sessions: Sessions, reviewer_id: str, case_id: str, *, now: datetime | None = None
) -> CaseSummary:
    """Claim one case (a case one already holds: the claim is renewed). Refused with the
    rule when the reviewer may not take it (403) or it is not free (409)."""
    now = now or utcnow()
    with writing(sessions) as session:
        row = case_row(session, case_id, lock=True)
        reviewer = reviewer_for(session, reviewer_id, row.profile_id)
        facts = case_facts(row)
        refuse_if(claim_problems(facts, reviewer, now))
        policy = policy_of(session, row.profile_id)
        if facts.held_by(reviewer_id):
            return _renew(session, row, policy, now)
        if not _take(session, row, reviewer_id, policy, now):
            raise ReviewRefused([Problem("case", "claimed_by_other", ProblemKind.conflict)])
        return summary(row)


def release(
    sessions: Sessions, reviewer_id: str, case_id: str, *, now: datetime | None = None
) -> CaseSummary:
    """Give a held case back to the queue (a four-eyes second stage returns to waiting for
    a second reviewer). What was opened and a first view go with the claim."""
    with writing(sessions) as session:
        row = case_row(session, case_id, lock=True)
        refuse_if(holding_problems(case_facts(row), reviewer_id))
        second = row.stage == Stage.second.value
        row.state = (CaseState.awaiting_second if second else CaseState.open).value
        _clear_claim(row)
        session.flush()
        return summary(row)


def _claimable(
    session: Session, profile_id: str, reviewer: Reviewer, now: datetime
) -> list[ColumnElement[bool]]:
    """The SQL form of ``policy.claim_problems`` being empty, for the queue's scan."""
    me = reviewer.id
    free = or_(
        Case.state == CaseState.open.value,
        and_(Case.state == CaseState.awaiting_second.value, Case.first_reviewer != me),
        and_(
            Case.state == CaseState.claimed.value,
            Case.claim_expires_at <= now,
            Case.claimed_by != me,
            or_(Case.stage == Stage.first.value, Case.first_reviewer != me),
        ),
    )
    conditions = [Case.profile_id == profile_id, free, ~_excluded(session, me)]
    if not reviewer.senior:
        conditions.append(Case.escalated.is_(False))
    return conditions


def _excluded(session: Session, reviewer_id: str) -> ColumnElement[bool]:
    """Whether the case's ``excluded_reviewers`` (a JSON list) holds the reviewer."""
    if session.get_bind().dialect.name == "postgresql":
        wanted = func.jsonb_build_array(cast(literal(reviewer_id), String))
        return Case.excluded_reviewers.op("@>", is_comparison=True)(wanted)
    members = func.json_each(Case.excluded_reviewers).table_valued("value")
    return exists(select(true()).select_from(members).where(members.c.value == reviewer_id))


def _take(
    session: Session, row: ReviewCaseRow, reviewer_id: str, policy: Policy, now: datetime
) -> bool:
    """Compare-and-set the claim: only while the case is still as it was read."""
    holder = row.claimed_by
    seen = Case.claimed_by.is_(None) if holder is None else Case.claimed_by == holder
    result = session.execute(
        update(Case)
        .where(Case.id == row.id, Case.state == row.state, seen)
        .values(
            state=CaseState.claimed.value,
            stage=claim_stage(case_facts(row)).value,
            claimed_by=reviewer_id,
            claimed_at=now,
            claim_expires_at=claim_expiry(now, policy),
            opened=[],
            first_view=None,
            first_view_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return False
    session.refresh(row)
    return True


def _renew(session: Session, row: ReviewCaseRow, policy: Policy, now: datetime) -> CaseSummary:
    row.claim_expires_at = claim_expiry(now, policy)
    session.flush()
    return summary(row)


def _clear_claim(row: ReviewCaseRow) -> None:
    row.claimed_by = None
    row.claimed_at = None
    row.claim_expires_at = None
    row.opened = []
    row.first_view = None
    row.first_view_at = None


# -- while holding a case ----------------------------------------------------------------


def record_opened(
    sessions: Sessions, reviewer_id: str, case_id: str, item: OpenedItem
) -> list[OpenedItem]:
    """Record that the reviewer opened a part of the case (the metrics count what reviewers
    look at); returns everything opened during the claim. The recommendation cannot be
    opened while the policy hides it and no first view is recorded."""
    with writing(sessions) as session:
        row = case_row(session, case_id, lock=True)
        facts = case_facts(row)
        refuse_if(authority_problems(reviewer_for(session, reviewer_id, row.profile_id)))
        refuse_if(opened_problems(facts, reviewer_id, item, policy_of(session, row.profile_id)))
        opened = list(dict.fromkeys([*row.opened, item.value]))
        row.opened = opened
        return [OpenedItem(o) for o in opened]


def record_first_view(
    sessions: Sessions,
    reviewer_id: str,
    case_id: str,
    outcome: str,
    *,
    now: datetime | None = None,
) -> CaseSummary:
    """Record the outcome the reviewer would choose before seeing the recommendation (once
    per claim); with ``hide_recommendation`` this unlocks the recommendation."""
    with writing(sessions) as session:
        row = case_row(session, case_id, lock=True)
        refuse_if(authority_problems(reviewer_for(session, reviewer_id, row.profile_id)))
        declared = _declared(sessions, session, row)
        refuse_if(first_view_problems(case_facts(row), reviewer_id, outcome, list(declared)))
        row.first_view = outcome
        row.first_view_at = now or utcnow()
        session.flush()
        return summary(row)


def information_received(sessions: Sessions, reviewer_id: str, case_id: str) -> CaseSummary:
    """The information a reviewer asked for is in: the case returns to the queue."""
    with writing(sessions) as session:
        row = case_row(session, case_id, lock=True)
        reviewer = reviewer_for(session, reviewer_id, row.profile_id)
        refuse_if(authority_problems(reviewer))
        if row.state != CaseState.awaiting_information.value:
            raise ReviewRefused([Problem("case", "not_awaiting_information", ProblemKind.conflict)])
        row.state = CaseState.open.value
        session.flush()
        return summary(row)


def _declared(sessions: Sessions, session: Session, row: ReviewCaseRow) -> dict[str, Any]:
    version = session.scalar(
        select(DecisionRow.profile_version).where(DecisionRow.id == row.decision_uuid)
    )
    return DECLARED.of(sessions, row.profile_id, int(version or 0), row.decision_id)


__all__ = [
    "OPEN_STATES",
    "claim",
    "claim_next",
    "information_received",
    "queue",
    "queue_counts",
    "record_first_view",
    "record_opened",
    "release",
]
