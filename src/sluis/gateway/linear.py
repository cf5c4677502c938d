"""Exact per-feature contributions of a linear model, also at the end of a pipeline.

A linear model behind column-wise transformers (see ``sluis.gateway.pipelines``) is a sum
of one term per input feature: ``z = intercept + sum_j term_j(x_j)``, where ``z`` is the
decision function (log-odds for a logistic regression, the prediction for a regression).
We fold the pipeline into those terms once, at construction: a number becomes
``slope * x + offset``, a category a table lookup. Feature ``j`` then contributes
``term_j(x_j) - baseline_j``, and the contributions add up exactly (to rounding) to
``z - base`` with ``base = intercept + sum_j baseline_j``.

The baseline is the mean term over a ``background`` sample (typically the training data):
contributions then say how this person differs from the average one. Without a background,
a number's baseline is its imputed value or the point its scaler maps to zero (the
training mean for a ``StandardScaler``), and a category's the mean over its categories.

The folded form is checked against the model itself at construction; it computes scores
for single decisions without calling scikit-learn, and for batches with numpy only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.special import expit
from sklearn.base import is_regressor
from sklearn.linear_model import LogisticRegression

from sluis.gateway.explanation import (
    BatchExplanation,
    Explanation,
    ExplanationKind,
    FeatureContribution,
    FeatureValueError,
    Space,
    UnsupportedModel,
)
from sluis.gateway.pipelines import (
    NO_FILL,
    OutputColumn,
    output_columns,
    split_pipeline,
)
from sluis.gateway.values import category_codes, float_column, is_missing


class NumericTerm:
    __slots__ = ("feature", "missing", "offset", "slope")

    def __init__(self, feature: str, slope: float, offset: float, missing: float | None) -> None:
        self.feature, self.slope, self.offset, self.missing = feature, slope, offset, missing

    def one(self, value: object) -> float:
        kind = type(value)
        if (kind is float and value == value) or kind is int:  # the common case, first
            return self.slope * value + self.offset  # type: ignore[operator]
        if is_missing(value):
            if self.missing is None:
                raise FeatureValueError(self.feature, "missing")
            return self.missing
        return self.slope * float(value) + self.offset  # type: ignore[arg-type]

    def many(self, column: pd.Series, out: np.ndarray) -> None:
        """Write the term of every row into ``out``."""
        x = float_column(column)
        np.multiply(x, self.slope, out=out)
        out += self.offset
        absent = np.isnan(x)
        if absent.any():
            if self.missing is None:
                raise FeatureValueError(self.feature, "missing", np.flatnonzero(absent).tolist())
            out[absent] = self.missing


class CategoryTerm:
    __slots__ = ("_position", "_values", "categories", "feature", "missing", "table", "unknown")

    def __init__(
        self,
        feature: str,
        table: dict[object, float],
        unknown: float | None,
        missing: float | None,
    ) -> None:
        self.feature, self.table, self.unknown, self.missing = feature, table, unknown, missing
        self.categories = list(table)
        self._position = {c: i for i, c in enumerate(self.categories)}
        self._values = np.array([*table.values(), np.nan], dtype=np.float64)  # -1: NaN

    def one(self, value: object) -> float:
        found = self.table.get(value)
        if found is not None:
            return found
        if is_missing(value):
            if self.missing is None:
                raise FeatureValueError(self.feature, "missing")
            return self.missing
        if self.unknown is None:
            raise FeatureValueError(self.feature, "unknown_category")
        return self.unknown

    def many(self, column: pd.Series, out: np.ndarray) -> None:
        """Write the term of every row into ``out``."""
        if isinstance(column.dtype, pd.CategoricalDtype):
            # Look the column's few categories up once, then index by its small codes.
            lookup = self._position
            values = self._values
            local = [values[lookup.get(c, -1)] for c in column.cat.categories.tolist()]
            local.append(np.nan)  # code -1 (missing) lands here
            np.take(np.array(local, dtype=np.float64), column.array.codes, out=out)
        else:
            np.take(self._values, category_codes(column, self.categories), out=out)
        unmatched = np.isnan(out)  # the table's own values are all finite
        if unmatched.any():
            absent = unmatched & column.isna().to_numpy(dtype=bool)
            if absent.any():
                if self.missing is None:
                    rows = np.flatnonzero(absent).tolist()
                    raise FeatureValueError(self.feature, "missing", rows)
                out[absent] = self.missing
            unknown = unmatched & ~absent
            if unknown.any():
                if self.unknown is None:
                    rows = np.flatnonzero(unknown).tolist()
                    raise FeatureValueError(self.feature, "unknown_category", rows)
                out[unknown] = self.unknown


class UnusedTerm:
    """A feature the pipeline drops: it contributes nothing, whatever its value."""

    __slots__ = ("feature",)

    def __init__(self, feature: str) -> None:
        self.feature = feature

    def one(self, value: object) -> float:
        return 0.0

    def many(self, column: pd.Series, out: np.ndarray) -> None:
        out[:] = 0.0


Term = NumericTerm | CategoryTerm | UnusedTerm


def _terms(columns: list[OutputColumn], weights: np.ndarray, features: Sequence[str]) -> list[Term]:
    groups: dict[int, list[tuple[OutputColumn, float]]] = {}
    for column, weight in zip(columns, weights.tolist(), strict=True):
        groups.setdefault(column.feature, []).append((column, weight))
    terms: list[Term] = []
    for j, feature in enumerate(features):
        group = groups.get(j)
        if not group:
            terms.append(UnusedTerm(feature))
        elif all(not c.encoded for c, _ in group):
            terms.append(_numeric(feature, group))
        elif all(c.encoded for c, _ in group):
            terms.append(_category(feature, group))
        else:
            raise UnsupportedModel(
                feature, "the feature is used both as a number and as categories"
            )
    return terms


def _numeric(feature: str, group: list[tuple[OutputColumn, float]]) -> NumericTerm:
    slope = math.fsum(w * c.scale for c, w in group)
    offset = math.fsum(w * c.shift for c, w in group)
    missing: float | None = None
    if all(c.fill is not NO_FILL for c, _ in group):
        missing = math.fsum(w * (c.scale * float(c.fill) + c.shift) for c, w in group)  # type: ignore[arg-type]
    return NumericTerm(feature, slope, offset, missing)


def _category(feature: str, group: list[tuple[OutputColumn, float]]) -> CategoryTerm:
    categories = list(dict.fromkeys(cat for c, _ in group for cat in c.categories))
    constant = math.fsum(w * c.shift for c, w in group)
    table = {
        cat: constant + math.fsum(w * c.scale for c, w in group if _same(c.category, cat))
        for cat in categories
        if not is_missing(cat)
    }
    missing: float | None = None
    fills = {repr(c.fill) for c, _ in group}
    fill = group[0][0].fill
    if fill is not NO_FILL and len(fills) == 1:
        missing = table.get(fill, None if group[0][0].unknown_is_error else constant)
    elif any(is_missing(cat) for cat in categories):
        missing = constant + math.fsum(w * c.scale for c, w in group if is_missing(c.category))
    unknown = None if any(c.unknown_is_error for c, _ in group) else constant
    return CategoryTerm(feature, table, unknown, missing)


def _same(a: object, b: object) -> bool:
    return (is_missing(a) and is_missing(b)) or (not is_missing(a) and a == b)


class LinearExplainer:
    """Scores and exact contributions of a linear model (or pipeline ending in one)."""

    kind = ExplanationKind.linear_contributions

    def __init__(
        self,
        model: object,
        features: Sequence[str],
        *,
        background: pd.DataFrame | None = None,
        score_class: object = None,
    ) -> None:
        self.features = tuple(features)
        steps, (name, final) = split_pipeline(model)
        weights, intercept, self.space = _linear_parts(name, final, score_class)
        self.final = final
        self.classes = getattr(final, "classes_", None)
        columns = output_columns(steps, self.features)
        if len(columns) != weights.shape[0]:
            raise UnsupportedModel(
                name, f"has {weights.shape[0]} weights for {len(columns)} columns"
            )
        self.terms = _terms(columns, weights, self.features)
        self.intercept = float(intercept)
        self.baseline = self._baseline(columns, background)
        self.base = self.intercept + math.fsum(self.baseline)
        self._baseline_array = np.array(self.baseline, dtype=np.float64)
        _verify(self, model, background, score_class)

    def _baseline(
        self, columns: list[OutputColumn], background: pd.DataFrame | None
    ) -> list[float]:
        if background is not None:
            return [float(v) for v in self.decision_values(background).mean(axis=0)]
        out = []
        for j, term in enumerate(self.terms):
            if isinstance(term, NumericTerm):
                out.append(term.one(_center(next(c for c in columns if c.feature == j))))
            elif isinstance(term, CategoryTerm):
                out.append(math.fsum(term.table.values()) / max(len(term.table), 1))
            else:
                out.append(0.0)
        return out

    def decision_values(self, frame: pd.DataFrame) -> np.ndarray:
        """The per-feature terms of every row (rows x features)."""
        # Column-major: each feature's terms are written in one contiguous stretch.
        out = np.empty((len(frame), len(self.terms)), dtype=np.float64, order="F")
        for j, term in enumerate(self.terms):
            term.many(_column(frame, term.feature), out[:, j])
        return out

    def score_of(self, z: float) -> float:
        # SciPy's expit, element by element the same for one value as for a batch.
        return z if self.space is Space.identity else float(expit(z))

    def explain_one(self, inputs: Mapping[str, object]) -> tuple[float, Explanation]:
        get = inputs.get
        values = [term.one(get(term.feature)) for term in self.terms]
        total = 0.0
        for value in values:  # the batch adds up in the same order: bit for bit the same z
            total += value
        z = self.intercept + total
        entries = tuple(
            FeatureContribution(f, v - b)
            for f, v, b in zip(self.features, values, self.baseline, strict=True)
        )
        return self.score_of(z), Explanation(self.kind, entries, self.base, z, self.space)

    def explain_frame(self, frame: pd.DataFrame) -> tuple[np.ndarray, BatchExplanation]:
        terms = self.decision_values(frame)
        total = np.zeros(len(frame))
        for j in range(terms.shape[1]):  # feature by feature, as for a single decision
            total += terms[:, j]
        z = self.intercept + total
        terms -= self._baseline_array
        scores = z if self.space is Space.identity else expit(z)
        batch = BatchExplanation(
            self.kind,
            features=self.features,
            contributions=terms,
            base=self.base,
            values=z,
            space=self.space,
        )
        return scores, batch


def is_linear(final: object) -> bool:
    """Whether the final estimator is one ``LinearExplainer`` can fold exactly."""
    if isinstance(final, LogisticRegression):
        return True
    return is_regressor(final) and type(final).__module__.startswith("sklearn.linear_model")


def _linear_parts(name: str, final: object, score_class: object) -> tuple[np.ndarray, float, Space]:
    """The weights and intercept in the space the score lives in."""
    coef = np.asarray(getattr(final, "coef_", None), dtype=np.float64)
    intercept = np.asarray(getattr(final, "intercept_", 0.0), dtype=np.float64).reshape(-1)
    if isinstance(final, LogisticRegression):
        classes = list(final.classes_)
        if len(classes) != 2:
            raise UnsupportedModel(name, "contributions are exact only for two classes")
        wanted = classes[1] if score_class is None else score_class
        if wanted not in classes:
            raise ValueError(f"score_class is not one of the model's classes {classes}")
        sign = 1.0 if wanted == classes[1] else -1.0  # log-odds of the other class: negated
        return sign * coef.reshape(-1), sign * float(intercept[0]), Space.log_odds
    if coef.ndim == 2 and coef.shape[0] != 1:
        raise UnsupportedModel(name, "contributions are exact only for a single output")
    return coef.reshape(-1), float(intercept[0]) if intercept.size else 0.0, Space.identity


def _column(frame: pd.DataFrame, feature: str) -> pd.Series:
    if feature in frame.columns:
        return frame[feature]
    return pd.Series(np.full(len(frame), np.nan), index=frame.index)  # an optional field


def _center(column: OutputColumn) -> float:
    if column.fill is not NO_FILL and not isinstance(column.fill, str):
        return float(column.fill)  # type: ignore[arg-type]
    return -column.shift / column.scale if column.scale else 0.0


def _verify(
    explainer: LinearExplainer,
    model: object,
    background: pd.DataFrame | None,
    score_class: object,
) -> None:
    """Check the folded form against the model's own output on sample rows."""
    probe = background.head(200) if background is not None else _probe(explainer)
    rows = probe.reindex(columns=list(explainer.features))
    fitted_on_names = getattr(model, "feature_names_in_", None) is not None
    given = rows if fitted_on_names else rows.to_numpy()
    try:
        if explainer.space is Space.log_odds:
            expected = np.asarray(model.decision_function(given)).reshape(-1)  # type: ignore[attr-defined]
            if explainer.classes is not None and score_class is not None:
                expected = expected if score_class == explainer.classes[1] else -expected
        else:
            expected = np.asarray(model.predict(given), dtype=np.float64).reshape(-1)  # type: ignore[attr-defined]
    except Exception as exc:
        # A background sample may hold personal data, which the model's message may quote.
        detail = f"{type(exc).__name__}: {exc}" if background is None else type(exc).__name__
        raise UnsupportedModel(
            "(pipeline)", f"cannot be checked on sample rows ({detail})"
        ) from None
    got = explainer.intercept + explainer.decision_values(rows).sum(axis=1)
    if not np.allclose(got, expected, rtol=1e-7, atol=1e-7):
        raise UnsupportedModel(
            "(pipeline)", "the exact decomposition does not reproduce the model's output"
        )


def _probe(explainer: LinearExplainer) -> pd.DataFrame:
    """Synthetic rows that exercise every category and a few numbers per feature."""
    longest = max([3, *(len(t.table) for t in explainer.terms if isinstance(t, CategoryTerm))])
    data: dict[str, list[object]] = {}
    for term in explainer.terms:
        if isinstance(term, CategoryTerm) and term.table:
            cats = list(term.table)
            data[term.feature] = [cats[i % len(cats)] for i in range(longest)]
        else:
            data[term.feature] = [[0.0, 1.0, -2.5][i % 3] + i for i in range(longest)]
    return pd.DataFrame(data, columns=list(explainer.features))


__all__ = ["CategoryTerm", "LinearExplainer", "NumericTerm", "is_linear"]
