"""Storing planned subject keys in bulk, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.gateway.crypto import KeyRing
from sluis.gateway.subject_keys import SubjectKeys
from sluis.store.dbapi import raw_transaction
from sluis.store.tables.gateway import SubjectKeyRow

MASTER = bytes(range(32))


def _stored(sessions: sessionmaker[Session]) -> dict[str, SubjectKeyRow]:
    with sessions() as session:
        return {r.pseudonym: r for r in session.scalars(select(SubjectKeyRow))}


def test_keys_stored_in_bulk_read_back_as_planned(
    engine: Engine, sessions: sessionmaker[Session]
) -> None:
    keys = SubjectKeys(KeyRing(MASTER))
    pseudonyms = keys.ring.pseudonyms(f"subject-{n}" for n in range(500))
    plan = keys.plan({}, pseudonyms)
    before = datetime.now(UTC)
    with raw_transaction(engine) as tx:
        assert keys.store(tx, plan.new, plan.rekeyed)
    rows = _stored(sessions)
    assert set(rows) == set(pseudonyms)
    fresh = SubjectKeys(KeyRing(MASTER))  # nothing cached: every key unwraps from storage
    for pseudonym in pseudonyms:
        row = rows[pseudonym]
        assert (row.key_id, row.wrapped_key) == plan.new[pseudonym]
        assert row.destroyed_at is None
        assert row.created_at.replace(tzinfo=UTC) >= before.replace(microsecond=0)
        unwrapped = fresh.ring.unwrap(pseudonym, row.key_id, row.wrapped_key)
        sealed = KeyRing.encrypt(plan.keys[pseudonym], b"payload", b"id")
        assert KeyRing.decrypt(unwrapped, sealed, b"id") == b"payload"


def test_a_key_stored_meanwhile_makes_the_store_report_the_race(
    engine: Engine, sessions: sessionmaker[Session]
) -> None:
    keys = SubjectKeys(KeyRing(MASTER))
    pseudonyms = keys.ring.pseudonyms(["first", "second", "third"])
    plan = keys.plan({}, pseudonyms)
    with raw_transaction(engine) as tx:  # another writer keys "second" first
        winner = SubjectKeys(KeyRing(MASTER)).key_for(tx, pseudonyms[1])
    assert winner is not None
    with raw_transaction(engine) as tx:
        assert not keys.store(tx, plan.new, plan.rekeyed)
    assert _stored(sessions)[pseudonyms[1]].key_id == winner.key_id  # the winner's key kept


def test_values_of_another_width_are_stored_too(
    engine: Engine, sessions: sessionmaker[Session]
) -> None:
    keys = SubjectKeys(KeyRing(MASTER))
    planned = {"short": ("0" * 32, b"\x01" * 60), "p" * 64: ("1" * 32, b"\x02" * 60)}
    with raw_transaction(engine) as tx:
        assert keys.store(tx, planned, {})
    rows = _stored(sessions)
    assert {p: (r.key_id, r.wrapped_key) for p, r in rows.items()} == planned
