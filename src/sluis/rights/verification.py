"""Checking who a person is, proportionately (GDPR art. 12(6)), and what follows.

Three ways, the first that fits: a one-time code to the e-mail address the organisation
knows for the person (``rights_contacts``); facts from the decision that only the person
is likely to know (``sluis.rights.identity``); or, when neither is possible or the tries
ran out, a staff member who checks another way. Failed tries, wrong, expired and replayed
codes are counted and logged without personal data. Once confirmed, the request's work
starts (``sluis.rights.handling.start_work``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from sluis.audit import lock_chain
from sluis.gateway.service import DecisionNotFound
from sluis.i18n import label
from sluis.law.citations import gdpr
from sluis.notices.formatting import humanise
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.review.rows import writing
from sluis.rights.desk import RightsDesk
from sluis.rights.identity import (
    CODE_VALID,
    MAX_CODES_SENT,
    MAX_FAILED_TRIES,
    FactQuestion,
    code_digest,
    fact_matches,
    fact_questions,
    is_email_address,
    mask_email,
    new_code,
    same_digest,
    well_formed_code,
)
from sluis.rights.mail import Mail, MailUnavailable
from sluis.rights.problems import Problem, ProblemKind, RightsRefused, conflict, invalid
from sluis.rights.records import RequestView, move, record_event, request_row, view
from sluis.rights.sealing import key_for_reading, key_for_writing, seal_json, unseal_json
from sluis.rights.states import RequestState
from sluis.rights.timing import today
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.rights import RightsCodeRow, RightsContactRow, RightsRequestRow

log = logging.getLogger("sluis.rights")
CONTACT = "contact"
ART_12_6 = gdpr("12(6)")


class Method(StrEnum):
    email_code = "email_code"
    facts = "facts"
    staff = "staff"


@dataclass(frozen=True)
class IdentityStep:
    """Where the person's identity check stands: how to prove it, what is left."""

    request_id: str
    state: RequestState
    method: Method
    masked_email: str | None
    questions: tuple[tuple[str, str], ...]  # (field, label in the request's language)
    tries_left: int
    codes_left: int

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "request": self.request_id,
            "state": self.state.value,
            "method": self.method.value,
            "masked_email": self.masked_email,
            "questions": [{"field": f, "label": text} for f, text in self.questions],
            "tries_left": self.tries_left,
            "codes_left": self.codes_left,
        }


# -- known contact addresses -------------------------------------------------------------


def set_contact(desk: RightsDesk, subject_id: str, email: str, now: datetime | None = None) -> None:
    """Record the e-mail address the organisation knows for a subject (sealed with their
    key), to send one-time codes to."""
    problems = []
    if not subject_id.strip():
        problems.append(invalid("subject_id", "person_unnamed"))
    if not is_email_address(email.strip()):
        problems.append(invalid("email", "email_form"))
    if problems:
        raise RightsRefused(problems)
    pseudonym = desk.keys.ring.pseudonym(subject_id.strip())
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        key = key_for_writing(session, desk.keys, pseudonym)
        row = session.get(RightsContactRow, pseudonym)
        if row is None:
            row = RightsContactRow(pseudonym=pseudonym, key_id="", sealed_email=b"")
            session.add(row)
        row.key_id = key.key_id
        row.sealed_email = seal_json(key, email.strip(), CONTACT, pseudonym)
        row.updated_at = now or utcnow()


def known_email(desk: RightsDesk, session: Any, pseudonym: str) -> str | None:
    row = session.get(RightsContactRow, pseudonym)
    if row is None:
        return None
    key = key_for_reading(session, desk.keys, pseudonym, row.key_id)
    found = unseal_json(key, row.sealed_email, CONTACT, pseudonym)
    return found if isinstance(found, str) else None


# -- the step the person is at -----------------------------------------------------------


def identity_step(desk: RightsDesk, request_id: str) -> IdentityStep:
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        email = known_email(desk, session, row.subject_pseudonym)
        return _step(desk, row, email)


def _step(desk: RightsDesk, row: RightsRequestRow, email: str | None) -> IdentityStep:
    questions: tuple[tuple[str, str], ...] = ()
    if email is not None:
        method = Method.email_code
    else:
        asked = _questions(desk, row)
        questions = tuple((q.field, text) for q, text in asked)
        method = Method.facts if questions else Method.staff
    return IdentityStep(
        request_id=row.id,
        state=RequestState(row.state),
        method=method,
        masked_email=None if email is None else mask_email(email),
        questions=questions,
        tries_left=max(0, MAX_FAILED_TRIES - row.identity_tries),
        codes_left=max(0, MAX_CODES_SENT - row.codes_sent),
    )


