"""The steps of a deadline computation as sentences in Dutch or English, with the
articles each rests on."""

from __future__ import annotations

from datetime import date

from sluis.i18n import label
from sluis.law.deadlines import Deadline, Step, Value
from sluis.law.holidays import Holiday


def day_text(day: date, lang: str) -> str:
    """A date as its weekday and ISO date, e.g. ``vrijdag 2025-02-28``."""
    return f"{label(f'deadlines.weekday.{day.weekday()}', lang)} {day.isoformat()}"


def holiday_name(holiday: Holiday, lang: str) -> str:
    if holiday.key:
        return label(f"deadlines.holiday.{holiday.key}", lang)
    return holiday.name or label("deadlines.holiday.configured", lang)


def _value_text(value: Value, lang: str) -> str:
    if isinstance(value, date):
        return day_text(value, lang)
    if isinstance(value, tuple):
        return " / ".join(holiday_name(holiday, lang) for holiday in value)
    return str(value)


def step_text(step: Step, lang: str) -> str:
    values = {name: _value_text(value, lang) for name, value in step.values}
    return label(step.key, lang).format(**values)


def step_articles(step: Step, lang: str) -> list[str]:
    return [article.label(lang) for article in step.articles]


def explain_lines(deadline: Deadline, lang: str) -> list[str]:
    """The computation as numbered lines, each with its sources, then any warnings."""
    lines = []
    for number, step in enumerate(deadline.steps, start=1):
        sources = "; ".join(step_articles(step, lang))
        lines.append(f"{number}. {step_text(step, lang)}" + (f" [{sources}]" if sources else ""))
    lines += [f"! {step_text(warning, lang)}" for warning in deadline.warnings]
    return lines
