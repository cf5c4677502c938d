"""What each request does once the person's identity is confirmed, and how it is answered.

- access: the package is ready at once (``sluis.rights.package``); the answer links to it;
- explanation: the decision notice with its explanation is sent at once;
- contest and human intervention: a new review round of the decision by a reviewer who did
  not act on it before, with the person's view attached (``sluis.review.contests``); when
  the review is settled the new notice is sent (:func:`follow_reviews`);
- point of view: it goes to the decision's review; when that is settled, the notice;
- rectification, erasure, restriction, objection: a staff member carries them out here
  (:func:`rectify`, :func:`erase`, :func:`restrict`, :func:`decide_objection`);
- any request can be answered with a staff text, refused with reasons, or extended once
  within the first month (GDPR art. 12(3)).

Mail goes out after the transaction that records it has committed; when it cannot be sent,
the request says so (``answer_not_sent``) and the answer letter is there for staff to post.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sluis.audit import lock_chain
from sluis.gateway.contract import InputsRefused
from sluis.gateway.service import DecisionNotFound, DecisionUnavailable
from sluis.gateway.stored import shred_subject
from sluis.law.citations import gdpr
from sluis.notices.formatting import format_date
from sluis.notices.notice import NoticeUnavailable
from sluis.notices.render import render_pdf
from sluis.notices.rights import organisation_of
from sluis.notices.service import decision_notice
from sluis.processing_log import Operation
from sluis.processing_log.hooks import logged
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.review.contests import add_submission, open_contest
from sluis.review.policy import CLOSED as CASE_CLOSED
from sluis.review.policy import CaseState
from sluis.review.problems import ReviewRefused
from sluis.review.rows import writing
from sluis.rights.answers import Answer, Letter, Sender, compose, line
from sluis.rights.corrections import FieldNow
from sluis.rights.desk import RightsDesk
from sluis.rights.kinds import RequestKind, Work, rule_of
from sluis.rights.mail import Attachment, Mail, MailUnavailable
from sluis.rights.problems import Problem, RightsRefused, conflict, invalid, refuse_if
from sluis.rights.records import (
    Personal,
    RequestView,
    audit,
    move,
    personal_of,
    record_event,
    request_key,
    request_row,
    reseal,
    view,
)
from sluis.rights.refusals import RefusalReason, refusal_rule
from sluis.rights.retention import (
    HeldDecision,
    LegalHoldOn,
    RetentionDuty,
    holds_over,
    standing_duties,
)
from sluis.rights.states import CLOSED, RequestState
from sluis.rights.timing import extension_check, today
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow
from sluis.store.tables.review import ReviewCaseRow
from sluis.store.tables.rights import RightsContactRow, RightsRequestRow, RightsRestrictionRow
from sluis.store.tables.trust import LegalHoldRow

log = logging.getLogger("sluis.rights")
MAX_TEXT = 10_000


@dataclass(frozen=True)
class Outgoing:
    """An answer on its way out: to whom (None: no address, a letter is needed)."""

    request_id: str
    to: str | None
    answer: Answer
    attachments: tuple[Attachment, ...] = ()


# -- reading what an answer needs --------------------------------------------------------


def sender_for(desk: RightsDesk, decision_uuid: str | None, lang: str) -> Sender:
    """Who answers a request about ``decision_uuid`` and where to complain (the profile's
    organisation, or the defaults when there is no decision)."""
    from sluis.i18n import label

    default = Sender(
        label("rights.answer.organisation_default", lang),
        label("notices.complaint.default_authority", lang),
        "https://autoriteitpersoonsgegevens.nl",
    )
    if decision_uuid is None:
        return default
    with desk.sessions.begin() as session:
        decision = session.get(DecisionRow, decision_uuid)
        if decision is None:
            return default
        profile_id = decision.profile_id
    try:
        latest = get_profile(desk.sessions, profile_id).profile
    except ProfileNotFound:
        return default
    organisation = organisation_of(latest, latest.notice, lang)
    return Sender(organisation.name, organisation.authority, organisation.authority_url)


def _letter(desk: RightsDesk, row: RightsRequestRow, personal: Personal | None) -> Letter:
    return Letter(
        kind=RequestKind(row.kind),
        reference=row.id,
        received_on=row.received_on,
        due_on=row.due_on,
        lang=row.lang,
        sender=sender_for(desk, row.decision_uuid, row.lang),
        name=None if personal is None else personal.name,
        link=desk.link(f"/requests/{row.id}"),
    )


def _reply_to(desk: RightsDesk, session: Session, row: RightsRequestRow) -> str | None:
    from sluis.rights.verification import known_email

    personal = personal_of(request_key(desk, session, row), row)
    if personal is not None and personal.email:
        return personal.email
    return known_email(desk, session, row.subject_pseudonym)


def _notice_pdf(desk: RightsDesk, decision_uuid: str, lang: str) -> Attachment | None:
    try:
        notice = decision_notice(desk.gateway, decision_uuid, lang)
    except (DecisionNotFound, NoticeUnavailable):
        return None
    return Attachment(f"notice-{decision_uuid}-{lang}.pdf", render_pdf(notice))


# -- sending -----------------------------------------------------------------------------


def deliver(desk: RightsDesk, outgoing: Outgoing) -> bool:
    """Send an answer; record whether it went (never the address or the text)."""
    sent = False
    if outgoing.to is not None:
        try:
            desk.mailer.send(
                Mail(
                    outgoing.to,
                    outgoing.answer.subject,
                    outgoing.answer.text(),
                    outgoing.attachments,
                )
            )
            sent = True
        except MailUnavailable:
            sent = False
    with writing(desk.sessions) as session:
        row = request_row(session, outgoing.request_id)
        event = "mail_sent" if sent else "answer_not_sent"
        record_event(session, row, event, utcnow(), {"subject": outgoing.answer.subject[:80]})
    if not sent:
        log.warning("rights answer not sent by mail: a letter is needed")
    return sent


def _close(
    desk: RightsDesk,
    session: Session,
    row: RightsRequestRow,
    answer: Answer,
    now: datetime,
    *,
    refusal: RefusalReason | None = None,
    details: dict[str, Any] | None = None,
    keep_text: bool = True,
) -> None:
    state = RequestState.refused if refusal is not None else RequestState.answered
    move(row, state, now)
    row.refusal = None if refusal is None else refusal.value
    key = request_key(desk, session, row) if keep_text else None
    record_event(
        session,
        row,
        state.value,
        now,
        {**(details or {}), **({"refusal": refusal.value} if refusal else {})},
        key=key,
        text=answer.text(),
    )
    audit(session, "rights_closed", row, state=state.value, refusal=row.refusal)


@dataclass
class _Reply:
    """A request being answered inside its write transaction; the answer composed here
    goes out once the transaction has committed (see :func:`_replying`)."""

    desk: RightsDesk
    session: Session
    row: RightsRequestRow
    personal: Personal | None
    to: str | None
    answer: Answer | None = None
    attachments: tuple[Attachment, ...] = ()

    @property
    def lang(self) -> str:
        return self.row.lang

    def line(self, key: str, **values: Any) -> str:
        return line(key, self.row.lang, **values)

    def write(self, body: Sequence[str], *, subject_key: str, **options: Any) -> Answer:
        """Compose the answer that will be sent, leaving the request as it is."""
        letter = _letter(self.desk, self.row, self.personal)
        self.answer = compose(letter, body, subject_key=subject_key, **options)
        return self.answer

    def close(
        self,
        body: Sequence[str],
        now: datetime,
        *,
        refusal: RefusalReason | None = None,
        details: dict[str, Any] | None = None,
        keep_text: bool = True,
        remedies: bool = False,
    ) -> None:
        """Answer (or refuse) with ``body`` and close the request."""
        subject_key = "answered" if refusal is None else "refused"
        answer = self.write(body, subject_key=subject_key, refusal=refusal, remedies=remedies)
        _close(
            self.desk,
            self.session,
            self.row,
            answer,
            now,
            refusal=refusal,
            details=details,
            keep_text=keep_text,
        )


def _unclosed_row(session: Session, request_id: str) -> RightsRequestRow:
    row = request_row(session, request_id, lock=True)
    if RequestState(row.state) in CLOSED:
        raise conflict("request", "request_closed")
    return row


def _locked_row(session: Session, request_id: str) -> RightsRequestRow:
    return request_row(session, request_id, lock=True)


@contextmanager
def _replying(
    desk: RightsDesk,
    request_id: str,
    *,
    rows: Callable[[Session, str], RightsRequestRow] | None = None,
    kind: RequestKind | None = None,
) -> Iterator[_Reply]:
    """One request in a write transaction under the chain lock, with what its answer
    needs read before anything changes (the address, the sealed personal data: erasure
    destroys both). ``rows`` reads and checks the row (default: open, identity confirmed);
    ``kind``: the only kind of request the action is for."""
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = (rows or _open_row)(session, request_id)
        if kind is not None and RequestKind(row.kind) is not kind:
            raise conflict("request", "kind_mismatch", kind=row.kind)
        personal = personal_of(request_key(desk, session, row), row)
        reply = _Reply(desk, session, row, personal, _reply_to(desk, session, row))
        yield reply
    if reply.answer is not None:
        deliver(desk, Outgoing(request_id, reply.to, reply.answer, reply.attachments))


# -- starting the work -------------------------------------------------------------------


def start_work(desk: RightsDesk, request_id: str, *, now: datetime | None = None) -> None:
    """Set the confirmed request's work in motion (see the module notes)."""
    now = now or utcnow()
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        if RequestState(row.state) is not RequestState.in_progress:
            return
        work = rule_of(RequestKind(row.kind)).work
        decision_uuid = row.decision_uuid
        personal = personal_of(request_key(desk, session, row), row)
    if work is Work.package:
        _answer_package(desk, request_id, now)
    elif work is Work.notice and decision_uuid is not None:
        _answer_explanation(desk, request_id, decision_uuid, now)
    elif work is Work.review and decision_uuid is not None:
        _open_review(desk, request_id, decision_uuid, personal, now)
    elif work is Work.view and decision_uuid is not None:
        _pass_view(desk, request_id, decision_uuid, personal, now)
    else:
        _acknowledge(desk, request_id)


