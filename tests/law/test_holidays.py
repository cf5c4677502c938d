"""Holiday calendars: the Dutch days of the Algemene termijnenwet, other countries from the
``holidays`` package, and holiday files that adjust them per year."""

from __future__ import annotations

from datetime import date

import pytest

from sluis.law.citations import atw, atw_decree, reg_1182_71
from sluis.law.holidays import (
    ClosedBecause,
    CountryOverrides,
    HolidayFileInvalid,
    UnknownCountry,
    UnsupportedYear,
    calendar_for,
    holiday_file_format,
    kings_day,
    parse_day,
    parse_holiday_file,
)

NL = calendar_for("NL")


def keys_on(day: date) -> list[str | None]:
    return [h.key for h in NL.holidays(day.year).get(day, ())]


# Easter-based days against published calendars: (Good Friday, Easter Monday, Ascension
# Day, Whit Monday).
EASTER_DAYS = {
    2019: ("2019-04-19", "2019-04-22", "2019-05-30", "2019-06-10"),
    2024: ("2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20"),
    2025: ("2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09"),
    2026: ("2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25"),
    2027: ("2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17"),
    2038: ("2038-04-23", "2038-04-26", "2038-06-03", "2038-06-14"),
}


@pytest.mark.parametrize("year", sorted(EASTER_DAYS))
def test_easter_based_days_fall_on_the_known_dates(year: int) -> None:
    good_friday, easter_monday, ascension, whit_monday = map(date.fromisoformat, EASTER_DAYS[year])
    assert keys_on(good_friday) == ["good_friday"]
    assert keys_on(easter_monday) == ["easter_monday"]
    assert keys_on(ascension) == ["ascension_day"]
    assert keys_on(whit_monday) == ["whit_monday"]


def test_the_atw_list_is_complete_for_a_year() -> None:
    days = {day: [h.key for h in hs] for day, hs in NL.holidays(2024).items()}
    assert days == {
        date(2024, 1, 1): ["new_years_day"],
        date(2024, 3, 29): ["good_friday"],
        date(2024, 4, 1): ["easter_monday"],
        date(2024, 4, 27): ["kings_day"],
        date(2024, 5, 5): ["liberation_day"],
        date(2024, 5, 9): ["ascension_day"],
        date(2024, 5, 10): ["equated_day"],
        date(2024, 5, 20): ["whit_monday"],
        date(2024, 12, 25): ["christmas_day"],
        date(2024, 12, 26): ["boxing_day"],
        date(2024, 12, 27): ["equated_day"],
    }


def test_easter_sunday_and_whit_sunday_are_closed_as_sundays() -> None:
    assert NL.closure(date(2025, 4, 20)).because is ClosedBecause.sunday
    assert NL.closure(date(2025, 6, 8)).because is ClosedBecause.sunday


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2014, date(2014, 4, 26)),
        (2024, date(2024, 4, 27)),
        (2025, date(2025, 4, 26)),
        (2026, date(2026, 4, 27)),
        (2031, date(2031, 4, 26)),
    ],
)
def test_kings_day_moves_to_the_saturday_when_27_april_is_a_sunday(
    year: int, expected: date
) -> None:
    assert kings_day(year) == expected
    assert keys_on(expected) == ["kings_day"]


def test_5_may_counts_every_year_not_only_every_fifth() -> None:
    for year in (2024, 2026, 2027, 2029):
        assert "liberation_day" in keys_on(date(year, 5, 5))


def test_two_holidays_on_one_day_are_both_named() -> None:
    # In 2016 Ascension Day fell on 5 May.
    assert keys_on(date(2016, 5, 5)) == ["liberation_day", "ascension_day"]


def test_each_dutch_holiday_cites_its_footing_in_the_atw() -> None:
    def source(day: date) -> object:
        return NL.holidays(day.year)[day][0].source

    assert source(date(2025, 12, 25)) == atw("3(1)")
    assert source(date(2025, 4, 18)) == atw("3(2)")  # Good Friday, equated by the act itself
    assert source(date(2025, 5, 30)) == atw_decree("2023-2025")
    assert source(date(2026, 1, 2)) == atw_decree("2026-2028")


@pytest.mark.parametrize(
    "day",
    [
        "2023-04-28",
        "2023-05-19",
        "2024-05-10",
        "2024-12-27",
        "2025-05-30",
        "2026-01-02",
        "2026-05-15",
        "2027-05-07",
        "2028-04-28",
        "2028-05-26",
    ],
)
def test_days_equated_by_decree_are_closed(day: str) -> None:
    assert keys_on(date.fromisoformat(day)) == ["equated_day"]


def test_the_calendar_says_when_it_knows_no_equating_decree() -> None:
    assert not NL.may_miss_equated_days(2025)
    assert NL.may_miss_equated_days(2029)
    assert NL.may_miss_equated_days(2022)
    covered = calendar_for("NL", CountryOverrides(years=frozenset({2029})))
    assert not covered.may_miss_equated_days(2029)
    assert not calendar_for("DE").may_miss_equated_days(2029)


