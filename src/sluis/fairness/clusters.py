"""Unsupervised bias detection: find a cluster of people treated markedly worse, without
naming the groups in advance.

This follows the method of hierarchical bias-aware clustering (HBAC) as the NGO Algorithm
Audit describes it, written here from that description (their package pins an older numpy
than ours):

1. Split the decisions at random into a part to search on and a held-out part to test on.
2. Start with everybody in one cluster. Repeatedly take the cluster with the highest bias
   (the rest's mean outcome minus the cluster's: the higher, the worse the cluster is
   treated) and split it in two with k-means; keep the split only if both halves have at
   least the minimum cluster size, otherwise leave that cluster whole. Stop at
   ``max_clusters`` or when nothing can be split.
3. Take the cluster with the highest bias on the search part. Splitting goes on inside a
   group treated alike, so that cluster can be a chance slice of a larger one; widen it,
   split by split back up the tree, to the union with its sibling as long as the two do
   not differ clearly in outcome (Welch's test at ``alpha`` on the search part). Otherwise
   the description would name whatever cut the slice off (a region, say) as if it mattered.
4. Route the held-out decisions into the clusters by the same splits and test there whether
   that cluster's mean outcome differs from the rest's (Welch's two-sided t-test). Testing
   on data the search never saw keeps the false-alarm rate at ``alpha``: on the search part
   the worst cluster always looks bad, because it was chosen for that.
5. Describe the cluster by how its features differ from the rest's, again on the held-out
   part, each difference tested and Bonferroni-corrected over all differences tested.

Input contract: ``features``, a DataFrame with one row per decision and the columns to
cluster on (the model's inputs, and declared group attributes if you want them to show up
in the description); number columns are standardised, all others (text, categories, bools)
are one-hot encoded (0/1 indicators), so that two people with different categories lie as
far apart as two people drawn at random lie on a standardised number (a squared distance
of 2), and neither kind of feature drowns out the other. Missing numbers
are set to the column's mean, missing categories become a category of their own.
``outcome``: one finite number per decision, higher meaning better for the person: the
favourable flag as 0/1, or e.g. minus an error.

Clustering runs on a random sample of at most ``sample_size`` decisions (20,000 by
default): enough to find clusters of a few percent and to test them, and a few seconds of
work whatever the number of decisions.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

from sluis.fairness.comparison import Direction, disparity_ratios
from sluis.fairness.inputs import (
    RANGE,
    Problem,
    as_frame,
    as_numbers,
    check_length,
    refuse_if_any,
)
from sluis.fairness.thresholds import Thresholds

# Indicator weight: see "one-hot encoded" in the module's docstring.
_CATEGORY_WEIGHT = 1.0


@dataclass(frozen=True)
class ClusterSettings:
    """How the search runs. ``min_cluster_share`` sets the minimum cluster size as a share of
    the search part (never below ``Thresholds.min_group_size`` held-out people expected)."""

    sample_size: int = 20_000
    test_share: float = 0.3
    min_cluster_share: float = 0.05
    max_clusters: int = 20
    seed: int = 0

    def __post_init__(self) -> None:
        problems = []
        if self.sample_size < 100:
            problems.append(Problem("sample_size", RANGE, "must be at least 100"))
        if not 0.1 <= self.test_share <= 0.9:
            problems.append(Problem("test_share", RANGE, "must be between 0.1 and 0.9"))
        if not 0 < self.min_cluster_share <= 0.5:
            problems.append(Problem("min_cluster_share", RANGE, "must be above 0, at most 0.5"))
        if self.max_clusters < 2:
            problems.append(Problem("max_clusters", RANGE, "must be at least 2"))
        refuse_if_any(problems)


@dataclass(frozen=True)
class ClusterSummary:
    """One final cluster: its size and mean outcome on the search part and held-out part.
    ``bias`` is the rest's mean outcome minus the cluster's on the search part."""

    cluster: int
    search_size: int
    search_mean: float
    bias: float
    test_size: int
    test_mean: float | None


@dataclass(frozen=True)
class FeatureDifference:
    """How the cluster differs from the rest in one feature (held-out part): the mean of a
    number, or the share of people with one category (``value``)."""

    feature: str
    value: str | None
    cluster: float
    rest: float
    difference: float
    p_value: float
    significant: bool


@dataclass(frozen=True)
class ClusterReport:
    """The search and its test. ``clusters`` are the final clusters; ``most_deviating`` is
    the one with the highest bias, and ``members`` the clusters it was widened to (step 3):
    the cluster that is tested and described. ``significant``: its held-out mean outcome
    differs from the rest's at level ``alpha``, and it and the rest count at least
    ``min_group_size`` held-out people (both from ``thresholds``); ``worse``: significant
    and lower than the rest's. ``disparity_ratio`` (four-fifths, see ``comparison``) is
    given when the outcome is a 0/1 flag."""

    decisions: int
    sampled: int
    search_size: int
    test_size: int
    min_cluster_size: int
    clusters: tuple[ClusterSummary, ...]
    most_deviating: int
    members: tuple[int, ...]
    cluster_size: int
    cluster_mean: float | None
    rest_mean: float | None
    difference: float | None
    t_statistic: float | None
    p_value: float | None
    disparity_ratio: float | None
    significant: bool
    worse: bool
    features: tuple[FeatureDifference, ...]
    thresholds: Thresholds

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Encoder:
    """Features as a dense matrix: standardised numbers, scaled one-hot categories; fitted
    on the search part only."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.numbers = [
            c
            for c in frame.columns
            if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
        ]
        self.categories = [c for c in frame.columns if c not in self.numbers]
        numbers = frame[self.numbers].astype(float)
        self.means = numbers.mean().fillna(0.0)
        self.scales = numbers.std(ddof=0).replace(0, 1).fillna(1.0)
        self.levels = {c: sorted(set(self.text(frame[c]))) for c in self.categories}

    @staticmethod
    def text(column: pd.Series) -> pd.Series:
        return column.astype(object).where(column.notna(), "(missing)").astype(str)

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        numbers = ((frame[self.numbers].astype(float) - self.means) / self.scales).fillna(0.0)
        blocks = [numbers.to_numpy()]
        for column in self.categories:
            text = self.text(frame[column]).to_numpy()
            levels = np.asarray(self.levels[column], dtype=object)
            blocks.append((text[:, None] == levels[None, :]) * _CATEGORY_WEIGHT)
        return np.hstack(blocks).astype(float)