def _acknowledge(desk: RightsDesk, request_id: str) -> None:
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        personal = personal_of(request_key(desk, session, row), row)
        letter = _letter(desk, row, personal)
        body = [line("received", row.lang, due=format_date(row.due_on, row.lang))]
        answer = compose(letter, body, subject_key="received")
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, answer))


def _answer_package(desk: RightsDesk, request_id: str, now: datetime) -> None:
    with _replying(desk, request_id, rows=_locked_row) as reply:
        reply.close([reply.line("access_ready")], now)


def _answer_explanation(
    desk: RightsDesk, request_id: str, decision_uuid: str, now: datetime
) -> None:
    with desk.sessions.begin() as session:
        lang = request_row(session, request_id).lang
    attachment = _notice_pdf(desk, decision_uuid, lang)
    if attachment is None:
        _note(desk, request_id, "notice_unavailable")
        _acknowledge(desk, request_id)
        return
    with _replying(desk, request_id, rows=_locked_row) as reply:
        reply.attachments = (attachment,)
        reply.close([reply.line("explanation_ready")], now)


def _open_case(session: Session, decision_uuid: str) -> ReviewCaseRow | None:
    cases = session.scalars(
        select(ReviewCaseRow).where(ReviewCaseRow.decision_uuid == decision_uuid)
    )
    return next((c for c in cases if CaseState(c.state) not in CASE_CLOSED), None)


