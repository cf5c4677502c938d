"""Reviewer fairness: reviewers who turn one group's favourable proposals adverse more often
show up; reviewers who treat groups alike do not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from sluis.fairness import Metric, Thresholds, reviewer_alerts, reviewer_fairness
from sluis.fairness.alerts import AlertKind
from sluis.law.citations import AP_HUMAN_INTERVENTION, gdpr
from sluis.review.facts import CaseKind, ReviewAction, ReviewFact

GRANTED, REFUSED = "granted", "refused"


def act(
    i: int,
    reviewer: str,
    group: str | None,
    model_favourable: bool,
    final_favourable: bool,
    kind: CaseKind = CaseKind.initial,
) -> ReviewFact:
    model = GRANTED if model_favourable else REFUSED
    final = GRANTED if final_favourable else REFUSED
    return ReviewFact(
        case_id=f"case-{i}",
        decision_uuid=f"decision-{i}",
        profile_id="allowance",
        decision_id="grant",
        reviewer_id=reviewer,
        decided_at=datetime(2026, 3, 1, tzinfo=UTC),
        action=ReviewAction.confirm if model == final else ReviewAction.override,
        model_outcome=model,
        final_outcome=final,
        model_favourable=model_favourable,
        final_favourable=final_favourable,
        seconds_spent=120.0,
        opened=frozenset(),
        group=group,
        kind=kind,
    )


def reviews(seed: int, n: int, biased_reviewer: str | None = None) -> list[ReviewFact]:
    """Three reviewers, two groups; each reviewer turns 5% of favourable proposals adverse
    and 10% of adverse ones favourable, except that ``biased_reviewer`` turns 25% of group
    B's favourable proposals adverse."""
    rng = np.random.default_rng(seed)
    facts = []
    for i in range(n):
        reviewer = f"r{rng.integers(3)}"
        group = "B" if rng.random() < 0.3 else "A"
        model_favourable = bool(rng.random() < 0.6)
        if model_favourable:
            rate = 0.25 if (reviewer == biased_reviewer and group == "B") else 0.05
            final = bool(rng.random() >= rate)
        else:
            final = bool(rng.random() < 0.1)
        facts.append(act(i, reviewer, group, model_favourable, final))
    return facts


def test_a_reviewer_adding_bias_against_a_group_is_found() -> None:
    report = reviewer_fairness(reviews(1, 6_000, biased_reviewer="r1"), by_reviewer=True)

    flagged = {(c.attribute, c.group, c.metric) for c in report.comparisons if c.worse}
    assert flagged == {
        ("group", "B", Metric.adverse_override_rate),
        ("reviewer:r1", "B", Metric.adverse_override_rate),
    }
    own = report.comparison("B", Metric.adverse_override_rate, "reviewer:r1")
    assert own.rate == pytest.approx(0.25, abs=0.05)
    alerts = reviewer_alerts(report)
    assert {a.attribute for a in alerts} == {"group", "reviewer:r1"}
    assert all(a.kind is AlertKind.reviewer_disparity for a in alerts)
    assert all({gdpr("22(3)"), AP_HUMAN_INTERVENTION} <= set(a.articles) for a in alerts)


def test_reviewers_treating_groups_alike_raise_nothing() -> None:
    report = reviewer_fairness(reviews(2, 6_000), by_reviewer=True)
    assert not [c for c in report.comparisons if c.worse]
    assert reviewer_alerts(report) == []
    assert report.tests > 0


def test_control_and_ungrouped_acts_are_left_out_and_contests_by_default() -> None:
    facts = [
        act(1, "r0", "A", True, False),
        act(2, "r0", "A", True, True),
        act(3, "r0", None, True, False),
        act(4, "r0", "B", True, False, kind=CaseKind.control),
        act(5, "r0", "B", True, False, kind=CaseKind.contest),
    ]
    report = reviewer_fairness(facts, Thresholds(min_group_size=1))
    assert report.groups == ("A",)
    assert report.acts == 3 and report.ungrouped == 1
    a = report.comparison("A", Metric.adverse_override_rate)
    assert (a.successes, a.n) == (1, 2)

    with_contests = reviewer_fairness(
        facts, Thresholds(min_group_size=1), kinds=(CaseKind.initial, CaseKind.contest)
    )
    assert with_contests.groups == ("A", "B")


def test_override_and_four_eyes_rates_are_reported_but_not_alerted() -> None:
    # Group A: half its favourable proposals made adverse; group B: none.
    first = [act(i, "r0", "A" if i % 2 else "B", True, i % 4 != 1) for i in range(400)]
    # Second reviewers agree with the first on every A case and on none of the B cases.
    second = [
        replace(f, action=ReviewAction.agree if f.group == "A" else ReviewAction.disagree)
        for f in first
    ]
    report = reviewer_fairness(first + second)

    override = report.comparison("A", Metric.override_rate)
    assert override.rate == 0.5 and report.comparison("B", Metric.override_rate).rate == 0.0
    assert override.n == 200  # the agreements decide nothing new and are not counted
    agreement = report.comparison("B", Metric.four_eyes_agreement_rate)
    assert agreement.rate == 0.0 and not agreement.worse
    assert {a.metric for a in reviewer_alerts(report)} == {Metric.adverse_override_rate}