def test_working_days_and_weekends() -> None:
    assert NL.is_working_day(date(2025, 3, 3))
    assert NL.closure(date(2025, 3, 1)).because is ClosedBecause.saturday
    assert NL.closure(date(2025, 3, 2)).because is ClosedBecause.sunday
    closure = NL.closure(date(2025, 5, 5))
    assert closure.because is ClosedBecause.holiday and closure.holidays[0].key == (
        "liberation_day"
    )


def test_years_before_kings_day_are_refused() -> None:
    with pytest.raises(UnsupportedYear) as raised:
        NL.closure(date(2013, 4, 30))
    assert raised.value.year == 2013 and raised.value.first == 2014


def test_other_countries_come_from_the_holidays_package() -> None:
    germany = calendar_for("de")
    assert germany.country == "DE"
    unity = germany.holidays(2025)[date(2025, 10, 3)][0]
    assert unity.name and unity.source == reg_1182_71("2(1)")
    assert germany.national_rule is None
    assert NL.national_rule == atw("1")


def test_unknown_countries_are_refused() -> None:
    with pytest.raises(UnknownCountry):
        calendar_for("XX")


# --- holiday files ---------------------------------------------------------------------

YAML_FILE = """
NL:
  2029:
    closed:
      2029-05-11: Vrijdag na Hemelvaartsdag
      2029-12-24: null
    open: [2029-05-05]
DE:
  2025:
    closed: [2025-12-24]
"""

TOML_FILE = """
[NL.2029]
closed = { 2029-05-11 = "Vrijdag na Hemelvaartsdag" }
open = [2029-05-05]
"""


def test_a_yaml_holiday_file_adds_and_removes_days() -> None:
    overrides = parse_holiday_file(YAML_FILE, "yaml")
    calendar = calendar_for("NL", overrides["NL"])
    added = calendar.holidays(2029)[date(2029, 5, 11)][0]
    assert added.name == "Vrijdag na Hemelvaartsdag" and added.configured
    assert calendar.holidays(2029)[date(2029, 12, 24)][0].name is None
    assert calendar.is_working_day(date(2029, 5, 4)) and calendar.is_working_day(date(2029, 5, 7))
    assert date(2029, 5, 5) not in calendar.holidays(2029)
    assert not calendar.may_miss_equated_days(2029)
    assert not calendar_for("DE", overrides["DE"]).is_working_day(date(2025, 12, 24))


def test_a_toml_holiday_file_reads_the_same() -> None:
    assert holiday_file_format("feestdagen.toml") == "toml"
    assert holiday_file_format("feestdagen.yaml") == "yaml"
    from_toml = parse_holiday_file(TOML_FILE, "toml")["NL"]
    from_yaml = parse_holiday_file(YAML_FILE, "yaml")["NL"]
    assert from_toml.removed == from_yaml.removed
    assert dict(from_toml.added)[date(2029, 5, 11)] == "Vrijdag na Hemelvaartsdag"


def test_every_problem_in_a_holiday_file_is_named() -> None:
    text = """
NL:
  2029:
    closed: [2030-01-02, 2029-02-30, not-a-date]
    shut: []
  twenty: {}
XX:
  2029: {}
"""
    with pytest.raises(HolidayFileInvalid) as raised:
        parse_holiday_file(text, "yaml")
    found = {(p.loc, p.rule) for p in raised.value.problems}
    assert found == {
        ("NL.2029", "keys"),
        ("NL.twenty", "year"),
        ("XX", "country"),
    }
    text = "NL:\n  2029:\n    closed: [2030-01-02, 2029-02-30]\n    open: [2029-12-25]\n"
    with pytest.raises(HolidayFileInvalid) as raised:
        parse_holiday_file(text, "yaml")
    found = {(p.loc, p.rule) for p in raised.value.problems}
    assert found == {("NL.2029.closed[2030-01-02]", "year"), ("NL.2029.closed[2029-02-30]", "date")}


def test_a_day_cannot_be_both_closed_and_open() -> None:
    text = "NL:\n  2029:\n    closed: [2029-12-25]\n    open: [2029-12-25]\n"
    with pytest.raises(HolidayFileInvalid) as raised:
        parse_holiday_file(text, "yaml")
    assert [p.rule for p in raised.value.problems] == ["conflict"]


def test_only_real_holidays_can_be_opened() -> None:
    overrides = parse_holiday_file("NL:\n  2029:\n    open: [2029-03-06]\n", "yaml")["NL"]
    with pytest.raises(HolidayFileInvalid) as raised:
        calendar_for("NL", overrides)
    assert [(p.loc, p.rule) for p in raised.value.problems] == [("NL.2029.open", "not_a_holiday")]


@pytest.mark.parametrize("text", ["NL: [", "- just a list"])
def test_broken_or_shapeless_files_are_refused(text: str) -> None:
    with pytest.raises(HolidayFileInvalid) as raised:
        parse_holiday_file(text, "yaml")
    assert raised.value.problems[0].loc == "(document)"


def test_dates_must_be_written_in_full() -> None:
    assert parse_day("2025-01-31") == date(2025, 1, 31)
    for text in ("2025-1-31", "20250131", "2025-W05-5", "2025-02-29", "31-01-2025", ""):
        assert parse_day(text) is None
