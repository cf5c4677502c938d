"""Synthetic decisions with disparities planted where the test says, and none elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd
import pytest

from sluis.gateway.loading import load_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

Decisions = tuple[np.ndarray, pd.DataFrame, np.ndarray]


def make_decisions(
    seed: int,
    n: int,
    shares: Mapping[str, float],
    *,
    deserved_rate: float = 0.7,
    false_adverse: Mapping[str, float] | float = 0.1,
    false_favourable: Mapping[str, float] | float = 0.3,
) -> Decisions:
    """``n`` decisions: an ``origin`` attribute with the given group shares and a ``sex``
    attribute with no effect at all; a ground truth (``deserved``) drawn at
    ``deserved_rate``, and outcomes that err at the given rates, per origin group where a
    mapping is given. Returns (favourable, groups, deserved)."""
    rng = np.random.default_rng(seed)
    labels = list(shares)
    origin = rng.choice(labels, size=n, p=np.array(list(shares.values())))
    sex = rng.choice(["female", "male"], size=n)
    deserved = rng.random(n) < deserved_rate

    def per_group(rates: Mapping[str, float] | float) -> np.ndarray:
        if isinstance(rates, float):
            return np.full(n, rates)
        return pd.Series(origin).map(lambda g: rates.get(g, rates["*"])).to_numpy(float)

    draw = rng.random(n)
    favourable = np.where(
        deserved, draw >= per_group(false_adverse), draw < per_group(false_favourable)
    )
    return favourable, pd.DataFrame({"origin": origin, "sex": sex}), deserved


@pytest.fixture
def decisions() -> Callable[..., Decisions]:
    return make_decisions


@pytest.fixture(scope="session")
def german_credit() -> ModuleType:
    return load_file(EXAMPLES / "german_credit.py")
