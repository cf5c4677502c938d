"""The review acts as facts for the meaningfulness metrics (``sluis.review.facts``).

One fact per act, with no personal data but the outcomes and the group label, both wiped
when the subject is shredded. ``model_outcome`` is what the procedure proposed: the
outcome put to the initial review (round 0), or, for a decision that took effect without
one, what the first contest round found standing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from sluis.review.facts import CaseKind, OpenedItem, ReviewAction, ReviewFact
from sluis.review.rows import DECLARED, Sessions
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ControlCaseRow, ReviewActRow, ReviewCaseRow

_DECIDING = frozenset({ReviewAction.confirm, ReviewAction.override, ReviewAction.agree})


def review_facts(
    sessions: Sessions,
    profile_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[ReviewFact]:
    """Every review act (of one algorithm, with ``profile_id``) decided at or after
    ``since`` and before ``until``, oldest first. The kind is ``control`` for planted
    cases; ``group`` comes from the policy's ``group_field`` when the act was taken."""
    initial = aliased(ReviewCaseRow)
    first_contest = aliased(ReviewCaseRow)
    statement = (
        select(
            ReviewActRow,
            ReviewCaseRow,
            DecisionRow.profile_version,
            initial.proposed_outcome,
            first_contest.proposed_outcome,
            ControlCaseRow.expected_outcome,
        )
        .join(ReviewCaseRow, ReviewCaseRow.id == ReviewActRow.case_id)
        .join(DecisionRow, DecisionRow.id == ReviewCaseRow.decision_uuid)
        .outerjoin(
            initial,
            (initial.decision_uuid == ReviewCaseRow.decision_uuid) & (initial.round == 0),
        )
        .outerjoin(
            first_contest,
            (first_contest.decision_uuid == ReviewCaseRow.decision_uuid)
            & (first_contest.round == 1),
        )
        .outerjoin(ControlCaseRow, ControlCaseRow.decision_uuid == ReviewCaseRow.decision_uuid)
        .order_by(ReviewActRow.decided_at, ReviewActRow.id)
    )
    if profile_id is not None:
        statement = statement.where(ReviewCaseRow.profile_id == profile_id)
    if since is not None:
        statement = statement.where(ReviewActRow.decided_at >= since)
    if until is not None:
        statement = statement.where(ReviewActRow.decided_at < until)
    with sessions.begin() as session:
        rows = session.execute(statement).all()
    facts = []
    for act, case, version, initial_outcome, contest_outcome, expected in rows:
        action = ReviewAction(act.action)
        model = initial_outcome if initial_outcome is not None else contest_outcome
        if model is None and case.round == 0:
            model = case.proposed_outcome
        final = act.outcome if action in _DECIDING else None
        declared = DECLARED.of(sessions, case.profile_id, version, case.decision_id)
        facts.append(
            ReviewFact(
                case_id=case.id,
                decision_uuid=case.decision_uuid,
                profile_id=case.profile_id,
                decision_id=case.decision_id,
                reviewer_id=act.reviewer_id,
                decided_at=act.decided_at,
                action=action,
                model_outcome=model,
                final_outcome=final,
                model_favourable=None if model is None else declared.get(model),
                final_favourable=None if final is None else declared.get(final),
                seconds_spent=act.seconds_spent,
                opened=frozenset(OpenedItem(o) for o in act.opened),
                group=act.group_label,
                control_expected=expected,
                kind=CaseKind.control if expected is not None else CaseKind(case.kind),
                round=case.round,
                first_view=act.first_view,
            )
        )
    return facts


__all__ = ["review_facts"]
