"""Holiday calendars: which days are not working days, and on what authority.

Regulation 1182/71 rolls a period that ends on a Saturday, Sunday or public holiday over to
the next working day (art. 3(4)), and leaves it to each Member State to say which days are
its public holidays (art. 2(1)). A calendar answers that question for one country.

The Netherlands (built in, from 2014, the first year of King's Day): the days the Algemene
termijnenwet (Atw, the Dutch general act on time limits) treats as holidays. In our own
words, from the notes in ``docs/law.md`` and the Atw itself:

- art. 3(1) Atw lists New Year's Day, Easter Monday and Whit Monday (the second days of the
  Christian feasts; Easter Sunday and Whit Sunday are Sundays anyway), Ascension Day, the
  day the King's birthday is celebrated (King's Day: 27 April, or 26 April when the 27th is
  a Sunday), 5 May (Liberation Day, every year, not only in the years it is a day off for
  civil servants) and both Christmas days;
- art. 3(2) Atw puts Good Friday on the same footing;
- art. 3(3) Atw lets the government equate further days by a decree published in the
  Staatscourant, in practice every few years for a handful of bridge days (the Friday after
  Ascension Day, or after a holiday that falls on a Thursday). Sluis knows the decrees for
  2023-2025 and 2026-2028; for other years it reports the gap and a holiday file must add
  any equated days.

Using the Atw's days for 1182/71 is our reading: they are the days Dutch law itself treats
as holidays for time limits. Every extra holiday can only make a deadline later, so an
organisation that prefers the narrower list can open equated days in its holiday file.

Other countries come from the ``holidays`` package (national public holidays only, no
regional ones). Any calendar can be adjusted per year by a holiday file (YAML or TOML):
extra closed days, and built-in holidays removed. Everything here is pure: the caller reads
the file and passes its text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import yaml
from dateutil.easter import easter

from sluis.law.citations import Citation, atw, atw_decree, reg_1182_71

NETHERLANDS = "NL"
FIRST_NL_YEAR = 2014  # King's Day (27 April) replaced Queen's Day (30 April) in 2014.

# Days equated with public holidays by decree under art. 3(3) Atw, per decree. Each decree
# names its days in its title; a new one must be added here when it is published (until
# then a holiday file can add the days).
_NL_EQUATING_DECREES: dict[str, tuple[date, ...]] = {
    "2023-2025": (
        date(2023, 4, 28),
        date(2023, 5, 19),
        date(2024, 5, 10),
        date(2024, 12, 27),
        date(2025, 5, 30),
    ),
    "2026-2028": (
        date(2026, 1, 2),
        date(2026, 5, 15),
        date(2027, 5, 7),
        date(2028, 4, 28),
        date(2028, 5, 26),
    ),
}
_NL_DECREE_YEARS = frozenset(range(2023, 2029))


class ClosedBecause(StrEnum):
    saturday = "saturday"
    sunday = "sunday"
    holiday = "holiday"


@dataclass(frozen=True)
class Holiday:
    """One holiday. Built-in Dutch days have a ``key`` (their name lives in the interface
    wording); days from the ``holidays`` package or a holiday file carry a ``name``."""

    day: date
    key: str | None = None
    name: str | None = None
    source: Citation | None = None  # None: the day comes from the user's holiday file

    @property
    def configured(self) -> bool:
        return self.source is None


@dataclass(frozen=True)
class Closure:
    """Why a day is not a working day (1182/71 art. 2(2): working days are all days other
    than public holidays, Sundays and Saturdays)."""

    day: date
    because: ClosedBecause
    holidays: tuple[Holiday, ...] = ()


class UnknownCountry(ValueError):
    def __init__(self, country: str) -> None:
        self.country = country
        super().__init__(f"no holiday calendar for country {country!r}")


class UnsupportedYear(ValueError):
    def __init__(self, country: str, year: int, first: int) -> None:
        self.country, self.year, self.first = country, year, first
        super().__init__(f"the {country} calendar starts in {first}; {year} is not covered")


@dataclass(frozen=True)
class FileProblem:
    loc: str
    rule: str
    message: str


class HolidayFileInvalid(ValueError):
    """A holiday file that cannot be used; ``problems`` lists every one found."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.loc}: {p.message} [{p.rule}]" for p in problems))


