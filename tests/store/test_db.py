"""Engines: URL handling, SQLite settings, UTC timestamps, PostgreSQL schema selection."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from sluis.settings import Settings
from sluis.store.db import (
    SQLITE_BEGIN_IMMEDIATE,
    SQLITE_BUSY_TIMEOUT_MS,
    UnsupportedDatabase,
    create_engine_for,
    current_revision,
    head_revision,
    normalise_url,
)
from sluis.store.tables import ProfileRow

only_sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
only_postgres = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


@pytest.mark.parametrize(
    ("given", "driver"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
        ("sqlite:///x.db", "sqlite"),
    ],
)
def test_plain_postgresql_urls_use_psycopg(given: str, driver: str) -> None:
    assert normalise_url(given).drivername == driver


def test_url_query_survives_the_driver_rewrite() -> None:
    url = normalise_url("postgresql://u:secret@h:5433/db?options=-csearch_path%3Ds")
    assert url.password == "secret"
    assert url.port == 5433
    assert url.query["options"] == "-csearch_path=s"


def test_other_backends_are_refused() -> None:
    with pytest.raises(UnsupportedDatabase, match="mysql"):
        create_engine_for("mysql://u@h/db")


def test_sqlite_file_gets_its_directory(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "sluis.db"
    engine = create_engine_for(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        assert path.is_file()
    finally:
        engine.dispose()


def test_sqlite_in_memory_needs_no_directory() -> None:
    engine = create_engine_for("sqlite://")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        engine.dispose()


@only_sqlite
def test_sqlite_connections_enforce_foreign_keys_and_wait_when_busy(
    unmigrated_engine: Engine,
) -> None:
    with unmigrated_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == (
            SQLITE_BUSY_TIMEOUT_MS
        )
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@only_sqlite
def test_sqlite_rollback_undoes_ddl_and_released_savepoints(unmigrated_engine: Engine) -> None:
    # The sqlite3 module's legacy mode would autocommit both of these.
    with unmigrated_engine.connect() as connection:
        with connection.begin() as transaction:
            with connection.begin_nested():
                connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
                connection.exec_driver_sql("INSERT INTO t VALUES (1)")
            transaction.rollback()
        tables = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        ).all()
    assert tables == []


@only_postgres
def test_postgres_url_selects_the_test_schema(database_url: str, engine: Engine) -> None:
    schema = make_url(database_url).query["options"].removeprefix("-csearch_path=")
    assert schema.startswith("t_")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT current_schema()").scalar() == schema
        tables = connection.exec_driver_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %(s)s",
            {"s": schema},
        ).scalars()
        assert {"profiles", "profile_versions", "assessments"} <= set(tables)


def test_timestamps_come_back_timezone_aware_utc(sessions: sessionmaker[Session]) -> None:
    amsterdam_summer = timezone(timedelta(hours=2))
    moment = datetime(2024, 7, 1, 14, 30, 15, 123456, tzinfo=amsterdam_summer)
    with sessions.begin() as session:
        session.add(
            ProfileRow(id="p", name="P", latest_version=0, created_at=moment, updated_at=moment)
        )
    with sessions.begin() as session:
        row = session.execute(select(ProfileRow)).scalar_one()
        assert row.created_at == moment
        assert row.created_at.tzinfo is UTC
        assert row.created_at.hour == 12


def test_naive_timestamps_are_refused(sessions: sessionmaker[Session]) -> None:
    naive = datetime(2024, 7, 1, 12, 0)
    with pytest.raises(Exception, match="naive datetime"), sessions.begin() as session:
        session.add(
            ProfileRow(id="p", name="P", latest_version=0, created_at=naive, updated_at=naive)
        )


def test_the_migrated_url_works_as_the_configured_database(database_url_migrated: str) -> None:
    settings = Settings(database_url=database_url_migrated)
    engine = create_engine_for(settings.resolved_database_url())
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


@only_sqlite
def test_sqlite_write_transactions_can_take_the_lock_up_front(
    sessions: sessionmaker[Session], database_url: str
) -> None:
    path = make_url(database_url).database
    assert path is not None
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            assert other.execute("SELECT count(*) FROM profiles").fetchone() == (0,)
        finally:
            other.close()
