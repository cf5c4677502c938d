"""What comes from outside the queue: the person's submissions and contests, and the
privacy officer's control cases.

- A **submission** is the person's point of view or a document about a decision, sealed
  with their key. The rights desk (next issue) takes them from the person; a case waiting
  for information returns to the queue when one arrives.
- A **contest** (GDPR art. 22(3)) opens a new review round of a decision that took effect.
  Everyone who acted on the decision before is excluded from it, and it is due within one
  month at most (art. 12(3)).
- A **control case** is a decision the privacy officer runs through the gateway, with
  ``requested="review"`` and a made-up subject, knowing the right outcome. Nothing in the
  queue or the case file tells it apart; the metrics report how often reviewers get it
  right.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sluis.audit import append_event, lock_chain
from sluis.gateway.bindings import DecisionUnavailable
from sluis.processing_log import Operation
from sluis.processing_log.hooks import logged
from sluis.review.casefile import Submission
from sluis.review.facts import CaseKind
from sluis.review.policy import CLOSED, CaseState, Stage, due_at
from sluis.review.problems import Problem, ProblemKind, ReviewRefused, refuse_if
from sluis.review.rows import (
    DECLARED,
    CaseSummary,
    Sessions,
    new_id,
    not_found,
    policy_of,
    summary,
    writing,
)
from sluis.review.sealed import live_key, seal
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import NAME_LENGTH, utcnow
from sluis.store.tables.gateway import OUTCOME_LENGTH, DecisionRow
from sluis.store.tables.review import (
    MEDIA_TYPE_LENGTH,
    SUBMISSION_KINDS,
    ControlCaseRow,
    ReviewActRow,
    ReviewCaseRow,
    ReviewSubmissionRow,
)

if TYPE_CHECKING:
    from sluis.gateway.crypto import SubjectKey
    from sluis.gateway.service import Gateway

MAX_POINT_OF_VIEW = 20_000
MAX_DOCUMENT_BYTES = 10_000_000
MAX_FILENAME = 255
_TOKEN = r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}"
_MEDIA_TYPE = re.compile(rf"^{_TOKEN}/{_TOKEN}$")


@dataclass(frozen=True)
class Document:
    """A document the person hands in."""

    content: bytes
    filename: str | None = None
    media_type: str | None = None


@dataclass(frozen=True)
class ControlCase:
    """A planted decision; ``reached`` is the outcome the review settled on (None until it
    is settled), ``caught`` whether that is the expected one."""

    decision_uuid: str
    case_id: str | None
    profile_id: str
    decision_id: str
    expected_outcome: str
    planted_by: str
    planted_at: datetime
    state: str | None
    reached: str | None

    @property
    def caught(self) -> bool | None:
        return None if self.reached is None else self.reached == self.expected_outcome

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "decision_uuid": self.decision_uuid,
            "case_id": self.case_id,
            "profile_id": self.profile_id,
            "decision_id": self.decision_id,
            "expected_outcome": self.expected_outcome,
            "planted_by": self.planted_by,
            "planted_at": self.planted_at.isoformat(),
            "state": self.state,
            "reached": self.reached,
            "caught": self.caught,
        }


def _invalid(field: str, rule: str, **params: Any) -> Problem:
    return Problem(field, rule, ProblemKind.invalid, (), params)


# -- submissions -------------------------------------------------------------------------


def submission_problems(
    kind: str,
    content: str | bytes,
    filename: str | None,
    media_type: str | None,
    field: str = "",
) -> list[Problem]:
    """Everything wrong with a submission (``field`` prefixes the names, e.g. for the
    documents of a contest)."""
    problems: list[Problem] = []
    if kind not in SUBMISSION_KINDS:
        problems.append(_invalid(f"{field}kind", "submission_kind"))
    elif kind == "point_of_view":
        text = content if isinstance(content, str) else None
        if text is None or not text.strip() or len(text) > MAX_POINT_OF_VIEW:
            rule = "point_of_view_length"
            problems.append(_invalid(f"{field}content", rule, max=MAX_POINT_OF_VIEW))
    elif not content or len(content) > MAX_DOCUMENT_BYTES:
        problems.append(_invalid(f"{field}content", "document_size", max=MAX_DOCUMENT_BYTES))
    if filename is not None and not 1 <= len(filename.strip()) <= MAX_FILENAME:
        problems.append(_invalid(f"{field}filename", "filename_length", max=MAX_FILENAME))
    if media_type is not None and (
        len(media_type) > MEDIA_TYPE_LENGTH or not _MEDIA_TYPE.fullmatch(media_type)
    ):
        problems.append(_invalid(f"{field}media_type", "media_type_form"))
    return problems


def add_submission(
    gateway: Gateway,
    decision_uuid: str,
    kind: str,
    content: str | bytes,
    *,
    filename: str | None = None,
    media_type: str | None = None,
    now: datetime | None = None,
) -> Submission:
    """Store the person's point of view (``kind="point_of_view"``, text) or a document
    (``kind="document"``, bytes) about a decision, sealed with their key. A case of the
    decision waiting for information returns to the queue. 404 for an unknown decision, 409
    when the person's data was erased."""
    refuse_if(submission_problems(kind, content, filename, media_type))
    with writing(gateway.sessions) as session:
        lock_chain(on_connection(session.connection()))
        decision, key = _decision_and_key(gateway, session, decision_uuid)
        now = now or utcnow()
        stored = _store(session, key, decision, kind, content, filename, media_type, now)
        session.execute(
            update(ReviewCaseRow)
            .where(
                ReviewCaseRow.decision_uuid == decision_uuid,
                ReviewCaseRow.state == CaseState.awaiting_information.value,
            )
            .values(state=CaseState.open.value)
            .execution_options(synchronize_session=False)
        )
        return stored


