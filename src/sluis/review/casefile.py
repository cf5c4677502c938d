"""The case file a reviewer works from: everything the decision used and its context.

Only the reviewer holding the claim reads it (it is personal data). It holds the inputs,
the procedure's recommendation with its explanation, why the gateway routed the decision
to a human, what the person submitted, the earlier acts on this decision (with their
reasons) and the person's earlier decisions under the same algorithm. With the policy's
``hide_recommendation`` the recommendation, the standing outcome and the earlier acts are
withheld until the reviewer records a first view of their own (against automation bias,
AI Act art. 14(4)(b)).

Earlier decisions are looked up under the same algorithm only: decisions taken for other
purposes are not the reviewer's to see (purpose limitation, GDPR art. 5(1)(b)). They are
found through the subject's key (``decisions.key_id`` is indexed; a subject's records
share their key until it is shredded), not by scanning pseudonyms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sluis.processing_log import Operation
from sluis.processing_log.hooks import logged
from sluis.review.facts import OpenedItem
from sluis.review.policy import (
    Policy,
    eligibility_problems,
    holding_problems,
    recommendation_visible,
)
from sluis.review.problems import Problem, ProblemKind, ReviewRefused, refuse_if
from sluis.review.rows import (
    DECLARED,
    CaseSummary,
    case_facts,
    case_row,
    policy_of,
    reviewer_for,
    summary,
)
from sluis.review.sealed import live_key, unseal
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewActRow, ReviewCaseRow, ReviewSubmissionRow

if TYPE_CHECKING:
    from sluis.gateway.crypto import SubjectKey
    from sluis.gateway.service import Gateway

MAX_HISTORY = 50


@dataclass(frozen=True)
class Submission:
    """Something the person submitted; ``text`` for a point of view, ``content`` only when
    asked for (see :func:`submission_content`)."""

    id: str
    kind: str
    filename: str | None
    media_type: str | None
    size: int
    created_at: datetime
    text: str | None = None
    content: bytes | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "filename": self.filename,
            "media_type": self.media_type,
            "size": self.size,
            "created_at": self.created_at.isoformat(),
            "text": self.text,
        }


@dataclass(frozen=True)
class PastAct:
    """An earlier act on this decision (any round), reason included."""

    round: int
    stage: str
    reviewer_id: str
    action: str
    outcome: str | None
    reason: str | None
    decided_at: datetime

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "round": self.round,
            "stage": self.stage,
            "reviewer_id": self.reviewer_id,
            "action": self.action,
            "outcome": self.outcome,
            "reason": self.reason,
            "decided_at": self.decided_at.isoformat(),
        }


@dataclass(frozen=True)
class EarlierDecision:
    """Another decision about the same person under the same algorithm."""

    decision_uuid: str
    decision_id: str
    status: str
    outcome: str | None
    created_at: datetime
    decided_at: datetime | None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "decision_uuid": self.decision_uuid,
            "decision_id": self.decision_id,
            "status": self.status,
            "outcome": self.outcome,
            "created_at": self.created_at.isoformat(),
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
        }


@dataclass(frozen=True)
class CaseView:
    """The case file. ``recommendation`` (the procedure's outcome, score and explanation)
    is None while hidden (``recommendation_hidden``) or erased; ``declared_outcomes`` maps
    each outcome the decision declares to whether it is favourable to the person."""

    case: CaseSummary
    decision: dict[str, Any]
    inputs: dict[str, Any] | None
    recommendation: dict[str, Any] | None
    recommendation_hidden: bool
    declared_outcomes: dict[str, bool | None]
    policy: Policy
    first_view: str | None
    opened: tuple[OpenedItem, ...]
    pending_outcome: str | None
    acts: tuple[PastAct, ...] = ()
    submissions: tuple[Submission, ...] = ()
    history: tuple[EarlierDecision, ...] = ()
    erased: bool = False

    def to_json_dict(self, now: datetime | None = None) -> dict[str, Any]:
        return {
            "case": self.case.to_json_dict(now),
            "decision": self.decision,
            "inputs": self.inputs,
            "recommendation": self.recommendation,
            "recommendation_hidden": self.recommendation_hidden,
            "declared_outcomes": [
                {"value": v, "favourable": f} for v, f in self.declared_outcomes.items()
            ],
            "policy": {
                "hide_recommendation": self.policy.hide_recommendation,
                "four_eyes": self.policy.four_eyes,
                "claim_minutes": self.policy.claim_minutes,
            },
            "first_view": self.first_view,
            "opened": [o.value for o in self.opened],
            "pending_outcome": self.pending_outcome,
            "acts": [a.to_json_dict() for a in self.acts],
            "submissions": [s.to_json_dict() for s in self.submissions],
            "history": [h.to_json_dict() for h in self.history],
            "erased": self.erased,
        }


@logged(Operation.open_case_file, case="case_id")
def case_view(gateway: Gateway, reviewer_id: str, case_id: str) -> CaseView:
    """The case file for the reviewer who holds the case (403 without authority, 409
    without the claim). Nothing is recorded: the adapter records what the reviewer opens
    (``record_opened``)."""
    sessions = gateway.sessions
    with sessions.begin() as session:
        row = case_row(session, case_id)
        reviewer = reviewer_for(session, reviewer_id, row.profile_id)
        facts = case_facts(row)
        refuse_if(eligibility_problems(facts, reviewer) + holding_problems(facts, reviewer_id))
        policy = policy_of(session, row.profile_id)
        decision = session.get(DecisionRow, row.decision_uuid)
        assert decision is not None  # a foreign key
        key = live_key(session, gateway.keys, decision)
        visible = recommendation_visible(policy, facts)
        acts = past_acts(session, key, row.decision_uuid) if visible else ()
        submissions = submissions_of(session, key, row.decision_uuid, with_content=False)
        history = _history(session, decision)
        declared = DECLARED.of(sessions, row.profile_id, decision.profile_version, row.decision_id)
        record = gateway.get_decision(row.decision_uuid, reveal=key is not None)
    payload = record.payload.to_json_dict() if record.payload is not None else None
    about = {
        "id": record.decision_uuid,
        "profile_id": record.profile_id,
        "profile_version": record.profile_version,
        "decision_id": record.decision_id,
        "procedure_version": record.procedure_version,
        "status": record.status,
        "outcome": record.outcome if visible else None,
        "score": record.score if visible else None,
        "route_reasons": list(record.route_reasons),
        "created_at": record.created_at.isoformat(),
        "decided_at": record.decided_at.isoformat() if record.decided_at else None,
    }
    return CaseView(
        case=summary(row),
        decision=about,
        inputs=payload["inputs"] if payload else None,
        recommendation=payload["evaluation"] if payload and visible else None,
        recommendation_hidden=not visible,
        declared_outcomes=declared,
        policy=policy,
        first_view=row.first_view,
        opened=tuple(OpenedItem(o) for o in row.opened),
        pending_outcome=row.pending_outcome if visible else None,
        acts=acts,
        submissions=submissions,
        history=history,
        erased=key is None,
    )


def submission_content(
    gateway: Gateway, reviewer_id: str, case_id: str, submission_id: str
) -> Submission:
    """One submission of the case's decision with its content (a document to download),
    for the reviewer who holds the case."""
    with gateway.sessions.begin() as session:
        row = case_row(session, case_id)
        reviewer = reviewer_for(session, reviewer_id, row.profile_id)
        facts = case_facts(row)
        refuse_if(eligibility_problems(facts, reviewer) + holding_problems(facts, reviewer_id))
        decision = session.get(DecisionRow, row.decision_uuid)
        assert decision is not None
        key = live_key(session, gateway.keys, decision)
        found = [
            s
            for s in submissions_of(session, key, row.decision_uuid, with_content=True)
            if s.id == submission_id
        ]
    if not found or found[0].content is None:
        raise ReviewRefused([Problem("submission", "submission_unknown", ProblemKind.not_found)])
    return found[0]


def past_acts(session: Session, key: SubjectKey | None, decision_uuid: str) -> tuple[PastAct, ...]:
    """Every act on every review round of a decision, oldest first, reasons unsealed
    with ``key`` (None once the subject is erased)."""
    rows = session.execute(
        select(ReviewActRow, ReviewCaseRow.round)
        .join(ReviewCaseRow, ReviewCaseRow.id == ReviewActRow.case_id)
        .where(ReviewCaseRow.decision_uuid == decision_uuid)
        .order_by(ReviewActRow.decided_at, ReviewActRow.id)
    ).all()
    found = []
    for act, round_ in rows:
        reason = unseal(key, act.reason_ciphertext, "reason", act.id)
        found.append(
            PastAct(
                round=round_,
                stage=act.stage,
                reviewer_id=act.reviewer_id,
                action=act.action,
                outcome=act.outcome,
                reason=None if reason is None else reason.decode("utf-8"),
                decided_at=act.decided_at,
            )
        )
    return tuple(found)


def submissions_of(
    session: Session, key: SubjectKey | None, decision_uuid: str, *, with_content: bool
) -> tuple[Submission, ...]:
    """What the person submitted about a decision, oldest first: a point of view's text
    always, a document's content only ``with_content``."""
    rows = session.scalars(
        select(ReviewSubmissionRow)
        .where(ReviewSubmissionRow.decision_uuid == decision_uuid)
        .order_by(ReviewSubmissionRow.created_at, ReviewSubmissionRow.id)
    )
    found = []
    for row in rows:
        name = unseal(key, row.filename_ciphertext, "filename", row.id)
        text = content = None
        if row.kind == "point_of_view" or with_content:
            content = unseal(key, row.ciphertext, "submission", row.id)
            if row.kind == "point_of_view" and content is not None:
                text = content.decode("utf-8")
        found.append(
            Submission(
                id=row.id,
                kind=row.kind,
                filename=None if name is None else name.decode("utf-8"),
                media_type=row.media_type,
                size=row.size,
                created_at=row.created_at,
                text=text,
                content=content if with_content else None,
            )
        )
    return tuple(found)


def _history(session: Session, decision: DecisionRow) -> tuple[EarlierDecision, ...]:
    rows = session.scalars(
        select(DecisionRow)
        .where(
            DecisionRow.key_id == decision.key_id,
            DecisionRow.profile_id == decision.profile_id,
            DecisionRow.id != decision.id,
        )
        .order_by(DecisionRow.created_at.desc())
        .limit(MAX_HISTORY)
    )
    return tuple(
        EarlierDecision(r.id, r.decision_id, r.status, r.outcome, r.created_at, r.decided_at)
        for r in rows
    )


__all__ = [
    "CaseView",
    "EarlierDecision",
    "PastAct",
    "Submission",
    "case_view",
    "past_acts",
    "submission_content",
    "submissions_of",
]