def _open_review(
    desk: RightsDesk,
    request_id: str,
    decision_uuid: str,
    personal: Personal | None,
    now: datetime,
) -> None:
    view_text = None if personal is None else personal.message
    case_id: str | None = None
    try:
        case_id = open_contest(desk.gateway, decision_uuid, point_of_view=view_text, now=now).id
    except ReviewRefused as refused:
        rules = {p.rule for p in refused.problems}
        if rules & {"review_open", "not_final"}:
            # A human is reviewing the decision already: the view goes to that review.
            if view_text:
                add_submission(desk.gateway, decision_uuid, "point_of_view", view_text, now=now)
            with desk.sessions.begin() as session:
                found = _open_case(session, decision_uuid)
                case_id = None if found is None else found.id
        else:
            log.warning("rights review not opened (%s)", ",".join(sorted(rules)))
    _waiting_for(desk, request_id, case_id, now)


def _pass_view(
    desk: RightsDesk,
    request_id: str,
    decision_uuid: str,
    personal: Personal | None,
    now: datetime,
) -> None:
    text = None if personal is None else personal.message
    case_id = None
    try:
        if text:
            add_submission(desk.gateway, decision_uuid, "point_of_view", text, now=now)
        with desk.sessions.begin() as session:
            found = _open_case(session, decision_uuid)
            case_id = None if found is None else found.id
    except ReviewRefused as refused:
        log.warning("rights view not passed on (%s)", refused.problems[0].rule)
    _waiting_for(desk, request_id, case_id, now)