def _decision_and_key(
    gateway: Gateway, session: Session, decision_uuid: str
) -> tuple[DecisionRow, SubjectKey]:
    decision = session.get(DecisionRow, decision_uuid)
    if decision is None:
        raise not_found("decision_uuid", "decision_unknown")
    key = live_key(session, gateway.keys, decision)
    if key is None:
        raise ReviewRefused([Problem("decision_uuid", "subject_erased", ProblemKind.conflict)])
    return decision, key


def _store(
    session: Session,
    key: SubjectKey,
    decision: DecisionRow,
    kind: str,
    content: str | bytes,
    filename: str | None,
    media_type: str | None,
    now: datetime,
) -> Submission:
    submission_id = new_id()
    data = content.strip().encode("utf-8") if isinstance(content, str) else bytes(content)
    name = None if filename is None else filename.strip()
    session.add(
        ReviewSubmissionRow(
            id=submission_id,
            decision_uuid=decision.id,
            kind=kind,
            filename_ciphertext=(
                None if name is None else seal(key, name.encode("utf-8"), "filename", submission_id)
            ),
            media_type=media_type,
            size=len(data),
            ciphertext=seal(key, data, "submission", submission_id),
            key_id=key.key_id,
            created_at=now,
        )
    )
    append_event(
        session,
        "submission_received",
        decision.profile_id,
        decision.id,
        {"decision_id": decision.decision_id, "kind": kind},
    )
    text = data.decode("utf-8") if kind == "point_of_view" else None
    return Submission(submission_id, kind, name, media_type, len(data), now, text)


# -- contests ----------------------------------------------------------------------------


@logged(Operation.rights_contest, decision="decision_uuid")
def open_contest(
    gateway: Gateway,
    decision_uuid: str,
    *,
    point_of_view: str | None = None,
    documents: Sequence[Document] = (),
    now: datetime | None = None,
) -> CaseSummary:
    """Open a new review round of a final decision the person contests (GDPR art. 22(3)),
    with what they submitted. Every reviewer who acted on the decision before is excluded.
    409 while the decision is not final or a review of it is still open."""
    problems: list[Problem] = []
    if point_of_view is not None:
        field = "point_of_view."
        problems += submission_problems("point_of_view", point_of_view, None, None, field)
    for i, document in enumerate(documents):
        problems += submission_problems(
            "document", document.content, document.filename, document.media_type, f"documents.{i}."
        )
    refuse_if(problems)
    with writing(gateway.sessions) as session:
        lock_chain(on_connection(session.connection()))
        now = now or utcnow()
        decision, key = _decision_and_key(gateway, session, decision_uuid)
        earlier = list(
            session.scalars(
                select(ReviewCaseRow)
                .where(ReviewCaseRow.decision_uuid == decision_uuid)
                .with_for_update()
            )
        )
        if any(CaseState(c.state) not in CLOSED for c in earlier):
            raise ReviewRefused([Problem("decision_uuid", "review_open", ProblemKind.conflict)])
        if decision.status != "final":
            raise ReviewRefused([Problem("decision_uuid", "not_final", ProblemKind.conflict)])
        took_part = session.scalars(
            select(ReviewActRow.reviewer_id)
            .join(ReviewCaseRow, ReviewCaseRow.id == ReviewActRow.case_id)
            .where(ReviewCaseRow.decision_uuid == decision_uuid)
            .distinct()
        )
        round_ = max((c.round for c in earlier), default=0) + 1
        policy = policy_of(session, decision.profile_id)
        case = ReviewCaseRow(
            id=new_id(),
            decision_uuid=decision_uuid,
            profile_id=decision.profile_id,
            decision_id=decision.decision_id,
            kind=CaseKind.contest.value,
            round=round_,
            state=CaseState.open.value,
            stage=Stage.first.value,
            escalated=False,
            proposed_outcome=decision.outcome,
            opened=[],
            excluded_reviewers=sorted(set(took_part)),
            due_at=due_at(CaseKind.contest, now, policy.due_days),
            created_at=now,
        )
        session.add(case)
        session.flush()
        count = 0
        if point_of_view is not None:
            _store(session, key, decision, "point_of_view", point_of_view, None, None, now)
            count += 1
        for document in documents:
            _store(
                session,
                key,
                decision,
                "document",
                document.content,
                document.filename,
                document.media_type,
                now,
            )
            count += 1
        append_event(
            session,
            "review_contested",
            decision.profile_id,
            decision_uuid,
            {
                "decision_id": decision.decision_id,
                "case_id": case.id,
                "round": round_,
                "submissions": count,
            },
        )
        return summary(case)


