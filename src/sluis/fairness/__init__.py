"""Fairness monitoring: do an algorithm's outcomes, errors or human reviews differ between
groups of people?

Fair processing (GDPR art. 5(1)(a)) rules out processing that disadvantages people
unjustifiably, and Dutch practice has shown how algorithms do that (nationality in the
childcare-benefit risk model; students with a migration background over-selected in
student-finance fraud checks). The pure core here takes plain pandas and numpy data, so a
service can feed it from the decision records:

- ``groups``: outcome and error rates per group of a declared attribute, each group
  against the rest, with intervals and fairlearn's parity summaries;
- ``clusters``: hierarchical bias-aware clustering, to find a group treated worse that
  nobody named in advance, tested on held-out data;
- ``reviewers``: whether human reviewers override to one group's disadvantage;
- ``alerts``: which of these findings are clear and large enough to act on, with the
  reasons and articles, in Dutch and English.

Shared: ``thresholds`` (minimum group size, four-fifths rule, false-alarm rate),
``comparison`` (a group against the rest), ``intervals`` (Wilson, Newcombe, Katz) and
``inputs`` (every input problem named by field and rule). No I/O.
"""

import importlib
from typing import TYPE_CHECKING, Any

# Heavy libraries (fairlearn, scikit-learn, scipy) load only when a name is used, so that
# importing a light module of this package (e.g. ``inputs``) does not pull them in.
_EXPORTS = {
    "Alert": "alerts",
    "AlertKind": "alerts",
    "AttributeReport": "groups",
    "ClusterReport": "clusters",
    "ClusterSettings": "clusters",
    "FairnessInputError": "inputs",
    "GroupComparison": "comparison",
    "GroupReport": "groups",
    "LegalContext": "alerts",
    "Metric": "comparison",
    "Problem": "inputs",
    "ProtectedGround": "alerts",
    "ReviewerFairnessReport": "reviewers",
    "Severity": "alerts",
    "Thresholds": "thresholds",
    "cluster_alerts": "alerts",
    "find_biased_cluster": "clusters",
    "group_alerts": "alerts",
    "group_report": "groups",
    "reviewer_alerts": "alerts",
    "reviewer_fairness": "reviewers",
}


__all__ = [
    "Alert",
    "AlertKind",
    "AttributeReport",
    "ClusterReport",
    "ClusterSettings",
    "FairnessInputError",
    "GroupComparison",
    "GroupReport",
    "LegalContext",
    "Metric",
    "Problem",
    "ProtectedGround",
    "ReviewerFairnessReport",
    "Severity",
    "Thresholds",
    "cluster_alerts",
    "find_biased_cluster",
    "group_alerts",
    "group_report",
    "reviewer_alerts",
    "reviewer_fairness",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:
    from sluis.fairness.alerts import (
        Alert,
        AlertKind,
        LegalContext,
        ProtectedGround,
        Severity,
        cluster_alerts,
        group_alerts,
        reviewer_alerts,
    )
    from sluis.fairness.clusters import ClusterReport, ClusterSettings, find_biased_cluster
    from sluis.fairness.comparison import GroupComparison, Metric
    from sluis.fairness.groups import AttributeReport, GroupReport, group_report
    from sluis.fairness.inputs import FairnessInputError, Problem
    from sluis.fairness.reviewers import ReviewerFairnessReport, reviewer_fairness
    from sluis.fairness.thresholds import Thresholds
