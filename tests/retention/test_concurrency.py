"""Two retention runs at once, each on its own connections (as two instances started by
cron would be), erase every expired record once and record it once, on SQLite and on
PostgreSQL."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from retention_world import LATELY, LONG_AGO, NOW, age
from rights_world import DECISION_ID, GOOD, MASTER, PROFILE_ID
from sluis.audit import read_events
from sluis.audit.verify import verify_trail
from sluis.gateway.crypto import KeyRing
from sluis.gateway.service import Gateway
from sluis.retention.service import RunReport, run_retention
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow
from sluis.store.tables.trust import RetentionErasureRow, RetentionRunRow

Sessions = sessionmaker[Session]
SUBJECTS = 12


def test_two_runs_at_once_erase_and_record_each_record_once(
    database_url: str, engine: Engine, sessions: Sessions, loans: Gateway, tmp_path: Path
) -> None:
    expired = []
    for i in range(SUBJECTS):
        for _ in range(2):
            expired.append(loans.decide(PROFILE_ID, DECISION_ID, f"s-{i}", GOOD).decision_uuid)
    fresh = [loans.decide(PROFILE_ID, DECISION_ID, f"s-{i}", GOOD).decision_uuid for i in (0, 1)]
    age(sessions, expired, LONG_AGO)
    age(sessions, fresh, LATELY)

    reports: list[RunReport] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)
    engines = [create_engine_for(database_url) for _ in range(2)]

    def run(own: Engine) -> None:
        try:
            own_sessions = make_session_factory(own)
            gateway = Gateway(own_sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
            barrier.wait(timeout=10)
            reports.append(run_retention(own_sessions, gateway, NOW, batch_size=3))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(own,)) for own in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for own in engines:
        own.dispose()
    assert errors == []
    assert len(reports) == 2

    # Each expired record erased once, by exactly one of the runs, and counted by that run.
    with sessions.begin() as session:
        erasures = session.scalars(select(RetentionErasureRow)).all()
        runs = {r.id: r for r in session.scalars(select(RetentionRunRow))}
        left = session.scalar(
            select(func.count()).select_from(DecisionRow).where(DecisionRow.key_id != "")
        )
        destroyed = session.scalar(
            select(func.count())
            .select_from(SubjectKeyRow)
            .where(SubjectKeyRow.destroyed_at.is_not(None))
        )
    assert sorted(e.decision_uuid for e in erasures) == sorted(expired)
    assert sum(r.erased for r in reports) == len(expired) == sum(r.erased for r in runs.values())
    for report in reports:
        assert report.erased == sum(1 for e in erasures if e.run_id == report.run_id)
    assert left == len(fresh)
    # Every subject but the two with a fresh record lost their key, each key once.
    assert destroyed == SUBJECTS - 2 == sum(r.keys_destroyed for r in reports)
    # Each run is in the audit trail once, with its own counts; the chain never forked.
    recorded = [
        e.details["erased"] for e in read_events(sessions, limit=1000) if e.event == "retention_run"
    ]
    assert sorted(recorded) == sorted(r.erased for r in reports)
    assert verify_trail(sessions).ok
    assert all(not loans.get_decision(i).erased for i in fresh)