def _waiting_for(desk: RightsDesk, request_id: str, case_id: str | None, now: datetime) -> None:
    """In review when a case takes it up; otherwise staff carry it further."""
    with writing(desk.sessions) as session:
        row = request_row(session, request_id, lock=True)
        if case_id is not None:
            row.review_case_id = case_id
            move(row, RequestState.in_review, now)
            record_event(session, row, "review_opened", now, {"case": case_id})
        else:
            record_event(session, row, "needs_staff", now)
    _acknowledge(desk, request_id)


def _note(desk: RightsDesk, request_id: str, event: str, **details: Any) -> None:
    with writing(desk.sessions) as session:
        record_event(session, request_row(session, request_id), event, utcnow(), details)


# -- following reviews -------------------------------------------------------------------


def follow_reviews(desk: RightsDesk, *, now: datetime | None = None) -> int:
    """Answer every request whose review is settled, with the (new) notice. Safe to run
    again and again (from the status page, the desk or cron). Returns how many. A review
    settled while the desk runs is answered at once (:func:`follow_case`); this catches
    up with the rest (a review settled by another process, a mail server that was down)."""
    return _follow_waiting(desk, None, now or utcnow())


def follow_case(desk: RightsDesk, case_id: str, *, now: datetime | None = None) -> int:
    """Answer the requests waiting on review case ``case_id``, now that it is settled:
    called by the review desk in the same service call that settled it."""
    return _follow_waiting(desk, case_id, now or utcnow())


def _follow_waiting(desk: RightsDesk, case_id: str | None, now: datetime) -> int:
    query = select(RightsRequestRow.id, RightsRequestRow.review_case_id).where(
        RightsRequestRow.state == RequestState.in_review.value
    )
    if case_id is not None:
        query = query.where(RightsRequestRow.review_case_id == case_id)
    with desk.sessions.begin() as session:
        waiting = session.execute(query).all()
    return sum(_follow(desk, request_id, case, now) for request_id, case in waiting)


def _follow(desk: RightsDesk, request_id: str, case_id: str | None, now: datetime) -> int:
    with desk.sessions.begin() as session:
        case = None if case_id is None else session.get(ReviewCaseRow, case_id)
        if case is None or CaseState(case.state) not in CASE_CLOSED:
            return 0
        decision = session.get(DecisionRow, case.decision_uuid)
        assert decision is not None
        changed = case.proposed_outcome is not None and case.proposed_outcome != decision.outcome
        erased = CaseState(case.state) is CaseState.erased
        lang = request_row(session, request_id).lang
        decision_uuid = decision.id
    if erased:
        with writing(desk.sessions) as session:
            row = request_row(session, request_id, lock=True)
            if RequestState(row.state) is RequestState.in_review:
                move(row, RequestState.in_progress, now)
                record_event(session, row, "review_erased", now)
        return 0
    attachment = _notice_pdf(desk, decision_uuid, lang)
    with _replying(desk, request_id, rows=_locked_row) as reply:
        if RequestState(reply.row.state) is not RequestState.in_review:
            return 0  # another process answered it meanwhile
        if RequestKind(reply.row.kind) is RequestKind.express_view:
            key = "view_weighed"
        else:
            key = "review_changed" if changed else "review_confirmed"
        body = [reply.line(key)]
        if attachment is None:
            body.append(reply.line("notice_follows"))
        else:
            reply.attachments = (attachment,)
        reply.close(body, now, details={"changed": changed}, remedies=not changed)
    return 1


