"""``sluis deadline``: the legal due date of an answer to a data subject's request."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

import typer

from sluis.cli.common import EXIT_INVALID
from sluis.deadlines.service import HolidayFileUnreadable, due_date
from sluis.deadlines.wording import explain_lines
from sluis.i18n import label
from sluis.law.holidays import (
    HolidayFileInvalid,
    UnknownCountry,
    UnsupportedYear,
    normalise_country,
    parse_day,
)
from sluis.settings import Settings

RECEIVED = "RECEIVED_DATE"


class Language(StrEnum):
    nl = "nl"
    en = "en"


def register(app: typer.Typer) -> None:
    app.command("deadline")(deadline)


def deadline(
    received: str = typer.Argument(
        ..., metavar=RECEIVED, help="The day the request was received, as YYYY-MM-DD."
    ),
    extended: bool = typer.Option(
        False, "--extended", help="The due date after the two-month extension of art. 12(3)."
    ),
    country: str = typer.Option(
        "NL", "--country", help="Whose public holidays count (ISO country code)."
    ),
    holidays: Path | None = typer.Option(
        None,
        "--holidays",
        help="A holiday file (YAML or TOML) adjusting the calendar; default SLUIS_HOLIDAYS.",
    ),
    explain: bool = typer.Option(False, "--explain", help="Also print each step and its law."),
    lang: Language | None = typer.Option(
        None,
        "--lang",
        "-l",
        help="Language of --explain and of errors; default SLUIS_DEFAULT_LANGUAGE.",
    ),
) -> None:
    """Print the due date (ISO) of the answer to a request received on RECEIVED_DATE,
    counted per GDPR art. 12(3) and Regulation 1182/71 (weekends and holidays rolled
    over)."""
    settings = Settings()
    language = lang.value if lang else settings.default_language
    day = _check_arguments(received, country, language)
    holiday_file = holidays or settings.holidays
    try:
        result = due_date(day, extended=extended, country=country, holiday_file=holiday_file)
    except UnsupportedYear as exc:
        _fail([_year_error(exc, language)])
    except HolidayFileUnreadable as exc:
        _fail(
            [
                label("deadlines.error.unreadable", language).format(
                    field="--holidays", path=exc.path
                )
            ]
        )
    except HolidayFileInvalid as exc:
        heading = label("deadlines.error.holiday_file", language)
        lines = [heading.format(field="--holidays", path=holiday_file)]
        _fail(lines + [f"  {p.loc}: {p.message} [{p.rule}]" for p in exc.problems])
    typer.echo(result.due.isoformat())
    if explain:
        title = "deadlines.explain.extended" if extended else "deadlines.explain.first"
        typer.echo(f"\n{label(title, language)}")
        for line in explain_lines(result, language):
            typer.echo(line)


def _check_arguments(received: str, country: str, lang: str) -> date:
    """Every problem with the arguments at once, each naming its argument."""
    errors = []
    day = parse_day(received)
    if day is None:
        errors.append(label("deadlines.error.date", lang).format(field=RECEIVED, value=received))
    try:
        normalise_country(country)
    except UnknownCountry:
        errors.append(
            label("deadlines.error.country", lang).format(field="--country", value=country)
        )
    if errors or day is None:
        _fail(errors)
    return day


def _year_error(exc: UnsupportedYear, lang: str) -> str:
    return label("deadlines.error.year", lang).format(
        field=RECEIVED, country=exc.country, first=exc.first, year=exc.year
    )


def _fail(lines: list[str]) -> NoReturn:
    for line in lines:
        typer.echo(line, err=True)
    raise typer.Exit(EXIT_INVALID)
