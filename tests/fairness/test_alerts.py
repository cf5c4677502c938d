"""Alerts: raised only for clear disparities in groups large enough, graded by the
four-fifths rule, explained in Dutch and English with the articles that apply."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sluis.fairness import (
    AlertKind,
    LegalContext,
    Metric,
    ProtectedGround,
    Severity,
    Thresholds,
    group_alerts,
    group_report,
)
from sluis.i18n import label
from sluis.i18n.catalog import message_keys
from sluis.law.citations import AP_DISCRIMINATION, ai_act, awgb, gdpr, grondwet


def two_groups(rates: dict[str, float], n: int = 40_000, seed: int = 4):
    """Decisions with exactly the given favourable rate per group (equal halves)."""
    rng = np.random.default_rng(seed)
    per_group = n // len(rates)
    labels, favourable = [], []
    for group, rate in rates.items():
        hits = round(per_group * rate)
        outcome = np.r_[np.ones(hits, bool), np.zeros(per_group - hits, bool)]
        favourable.append(rng.permutation(outcome))
        labels += [group] * per_group
    return np.concatenate(favourable), pd.DataFrame({"attribute": labels})


def test_a_gap_past_four_fifths_is_high_and_a_clear_smaller_one_medium() -> None:
    favourable, groups = two_groups({"x": 0.70, "y": 0.50, "z": 0.66})
    alerts = group_alerts(group_report(favourable, groups))
    assert [(a.group, a.severity) for a in alerts] == [("y", Severity.high)]

    favourable, groups = two_groups({"x": 0.70, "y": 0.66})
    (alert,) = group_alerts(group_report(favourable, groups))
    assert (alert.group, alert.severity) == ("y", Severity.medium)
    assert alert.figures["disparity_ratio"] > 0.8
    assert alert.kind is AlertKind.group_disparity and alert.metric is Metric.favourable_rate


def test_min_difference_silences_gaps_too_small_to_matter() -> None:
    favourable, groups = two_groups({"x": 0.70, "y": 0.66})
    report = group_report(favourable, groups, thresholds=Thresholds(min_difference=0.05))
    assert group_alerts(report) == []


def test_a_small_group_is_never_alerted_on_however_large_its_gap() -> None:
    favourable = np.r_[np.ones(5_000, bool), np.zeros(40, bool)]
    groups = {"attribute": ["big"] * 5_000 + ["small"] * 40}
    assert group_alerts(group_report(favourable, groups)) == []


@pytest.mark.parametrize(
    ("context", "expected", "absent"),
    [
        (LegalContext(), {gdpr("5(1)(a)")}, {grondwet("1"), awgb("1"), gdpr("22(3)")}),
        (
            LegalContext(
                administrative_body=True,
                solely_automated=True,
                high_risk_ai=True,
                grounds={"attribute": ProtectedGround.sex},
            ),
            {
                gdpr("5(1)(a)"),
                gdpr("22(3)"),
                gdpr("recital 71"),
                ai_act("10(2)(f)"),
                ai_act("10(2)(g)"),
                grondwet("1"),
                awgb("1"),
                awgb("2(1)"),
            },
            {AP_DISCRIMINATION},
        ),
        (
            LegalContext(grounds={"attribute": ProtectedGround.nationality}),
            {gdpr("5(1)(a)"), awgb("2(1)"), AP_DISCRIMINATION},
            {grondwet("1")},
        ),
        (
            LegalContext(administrative_body=False, grounds={"attribute": ProtectedGround.age}),
            {gdpr("5(1)(a)")},
            {grondwet("1"), awgb("1"), AP_DISCRIMINATION},
        ),
    ],
)
def test_articles_follow_the_algorithm_and_the_ground(context, expected, absent) -> None:
    favourable, groups = two_groups({"x": 0.70, "y": 0.50})
    (alert,) = group_alerts(group_report(favourable, groups), context)
    assert expected <= set(alert.articles)
    assert not absent & set(alert.articles)


def test_the_reason_gives_the_figures_in_each_language() -> None:
    favourable, groups = two_groups({"x": 0.70, "y": 0.55})
    (alert,) = group_alerts(group_report(favourable, groups))
    assert "Group 'y' (attribute): favourable outcomes 55% against 70%" in alert.text.en
    assert "difference -15 points" in alert.text.en
    assert "four-fifths ratio 0.67" in alert.text.en
    assert "Groep 'y' (attribute): gunstige uitkomsten 55% tegen 70%" in alert.text.nl
    assert "vier-vijfde-verhouding 0,67" in alert.text.nl
    assert alert.id == "fairness.group.attribute.y.favourable_rate"


def test_every_metric_and_alert_label_exists_in_both_languages() -> None:
    keys = message_keys()
    needed = [f"fairness.metric.{m.value}" for m in Metric]
    needed += [f"fairness.alert.kind.{k.value}" for k in AlertKind]
    needed += [f"fairness.alert.severity.{s.value}" for s in Severity]
    assert set(needed) <= keys
    assert label("fairness.metric.false_adverse_rate", "nl") == "ten onrechte ongunstige uitkomsten"
