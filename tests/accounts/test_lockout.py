"""Back-off after wrong passwords."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sluis.accounts.lockout import FREE_TRIES, LONGEST_WAIT, locked, wait_after


def test_a_few_tries_are_free_then_the_wait_doubles_up_to_a_limit() -> None:
    assert all(wait_after(n) == timedelta(0) for n in range(FREE_TRIES))
    waits = [wait_after(FREE_TRIES + n) for n in range(8)]
    assert waits[0] == timedelta(seconds=30) and waits[1] == timedelta(seconds=60)
    assert waits == sorted(waits) and max(waits) == LONGEST_WAIT
    assert wait_after(10_000) == LONGEST_WAIT


def test_locked_until_a_moment() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert locked(now + timedelta(seconds=1), now)
    assert not locked(now, now) and not locked(None, now)
