"""When a decision record has been kept long enough, and what keeps it (pure)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rights_world import profile_document
from sluis.profiles.model import AlgorithmProfile
from sluis.retention.policy import (
    DecisionRetention,
    Verdict,
    decision_retention,
    is_expired,
    judge,
    kept_until,
    latest_expired_day,
)


def profile(**changes: object) -> AlgorithmProfile:
    return AlgorithmProfile.model_validate(profile_document(**changes))


def periods(**months: int) -> list[dict[str, object]]:
    return [{"data_category": c, "months": m} for c, m in months.items()]


def test_a_record_is_kept_for_the_longest_period_of_the_categories_it_uses() -> None:
    found = decision_retention(
        profile(retention=periods(income=24, application=84, address=6)), "grant-loan"
    )
    assert found == DecisionRetention(("address", "application", "income"), 84)


def test_only_the_categories_of_the_fields_the_decision_uses_count() -> None:
    document = profile_document(retention=periods(income=24, application=12, address=120))
    document["decisions"][0]["uses_fields"] = ["monthly_income", "amount"]
    found = decision_retention(AlgorithmProfile.model_validate(document), "grant-loan")
    assert found.categories == ("application", "income") and found.months == 24


def test_a_category_without_a_period_leaves_the_record_undetermined() -> None:
    found = decision_retention(profile(retention=periods(income=24)), "grant-loan")
    assert not found.determined and found.missing == ("address", "application")
    verdict = judge(
        retention=found, taken_on=date(2000, 1, 1), on=date(2025, 1, 1), held=False, pending=False
    )
    assert verdict is Verdict.undetermined


@pytest.mark.parametrize(
    ("taken_on", "months", "last_kept"),
    [
        (date(2024, 1, 15), 24, date(2026, 1, 15)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),  # no 31 February: the month's last day
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 10), 0, date(2024, 3, 10)),  # zero months: only the day itself
    ],
)
def test_a_record_is_kept_to_the_same_day_months_later_and_goes_the_day_after(
    taken_on: date, months: int, last_kept: date
) -> None:
    assert kept_until(taken_on, months) == last_kept
    assert not is_expired(taken_on, months, last_kept)
    assert is_expired(taken_on, months, last_kept + timedelta(days=1))


@given(
    months=st.integers(min_value=0, max_value=240),
    on=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
)
def test_the_latest_expired_day_splits_expired_from_kept_records(months: int, on: date) -> None:
    last = latest_expired_day(months, on)
    assert is_expired(last, months, on)
    assert not is_expired(last + timedelta(days=1), months, on)
    # and months later, every record taken in the days around it is on the right side
    for offset in range(-3, 4):
        day = last + timedelta(days=offset)
        assert is_expired(day, months, on) == (day <= last)


@pytest.mark.parametrize(
    ("held", "pending", "expired", "verdict"),
    [
        (False, False, True, Verdict.erase),
        (False, False, False, Verdict.keep),
        (True, False, True, Verdict.held),
        (True, True, True, Verdict.held),
        (False, True, True, Verdict.waiting),
        (True, True, False, Verdict.keep),
    ],
)
def test_what_the_job_does_with_a_record(
    held: bool, pending: bool, expired: bool, verdict: Verdict
) -> None:
    retention = DecisionRetention(("income",), 12)
    taken_on = date(2024, 1, 1)
    on = date(2025, 1, 2) if expired else date(2025, 1, 1)
    assert judge(retention=retention, taken_on=taken_on, on=on, held=held, pending=pending) is (
        verdict
    )
