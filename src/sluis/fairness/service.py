"""Use-cases of fairness monitoring: run it for one algorithm from the decision records,
store the result as a snapshot, read snapshots back.

``monitor`` first deletes the monitoring data past their retention (``records``), then
reads the decisions, labels and ground truth (``loading``, no decryption), runs the
analyses per decision (``analysis``), reviewer fairness from the review acts and the
review desk's meaningfulness alerts, and stores everything as one ``fairness_snapshots``
row. The dashboard and the report read the newest snapshot instead of recomputing: on a
million decisions a run takes seconds, a page load must not.

``algorithm`` is a profile id, or ``profile:decision`` for one of its decisions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.fairness.loading import load
from sluis.fairness.records import MonitoringRefused, Problem, monitoring_of, purge_expired
from sluis.law.assess import assess
from sluis.profiles.service import get_profile, list_profiles
from sluis.review.report import Period
from sluis.review.report_service import algorithm_metrics
from sluis.review.reporting import review_facts
from sluis.review.thresholds import ThresholdsInvalid
from sluis.store.tables.base import utcnow
from sluis.store.tables.fairness import FairnessSnapshotRow

if TYPE_CHECKING:
    from sluis.fairness.clusters import ClusterSettings

Sessions = sessionmaker[Session]


@dataclass(frozen=True)
class Snapshot:
    """One stored run of the monitoring; ``result`` is the whole document (JSON)."""

    id: int | None
    profile_id: str
    profile_version: int
    computed_at: datetime
    decisions: int
    monitored: int
    labelled: int
    alerts_high: int
    alerts_medium: int
    review_alerts: int
    result: dict[str, Any]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "snapshot": self.id,
            "computed_at": self.computed_at.isoformat(),
            "alerts_high": self.alerts_high,
            "alerts_medium": self.alerts_medium,
            "review_alerts": self.review_alerts,
            **self.result,
        }


def parse_algorithm(algorithm: str) -> tuple[str, str | None]:
    profile_id, _, decision_id = algorithm.partition(":")
    return profile_id, decision_id or None


def _review_alerts(sessions: Sessions, profile_id: str, decisions: list[str]) -> list[dict]:
    """The review desk's meaningfulness alerts (rubber-stamping), for the dashboard."""
    from sluis.fairness.analysis import plain

    try:
        found = algorithm_metrics(sessions, profile_id, Period())
    except ThresholdsInvalid:
        return []
    out = []
    for alert in found.evaluation.alerts:
        document = alert.to_dict()
        decision = (document["scope"].get("algorithm") or "").partition(":")[2]
        if decision in decisions:
            out.append(plain({**document, "decision_id": decision}))
    return out


