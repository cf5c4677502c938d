"""The retention job: erase the decision records whose retention period has run out.

``run_retention(sessions, gateway, now)`` walks the decision records of every algorithm,
judges each one (``sluis.retention.policy``) and erases the expired ones that no legal hold
and no pending work keeps, then records the run: a ``retention_runs`` row, an audit event
with counts only, and (given the anchor key) a signed anchor of the audit trail.

Erasing a record removes everything that ties it to the person: its sealed payload is
deleted, the outcome and score kept in the clear are wiped, and so are its pseudonym, key
id and idempotency key; the review desk's sealed reasons and submissions and the clear
outcomes and first views of its (settled) cases, and the sealed texts of the (answered)
requests about it, go with it. What stays is an anonymous skeleton: which algorithm
decided what kind of thing when, with which status, as the statistics and the audit trail
refer to it. A subject key that no longer seals any record is destroyed (crypto-shredding),
so whatever else it sealed, in the database or in its backups, is unreadable too.

Many instances may run the job at once (cron on every node): the work goes in batches,
each one transaction that first takes the audit chain's lock (serialising with the gateway
and the desks, which write under it too) and claims its records (``FOR UPDATE SKIP
LOCKED`` on PostgreSQL; SQLite's write lock, taken at ``BEGIN IMMEDIATE``). Erasing is a
compare-and-set (only records not erased yet) and every erased record gets one row in
``retention_erasures`` keyed by the decision, so no record is erased or counted twice.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Row, and_, bindparam, func, insert, null, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit import append_event, lock_chain
from sluis.audit.anchors import AnchorKey, anchor_head
from sluis.gateway.service import Gateway
from sluis.processing_log import NO_ACTION, Operation
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.retention.policy import (
    DecisionRetention,
    Verdict,
    decision_retention,
    judge,
    latest_expired_day,
)
from sluis.review.policy import CaseState
from sluis.rights.states import CLOSED
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.dbapi import on_connection
from sluis.store.monitoring import erase_monitoring_of
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow
from sluis.store.tables.review import ReviewActRow, ReviewCaseRow, ReviewSubmissionRow
from sluis.store.tables.rights import RightsContactRow, RightsEventRow, RightsRequestRow
from sluis.store.tables.trust import LegalHoldRow, RetentionErasureRow, RetentionRunRow

Sessions = sessionmaker[Session]
DEFAULT_BATCH = 500
ERASED = ""  # the pseudonym and key id of an erased record

_decisions = DecisionRow.__table__
_cases = ReviewCaseRow.__table__
_acts = ReviewActRow.__table__
_submissions = ReviewSubmissionRow.__table__
_requests = RightsRequestRow.__table__
_events = RightsEventRow.__table__
_keys = SubjectKeyRow.__table__
_contacts = RightsContactRow.__table__
_SETTLED = (CaseState.decided.value, CaseState.erased.value)
_ANSWERED = tuple(state.value for state in CLOSED)


@dataclass
class RunReport:
    """What one run did (or, in a dry run, would do): counts only."""

    run_id: str | None
    dry_run: bool
    erased: int = 0
    keys_destroyed: int = 0
    held: int = 0
    waiting: int = 0
    undetermined: int = 0
    anchor_id: int | None = None
    by_algorithm: dict[str, int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "erased": self.erased,
            "keys_destroyed": self.keys_destroyed,
            "held": self.held,
            "waiting": self.waiting,
            "undetermined": self.undetermined,
        }

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "dry_run": self.dry_run,
            **self.counts(),
            "anchor_id": self.anchor_id,
            "by_algorithm": dict(sorted(self.by_algorithm.items())),
        }


@dataclass(frozen=True, order=True)
class _Group:
    profile_id: str
    profile_version: int
    decision_id: str


def run_retention(
    sessions: Sessions,
    gateway: Gateway,
    now: datetime | None = None,
    *,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH,
    anchor_key: AnchorKey | None = None,
) -> RunReport:
    """Erase what has expired by ``now`` (see the module notes); safe to run from many
    instances at once. A dry run writes nothing and reports what a run would erase."""
    now = now or utcnow()
    on = now.astimezone(UTC).date()
    report = RunReport(None if dry_run else str(uuid.uuid4()), dry_run)
    if report.run_id is not None:
        with sessions.begin() as session:
            session.add(_run_row(report, now))
    # One action per run, a line per erased record under it (a dry run erases nothing).
    with NO_ACTION if dry_run else gateway.processing_log.operation(Operation.retention_run):
        _walk(sessions, gateway, report, on, now, batch_size)
    if report.run_id is not None:
        _finish(sessions, report, now, anchor_key)
    return report


def _walk(
    sessions: Sessions,
    gateway: Gateway,
    report: RunReport,
    on: date,
    now: datetime,
    batch_size: int,
) -> None:
    retentions: dict[tuple[str, int, str], DecisionRetention | None] = {}
    for group in _groups(sessions):
        retention = _retention(sessions, group, retentions)
        if retention is None or retention.months is None:
            report.undetermined += _count(sessions, group, None)
            continue
        boundary = _boundary(latest_expired_day(retention.months, on))
        after = ""
        while True:
            found = _batch(
                sessions, gateway, report, group, retention, boundary, after, on, now, batch_size
            )
            if found is None:
                break
            after = found


def _run_row(report: RunReport, now: datetime) -> RetentionRunRow:
    return RetentionRunRow(
        id=report.run_id,
        started_at=now,
        finished=False,
        erased=0,
        keys_destroyed=0,
        held=0,
        waiting=0,
        undetermined=0,
    )


def _groups(sessions: Sessions) -> list[_Group]:
    with sessions.begin() as session:
        rows = session.execute(
            select(_decisions.c.profile_id, _decisions.c.profile_version, _decisions.c.decision_id)
            .where(_decisions.c.key_id != ERASED)
            .distinct()
        )
        return sorted(_Group(*row) for row in rows)


def _retention(
    sessions: Sessions,
    group: _Group,
    cache: dict[tuple[str, int, str], DecisionRetention | None],
) -> DecisionRetention | None:
    key = (group.profile_id, group.profile_version, group.decision_id)
    if key not in cache:
        try:
            profile = get_profile(sessions, group.profile_id, group.profile_version).profile
        except ProfileNotFound:
            cache[key] = None
        else:
            cache[key] = decision_retention(profile, group.decision_id)
    return cache[key]


def _boundary(last_expired: date) -> datetime:
    """Records created before this moment (UTC) may have expired."""
    return datetime.combine(last_expired + timedelta(days=1), time.min, UTC)


def _in_group(group: _Group) -> Any:
    return and_(
        _decisions.c.profile_id == group.profile_id,
        _decisions.c.profile_version == group.profile_version,
        _decisions.c.decision_id == group.decision_id,
        _decisions.c.key_id != ERASED,
    )


def _count(sessions: Sessions, group: _Group, before: datetime | None) -> int:
    query = select(func.count()).select_from(_decisions).where(_in_group(group))
    if before is not None:
        query = query.where(_decisions.c.created_at < before)
    with sessions.begin() as session:
        return int(session.scalar(query) or 0)


def _batch(
    sessions: Sessions,
    gateway: Gateway,
    report: RunReport,
    group: _Group,
    retention: DecisionRetention,
    boundary: datetime,
    after: str,
    on: date,
    now: datetime,
    batch_size: int,
) -> str | None:
    """One batch in one transaction; returns the last id looked at (None when done)."""
    with sessions.begin() as session:
        if not report.dry_run:
            session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
            lock_chain(on_connection(session.connection()))
        query = (
            select(
                _decisions.c.id,
                _decisions.c.subject_pseudonym,
                _decisions.c.key_id,
                _decisions.c.created_at,
            )
            .where(_in_group(group), _decisions.c.created_at < boundary, _decisions.c.id > after)
            .order_by(_decisions.c.id)
            .limit(batch_size)
        )
        if not report.dry_run:
            query = query.with_for_update(skip_locked=True)  # ignored by SQLite
        rows = session.execute(query).all()
        if not rows:
            return None
        held_profiles, held_subjects = _holds(session)
        pending = _pending(session, [row.id for row in rows])
        erase: list[Row[Any]] = []
        for row in rows:
            verdict = judge(
                retention=retention,
                taken_on=row.created_at.astimezone(UTC).date(),
                on=on,
                held=group.profile_id in held_profiles or row.subject_pseudonym in held_subjects,
                pending=row.id in pending,
            )
            if verdict is Verdict.erase:
                erase.append(row)
            elif verdict is Verdict.held:
                report.held += 1
            elif verdict is Verdict.waiting:
                report.waiting += 1
        if erase and not report.dry_run:
            assert report.run_id is not None and retention.months is not None
            sqlite = session.get_bind().dialect.name == "sqlite"
            if sqlite:
                # Freed pages are zeroed: the deleted ciphertexts leave no trace in the file.
                session.execute(text("PRAGMA secure_delete=ON"))
            _erase(session, report.run_id, erase, retention.months, now)
            report.keys_destroyed += _destroy_keys(session, gateway, erase, now)
            if sqlite:
                session.execute(text("PRAGMA secure_delete=OFF"))
        report.erased += len(erase)
        if erase:
            report.by_algorithm[group.profile_id] = report.by_algorithm.get(
                group.profile_id, 0
            ) + len(erase)
        last = str(rows[-1].id)
    if erase and not report.dry_run:
        # Once committed: a line per record erased, under the run's action.
        log = gateway.processing_log
        log.subjects(
            log.current(),
            Operation.retention_erasure,
            [str(r.subject_pseudonym) for r in erase],
            [str(r.id) for r in erase],
            profile_id=group.profile_id,
            version=group.profile_version,
        )
    return last


def _holds(session: Session) -> tuple[set[str], set[str]]:
    rows = session.execute(
        select(LegalHoldRow.profile_id, LegalHoldRow.subject_pseudonym).where(
            LegalHoldRow.lifted_at.is_(None)
        )
    )
    profiles: set[str] = set()
    subjects: set[str] = set()
    for profile_id, pseudonym in rows:
        if profile_id is not None:
            profiles.add(profile_id)
        if pseudonym is not None:
            subjects.add(pseudonym)
    return profiles, subjects


def _pending(session: Session, ids: Sequence[str]) -> set[str]:
    """Records with a review not settled or a request about them not answered."""
    reviewing = select(_cases.c.decision_uuid).where(
        _cases.c.decision_uuid.in_(ids), _cases.c.state.not_in(_SETTLED)
    )
    asked = select(_requests.c.decision_uuid).where(
        _requests.c.decision_uuid.in_(ids), _requests.c.state.not_in(_ANSWERED)
    )
    return {str(row[0]) for row in session.execute(reviewing.union(asked))}


def _erase(
    session: Session, run_id: str, rows: Sequence[Row[Any]], months: int, now: datetime
) -> None:
    ids = [str(row.id) for row in rows]
    erased = session.execute(
        update(_decisions)
        .where(_decisions.c.id.in_(ids), _decisions.c.key_id != ERASED)
        .values(
            payload_ciphertext=b"",
            outcome=null(),
            score=null(),
            subject_pseudonym=ERASED,
            key_id=ERASED,
            idempotency_key=null(),
        )
    )
    if erased.rowcount != len(ids):  # type: ignore[attr-defined]
        # Claimed under lock, so another run cannot have got here first; if it did, undo.
        raise RuntimeError("retention: records changed under the claim; the batch is undone")
    session.execute(
        insert(RetentionErasureRow.__table__),
        [{"decision_uuid": i, "run_id": run_id, "erased_at": now, "months": months} for i in ids],
    )
    cases = select(_cases.c.id).where(_cases.c.decision_uuid.in_(ids))
    session.execute(
        update(_cases)
        .where(_cases.c.decision_uuid.in_(ids))
        .values(proposed_outcome=null(), first_view=null(), pending_outcome=null())
    )
    session.execute(
        update(_acts)
        .where(_acts.c.case_id.in_(cases))
        .values(outcome=null(), first_view=null(), group_label=null(), reason_ciphertext=b"")
    )
    session.execute(
        update(_submissions)
        .where(_submissions.c.decision_uuid.in_(ids))
        .values(ciphertext=b"", filename_ciphertext=null())
    )
    requests = select(_requests.c.id).where(_requests.c.decision_uuid.in_(ids))
    session.execute(
        update(_events)
        .where(_events.c.request_id.in_(requests))
        .values(sealed=null(), key_id=null())
    )
    session.execute(
        update(_requests)
        .where(_requests.c.decision_uuid.in_(ids))
        .values(sealed=b"", subject_pseudonym=ERASED, key_id=ERASED)
    )
    # Group labels and ground truth for fairness monitoring go with the record.
    erase_monitoring_of(session.connection(), ids)


_STILL_SEALS = (
    select(func.count()).select_from(_decisions).where(_decisions.c.key_id == bindparam("key_id"))
)
_STILL_ASKS = (
    select(func.count())
    .select_from(_requests)
    .where(_requests.c.key_id == bindparam("key_id"), _requests.c.state.not_in(_ANSWERED))
)


def _destroy_keys(
    session: Session, gateway: Gateway, rows: Sequence[Row[Any]], now: datetime
) -> int:
    """Destroy the keys that sealed only erased records (and no open request)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        by_key[str(row.key_id)].add(str(row.subject_pseudonym))
    destroyed = 0
    for key_id, pseudonyms in sorted(by_key.items()):
        if session.scalar(_STILL_SEALS, {"key_id": key_id}) or session.scalar(
            _STILL_ASKS, {"key_id": key_id}
        ):
            continue
        for pseudonym in sorted(pseudonyms):
            done = session.execute(
                update(_keys)
                .where(
                    _keys.c.pseudonym == pseudonym,
                    _keys.c.key_id == key_id,
                    _keys.c.wrapped_key.is_not(None),
                )
                .values(wrapped_key=null(), destroyed_at=now)
            ).rowcount  # type: ignore[attr-defined]
            if done:
                destroyed += done
                session.execute(
                    _contacts.delete().where(
                        _contacts.c.pseudonym == pseudonym, _contacts.c.key_id == key_id
                    )
                )
                gateway.keys.ring.forget(key_id)
    return destroyed


def _finish(
    sessions: Sessions, report: RunReport, now: datetime, anchor_key: AnchorKey | None
) -> None:
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        append_event(session, "retention_run", None, None, report.counts())
        if anchor_key is not None:
            anchor = anchor_head(session, anchor_key)
            report.anchor_id = None if anchor is None else anchor.id
        row = session.get(RetentionRunRow, report.run_id)
        assert row is not None
        for name, value in report.counts().items():
            setattr(row, name, value)
        row.finished = True
        row.finished_at = utcnow()
        row.anchor_id = report.anchor_id
    if sessions.kw["bind"].dialect.name == "sqlite" and report.erased:
        _checkpoint(sessions)


def _checkpoint(sessions: Sessions) -> None:
    """Copy the write-ahead log into the database and empty it, so that pages as they were
    before the erasure do not linger in the log (best effort: busy readers may keep it)."""
    with sessions.kw["bind"].connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


__all__ = ["DEFAULT_BATCH", "RunReport", "run_retention"]
