"""Small statistics for the review metrics: proportions with a Wilson interval,
percentiles by linear interpolation and a time histogram with fixed buckets. Pure."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: z for a two-sided 95% interval.
Z95 = 1.959963984540054

#: Lower edges of the time histogram's buckets, in seconds; the last bucket is open.
TIME_BUCKETS: tuple[float, ...] = (0, 10, 20, 30, 60, 120, 300, 600)


@dataclass(frozen=True)
class Proportion:
    """``count`` of ``total``, with its rate and a Wilson 95% interval (None when empty)."""

    count: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.count / self.total if self.total else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.count, self.total)

    def to_dict(self) -> dict[str, Any]:
        interval = self.interval
        return {
            "count": self.count,
            "total": self.total,
            "rate": self.rate,
            "interval95": list(interval) if interval else None,
        }


def wilson_interval(successes: int, total: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval: unlike the normal approximation it stays inside [0, 1]
    and behaves at rates near 0 or 1, exactly where rubber-stamping shows."""
    if total <= 0:
        return None
    if not 0 <= successes <= total:
        raise ValueError("successes must lie between 0 and total")
    p = successes / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def percentile(ordered: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default): position
    ``fraction × (n − 1)`` in the sorted values. ``ordered`` must be sorted."""
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class TimeStats:
    """Seconds spent on decisions; ``histogram[i]`` counts those in bucket ``i`` of
    :data:`TIME_BUCKETS` (lower edge inclusive)."""

    count: int
    median: float | None
    p10: float | None
    p90: float | None
    mean: float | None
    histogram: tuple[int, ...]

    @classmethod
    def of(cls, seconds: Iterable[float]) -> TimeStats:
        ordered = sorted(seconds)
        histogram = [0] * len(TIME_BUCKETS)
        for value in ordered:
            histogram[bucket_index(value)] += 1
        return cls(
            count=len(ordered),
            median=percentile(ordered, 0.5),
            p10=percentile(ordered, 0.1),
            p90=percentile(ordered, 0.9),
            mean=math.fsum(ordered) / len(ordered) if ordered else None,
            histogram=tuple(histogram),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "median": self.median,
            "p10": self.p10,
            "p90": self.p90,
            "mean": self.mean,
            "histogram": [
                {"from": low, "to": high, "count": n}
                for (low, high), n in zip(bucket_bounds(), self.histogram, strict=True)
            ],
        }


def bucket_index(seconds: float) -> int:
    index = 0
    for i, low in enumerate(TIME_BUCKETS):
        if seconds >= low:
            index = i
    return index


def bucket_bounds() -> list[tuple[float, float | None]]:
    """(lower, upper) per bucket; the last one has no upper bound."""
    uppers: list[float | None] = [*TIME_BUCKETS[1:], None]
    return list(zip(TIME_BUCKETS, uppers, strict=True))
