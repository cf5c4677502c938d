"""Limited login attempts: after a few wrong passwords an account waits, longer each time.

Back-off rather than a permanent lock, so an attacker cannot lock a colleague out for good
(GDPR art. 32: availability counts as much as confidentiality). Pure.
"""

from __future__ import annotations

from datetime import datetime, timedelta

FREE_TRIES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)


def wait_after(failures: int) -> timedelta:
    """How long the account waits after its ``failures``-th wrong password in a row."""
    if failures < FREE_TRIES:
        return timedelta(0)
    doublings = min(failures - FREE_TRIES, 10)
    return min(FIRST_WAIT * (2**doublings), LONGEST_WAIT)


def locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


__all__ = ["FIRST_WAIT", "FREE_TRIES", "LONGEST_WAIT", "locked", "wait_after"]
