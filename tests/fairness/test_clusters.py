"""Unsupervised bias detection: a cluster treated worse is found without naming it, tested
on held-out data and described by its features; where nothing was planted, almost never."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sluis.fairness import (
    ClusterSettings,
    FairnessInputError,
    Severity,
    cluster_alerts,
    find_biased_cluster,
)

# Four kinds of applicant, each a natural cluster in the features: (share, mean age, sd,
# mean income, sd, housing).
KINDS = {
    "students": (0.2, 21, 2, 900, 200, "rent"),
    "starters": (0.2, 29, 3, 2_600, 400, "rent"),
    "families": (0.35, 42, 6, 3_800, 700, "own"),
    "retired": (0.25, 70, 5, 2_100, 400, "own"),
}


def applicants(seed: int, n: int, favourable: dict[str, float]) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    kind = rng.choice(list(KINDS), size=n, p=[k[0] for k in KINDS.values()])
    table = pd.DataFrame.from_dict(KINDS, orient="index")
    age = rng.normal(table.loc[kind, 1].to_numpy(float), table.loc[kind, 2].to_numpy(float))
    income = rng.normal(table.loc[kind, 3].to_numpy(float), table.loc[kind, 4].to_numpy(float))
    features = pd.DataFrame(
        {
            "age": age.round(),
            "income": income.round(),
            "housing": table.loc[kind, 5].to_numpy(),
            "region": rng.choice(["north", "south", "east", "west"], size=n),
        }
    )
    rate = pd.Series(kind).map(lambda k: favourable.get(k, favourable["*"])).to_numpy(float)
    return features, (rng.random(n) < rate).astype(int)


def test_a_cluster_treated_worse_is_found_tested_and_described() -> None:
    features, outcome = applicants(1, 4_000, {"starters": 0.4, "*": 0.75})

    report = find_biased_cluster(features, outcome)

    assert report.significant and report.worse
    assert report.p_value < 0.001
    assert report.cluster_mean == pytest.approx(0.4, abs=0.08)
    assert report.rest_mean == pytest.approx(0.75, abs=0.05)
    assert report.disparity_ratio < 0.8
    described = {d.feature: d for d in report.features if d.value is None and d.significant}
    assert described["age"].cluster == pytest.approx(29, abs=2.5)
    rent = next(d for d in report.features if d.feature == "housing" and d.value == "rent")
    assert rent.significant and rent.cluster > 0.9
    region = [d for d in report.features if d.feature == "region"]
    assert region and not any(d.significant for d in region)  # region played no part

    (alert,) = cluster_alerts(report)
    assert alert.severity is Severity.high
    assert "age" in alert.text.en and "leeftijd" not in alert.text.en
    assert "Zonder vooraf groepen te benoemen" in alert.text.nl


def test_the_search_and_the_test_use_disjoint_parts_of_a_sample() -> None:
    features, outcome = applicants(2, 50_000, {"*": 0.7})

    report = find_biased_cluster(features, outcome, settings=ClusterSettings(sample_size=5_000))

    assert report.decisions == 50_000 and report.sampled == 5_000
    assert report.search_size + report.test_size == 5_000
    assert report.test_size == 1_500
    assert sum(c.search_size for c in report.clusters) == report.search_size
    assert sum(c.test_size for c in report.clusters) == report.test_size
    assert min(c.search_size for c in report.clusters) >= report.min_cluster_size


def test_the_same_seed_gives_the_same_report() -> None:
    features, outcome = applicants(3, 3_000, {"students": 0.5, "*": 0.7})
    first = find_biased_cluster(features, outcome)
    again = find_biased_cluster(features, outcome)
    assert first == again


def test_without_a_planted_cluster_at_most_a_few_of_50_searches_alarm() -> None:
    alarms = 0
    for seed in range(50):
        features, outcome = applicants(100 + seed, 3_000, {"*": 0.7})
        alarms += bool(cluster_alerts(find_biased_cluster(features, outcome)))
    assert alarms <= 4


def test_bad_input_is_refused_with_every_problem() -> None:
    features = pd.DataFrame({"age": range(150)})
    outcome = [1.0] * 149 + [float("nan")]
    with pytest.raises(FairnessInputError) as refused:
        find_biased_cluster(features.iloc[:120], outcome)
    assert {(p.field, p.rule) for p in refused.value.problems} == {
        ("features", "length"),
        ("outcome", "finite_number"),
    }
    with pytest.raises(FairnessInputError, match="at least 100"):
        find_biased_cluster(features.iloc[:50], [1] * 50)


def test_settings_out_of_range_are_refused_by_name() -> None:
    with pytest.raises(FairnessInputError) as refused:
        ClusterSettings(test_share=0.95, max_clusters=1)
    assert {p.field for p in refused.value.problems} == {"test_share", "max_clusters"}
