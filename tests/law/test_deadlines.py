"""The due date of an answer to a data subject (GDPR art. 12(3)), counted per Regulation
1182/71: worked examples, the extension, and properties that hold for every day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sluis.law.citations import atw, reg_1182_71
from sluis.law.deadlines import (
    Deadline,
    add_months,
    answer_due,
    check_extension,
    extended_due,
)
from sluis.law.holidays import CountryOverrides, calendar_for

NL = calendar_for("NL")


def due(received: str) -> date:
    return answer_due(date.fromisoformat(received), NL).due


def keys(deadline: Deadline) -> list[str]:
    return [step.key.removeprefix("deadlines.step.") for step in deadline.steps]


# --- month arithmetic (art. 3(2)(c)) ---------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end", "clipped"),
    [
        (date(2025, 3, 5), 1, date(2025, 4, 5), False),
        (date(2023, 1, 31), 1, date(2023, 2, 28), True),
        (date(2024, 1, 31), 1, date(2024, 2, 29), True),
        (date(2025, 3, 31), 1, date(2025, 4, 30), True),
        (date(2023, 12, 15), 2, date(2024, 2, 15), False),
        (date(2024, 12, 31), 2, date(2025, 2, 28), True),
        (date(2025, 12, 20), 1, date(2026, 1, 20), False),
    ],
)
def test_a_month_later_is_the_same_date_or_the_months_last_day(
    start: date, months: int, end: date, clipped: bool
) -> None:
    assert add_months(start, months) == (end, clipped)


# --- worked examples -------------------------------------------------------------------


def test_the_edpb_example_5_march_is_due_5_april() -> None:
    assert due("2024-03-05") == date(2024, 4, 5)  # a Friday


def test_received_31_january_in_a_common_year_ends_28_february() -> None:
    deadline = answer_due(date(2023, 1, 31), NL)
    assert deadline.due == date(2023, 2, 28)  # a Tuesday
    assert keys(deadline) == ["start_not_counted", "one_month_last_day", "working_day", "due"]


def test_a_clipped_month_end_on_a_saturday_still_rolls_over() -> None:
    assert due("2026-01-31") == date(2026, 3, 2)  # 28 February 2026 is a Saturday


def test_received_30_january_in_a_leap_year_ends_29_february() -> None:
    assert due("2024-01-30") == date(2024, 2, 29)  # a Thursday


def test_a_period_ending_on_a_saturday_runs_on_to_monday() -> None:
    deadline = answer_due(date(2025, 1, 8), NL)
    assert deadline.calendar_end == date(2025, 2, 8)  # a Saturday
    assert deadline.due == date(2025, 2, 10)
    assert keys(deadline)[2:4] == ["closed_saturday", "closed_sunday"]


@pytest.mark.parametrize(
    ("received", "expected", "why"),
    [
        ("2026-03-27", "2026-04-28", "King's Day, Monday 27 April 2026"),
        ("2026-04-05", "2026-05-06", "5 May 2026, a Tuesday"),
        ("2025-11-25", "2025-12-29", "both Christmas days, then a weekend"),
        ("2025-03-18", "2025-04-22", "Good Friday, the weekend, Easter Monday"),
        ("2025-12-01", "2026-01-05", "New Year, 2 January (decree), a weekend"),
        ("2025-04-29", "2025-06-02", "Ascension Day, its equated Friday, a weekend"),
    ],
)
def test_a_period_ending_on_a_holiday_runs_past_it(received: str, expected: str, why: str) -> None:
    assert due(received) == date.fromisoformat(expected), why


def test_received_on_christmas_day() -> None:
    assert due("2025-12-25") == date(2026, 1, 26)  # 25 January 2026 is a Sunday
    assert due("2024-12-25") == date(2025, 1, 27)  # 25 January 2025 is a Saturday


def test_the_steps_cite_the_regulation_and_for_the_netherlands_the_atw() -> None:
    deadline = answer_due(date(2025, 11, 25), NL)
    cited = {article for step in deadline.steps for article in step.articles}
    assert {reg_1182_71("3(1)"), reg_1182_71("3(2)(c)"), reg_1182_71("3(4)")} <= cited
    assert atw("1") in cited and atw("3(1)") in cited
    holiday_step = deadline.steps[2]
    assert holiday_step.key == "deadlines.step.closed_holiday"
    assert [h.key for h in holiday_step.value("holidays")] == ["christmas_day"]
    germany = answer_due(date(2025, 11, 25), calendar_for("DE"))
    assert atw("1") not in {a for step in germany.steps for a in step.articles}


def test_a_working_day_end_needs_no_roll_over() -> None:
    deadline = answer_due(date(2025, 3, 10), NL)
    assert not deadline.rolled_over and deadline.due == date(2025, 4, 10)


def test_a_period_keeps_two_working_days_even_when_a_file_closes_the_month() -> None:
    # Art. 3(5) 1182/71 only bites on a calendar this odd: all of February closed but the
    # 28th, so the period holds one working day and runs on to the next one.
    closed = tuple(
        (date(2025, 2, day), "") for day in range(1, 28) if date(2025, 2, day).weekday() < 5
    )
    odd = calendar_for("NL", CountryOverrides(added=closed, years=frozenset({2025})))
    deadline = answer_due(date(2025, 1, 31), odd)
    assert deadline.calendar_end == date(2025, 2, 28)
    assert deadline.due == date(2025, 3, 3)
    assert "two_working_days" in keys(deadline)


def test_a_year_without_a_known_decree_carries_a_warning() -> None:
    assert answer_due(date(2025, 3, 10), NL).warnings == ()
    warning = answer_due(date(2029, 3, 10), NL).warnings
    assert [w.key for w in warning] == ["deadlines.step.calendar_gap"]
    assert warning[0].value("year") == 2029


# --- the extension ---------------------------------------------------------------------


def test_the_extension_adds_two_months_to_the_first_month() -> None:
    deadline = extended_due(date(2025, 3, 10), NL)
    assert deadline.extended and deadline.due == date(2025, 6, 10)


def test_the_extension_joins_the_calendar_end_not_the_rolled_over_day() -> None:
    # The first month ends on Sunday 27 April 2025 (answer due Monday the 28th). Two more
    # months from the 27th: Friday 27 June. From the 28th it would be a Saturday, then 30 June.
    first = answer_due(date(2025, 3, 27), NL)
    assert first.calendar_end == date(2025, 4, 27) and first.due == date(2025, 4, 28)
    deadline = extended_due(date(2025, 3, 27), NL)
    assert deadline.calendar_end == date(2025, 6, 27) and deadline.due == date(2025, 6, 27)
    assert "extension_joins" in keys(deadline)


def test_the_extension_keeps_a_clipped_first_month() -> None:
    # 31 January 2023: first month ends 28 February; two more months: 28 April, a day
    # equated with a holiday (2023-2025 decree), then a weekend.
    deadline = extended_due(date(2023, 1, 31), NL)
    assert deadline.calendar_end == date(2023, 4, 28)
    assert deadline.due == date(2023, 5, 1)
    assert keys(deadline)[3] == "two_months_same_date"


def test_an_extension_recorded_within_the_first_period_is_allowed() -> None:
    received = date(2025, 3, 27)
    check = check_extension(received, date(2025, 4, 28), "280 requests this month", NL)
    assert check.allowed and check.refusals == ()
    assert check.notify_by == date(2025, 4, 28)  # the first period's (rolled-over) end
    assert check.extended is not None and check.extended.due == date(2025, 6, 27)
    assert check.steps[-1].key == "deadlines.step.notify_by"
    assert check_extension(received, received, "complex request", NL).allowed


def test_an_extension_after_the_first_period_is_refused() -> None:
    check = check_extension(date(2025, 3, 27), date(2025, 4, 29), "too many requests", NL)
    assert not check.allowed and check.extended is None
    assert [step.key for step in check.steps] == ["deadlines.extension.too_late"]
    assert check.refusals[0].value("notify_by") == date(2025, 4, 28)


def test_an_extension_needs_reasons_and_a_request() -> None:
    check = check_extension(date(2025, 3, 27), date(2025, 3, 20), "  ", NL)
    assert not check.allowed
    assert [step.key for step in check.refusals] == [
        "deadlines.extension.before_receipt",
        "deadlines.extension.no_reasons",
    ]


# --- properties ------------------------------------------------------------------------

days = st.dates(min_value=date(2014, 1, 1), max_value=date(2099, 9, 30))
countries = st.sampled_from(["NL", "NL", "DE", "BE", "FR"])


@settings(max_examples=300, deadline=None)
@given(received=days, country=countries)
def test_the_due_date_is_a_working_day_within_a_week_of_the_month_end(
    received: date, country: str
) -> None:
    holidays = calendar_for(country)
    deadline = answer_due(received, holidays)
    assert deadline.calendar_end == add_months(received, 1)[0]
    assert holidays.is_working_day(deadline.due)
    assert deadline.calendar_end <= deadline.due < deadline.calendar_end + timedelta(days=7)
    if holidays.is_working_day(deadline.calendar_end):
        assert deadline.due == deadline.calendar_end
    assert all(
        not holidays.is_working_day(deadline.calendar_end + timedelta(days=n))
        for n in range((deadline.due - deadline.calendar_end).days)
    )


@settings(max_examples=300, deadline=None)
@given(first=days, second=days)
def test_a_later_request_is_never_due_earlier(first: date, second: date) -> None:
    early, late = sorted((first, second))
    assert answer_due(early, NL).due <= answer_due(late, NL).due
    assert extended_due(early, NL).due <= extended_due(late, NL).due


@settings(max_examples=300, deadline=None)
@given(received=days)
def test_the_extended_date_is_never_later_than_three_months_from_receipt(received: date) -> None:
    # Counting three months straight from receipt, rolled over the same way, is the other
    # reading of art. 12(3); ours must never be later than it.
    first = answer_due(received, NL)
    deadline = extended_due(received, NL)
    straight = add_months(received, 3)[0]
    while not NL.is_working_day(straight):
        straight += timedelta(days=1)
    assert first.due < deadline.due <= straight
    assert NL.is_working_day(deadline.due)


@settings(max_examples=200, deadline=None)
@given(received=days, offset=st.integers(min_value=-5, max_value=40))
def test_an_extension_is_allowed_exactly_from_receipt_to_the_first_due_date(
    received: date, offset: int
) -> None:
    recorded_on = received + timedelta(days=offset)
    check = check_extension(received, recorded_on, "many requests", NL)
    assert check.allowed == (received <= recorded_on <= answer_due(received, NL).due)
