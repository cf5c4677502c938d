"""Each group against the rest: the rate, the gap, the ratio and whether the data show the
group clearly worse off.

Every group of an attribute is compared with everyone else who has a known value for it
("the rest"), not with the best-off group: picking the best group after looking at the data
would make every gap look larger than it is.

Which way is worse depends on the metric: a lower favourable rate is worse for the group, a
higher rate of wrongly adverse outcomes is worse. The **disparity ratio** applies the
four-fifths rule to whichever of the two outcomes is at stake and takes the smaller: the
group's rate of the good outcome relative to the rest's, and the rest's rate of the bad
outcome relative to the group's. So a risk selection that selects 4% of one group and 2% of
the others has a disparity ratio of 0.5, although 96% and 98% not selected look alike. It is
1 when the group is not worse off.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from sluis.fairness.intervals import katz_ratio, newcombe_difference, rate, wilson
from sluis.fairness.thresholds import Thresholds


class Metric(StrEnum):
    """The rates compared between groups; each is a share of the people it counts."""

    # of all decisions: how many were favourable to the person (demographic parity)
    favourable_rate = "favourable_rate"
    # of the people who by the ground truth deserved the favourable outcome: how many got
    # the adverse one (equal opportunity; with the next, equalised odds)
    false_adverse_rate = "false_adverse_rate"
    # of the people who by the ground truth deserved the adverse outcome: how many got the
    # favourable one
    false_favourable_rate = "false_favourable_rate"
    # of the adverse decisions with a ground truth: how many the ground truth bore out (for
    # a risk selection: the share of selections where the check found something)
    adverse_hit_rate = "adverse_hit_rate"
    # of the reviewed cases: how many the reviewer decided otherwise than the model
    override_rate = "override_rate"
    # of the cases the model proposed favourable: how many the reviewer made adverse
    adverse_override_rate = "adverse_override_rate"
    # of the cases the model proposed adverse: how many the reviewer made favourable
    favourable_override_rate = "favourable_override_rate"
    # of the four-eyes second reviews: how many agreed with the first reviewer
    four_eyes_agreement_rate = "four_eyes_agreement_rate"


class Direction(StrEnum):
    lower_is_worse = "lower_is_worse"
    higher_is_worse = "higher_is_worse"
    neutral = "neutral"  # reported, but neither side is worse off: never alerted on


DIRECTION: dict[Metric, Direction] = {
    Metric.favourable_rate: Direction.lower_is_worse,
    Metric.false_adverse_rate: Direction.higher_is_worse,
    # Others being let off more often when they deserve the adverse outcome: equalised odds
    # counts this as a disparity too.
    Metric.false_favourable_rate: Direction.lower_is_worse,
    # A lower hit rate means the group's adverse outcomes rest on weaker grounds.
    Metric.adverse_hit_rate: Direction.lower_is_worse,
    Metric.override_rate: Direction.neutral,
    Metric.adverse_override_rate: Direction.higher_is_worse,
    Metric.favourable_override_rate: Direction.lower_is_worse,
    Metric.four_eyes_agreement_rate: Direction.neutral,
}


@dataclass(frozen=True)
class RateTable:
    """One metric for every group of one attribute: the counts behind each rate.

    ``rates`` default to successes / totals; the group analysis passes fairlearn's.
    """

    attribute: str
    metric: Metric
    labels: tuple[str, ...]
    successes: np.ndarray
    totals: np.ndarray
    rates: np.ndarray | None = None

    def eligible(self, thresholds: Thresholds) -> np.ndarray:
        """Groups large enough to judge, compared with a rest large enough too."""
        rest = self.totals.sum() - self.totals
        return (self.totals >= thresholds.min_group_size) & (rest >= thresholds.min_group_size)

    def tests(self, thresholds: Thresholds) -> int:
        """How many comparisons of this table can raise an alert."""
        if DIRECTION[self.metric] is Direction.neutral:
            return 0
        return int(self.eligible(thresholds).sum())


@dataclass(frozen=True)
class GroupComparison:
    """One group against the rest on one metric.

    ``rate_low``/``rate_high``: the Wilson interval of the group's own rate at the report's
    nominal level (1 - alpha). ``difference`` is the group's rate minus the rest's, with an
    interval at ``confidence`` (the Bonferroni-corrected level); ``ratio`` is the group's
    rate over the rest's, likewise. ``eligible`` is false for groups (or rests) below the
    minimum size: their intervals are left out and they are never ``worse``. ``worse``
    means the corrected interval of the difference lies wholly on the side that is worse
    for the group.
    """

    attribute: str
    group: str
    metric: Metric
    n: int
    successes: int
    rate: float | None
    rate_low: float | None
    rate_high: float | None
    rest_n: int
    rest_rate: float | None
    difference: float | None
    difference_low: float | None
    difference_high: float | None
    ratio: float | None
    ratio_low: float | None
    ratio_high: float | None
    disparity_ratio: float | None
    confidence: float
    eligible: bool
    worse: bool
    better: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _number(value: float) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


def disparity_ratios(group_rate: np.ndarray, rest_rate: np.ndarray, direction: Direction):
    """The four-fifths ratio on the outcome at stake (see the module's docstring)."""
    p, r = np.asarray(group_rate, float), np.asarray(rest_rate, float)
    out = np.ones_like(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        if direction is Direction.lower_is_worse:
            mask = p < r
            candidates = np.minimum(p / r, (1 - r) / (1 - p))
        elif direction is Direction.higher_is_worse:
            mask = p > r
            candidates = np.minimum(r / p, (1 - p) / (1 - r))
        else:
            return out
    out[mask] = candidates[mask]
    out[np.isnan(p) | np.isnan(r)] = np.nan
    return out


def compare(
    table: RateTable, thresholds: Thresholds, confidence: float
) -> tuple[GroupComparison, ...]:
    """Every group of ``table`` against the rest, with intervals at ``confidence``."""
    s, n = table.successes.astype(float), table.totals.astype(float)
    rest_s, rest_n = s.sum() - s, n.sum() - n
    own = rate(s, n) if table.rates is None else np.asarray(table.rates, float)
    own = np.where(n > 0, own, np.nan)
    rest = rate(rest_s, rest_n)
    low, high = wilson(s, n, 1 - thresholds.alpha)
    difference, d_low, d_high = newcombe_difference(s, n, rest_s, rest_n, confidence)
    ratio, r_low, r_high = katz_ratio(s, n, rest_s, rest_n, confidence)
    direction = DIRECTION[table.metric]
    disparity = disparity_ratios(own, rest, direction)
    eligible = table.eligible(thresholds)
    below = eligible & (d_high < 0)
    above = eligible & (d_low > 0)
    if direction is Direction.lower_is_worse:
        worse, better = below, above
    elif direction is Direction.higher_is_worse:
        worse, better = above, below
    else:
        worse = better = np.zeros(len(s), dtype=bool)
    out = []
    for i, label in enumerate(table.labels):
        ok = bool(eligible[i])
        out.append(
            GroupComparison(
                attribute=table.attribute,
                group=label,
                metric=table.metric,
                n=int(n[i]),
                successes=int(s[i]),
                rate=_number(own[i]),
                rate_low=_number(low[i]),
                rate_high=_number(high[i]),
                rest_n=int(rest_n[i]),
                rest_rate=_number(rest[i]),
                difference=_number(difference[i]),
                difference_low=_number(d_low[i]) if ok else None,
                difference_high=_number(d_high[i]) if ok else None,
                ratio=_number(ratio[i]),
                ratio_low=_number(r_low[i]) if ok else None,
                ratio_high=_number(r_high[i]) if ok else None,
                disparity_ratio=_number(disparity[i]),
                confidence=confidence,
                eligible=ok,
                worse=bool(worse[i]),
                better=bool(better[i]),
            )
        )
    return tuple(out)


def compare_all(
    tables: list[RateTable], thresholds: Thresholds
) -> tuple[tuple[GroupComparison, ...], int, float]:
    """Every table's comparisons with one Bonferroni correction over all of them:
    (comparisons, number of tests, confidence level used)."""
    tests = sum(t.tests(thresholds) for t in tables)
    confidence = thresholds.confidence_for(tests)
    comparisons = tuple(c for t in tables for c in compare(t, thresholds, confidence))
    return comparisons, tests, confidence


__all__ = [
    "DIRECTION",
    "Direction",
    "GroupComparison",
    "Metric",
    "RateTable",
    "compare",
    "compare_all",
    "disparity_ratios",
]
