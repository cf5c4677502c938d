"""Meaningfulness metrics on constructed histories whose right answers are known."""

from __future__ import annotations

import json
import random
from datetime import timedelta

import pytest

from review_histories import T0, control, fact, reviewer_history
from sluis.review.facts import CaseKind, OpenedItem, ReviewAction
from sluis.review.metrics import (
    Dimension,
    MetricsConfig,
    Scope,
    measure,
    metrics_by,
    metrics_table,
)
from sluis.review.statistics import TIME_BUCKETS, Proportion, percentile, wilson_interval

A = ReviewAction


def test_a_reviewer_who_agrees_199_of_200_times_agrees_99_5_percent() -> None:
    m = measure(reviewer_history("anna", decisions=200, overrides=1, seconds=8))
    assert (m.acts, m.decisions, m.cases, m.reviewers) == (200, 200, 200, 1)
    assert m.agreement == Proportion(199, 200)
    assert m.agreement.rate == pytest.approx(0.995)
    low, high = m.agreement.interval or (0, 0)
    assert low < 0.995 < high <= 1
    assert m.overrides.total == 1 and m.overrides.to_favourable == 1
    assert m.time.median == 8


def test_agreement_and_overrides_add_up_and_have_directions() -> None:
    facts = [
        fact(action=A.override, model="refused", final="granted"),  # to favourable
        fact(action=A.override, model="granted", final="refused"),  # to unfavourable
        fact(action=A.override, model="refused", final="deferred"),  # favourability unknown
        fact(action=A.override, model="deferred", final="granted"),  # from unknown
        fact(action=A.confirm, model="granted"),
        fact(action=A.confirm, model="refused"),
    ]
    m = measure(facts)
    assert m.agreement == Proportion(2, 6)
    assert (m.overrides.to_favourable, m.overrides.to_unfavourable, m.overrides.other) == (1, 1, 2)
    assert m.agreement.count + m.overrides.total == m.agreement.total


def test_agreement_follows_the_outcome_not_the_button() -> None:
    same = fact(action=A.override, model="refused", final="refused")
    assert measure([same]).agreement == Proportion(1, 1)


def test_four_eyes_acts_are_not_agreement_with_the_model_but_endorsement() -> None:
    first = fact(action=A.confirm, reviewer="anna", case="c1")
    second = fact(action=A.agree, reviewer="bram", case="c1")
    third = fact(action=A.override, reviewer="anna", case="c2")
    fourth = fact(action=A.disagree, reviewer="bram", case="c2", final=None)
    m = measure([first, second, third, fourth])
    assert m.agreement == Proportion(1, 2)  # only anna's own judgements of the model
    assert m.four_eyes_endorsement == Proportion(1, 2)
    assert m.decisions == 3  # confirm, override, agree; a disagreement settles nothing
    assert m.cases == 2 and m.reviewers == 2


def test_control_cases_are_scored_apart_and_left_out_of_agreement() -> None:
    facts = [
        control("anna", caught=True),
        control("anna", caught=True),
        control("anna", caught=True),
        control("anna", caught=False),
        # a planted case whose proposal was right: keeping it is not a catch
        fact(kind=CaseKind.control, model="granted", expected="granted"),
        fact(kind=CaseKind.control, model="granted", expected="granted", action=A.override),
        fact(kind=CaseKind.control, expected="granted", action=A.request_information),
        *reviewer_history("anna", decisions=10, overrides=0),
    ]
    m = measure(facts)
    c = m.control
    assert (c.acts, c.caught, c.missed, c.kept_right, c.changed_right, c.undecided) == (
        7,
        3,
        1,
        1,
        1,
        1,
    )
    assert c.catch_rate == Proportion(3, 4)
    assert c.catch_rate.rate == 0.75
    assert m.agreement == Proportion(10, 10)  # the planted proposals do not dilute it
    assert m.decisions == 16  # control decisions are still decisions (timed, opened)
    assert m.acts_by_kind[CaseKind.control] == 7 and m.acts_by_kind[CaseKind.initial] == 10


