"""Reading a scikit-learn pipeline: which input feature each column the model sees comes from.

Both explainers need this map: the linear one to fold a pipeline into one exact term per
input feature, the tree one to add up the SHAP values of the columns one feature became.
Only transformers that work column by column can be mapped; anything else is refused with
an error naming the step, never explained approximately.

Supported, at the top level or inside a ``ColumnTransformer`` (also nested in a
``Pipeline``): ``StandardScaler``, ``MinMaxScaler`` (without ``clip``), ``MaxAbsScaler``,
``RobustScaler``, ``OneHotEncoder`` (without infrequent-category grouping), ``SimpleImputer``
(before any scaling or encoding, without indicator columns), ``"passthrough"``, ``"drop"``
and an identity ``FunctionTransformer``. A ``ColumnTransformer`` must be the first step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    MaxAbsScaler,
    MinMaxScaler,
    OneHotEncoder,
    RobustScaler,
    StandardScaler,
)

from sluis.gateway.explanation import UnsupportedModel
from sluis.gateway.values import is_missing

SUPPORTED_STEPS = (
    "StandardScaler, MinMaxScaler, MaxAbsScaler, RobustScaler, OneHotEncoder, SimpleImputer, "
    "passthrough and drop, inside a ColumnTransformer or on all features"
)


NO_FILL: Any = type("NoFill", (), {"__repr__": lambda self: "NO_FILL"})()


@dataclass(frozen=True)
class OutputColumn:
    """One column the final estimator sees: ``scale * base(x) + shift`` of input feature
    ``feature``, where ``base(x)`` is ``x`` itself or, for an encoded feature, whether
    ``x`` equals ``category``. ``fill`` replaces a missing ``x`` (an imputer)."""

    feature: int
    category: object = None
    encoded: bool = False
    categories: tuple[object, ...] = ()
    unknown_is_error: bool = False
    scale: float = 1.0
    shift: float = 0.0
    fill: object = NO_FILL

    @property
    def raw(self) -> bool:
        """Only imputation (if anything) has happened to the feature so far."""
        return not self.encoded and self.scale == 1.0 and self.shift == 0.0


def split_pipeline(model: object) -> tuple[list[tuple[str, object]], tuple[str, object]]:
    """The preprocessing steps (named) and the final estimator (named)."""
    if isinstance(model, Pipeline):
        steps = [(n, s) for n, s in model.steps[:-1] if s is not None and s != "passthrough"]
        return steps, model.steps[-1]
    return [], ("model", model)


def output_columns(
    steps: Sequence[tuple[str, object]], features: Sequence[str]
) -> list[OutputColumn]:
    """The columns the final estimator sees, each traced back to one input feature."""
    columns = [OutputColumn(j) for j in range(len(features))]
    for position, (name, step) in enumerate(steps):
        if isinstance(step, ColumnTransformer):
            if position != 0:
                raise UnsupportedModel(name, "a ColumnTransformer must be the first step")
            columns = _column_transformer(name, step, features)
        else:
            columns = apply_step(name, step, columns)
    return columns


def _column_transformer(
    name: str, transformer: ColumnTransformer, features: Sequence[str]
) -> list[OutputColumn]:
    names_in = [str(n) for n in getattr(transformer, "feature_names_in_", features)]
    out: list[OutputColumn] = []
    for part, step, selection in transformer.transformers_:
        label = f"{name}/{part}"
        if isinstance(step, str) and step == "drop":
            continue
        positions = _resolve(label, selection, names_in, features)
        if not positions:
            continue
        columns = [OutputColumn(j) for j in positions]
        out += (
            columns
            if isinstance(step, str) and step == "passthrough"
            else apply_step(label, step, columns)
        )
    return out


def _resolve(
    label: str, selection: object, names_in: list[str], features: Sequence[str]
) -> list[int]:
    """Feature positions of a fitted ColumnTransformer's column selection."""
    if isinstance(selection, str):
        chosen = [selection]
    elif isinstance(selection, slice):
        chosen = names_in[selection]
    else:
        items = list(np.asarray(selection).reshape(-1)) if selection is not None else []
        if items and all(isinstance(i, bool | np.bool_) for i in items):
            chosen = [n for n, keep in zip(names_in, items, strict=True) if keep]
        elif all(isinstance(i, int | np.integer) for i in items):
            chosen = [names_in[int(i)] for i in items]
        elif all(isinstance(i, str) for i in items):
            chosen = [str(i) for i in items]
        else:
            raise UnsupportedModel(label, "its column selection cannot be read")
    positions = []
    for column in chosen:
        if column not in features:
            raise UnsupportedModel(
                label, f"uses column {column!r}, which is not among the procedure's features"
            )
        positions.append(list(features).index(column))
    return positions


