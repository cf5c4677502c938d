"""When a difference between groups counts: minimum sizes, the four-fifths rule and the
false-alarm rate."""

from __future__ import annotations

from dataclasses import dataclass

from sluis.fairness.inputs import RANGE, FairnessInputError, Problem


@dataclass(frozen=True)
class Thresholds:
    """The settings every fairness analysis and alert shares.

    ``min_group_size``: a group (and the rest it is compared with) must count at least this
    many people in the metric's denominator before anything is concluded about it; smaller
    groups are shown, never alerted on.
    ``ratio``: the four-fifths rule: a group whose rate is below this share of the rest's
    (on whichever outcome is at stake, see ``comparison``) counts as treated markedly worse.
    ``alpha``: the false-alarm rate of one report: the chance that a report on data
    without any real disparity raises an alert. It is split over every comparison the
    report makes (Bonferroni), so the intervals that decide are the 1 - alpha/m intervals.
    ``min_difference``: a statistically clear gap must also be at least this large (in
    rate points, 0.05 = five percentage points) to raise an alert; 0 alerts on any gap the
    data show clearly.
    """

    min_group_size: int = 50
    ratio: float = 0.8
    alpha: float = 0.05
    min_difference: float = 0.0

    def __post_init__(self) -> None:
        problems = []
        if not isinstance(self.min_group_size, int) or self.min_group_size < 1:
            problems.append(
                Problem("min_group_size", RANGE, "must be a whole number of at least 1")
            )
        if not 0 < self.ratio <= 1:
            problems.append(Problem("ratio", RANGE, "must be above 0 and at most 1"))
        if not 0 < self.alpha < 1:
            problems.append(Problem("alpha", RANGE, "must be between 0 and 1"))
        if not 0 <= self.min_difference < 1:
            problems.append(Problem("min_difference", RANGE, "must be at least 0 and below 1"))
        if problems:
            raise FairnessInputError(problems)

    def confidence_for(self, comparisons: int) -> float:
        """The confidence level of each of ``comparisons`` intervals so that, together, they
        raise a false alarm with probability at most ``alpha``."""
        return 1 - self.alpha / max(comparisons, 1)


__all__ = ["Thresholds"]
