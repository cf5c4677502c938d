"""Deciding a case: confirm, override, ask for information, escalate; under four eyes,
agree or disagree.

One transaction does it all or nothing: the act with its reason (sealed with the subject's
key), the case's next state, and when the review is settled the decision itself (status
``final``, the reviewer's outcome, ``decided_at``), with a ``reviewed`` audit event that
holds no personal data. The transaction takes the audit chain's lock first, then the case:
every writer that appends to the chain does so in that order, so none waits for another in
a circle.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sluis.audit import append_event, lock_chain
from sluis.processing_log import Operation
from sluis.processing_log.hooks import logged
from sluis.review.facts import OpenedItem, ReviewAction
from sluis.review.policy import (
    CaseState,
    Stage,
    Transition,
    act_problems,
    transition,
)
from sluis.review.problems import Problem, ProblemKind, ReviewRefused, refuse_if
from sluis.review.rows import (
    DECLARED,
    CaseSummary,
    case_facts,
    case_row,
    new_id,
    policy_of,
    reviewer_for,
    summary,
    writing,
)
from sluis.review.sealed import live_key, seal
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import GROUP_LABEL_LENGTH, ReviewActRow, ReviewCaseRow

if TYPE_CHECKING:
    from sluis.gateway.service import Gateway

REASON = "reason"
log = logging.getLogger("sluis.review")


@dataclass(frozen=True)
class ActResult:
    """What an act did: its id, the case after it, and whether it settled the decision
    (then ``outcome`` is the decision's final outcome)."""

    act_id: str
    action: ReviewAction
    stage: Stage
    case: CaseSummary
    settled: bool
    outcome: str | None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "act_id": self.act_id,
            "action": self.action.value,
            "stage": self.stage.value,
            "settled": self.settled,
            "outcome": self.outcome,
            "case": self.case.to_json_dict(),
        }


@logged(Operation.review_decision, case="case_id")
def decide(
    gateway: Gateway,
    reviewer_id: str,
    case_id: str,
    action: ReviewAction | str,
    outcome: str | None = None,
    reason: str = "",
    *,
    now: datetime | None = None,
) -> ActResult:
    """Act on a case the reviewer holds. Refused, with nothing changed, when the reviewer
    may not (403), does not hold the case or it is already decided (409), or the act is
    incomplete: no written reason, an outcome the decision does not declare, an override
    that changes nothing (422, every problem listed)."""
    action = _action(action)
    group = _group_label(gateway, case_id)
    with writing(gateway.sessions) as session:
        lock_chain(on_connection(session.connection()))
        now = now or utcnow()
        row = case_row(session, case_id, lock=True)
        decision = session.get(DecisionRow, row.decision_uuid)
        assert decision is not None  # a foreign key
        reviewer = reviewer_for(session, reviewer_id, row.profile_id)
        policy = policy_of(session, row.profile_id)
        declared = DECLARED.of(
            gateway.sessions, row.profile_id, decision.profile_version, row.decision_id
        )
        facts = case_facts(row)
        refuse_if(act_problems(facts, policy, reviewer, action, outcome, reason, list(declared)))
        key = live_key(session, gateway.keys, decision)
        if key is None:
            raise ReviewRefused([Problem("case", "case_erased", ProblemKind.conflict)])
        step = transition(facts, policy, reviewer_id, action, outcome)
        act_id = new_id()
        stage = Stage(row.stage)
        session.add(
            ReviewActRow(
                id=act_id,
                case_id=row.id,
                reviewer_id=reviewer_id,
                stage=stage.value,
                action=action.value,
                outcome=step.act_outcome,
                first_view=row.first_view,
                reason_ciphertext=seal(key, reason.strip().encode("utf-8"), REASON, act_id),
                key_id=key.key_id,
                started_at=row.claimed_at or now,
                decided_at=now,
                seconds_spent=max(0.0, (now - (row.claimed_at or now)).total_seconds()),
                opened=[OpenedItem(o).value for o in row.opened],
                group_label=group,
            )
        )
        _apply(row, step, now)
        if step.settles is not None:
            decision.status = "final"
            decision.outcome = step.settles
            decision.decided_at = now
        append_event(
            session,
            "reviewed",
            row.profile_id,
            row.decision_uuid,
            {
                "decision_id": row.decision_id,
                "case_id": row.id,
                "action": action.value,
                "stage": stage.value,
                "round": row.round,
                "kind": row.kind,
                "settled": step.settles is not None,
                "escalated": step.escalated,
            },
        )
        session.flush()
        settled = step.settles is not None
        result = ActResult(act_id, action, stage, summary(row), settled, step.settles)
    if settled:
        _tell_settled(gateway, case_id)
    return result


# -- who wants to know when a review is settled ------------------------------------------

SettledHook = Callable[[str], None]
#: Per gateway, the hooks to call with a case's id once its review has settled the decision
#: and committed. Held weakly (by gateway and by bound method): the desks above the review
#: desk (``sluis.rights``) register themselves, and the review desk imports none of them.
_SETTLED: weakref.WeakKeyDictionary[Gateway, list[weakref.WeakMethod[SettledHook]]] = (
    weakref.WeakKeyDictionary()
)
_hooks_lock = threading.Lock()


def when_settled(gateway: Gateway, hook: SettledHook) -> None:
    """Call the bound method ``hook`` with the case id whenever a review on ``gateway``
    settles its decision, after the transaction has committed (once per hook)."""
    with _hooks_lock:
        hooks = _SETTLED.setdefault(gateway, [])
        if all(h() != hook for h in hooks):
            hooks.append(weakref.WeakMethod(hook))


def _tell_settled(gateway: Gateway, case_id: str) -> None:
    with _hooks_lock:
        hooks = [h() for h in _SETTLED.get(gateway, [])]
    for hook in hooks:
        if hook is None:
            continue
        try:
            hook(case_id)
        except Exception:
            # The review is decided and committed: a desk that could not follow it up
            # (mail down, say) still has its own polling to catch up with it.
            log.exception("a settled review could not be followed up at once")


def _action(action: ReviewAction | str) -> ReviewAction:
    try:
        return ReviewAction(action)
    except ValueError:
        raise ReviewRefused(
            [
                Problem(
                    "action",
                    "action_unknown",
                    ProblemKind.invalid,
                    (),
                    {"allowed": ", ".join(a.value for a in ReviewAction)},
                )
            ]
        ) from None


def _apply(row: ReviewCaseRow, step: Transition, now: datetime) -> None:
    row.state = step.state.value
    row.stage = step.stage.value
    row.escalated = step.escalated
    row.pending_outcome = step.pending_outcome
    row.first_reviewer = step.first_reviewer
    row.claimed_by = None
    row.claimed_at = None
    row.claim_expires_at = None
    row.opened = []
    row.first_view = None
    row.first_view_at = None
    if step.state is CaseState.decided:
        row.closed_at = now


def _group_label(gateway: Gateway, case_id: str) -> str | None:
    """The value of the policy's group field in the decision's inputs, for the fairness of
    review metrics (read before the write transaction: decrypting needs no lock)."""
    with gateway.sessions.begin() as session:
        row = session.get(ReviewCaseRow, case_id)
        if row is None:
            return None
        field = policy_of(session, row.profile_id).group_field
        decision_uuid = row.decision_uuid
    if field is None:
        return None
    record = gateway.get_decision(decision_uuid, reveal=True)
    if record.payload is None:
        return None
    value = record.payload.inputs.get(field)
    return None if value is None else str(value)[:GROUP_LABEL_LENGTH]


__all__ = ["ActResult", "SettledHook", "decide", "when_settled"]