def test_contest_reviews_count_towards_agreement() -> None:
    facts = [fact(kind=CaseKind.contest, action=A.override), fact(kind=CaseKind.contest)]
    m = measure(facts)
    assert m.agreement == Proportion(1, 2)
    assert m.acts_by_kind[CaseKind.contest] == 2


def test_first_views_show_blind_agreement_and_switches_to_the_model() -> None:
    facts = [
        fact(first_view="refused"),  # agreed blind, kept it
        fact(first_view="granted"),  # disagreed blind, then followed the model
        fact(first_view="granted"),  # the same
        fact(first_view="granted", action=A.override),  # disagreed blind and stood firm
        fact(),  # no first view recorded: not in these rates
        fact(first_view="granted", kind=CaseKind.control, expected="granted"),
    ]
    m = measure(facts)
    assert m.blind_agreement == Proportion(1, 4)
    assert m.switched_to_model == Proportion(2, 3)
    assert m.agreement == Proportion(4, 5)


def test_acts_without_a_proposed_outcome_are_counted_as_unknown() -> None:
    m = measure([fact(model=None, final="granted"), fact()])
    assert m.agreement == Proportion(1, 1)
    assert m.agreement_unknown == 1


def test_time_statistics_use_linear_interpolation_over_decisions() -> None:
    facts = [fact(seconds=float(s)) for s in range(1, 11)]
    facts.append(fact(action=A.request_information, seconds=1000))  # not a decision
    t = measure(facts).time
    assert t.count == 10
    assert t.median == pytest.approx(5.5)
    assert t.p10 == pytest.approx(1.9)
    assert t.p90 == pytest.approx(9.1)
    assert t.mean == pytest.approx(5.5)
    assert t.histogram == (9, 1, 0, 0, 0, 0, 0, 0)  # 1..9 under 10 s, 10 in [10, 20)


def test_histogram_buckets_are_fixed_with_inclusive_lower_edges() -> None:
    seconds = [0, 9.99, 10, 20, 29, 30, 59, 60, 119, 120, 299, 300, 599, 600, 10_000]
    t = measure([fact(seconds=s) for s in seconds]).time
    assert len(t.histogram) == len(TIME_BUCKETS)
    assert t.histogram == (2, 1, 2, 2, 2, 2, 2, 2)


def test_fast_decisions_are_strictly_under_the_configured_seconds() -> None:
    facts = [fact(seconds=s) for s in (3, 9.9, 10, 25, 60)]
    assert measure(facts).fast == Proportion(2, 5)
    assert measure(facts, MetricsConfig(fast_seconds=30)).fast == Proportion(4, 5)
    assert measure(facts, MetricsConfig(fast_seconds=30)).fast_seconds == 30
    with pytest.raises(ValueError, match="fast_seconds"):
        MetricsConfig(fast_seconds=0)


def test_opened_items_are_shares_of_decisions() -> None:
    facts = [
        fact(opened=frozenset({OpenedItem.inputs, OpenedItem.explanation})),
        fact(opened=frozenset({OpenedItem.inputs})),
        fact(opened=frozenset()),
        fact(opened=frozenset()),
        fact(action=A.escalate, opened=frozenset({OpenedItem.history})),  # not a decision
    ]
    m = measure(facts)
    assert m.opened[OpenedItem.inputs] == Proportion(2, 4)
    assert m.opened[OpenedItem.explanation] == Proportion(1, 4)
    assert m.opened[OpenedItem.history] == Proportion(0, 4)
    assert set(m.opened) == set(OpenedItem)


def test_requests_for_information_and_escalations_are_shares_of_acts() -> None:
    facts = [
        fact(action=A.request_information),
        fact(action=A.request_information),
        fact(action=A.escalate),
        fact(),
        fact(action=A.override),
    ]
    m = measure(facts)
    assert m.information_requests == Proportion(2, 5)
    assert m.escalations == Proportion(1, 5)
    assert m.decisions == 2


