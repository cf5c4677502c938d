"""When the answer to a data subject's request is due (GDPR art. 12(3)), computed exactly.

The GDPR gives the controller one month from receipt, extendable by two further months
when the person is told within the first month, with reasons. The GDPR is an EU
regulation, so its periods are counted by Regulation (EEC, Euratom) No 1182/71, not by a
fixed number of days:

- art. 3(1): a period that runs from an event (here: receiving the request) does not count
  the day of that event;
- art. 3(2)(c): a period in months ends at the end of the day in the last month with the
  same date as the day of the event; when that month is too short, at the end of its last
  day (received 31 January: 28 or 29 February);
- art. 3(4): a period that would end on a Saturday, Sunday or public holiday ends at the
  end of the next working day instead; the public holidays are the Member State's
  (art. 2(1)), taken from ``sluis.law.holidays``;
- art. 3(5): a period of two days or more contains at least two working days. A month
  always does with real calendars; the rule is applied anyway, because a holiday file can
  close almost any day.

Two choices, made on purpose:

**The extension runs from the calendar end of the first month.** Art. 12(3) adds "two
further months" to the first one: it lengthens the same period rather than starting a new
one. The roll-over of art. 3(4) only decides when a period finally expires; it says nothing
about where a continued period joins on. So the two months are counted (art. 3(2)(c))
from the day the first month ends by the calendar, before any roll-over, and only the
final end is rolled over. Counting from a rolled-over day would let a weekend at the
one-month mark push the final date later. Where the month-end rule clips the first month
(received 31 January, first month ending 28 February) the extended end keeps the clipped
date (28 April); counting three months straight from receipt would give 30 April. Our
reading is never later than that one, so a controller following Sluis is on time under
either reading.

**The Atw's own rules are not applied to GDPR periods, but agree with them.** The Dutch
Algemene termijnenwet governs periods set by Dutch statute: its art. 1 moves an end on a
Saturday, Sunday or recognised holiday to the next day that is none of these, and its
art. 2 stretches a period of three days or more until it contains two such days. The
GDPR's period is set by an EU regulation, for which 1182/71 holds the rules, so 1182/71
decides here. For Dutch readers the roll-over step still cites art. 1 Atw, because it
reaches the same day, and the Dutch holidays are the Atw's (art. 3 Atw). Art. 2 Atw is not
applied: it has its counterpart in art. 3(5) 1182/71, which is.

Each result lists the steps taken, with their citations, so the interface can show why.
The steps carry interface message ids (``sluis.i18n.areas.deadlines``) and their values.
"""

from __future__ import annotations

import calendar as month_calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sluis.law.citations import Citation, gdpr, reg_1182_71
from sluis.law.holidays import ClosedBecause, Closure, Holiday, HolidayCalendar

FIRST_PERIOD_MONTHS = 1  # art. 12(3): one month after receipt
EXTENSION_MONTHS = 2  # art. 12(3): two further months
_MAX_CLOSED_RUN = 366  # a calendar with no working day for a year is broken

ART_12_3 = gdpr("12(3)")
START_NOT_COUNTED = reg_1182_71("3(1)")
MONTH_END = reg_1182_71("3(2)(c)")
ROLL_OVER = reg_1182_71("3(4)")
TWO_WORKING_DAYS = reg_1182_71("3(5)")
WORKING_DAYS = reg_1182_71("2(2)")

Value = date | str | int | tuple[Holiday, ...]


@dataclass(frozen=True)
class Step:
    """One step of the computation: a message id, the values it shows, the articles."""

    key: str
    values: tuple[tuple[str, Value], ...]
    articles: tuple[Citation, ...]

    def value(self, name: str) -> Value:
        return dict(self.values)[name]


def _step(key: str, articles: tuple[Citation, ...], **values: Value) -> Step:
    return Step(key=f"deadlines.step.{key}", values=tuple(values.items()), articles=articles)


@dataclass(frozen=True)
class Deadline:
    """The end of a period: ``due`` is the last day to answer (until the end of that day);
    ``calendar_end`` is where the month arithmetic landed, before any roll-over."""

    received: date
    calendar_end: date
    due: date
    extended: bool
    steps: tuple[Step, ...]
    warnings: tuple[Step, ...] = ()

    @property
    def rolled_over(self) -> bool:
        return self.due != self.calendar_end


