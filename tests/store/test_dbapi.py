"""Prepared statements on the DBAPI connection store values exactly as Core does, on SQLite
and PostgreSQL, and their transactions are all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.store.dbapi import raw_transaction
from sluis.store.tables.gateway import AuditEventRow, PayloadSchemaRow

Sessions = sessionmaker[Session]
AT = datetime(2025, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
_events = AuditEventRow.__table__


def event(seq: int, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "seq": seq,
        "at": AT,
        "event": "decided",
        "profile_id": "p",
        "decision_uuid": None,
        "details": {"status": "final", "rows": [1, 2]},
        "prev_hash": "0" * 64,
        "hash": "1" * 64,
    }
    values.update(changes)
    return values


def stored(sessions: Sessions) -> list[AuditEventRow]:
    with sessions.begin() as session:
        return list(session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)))


def test_values_go_in_as_core_would_put_them(engine: Engine, sessions: Sessions) -> None:
    with engine.begin() as connection:
        connection.execute(insert(_events), [event(1)])
    with raw_transaction(engine) as tx:
        tx.execute(insert(_events), event(2))
        prepared = tx.prepared(insert(_events))
        tx.executemany_bound(
            insert(_events),
            prepared.rows(
                {
                    "at": AT,
                    "event": "decided",
                    "profile_id": "p",
                    "decision_uuid": None,
                    "details": {"status": "final", "rows": [1, 2]},
                    "prev_hash": "0" * 64,
                },
                {"seq": [3, 4], "hash": ["1" * 64, "1" * 64]},
            ),
        )
    rows = stored(sessions)
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert all(r.at == AT and r.event == "decided" and r.profile_id == "p" for r in rows)
    assert all(r.details == {"status": "final", "rows": [1, 2]} for r in rows)


def test_a_value_converted_once_is_passed_as_it_is(engine: Engine, sessions: Sessions) -> None:
    with raw_transaction(engine) as tx:
        prepared = tx.prepared(insert(_events))
        stamp = prepared.convert("at", AT)
        tx.execute(
            insert(_events), event(1, at=stamp, details='{"a":1}'), frozenset({"at", "details"})
        )
    (row,) = stored(sessions)
    assert row.at == AT and row.details == {"a": 1}


def test_a_failing_transaction_keeps_nothing(engine: Engine, sessions: Sessions) -> None:
    with pytest.raises(RuntimeError), raw_transaction(engine) as tx:
        tx.execute(insert(_events), event(1))
        raise RuntimeError("boom")
    assert stored(sessions) == []
    with pytest.raises(engine.dialect.loaded_dbapi.IntegrityError), raw_transaction(engine) as tx:
        tx.execute(insert(_events), event(1))
        tx.execute(insert(_events), event(1))  # the same primary key
    assert stored(sessions) == []


def test_long_in_lists_are_sliced(engine: Engine, sessions: Sessions) -> None:
    ids = [f"{n:032x}" for n in range(12_000)]
    with raw_transaction(engine) as tx:
        tx.executemany_bound(
            insert(PayloadSchemaRow.__table__),
            tx.prepared(insert(PayloadSchemaRow.__table__)).rows(
                {"schema": {}, "created_at": AT}, {"id": ids}
            ),
        )
    with raw_transaction(engine, immediate=False) as tx:
        found = tx.select_in(PayloadSchemaRow.__table__, ["id"], "id", [*ids[::2], "missing"])
    assert sorted(r[0] for r in found) == sorted(ids[::2])
    with sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(PayloadSchemaRow)) == 12_000