def test_grouped_by_reviewer_month_and_group_sorted_with_missing_values_last() -> None:
    facts = [
        *reviewer_history("bram", decisions=3, overrides=1, group="b"),
        *reviewer_history("anna", decisions=2, overrides=0, group="a"),
        fact(reviewer="anna", at=T0 + timedelta(days=40), group=None),
    ]
    by_reviewer = metrics_by(facts, Dimension.reviewer)
    assert [m.scope.value(Dimension.reviewer) for m in by_reviewer] == ["anna", "bram"]
    assert [m.agreement for m in by_reviewer] == [Proportion(3, 3), Proportion(2, 3)]
    by_month = metrics_by(facts, Dimension.month)
    assert [(m.scope.value(Dimension.month), m.acts) for m in by_month] == [
        ("2025-03", 5),
        ("2025-04", 1),
    ]
    by_group = metrics_by(facts, Dimension.group)
    assert [(m.scope.value(Dimension.group), m.acts) for m in by_group] == [
        ("a", 2),
        ("b", 3),
        (None, 1),
    ]


def test_algorithm_is_profile_and_decision_and_dimensions_combine() -> None:
    facts = [
        fact(profile="p", decision="d1", reviewer="anna"),
        fact(profile="p", decision="d2", reviewer="anna"),
        fact(profile="p", decision="d2", reviewer="bram"),
    ]
    combined = metrics_by(facts, Dimension.algorithm, Dimension.reviewer)
    assert [m.scope.key() for m in combined] == [
        "algorithm=p:d1/reviewer=anna",
        "algorithm=p:d2/reviewer=anna",
        "algorithm=p:d2/reviewer=bram",
    ]


def test_metrics_table_prefixes_scopes_with_where_they_belong() -> None:
    facts = reviewer_history("anna", decisions=2, overrides=1)
    within = Scope(((Dimension.algorithm, "p:d"),))
    table = metrics_table(facts, [Dimension.reviewer], within=within)
    assert table.overall.scope == within
    assert [m.scope.key() for m in table.groups[Dimension.reviewer]] == [
        "algorithm=p:d/reviewer=anna"
    ]
    assert len(table.all()) == 2


def test_same_facts_in_any_order_give_the_same_metrics() -> None:
    facts = [
        *reviewer_history("anna", decisions=20, overrides=3, seconds=[float(i) for i in range(20)]),
        *reviewer_history("bram", decisions=7, overrides=7, group="x"),
        control("anna", caught=False),
    ]
    shuffled = facts[:]
    random.Random(7).shuffle(shuffled)
    assert metrics_by(facts, Dimension.reviewer) == metrics_by(shuffled, Dimension.reviewer)
    assert measure(facts).to_dict() == measure(shuffled).to_dict()


def test_no_facts_give_empty_metrics_without_rates() -> None:
    (m,) = metrics_by([])
    assert m.scope.is_overall and m.acts == 0
    assert m.agreement.rate is None and m.agreement.interval is None
    assert m.time.median is None and m.time.mean is None
    assert m.control.catch_rate.rate is None
    assert metrics_by([], Dimension.reviewer) == []


def test_metrics_serialise_to_json() -> None:
    facts = [*reviewer_history("anna", decisions=3, overrides=1), control("anna", caught=True)]
    data = json.loads(json.dumps(measure(facts).to_dict()))
    assert data["agreement"]["count"] == 2 and data["agreement"]["total"] == 3
    assert data["control"]["catch_rate"]["rate"] == 1.0
    assert data["time"]["histogram"][-1] == {"from": 600, "to": None, "count": 0}
    assert set(data["opened"]) == {item.value for item in OpenedItem}


@pytest.mark.parametrize(
    ("successes", "total", "low", "high"),
    [(0, 10, 0.0, 0.2775), (5, 10, 0.2366, 0.7634), (10, 10, 0.7225, 1.0)],
)
def test_wilson_interval_matches_published_values(
    successes: int, total: int, low: float, high: float
) -> None:
    interval = wilson_interval(successes, total)
    assert interval is not None
    assert interval[0] == pytest.approx(low, abs=1e-4)
    assert interval[1] == pytest.approx(high, abs=1e-4)


def test_wilson_interval_refuses_impossible_counts() -> None:
    assert wilson_interval(0, 0) is None
    with pytest.raises(ValueError):
        wilson_interval(3, 2)


def test_percentile_of_one_value_is_that_value() -> None:
    assert percentile([4.0], 0.1) == 4.0 and percentile([], 0.5) is None
