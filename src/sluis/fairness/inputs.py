"""Checking what the fairness analyses are fed: every problem named by field and rule.

The analyses take plain pandas and numpy data so that a service can feed them from the
decision records. Bad input is refused whole, with every problem listed; a problem never
repeats a submitted value (group labels and features can be personal data).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

LENGTH = "length"
BOOLEAN = "boolean"
TRISTATE = "boolean_or_missing"
NUMBER = "finite_number"
EMPTY = "empty"
NAME = "name"
RANGE = "range"


class Problem(NamedTuple):
    """One problem with the input: the field, the rule it breaks and a message."""

    field: str
    rule: str
    message: str


class FairnessInputError(ValueError):
    """Input the fairness analyses refuse; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message} [{p.rule}]" for p in self.problems))


def _plain_array(values: Any) -> np.ndarray:
    if isinstance(values, pd.Series | pd.Index):
        values = values.to_numpy()
    return np.asarray(values)


def _tristate_values(values: Any) -> tuple[np.ndarray, np.ndarray]:
    """(values as floats with NaN for missing, mask of values that are not 0/1/missing)."""
    array = _plain_array(values)
    if array.dtype == bool:
        return array.astype(float), np.zeros(len(array), dtype=bool)
    if array.dtype.kind in "iuf":
        floats = array.astype(float)
        return floats, ~(np.isnan(floats) | (floats == 0) | (floats == 1))
    series = pd.Series(array, dtype=object)
    known = series.notna().to_numpy()
    bad = known & ~series.isin([True, False]).to_numpy()
    floats = np.full(len(series), np.nan)
    good = known & ~bad
    floats[good] = series[good].astype(bool).to_numpy().astype(float)
    return floats, bad


def as_boolean(values: Any, field: str, problems: list[Problem]) -> np.ndarray:
    """A bool array from bools or 0/1; anything else (missing values too) is a problem."""
    if _plain_array(values).ndim != 1:
        problems.append(Problem(field, BOOLEAN, "expected one value per decision"))
        return np.zeros(0, dtype=bool)
    floats, bad = _tristate_values(values)
    bad |= np.isnan(floats)
    if bad.any():
        problems.append(Problem(field, BOOLEAN, f"{int(bad.sum())} values are not true/false"))
    return floats == 1


def as_tristate(values: Any, field: str, problems: list[Problem]) -> np.ndarray:
    """A float array of 1.0, 0.0 and NaN (unknown) from bools, 0/1 and missing values."""
    if _plain_array(values).ndim != 1:
        problems.append(Problem(field, TRISTATE, "expected one value per decision"))
        return np.zeros(0)
    floats, bad = _tristate_values(values)
    if bad.any():
        problems.append(
            Problem(field, TRISTATE, f"{int(bad.sum())} values are not true/false/missing")
        )
        floats[bad] = np.nan
    return floats


def as_numbers(values: Any, field: str, problems: list[Problem]) -> np.ndarray:
    """A float array of finite numbers (bools count as 0/1)."""
    try:
        array = pd.to_numeric(pd.Series(values, copy=False), errors="coerce").to_numpy(float)
    except (TypeError, ValueError):
        array = np.full(len(values), np.nan)
    bad = ~np.isfinite(array)
    if bad.any():
        problems.append(Problem(field, NUMBER, f"{int(bad.sum())} values are not finite numbers"))
    return array


def as_frame(
    values: pd.DataFrame | pd.Series | Mapping[str, Any], field: str, problems: list[Problem]
) -> pd.DataFrame:
    """A frame with one named column per attribute, from a frame, a named series or a
    mapping of names to columns."""
    if isinstance(values, pd.DataFrame):
        frame = values.reset_index(drop=True)
    elif isinstance(values, pd.Series):
        frame = values.reset_index(drop=True).to_frame()
    else:
        try:
            frame = pd.DataFrame(
                {k: pd.Series(v).reset_index(drop=True) for k, v in values.items()}
            )
        except (AttributeError, TypeError, ValueError):
            problems.append(Problem(field, EMPTY, "expected a table with one column per attribute"))
            return pd.DataFrame()
    if frame.shape[1] == 0:
        problems.append(Problem(field, EMPTY, "needs at least one column"))
    if any(not isinstance(name, str) or not name.strip() for name in frame.columns):
        problems.append(Problem(field, NAME, "every column needs a name (text)"))
    elif frame.columns.duplicated().any():
        problems.append(Problem(field, NAME, "column names must be unique"))
    return frame


def check_length(length: int, expected: int, field: str, problems: list[Problem]) -> None:
    if length != expected:
        problems.append(
            Problem(field, LENGTH, f"has {length} rows where {expected} decisions were given")
        )


def refuse_if_any(problems: list[Problem]) -> None:
    if problems:
        raise FairnessInputError(problems)


__all__ = [
    "FairnessInputError",
    "Problem",
    "as_boolean",
    "as_frame",
    "as_numbers",
    "as_tristate",
    "check_length",
    "refuse_if_any",
]
