"""Making a letter: the input checked, the holiday calendar in force read (the configured
holiday file, when there is one), the letter drafted. Shared by the CLI and the portal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sluis.deadlines.service import holiday_calendar
from sluis.law.holidays import NETHERLANDS
from sluis.rights.letters.draft import Letter, LetterInput, check_input, draft
from sluis.rights.timing import today as today_here


def make_letter(
    given: LetterInput,
    *,
    country: str = NETHERLANDS,
    holiday_file: Path | None = None,
    today: date | None = None,
) -> Letter:
    """The drafted letter; ``RightsRefused`` naming every bad field otherwise."""
    request = check_input(given, today or today_here())
    return draft(request, holiday_calendar(country, holiday_file))


__all__ = ["make_letter"]
