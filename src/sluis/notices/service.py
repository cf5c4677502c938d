"""Notices on storage: read the decision, its profile, its reviews and its explanation,
and build the notice (``sluis.notices.notice``) or an algorithm's privacy notice.

The decision is read with its inputs (``reveal=True``): a notice is addressed to the
person and shows their own data. The profile version the decision was taken under gives
the data fields and the logic; the newest version gives the notice settings, so a changed
address or portal reaches every letter. The human reviews come from the audit trail
(``reviewed`` events of the review desk; they carry the action, never the outcome).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored
from sluis.gateway.records import DecisionRecord
from sluis.gateway.service import DecisionNotFound, Gateway
from sluis.notices.explaining import DecisionExplanation, explain_decision
from sluis.notices.notice import (
    PENDING_STATUSES,
    DecisionNotice,
    NoticeUnavailable,
    ReviewEvent,
    build_decision_notice,
)
from sluis.notices.privacy_notice import PrivacyNotice, build_privacy_notice
from sluis.processing_log import Operation
from sluis.processing_log.hooks import logged
from sluis.profiles.service import get_profile
from sluis.store.tables.gateway import AuditEventRow, DecisionRow

REVIEWED_EVENT = "reviewed"
DEFAULT_BUDGET_SECONDS = 2.0

__all__ = [
    "DEFAULT_BUDGET_SECONDS",
    "DecisionNotFound",
    "NoticeUnavailable",
    "decision_ids_since",
    "decision_notice",
    "notices_for",
    "privacy_notice",
    "review_events",
]


@logged(Operation.build_notice, decision="decision_uuid")
def decision_notice(
    gateway: Gateway,
    decision_uuid: str,
    lang: str,
    *,
    today: date | None = None,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
) -> DecisionNotice:
    """The notice of one decision. Raises ``DecisionNotFound``, or
    :class:`NoticeUnavailable` when the decision's data were erased or, for a decision
    taken, no procedure is bound to explain it (``no_procedure``)."""
    record = gateway.get_decision(decision_uuid, reveal=True)
    if record.erased:
        raise NoticeUnavailable(decision_uuid, "erased")
    sessions = gateway.sessions
    stored = get_profile(sessions, record.profile_id, record.profile_version)
    latest = get_profile(sessions, record.profile_id)
    explanation = _explanation(gateway, record, budget_seconds)
    return build_decision_notice(
        record,
        stored.profile,
        explanation,
        review_events(sessions, decision_uuid),
        lang,
        today=today or datetime.now(UTC).date(),
        settings=latest.profile.notice or stored.profile.notice,
    )


def _explanation(
    gateway: Gateway, record: DecisionRecord, budget_seconds: float
) -> DecisionExplanation | None:
    if record.status in PENDING_STATUSES:
        return None  # nothing decided yet: a pending notice shows no reasons
    binding = gateway.binding(record.profile_id, record.decision_id)
    if binding is None:
        raise NoticeUnavailable(record.decision_uuid, "no_procedure")
    return explain_decision(record, binding, budget_seconds=budget_seconds)


def review_events(sessions: sessionmaker[Session], decision_uuid: str) -> tuple[ReviewEvent, ...]:
    """The human reviews of a decision, oldest first."""
    with sessions.begin() as session:
        rows = session.execute(
            select(AuditEventRow.at, AuditEventRow.details)
            .where(
                AuditEventRow.decision_uuid == decision_uuid,
                # A literal, not a parameter: so PostgreSQL's generic plans can use the
                # partial index ix_audit_events_reviewed_decision too.
                AuditEventRow.event == literal_column(f"'{REVIEWED_EVENT}'"),
            )
            .order_by(AuditEventRow.seq)
        ).all()
    return tuple(
        ReviewEvent(
            at=at,
            action=_text(details.get("action")),
            stage=_text(details.get("stage")),
            round=details.get("round") if isinstance(details.get("round"), int) else None,
        )
        for at, details in rows
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def decision_ids_since(
    sessions: sessionmaker[Session],
    profile_id: str,
    since: date,
    *,
    decision_id: str | None = None,
) -> list[str]:
    """The ids of an algorithm's decisions recorded on or after ``since`` (UTC), oldest
    first. Raises ``ProfileNotFound`` for an unknown algorithm."""
    get_profile(sessions, profile_id)
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    query = select(DecisionRow.id).where(
        DecisionRow.profile_id == profile_id, DecisionRow.created_at >= start
    )
    if decision_id is not None:
        query = query.where(DecisionRow.decision_id == decision_id)
    with sessions.begin() as session:
        return list(session.scalars(query.order_by(DecisionRow.created_at, DecisionRow.id)))


def privacy_notice(
    sessions: sessionmaker[Session],
    profile_id: str,
    lang: str,
    *,
    version: int | None = None,
    today: date | None = None,
) -> PrivacyNotice:
    """The privacy notice of a registered algorithm (its newest version unless asked).
    Raises ``ProfileNotFound``."""
    stored, assessment = assess_stored(sessions, profile_id, version)
    return build_privacy_notice(
        stored.profile,
        assessment,
        lang,
        today=today or datetime.now(UTC).date(),
        version=stored.version,
    )


def notices_for(
    gateway: Gateway,
    decision_uuids: list[str],
    lang: str,
    *,
    today: date | None = None,
    budget_seconds: float = DEFAULT_BUDGET_SECONDS,
) -> Iterator[tuple[str, DecisionNotice | None, str | None]]:
    """Each decision's notice, or the reason it has none (``not_found``, ``erased``,
    ``no_procedure``): one bad id does not stop the rest."""
    for decision_uuid in decision_uuids:
        try:
            notice = decision_notice(
                gateway, decision_uuid, lang, today=today, budget_seconds=budget_seconds
            )
        except DecisionNotFound:
            yield decision_uuid, None, "not_found"
        except NoticeUnavailable as exc:
            yield decision_uuid, None, exc.reason
        else:
            yield decision_uuid, notice, None
