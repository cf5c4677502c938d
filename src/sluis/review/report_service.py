"""Use-cases behind ``sluis review report`` and ``sluis review metrics`` (and the web
dashboard): read the review facts, the profiles' declarations and each algorithm's review
policy, and hand them to the pure metrics, alerts and report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from sluis.profiles.service import ProfileNotFound, get_profile, list_profiles
from sluis.review.alerts import Evaluation, evaluate
from sluis.review.facts import ReviewFact
from sluis.review.involvement import DeclaredDecision, declared_decisions, worth_reporting
from sluis.review.metrics import Dimension, GroupMetrics, algorithm_key, metrics_by
from sluis.review.problems import ReviewRefused
from sluis.review.report import HumanInvolvementReport, Period, build_report
from sluis.review.service import review_facts
from sluis.review.staff import get_policy
from sluis.review.thresholds import AlertSettings

Sessions = sessionmaker[Session]


def involvement_report(
    sessions: Sessions, profile_id: str | None, period: Period, *, now: datetime
) -> HumanInvolvementReport:
    """The report on one algorithm (every decision of its newest profile version), or on
    every algorithm whose decisions people review or are declared to review. Raises
    :class:`ProfileNotFound` for an unknown ``profile_id``."""
    if profile_id is not None:
        stored = get_profile(sessions, profile_id)
        declared = declared_decisions(stored.profile, stored.version)
    facts = _facts(sessions, profile_id, period)
    if profile_id is None:
        reviewed = sorted({algorithm_key(f.profile_id, f.decision_id) for f in facts})
        declared = [d for d in _every_declaration(sessions) if worth_reporting(d, reviewed)]
    profiles = {d.profile_id for d in declared} | {f.profile_id for f in facts}
    return build_report(
        facts,
        declared,
        generated_at=now,
        profile_id=profile_id,
        period=period,
        settings_by_profile={p: alert_settings(sessions, p) for p in sorted(profiles)},
    )


@dataclass(frozen=True)
class AlgorithmMetrics:
    profile_id: str
    period: Period
    by: Dimension | None
    settings: AlertSettings
    metrics: tuple[GroupMetrics, ...]  # per decision, then per decision and ``by``
    evaluation: Evaluation


def algorithm_metrics(
    sessions: Sessions,
    algorithm: str,
    period: Period,
    by: Dimension | None = None,
) -> AlgorithmMetrics:
    """Metrics of one algorithm (``profile`` or ``profile:decision``) per decision, and
    per decision and ``by`` when given, with their alerts. Raises
    :class:`ProfileNotFound` for an unknown profile."""
    profile_id, _, decision_id = algorithm.partition(":")
    get_profile(sessions, profile_id)
    facts = [
        f
        for f in _facts(sessions, profile_id, period)
        if period.contains(f.decided_at) and decision_id in ("", f.decision_id)
    ]
    settings = alert_settings(sessions, profile_id)
    metrics = metrics_by(facts, Dimension.algorithm, config=settings.metrics)
    if by is not None:
        metrics += metrics_by(facts, Dimension.algorithm, by, config=settings.metrics)
    return AlgorithmMetrics(
        profile_id=profile_id,
        period=period,
        by=by,
        settings=settings,
        metrics=tuple(metrics),
        evaluation=evaluate(metrics, settings.thresholds),
    )


def alert_settings(sessions: Sessions, profile_id: str) -> AlertSettings:
    """The thresholds the algorithm's review policy sets, defaults for the rest. Raises
    :class:`~sluis.review.thresholds.ThresholdsInvalid` when a stored threshold does not fit."""
    try:
        policy = get_policy(sessions, profile_id)
    except ReviewRefused:  # no such profile (any more): its facts are judged by the defaults
        return AlertSettings()
    return AlertSettings.from_mapping(policy.thresholds)


def _facts(sessions: Sessions, profile_id: str | None, period: Period) -> list[ReviewFact]:
    since = None if period.since is None else datetime.combine(period.since, time.min, UTC)
    # The day after ``until`` as an exclusive bound; ``Period`` filters the whole days again.
    until = (
        None
        if period.until is None
        else datetime.combine(period.until + timedelta(days=1), time.min, UTC)
    )
    return list(review_facts(sessions, profile_id=profile_id, since=since, until=until))


def _every_declaration(sessions: Sessions) -> Iterable[DeclaredDecision]:
    for summary in list_profiles(sessions):
        try:
            stored = get_profile(sessions, summary.profile_id)
        except ProfileNotFound:  # removed meanwhile
            continue
        yield from declared_decisions(stored.profile, stored.version)