def monitor(
    sessions: Sessions,
    algorithm: str,
    *,
    now: datetime | None = None,
    cluster_settings: ClusterSettings | None = None,
    store: bool = True,
) -> Snapshot:
    """Run the monitoring of ``algorithm`` and (with ``store``) keep it as a snapshot.
    Raises :class:`~sluis.fairness.records.MonitoringRefused` (404 unknown algorithm or
    decision, 422 no monitoring declared)."""
    # The analysis needs fairlearn, scikit-learn and scipy: they load when monitoring runs,
    # not when the web app starts.
    from sluis.fairness.analysis import (
        RESULT_FORMAT,
        analyse_decision,
        analyse_reviews,
        basis_articles,
        legal_context,
        months,
        plain,
        severity_counts,
        thresholds_of,
    )
    from sluis.fairness.clusters import ClusterSettings

    now = now or utcnow()
    profile_id, only = parse_algorithm(algorithm)
    monitoring, version = monitoring_of(sessions, profile_id)
    profile = get_profile(sessions, profile_id, version).profile
    declared = [d.id for d in profile.decisions]
    if only is not None and only not in declared:
        problem = Problem("algorithm", "unknown_decision", "the profile has no such decision")
        raise MonitoringRefused([problem], 404)
    purged = purge_expired(sessions, profile_id, now=now)
    data = load(sessions, profile_id, [a.name for a in monitoring.attributes])
    # Every decision with records; a profile without any shows its declared decisions.
    decision_ids = [only] if only else (data.decision_ids() or declared)
    art22 = {d.decision_id: d.applies for d in assess(profile, version=version).art22.decisions}
    settings = cluster_settings or ClusterSettings()
    sections, alerts = [], []
    for decision_id in decision_ids:
        context = legal_context(profile, art22.get(decision_id))
        section, found = analyse_decision(data, decision_id, monitoring, context, settings)
        described = next((d for d in profile.decisions if d.id == decision_id), None)
        section["description"] = described.description if described else None
        sections.append(section)
        alerts += found
    # The core keeps to initial reviews (contests and control cases mean other things).
    facts = [f for f in review_facts(sessions, profile_id) if f.decision_id in decision_ids]
    reviews, found = analyse_reviews(facts, data, monitoring, legal_context(profile, None))
    alerts += found
    review_alerts = _review_alerts(sessions, profile_id, decision_ids)
    counts = data.counts[data.counts["decision_id"].isin(decision_ids)]
    rows = data.rows[data.rows["decision_id"].isin(decision_ids)]
    result = plain(
        {
            "format": RESULT_FORMAT,
            "algorithm": algorithm,
            "profile_id": profile_id,
            "profile_name": profile.name,
            "profile_version": version,
            "basis": {
                "legal_basis": monitoring.legal_basis.model_dump(mode="json"),
                "art9_exception": monitoring.art9_exception.value
                if monitoring.art9_exception
                else None,
                "retention_months": monitoring.retention_months,
                "attributes": [a.model_dump(mode="json") for a in monitoring.attributes],
                "articles": [c.label("en") for c in basis_articles(monitoring)],
                "articles_nl": [c.label("nl") for c in basis_articles(monitoring)],
            },
            "thresholds": asdict(thresholds_of(monitoring)),
            "purged": {"attributes": purged.attributes, "ground_truth": purged.ground_truth},
            "totals": {
                "decisions": int(counts["n"].sum()),
                "monitored": len(rows),
                "judged": int(rows["favourable"].notna().sum()),
                "labelled": data.labelled,
            },
            "months": months(counts),
            "decisions": sections,
            "reviewers": reviews,
            "alerts": sorted(alerts, key=lambda a: (a["severity"] != "high", a["id"])),
            "review_alerts": review_alerts,
        }
    )
    high, medium = severity_counts(result["alerts"])
    snapshot = Snapshot(
        id=None,
        profile_id=profile_id,
        profile_version=version,
        computed_at=now,
        decisions=result["totals"]["decisions"],
        monitored=result["totals"]["monitored"],
        labelled=result["totals"]["labelled"],
        alerts_high=high,
        alerts_medium=medium,
        review_alerts=len(review_alerts),
        result=result,
    )
    return _store(sessions, snapshot) if store else snapshot


def _store(sessions: Sessions, snapshot: Snapshot) -> Snapshot:
    with sessions.begin() as session:
        row = FairnessSnapshotRow(
            algorithm=snapshot.result["algorithm"],
            profile_id=snapshot.profile_id,
            profile_version=snapshot.profile_version,
            computed_at=snapshot.computed_at,
            decisions=snapshot.decisions,
            monitored=snapshot.monitored,
            labelled=snapshot.labelled,
            alerts_high=snapshot.alerts_high,
            alerts_medium=snapshot.alerts_medium,
            review_alerts=snapshot.review_alerts,
            result=snapshot.result,
        )
        session.add(row)
        session.flush()
        return _snapshot(row)


def _snapshot(row: FairnessSnapshotRow) -> Snapshot:
    return Snapshot(
        id=row.id,
        profile_id=row.profile_id,
        profile_version=row.profile_version,
        computed_at=row.computed_at,
        decisions=row.decisions,
        monitored=row.monitored,
        labelled=row.labelled,
        alerts_high=row.alerts_high,
        alerts_medium=row.alerts_medium,
        review_alerts=row.review_alerts,
        result=dict(row.result),
    )


def latest_snapshot(sessions: Sessions, algorithm: str) -> Snapshot | None:
    """The newest stored run for exactly ``algorithm`` (a profile, or one decision)."""
    with sessions.begin() as session:
        row = session.scalars(
            select(FairnessSnapshotRow)
            .where(FairnessSnapshotRow.algorithm == algorithm)
            .order_by(FairnessSnapshotRow.computed_at.desc(), FairnessSnapshotRow.id.desc())
            .limit(1)
        ).first()
        return None if row is None else _snapshot(row)


def monitored_algorithms(sessions: Sessions) -> list[str]:
    """The profile ids whose newest version declares monitoring."""
    out = []
    for summary in list_profiles(sessions):
        if get_profile(sessions, summary.profile_id).profile.monitoring is not None:
            out.append(summary.profile_id)
    return out


__all__ = [
    "MonitoringRefused",
    "Snapshot",
    "latest_snapshot",
    "monitor",
    "monitored_algorithms",
    "parse_algorithm",
]
