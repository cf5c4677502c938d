"""Group monitoring finds the disparities planted in synthetic decisions, and nothing where
nothing was planted."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    demographic_parity_ratio,
    equal_opportunity_difference,
    equalized_odds_difference,
    false_negative_rate,
    selection_rate,
)

from sluis.fairness import FairnessInputError, Metric, Thresholds, group_alerts, group_report

SHARES = {"A": 0.5, "B": 0.3, "C": 0.15, "D": 0.05}


def outcomes_by_group(
    seed: int, n: int, rates: dict[str, float]
) -> tuple[np.ndarray, pd.DataFrame]:
    """Favourable outcomes drawn at a rate per origin group; sex has no effect."""
    rng = np.random.default_rng(seed)
    origin = rng.choice(list(SHARES), size=n, p=list(SHARES.values()))
    sex = rng.choice(["female", "male"], size=n)
    favourable = rng.random(n) < pd.Series(origin).map(rates).to_numpy(float)
    return favourable, pd.DataFrame({"origin": origin, "sex": sex})


def worse(report) -> set[tuple[str, str, Metric]]:
    return {(c.attribute, c.group, c.metric) for c in report.comparisons() if c.worse}


def test_a_group_with_fewer_favourable_outcomes_is_found_and_no_other() -> None:
    favourable, groups = outcomes_by_group(7, 20_000, {"A": 0.6, "B": 0.6, "C": 0.42, "D": 0.6})

    report = group_report(favourable, groups)

    assert worse(report) == {("origin", "C", Metric.favourable_rate)}
    c = report.attribute("origin").comparison("C", Metric.favourable_rate)
    assert c.rate == pytest.approx(0.42, abs=0.02)
    assert c.difference_high < 0 < c.confidence < 1
    assert c.disparity_ratio < 0.8
    assert report.attribute("origin").summary["demographic_parity_ratio"] == pytest.approx(
        0.42 / 0.6, abs=0.05
    )
    assert report.attribute("sex").summary["demographic_parity_ratio"] > 0.95


def test_planted_error_rates_show_as_equal_opportunity_gaps(decisions: Callable) -> None:
    favourable, groups, deserved = decisions(3, 20_000, SHARES, false_adverse={"B": 0.25, "*": 0.1})

    report = group_report(favourable, groups, deserved=deserved)

    found = worse(report)
    assert ("origin", "B", Metric.false_adverse_rate) in found
    assert not {f for f in found if f[2] is Metric.false_favourable_rate}
    assert not {f for f in found if f[0] == "sex"}
    b = report.attribute("origin").comparison("B", Metric.false_adverse_rate)
    assert b.rate == pytest.approx(0.25, abs=0.02)
    assert report.attribute("origin").summary["equal_opportunity_difference"] == pytest.approx(
        0.15, abs=0.03
    )
    assert report.labelled == 20_000


def test_a_risk_selection_selecting_one_group_twice_as_often_crosses_four_fifths() -> None:
    """Selected for a check is the adverse outcome: 96% and 98% not selected look alike, but
    4% against 2% selected is a ratio of 0.5."""
    rng = np.random.default_rng(11)
    n = 60_000
    nationality = rng.choice(["NL", "other"], size=n, p=[0.8, 0.2])
    selected = rng.random(n) < np.where(nationality == "other", 0.04, 0.02)
    # The check finds something in 40% of selections, but only 20% for the group selected
    # more: it is selected on weaker grounds. Only the selected are checked.
    found = rng.random(n) < np.where(nationality == "other", 0.2, 0.4)
    deserved = pd.array(np.where(selected, ~found, pd.NA), dtype="boolean")

    report = group_report(~selected, pd.DataFrame({"nationality": nationality}), deserved)

    metrics = {c.metric for c in report.comparisons()}
    assert metrics == {Metric.favourable_rate, Metric.adverse_hit_rate}  # no error rates
    other = report.attribute("nationality")
    outcome = other.comparison("other", Metric.favourable_rate)
    assert outcome.worse and outcome.disparity_ratio == pytest.approx(0.5, abs=0.08)
    assert outcome.ratio > 0.95  # the favourable outcomes' own ratio hides it
    hits = other.comparison("other", Metric.adverse_hit_rate)
    assert hits.worse and hits.rate == pytest.approx(0.2, abs=0.04)
    assert not other.comparison("NL", Metric.favourable_rate).worse


def test_small_groups_are_shown_but_never_judged() -> None:
    rng = np.random.default_rng(5)
    origin = np.array(["A"] * 2_000 + ["tiny"] * 30)
    favourable = np.concatenate([rng.random(2_000) < 0.7, np.zeros(30, dtype=bool)])

    report = group_report(favourable, {"origin": origin}, thresholds=Thresholds(min_group_size=50))

    tiny = report.attribute("origin").comparison("tiny", Metric.favourable_rate)
    assert tiny.rate == 0.0 and tiny.n == 30
    assert not tiny.eligible and not tiny.worse and tiny.difference_low is None
    assert report.attribute("origin").small_groups == ("tiny",)
    assert report.tests == 0
    assert report.attribute("origin").summary["demographic_parity_ratio"] is None
    assert group_alerts(report) == []


def test_unknown_attribute_values_are_left_out_and_counted() -> None:
    favourable = np.array([True, False, True, True, False, True])
    origin = pd.Series(["A", None, "B", np.nan, "A", "B"])

    report = group_report(favourable, {"origin": origin}, thresholds=Thresholds(min_group_size=1))

    attribute = report.attribute("origin")
    assert attribute.unknown == 2
    assert attribute.groups == ("A", "B")
    assert sum(c.n for c in attribute.comparisons if c.metric is Metric.favourable_rate) == 4


def test_an_attribute_nobody_has_a_value_for_is_reported_empty_not_refused() -> None:
    favourable = np.array([True, False, True])
    origin = pd.Series([None, np.nan, None], dtype=object)

    report = group_report(favourable, {"origin": origin}, thresholds=Thresholds(min_group_size=1))

    attribute = report.attribute("origin")
    assert attribute.unknown == 3
    assert attribute.groups == ()
    assert attribute.comparisons == ()
    assert group_alerts(report) == []


def test_rates_and_summaries_agree_with_fairlearn_on_the_raw_decisions(
    decisions: Callable,
) -> None:
    favourable, groups, deserved = decisions(21, 6_000, SHARES, false_adverse={"C": 0.2, "*": 0.1})
    report = group_report(favourable, groups, deserved=deserved)
    origin = groups["origin"]

    raw = MetricFrame(
        metrics={"selection": selection_rate, "fnr": false_negative_rate},
        y_true=deserved,
        y_pred=favourable,
        sensitive_features=origin,
    ).by_group
    attribute = report.attribute("origin")
    for group in attribute.groups:
        ours = attribute.comparison(group, Metric.favourable_rate).rate
        assert ours == pytest.approx(raw.loc[group, "selection"])
        ours = attribute.comparison(group, Metric.false_adverse_rate).rate
        assert ours == pytest.approx(raw.loc[group, "fnr"])
    # The summaries cover the groups large enough to judge (in every denominator): here
    # all four.
    assert attribute.small_groups == ()
    kwargs = {"y_true": deserved, "y_pred": favourable, "sensitive_features": origin}
    summary = attribute.summary
    assert summary["demographic_parity_ratio"] == pytest.approx(demographic_parity_ratio(**kwargs))
    assert summary["demographic_parity_difference"] == pytest.approx(
        demographic_parity_difference(**kwargs)
    )
    assert summary["equal_opportunity_difference"] == pytest.approx(
        equal_opportunity_difference(**kwargs)
    )
    assert summary["equalized_odds_difference"] == pytest.approx(
        equalized_odds_difference(**kwargs)
    )


def test_without_disparities_at_most_a_few_of_50_reports_raise_an_alert(
    decisions: Callable,
) -> None:
    """The false-alarm rate per report is alpha (5%) at most: over 50 reports on data where
    nothing was planted, about 2.5 alerts at worst, and Bonferroni is conservative."""
    alarmed = 0
    for seed in range(50):
        favourable, groups, deserved = decisions(1_000 + seed, 4_000, SHARES)
        alarmed += bool(group_alerts(group_report(favourable, groups, deserved=deserved)))
    assert alarmed <= 4


def test_every_input_problem_is_named_at_once() -> None:
    with pytest.raises(FairnessInputError) as refused:
        group_report(
            favourable=[True, "maybe", None],
            groups={"origin": ["A", "B"]},
            deserved=[True, 2, None],
        )
    fields = {(p.field, p.rule) for p in refused.value.problems}
    assert fields == {
        ("favourable", "boolean"),
        ("groups", "length"),
        ("deserved", "boolean_or_missing"),
    }
    assert "maybe" not in str(refused.value)


def test_groups_need_named_unique_columns() -> None:
    frame = pd.DataFrame([[1, 2]], columns=["origin", "origin"])
    with pytest.raises(FairnessInputError, match="unique"):
        group_report([True], frame)
    with pytest.raises(FairnessInputError, match="at least one column"):
        group_report([True], pd.DataFrame(index=[0]))


@pytest.mark.parametrize(
    ("field", "value"),
    [("min_group_size", 0), ("ratio", 1.5), ("alpha", 0.0), ("min_difference", -0.1)],
)
def test_thresholds_out_of_range_are_refused_by_name(field: str, value: float) -> None:
    with pytest.raises(FairnessInputError) as refused:
        Thresholds(**{field: value})
    assert [p.field for p in refused.value.problems] == [field]