# -- control cases -----------------------------------------------------------------------


def plant_control_case(
    gateway: Gateway,
    profile_id: str,
    decision_id: str,
    inputs: Mapping[str, object],
    expected_outcome: str,
    planted_by: str,
) -> ControlCase:
    """Run ``inputs`` through the gateway for a made-up subject, asking for review, and
    record the outcome known to be right. Bad inputs are refused by the gateway as for any
    decision (``InputsRefused``, ``DecisionUnavailable``)."""
    planted_by = planted_by.strip()
    problems: list[Problem] = []
    if not planted_by or len(planted_by) > NAME_LENGTH:
        problems.append(_invalid("planted_by", "name_length", max=NAME_LENGTH))
    if not expected_outcome.strip() or len(expected_outcome) > OUTCOME_LENGTH:
        problems.append(_invalid("expected_outcome", "outcome_length", max=OUTCOME_LENGTH))
    binding = gateway.binding(profile_id, decision_id)
    if binding is None:
        raise DecisionUnavailable(profile_id, decision_id, "no_procedure")
    declared = DECLARED.of(gateway.sessions, profile_id, binding.profile_version, decision_id)
    if declared and expected_outcome not in declared:
        problems.append(
            _invalid("expected_outcome", "outcome_undeclared", declared=", ".join(declared))
        )
    refuse_if(problems)
    subject = f"control-{uuid.uuid4()}"  # nobody's: its pseudonym looks like any other
    record = gateway.decide(profile_id, decision_id, subject, inputs, requested="review")
    now = utcnow()
    with writing(gateway.sessions) as session:
        lock_chain(on_connection(session.connection()))
        session.add(
            ControlCaseRow(
                decision_uuid=record.decision_uuid,
                expected_outcome=expected_outcome,
                planted_by=planted_by,
                planted_at=now,
            )
        )
        append_event(
            session,
            "control_planted",
            profile_id,
            record.decision_uuid,
            {"decision_id": decision_id},
        )
    found = list_control_cases(gateway.sessions, decision_uuid=record.decision_uuid)
    return found[0]


def list_control_cases(
    sessions: Sessions, profile_id: str | None = None, *, decision_uuid: str | None = None
) -> list[ControlCase]:
    """The planted cases, newest first, with how their review went."""
    first = (
        select(ReviewCaseRow.decision_uuid, func.min(ReviewCaseRow.round).label("round"))
        .group_by(ReviewCaseRow.decision_uuid)
        .subquery()
    )
    statement = (
        select(ControlCaseRow, DecisionRow, ReviewCaseRow)
        .join(DecisionRow, DecisionRow.id == ControlCaseRow.decision_uuid)
        .outerjoin(first, first.c.decision_uuid == ControlCaseRow.decision_uuid)
        .outerjoin(
            ReviewCaseRow,
            (ReviewCaseRow.decision_uuid == ControlCaseRow.decision_uuid)
            & (ReviewCaseRow.round == first.c.round),
        )
        .order_by(ControlCaseRow.planted_at.desc(), ControlCaseRow.decision_uuid)
    )
    if profile_id is not None:
        statement = statement.where(DecisionRow.profile_id == profile_id)
    if decision_uuid is not None:
        statement = statement.where(ControlCaseRow.decision_uuid == decision_uuid)
    with sessions.begin() as session:
        rows = session.execute(statement).all()
    return [
        ControlCase(
            decision_uuid=control.decision_uuid,
            case_id=None if case is None else case.id,
            profile_id=decision.profile_id,
            decision_id=decision.decision_id,
            expected_outcome=control.expected_outcome,
            planted_by=control.planted_by,
            planted_at=control.planted_at,
            state=None if case is None else case.state,
            reached=decision.outcome if case is not None and case.state == "decided" else None,
        )
        for control, decision, case in rows
    ]


__all__ = [
    "ControlCase",
    "Document",
    "add_submission",
    "list_control_cases",
    "open_contest",
    "plant_control_case",
    "submission_problems",
]
