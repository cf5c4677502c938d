"""Group monitoring: do one algorithm's outcomes, and where a ground truth exists its errors,
differ between groups of people?

Input contract (one row per decision of one algorithm, all of equal length):

- ``favourable``: bool (or 0/1) per decision: whether the outcome was favourable to the
  person, as the profile's declared outcomes say (``granted`` yes, ``refused`` no; for a
  risk selection, being selected is not favourable). No missing values.
- ``groups``: a DataFrame (or a named Series, or a mapping of names to columns) with one
  column per declared group attribute (age band, sex, nationality...). Values are group
  labels; a missing value means the attribute is unknown for that person, who is then left
  out of that attribute's analysis (and counted in ``unknown``).
- ``deserved``: optional ground truth per decision, bool or missing: whether the favourable
  outcome was, by a later check, the right one (the manual check after a risk selection
  found nothing; an objection against a refusal was upheld; the loan was repaid). Error
  rates use only the decisions that have it. Where it comes from matters: if only the
  selected people are checked, only the hit rate is computed (nothing is known about the
  people who were not selected, so error rates would mislead); a random control sample
  gives both.

What comes out, per attribute: each group's favourable rate (demographic parity) and, with a
ground truth, its false-adverse rate (equal opportunity), false-favourable rate (with the
former: equalised odds) and adverse hit rate, each against the rest (see ``comparison``);
and fairlearn's summary figures over the groups large enough to judge.

The heavy lifting is counting: a million decisions are reduced to a handful of counts per
group (group x ground truth x outcome) in one vectorised pass, and fairlearn's
``MetricFrame`` then computes the rates on those counts as sample weights, which gives
exactly the rates of the full data at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    false_negative_rate,
    false_positive_rate,
    selection_rate,
)
from sklearn.metrics import precision_score

from sluis.fairness.comparison import GroupComparison, Metric, RateTable, compare_all
from sluis.fairness.inputs import (
    Problem,
    as_boolean,
    as_frame,
    as_tristate,
    check_length,
    refuse_if_any,
)
from sluis.fairness.thresholds import Thresholds

# Cell layout per group: ground truth (0 deserved adverse, 1 deserved favourable, 2 unknown)
# x outcome (0 adverse, 1 favourable).
_ADVERSE, _FAVOURABLE, _UNKNOWN = 0, 1, 2

_FAIRLEARN_METRICS: dict[Metric, Any] = {
    Metric.favourable_rate: selection_rate,
    # With "favourable" as the positive class, a wrongly adverse outcome is a false
    # negative and a wrongly favourable one a false positive.
    Metric.false_adverse_rate: false_negative_rate,
    Metric.false_favourable_rate: false_positive_rate,
    # Precision of the adverse class: of the adverse outcomes, the share deserved.
    Metric.adverse_hit_rate: partial(precision_score, pos_label=0, zero_division=np.nan),
}
_GROUND_TRUTH_METRICS = (
    Metric.false_adverse_rate,
    Metric.false_favourable_rate,
    Metric.adverse_hit_rate,
)


@dataclass(frozen=True)
class AttributeReport:
    """One declared attribute: its groups, each compared with the rest, and fairlearn's
    summaries over the groups large enough to judge (None where fewer than two are).

    ``summary`` keys: ``demographic_parity_ratio`` and ``demographic_parity_difference``
    (favourable rates: smallest over largest, largest minus smallest),
    ``equal_opportunity_difference`` (of the rates of the favourable outcome among those
    who deserved it) and ``equalized_odds_difference`` (the larger of that and the same
    difference among those who deserved the adverse outcome).
    """

    attribute: str
    groups: tuple[str, ...]
    unknown: int
    small_groups: tuple[str, ...]
    comparisons: tuple[GroupComparison, ...]
    summary: Mapping[str, float | None]

    def frame(self) -> pd.DataFrame:
        """The comparisons as a table, one row per group and metric."""
        return pd.DataFrame([c.as_dict() for c in self.comparisons])

    def comparison(self, group: str, metric: Metric) -> GroupComparison:
        return next(c for c in self.comparisons if c.group == group and c.metric == metric)


@dataclass(frozen=True)
class GroupReport:
    """The group monitoring of one algorithm's decisions.

    ``tests`` comparisons could raise an alert; their intervals are at ``confidence``
    (1 - alpha / tests), so the report as a whole raises a false alarm with probability at
    most ``thresholds.alpha``.
    """

    decisions: int
    labelled: int
    attributes: tuple[AttributeReport, ...]
    tests: int
    confidence: float
    thresholds: Thresholds

    def attribute(self, name: str) -> AttributeReport:
        return next(a for a in self.attributes if a.attribute == name)

    def comparisons(self) -> Iterator[GroupComparison]:
        for attribute in self.attributes:
            yield from attribute.comparisons


@dataclass(frozen=True)
class _Counted:
    """One attribute reduced to counts: ``cells[group, ground truth, outcome]``."""

    attribute: str
    labels: tuple[str, ...]
    cells: np.ndarray
    unknown: int


def _codes(column: pd.Series) -> tuple[np.ndarray, tuple[str, ...]]:
    """Integer codes per decision (-1 for unknown) and the labels, sorted as text."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    if len(uniques) == 0:  # nobody has a known value: no groups, every decision unknown
        return np.full(len(column), -1, dtype=np.int64), ()
    labels = np.array([str(u) for u in uniques], dtype=object)
    if len(set(labels)) < len(labels):  # e.g. 1 and "1": one group, once written as text
        return _codes(column.map(str, na_action="ignore"))
    order = np.argsort(labels, kind="stable")
    remap = np.empty(len(order), dtype=np.int64)
    remap[order] = np.arange(len(order))
    codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
    return codes, tuple(labels[order])