def _facts(
    desk: RightsDesk, row: RightsRequestRow
) -> tuple[list[FactQuestion], dict[str, Any], Any]:
    if row.decision_uuid is None:
        return [], {}, None
    try:
        record = desk.gateway.get_decision(row.decision_uuid, reveal=True)
        stored = get_profile(desk.sessions, record.profile_id, record.profile_version).profile
    except (DecisionNotFound, ProfileNotFound):
        return [], {}, None
    if record.payload is None:  # erased
        return [], {}, None
    inputs = dict(record.payload.inputs)
    return fact_questions(stored, record.decision_id, inputs), inputs, stored


def _questions(desk: RightsDesk, row: RightsRequestRow) -> list[tuple[FactQuestion, str]]:
    questions, _, profile = _facts(desk, row)
    labels = profile.notice.field_labels if profile is not None and profile.notice else {}
    found = []
    for q in questions:
        local = labels.get(q.field)
        text = (local.get(row.lang) if local else None) or humanise(q.field)
        found.append((q, text))
    return found


def begin(desk: RightsDesk, request_id: str, *, now: datetime | None = None) -> IdentityStep:
    """Start the identity check of a new request: send a code when an address is known."""
    step = identity_step(desk, request_id)
    if step.method is Method.email_code:
        try:
            return send_code(desk, request_id, now=now)
        except RightsRefused:
            return identity_step(desk, request_id)
    return step


# -- codes -------------------------------------------------------------------------------