def _biases(labels: np.ndarray, outcome: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(size, bias) of clusters 0..k-1: bias is the rest's mean minus the cluster's."""
    sizes = np.bincount(labels, minlength=k)
    sums = np.bincount(labels, weights=outcome, minlength=k)
    total, count = outcome.sum(), len(outcome)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = sums / sizes
        rest = (total - sums) / (count - sizes)
    return sizes, np.where(sizes > 0, rest - means, -np.inf)


def _search(
    x: np.ndarray, outcome: np.ndarray, min_size: int, settings: ClusterSettings
) -> tuple[np.ndarray, list[tuple[int, KMeans, int]]]:
    """The splitting loop: cluster labels of the search part and the splits made, in
    order, as (parent, model, new cluster)."""
    labels = np.zeros(len(x), dtype=np.int64)
    splits: list[tuple[int, KMeans, int]] = []
    whole: set[int] = set()
    clusters = 1
    while clusters < settings.max_clusters:
        sizes, bias = _biases(labels, outcome, clusters)
        open_ = [c for c in range(clusters) if c not in whole and sizes[c] >= 2 * min_size]
        if not open_:
            break
        target = max(open_, key=lambda c: (bias[c], -c))
        rows = np.flatnonzero(labels == target)
        model = KMeans(n_clusters=2, n_init=3, random_state=settings.seed + len(splits))
        with warnings.catch_warnings():
            # Identical rows can leave k-means one cluster: then the size check refuses it.
            warnings.simplefilter("ignore")
            halves = model.fit_predict(x[rows])
        if np.bincount(halves, minlength=2).min() < min_size:
            whole.add(target)
            continue
        labels[rows[halves == 1]] = clusters
        splits.append((target, model, clusters))
        clusters += 1
    return labels, splits


def _route(x: np.ndarray, splits: list[tuple[int, KMeans, int]]) -> np.ndarray:
    """Held-out rows sent down the same splits, in the order they were made."""
    labels = np.zeros(len(x), dtype=np.int64)
    for parent, model, child in splits:
        rows = np.flatnonzero(labels == parent)
        if len(rows):
            labels[rows[model.predict(x[rows]) == 1]] = child
    return labels


def _under(node: int, after: int, splits: list[tuple[int, KMeans, int]]) -> frozenset[int]:
    """The final clusters descending from ``node`` as it was just after split ``after``."""
    out = {node}
    for parent, _, child in splits[after + 1 :]:
        if parent in out:
            out.add(child)
    return frozenset(out)


def _widen(
    worst: int,
    labels: np.ndarray,
    outcome: np.ndarray,
    splits: list[tuple[int, KMeans, int]],
    alpha: float,
) -> frozenset[int]:
    """The worst cluster joined with its siblings, up the tree, while they are treated alike
    (step 3 of the module's docstring). Returns the final clusters it is made of."""
    members = frozenset({worst})
    for k in reversed(range(len(splits))):
        parent, _, child = splits[k]
        kept, split_off = _under(parent, k, splits), _under(child, k, splits)
        if members not in (kept, split_off):
            continue  # a split elsewhere in the tree, or inside the members
        sibling = split_off if members == kept else kept
        _, p = _welch(
            outcome[np.isin(labels, list(members))], outcome[np.isin(labels, list(sibling))]
        )
        if p is not None and p < alpha:
            break
        members = kept | split_off
    return members


def _welch(a: np.ndarray, b: np.ndarray) -> tuple[float | None, float | None]:
    """(t, two-sided p) of Welch's test; (None, None) without two values on each side.
    When neither side varies the means either agree (p = 1) or differ beyond doubt (p = 0)."""
    if len(a) < 2 or len(b) < 2:
        return None, None
    m1, m2 = float(a.mean()), float(b.mean())
    w1, w2 = float(a.var(ddof=1)) / len(a), float(b.var(ddof=1)) / len(b)
    se2 = w1 + w2
    if se2 == 0:
        return (0.0, 1.0) if m1 == m2 else (math.copysign(math.inf, m1 - m2), 0.0)
    t = (m1 - m2) / math.sqrt(se2)
    df = se2**2 / (w1**2 / (len(a) - 1) + w2**2 / (len(b) - 1))
    return t, float(2 * stats.t.sf(abs(t), df))


def _describe(
    frame: pd.DataFrame, encoder: _Encoder, in_cluster: np.ndarray, alpha: float
) -> tuple[FeatureDifference, ...]:
    rows: list[tuple[str, str | None, float, float, float]] = []
    for column in encoder.numbers:
        values = frame[column].astype(float).to_numpy()
        a, b = values[in_cluster], values[~in_cluster]
        a, b = a[~np.isnan(a)], b[~np.isnan(b)]
        _, p = _welch(a, b)
        if p is not None:
            rows.append((column, None, float(a.mean()), float(b.mean()), p))
    for column in encoder.categories:
        text = encoder.text(frame[column]).to_numpy()
        for level in sorted(set(text)):
            hit = (text == level).astype(float)
            _, p = _welch(hit[in_cluster], hit[~in_cluster])
            if p is not None:
                cluster, rest = float(hit[in_cluster].mean()), float(hit[~in_cluster].mean())
                rows.append((column, level, cluster, rest, p))
    tests = max(len(rows), 1)
    out = [FeatureDifference(f, v, c, r, c - r, p, p < alpha / tests) for f, v, c, r, p in rows]
    return tuple(sorted(out, key=lambda d: (d.p_value, -abs(d.difference))))


def _checked(features: Any, outcome: Any) -> tuple[pd.DataFrame, np.ndarray]:
    problems: list[Problem] = []
    frame = as_frame(features, "features", problems)
    values = as_numbers(outcome, "outcome", problems)
    if len(frame.columns):
        check_length(len(frame), len(values), "features", problems)
    if len(values) < 100:
        problems.append(Problem("outcome", RANGE, "needs at least 100 decisions"))
    refuse_if_any(problems)
    return frame, values


@dataclass(frozen=True)
class _Test:
    """The held-out test of the cluster against the rest."""

    size: int
    cluster_mean: float | None
    rest_mean: float | None
    difference: float | None
    t: float | None
    p: float | None
    disparity_ratio: float | None
    significant: bool


def _held_out_test(outcome: np.ndarray, in_cluster: np.ndarray, thresholds: Thresholds) -> _Test:
    a, b = outcome[in_cluster], outcome[~in_cluster]
    t, p = _welch(a, b)
    cluster_mean = float(a.mean()) if len(a) else None
    rest_mean = float(b.mean()) if len(b) else None
    difference = None
    disparity = None
    if cluster_mean is not None and rest_mean is not None:
        difference = cluster_mean - rest_mean
        if np.isin(outcome, (0.0, 1.0)).all():  # a favourable flag: four-fifths applies
            ratio = disparity_ratios(
                np.array([cluster_mean]), np.array([rest_mean]), Direction.lower_is_worse
            )[0]
            disparity = float(ratio) if np.isfinite(ratio) else None
    big_enough = min(len(a), len(b)) >= thresholds.min_group_size
    significant = p is not None and p < thresholds.alpha and big_enough
    return _Test(len(a), cluster_mean, rest_mean, difference, t, p, disparity, significant)


def _parts(count: int, settings: ClusterSettings) -> tuple[np.ndarray, np.ndarray]:
    """(search rows, held-out rows): a random sample of at most ``sample_size``, split."""
    chosen = np.random.default_rng(settings.seed).permutation(count)[: settings.sample_size]
    test_count = round(len(chosen) * settings.test_share)
    return np.sort(chosen[test_count:]), np.sort(chosen[:test_count])


def _min_cluster_size(search_size: int, thresholds: Thresholds, settings: ClusterSettings) -> int:
    """The share of the search part, but never so small that the held-out part of a
    cluster would be expected below the minimum group size."""
    share = settings.test_share
    return max(
        math.ceil(settings.min_cluster_share * search_size),
        math.ceil(thresholds.min_group_size * (1 - share) / share),
    )


def find_biased_cluster(
    features: Any,
    outcome: Any,
    thresholds: Thresholds | None = None,
    settings: ClusterSettings | None = None,
) -> ClusterReport:
    """Search for the cluster treated worst and test it on held-out data; see the module's
    docstring for the method and the input contract. Raises ``FairnessInputError``."""
    thresholds = thresholds or Thresholds()
    settings = settings or ClusterSettings()
    frame, values = _checked(features, outcome)
    search_rows, test_rows = _parts(len(values), settings)
    search, test = frame.iloc[search_rows], frame.iloc[test_rows]
    y_search, y_test = values[search_rows], values[test_rows]
    encoder = _Encoder(search)
    min_size = _min_cluster_size(len(search_rows), thresholds, settings)
    # One thread: the matrices are small, and OpenMP threads waiting on a busy machine cost
    # more than they save.
    with threadpool_limits(limits=1):
        labels, splits = _search(encoder.transform(search), y_search, min_size, settings)
        test_labels = _route(encoder.transform(test), splits)
    k = len(splits) + 1
    sizes, bias = _biases(labels, y_search, k)
    worst = int(np.argmax(bias))
    members = _widen(worst, labels, y_search, splits, thresholds.alpha)
    in_cluster = np.isin(test_labels, sorted(members))
    tested = _held_out_test(y_test, in_cluster, thresholds)
    test_sizes = np.bincount(test_labels, minlength=k)
    summaries = tuple(
        ClusterSummary(
            cluster=c,
            search_size=int(sizes[c]),
            search_mean=float(y_search[labels == c].mean()),
            bias=float(bias[c]),
            test_size=int(test_sizes[c]),
            test_mean=float(y_test[test_labels == c].mean()) if test_sizes[c] else None,
        )
        for c in range(k)
    )
    return ClusterReport(
        decisions=len(values),
        sampled=len(search_rows) + len(test_rows),
        search_size=len(search_rows),
        test_size=len(test_rows),
        min_cluster_size=min_size,
        clusters=summaries,
        most_deviating=worst,
        members=tuple(sorted(members)),
        cluster_size=tested.size,
        cluster_mean=tested.cluster_mean,
        rest_mean=tested.rest_mean,
        difference=tested.difference,
        t_statistic=tested.t,
        p_value=tested.p,
        disparity_ratio=tested.disparity_ratio,
        significant=tested.significant,
        worse=tested.significant and tested.difference is not None and tested.difference < 0,
        features=_describe(test, encoder, in_cluster, thresholds.alpha),
        thresholds=thresholds,
    )


__all__ = [
    "ClusterReport",
    "ClusterSettings",
    "ClusterSummary",
    "FeatureDifference",
    "find_biased_cluster",
]
