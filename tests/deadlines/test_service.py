"""The holiday calendar in force: a country's own days adjusted by the holiday file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sluis.deadlines.service import (
    HolidayFileUnreadable,
    due_date,
    holiday_calendar,
    read_holiday_file,
)
from sluis.law.holidays import HolidayFileInvalid


def test_without_a_file_the_countrys_own_calendar_applies() -> None:
    assert holiday_calendar("nl").is_working_day(date(2029, 5, 11))
    assert due_date(date(2025, 3, 27)).due == date(2025, 4, 28)
    assert due_date(date(2025, 3, 27), extended=True).due == date(2025, 6, 27)


def test_the_file_adjusts_only_the_country_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "holidays.yaml"
    path.write_text("NL:\n  2029:\n    closed: [2029-05-11]\nBE:\n  2029:\n    closed: []\n")
    assert set(read_holiday_file(path)) == {"NL", "BE"}
    assert not holiday_calendar("NL", path).is_working_day(date(2029, 5, 11))
    assert holiday_calendar("DE", path).is_working_day(date(2029, 5, 11))


def test_an_unreadable_file_is_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileUnreadable):
        read_holiday_file(tmp_path / "missing.toml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(HolidayFileUnreadable):
        read_holiday_file(binary)


def test_an_invalid_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "holidays.toml"
    path.write_text('[NL.2029]\nclosed = ["2029-02-30"]\nopen = ["2029-03-06"]\n')
    with pytest.raises(HolidayFileInvalid) as raised:
        holiday_calendar("NL", path)
    assert [p.rule for p in raised.value.problems] == ["date"]
