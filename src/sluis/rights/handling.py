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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
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
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.review.contests import add_submission, open_contest
from sluis.review.policy import CLOSED as CASE_CLOSED
from sluis.review.policy import CaseState
from sluis.review.problems import ReviewRefused
from sluis.review.rows import writing
from sluis.rights.answers import Answer, Letter, Sender, compose, line
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
    view,
)
from sluis.rights.refusals import RefusalReason, refusal_rule
from sluis.rights.retention import HeldDecision, RetentionDuty, standing_duties
from sluis.rights.states import CLOSED, RequestState
from sluis.rights.timing import extension_check, today
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow
from sluis.store.tables.review import ReviewCaseRow
from sluis.store.tables.rights import RightsContactRow, RightsRequestRow, RightsRestrictionRow

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


def _sender(desk: RightsDesk, decision_uuid: str | None, lang: str) -> Sender:
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
        sender=_sender(desk, row.decision_uuid, row.lang),
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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = request_row(session, request_id, lock=True)
        personal = personal_of(request_key(desk, session, row), row)
        letter = _letter(desk, row, personal)
        answer = compose(
            letter,
            [line("access_ready", row.lang)],
            subject_key="answered",
        )
        _close(desk, session, row, answer, now)
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, answer))


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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = request_row(session, request_id, lock=True)
        personal = personal_of(request_key(desk, session, row), row)
        answer = compose(
            _letter(desk, row, personal), [line("explanation_ready", lang)], subject_key="answered"
        )
        _close(desk, session, row, answer, now)
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, answer, (attachment,)))


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
    again and again (from the status page, the desk or cron). Returns how many."""
    now = now or utcnow()
    with desk.sessions.begin() as session:
        waiting = [
            (r.id, r.review_case_id)
            for r in session.scalars(
                select(RightsRequestRow).where(
                    RightsRequestRow.state == RequestState.in_review.value
                )
            )
        ]
    done = 0
    for request_id, case_id in waiting:
        done += _follow(desk, request_id, case_id, now)
    return done


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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = request_row(session, request_id, lock=True)
        if RequestState(row.state) is not RequestState.in_review:
            return 0  # another process answered it meanwhile
        kind = RequestKind(row.kind)
        if kind is RequestKind.express_view:
            key = "view_weighed"
        else:
            key = "review_changed" if changed else "review_confirmed"
        personal = personal_of(request_key(desk, session, row), row)
        body = [line(key, lang)]
        if attachment is None:
            body.append(line("notice_follows", lang))
        answer = compose(
            _letter(desk, row, personal), body, subject_key="answered", remedies=not changed
        )
        _close(desk, session, row, answer, now, details={"changed": changed})
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, answer, () if attachment is None else (attachment,)))
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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = _open_row(session, request_id)
        personal = personal_of(request_key(desk, session, row), row)
        result = compose(_letter(desk, row, personal), [text.strip()], subject_key="answered")
        _close(desk, session, row, result, now)
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result))
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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = request_row(session, request_id, lock=True)
        if RequestState(row.state) in CLOSED:
            raise conflict("request", "request_closed")
        personal = personal_of(request_key(desk, session, row), row)
        body = [text.strip()] if text and text.strip() else []
        result = compose(_letter(desk, row, personal), body, subject_key="refused", refusal=why)
        _close(desk, session, row, result, now, refusal=why)
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result))
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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = request_row(session, request_id, lock=True)
        if RequestState(row.state) in CLOSED:
            raise conflict("request", "request_closed")
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
        personal = personal_of(key, row)
        body = [
            line(
                "extended",
                row.lang,
                due=format_date(row.due_on, row.lang),
                reasons=reasons.strip(),
            )
        ]
        result = compose(_letter(desk, row, personal), body, subject_key="extended")
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result))
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


def duties_of(desk: RightsDesk, request_id: str, on: date) -> list[RetentionDuty]:
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        return standing_duties(held_decisions(desk, session, row.subject_pseudonym), on)


def erase(desk: RightsDesk, request_id: str, *, now: datetime | None = None) -> RequestView:
    """Erase the person (GDPR art. 17) by destroying their key, unless a retention duty
    stands in the way: then refuse, naming every duty and when it ends (art. 17(3)(b))."""
    now = now or utcnow()
    on = today(now)
    duties = duties_of(desk, request_id, on)
    if duties:
        return _refuse_for_duties(desk, request_id, duties, now)
    engine = desk.gateway.engine
    sqlite = engine.dialect.name == "sqlite"
    with writing(desk.sessions) as session:
        tx = on_connection(session.connection())
        lock_chain(tx)
        row = _open_row(session, request_id)
        if RequestKind(row.kind) is not RequestKind.erasure:
            raise conflict("request", "kind_mismatch", kind=row.kind)
        personal = personal_of(request_key(desk, session, row), row)
        to = _reply_to(desk, session, row)
        if sqlite:
            # Freed space in every page this transaction touches is zeroed: the destroyed
            # key (and the wiped outcomes) leave no trace in the file's free space.
            tx.execute_text("PRAGMA secure_delete=ON")
        records = shred_subject(tx, desk.keys, row.subject_pseudonym)
        contact = session.get(RightsContactRow, row.subject_pseudonym)
        if contact is not None:
            session.delete(contact)
        result = compose(
            _letter(desk, row, personal),
            [line("erased", row.lang, records=records)],
            subject_key="answered",
        )
        # The answer's text is not kept: the key it would be sealed with is gone.
        _close(desk, session, row, result, now, details={"records": records}, keep_text=False)
        session.flush()
        if sqlite:
            tx.execute_text("PRAGMA secure_delete=OFF")
    if sqlite:
        _checkpoint(desk)
    deliver(desk, Outgoing(request_id, to, result))
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


def _refuse_for_duties(
    desk: RightsDesk, request_id: str, duties: Sequence[RetentionDuty], now: datetime
) -> RequestView:
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = _open_row(session, request_id)
        personal = personal_of(request_key(desk, session, row), row)
        lang = row.lang
        body = [line("duties_intro", lang)]
        body += [
            line(
                "duty",
                lang,
                algorithm=d.algorithm,
                category=d.data_category,
                until=format_date(d.until, lang),
                justification=d.justification,
            )
            for d in duties
        ]
        body.append(line("duties_after", lang))
        result = compose(
            _letter(desk, row, personal),
            body,
            subject_key="refused",
            refusal=RefusalReason.retention_duty,
        )
        _close(
            desk,
            session,
            row,
            result,
            now,
            refusal=RefusalReason.retention_duty,
            details={"duties": len(duties)},
        )
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result))
    return _view(desk, request_id, now)


# -- restriction and objection -----------------------------------------------------------


def restrict(desk: RightsDesk, request_id: str, *, now: datetime | None = None) -> RequestView:
    """Restrict processing of the person (GDPR art. 18): the gateway takes no new decision
    about them until the restriction is lifted."""
    now = now or utcnow()
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = _open_row(session, request_id)
        _restrict(session, row, now)
        personal = personal_of(request_key(desk, session, row), row)
        result = compose(
            _letter(desk, row, personal), [line("restricted", row.lang)], subject_key="answered"
        )
        _close(desk, session, row, result, now)
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result))
    return _view(desk, request_id, now)


def _restrict(session: Session, row: RightsRequestRow, now: datetime) -> None:
    if session.get(RightsRestrictionRow, row.subject_pseudonym) is None:
        session.add(
            RightsRestrictionRow(pseudonym=row.subject_pseudonym, request_id=row.id, since=now)
        )
        audit(session, "subject_restricted", row)
    record_event(session, row, "restricted", now)


def lift_restriction(
    desk: RightsDesk, request_id: str, *, now: datetime | None = None
) -> RequestView:
    """Lift the restriction a request set, telling the person (GDPR art. 18(3))."""
    now = now or utcnow()
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = request_row(session, request_id, lock=True)
        found = session.get(RightsRestrictionRow, row.subject_pseudonym)
        if found is None:
            raise conflict("request", "not_restricted")
        session.delete(found)
        record_event(session, row, "restriction_lifted", now)
        audit(session, "restriction_lifted", row)
        personal = personal_of(request_key(desk, session, row), row)
        result = compose(
            _letter(desk, row, personal),
            [line("restriction_lifted", row.lang)],
            subject_key="lifted",
        )
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result))
    return _view(desk, request_id, now)


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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = _open_row(session, request_id)
        if RequestKind(row.kind) is not RequestKind.objection:
            raise conflict("request", "kind_mismatch", kind=row.kind)
        personal = personal_of(request_key(desk, session, row), row)
        letter = _letter(desk, row, personal)
        if upheld:
            _restrict(session, row, now)
            result = compose(
                letter,
                [line("objection_upheld", row.lang), reasons.strip()],
                subject_key="answered",
            )
            _close(desk, session, row, result, now, details={"upheld": True})
        else:
            why = RefusalReason.compelling_grounds
            result = compose(letter, [reasons.strip()], subject_key="refused", refusal=why)
            _close(desk, session, row, result, now, refusal=why, details={"upheld": False})
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result))
    return _view(desk, request_id, now)


# -- rectification -----------------------------------------------------------------------


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
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        row = _open_row(session, request_id)
        key = request_key(desk, session, row)
        personal = personal_of(key, row) or Personal()
        if key is not None:
            from sluis.rights.records import reseal

            extra = {**personal.extra, "corrections": dict(corrections)}
            if new_decision is not None:
                extra["new_decision"] = new_decision.decision_uuid
            reseal(key, row, Personal(personal.name, personal.email, personal.message, extra))
        fields = ", ".join(sorted(corrections))
        body = [line("rectified", row.lang, fields=fields)]
        if new_decision is not None:
            body.append(line("redecided", row.lang, reference=new_decision.decision_uuid))
        else:
            body.append(line("redecision_offered", row.lang))
        result = compose(_letter(desk, row, personal), body, subject_key="answered")
        _close(
            desk,
            session,
            row,
            result,
            now,
            details={"fields": len(corrections), "redecided": new_decision is not None},
        )
        to = _reply_to(desk, session, row)
    deliver(desk, Outgoing(request_id, to, result, () if attachment is None else (attachment,)))
    return _view(desk, request_id, now)


def _view(desk: RightsDesk, request_id: str, now: datetime) -> RequestView:
    with desk.sessions.begin() as session:
        return view(desk, session, request_row(session, request_id), today(now), events=True)


__all__ = [
    "Outgoing",
    "answer",
    "decide_objection",
    "deliver",
    "duties_of",
    "erase",
    "extend",
    "follow_reviews",
    "held_decisions",
    "lift_restriction",
    "rectify",
    "refuse",
    "restrict",
    "start_work",
]
