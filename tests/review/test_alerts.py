"""Alerts on constructed histories: rubber-stamping is flagged, careful review is not, and
small groups are neither accused nor cleared."""

from __future__ import annotations

import pytest

from review_histories import control, fact, reviewer_history
from sluis.law.citations import SCHUFA, gdpr
from sluis.review.alerts import AlertCode, ReviewThresholds, Unit, alerts, evaluate
from sluis.review.facts import OpenedItem
from sluis.review.metrics import Dimension, measure, metrics_by
from sluis.review.thresholds import AlertSettings, ThresholdsInvalid

INPUTS_ONLY = frozenset({OpenedItem.inputs})


def codes(found: list) -> set[str]:  # type: ignore[type-arg]
    return {a.key for a in found}


def test_agreeing_199_of_200_times_in_8_seconds_raises_both_alerts() -> None:
    found = alerts([measure(reviewer_history("anna", decisions=200, overrides=1, seconds=8))])
    assert {AlertCode.agreement_high, AlertCode.median_time_low} <= {a.code for a in found}
    agreement = next(a for a in found if a.code is AlertCode.agreement_high)
    assert agreement.measured == pytest.approx(0.995)
    assert agreement.threshold == 0.98 and agreement.unit is Unit.share
    assert agreement.size == 200
    time = next(a for a in found if a.code is AlertCode.median_time_low)
    assert (time.measured, time.threshold, time.unit) == (8, 20, Unit.seconds)
    # 8 s is also under the default 10 s for a fast decision: all 200 are fast
    assert AlertCode.fast_share_high in {a.code for a in found}


def test_overriding_30_percent_with_a_90_second_median_raises_nothing() -> None:
    history = reviewer_history("bram", decisions=200, overrides=60, seconds=90)
    assert alerts([measure(history)]) == []


def test_agreement_exactly_at_the_limit_is_not_above_it() -> None:
    history = reviewer_history("anna", decisions=200, overrides=4)  # 196/200 = 98%
    assert alerts([measure(history)]) == []
    history = reviewer_history("anna", decisions=200, overrides=3)  # 98.5%
    assert codes(alerts([measure(history)])) == {"agreement_high"}


def test_agreement_over_fewer_than_200_decisions_is_too_few_to_judge() -> None:
    history = reviewer_history("anna", decisions=199, overrides=0)
    evaluation = evaluate([measure(history)])
    assert not any(a.code is AlertCode.agreement_high for a in evaluation.alerts)
    too_few = next(t for t in evaluation.too_few if t.code is AlertCode.agreement_high)
    assert (too_few.size, too_few.minimum) == (199, 200)
    assert "199" in too_few.reason.en and "200" in too_few.reason.en
    assert "Te weinig beslissingen" in too_few.reason.nl


def test_a_group_of_5_cases_is_too_few_to_judge_on_every_check() -> None:
    history = reviewer_history("anna", decisions=5, overrides=0, seconds=2, opened=frozenset())
    evaluation = evaluate([measure(history)])
    assert evaluation.alerts == ()
    assert codes(list(evaluation.too_few)) == {
        "agreement_high",
        "median_time_low",
        "fast_share_high",
        "control_catch_low",
        "opened_low.explanation",
        "opened_low.inputs",
    }
    assert all("Too few" in t.reason.en for t in evaluation.too_few)


def test_control_cases_caught_3_of_4_is_75_percent_and_judged_from_the_minimum() -> None:
    facts = [*(control("anna", caught=True) for _ in range(3)), control("anna", caught=False)]
    m = measure(facts)
    assert m.control.catch_rate.rate == 0.75
    default = evaluate([m])
    assert not any(a.code is AlertCode.control_catch_low for a in default.alerts)
    assert any(t.code is AlertCode.control_catch_low for t in default.too_few)
    strict = alerts([m], ReviewThresholds(min_control_cases=4))
    (alert,) = [a for a in strict if a.code is AlertCode.control_catch_low]
    assert alert.measured == 0.75 and alert.threshold == 0.8 and alert.size == 4
    assert "75%" in alert.reason.en and "75%" in alert.reason.nl
    lenient = alerts([m], ReviewThresholds(min_control_cases=4, min_catch_rate=0.75))
    assert not any(a.code is AlertCode.control_catch_low for a in lenient)


def test_unopened_explanations_and_data_raise_an_alert_per_item() -> None:
    history = reviewer_history("anna", decisions=40, overrides=10, opened=INPUTS_ONLY)
    found = alerts([measure(history)])
    assert codes(found) == {"opened_low.explanation"}
    (alert,) = found
    assert alert.item is OpenedItem.explanation and alert.measured == 0
    assert alert.reason.en.startswith("The explanation of the model's proposal was opened in 0%")
    none_opened = reviewer_history("bram", decisions=40, overrides=10, opened=frozenset())
    assert codes(alerts([measure(none_opened)])) == {"opened_low.explanation", "opened_low.inputs"}


