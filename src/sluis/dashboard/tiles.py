"""What the dashboard shows, read with aggregate queries only, in one read transaction.

Per algorithm: its art. 22 and DPIA verdicts (from the assessment recorded with its newest
version, two values picked out of the stored JSON), its decisions per status (a covering
index on the decisions, ``ix_decisions_status_profile``: a million decisions are counted
from small index entries), its DPIA's state, its review queue per state with what is
overdue (the queue's own index), and its newest fairness snapshot (alerts precomputed by
``sluis fairness report`` or ``sluis dashboard refresh``). Then the requests of data
subjects that are due soon or overdue, the audit chain (``chain``) and the retention runs,
where that job records them. Nothing here decrypts, recomputes or reads a row per decision.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.dashboard.chain import ChainStatus, chain_status
from sluis.dashboard.retention import RetentionStatus, retention_status
from sluis.review.policy import CLOSED as CLOSED_CASES
from sluis.review.policy import CaseState
from sluis.rights.states import OPEN as OPEN_REQUESTS
from sluis.rights.timing import DUE_SOON_DAYS, Urgency, today, urgency
from sluis.store.tables import AssessmentRow, ProfileRow, ProfileVersionRow
from sluis.store.tables.base import utcnow
from sluis.store.tables.dpia import DpiaDocumentRow, DpiaVersionRow
from sluis.store.tables.fairness import FairnessSnapshotRow
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewCaseRow
from sluis.store.tables.rights import RightsRequestRow

Sessions = sessionmaker[Session]
OPEN_CASES = tuple(s.value for s in CaseState if s not in CLOSED_CASES)
#: A snapshot older than this is shown as stale, as is one taken before newer decisions.
STALE_AFTER = timedelta(days=1)
ALERTS_SHOWN = 5


@dataclass(frozen=True)
class FairnessTile:
    computed_at: datetime
    alerts_high: int
    alerts_medium: int
    review_alerts: int
    decisions: int  # when the snapshot was taken
    stale: bool
    alerts: tuple[dict[str, Any], ...]  # the first few: id, severity, kind, text
    review_alert_texts: tuple[dict[str, Any], ...]
    months: tuple[dict[str, Any], ...]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "computed_at": self.computed_at.isoformat(),
            "alerts_high": self.alerts_high,
            "alerts_medium": self.alerts_medium,
            "review_alerts": self.review_alerts,
            "decisions_at_snapshot": self.decisions,
            "stale": self.stale,
            "alerts": list(self.alerts),
            "review_alert_texts": list(self.review_alert_texts),
        }


@dataclass(frozen=True)
class AlgorithmTile:
    profile_id: str
    name: str
    version: int
    art22_verdict: str | None
    dpia_required: str | None
    dpia_state: str | None  # None: no DPIA document opened
    decisions: dict[str, int]
    review: dict[str, int]
    review_overdue: int
    review_next_due: datetime | None
    fairness: FairnessTile | None

    @property
    def total(self) -> int:
        return sum(self.decisions.values())

    @property
    def open_cases(self) -> int:
        return sum(n for state, n in self.review.items() if state in OPEN_CASES)

    @property
    def dpia_missing(self) -> bool:
        """The assessment asks for a DPIA and none was opened."""
        return self.dpia_state is None and self.dpia_required in ("required", "recommended")

    @property
    def dpia_open(self) -> bool:
        return self.dpia_state is not None and self.dpia_state != "adopted"

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "profile_id": self.profile_id,
            "name": self.name,
            "version": self.version,
            "art22_verdict": self.art22_verdict,
            "dpia_required": self.dpia_required,
            "dpia_state": self.dpia_state,
            "dpia_missing": self.dpia_missing,
            "decisions": {"total": self.total, **self.decisions},
            "review": {
                "open": self.open_cases,
                "overdue": self.review_overdue,
                "next_due": self.review_next_due.isoformat() if self.review_next_due else None,
                "by_state": dict(self.review),
            },
            "fairness": None if self.fairness is None else self.fairness.to_json_dict(),
        }


@dataclass(frozen=True)
class RightsTile:
    open: int
    due_soon: int
    overdue: int
    by_kind: dict[str, dict[str, int]]  # kind -> urgency -> count
    next_due: date | None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "open": self.open,
            "due_soon": self.due_soon,
            "overdue": self.overdue,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "by_kind": self.by_kind,
        }


@dataclass(frozen=True)
class Dashboard:
    generated_at: datetime
    algorithms: tuple[AlgorithmTile, ...]
    rights: RightsTile
    chain: ChainStatus
    retention: RetentionStatus
    months: tuple[dict[str, Any], ...] = field(default=())

    def to_json_dict(self) -> dict[str, Any]:
        tiles = self.algorithms
        return {
            "generated_at": self.generated_at.isoformat(),
            "totals": {
                "algorithms": len(tiles),
                "decisions": sum(t.total for t in tiles),
                "dpias_open": sum(t.dpia_open for t in tiles),
                "dpias_missing": sum(t.dpia_missing for t in tiles),
                "review_open": sum(t.open_cases for t in tiles),
                "review_overdue": sum(t.review_overdue for t in tiles),
                "fairness_alerts_high": sum(t.fairness.alerts_high for t in tiles if t.fairness),
                "fairness_alerts_medium": sum(
                    t.fairness.alerts_medium for t in tiles if t.fairness
                ),
                "review_alerts": sum(t.fairness.review_alerts for t in tiles if t.fairness),
                "requests_due_soon": self.rights.due_soon,
                "requests_overdue": self.rights.overdue,
            },
            "algorithms": [t.to_json_dict() for t in tiles],
            "rights": self.rights.to_json_dict(),
            "audit_chain": self.chain.to_json_dict(),
            "retention": self.retention.to_json_dict(),
            "months": list(self.months),
        }


def _verdicts(session: Session) -> dict[str, tuple[str | None, str | None]]:
    art22 = AssessmentRow.result[("art22", "verdict")].as_string()
    dpia = AssessmentRow.result[("dpia", "required")].as_string()
    rows = session.execute(
        select(ProfileVersionRow.profile_id, art22, dpia)
        .join(AssessmentRow, AssessmentRow.profile_version_id == ProfileVersionRow.id)
        .join(
            ProfileRow,
            (ProfileRow.id == ProfileVersionRow.profile_id)
            & (ProfileRow.latest_version == ProfileVersionRow.version),
        )
        .order_by(AssessmentRow.created_at, AssessmentRow.id)
    ).all()
    return {profile: (a, d) for profile, a, d in rows}  # the newest assessment wins


def _grouped(rows: list[Row[Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for key, sub, count in rows:
        out[key][sub] = int(count)
    return out


def _decisions(session: Session) -> dict[str, dict[str, int]]:
    d = DecisionRow
    # In the order of the covering index ix_decisions_status_profile: no sort needed.
    statement = select(d.profile_id, d.status, func.count()).group_by(d.status, d.profile_id)
    return _grouped(session.execute(statement).all())


def _dpia_states(session: Session) -> dict[str, str]:
    rows = session.execute(
        select(DpiaDocumentRow.profile_id, DpiaVersionRow.state).join(
            DpiaVersionRow,
            (DpiaVersionRow.document_id == DpiaDocumentRow.id)
            & (DpiaVersionRow.version == DpiaDocumentRow.current_version),
        )
    ).all()
    return {profile: state for profile, state in rows}


def _review(
    session: Session, now: datetime
) -> tuple[dict[str, dict[str, int]], dict[str, tuple[int, datetime | None]]]:
    c = ReviewCaseRow
    states = session.execute(
        select(c.profile_id, c.state, func.count()).group_by(c.profile_id, c.state)
    ).all()
    late = session.execute(
        select(c.profile_id, func.count())
        .where(c.state.in_(OPEN_CASES), c.due_at < now)
        .group_by(c.profile_id)
    ).all()
    upcoming = session.execute(
        select(c.profile_id, func.min(c.due_at))
        .where(c.state.in_(OPEN_CASES))
        .group_by(c.profile_id)
    ).all()
    overdue = {p: int(n) for p, n in late}
    due = {p: d for p, d in upcoming}
    timing = {p: (overdue.get(p, 0), due.get(p)) for p in set(overdue) | set(due)}
    return _grouped(states), timing


def _rights(session: Session, on: date) -> RightsTile:
    r = RightsRequestRow
    rows = session.execute(
        select(r.kind, r.due_on, func.count())
        .where(r.state.in_([s.value for s in OPEN_REQUESTS]))
        .group_by(r.kind, r.due_on)
    ).all()
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[Urgency, int] = defaultdict(int)
    for kind, due, count in rows:
        level = urgency(due, on, closed=False, soon_days=DUE_SOON_DAYS)
        by_kind[kind][level.value] += int(count)
        totals[level] += int(count)
    return RightsTile(
        open=sum(totals.values()),
        due_soon=totals[Urgency.due_soon],
        overdue=totals[Urgency.overdue],
        by_kind={k: dict(v) for k, v in sorted(by_kind.items())},
        next_due=min((due for _, due, _ in rows), default=None),
    )


def _fairness(
    session: Session, profiles: list[str], totals: dict[str, int], now: datetime
) -> dict[str, FairnessTile]:
    s = FairnessSnapshotRow
    newest = select(func.max(s.id)).where(s.algorithm.in_(profiles)).group_by(s.algorithm)
    out = {}
    for row in session.scalars(select(s).where(s.id.in_(newest))):
        result = row.result
        stale = now - row.computed_at > STALE_AFTER or totals.get(row.profile_id, 0) != (
            row.decisions
        )
        out[row.profile_id] = FairnessTile(
            computed_at=row.computed_at,
            alerts_high=row.alerts_high,
            alerts_medium=row.alerts_medium,
            review_alerts=row.review_alerts,
            decisions=row.decisions,
            stale=stale,
            alerts=tuple(
                {k: a[k] for k in ("id", "severity", "kind", "attribute", "group", "text")}
                for a in result.get("alerts", [])[:ALERTS_SHOWN]
            ),
            review_alert_texts=tuple(
                {"key": a["key"], "code": a["code"], "reason": a["reason"]}
                for a in result.get("review_alerts", [])[:ALERTS_SHOWN]
            ),
            months=tuple(result.get("months", [])),
        )
    return out


def _months(tiles: list[AlgorithmTile], last: int = 12) -> tuple[dict[str, Any], ...]:
    """Decisions per month over every algorithm with a snapshot, the last ``last``."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for tile in tiles:
        for m in tile.fairness.months if tile.fairness else ():
            entry = counts[m["month"]]
            entry[0] += m["decisions"]
            entry[1] += m["judged"]
            entry[2] += m["favourable"]
    return tuple(
        {"month": month, "decisions": n, "judged": j, "favourable": f}
        for month, (n, j, f) in sorted(counts.items())[-last:]
    )


