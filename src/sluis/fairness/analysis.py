"""One algorithm's fairness monitoring, from the data read (``loading``) to a result
document: plain JSON, aggregates only, stored as a snapshot and rendered as the report.

Per decision of the algorithm (a profile can hold several, each with its own outcomes):

- group monitoring (``groups``) on every monitored attribute: the favourable rate per
  group, and with a ground truth its error and hit rates, each group against the rest;
- unsupervised bias detection (``clusters``, HBAC) on a sample, clustering on the
  monitored attributes only: inputs are never decrypted for it, and the score is left out
  on purpose (a cluster of low scores is treated worse by construction, which says
  nothing about people), so what it can find is a combination of groups, say young women
  of one origin, that no single attribute shows.

Then reviewer fairness (``reviewers``) per monitored attribute, from the review acts; and
the alerts of all of these (``alerts``), each with its reasons in Dutch and English. The
outcome analysed is the one recorded now: the algorithm's, or the reviewer's where a
review settled it; reviewer fairness shows where reviewers changed it, group by group.

One report's false-alarm rate stays at ``alpha``: the core corrects within each analysis
(Bonferroni); the reviewer analyses share alpha between the attributes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from sluis.fairness.alerts import (
    Alert,
    LegalContext,
    ProtectedGround,
    Severity,
    cluster_alerts,
    group_alerts,
    reviewer_alerts,
)
from sluis.fairness.clusters import ClusterSettings, find_biased_cluster
from sluis.fairness.comparison import Metric
from sluis.fairness.groups import GroupReport, group_report
from sluis.fairness.inputs import FairnessInputError
from sluis.fairness.loading import MonitoringData
from sluis.fairness.reviewers import reviewer_fairness
from sluis.fairness.thresholds import Thresholds
from sluis.law.citations import Citation, ai_act, gdpr
from sluis.profiles.model import AlgorithmProfile, Monitoring
from sluis.review.facts import ReviewFact

RESULT_FORMAT = "sluis.fairness/1"
UNKNOWN = "(unknown)"


def thresholds_of(monitoring: Monitoring) -> Thresholds:
    return Thresholds(
        min_group_size=monitoring.min_group_size,
        ratio=monitoring.ratio,
        alpha=monitoring.alpha,
        min_difference=monitoring.min_difference,
    )


def plain(value: Any) -> Any:
    """``value`` as JSON: numpy scalars as Python numbers, non-finite floats as None."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def basis_articles(monitoring: Monitoring) -> list[Citation]:
    """Why the attributes may be processed at all: the basis of art. 6(1), for special
    categories art. 9(2) with the point given, and for high-risk AI the AI Act's leave to
    process them for bias detection (art. 10(5))."""
    out = [gdpr("5(1)(b)"), gdpr("5(1)(e)"), gdpr("25")]
    if monitoring.legal_basis.article6 is not None:
        out.append(gdpr("6(1)"))
    if monitoring.art9_exception is not None:
        out.append(gdpr(f"9(2)({monitoring.art9_exception.value})"))
    if any(a.special_category for a in monitoring.attributes):
        out.append(ai_act("10(5)"))
    return out


def alert_json(alert: Alert, decision_id: str | None, attribute: str | None = None) -> dict:
    """An alert as stored; ``attribute`` renames the core's generic review attribute."""
    return plain(
        {
            "id": f"{decision_id}:{alert.id}" if decision_id else alert.id,
            "decision_id": decision_id,
            "kind": alert.kind.value,
            "severity": alert.severity.value,
            "metric": alert.metric.value if alert.metric else None,
            "attribute": attribute or alert.attribute,
            "group": alert.group,
            "figures": dict(alert.figures),
            "text": {"nl": alert.text.nl, "en": alert.text.en},
            "articles": [a.label("en") for a in alert.articles],
            "articles_nl": [a.label("nl") for a in alert.articles],
        }
    )


def _attribute_json(report: GroupReport, monitoring: Monitoring) -> list[dict]:
    out = []
    for attribute in report.attributes:
        declared = monitoring.attribute(attribute.attribute)
        comparisons = [c.as_dict() for c in attribute.comparisons]
        out.append(
            {
                "attribute": attribute.attribute,
                "ground": declared.ground.value if declared else None,
                "groups": list(attribute.groups),
                "unknown": attribute.unknown,
                "small_groups": list(attribute.small_groups),
                "summary": dict(attribute.summary),
                "favourable": [c for c in comparisons if c["metric"] == Metric.favourable_rate],
                "errors": [c for c in comparisons if c["metric"] != Metric.favourable_rate],
            }
        )
    return out


def _cluster(
    judged: pd.DataFrame,
    names: Sequence[str],
    thresholds: Thresholds,
    settings: ClusterSettings,
    context: LegalContext,
    decision_id: str,
) -> tuple[dict | None, str | None, list[dict]]:
    """(cluster report, why it was skipped, its alerts)."""
    if len(judged) < 100:
        return None, "too_few_decisions", []
    features = judged[list(names)].astype(object).where(judged[list(names)].notna(), UNKNOWN)
    try:
        report = find_biased_cluster(
            features, judged["favourable"].to_numpy(float), thresholds, settings
        )
    except FairnessInputError:
        return None, "not_computable", []
    alerts = [alert_json(a, decision_id) for a in cluster_alerts(report, context)]
    return plain(report.as_dict()), None, alerts


