"""Storage helpers of the rights desk: reading a request, its sealed personal part, its
events, moving it to a next state, and the values the services hand out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sluis.audit import append_event
from sluis.rights.kinds import Channel, RequestKind
from sluis.rights.problems import conflict, not_found
from sluis.rights.sealing import key_for_reading, seal_json, unseal_json
from sluis.rights.states import CLOSED, RequestState, may_move, verified
from sluis.rights.timing import Urgency, urgency
from sluis.store.tables.rights import RightsEventRow, RightsRequestRow

if TYPE_CHECKING:
    from sluis.gateway.crypto import SubjectKey
    from sluis.rights.desk import RightsDesk

PERSONAL = "request"
EVENT_TEXT = "event"


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Personal:
    """What the person told us, sealed with their key: None once erased."""

    name: str | None = None
    email: str | None = None
    message: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "message": self.message, **self.extra}

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Personal:
        extra = {k: v for k, v in document.items() if k not in ("name", "email", "message")}
        return cls(document.get("name"), document.get("email"), document.get("message"), extra)


@dataclass(frozen=True)
class Event:
    at: datetime
    event: str
    details: dict[str, Any]
    text: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "event": self.event,
            "details": self.details,
            "text": self.text,
        }


@dataclass(frozen=True)
class RequestView:
    """A request as staff see it (``personal`` only when asked for and still readable)."""

    id: str
    kind: RequestKind
    channel: Channel
    state: RequestState
    decision_uuid: str | None
    lang: str
    country: str
    received_on: date
    due_on: date
    extended: bool
    urgency: Urgency
    identity_method: str | None
    verified_at: datetime | None
    review_case_id: str | None
    refusal: str | None
    closed_at: datetime | None
    created_at: datetime
    personal: Personal | None = None
    erased: bool = False
    events: tuple[Event, ...] = ()

    @property
    def verified(self) -> bool:
        return verified(self.state)

    @property
    def closed(self) -> bool:
        return self.state in CLOSED

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "channel": self.channel.value,
            "state": self.state.value,
            "decision": self.decision_uuid,
            "lang": self.lang,
            "country": self.country,
            "received_on": self.received_on.isoformat(),
            "due_on": self.due_on.isoformat(),
            "extended": self.extended,
            "urgency": self.urgency.value,
            "identity_method": self.identity_method,
            "verified_at": self.verified_at.isoformat() if self.verified_at else None,
            "review_case": self.review_case_id,
            "refusal": self.refusal,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "created_at": self.created_at.isoformat(),
            "personal": self.personal.to_json_dict() if self.personal is not None else None,
            "erased": self.erased,
            "events": [e.to_json_dict() for e in self.events],
        }


def request_row(session: Session, request_id: str, *, lock: bool = False) -> RightsRequestRow:
    statement = select(RightsRequestRow).where(RightsRequestRow.id == request_id)
    if lock:
        statement = statement.with_for_update()
    row = session.scalars(statement).first()
    if row is None:
        raise not_found("request", "request_unknown")
    return row


def request_key(desk: RightsDesk, session: Session, row: RightsRequestRow) -> SubjectKey | None:
    return key_for_reading(session, desk.keys, row.subject_pseudonym, row.key_id)


def personal_of(key: SubjectKey | None, row: RightsRequestRow) -> Personal | None:
    document = unseal_json(key, row.sealed, PERSONAL, row.id)
    return None if document is None else Personal.from_json(document)


def reseal(key: SubjectKey, row: RightsRequestRow, personal: Personal) -> None:
    row.sealed = seal_json(key, personal.to_json_dict(), PERSONAL, row.id)
    row.key_id = key.key_id


def view(
    desk: RightsDesk,
    session: Session,
    row: RightsRequestRow,
    on: date,
    *,
    personal: bool = False,
    events: bool = False,
) -> RequestView:
    key = request_key(desk, session, row) if personal or events else None
    found_events: tuple[Event, ...] = ()
    if events:
        rows = session.scalars(
            select(RightsEventRow)
            .where(RightsEventRow.request_id == row.id)
            .order_by(RightsEventRow.id)
        )
        found_events = tuple(
            Event(
                e.at,
                e.event,
                dict(e.details),
                unseal_json(
                    key if e.key_id == row.key_id else None, e.sealed, EVENT_TEXT, str(e.id)
                ),
            )
            for e in rows
        )
    state = RequestState(row.state)
    return RequestView(
        id=row.id,
        kind=RequestKind(row.kind),
        channel=Channel(row.channel),
        state=state,
        decision_uuid=row.decision_uuid,
        lang=row.lang,
        country=row.country,
        received_on=row.received_on,
        due_on=row.due_on,
        extended=row.extended,
        urgency=urgency(row.due_on, on, closed=state in CLOSED),
        identity_method=row.identity_method,
        verified_at=row.verified_at,
        review_case_id=row.review_case_id,
        refusal=row.refusal,
        closed_at=row.closed_at,
        created_at=row.created_at,
        personal=personal_of(key, row) if personal else None,
        erased=(personal or events) and key is None,
        events=found_events,
    )


def record_event(
    session: Session,
    row: RightsRequestRow,
    event: str,
    now: datetime,
    details: dict[str, Any] | None = None,
    *,
    key: SubjectKey | None = None,
    text: str | None = None,
) -> None:
    """An event of the request; ``text`` (about the person) is sealed with ``key``."""
    item = RightsEventRow(
        request_id=row.id, at=now, event=event, details=details or {}, key_id=None, sealed=None
    )
    session.add(item)
    if text is not None and key is not None:
        session.flush()  # the id is the sealed text's associated data
        item.key_id = key.key_id
        item.sealed = seal_json(key, text, EVENT_TEXT, str(item.id))


def move(row: RightsRequestRow, to: RequestState, now: datetime) -> None:
    current = RequestState(row.state)
    if not may_move(current, to):
        raise conflict("request", "state_forbids", state=current.value)
    row.state = to.value
    row.updated_at = now
    if to in CLOSED:
        row.closed_at = now


def audit(session: Session, event: str, row: RightsRequestRow, **details: Any) -> None:
    """An audit-trail entry about a request: never who it is about or what they wrote."""
    append_event(session, event, None, row.decision_uuid, {"kind": row.kind, **details})


__all__ = [
    "Event",
    "Personal",
    "RequestView",
    "audit",
    "move",
    "new_id",
    "personal_of",
    "record_event",
    "request_key",
    "request_row",
    "reseal",
    "view",
]