@dataclass(frozen=True)
class CountryOverrides:
    """A holiday file's changes to one country's calendar (hashable, so calendars can be
    cached)."""

    added: tuple[tuple[date, str], ...] = ()  # (day, name); the name may be empty
    removed: frozenset[date] = frozenset()
    years: frozenset[int] = frozenset()  # the years the file speaks about


def _nl_holiday(day: date, key: str, source: Citation) -> Holiday:
    return Holiday(day=day, key=key, source=source)


def kings_day(year: int) -> date:
    """The day the King's birthday (27 April) is celebrated: the Saturday before when the
    27th is a Sunday."""
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@lru_cache(maxsize=256)
def _nl_year(year: int) -> tuple[Holiday, ...]:
    if year < FIRST_NL_YEAR:
        raise UnsupportedYear(NETHERLANDS, year, FIRST_NL_YEAR)
    easter_sunday = easter(year)
    listed = atw("3(1)")
    days = [
        _nl_holiday(date(year, 1, 1), "new_years_day", listed),
        _nl_holiday(easter_sunday - timedelta(days=2), "good_friday", atw("3(2)")),
        _nl_holiday(easter_sunday + timedelta(days=1), "easter_monday", listed),
        _nl_holiday(kings_day(year), "kings_day", listed),
        _nl_holiday(date(year, 5, 5), "liberation_day", listed),
        _nl_holiday(easter_sunday + timedelta(days=39), "ascension_day", listed),
        _nl_holiday(easter_sunday + timedelta(days=50), "whit_monday", listed),
        _nl_holiday(date(year, 12, 25), "christmas_day", listed),
        _nl_holiday(date(year, 12, 26), "boxing_day", listed),
    ]
    for decree, equated in _NL_EQUATING_DECREES.items():
        days += [
            _nl_holiday(d, "equated_day", atw_decree(decree)) for d in equated if d.year == year
        ]
    return tuple(sorted(days, key=lambda h: h.day))


@lru_cache(maxsize=1024)
def _package_year(country: str, year: int) -> tuple[Holiday, ...]:
    import holidays as holidays_package  # a large import; only paid for other countries

    public = holidays_package.country_holidays(country, years=year)
    source = reg_1182_71("2(1)")
    return tuple(
        Holiday(day=day, name=str(name), source=source) for day, name in sorted(public.items())
    )


@lru_cache(maxsize=1)
def _package_countries() -> frozenset[str]:
    import holidays as holidays_package

    return frozenset(holidays_package.list_supported_countries())


def known_countries() -> frozenset[str]:
    """Country codes (ISO 3166-1 alpha-2) with a calendar."""
    return _package_countries() | {NETHERLANDS}


def normalise_country(country: str) -> str:
    code = country.strip().upper()
    if code != NETHERLANDS and code not in _package_countries():
        raise UnknownCountry(country)
    return code