# -- staff actions -----------------------------------------------------------------------


def _open_row(session: Session, request_id: str) -> RightsRequestRow:
    row = request_row(session, request_id, lock=True)
    state = RequestState(row.state)
    if state in CLOSED:
        raise conflict("request", "request_closed")
    if state in (RequestState.identity_pending, RequestState.identity_locked):
        raise conflict("request", "identity_unconfirmed", gdpr("12(6)"))
    return row


def _text_problems(text: str | None, field: str, needed: bool) -> list[Problem]:
    if text is None or not text.strip():
        return [invalid(field, "text_needed")] if needed else []
    if len(text) > MAX_TEXT:
        return [invalid(field, "too_long", max=MAX_TEXT)]
    return []


def answer(
    desk: RightsDesk, request_id: str, text: str, *, now: datetime | None = None
) -> RequestView:
    """Answer with a staff member's own text (e.g. after weighing a point of view)."""
    refuse_if(_text_problems(text, "text", True))
    now = now or utcnow()
    with _replying(desk, request_id) as reply:
        reply.close([text.strip()], now)
    return _view(desk, request_id, now)


def refuse(
    desk: RightsDesk,
    request_id: str,
    reason: str,
    text: str | None = None,
    *,
    now: datetime | None = None,
) -> RequestView:
    """Refuse with a reason, its article, staff's explanation where the reason needs one,
    and the right to complain and go to court (GDPR art. 12(4)). Also possible before the
    identity is confirmed (``identity_not_confirmed``)."""
    try:
        why = RefusalReason(reason)
    except ValueError:
        raise RightsRefused(
            [invalid("reason", "refusal_unknown", allowed=", ".join(RefusalReason))]
        ) from None
    refuse_if(_text_problems(text, "text", refusal_rule(why).needs_text))
    now = now or utcnow()
    with _replying(desk, request_id, rows=_unclosed_row) as reply:
        reply.close([text.strip()] if text and text.strip() else [], now, refusal=why)
    return _view(desk, request_id, now)


def extend(
    desk: RightsDesk,
    request_id: str,
    reasons: str,
    *,
    recorded_on: date | None = None,
    now: datetime | None = None,
) -> RequestView:
    """Extend by two months (GDPR art. 12(3)): only once, only within the first month, only
    with reasons, which the person is told at once."""
    now = now or utcnow()
    on = recorded_on or today(now)
    refuse_if(_text_problems(reasons, "reasons", True))
    with _replying(desk, request_id, rows=_unclosed_row) as reply:
        session, row = reply.session, reply.row
        if row.extended:
            raise conflict("request", "already_extended", gdpr("12(3)"))
        check = extension_check(row.received_on, on, reasons, desk.calendar(row.country))
        if not check.allowed or check.extended is None:
            problems = [
                invalid(
                    "recorded_on" if s.key.endswith(("too_late", "before_receipt")) else "reasons",
                    "extension_" + s.key.rsplit(".", 1)[1],
                    *s.articles,
                    **{k: (v.isoformat() if isinstance(v, date) else v) for k, v in s.values},
                )
                for s in check.refusals
            ]
            raise RightsRefused(problems)
        row.due_on = check.extended.due
        row.extended = True
        row.updated_at = now
        key = request_key(desk, session, row)
        record_event(
            session,
            row,
            "extended",
            now,
            {"due_on": row.due_on.isoformat(), "notify_by": check.notify_by.isoformat()},
            key=key,
            text=reasons.strip(),
        )
        audit(session, "rights_extended", row)
        due = format_date(row.due_on, row.lang)
        reply.write(
            [reply.line("extended", due=due, reasons=reasons.strip())], subject_key="extended"
        )
    return _view(desk, request_id, now)


# -- erasure -----------------------------------------------------------------------------