def analyse_decision(
    data: MonitoringData,
    decision_id: str,
    monitoring: Monitoring,
    context: LegalContext,
    settings: ClusterSettings,
) -> tuple[dict, list[dict]]:
    """The section of one decision and its alerts."""
    counts = data.counts[data.counts["decision_id"] == decision_id]
    rows = data.rows[data.rows["decision_id"] == decision_id]
    judged = rows[rows["favourable"].notna()].reset_index(drop=True)
    names = [a.name for a in monitoring.attributes]
    thresholds = thresholds_of(monitoring)
    section: dict[str, Any] = {
        "decision_id": decision_id,
        "decisions": int(counts["n"].sum()),
        "monitored": len(rows),
        "judged": len(judged),
        "labelled": int(rows["deserved"].notna().sum()),
        "attributes": [],
        "cluster": None,
        "cluster_note": None,
    }
    if judged.empty:
        section["cluster_note"] = "no_judged_decisions"
        return section, []
    # An attribute nobody has a label for has no groups to compare (it is listed as such).
    section["unlabelled_attributes"] = [n for n in names if judged[n].isna().all()]
    names = [n for n in names if n not in section["unlabelled_attributes"]]
    if not names:
        section["cluster_note"] = "no_labels"
        return plain(section), []
    deserved = judged["deserved"] if judged["deserved"].notna().any() else None
    report = group_report(
        judged["favourable"].to_numpy(float) == 1.0, judged[names], deserved, thresholds
    )
    alerts = [alert_json(a, decision_id) for a in group_alerts(report, context)]
    section.update(
        attributes=_attribute_json(report, monitoring),
        tests=report.tests,
        confidence=report.confidence,
    )
    cluster, note, found = _cluster(judged, names, thresholds, settings, context, decision_id)
    section.update(cluster=cluster, cluster_note=note)
    return plain(section), alerts + found


def analyse_reviews(
    facts: Iterable[ReviewFact],
    data: MonitoringData,
    monitoring: Monitoring,
    context: LegalContext,
) -> tuple[dict, list[dict]]:
    """Reviewer fairness per monitored attribute: each act gets the group label its
    decision's subject has for that attribute. Alpha is shared between the attributes."""
    facts = list(facts)
    names = [a.name for a in monitoring.attributes]
    base = thresholds_of(monitoring)
    shared = replace(base, alpha=base.alpha / max(len(names), 1))
    section: dict[str, Any] = {"acts": len(facts), "attributes": []}
    alerts: list[dict] = []
    if not facts:
        return section, alerts
    by_decision = data.rows.set_index("decision_uuid")
    for name in names:
        labels = by_decision[name].dropna().to_dict()
        if not labels:
            continue
        regrouped = [replace(f, group=labels.get(f.decision_uuid)) for f in facts]
        report = reviewer_fairness(regrouped, shared)
        renamed = tuple(replace(c, attribute=name) for c in report.comparisons)
        report = replace(report, comparisons=renamed)
        section["attributes"].append(
            {
                "attribute": name,
                "ungrouped": report.ungrouped,
                "groups": list(report.groups),
                "comparisons": [c.as_dict() for c in report.comparisons],
            }
        )
        alerts += [alert_json(a, None, name) for a in reviewer_alerts(report, context)]
    return plain(section), alerts


def months(counts: pd.DataFrame) -> list[dict]:
    """Decisions per month, and of those whose outcome the profile judges, how many were
    favourable."""
    if counts.empty:
        return []
    frame = counts.assign(
        judged=np.where(counts["favourable"].notna(), counts["n"], 0),
        favourable_n=np.where(counts["favourable"] == 1.0, counts["n"], 0),
    )
    grouped = frame.groupby("month", sort=True)[["n", "judged", "favourable_n"]].sum()
    return [
        {
            "month": str(m),
            "decisions": int(r.n),
            "judged": int(r.judged),
            "favourable": int(r.favourable_n),
        }
        for m, r in grouped.iterrows()
    ]


def legal_context(profile: AlgorithmProfile, solely_automated: bool | None) -> LegalContext:
    monitoring = profile.monitoring
    grounds = {}
    if monitoring is not None:
        grounds = {a.name: ProtectedGround(a.ground.value) for a in monitoring.attributes}
    risk_group = profile.registration.ai_act_risk_group
    return LegalContext(
        administrative_body=profile.controller.administrative_body,
        solely_automated=solely_automated,
        high_risk_ai=None if risk_group is None else risk_group.value == "high_risk",
        grounds=grounds,
    )


def severity_counts(alerts: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
    found = [a["severity"] for a in alerts]
    return found.count(Severity.high.value), found.count(Severity.medium.value)


__all__ = [
    "RESULT_FORMAT",
    "alert_json",
    "analyse_decision",
    "analyse_reviews",
    "basis_articles",
    "legal_context",
    "months",
    "plain",
    "severity_counts",
    "thresholds_of",
]
