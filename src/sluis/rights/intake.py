"""Taking requests in: from the portal or the API (the person themselves), or registered
by staff when a request came by letter, e-mail or phone.

A request names the person by the reference on their decision notice (the decision id) or
by their id as the organisation knows it (``subject_id``). Only the pseudonym is stored in
the clear; the id itself is never stored, and name, reply address and message are sealed
with the subject's key. The period of GDPR art. 12(3) starts on the day of receipt: today
for the portal and the API, the day the letter, mail or call came in for staff.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sluis.audit import lock_chain
from sluis.gateway.service import SUBJECT_ID_LENGTH
from sluis.law.citations import gdpr
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.review.rows import writing
from sluis.rights.desk import RightsDesk
from sluis.rights.identity import is_email_address
from sluis.rights.kinds import STAFF_CHANNELS, Channel, RequestKind, parse_kind, rule_of
from sluis.rights.problems import Problem, RightsRefused, invalid, refuse_if
from sluis.rights.records import (
    Personal,
    RequestView,
    audit,
    new_id,
    record_event,
    reseal,
    view,
)
from sluis.rights.sealing import key_for_writing
from sluis.rights.states import RequestState
from sluis.rights.timing import first_deadline, today
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.rights import RightsRequestRow

log = logging.getLogger("sluis.rights")

MAX_NAME = 200
MAX_MESSAGE = 10_000
GDPR_IN_FORCE = date(2018, 5, 25)


@dataclass(frozen=True)
class NewRequest:
    """A request as it comes in. ``received_on`` only for staff channels."""

    kind: str
    channel: str = Channel.portal.value
    reference: str | None = None
    subject_id: str | None = None
    name: str | None = None
    email: str | None = None
    message: str | None = None
    lang: str = "nl"
    received_on: date | None = None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def request_problems(new: NewRequest, on: date) -> list[Problem]:
    """Everything wrong with a request, each naming the field and the rule."""
    problems: list[Problem] = []
    kind = parse_kind(new.kind)
    if kind is None:
        problems.append(invalid("kind", "kind_unknown", allowed=", ".join(RequestKind)))
    try:
        channel = Channel(new.channel)
    except ValueError:
        problems.append(invalid("channel", "channel_unknown", allowed=", ".join(Channel)))
        channel = None
    if new.lang not in ("nl", "en"):
        problems.append(invalid("lang", "lang_unknown"))
    reference, subject = _clean(new.reference), _clean(new.subject_id)
    if reference is None and subject is None:
        problems.append(invalid("reference", "person_unnamed"))
    if kind is not None and rule_of(kind).needs_decision and reference is None:
        problems.append(invalid("reference", "reference_needed", rule_of(kind).article))
    if subject is not None and len(subject) > SUBJECT_ID_LENGTH:
        problems.append(invalid("subject_id", "too_long", max=SUBJECT_ID_LENGTH))
    email = _clean(new.email)
    if email is not None and not is_email_address(email):
        problems.append(invalid("email", "email_form"))
    if channel in (Channel.portal, Channel.api) and email is None:
        problems.append(invalid("email", "email_needed"))
    if new.name is not None and len(new.name.strip()) > MAX_NAME:
        problems.append(invalid("name", "too_long", max=MAX_NAME))
    message = _clean(new.message)
    if message is not None and len(message) > MAX_MESSAGE:
        problems.append(invalid("message", "too_long", max=MAX_MESSAGE))
    if kind in (RequestKind.express_view, RequestKind.rectification) and message is None:
        problems.append(invalid("message", "message_needed", rule_of(kind).article))
    problems += _date_problems(new, channel, on)
    return problems


def _date_problems(new: NewRequest, channel: Channel | None, on: date) -> list[Problem]:
    if new.received_on is None:
        return []
    if channel not in STAFF_CHANNELS:
        return [invalid("received_on", "received_on_portal")]
    if new.received_on > on:
        return [invalid("received_on", "received_in_future", gdpr("12(3)"), today=on.isoformat())]
    if new.received_on < GDPR_IN_FORCE:
        return [invalid("received_on", "received_before_gdpr")]
    return []


def take_in(
    desk: RightsDesk,
    new: NewRequest,
    *,
    identity_checked: bool = False,
    now: datetime | None = None,
) -> RequestView:
    """Record a request. Refused with every problem (nothing stored) when it is malformed
    or names a decision that does not exist, or a decision and a subject that differ.
    ``identity_checked``: staff confirmed who the person is (letter, counter, phone)."""
    now = now or utcnow()
    on = today(now)
    problems = request_problems(new, on)
    # Compared as text: a malformed channel is one of ``problems`` already, not a crash.
    if identity_checked and new.channel not in {c.value for c in STAFF_CHANNELS}:
        problems.append(invalid("identity_checked", "identity_by_staff_only"))
    refuse_if(problems)
    kind = parse_kind(new.kind)
    assert kind is not None
    channel = Channel(new.channel)
    received = new.received_on or on
    reference, subject = _clean(new.reference), _clean(new.subject_id)
    with writing(desk.sessions) as session:
        lock_chain(on_connection(session.connection()))
        decision = _decision(session, reference)
        pseudonym = _pseudonym(desk, decision, subject)
        calendar = desk.calendar(_country(desk, decision))
        country = calendar.country
        due = first_deadline(received, calendar).due
        row = RightsRequestRow(
            id=new_id(),
            kind=kind.value,
            channel=channel.value,
            state=RequestState.identity_pending.value,
            subject_pseudonym=pseudonym,
            decision_uuid=None if decision is None else decision.id,
            lang=new.lang,
            country=country,
            received_on=received,
            due_on=due,
            extended=False,
            key_id="",
            sealed=b"",
            identity_method=None,
            identity_tries=0,
            codes_sent=0,
            created_at=now,
            updated_at=now,
        )
        key = key_for_writing(session, desk.keys, pseudonym)
        personal = Personal(_clean(new.name), _clean(new.email), _clean(new.message))
        reseal(key, row, personal)
        session.add(row)
        session.flush()
        record_event(
            session, row, "received", now, {"channel": channel.value, "due_on": due.isoformat()}
        )
        audit(session, "rights_received", row, channel=channel.value)
        request_id = row.id
    log.info("rights request received (kind %s, channel %s)", kind.value, channel.value)
    if identity_checked:
        from sluis.rights.verification import confirm_by_staff

        return confirm_by_staff(desk, request_id, now=now)
    if channel in (Channel.portal, Channel.api):
        from sluis.rights.verification import begin

        begin(desk, request_id, now=now)
    with desk.sessions.begin() as session:
        from sluis.rights.records import request_row

        return view(desk, session, request_row(session, request_id), on)


def _decision(session: object, reference: str | None) -> DecisionRow | None:
    if reference is None:
        return None
    found = session.get(DecisionRow, reference) if len(reference) <= 36 else None  # type: ignore[attr-defined]
    if found is None:
        # Logged without the reference: it was typed by someone, perhaps not its owner.
        log.info("rights request refused: unknown reference")
        raise RightsRefused([invalid("reference", "reference_unknown")])
    return found


def _pseudonym(desk: RightsDesk, decision: DecisionRow | None, subject: str | None) -> str:
    named = None if subject is None else desk.keys.ring.pseudonym(subject)
    if decision is None:
        assert named is not None
        return named
    if named is not None and named != decision.subject_pseudonym:
        # Someone named a decision and a person who do not belong together.
        log.warning("rights request refused: reference and subject do not match")
        raise RightsRefused([invalid("reference", "reference_mismatch")])
    return decision.subject_pseudonym


def _country(desk: RightsDesk, decision: DecisionRow | None) -> str:
    if decision is None:
        return "NL"
    try:
        profile = get_profile(desk.sessions, decision.profile_id, decision.profile_version).profile
    except ProfileNotFound:
        return "NL"
    return profile.controller.country or "NL"


__all__ = ["NewRequest", "request_problems", "take_in"]