def _count(
    attribute: str, column: pd.Series, favourable: np.ndarray, truth: np.ndarray
) -> _Counted:
    codes, labels = _codes(column)
    known = codes >= 0
    key = codes[known] * 6 + truth[known] * 2 + favourable[known]
    cells = np.bincount(key, minlength=6 * len(labels)).reshape(len(labels), 3, 2)
    return _Counted(attribute, labels, cells, int((~known).sum()))


def _weighted_rows(counted: _Counted, labelled_only: bool) -> dict[str, np.ndarray]:
    """The counts as a tiny weighted data set for fairlearn: one row per non-empty cell."""
    truths = (_ADVERSE, _FAVOURABLE) if labelled_only else (_ADVERSE, _FAVOURABLE, _UNKNOWN)
    sub = counted.cells[:, truths, :]
    g, t, o = np.nonzero(sub)
    return {
        # Unknown ground truth is never read by the favourable rate; 0 keeps the array binary.
        "y_true": np.where(np.asarray(truths)[t] == _FAVOURABLE, 1, 0),
        "y_pred": o,
        "sensitive_features": np.asarray(counted.labels, dtype=object)[g],
        "sample_weight": sub[g, t, o].astype(float),
    }


def _fairlearn_rates(counted: _Counted, metrics: list[Metric]) -> dict[Metric, np.ndarray]:
    """Each metric per group by fairlearn's MetricFrame on the weighted counts: one frame
    over all decisions, one over those with a ground truth. NaN where a group has nobody in
    the metric's denominator (fairlearn would report 0 there)."""
    out: dict[Metric, np.ndarray] = {}
    for labelled_only in (False, True):
        wanted = [m for m in metrics if (m in _GROUND_TRUTH_METRICS) == labelled_only]
        rows = _weighted_rows(counted, labelled_only)
        if not wanted or not len(rows["y_pred"]):
            out.update({m: np.full(len(counted.labels), np.nan) for m in wanted})
            continue
        frame = MetricFrame(
            metrics={m.value: _FAIRLEARN_METRICS[m] for m in wanted},
            y_true=rows["y_true"],
            y_pred=rows["y_pred"],
            sensitive_features=pd.Series(rows["sensitive_features"], name=counted.attribute),
            sample_params={m.value: {"sample_weight": rows["sample_weight"]} for m in wanted},
        )
        for m in wanted:
            rates = frame.by_group[m.value].reindex(list(counted.labels)).to_numpy(float)
            out[m] = np.where(_counts(counted, m)[1] > 0, rates, np.nan)
    return out


def _counts(counted: _Counted, metric: Metric) -> tuple[np.ndarray, np.ndarray]:
    """(successes, totals) per group for ``metric``."""
    c = counted.cells
    if metric is Metric.favourable_rate:
        return c[:, :, 1].sum(axis=1), c.sum(axis=(1, 2))
    if metric is Metric.false_adverse_rate:
        return c[:, _FAVOURABLE, 0], c[:, _FAVOURABLE, :].sum(axis=1)
    if metric is Metric.false_favourable_rate:
        return c[:, _ADVERSE, 1], c[:, _ADVERSE, :].sum(axis=1)
    if metric is Metric.adverse_hit_rate:
        return c[:, _ADVERSE, 0], c[:, _ADVERSE, 0] + c[:, _FAVOURABLE, 0]
    raise ValueError(f"not a group-monitoring metric: {metric}")


def _tables(counted: _Counted, metrics: list[Metric]) -> list[RateTable]:
    rates = _fairlearn_rates(counted, metrics)
    return [
        RateTable(counted.attribute, m, counted.labels, *_counts(counted, m), rates[m])
        for m in metrics
    ]


def _spread(values: np.ndarray) -> tuple[float | None, float | None]:
    """(smallest / largest, largest - smallest): fairlearn's between-groups ratio and
    difference."""
    if len(values) < 2 or np.isnan(values).any():
        return None, None
    low, high = float(values.min()), float(values.max())
    return (low / high if high > 0 else None), high - low


