"""Migration 0012: subject keys move to a rowid table on SQLite, every key kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from sluis.store.db import downgrade, migrate

BEFORE = "0011_review_index"
AFTER = "0012_subject_keys_rowid"
LIVE = ("a" * 64, "0" * 32, b"\x01" * 60, None)
DESTROYED = ("b" * 64, "1" * 32, None, datetime(2025, 5, 1, tzinfo=UTC))


def _keys(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT pseudonym, key_id, wrapped_key, destroyed_at IS NULL "
                "FROM subject_keys ORDER BY pseudonym"
            )
        )
        return [(p, k, None if w is None else bytes(w), live) for p, k, w, live in rows]


def _table_sql(engine: Engine) -> str:
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'subject_keys'")
        ).scalar_one()
        return str(found)


def test_keys_survive_the_upgrade_and_the_downgrade(unmigrated_engine: Engine) -> None:
    engine = unmigrated_engine
    migrate(engine, BEFORE)
    with engine.begin() as connection:
        for pseudonym, key_id, wrapped, destroyed in (LIVE, DESTROYED):
            connection.execute(
                text("INSERT INTO subject_keys VALUES (:p, :k, :w, :c, :d)").bindparams(
                    p=pseudonym, k=key_id, w=wrapped, c=datetime.now(UTC), d=destroyed
                ),
            )
    expected = [(LIVE[0], LIVE[1], LIVE[2], True), (DESTROYED[0], DESTROYED[1], None, False)]

    migrate(engine, AFTER)
    assert _keys(engine) == expected
    if engine.dialect.name == "sqlite":
        assert "WITHOUT ROWID" not in _table_sql(engine)

    downgrade(engine, BEFORE)
    assert _keys(engine) == expected
    if engine.dialect.name == "sqlite":
        assert "WITHOUT ROWID" in _table_sql(engine)


def test_the_primary_key_and_the_check_still_hold(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO subject_keys VALUES (:p, :k, :w, :c, NULL)").bindparams(
                p="c" * 64, k="2" * 32, w=b"\x02" * 60, c=datetime.now(UTC)
            )
        )
    for values in (
        {"p": "c" * 64, "w": b"\x03" * 60, "d": None},  # a second key for one subject
        {"p": "d" * 64, "w": None, "d": None},  # neither a key nor a destruction
    ):
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text("INSERT INTO subject_keys VALUES (:p, :k, :w, :c, :d)").bindparams(
                    k="3" * 32, c=datetime.now(UTC), **values
                )
            )
