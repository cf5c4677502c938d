"""Each step of a deadline reads as a sentence in Dutch and English, with its sources."""

from __future__ import annotations

from datetime import date

import pytest

from sluis.deadlines.wording import day_text, explain_lines, step_text
from sluis.i18n.catalog import message_keys
from sluis.law.deadlines import answer_due, check_extension, extended_due
from sluis.law.holidays import CountryOverrides, calendar_for

NL = calendar_for("NL")


def test_dates_show_their_weekday() -> None:
    assert day_text(date(2025, 4, 28), "nl") == "maandag 2025-04-28"
    assert day_text(date(2025, 4, 28), "en") == "Monday 2025-04-28"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_step_of_every_kind_has_wording(lang: str) -> None:
    odd = calendar_for(
        "NL",
        CountryOverrides(
            added=tuple(
                (date(2025, 2, d), "") for d in range(3, 28) if date(2025, 2, d).weekday() < 5
            )
        ),
    )
    deadlines = [
        answer_due(date(2023, 1, 31), NL),
        answer_due(date(2025, 11, 25), NL),
        answer_due(date(2029, 3, 10), NL),
        answer_due(date(2025, 1, 31), odd),
        extended_due(date(2025, 11, 30), NL),
        extended_due(date(2025, 3, 27), NL),
    ]
    checks = [
        check_extension(date(2025, 3, 27), date(2025, 3, 28), "reasons", NL),
        check_extension(date(2025, 3, 27), date(2025, 3, 1), "", NL),
        check_extension(date(2025, 3, 27), date(2025, 5, 1), "reasons", NL),
    ]
    steps = [s for d in deadlines for s in (*d.steps, *d.warnings)]
    steps += [s for c in checks for s in c.steps]
    for step in steps:
        assert step.key in message_keys()
        text = step_text(step, lang)
        assert text and "{" not in text
    assert {s.key.rsplit(".", 1)[1] for s in steps} >= {
        "one_month_last_day",
        "one_month_same_date",
        "two_months_last_day",
        "two_months_same_date",
        "closed_holiday",
        "closed_saturday",
        "closed_sunday",
        "two_working_days",
        "calendar_gap",
        "notify_by",
        "too_late",
        "no_reasons",
        "before_receipt",
        "national_rule_agrees",
        "due_extended",
    }


def test_explanations_number_the_steps_and_cite_their_sources() -> None:
    lines = explain_lines(answer_due(date(2029, 3, 10), NL), "en")
    assert lines[0].startswith("1. The request was received on Saturday 2029-03-10.")
    assert lines[0].endswith("[GDPR art. 12(3); Regulation (EEC, Euratom) No 1182/71 art. 3(1)]")
    assert lines[-1].startswith("! Note: Sluis knows no decree")


def test_holidays_from_a_file_without_a_name_say_where_they_come_from() -> None:
    calendar = calendar_for("NL", CountryOverrides(added=((date(2025, 4, 10), ""),)))
    lines = explain_lines(answer_due(date(2025, 3, 10), calendar), "nl")
    assert any("gesloten volgens het feestdagenbestand" in line for line in lines)
