"""``sluis deadline``: the due date of an answer, as a bare ISO date for scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from sluis.cli.main import app

runner = CliRunner()
# Nothing from the developer's environment may change the dates under test.
CLEAN = {"SLUIS_HOLIDAYS": None, "SLUIS_DEFAULT_LANGUAGE": None}


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return runner.invoke(app, ["deadline", *args], env={**CLEAN, **(env or {})})


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2023-01-31", "2023-02-28"),
        ("2024-01-30", "2024-02-29"),
        ("2025-01-08", "2025-02-10"),
        ("2025-11-25", "2025-12-29"),
    ],
)
def test_prints_exactly_the_iso_due_date(received: str, expected: str) -> None:
    result = run(received)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{expected}\n"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\n", result.stdout)


def test_extended_due_date() -> None:
    result = run("2025-03-27", "--extended")
    assert result.exit_code == 0 and result.stdout == "2025-06-27\n"


def test_another_countrys_holidays() -> None:
    # 3 October is German Unity Day; in the Netherlands it is an ordinary Friday.
    assert run("2025-09-03").stdout == "2025-10-03\n"
    assert run("2025-09-03", "--country", "de").stdout == "2025-10-06\n"


def test_explain_prints_the_date_first_then_each_step_with_its_law() -> None:
    result = run("2025-11-25", "--explain", "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2025-12-29"
    assert "Period to answer (GDPR art. 12(3))" in lines
    text = result.stdout
    assert "a public holiday (Christmas Day)" in text
    assert "Regulation (EEC, Euratom) No 1182/71 art. 3(4)" in text
    assert "Algemene termijnenwet art. 1" in text


def test_explain_speaks_dutch() -> None:
    result = run("2025-11-25", "--explain", "--lang", "nl")
    assert "feestdag (eerste kerstdag)" in result.stdout
    assert "Verordening (EEG, Euratom) nr. 1182/71 art. 3(1)" in result.stdout


def test_the_default_language_comes_from_the_settings() -> None:
    result = run("2025-11-25", "--explain", env={"SLUIS_DEFAULT_LANGUAGE": "en"})
    assert "The request was received on Tuesday 2025-11-25" in result.stdout


@pytest.mark.parametrize("bad", ["2025-02-30", "31-01-2025", "2025-1-31", "tomorrow"])
def test_a_bad_date_names_the_argument_and_exits_2(bad: str) -> None:
    result = run(bad, "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"RECEIVED_DATE: '{bad}' is not a valid date" in result.stderr


def test_every_bad_argument_is_reported_at_once() -> None:
    result = run("2025-13-01", "--country", "XX", "--lang", "en")
    assert result.exit_code == 2
    assert "RECEIVED_DATE:" in result.stderr
    assert "--country: no holiday calendar for country 'XX'" in result.stderr


def test_a_year_the_calendar_does_not_cover_exits_2() -> None:
    result = run("2013-05-01", "--lang", "en")
    assert result.exit_code == 2
    assert "RECEIVED_DATE: the NL calendar starts in 2014" in result.stderr


def test_a_holiday_file_can_close_the_due_day(tmp_path: Path) -> None:
    holidays = tmp_path / "holidays.yaml"
    holidays.write_text("NL:\n  2025:\n    closed:\n      2025-04-10: Bedrijfsuitje\n")
    assert run("2025-03-10").stdout == "2025-04-10\n"
    assert run("2025-03-10", "--holidays", str(holidays)).stdout == "2025-04-11\n"
    from_settings = run("2025-03-10", env={"SLUIS_HOLIDAYS": str(holidays)})
    assert from_settings.stdout == "2025-04-11\n"
    explained = run("2025-03-10", "--holidays", str(holidays), "--explain", "-l", "en")
    assert "a public holiday (Bedrijfsuitje)" in explained.stdout


def test_a_toml_holiday_file_can_open_a_holiday(tmp_path: Path) -> None:
    holidays = tmp_path / "holidays.toml"
    holidays.write_text('[NL.2026]\nopen = ["2026-05-05"]\n')
    assert run("2026-04-05").stdout == "2026-05-06\n"
    assert run("2026-04-05", "--holidays", str(holidays)).stdout == "2026-05-05\n"


def test_an_invalid_holiday_file_lists_its_problems_and_exits_2(tmp_path: Path) -> None:
    holidays = tmp_path / "holidays.yaml"
    holidays.write_text("NL:\n  2025:\n    closed: [2024-01-02]\nXX: {}\n")
    result = run("2025-03-10", "--holidays", str(holidays), "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--holidays: the holiday file {holidays} is invalid" in result.stderr
    assert "NL.2025.closed[2024-01-02]: the date is not in 2025 [year]" in result.stderr
    assert "XX: not a country" in result.stderr


def test_a_missing_holiday_file_exits_2(tmp_path: Path) -> None:
    result = run("2025-03-10", "--holidays", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert result.exit_code == 2
    assert "--holidays: the file" in result.stderr and "cannot be read" in result.stderr