def held_decisions(desk: RightsDesk, session: Session, pseudonym: str) -> list[HeldDecision]:
    """The person's decisions still readable, with their profile versions (found through
    the live key: a subject's records share it, and ``decisions.key_id`` is indexed)."""
    key_row = session.get(SubjectKeyRow, pseudonym)
    if key_row is None or key_row.wrapped_key is None:
        return []
    rows = session.scalars(select(DecisionRow).where(DecisionRow.key_id == key_row.key_id))
    held = []
    for row in rows:
        try:
            profile = get_profile(desk.sessions, row.profile_id, row.profile_version).profile
        except ProfileNotFound:
            continue
        held.append(HeldDecision(row.id, profile, row.decision_id, row.created_at.date()))
    return held


@dataclass(frozen=True)
class Keeping:
    """What keeps the person's data from erasure: legal holds (art. 17(3)(e)) and
    retention duties (17(3)(b))."""

    holds: tuple[LegalHoldOn, ...]
    duties: tuple[RetentionDuty, ...]


def keeping(desk: RightsDesk, request_id: str, on: date) -> Keeping:
    with desk.sessions.begin() as session:
        pseudonym = request_row(session, request_id).subject_pseudonym
        held = held_decisions(desk, session, pseudonym)
        algorithms = {h.profile.id for h in held}
        standing = session.execute(
            select(LegalHoldRow.profile_id, LegalHoldRow.subject_pseudonym).where(
                LegalHoldRow.lifted_at.is_(None),
                or_(
                    LegalHoldRow.subject_pseudonym == pseudonym,
                    LegalHoldRow.profile_id.in_(algorithms),
                ),
            )
        ).all()
    holds = holds_over(
        held,
        subject_held=any(s is not None for _, s in standing),
        algorithms_held=[p for p, _ in standing if p is not None],
    )
    return Keeping(tuple(holds), tuple(standing_duties(held, on)))


def duties_of(desk: RightsDesk, request_id: str, on: date) -> list[RetentionDuty]:
    return list(keeping(desk, request_id, on).duties)


@logged(Operation.rights_erasure, request="request_id")
def erase(desk: RightsDesk, request_id: str, *, now: datetime | None = None) -> RequestView:
    """Erase the person (GDPR art. 17) by destroying their key, unless a legal hold or a
    retention duty stands in the way: then refuse, naming every hold (art. 17(3)(e)) or
    every duty and when it ends (art. 17(3)(b))."""
    now = now or utcnow()
    kept = keeping(desk, request_id, today(now))
    if kept.holds:
        return _refuse_keeping(
            desk, request_id, RefusalReason.legal_hold, _hold_lines, kept.holds, now
        )
    if kept.duties:
        return _refuse_keeping(
            desk, request_id, RefusalReason.retention_duty, _duty_lines, kept.duties, now
        )
    sqlite = desk.gateway.engine.dialect.name == "sqlite"
    with _replying(desk, request_id, kind=RequestKind.erasure) as reply:
        session, row = reply.session, reply.row
        tx = on_connection(session.connection())
        if sqlite:
            # Freed space in every page this transaction touches is zeroed: the destroyed
            # key (and the wiped outcomes) leave no trace in the file's free space.
            tx.execute_text("PRAGMA secure_delete=ON")
        records = shred_subject(tx, desk.keys, row.subject_pseudonym)
        contact = session.get(RightsContactRow, row.subject_pseudonym)
        if contact is not None:
            session.delete(contact)
        # The answer's text is not kept: the key it would be sealed with is gone.
        body = [reply.line("erased", records=records)]
        reply.close(body, now, details={"records": records}, keep_text=False)
        session.flush()
        if sqlite:
            tx.execute_text("PRAGMA secure_delete=OFF")
    if sqlite:
        _checkpoint(desk)
    return _view(desk, request_id, now)


def _checkpoint(desk: RightsDesk) -> bool:
    """Copy the write-ahead log into the database and empty it, so that the pages as they
    were before the erasure are no longer in the log. False when readers kept it busy."""
    with desk.gateway.engine.connect() as connection:
        raw = connection.connection.driver_connection
        for _ in range(5):
            busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy is None or busy[0] == 0:
                return True
    log.warning("rights erasure: the write-ahead log could not be emptied yet")
    return False


