"""When a decision record has been kept long enough, and what keeps it. Pure: no I/O.

GDPR art. 5(1)(e): personal data are kept no longer than needed for their purpose; the
profile fixes a retention period (in months) per data category. A decision record holds
the data of every category its decision uses (``DataField.category`` of the fields in
``Decision.uses_fields``) in one sealed payload, which cannot be cut per category: it is
kept until the longest of those periods has run, counted in calendar months from the day
the decision was taken (as ``sluis.law.deadlines.add_months`` counts them), and erased
from the day after. A record whose decision uses a category without a period is
*undetermined*: nothing is erased on a guess, and the assessment already reports the
missing period (``principles.retention``).

What keeps an expired record:

- a **legal hold** on its algorithm or on the person: the data are needed to establish,
  exercise or defend legal claims (art. 17(3)(e));
- **pending work** on it: a review that is not settled, or a request of the person about
  the decision that is not answered (art. 12 and 22(3) cannot be honoured on erased data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sluis.law.citations import Citation, gdpr
from sluis.law.deadlines import add_months
from sluis.profiles.model import AlgorithmProfile
from sluis.rights.retention import categories_used

STORAGE_LIMITATION = gdpr("5(1)(e)")
LEGAL_CLAIMS = gdpr("17(3)(e)")


class Verdict(StrEnum):
    erase = "erase"  # expired, nothing keeps it
    keep = "keep"  # the period still runs
    held = "held"  # expired, but a legal hold stands (art. 17(3)(e))
    waiting = "waiting"  # expired, but a review or a request about it is still open
    undetermined = "undetermined"  # a category it uses has no period: never erased on a guess


VERDICT_ARTICLES: dict[Verdict, tuple[Citation, ...]] = {
    Verdict.erase: (STORAGE_LIMITATION,),
    Verdict.keep: (STORAGE_LIMITATION,),
    Verdict.held: (LEGAL_CLAIMS,),
    Verdict.waiting: (gdpr("12(3)"), gdpr("22(3)")),
    Verdict.undetermined: (STORAGE_LIMITATION, gdpr("30(1)(f)")),
}


@dataclass(frozen=True)
class DecisionRetention:
    """How long the records of one decision of one profile version are kept."""

    categories: tuple[str, ...]
    months: int | None
    """The longest period of the categories used; None when one has no period."""
    missing: tuple[str, ...] = ()
    """Categories used without a retention period."""

    @property
    def determined(self) -> bool:
        return self.months is not None


def decision_retention(profile: AlgorithmProfile, decision_id: str) -> DecisionRetention:
    """The retention of ``decision_id``'s records under this profile version."""
    used = tuple(categories_used(profile, decision_id))
    periods = {p.data_category: p.months for p in profile.retention}
    missing = tuple(c for c in used if c not in periods)
    if missing or not used:
        return DecisionRetention(used, None, missing)
    return DecisionRetention(used, max(periods[c] for c in used))


def kept_until(taken_on: date, months: int) -> date:
    """The last day a record taken on ``taken_on`` is kept (inclusive)."""
    return add_months(taken_on, months)[0]


def is_expired(taken_on: date, months: int, on: date) -> bool:
    """Whether the period has run out by ``on`` (the record may go from the day after the
    last day kept)."""
    return kept_until(taken_on, months) < on


def latest_expired_day(months: int, on: date) -> date:
    """The latest day a decision can have been taken on and be expired on ``on``: every
    record taken on or before it is expired, every later one is not (``add_months`` never
    decreases as its start increases)."""
    last_kept = on - timedelta(days=1)
    index = last_kept.month - 1 - months
    year, month = last_kept.year + index // 12, index % 12 + 1
    day = min(last_kept.day, 28)
    found = date(year, month, day)
    while is_expired(found + timedelta(days=1), months, on):
        found += timedelta(days=1)
    while not is_expired(found, months, on):
        found -= timedelta(days=1)
    return found


def judge(
    *,
    retention: DecisionRetention,
    taken_on: date,
    on: date,
    held: bool,
    pending: bool,
) -> Verdict:
    """What the retention job does with one record today."""
    if retention.months is None:
        return Verdict.undetermined
    if not is_expired(taken_on, retention.months, on):
        return Verdict.keep
    if held:
        return Verdict.held
    if pending:
        return Verdict.waiting
    return Verdict.erase


__all__ = [
    "LEGAL_CLAIMS",
    "STORAGE_LIMITATION",
    "VERDICT_ARTICLES",
    "DecisionRetention",
    "Verdict",
    "decision_retention",
    "is_expired",
    "judge",
    "kept_until",
    "latest_expired_day",
]
