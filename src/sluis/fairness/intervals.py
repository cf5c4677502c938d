"""Confidence intervals for rates and for the gap between two rates, vectorised.

Rates here are shares of people (favourable outcomes, errors, overrides), so the intervals
are the score-based ones that behave well near 0 and 1 and for modest counts: Wilson's
interval for one rate, Newcombe's hybrid score interval (his method 10, built from two
Wilson intervals) for a difference, and the log (Katz) interval for a ratio. All take
numpy arrays and work element-wise, so a million decisions cost one pass of counting and a
handful of array operations per group.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import norm

FloatArray = np.ndarray


def z_value(confidence: float) -> float:
    """The two-sided standard-normal quantile for ``confidence`` (0.95 gives 1.96)."""
    return float(norm.ppf(1 - (1 - confidence) / 2))


def rate(successes: FloatArray, totals: FloatArray) -> FloatArray:
    """successes / totals, NaN where there is nobody to count."""
    s, n = np.asarray(successes, float), np.asarray(totals, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(n > 0, s / np.where(n > 0, n, 1), np.nan)


def wilson(
    successes: FloatArray, totals: FloatArray, confidence: float
) -> tuple[FloatArray, FloatArray]:
    """Wilson score interval (lower, upper) for each rate; NaN where ``totals`` is 0."""
    s, n = np.asarray(successes, float), np.asarray(totals, float)
    z = z_value(confidence)
    p = rate(s, n)
    safe_n = np.where(n > 0, n, 1)
    denominator = 1 + z**2 / safe_n
    centre = (p + z**2 / (2 * safe_n)) / denominator
    half = z / denominator * np.sqrt(p * (1 - p) / safe_n + z**2 / (4 * safe_n**2))
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def newcombe_difference(
    s1: FloatArray, n1: FloatArray, s2: FloatArray, n2: FloatArray, confidence: float
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The difference p1 - p2 with Newcombe's hybrid score interval: (difference, lower,
    upper). It keeps close to its nominal coverage where the simple normal interval does
    not (small groups, rates near 0 or 1)."""
    p1, p2 = rate(s1, n1), rate(s2, n2)
    l1, u1 = wilson(s1, n1, confidence)
    l2, u2 = wilson(s2, n2, confidence)
    difference = p1 - p2
    lower = difference - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    upper = difference + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return difference, lower, upper


def katz_ratio(
    s1: FloatArray, n1: FloatArray, s2: FloatArray, n2: FloatArray, confidence: float
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The ratio p1 / p2 with the log interval: (ratio, lower, upper). A zero count gets half
    a person added to both its numerator and denominator, the usual correction, so the
    interval stays finite; the point ratio itself is left uncorrected."""
    s1, n1, s2, n2 = (np.asarray(a, float) for a in (s1, n1, s2, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = rate(s1, n1) / rate(s2, n2)
        c1 = np.where(s1 == 0, 0.5, 0.0)
        c2 = np.where(s2 == 0, 0.5, 0.0)
        a, m = s1 + c1, n1 + c1
        b, k = s2 + c2, n2 + c2
        log_ratio = np.log((a / m) / (b / k))
        se = np.sqrt(1 / a - 1 / m + 1 / b - 1 / k)
    z = z_value(confidence)
    return ratio, np.exp(log_ratio - z * se), np.exp(log_ratio + z * se)


__all__ = ["katz_ratio", "newcombe_difference", "rate", "wilson", "z_value"]
