"""When a request must be answered, and how close that is. Pure: no I/O.

The due date itself comes from ``sluis.law.deadlines`` (GDPR art. 12(3), counted by
Regulation 1182/71 with the holiday calendar in force). Here: which requests are overdue or
due soon, and "today" as the organisation's calendar sees it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from sluis.law.deadlines import Deadline, ExtensionCheck, answer_due, check_extension
from sluis.law.holidays import HolidayCalendar

#: Days are counted on the calendar of the Netherlands: a request that arrives at 00:30
#: Amsterdam time arrives on that day, not on the day before in UTC.
ZONE = ZoneInfo("Europe/Amsterdam")
DUE_SOON_DAYS = 7


class Urgency(StrEnum):
    overdue = "overdue"  # the due date has passed and the request is still open
    due_soon = "due_soon"  # due within DUE_SOON_DAYS days (today included)
    on_time = "on_time"
    closed = "closed"


def today(now: datetime | None = None) -> date:
    return (now or datetime.now(ZONE)).astimezone(ZONE).date()


def first_deadline(received: date, calendar: HolidayCalendar) -> Deadline:
    return answer_due(received, calendar)


def extension_check(
    received: date, recorded_on: date, reasons: str, calendar: HolidayCalendar
) -> ExtensionCheck:
    return check_extension(received, recorded_on, reasons, calendar)


def urgency(due: date, on: date, *, closed: bool, soon_days: int = DUE_SOON_DAYS) -> Urgency:
    if closed:
        return Urgency.closed
    if on > due:
        return Urgency.overdue
    if (due - on).days < soon_days:
        return Urgency.due_soon
    return Urgency.on_time


__all__ = [
    "DUE_SOON_DAYS",
    "ZONE",
    "Urgency",
    "extension_check",
    "first_deadline",
    "today",
    "urgency",
]