def test_a_high_share_of_fast_decisions_raises_an_alert_even_with_a_slow_median() -> None:
    seconds = [5.0] * 12 + [60.0] * 28  # 30% under 10 s, median 60 s
    history = reviewer_history("anna", decisions=40, overrides=10, seconds=seconds)
    (alert,) = alerts([measure(history)])
    assert alert.code is AlertCode.fast_share_high
    assert alert.measured == pytest.approx(0.3)
    assert "10 s" in alert.reason.en and "30%" in alert.reason.en


def test_each_alert_cites_the_law_and_reads_in_both_languages() -> None:
    history = reviewer_history("anna", decisions=200, overrides=1, seconds=8, opened=frozenset())
    history += [control("anna", caught=False) for _ in range(5)]
    found = alerts([measure(history)])
    assert {a.code for a in found} == set(AlertCode)
    for alert in found:
        assert gdpr("22(1)") in alert.articles and gdpr("22(3)") in alert.articles
        assert alert.reason.nl != alert.reason.en
        assert "22" in alert.reason.nl and "22" in alert.reason.en
    agreement = next(a for a in found if a.code is AlertCode.agreement_high)
    assert SCHUFA in agreement.articles and "C-634/21" in agreement.reason.en
    assert "99,5%" in agreement.reason.nl and "99.5%" in agreement.reason.en
    time = next(a for a in found if a.code is AlertCode.median_time_low)
    assert gdpr("recital 71") in time.articles


def test_alerts_name_their_scope_and_come_in_scope_order() -> None:
    facts = [
        *reviewer_history("bram", decisions=200, overrides=0),
        *reviewer_history("anna", decisions=200, overrides=0),
        *reviewer_history("carla", decisions=200, overrides=80),
    ]
    found = alerts(metrics_by(facts, Dimension.reviewer))
    assert [a.scope.value(Dimension.reviewer) for a in found] == ["anna", "bram"]
    # overall the 600 decisions agree 520/600 = 86.7%: only the individuals stand out
    assert alerts([measure(facts)]) == []


def test_thresholds_can_be_set_and_refuse_nonsense() -> None:
    history = reviewer_history("anna", decisions=50, overrides=0, seconds=30)
    assert alerts([measure(history)]) == []
    custom = ReviewThresholds(min_decisions_for_agreement=50, min_median_seconds=45)
    assert codes(alerts([measure(history)], custom)) == {"agreement_high", "median_time_low"}
    with pytest.raises(ValueError, match="max_agreement"):
        ReviewThresholds(max_agreement=98)
    with pytest.raises(ValueError, match="min_control_cases"):
        ReviewThresholds(min_control_cases=0)
    with pytest.raises(ValueError, match=r"min_opened_share\.explanation"):
        ReviewThresholds(min_opened_share=((OpenedItem.explanation, 1.5),))


def test_an_empty_group_raises_no_alert() -> None:
    evaluation = evaluate([measure([fact(model=None)])])
    assert evaluation.alerts == ()


def test_a_review_policy_can_set_thresholds_by_name() -> None:
    settings = AlertSettings.from_mapping(
        {
            "max_agreement": 0.9,
            "min_decisions_for_agreement": 50,
            "fast_seconds": 30,
            "min_opened_share": {"submissions": 0.8},
        }
    )
    assert settings.thresholds.max_agreement == 0.9
    assert settings.thresholds.min_decisions_for_agreement == 50
    assert settings.thresholds.min_median_seconds == 20  # left at its default
    assert settings.thresholds.min_opened_share == ((OpenedItem.submissions, 0.8),)
    assert settings.metrics.fast_seconds == 30
    assert AlertSettings.from_mapping({}) == AlertSettings()


def test_unfit_policy_thresholds_are_refused_naming_every_field() -> None:
    with pytest.raises(ThresholdsInvalid) as caught:
        AlertSettings.from_mapping(
            {
                "max_agreemnt": 0.9,
                "min_control_cases": 2.5,
                "min_opened_share": {"diary": 0.5, "inputs": "half"},
                "fast_seconds": True,
            }
        )
    assert caught.value.problems == [
        "thresholds.max_agreemnt: unknown threshold",
        "thresholds.min_control_cases: must be a whole number",
        "thresholds.min_opened_share.diary: unknown opened item",
        "thresholds.min_opened_share.inputs: must be a number",
        "thresholds.fast_seconds: must be a number",
    ]
    with pytest.raises(ThresholdsInvalid, match=r"thresholds\.max_agreement must be a share"):
        AlertSettings.from_mapping({"max_agreement": 2})
