"""Checking one column of a table against one field of the input contract, vectorised.

Numbers are checked with numpy. Text and object columns are hashed once
(``pandas.factorize``) and each *distinct* value is judged with the very check a single
decision gets (``FieldSpec.check``), then the verdicts are spread back over the rows: as
exact as checking row by row, at the cost of one pass over the column. A category column
comes back encoded as a pandas ``Categorical``, so later steps need not hash it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sluis.profiles.model import DataType

if TYPE_CHECKING:
    from sluis.gateway.fields import FieldSpec, InputProblem

Flags = list[tuple[np.ndarray, "InputProblem"]]
_TEXT = (DataType.string, DataType.category)


def column_problems(spec: FieldSpec, column: pd.Series) -> tuple[Flags, pd.Series | None]:
    """Per problem, the mask of rows that have it; and the column re-encoded, if it was."""
    dtype = column.dtype
    types = pd.api.types
    if spec.type in _TEXT and (
        isinstance(dtype, pd.CategoricalDtype)
        or types.is_object_dtype(dtype)
        or types.is_string_dtype(dtype)
    ):
        return _distinct_values(spec, column)
    missing = column.isna().to_numpy(dtype=bool)
    out: Flags = []
    if not spec.optional and missing.any():
        out.append((missing, spec.p_missing))
    if spec.type in (DataType.integer, DataType.number) and _plain_numeric(dtype):
        out += _numeric(spec, column, missing)
    elif (spec.type is DataType.boolean and types.is_bool_dtype(dtype)) or (
        spec.type is DataType.date and types.is_datetime64_any_dtype(dtype)
    ):
        pass
    else:
        out += _value_by_value(spec, column, missing)
    return [(mask, problem) for mask, problem in out if mask.any()], None


def _distinct_values(spec: FieldSpec, column: pd.Series) -> tuple[Flags, pd.Series | None]:
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy().astype(np.int64)
        uniques = list(column.cat.categories)
        recoded = None
    else:
        # Python's equality merges 1, 1.0 and True into one key; for a text field all three
        # are the same wrong type, so the merge cannot change a verdict.
        found, distinct = pd.factorize(column, use_na_sentinel=True)
        codes = found.astype(np.int64)
        uniques = list(distinct)
        recoded = _categorical(column, codes, uniques) if spec.type is DataType.category else None
    missing = codes < 0
    out: Flags = []
    if not spec.optional and missing.any():
        out.append((missing, spec.p_missing))
    verdicts: dict[InputProblem, np.ndarray] = {}
    for position, value in enumerate(uniques):
        _, problem = spec.check(value)
        if problem is not None:
            hit = verdicts.setdefault(problem, np.zeros(len(uniques) + 1, dtype=bool))
            hit[position] = True
    out += [(hit[codes], problem) for problem, hit in verdicts.items()]  # -1 hits the False end
    return [(mask, problem) for mask, problem in out if mask.any()], recoded


def _categorical(column: pd.Series, codes: np.ndarray, uniques: list[object]) -> pd.Series | None:
    try:
        dtype = pd.CategoricalDtype(pd.Index(uniques, dtype=object))
    except (TypeError, ValueError):  # e.g. mixed values that compare equal
        return None
    # The codes come from factorize over exactly these categories: no need to validate.
    encoded = pd.Categorical.from_codes(codes, dtype=dtype, validate=False)
    return pd.Series(encoded, index=column.index, name=column.name)


def _plain_numeric(dtype: object) -> bool:
    types = pd.api.types
    return (
        types.is_numeric_dtype(dtype)
        and not types.is_bool_dtype(dtype)
        and not types.is_complex_dtype(dtype)
    )


def _numeric(spec: FieldSpec, column: pd.Series, missing: np.ndarray) -> Flags:
    values = column.to_numpy(dtype=np.float64, na_value=np.nan)
    present = ~missing
    wrong = present & np.isinf(values)
    if spec.type is DataType.integer and not pd.api.types.is_integer_dtype(column.dtype):
        with np.errstate(invalid="ignore"):
            wrong |= present & ~wrong & (np.floor(values) != values)
    fine = present & ~wrong
    out: Flags = [(wrong, spec.p_type)]
    if spec.minimum is not None:
        out.append((fine & (values < spec.minimum), spec.p_minimum))
    if spec.maximum is not None:
        out.append((fine & (values > spec.maximum), spec.p_maximum))
    return out


def _value_by_value(spec: FieldSpec, column: pd.Series, missing: np.ndarray) -> Flags:
    # The slow path, for object columns of numbers, booleans or dates mixed with other
    # things: one check per row, the same as one decision's.
    masks: dict[InputProblem, np.ndarray] = {}
    values = column.to_numpy(dtype=object)
    for i in np.flatnonzero(~missing).tolist():
        _, problem = spec.check(values[i])
        if problem is not None:
            mask = masks.setdefault(problem, np.zeros(len(values), dtype=bool))
            mask[i] = True
    return [(mask, problem) for problem, mask in masks.items()]