def add_months(start: date, months: int) -> tuple[date, bool]:
    """The same date ``months`` later, or the last day of that month when it is too short
    (1182/71 art. 3(2)(c)). Also tells whether the date had to be clipped."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = month_calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last)), start.day > last


def answer_due(received: date, holidays: HolidayCalendar) -> Deadline:
    """When the answer to a request received on ``received`` is due without extension."""
    steps = [_start_step(received)]
    end = _count_months(received, FIRST_PERIOD_MONTHS, "one_month", steps)
    return _finish(received, end, holidays, steps, extended=False)


def extended_due(received: date, holidays: HolidayCalendar) -> Deadline:
    """When the answer is due after the extension of art. 12(3) (see the module notes for
    why the two months run from the calendar end of the first month)."""
    steps = [_start_step(received)]
    first_end = _count_months(received, FIRST_PERIOD_MONTHS, "one_month", steps)
    steps.append(_step("extension_joins", (ART_12_3, MONTH_END), first_end=first_end))
    end = _count_months(first_end, EXTENSION_MONTHS, "two_months", steps)
    return _finish(received, end, holidays, steps, extended=True)


def _start_step(received: date) -> Step:
    return _step(
        "start_not_counted",
        (ART_12_3, START_NOT_COUNTED),
        received=received,
        start=received + timedelta(days=1),
    )


def _count_months(origin: date, months: int, wording: str, steps: list[Step]) -> date:
    end, clipped = add_months(origin, months)
    key = f"{wording}_last_day" if clipped else f"{wording}_same_date"
    steps.append(_step(key, (MONTH_END,), origin=origin, end=end, day=origin.day))
    return end


def _finish(
    received: date,
    calendar_end: date,
    holidays: HolidayCalendar,
    steps: list[Step],
    *,
    extended: bool,
) -> Deadline:
    closures = list(_closures_from(calendar_end, holidays))
    due = calendar_end + timedelta(days=len(closures))
    if closures:
        steps += [_closure_step(closure) for closure in closures]
        steps.append(_step("rolled_over", (ROLL_OVER, WORKING_DAYS), due=due))
        if holidays.national_rule is not None:
            steps.append(_step("national_rule_agrees", (holidays.national_rule,), due=due))
    else:
        steps.append(_step("working_day", (WORKING_DAYS,), end=calendar_end))
    stretched = _with_two_working_days(received, due, holidays)
    if stretched != due:
        due = stretched
        steps.append(_step("two_working_days", (TWO_WORKING_DAYS,), due=due))
    steps.append(_step("due_extended" if extended else "due", (ART_12_3,), due=due))
    years = sorted({calendar_end.year, due.year})
    warnings = tuple(
        _step("calendar_gap", (), year=year, country=holidays.country)
        for year in years
        if holidays.may_miss_equated_days(year)
    )
    return Deadline(received, calendar_end, due, extended, tuple(steps), warnings)


def _closures_from(day: date, holidays: HolidayCalendar) -> Iterator[Closure]:
    """The run of non-working days starting at ``day`` (empty when it is a working day)."""
    for _ in range(_MAX_CLOSED_RUN):
        closure = holidays.closure(day)
        if closure is None:
            return
        yield closure
        day += timedelta(days=1)
    raise ValueError(f"the {holidays.country} calendar has no working day for a whole year")


def _closure_step(closure: Closure) -> Step:
    articles = (ROLL_OVER,)
    if closure.because is ClosedBecause.holiday:
        articles += tuple(h.source for h in closure.holidays if h.source is not None)
        return _step("closed_holiday", articles, day=closure.day, holidays=closure.holidays)
    return _step(f"closed_{closure.because.value}", articles, day=closure.day)


def _with_two_working_days(received: date, due: date, holidays: HolidayCalendar) -> date:
    """Art. 3(5) 1182/71: move the end on until the period holds two working days."""
    day = received + timedelta(days=1)
    working = 0
    while True:
        if holidays.is_working_day(day):
            working += 1
        if day >= due and working >= 2:
            return day
        if (day - due).days > _MAX_CLOSED_RUN:
            raise ValueError(f"the {holidays.country} calendar has too few working days")
        day += timedelta(days=1)


@dataclass(frozen=True)
class ExtensionCheck:
    """Whether the extension of art. 12(3) may be recorded on a given day.

    ``notify_by`` is the last day to tell the person about the extension and its reasons
    (the end of the first period); ``extended`` is the new due date when allowed."""

    allowed: bool
    first: Deadline
    notify_by: date
    refusals: tuple[Step, ...]
    extended: Deadline | None

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.refusals if self.extended is None else self.extended.steps


def check_extension(
    received: date, recorded_on: date, reasons: str, holidays: HolidayCalendar
) -> ExtensionCheck:
    """May the controller extend on ``recorded_on``, giving ``reasons``? Only from receipt
    until the end of the first period (rolled over to a working day as any period end is),
    and only with reasons, which the person must be told by then (art. 12(3))."""
    first = answer_due(received, holidays)
    refusals = []
    if recorded_on < received:
        refusals.append(_refusal("before_receipt", received=received, on=recorded_on))
    if recorded_on > first.due:
        refusals.append(_refusal("too_late", notify_by=first.due, on=recorded_on))
    if not reasons.strip():
        refusals.append(_refusal("no_reasons"))
    if refusals:
        return ExtensionCheck(False, first, first.due, tuple(refusals), None)
    extended = extended_due(received, holidays)
    notice = _step("notify_by", (ART_12_3,), notify_by=first.due)
    extended = Deadline(
        extended.received,
        extended.calendar_end,
        extended.due,
        True,
        (*extended.steps, notice),
        extended.warnings,
    )
    return ExtensionCheck(True, first, first.due, (), extended)


def _refusal(key: str, **values: Value) -> Step:
    return Step(
        key=f"deadlines.extension.{key}", values=tuple(values.items()), articles=(ART_12_3,)
    )
