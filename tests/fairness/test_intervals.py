"""The intervals behind every judgement match their published values."""

from __future__ import annotations

import numpy as np
import pytest

from sluis.fairness.intervals import katz_ratio, newcombe_difference, wilson, z_value


def test_wilson_interval_of_textbook_cases() -> None:
    low, high = wilson(np.array([5, 0, 0]), np.array([10, 10, 0]), 0.95)
    assert low[:2] == pytest.approx([0.2366, 0.0], abs=1e-4)
    assert high[:2] == pytest.approx([0.7634, 0.2775], abs=1e-4)
    assert np.isnan(low[2]) and np.isnan(high[2])  # nobody to count


def test_newcombe_interval_of_his_worked_example() -> None:
    """Newcombe (1998), 56/70 against 48/80, method 10: 0.0524 to 0.3339."""
    difference, low, high = newcombe_difference(56, 70, 48, 80, 0.95)
    assert float(difference) == pytest.approx(0.2)
    assert (float(low), float(high)) == pytest.approx((0.0524, 0.3339), abs=1e-4)


def test_log_interval_of_a_ratio_stays_finite_with_zero_counts() -> None:
    ratio, low, high = katz_ratio(56, 70, 48, 80, 0.95)
    assert (float(ratio), float(low), float(high)) == pytest.approx(
        (1.3333, 1.0766, 1.6512), abs=1e-4
    )
    ratio, low, high = katz_ratio(0, 50, 10, 100, 0.95)
    assert float(ratio) == 0.0 and 0 < float(low) < float(high) < np.inf


def test_stricter_confidence_widens_the_interval() -> None:
    assert z_value(0.95) == pytest.approx(1.96, abs=1e-3)
    _, low95, high95 = newcombe_difference(56, 70, 48, 80, 0.95)
    _, low99, high99 = newcombe_difference(56, 70, 48, 80, 0.99)
    assert low99 < low95 and high99 > high95