def send_code(desk: RightsDesk, request_id: str, *, now: datetime | None = None) -> IdentityStep:
    """Send a new one-time code to the known address. Refused when none is known, the
    identity is confirmed already, or too many codes were sent."""
    now = now or utcnow()
    with writing(desk.sessions) as session:
        row = request_row(session, request_id, lock=True)
        _not_locked(row)
        email = known_email(desk, session, row.subject_pseudonym)
        if email is None:
            raise conflict("method", "no_known_address", ART_12_6)
        if row.codes_sent >= MAX_CODES_SENT:
            log.warning("rights identity: code limit reached")
            raise RightsRefused([Problem("code", "codes_exhausted", ProblemKind.too_many)])
        code = new_code()
        session.add(
            RightsCodeRow(
                request_id=row.id,
                digest=code_digest(desk.code_secret, row.id, code),
                sent_at=now,
                expires_at=now + CODE_VALID,
            )
        )
        row.codes_sent += 1
        row.updated_at = now
        record_event(session, row, "code_sent", now)
        lang = row.lang
    try:
        desk.mailer.send(
            Mail(
                to=email,
                subject=label("rights.mail.code.subject", lang),
                body=label("rights.mail.code.body", lang).format(
                    code=code, minutes=int(CODE_VALID.total_seconds() // 60)
                ),
            )
        )
    except MailUnavailable:
        _note(desk, request_id, "code_not_sent")
        raise conflict("code", "mail_unavailable") from None
    return identity_step(desk, request_id)


def verify_code(
    desk: RightsDesk, request_id: str, code: str, *, now: datetime | None = None
) -> RequestView:
    """Confirm identity with a code sent for this request. A wrong, expired or used code
    counts as a failed try; after too many the request waits for staff."""
    now = now or utcnow()
    if not well_formed_code(code):
        raise RightsRefused([invalid("code", "code_form")])
    with writing(desk.sessions) as session:
        row = request_row(session, request_id, lock=True)
        _not_locked(row)
        first = RequestState(row.state) is RequestState.identity_pending
        digest = code_digest(desk.code_secret, row.id, code)
        codes = session.scalars(select(RightsCodeRow).where(RightsCodeRow.request_id == row.id))
        match = next((c for c in codes if same_digest(c.digest, digest)), None)
        problem = None
        if match is None:
            problem = "code_wrong"
        elif match.used_at is not None:
            problem = "code_used"
        elif match.expires_at < now:
            problem = "code_expired"
        if problem is None:
            assert match is not None
            match.used_at = now
            if first:
                _confirmed(session, row, Method.email_code, now)
            else:
                record_event(session, row, "signed_in", now, {"method": Method.email_code.value})
        else:
            failure = _failed(session, row, problem, now)
    if problem is not None:
        raise failure
    return _after(desk, request_id, now)


def verify_facts(
    desk: RightsDesk, request_id: str, answers: dict[str, str], *, now: datetime | None = None
) -> RequestView:
    """Confirm identity with values from the person's decision."""
    now = now or utcnow()
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        _not_locked(row)
        detached = RightsRequestRow(id=row.id, decision_uuid=row.decision_uuid, lang=row.lang)
    questions, inputs, _ = _facts(desk, detached)
    if not questions:
        raise conflict("method", "no_facts", ART_12_6)
    missing = [q.field for q in questions if not (answers.get(q.field) or "").strip()]
    if missing:
        raise RightsRefused([invalid(f"facts.{name}", "fact_needed") for name in missing])
    right = all(fact_matches(q, inputs.get(q.field), answers[q.field]) for q in questions)
    with writing(desk.sessions) as session:
        row = request_row(session, request_id, lock=True)
        _not_locked(row)
        if right and RequestState(row.state) is RequestState.identity_pending:
            _confirmed(session, row, Method.facts, now)
        elif right:
            record_event(session, row, "signed_in", now, {"method": Method.facts.value})
        else:
            failure = _failed(session, row, "facts_wrong", now)
    if not right:
        raise failure
    return _after(desk, request_id, now)


def confirm_by_staff(
    desk: RightsDesk, request_id: str, *, now: datetime | None = None
) -> RequestView:
    """A staff member confirmed who the person is (at the counter, by letter, by a call
    back to a known number): the request's work starts."""
    now = now or utcnow()
    with writing(desk.sessions) as session:
        row = request_row(session, request_id, lock=True)
        _still_unverified(row)
        _confirmed(session, row, Method.staff, now)
    return _after(desk, request_id, now)


def _not_locked(row: RightsRequestRow) -> None:
    """Codes and facts also sign a person in again to a request confirmed before; only a
    locked request waits for staff."""
    if RequestState(row.state) is RequestState.identity_locked:
        raise RightsRefused([Problem("code", "identity_locked", ProblemKind.too_many)])


def _still_unverified(row: RightsRequestRow) -> None:
    state = RequestState(row.state)
    if state is RequestState.identity_locked:
        raise RightsRefused([Problem("code", "identity_locked", ProblemKind.too_many)])
    if state is not RequestState.identity_pending:
        raise conflict("request", "identity_done")


def _confirmed(session: Any, row: RightsRequestRow, method: Method, now: datetime) -> None:
    row.identity_method = method.value
    row.verified_at = now
    move(row, RequestState.in_progress, now)
    record_event(session, row, "identity_confirmed", now, {"method": method.value})


def _failed(session: Any, row: RightsRequestRow, rule: str, now: datetime) -> RightsRefused:
    """Count a failed try (committed with the transaction) and say what went wrong."""
    row.identity_tries += 1
    row.updated_at = now
    record_event(session, row, "identity_failed", now, {"rule": rule})
    log.warning("rights identity check failed (%s)", rule)
    left = max(0, MAX_FAILED_TRIES - row.identity_tries)
    if left == 0:
        move(row, RequestState.identity_locked, now)
        record_event(session, row, "identity_locked", now)
        return RightsRefused([Problem("code", "identity_locked", ProblemKind.too_many)])
    field = "code" if rule.startswith("code") else "facts"
    return RightsRefused([Problem(field, rule, ProblemKind.invalid, (ART_12_6,), {"left": left})])


def _note(desk: RightsDesk, request_id: str, event: str) -> None:
    with writing(desk.sessions) as session:
        record_event(session, request_row(session, request_id), event, utcnow())


def _after(desk: RightsDesk, request_id: str, now: datetime) -> RequestView:
    from sluis.rights.handling import start_work

    start_work(desk, request_id, now=now)
    with desk.sessions.begin() as session:
        return view(desk, session, request_row(session, request_id), today(now))


__all__ = [
    "IdentityStep",
    "Method",
    "begin",
    "confirm_by_staff",
    "identity_step",
    "known_email",
    "send_code",
    "set_contact",
    "verify_code",
    "verify_facts",
]