def _duty_lines(duties: Sequence[RetentionDuty], lang: str) -> list[str]:
    return [
        line("duties_intro", lang),
        *(
            line(
                "duty",
                lang,
                algorithm=d.algorithm,
                category=d.data_category,
                until=format_date(d.until, lang),
                justification=d.justification,
            )
            for d in duties
        ),
        line("duties_after", lang),
    ]


def _hold_lines(holds: Sequence[LegalHoldOn], lang: str) -> list[str]:
    return [
        line("holds_intro", lang),
        *(
            line("hold_subject", lang)
            if h.algorithm is None
            else line("hold_algorithm", lang, algorithm=h.algorithm)
            for h in holds
        ),
        line("holds_after", lang),
    ]


def _refuse_keeping(
    desk: RightsDesk,
    request_id: str,
    why: RefusalReason,
    lines: Callable[[Sequence[Any], str], list[str]],
    kept: Sequence[Any],
    now: datetime,
) -> RequestView:
    """Refuse erasure for what keeps the data (holds or duties), naming each."""
    with _replying(desk, request_id, kind=RequestKind.erasure) as reply:
        body = lines(kept, reply.lang)
        reply.close(body, now, refusal=why, details={"kept": len(kept), "by": why.value})
    return _view(desk, request_id, now)


# -- restriction and objection -----------------------------------------------------------


@logged(Operation.rights_restriction, request="request_id")
def restrict(desk: RightsDesk, request_id: str, *, now: datetime | None = None) -> RequestView:
    """Restrict processing of the person (GDPR art. 18): the gateway takes no new decision
    about them until the restriction is lifted."""
    now = now or utcnow()
    with _replying(desk, request_id) as reply:
        _restrict(reply.session, reply.row, now)
        reply.close([reply.line("restricted")], now)
    return _view(desk, request_id, now)


def _restrict(session: Session, row: RightsRequestRow, now: datetime) -> None:
    if session.get(RightsRestrictionRow, row.subject_pseudonym) is None:
        session.add(
            RightsRestrictionRow(pseudonym=row.subject_pseudonym, request_id=row.id, since=now)
        )
        audit(session, "subject_restricted", row)
    record_event(session, row, "restricted", now)


@logged(Operation.rights_restriction, request="request_id")
def lift_restriction(
    desk: RightsDesk, request_id: str, *, now: datetime | None = None
) -> RequestView:
    """Lift the restriction a request set, telling the person (GDPR art. 18(3))."""
    now = now or utcnow()
    with _replying(desk, request_id, rows=_locked_row) as reply:
        session, row = reply.session, reply.row
        found = session.get(RightsRestrictionRow, row.subject_pseudonym)
        if found is None:
            raise conflict("request", "not_restricted")
        session.delete(found)
        record_event(session, row, "restriction_lifted", now)
        audit(session, "restriction_lifted", row)
        reply.write([reply.line("restriction_lifted")], subject_key="lifted")
    return _view(desk, request_id, now)


@logged(Operation.rights_objection, request="request_id")
def decide_objection(
    desk: RightsDesk,
    request_id: str,
    upheld: bool,
    reasons: str,
    *,
    now: datetime | None = None,
) -> RequestView:
    """Weigh an objection (GDPR art. 21(1)): upheld, processing stops (the person is
    restricted from new decisions); rejected, the compelling grounds are stated."""
    refuse_if(_text_problems(reasons, "reasons", True))
    now = now or utcnow()
    with _replying(desk, request_id, kind=RequestKind.objection) as reply:
        if upheld:
            _restrict(reply.session, reply.row, now)
            body = [reply.line("objection_upheld"), reasons.strip()]
            reply.close(body, now, details={"upheld": True})
        else:
            why = RefusalReason.compelling_grounds
            reply.close([reasons.strip()], now, refusal=why, details={"upheld": False})
    return _view(desk, request_id, now)


# -- rectification -----------------------------------------------------------------------