@dataclass(frozen=True)
class HolidayCalendar:
    """One country's non-working days, with the holiday file's changes applied. Build it
    with ``calendar_for``, which checks the changes."""

    country: str
    overrides: CountryOverrides = CountryOverrides()

    @property
    def national_rule(self) -> Citation | None:
        """A national roll-over rule that reaches the same day as 1182/71 art. 3(4), cited
        beside it so a Dutch reader sees the rule they know (art. 1 Atw)."""
        return atw("1") if self.country == NETHERLANDS else None

    def base_holidays(self, year: int) -> tuple[Holiday, ...]:
        """The country's own holidays in ``year``, before the holiday file's changes."""
        if self.country == NETHERLANDS:
            return _nl_year(year)
        return _package_year(self.country, year)

    def holidays(self, year: int) -> Mapping[date, tuple[Holiday, ...]]:
        """The holidays of ``year`` by day (two holidays can share a day, e.g. Ascension
        Day on 5 May)."""
        return _year_table(self, year)

    def closure(self, day: date) -> Closure | None:
        """Why ``day`` is not a working day, or None when it is one."""
        found = _year_table(self, day.year).get(day, ())
        if found:
            return Closure(day, ClosedBecause.holiday, found)
        if day.weekday() == 5:
            return Closure(day, ClosedBecause.saturday)
        if day.weekday() == 6:
            return Closure(day, ClosedBecause.sunday)
        return None

    def is_working_day(self, day: date) -> bool:
        return self.closure(day) is None

    def may_miss_equated_days(self, year: int) -> bool:
        """True when Sluis knows no decree under art. 3(3) Atw for ``year`` and the holiday
        file does not speak about that year either: equated days may be missing."""
        return (
            self.country == NETHERLANDS
            and year not in _NL_DECREE_YEARS
            and year not in self.overrides.years
        )


@lru_cache(maxsize=2048)
def _year_table(calendar: HolidayCalendar, year: int) -> Mapping[date, tuple[Holiday, ...]]:
    removed = calendar.overrides.removed
    by_day: dict[date, tuple[Holiday, ...]] = {}
    for holiday in calendar.base_holidays(year):
        if holiday.day not in removed:
            by_day[holiday.day] = (*by_day.get(holiday.day, ()), holiday)
    for day, name in calendar.overrides.added:
        if day.year == year:
            by_day[day] = (*by_day.get(day, ()), Holiday(day=day, name=name or None))
    return MappingProxyType(by_day)


def calendar_for(
    country: str = NETHERLANDS, overrides: CountryOverrides | None = None
) -> HolidayCalendar:
    """The calendar of ``country``, with a holiday file's ``overrides`` checked against it:
    a removed day must be one of the country's own holidays."""
    code = normalise_country(country)
    calendar = HolidayCalendar(code, overrides or CountryOverrides())
    problems = []
    for day in sorted(calendar.overrides.removed):
        try:
            base = calendar.base_holidays(day.year)
        except UnsupportedYear as exc:
            problems.append(FileProblem(f"{code}.{day.year}", "year", str(exc)))
            continue
        if not any(h.day == day for h in base):
            problems.append(
                FileProblem(
                    f"{code}.{day.year}.open",
                    "not_a_holiday",
                    f"{day.isoformat()} is not a holiday of the {code} calendar, "
                    "so it cannot be opened",
                )
            )
    if problems:
        raise HolidayFileInvalid(problems)
    return calendar


# --- Holiday files ---------------------------------------------------------------------
#
# A holiday file adjusts calendars per country and year, for instance (YAML):
#
#     NL:
#       2029:
#         closed:
#           2029-05-11: Vrijdag na Hemelvaartsdag (gelijkgesteld)
#         open: []
#
# or the same in TOML (``[NL.2029]`` with ``closed = {2029-05-11 = "..."}``). ``closed``
# adds days (a list of dates, or dates with a name); ``open`` removes built-in holidays.
# Naming a year also tells Sluis the year's equated days are accounted for.

HOLIDAY_FILE_FORMATS = ("yaml", "toml")
_YEAR_KEYS = frozenset({"closed", "open"})


def holiday_file_format(filename: str) -> str:
    """The format of a holiday file by its name: TOML for ``.toml``, otherwise YAML (which
    also reads JSON)."""
    return "toml" if filename.lower().endswith(".toml") else "yaml"


def parse_holiday_file(text: str, fmt: str = "yaml") -> dict[str, CountryOverrides]:
    """The changes a holiday file makes, per country code; every problem is reported."""
    document = _load_document(text, fmt)
    if not isinstance(document, Mapping):
        raise HolidayFileInvalid(
            [FileProblem("(document)", "type", "a holiday file maps country codes to years")]
        )
    problems: list[FileProblem] = []
    result: dict[str, CountryOverrides] = {}
    for raw_country, years in document.items():
        try:
            code = normalise_country(str(raw_country))
        except UnknownCountry:
            problems.append(
                FileProblem(str(raw_country), "country", "not a country Sluis has a calendar for")
            )
            continue
        result[code] = _country_overrides(code, years, problems)
    if problems:
        raise HolidayFileInvalid(problems)
    return result


