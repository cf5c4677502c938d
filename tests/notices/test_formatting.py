"""Values and dates as a person reads them, in Dutch and English."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pytest

from sluis.notices.formatting import format_date, format_score, format_value, humanise


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (True, "ja", "yes"),
        (False, "nee", "no"),
        (1740.0, "1.740", "1,740"),
        (1523.456, "1.523,46", "1,523.46"),
        (18424, "18.424", "18,424"),
        ("... < 0 DM", "... < 0 DM", "... < 0 DM"),
        (None, "niet gebruikt", "not used"),
        (date(2026, 5, 1), "1 mei 2026", "1 May 2026"),
        (np.bool_(True), "ja", "yes"),  # columnar payloads may hold numpy scalars
        (np.int64(2500), "2.500", "2,500"),
    ],
)
def test_values_read_naturally_in_each_language(value: object, nl: str, en: str) -> None:
    assert (format_value(value, "nl"), format_value(value, "en")) == (nl, en)


def test_dates_scores_and_names() -> None:
    assert format_date(datetime(2026, 12, 31, 23, 0), "nl") == "31 december 2026"
    assert format_score(0.5512, "nl") == "0,55"
    assert format_score(None, "en") == "-"
    assert humanise("monthly_household_income") == "Monthly household income"
