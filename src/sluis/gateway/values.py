"""Values and columns: normalising one submitted value, and fast paths over table columns.

Shared by the input contract and the procedures so that one decision and a batch of a
million are judged and computed the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sluis.profiles.model import DataType


class _Bad:
    __slots__ = ()

    def __repr__(self) -> str:
        return "BAD"


P = TypeVar("P")

BAD: Any = _Bad()  # returned by a converter for a value of the wrong type


def is_missing(value: object) -> bool:
    """``None``, NaN, ``pd.NA`` and ``NaT`` all mean 'not given'."""
    kind = type(value)
    if kind is str or kind is int or kind is bool:
        return False
    if value is None:
        return True
    if kind is float:
        return value != value
    if value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, np.floating):
        return bool(np.isnan(value))
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return False


def _integer(value: object) -> object:
    kind = type(value)
    if kind is int:
        return value
    if isinstance(value, bool | np.bool_):
        return BAD
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return int(number) if math.isfinite(number) and number.is_integer() else BAD
    return BAD


def _number(value: object) -> object:
    kind = type(value)
    if kind is float:
        return value if math.isfinite(value) else BAD  # type: ignore[arg-type]
    if kind is int:
        return float(value)  # type: ignore[arg-type]
    if isinstance(value, bool | np.bool_):
        return BAD
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        return number if math.isfinite(number) else BAD
    return BAD


def _boolean(value: object) -> object:
    if type(value) is bool:
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    return BAD


def _text(value: object) -> object:
    if type(value) is str:
        return value
    return str(value) if isinstance(value, str) else BAD


def _date(value: object) -> object:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return BAD
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).date()
    return BAD


_CONVERTERS: dict[DataType, Callable[[object], object]] = {
    DataType.integer: _integer,
    DataType.number: _number,
    DataType.boolean: _boolean,
    DataType.string: _text,
    DataType.category: _text,
    DataType.date: _date,
}


def converter(kind: DataType) -> Callable[[object], object]:
    """A function turning a submitted value into its normal Python form, or ``BAD``."""
    return _CONVERTERS[kind]


def float_column(column: pd.Series) -> np.ndarray:
    """The column as float64, missing values as NaN."""
    return column.to_numpy(dtype=np.float64, na_value=np.nan)


def category_codes(column: pd.Series, categories: Sequence[object]) -> np.ndarray:
    """For every row, the position of its value in ``categories``; -1 when it is not there
    (or missing, unless a missing value is itself one of the categories)."""
    dtype = column.dtype
    index = pd.Index(list(categories))
    if isinstance(dtype, pd.CategoricalDtype):
        positions = np.append(index.get_indexer(dtype.categories), -1)
        return positions[column.cat.codes.to_numpy()].astype(np.int64)
    if all(type(c) is str for c in categories) and _arrow_backed(column):
        codes = pc.index_in(pa.array(column.array), value_set=pa.array(list(categories)))
        return pc.fill_null(codes, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    # Hash the column once, then match its few distinct values: far faster than looking
    # every row up in the categories' index.
    codes, uniques = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=False)
    positions = index.get_indexer(pd.Index(uniques, dtype=object)).astype(np.int64)
    return positions[codes]


def _arrow_backed(column: pd.Series) -> bool:
    return "pyarrow" in str(getattr(column.dtype, "storage", "")) or isinstance(
        column.dtype, pd.ArrowDtype
    )


def collect_row_problems(
    rows: int, whole: Sequence[P], masked: Sequence[tuple[np.ndarray, P]]
) -> tuple[np.ndarray, dict[int, tuple[P, ...]]]:
    """From problems of every row (``whole``) and per-row masks to a good-row mask and each
    bad row's problems. Rows with the same problems share one tuple."""
    if whole:
        good = np.zeros(rows, dtype=bool)
    else:
        good = np.ones(rows, dtype=bool)
        for mask, _ in masked:
            good &= ~mask
    bad_rows = np.flatnonzero(~good)
    if bad_rows.size == 0:
        return good, {}
    patterns, inverse = _patterns(bad_rows, [mask for mask, _ in masked])
    common = tuple(whole)
    shared = [
        common + tuple(problem for (_, problem), hit in zip(masked, pattern, strict=True) if hit)
        for pattern in patterns
    ]
    problems = dict(zip(bad_rows.tolist(), [shared[i] for i in inverse.tolist()], strict=True))
    return good, problems


def _patterns(bad_rows: np.ndarray, masks: list[np.ndarray]) -> tuple[list[list[bool]], np.ndarray]:
    """The distinct combinations of masks over the bad rows, and each row's combination."""
    if not masks:
        return [[]], np.zeros(bad_rows.size, dtype=np.int64)
    if len(masks) <= 62:
        codes = np.zeros(bad_rows.size, dtype=np.int64)
        for bit, mask in enumerate(masks):
            codes |= mask[bad_rows].astype(np.int64) << bit
        unique, inverse = np.unique(codes, return_inverse=True)
        bits = range(len(masks))
        return [[bool((u >> b) & 1) for b in bits] for u in unique.tolist()], inverse.reshape(-1)
    matrix = np.stack([mask[bad_rows] for mask in masks], axis=1)
    unique, inverse = np.unique(matrix, axis=0, return_inverse=True)
    return [row.tolist() for row in unique], inverse.reshape(-1)