def dashboard(sessions: Sessions, *, now: datetime | None = None) -> Dashboard:
    """Everything the dashboard shows (see the module's docstring)."""
    now = now or utcnow()
    with sessions.begin() as session:
        profiles = session.execute(
            select(ProfileRow.id, ProfileRow.name, ProfileRow.latest_version)
            .where(ProfileRow.latest_version > 0)
            .order_by(ProfileRow.id)
        ).all()
        ids = [p.id for p in profiles]
        verdicts = _verdicts(session)
        decisions = _decisions(session)
        dpias = _dpia_states(session)
        review, timing = _review(session, now)
        totals = {p: sum(c.values()) for p, c in decisions.items()}
        fairness = _fairness(session, ids, totals, now)
        rights = _rights(session, today(now))
        chain = chain_status(session)
        retention = retention_status(session)
    tiles = [
        AlgorithmTile(
            profile_id=p.id,
            name=p.name,
            version=p.latest_version,
            art22_verdict=verdicts.get(p.id, (None, None))[0],
            dpia_required=verdicts.get(p.id, (None, None))[1],
            dpia_state=dpias.get(p.id),
            decisions=dict(decisions.get(p.id, {})),
            review=dict(review.get(p.id, {})),
            review_overdue=timing.get(p.id, (0, None))[0],
            review_next_due=timing.get(p.id, (0, None))[1],
            fairness=fairness.get(p.id),
        )
        for p in profiles
    ]
    return Dashboard(now, tuple(tiles), rights, chain, retention, _months(tiles))


__all__ = ["AlgorithmTile", "Dashboard", "FairnessTile", "RightsTile", "dashboard"]