def apply_step(label: str, step: object, columns: list[OutputColumn]) -> list[OutputColumn]:
    """The columns after one column-wise transformer."""
    if step is None or (isinstance(step, str) and step == "passthrough"):
        return columns
    if isinstance(step, Pipeline):
        for name, inner in step.steps:
            columns = apply_step(f"{label}/{name}", inner, columns)
        return columns
    if isinstance(step, FunctionTransformer) and step.func is None:
        return columns
    _same_width(label, step, columns)
    if isinstance(step, SimpleImputer):
        return _impute(label, step, columns)
    if isinstance(step, OneHotEncoder):
        return _one_hot(label, step, columns)
    scale, shift = _affine(label, step)
    return [
        replace(c, scale=c.scale * a, shift=c.shift * a + b)
        for c, a, b in zip(columns, scale.tolist(), shift.tolist(), strict=True)
    ]


def _same_width(label: str, step: object, columns: list[OutputColumn]) -> None:
    width = getattr(step, "n_features_in_", None)
    if width is not None and width != len(columns):
        raise UnsupportedModel(label, f"expects {width} columns where {len(columns)} arrive")


def _affine(label: str, step: object) -> tuple[np.ndarray, np.ndarray]:
    """``scale * x + shift`` per column for the supported scalers."""
    if isinstance(step, StandardScaler):
        width = step.n_features_in_
        mean = step.mean_ if step.with_mean else np.zeros(width)
        std = step.scale_ if step.with_std else np.ones(width)
        return 1.0 / std, -mean / std
    if isinstance(step, MinMaxScaler):
        if step.clip:
            raise UnsupportedModel(label, "MinMaxScaler with clip=True is not linear")
        return step.scale_, step.min_
    if isinstance(step, MaxAbsScaler):
        return 1.0 / step.scale_, np.zeros_like(step.scale_)
    if isinstance(step, RobustScaler):
        width = step.n_features_in_
        center = step.center_ if step.with_centering else np.zeros(width)
        spread = step.scale_ if step.with_scaling else np.ones(width)
        return 1.0 / spread, -center / spread
    raise UnsupportedModel(
        label,
        f"{type(step).__name__} cannot be traced back to single input features; "
        f"supported: {SUPPORTED_STEPS}",
    )


def _impute(label: str, step: SimpleImputer, columns: list[OutputColumn]) -> list[OutputColumn]:
    if not all(c.raw for c in columns):
        raise UnsupportedModel(label, "a SimpleImputer must come before scaling and encoding")
    if step.add_indicator:
        raise UnsupportedModel(label, "SimpleImputer with add_indicator=True is not supported")
    if not is_missing(step.missing_values):
        raise UnsupportedModel(label, "SimpleImputer must treat only NaN/None as missing")
    statistics = list(step.statistics_)
    if any(is_missing(s) for s in statistics) and not step.keep_empty_features:
        raise UnsupportedModel(label, "SimpleImputer dropped an all-empty column")
    return [replace(c, fill=native(s)) for c, s in zip(columns, statistics, strict=True)]


def _one_hot(label: str, step: OneHotEncoder, columns: list[OutputColumn]) -> list[OutputColumn]:
    if not all(c.raw for c in columns):
        raise UnsupportedModel(label, "a OneHotEncoder must come before any scaling")
    if step.min_frequency is not None or step.max_categories is not None:
        raise UnsupportedModel(label, "grouping infrequent categories is not supported")
    out: list[OutputColumn] = []
    drops = step.drop_idx_
    for i, column in enumerate(columns):
        categories = tuple(native(c) for c in step.categories_[i])
        dropped = drops[i] if drops is not None else None
        for k, category in enumerate(categories):
            if dropped is not None and k == dropped:
                continue
            out.append(
                replace(
                    column,
                    category=category,
                    encoded=True,
                    categories=categories,
                    unknown_is_error=step.handle_unknown == "error",
                )
            )
    return out


def native(value: object) -> object:
    """A numpy scalar as the plain Python value (dictionary keys, JSON)."""
    return value.item() if isinstance(value, np.generic) else value


__all__ = [
    "NO_FILL",
    "SUPPORTED_STEPS",
    "OutputColumn",
    "UnsupportedModel",
    "apply_step",
    "native",
    "output_columns",
    "split_pipeline",
]
