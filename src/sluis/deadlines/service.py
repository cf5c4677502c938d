"""Which holiday calendar applies: the country's own, adjusted by a holiday file when one
is configured (``SLUIS_HOLIDAYS``) or given. This is the one place that reads that file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sluis.law.deadlines import Deadline, answer_due, extended_due
from sluis.law.holidays import (
    NETHERLANDS,
    CountryOverrides,
    HolidayCalendar,
    calendar_for,
    holiday_file_format,
    normalise_country,
    parse_holiday_file,
)


class HolidayFileUnreadable(OSError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"{path}: cannot read the holiday file ({reason})")


def read_holiday_file(path: Path) -> dict[str, CountryOverrides]:
    """The changes a holiday file makes, per country; ``HolidayFileInvalid`` lists every
    problem in it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise HolidayFileUnreadable(path, reason) from None
    return parse_holiday_file(text, holiday_file_format(path.name))


def holiday_calendar(
    country: str = NETHERLANDS, holiday_file: Path | None = None
) -> HolidayCalendar:
    """The calendar of ``country``; with ``holiday_file``, adjusted by it."""
    code = normalise_country(country)
    overrides = read_holiday_file(holiday_file).get(code) if holiday_file else None
    return calendar_for(code, overrides)


def due_date(
    received: date,
    *,
    extended: bool = False,
    country: str = NETHERLANDS,
    holiday_file: Path | None = None,
) -> Deadline:
    """The deadline to answer a request received on ``received`` (GDPR art. 12(3))."""
    calendar = holiday_calendar(country, holiday_file)
    return (extended_due if extended else answer_due)(received, calendar)