class _DatesAsText(yaml.SafeLoader):
    """YAML without its implicit dates: an impossible date such as 2029-02-30 must come
    back as a named problem, not as a crash inside the parser."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_document(text: str, fmt: str) -> Any:
    if fmt not in HOLIDAY_FILE_FORMATS:
        raise ValueError(f"unknown holiday file format {fmt!r}")
    try:
        return tomllib.loads(text) if fmt == "toml" else yaml.load(text, Loader=_DatesAsText)
    except (ValueError, yaml.YAMLError):  # tomllib's errors are ValueErrors
        raise HolidayFileInvalid(
            [FileProblem("(document)", "syntax", f"not valid {fmt.upper()}")]
        ) from None


def _country_overrides(code: str, years: Any, problems: list[FileProblem]) -> CountryOverrides:
    if not isinstance(years, Mapping):
        problems.append(FileProblem(code, "type", "expected years, each with closed/open days"))
        return CountryOverrides()
    added: dict[date, str] = {}
    removed: set[date] = set()
    seen_years: set[int] = set()
    for raw_year, changes in years.items():
        loc = f"{code}.{raw_year}"
        year = _as_year(raw_year)
        if year is None:
            problems.append(FileProblem(loc, "year", "expected a year such as 2026"))
            continue
        seen_years.add(year)
        if changes is None:
            continue
        if not isinstance(changes, Mapping) or not set(changes) <= _YEAR_KEYS:
            problems.append(FileProblem(loc, "keys", "a year may only have 'closed' and 'open'"))
            continue
        for day, name in _named_days(changes.get("closed"), year, f"{loc}.closed", problems):
            added[day] = name
        for day, _ in _named_days(changes.get("open"), year, f"{loc}.open", problems):
            removed.add(day)
    for day in sorted(added.keys() & removed):
        problems.append(
            FileProblem(f"{code}.{day.year}", "conflict", f"{day} is both closed and open")
        )
    return CountryOverrides(
        added=tuple(sorted(added.items())),
        removed=frozenset(removed),
        years=frozenset(seen_years),
    )


def _as_year(raw: Any) -> int | None:
    text = str(raw)
    return int(text) if text.isdigit() and len(text) == 4 else None


def _named_days(
    raw: Any, year: int, loc: str, problems: list[FileProblem]
) -> list[tuple[date, str]]:
    if raw is None:
        return []
    if isinstance(raw, Mapping):
        entries = list(raw.items())
    elif isinstance(raw, list):
        entries = [(item, "") for item in raw]
    else:
        problems.append(FileProblem(loc, "type", "expected a list of dates or dates with names"))
        return []
    days: list[tuple[date, str]] = []
    for raw_day, name in entries:
        day = _as_date(raw_day)
        if day is None:
            problems.append(FileProblem(f"{loc}[{raw_day}]", "date", "expected YYYY-MM-DD"))
        elif day.year != year:
            problems.append(FileProblem(f"{loc}[{day}]", "year", f"the date is not in {year}"))
        elif name is not None and not isinstance(name, str):
            problems.append(FileProblem(f"{loc}[{day}]", "type", "a day's name must be text"))
        else:
            days.append((day, (name or "").strip()))
    return days


def _as_date(raw: Any) -> date | None:
    if isinstance(raw, date) and not hasattr(raw, "hour"):
        return raw
    return parse_day(raw) if isinstance(raw, str) else None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> date | None:
    """A calendar date written exactly as YYYY-MM-DD, or None (no other ISO forms, so a
    typo cannot be read as a week date or a compact date)."""
    text = text.strip()
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
