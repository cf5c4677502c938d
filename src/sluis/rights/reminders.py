"""The desk's views of what is due, and reminders to staff.

Overdue: open after their due date. Due soon: open and due within a week. ``remind``
first answers the requests whose review was settled, then mails staff
(``SLUIS_STAFF_EMAIL``) one list of what is due soon or overdue and was not in a reminder
today yet: safe to run from cron as often as wanted, it mails each request at most once a
day. The list holds references, kinds and dates, never who a request is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from sluis.i18n import label
from sluis.review.rows import writing
from sluis.rights.desk import RightsDesk
from sluis.rights.handling import follow_reviews
from sluis.rights.mail import Mail, MailUnavailable
from sluis.rights.records import RequestView, view
from sluis.rights.states import OPEN
from sluis.rights.timing import DUE_SOON_DAYS, Urgency, today
from sluis.store.tables.base import utcnow
from sluis.store.tables.rights import RightsRequestRow

VIEWS = ("open", "due_soon", "overdue", "closed", "all")


def list_requests(
    desk: RightsDesk, which: str = "open", *, on: date | None = None
) -> list[RequestView]:
    """Requests for the desk, earliest due first: ``open``, ``due_soon``, ``overdue``,
    ``closed`` or ``all``."""
    if which not in VIEWS:
        raise ValueError(f"view: expected one of {', '.join(VIEWS)}")
    on = on or today()
    statement = select(RightsRequestRow).order_by(
        RightsRequestRow.due_on, RightsRequestRow.created_at
    )
    if which in ("open", "due_soon", "overdue"):
        statement = statement.where(RightsRequestRow.state.in_([s.value for s in OPEN]))
    elif which == "closed":
        statement = statement.where(RightsRequestRow.state.not_in([s.value for s in OPEN]))
    with desk.sessions.begin() as session:
        found = [view(desk, session, row, on) for row in session.scalars(statement)]
    if which == "due_soon":
        return [r for r in found if r.urgency is Urgency.due_soon]
    if which == "overdue":
        return [r for r in found if r.urgency is Urgency.overdue]
    return found


@dataclass(frozen=True)
class Reminder:
    answered: int  # requests answered because their review was settled
    listed: int  # requests in the reminder
    sent: bool


def remind(desk: RightsDesk, *, now: datetime | None = None) -> Reminder:
    now = now or utcnow()
    on = today(now)
    answered = follow_reviews(desk, now=now)
    due = [
        r
        for r in list_requests(desk, "open", on=on)
        if r.urgency in (Urgency.overdue, Urgency.due_soon)
    ]
    with desk.sessions.begin() as session:
        reminded = {
            row.id
            for row in session.scalars(
                select(RightsRequestRow).where(RightsRequestRow.reminded_on == on)
            )
        }
    fresh = [r for r in due if r.id not in reminded]
    if not fresh or not desk.settings.staff_email:
        return Reminder(answered, len(fresh), False)
    lang = desk.settings.default_language
    lines = [
        label("rights.mail.reminder.line", lang).format(
            urgency=label(f"rights.urgency.{r.urgency.value}", lang),
            due=r.due_on.isoformat(),
            kind=label(f"rights.kind.{r.kind.value}", lang),
            state=label(f"rights.state.{r.state.value}", lang),
            link=desk.link(f"/rights/{r.id}"),
        )
        for r in fresh
    ]
    body = label("rights.mail.reminder.body", lang).format(
        count=len(fresh), days=DUE_SOON_DAYS, lines="\n".join(lines)
    )
    subject = label("rights.mail.reminder.subject", lang).format(count=len(fresh))
    try:
        desk.mailer.send(Mail(desk.settings.staff_email, subject, body))
    except MailUnavailable:
        return Reminder(answered, len(fresh), False)
    ids = [r.id for r in fresh]
    with writing(desk.sessions) as session:
        for row in session.scalars(select(RightsRequestRow).where(RightsRequestRow.id.in_(ids))):
            row.reminded_on = on
    return Reminder(answered, len(fresh), True)


__all__ = ["VIEWS", "Reminder", "list_requests", "remind"]