def _summary(tables: list[RateTable], thresholds: Thresholds) -> dict[str, float | None]:
    """The parity summaries fairlearn's ``demographic_parity_ratio``/``_difference``,
    ``equal_opportunity_difference`` and ``equalized_odds_difference`` compute, over the
    groups large enough to judge: taken from the MetricFrame rates already computed, which
    spares a frame per figure (the tests check they agree with those functions)."""
    by_metric = {t.metric: t for t in tables}
    out: dict[str, float | None] = {}
    favourable = by_metric[Metric.favourable_rate]
    big = favourable.totals >= thresholds.min_group_size
    ratio, difference = _spread(favourable.rates[big])
    out["demographic_parity_ratio"], out["demographic_parity_difference"] = ratio, difference
    out["equal_opportunity_difference"] = out["equalized_odds_difference"] = None
    if Metric.false_adverse_rate in by_metric:
        missed, wrong = (
            by_metric[Metric.false_adverse_rate],
            by_metric[Metric.false_favourable_rate],
        )
        both = (missed.totals >= thresholds.min_group_size) & (
            wrong.totals >= thresholds.min_group_size
        )
        _, opportunity = _spread(missed.rates[both])
        _, odds = _spread(wrong.rates[both])
        out["equal_opportunity_difference"] = opportunity
        if opportunity is not None and odds is not None:
            out["equalized_odds_difference"] = max(opportunity, odds)
    return out


def _checked(
    favourable: Any, groups: Any, deserved: Any | None
) -> tuple[np.ndarray, pd.DataFrame, np.ndarray | None]:
    problems: list[Problem] = []
    fav = as_boolean(favourable, "favourable", problems)
    frame = as_frame(groups, "groups", problems)
    truth = None if deserved is None else as_tristate(deserved, "deserved", problems)
    if len(frame.columns):
        check_length(len(frame), len(fav), "groups", problems)
    if truth is not None:
        check_length(len(truth), len(fav), "deserved", problems)
    refuse_if_any(problems)
    return fav, frame, truth


def _ground_truth_metrics(favourable: np.ndarray, truth_codes: np.ndarray) -> list[Metric]:
    """The ground-truth metrics the data can carry. The hit rate needs checked adverse
    decisions. Error rates also need checked favourable ones: when only the selected are
    checked, nothing is known of those not selected, and error rates would only mislead."""
    checked = truth_codes != _UNKNOWN
    checked_adverse = bool((checked & ~favourable).any())
    checked_favourable = bool((checked & favourable).any())
    out = []
    if checked_adverse and checked_favourable:
        out += [Metric.false_adverse_rate, Metric.false_favourable_rate]
    if checked_adverse:
        out.append(Metric.adverse_hit_rate)
    return out


def group_report(
    favourable: Any,
    groups: pd.DataFrame | pd.Series | Mapping[str, Any],
    deserved: Any | None = None,
    thresholds: Thresholds | None = None,
) -> GroupReport:
    """Compare the groups of every attribute in ``groups`` on the decisions' outcomes (and,
    given ``deserved``, their errors). See the module's docstring for the input contract.
    Raises ``FairnessInputError`` listing every problem with the input."""
    thresholds = thresholds or Thresholds()
    fav, frame, truth = _checked(favourable, groups, deserved)
    truth_codes = np.full(len(fav), _UNKNOWN, dtype=np.int64)
    if truth is not None:
        known = ~np.isnan(truth)
        truth_codes[known] = truth[known].astype(np.int64)
    labelled = int((truth_codes != _UNKNOWN).sum())
    metrics = [Metric.favourable_rate, *_ground_truth_metrics(fav, truth_codes)]
    fav_codes = fav.astype(np.int64)
    counted = [_count(str(n), frame[n], fav_codes, truth_codes) for n in frame.columns]
    per_attribute = [_tables(c, metrics) for c in counted]
    comparisons, tests, confidence = compare_all(
        [t for tables in per_attribute for t in tables], thresholds
    )
    attributes = [
        AttributeReport(
            attribute=c.attribute,
            groups=c.labels,
            unknown=c.unknown,
            small_groups=tuple(
                label
                for label, size in zip(c.labels, c.cells.sum(axis=(1, 2)), strict=True)
                if size < thresholds.min_group_size
            ),
            comparisons=tuple(x for x in comparisons if x.attribute == c.attribute),
            summary=_summary(tables, thresholds),
        )
        for c, tables in zip(counted, per_attribute, strict=True)
    ]
    return GroupReport(
        decisions=len(fav),
        labelled=labelled,
        attributes=tuple(attributes),
        tests=tests,
        confidence=confidence,
        thresholds=thresholds,
    )


__all__ = ["AttributeReport", "GroupReport", "group_report"]