def rectification_fields(desk: RightsDesk, request_id: str) -> list[FieldNow]:
    """The fields of the request's decision with the values they hold now, for staff to
    correct (empty when there is no decision or its data are erased)."""
    with desk.sessions.begin() as session:
        decision_uuid = request_row(session, request_id).decision_uuid
    if decision_uuid is None:
        return []
    record = desk.gateway.get_decision(decision_uuid, reveal=True)
    if record.payload is None:
        return []
    profile = get_profile(desk.sessions, record.profile_id, record.profile_version).profile
    decision = next((d for d in profile.decisions if d.id == record.decision_id), None)
    fields = profile.fields_used_by(decision) if decision is not None else profile.data_fields
    inputs = record.payload.inputs
    return [FieldNow(f.name, f.type, inputs.get(f.name)) for f in fields]


@logged(Operation.rights_rectification, request="request_id")
def rectify(
    desk: RightsDesk,
    request_id: str,
    corrections: Mapping[str, object],
    *,
    subject_id: str | None = None,
    now: datetime | None = None,
) -> RequestView:
    """Correct the person's data (GDPR art. 16): the corrections are kept with the request
    (sealed) and, given the person's ``subject_id`` as the organisation knows it, a new
    decision is taken on the corrected data at once (its notice goes with the answer);
    without it, the answer offers one."""
    now = now or utcnow()
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        decision_uuid, pseudonym = row.decision_uuid, row.subject_pseudonym
    if decision_uuid is None:
        raise conflict("request", "no_decision")
    if not corrections:
        raise RightsRefused([invalid("corrections", "corrections_needed")])
    record = desk.gateway.get_decision(decision_uuid, reveal=True)
    if record.payload is None:
        raise conflict("request", "data_erased")
    profile = get_profile(desk.sessions, record.profile_id, record.profile_version).profile
    known = {f.name for f in profile.data_fields}
    refuse_if(
        invalid(f"corrections.{name}", "field_unknown") for name in corrections if name not in known
    )
    if subject_id is not None and desk.keys.ring.pseudonym(subject_id.strip()) != pseudonym:
        log.warning("rights rectification refused: subject does not match the request")
        raise RightsRefused([invalid("subject_id", "subject_mismatch")])
    corrected = {**record.payload.inputs, **corrections}
    new_decision = None
    if subject_id is not None:
        try:
            new_decision = desk.gateway.decide(
                record.profile_id, record.decision_id, subject_id.strip(), corrected
            )
        except InputsRefused as exc:
            raise RightsRefused(
                [invalid(f"corrections.{p.field}", "correction_refused") for p in exc.problems]
            ) from None
        except DecisionUnavailable:
            raise conflict("request", "redecision_unavailable") from None
    attachment = None
    if new_decision is not None and new_decision.is_final:
        with desk.sessions.begin() as session:
            lang = request_row(session, request_id).lang
        attachment = _notice_pdf(desk, new_decision.decision_uuid, lang)
    with _replying(desk, request_id) as reply:
        key = request_key(desk, reply.session, reply.row)
        personal = reply.personal or Personal()
        if key is not None:
            extra = {**personal.extra, "corrections": dict(corrections)}
            if new_decision is not None:
                extra["new_decision"] = new_decision.decision_uuid
            reseal(key, reply.row, replace(personal, extra=extra))
        body = [reply.line("rectified", fields=", ".join(sorted(corrections)))]
        if new_decision is not None:
            body.append(reply.line("redecided", reference=new_decision.decision_uuid))
        else:
            body.append(reply.line("redecision_offered"))
        reply.attachments = () if attachment is None else (attachment,)
        redecided = new_decision is not None
        reply.close(body, now, details={"fields": len(corrections), "redecided": redecided})
    return _view(desk, request_id, now)


def _view(desk: RightsDesk, request_id: str, now: datetime) -> RequestView:
    with desk.sessions.begin() as session:
        return view(desk, session, request_row(session, request_id), today(now), events=True)


__all__ = [
    "Keeping",
    "Outgoing",
    "answer",
    "decide_objection",
    "deliver",
    "duties_of",
    "erase",
    "extend",
    "follow_case",
    "follow_reviews",
    "held_decisions",
    "keeping",
    "lift_restriction",
    "rectification_fields",
    "rectify",
    "refuse",
    "restrict",
    "sender_for",
    "start_work",
]
