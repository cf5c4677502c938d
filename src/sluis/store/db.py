"""Engines, sessions and schema migrations.

The database URL is passed in (from ``Settings.resolved_database_url()`` at the edge);
nothing here reads the environment. Two backends are supported: SQLite (the default, a
file in the data directory) and PostgreSQL through psycopg 3.

SQLite is configured for correctness over convenience: foreign keys are enforced, a busy
timeout lets concurrent writers wait for each other instead of failing at once, the
journal is write-ahead (readers and the writer do not block each other), and SQLAlchemy
emits ``BEGIN`` itself so that every statement — reads, DDL and savepoints included —
runs inside the transaction it appears to run in (the ``sqlite3`` module's legacy mode
silently skips ``BEGIN`` for those).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Page size of a new SQLite file. Measured on 2 cores: 16 KiB makes a 300k-row batch
#: about 11 % faster but single decisions about 12 % slower (each commit writes bigger
#: pages to the log); single decisions are the gateway's everyday work, so 4 KiB.
SQLITE_PAGE_SIZE = 4_096

#: Execution option: on SQLite, start the transaction with ``BEGIN IMMEDIATE`` (take the
#: write lock up front, waiting up to the busy timeout) instead of a deferred ``BEGIN``.
#: Use it for a transaction that reads before it writes and may race another writer, e.g.
#: ``session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})`` as the first
#: thing in the transaction. Ignored on PostgreSQL.
SQLITE_BEGIN_IMMEDIATE = "sluis_sqlite_begin_immediate"
_MIGRATION_LOCK = "sluis.migrate"
_PG_MIGRATION_LOCK = text(
    "SELECT pg_advisory_xact_lock(hashtext(:key || coalesce(current_schema(), '')))"
)

_POSTGRES_ALIASES = {"postgres", "postgresql"}


class UnsupportedDatabase(ValueError):
    """The URL names a database that Sluis does not support."""


def normalise_url(url: str | URL) -> URL:
    """Parse ``url`` and point plain PostgreSQL URLs at the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in _POSTGRES_ALIASES:
        parsed = parsed.set(drivername="postgresql+psycopg")
    backend = parsed.get_backend_name()
    if backend not in {"sqlite", "postgresql"}:
        raise UnsupportedDatabase(
            f"unsupported database backend {backend!r}: use a sqlite:/// or postgresql:// URL"
        )
    return parsed


def create_engine_for(url: str | URL, **engine_kwargs: Any) -> Engine:
    """Create an engine for a SQLite or PostgreSQL URL, configured for Sluis.

    ``postgresql://`` (and ``postgres://``) URLs are rewritten to ``postgresql+psycopg://``.
    For a SQLite file the parent directory is created when missing. Extra keyword
    arguments go to :func:`sqlalchemy.create_engine`.
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        _ensure_sqlite_directory(parsed)
        engine = create_engine(parsed, **engine_kwargs)
        _configure_sqlite(engine, file_based=_sqlite_file(parsed) is not None)
        return engine
    engine_kwargs.setdefault("pool_pre_ping", True)
    return create_engine(parsed, **engine_kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory bound to ``engine``.

    Objects stay readable after commit (``expire_on_commit=False``) so callers can turn
    them into plain values once the transaction is over.
    """
    return sessionmaker(bind=engine, expire_on_commit=False)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema of ``engine`` to ``revision`` in a single transaction."""
    _run_alembic(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Downgrade the schema of ``engine`` to ``revision`` in a single transaction."""
    _run_alembic(engine, lambda config: command.downgrade(config, revision))


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or ``None`` for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision shipped with this version of Sluis."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships a revision
        raise RuntimeError("no migrations found")
    return head


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration built in code (there is no ``alembic.ini``).

    When ``connection`` is given, the migration environment runs on it; the caller owns
    its transaction.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def _run_alembic(engine: Engine, action: Any) -> None:
    """Run an Alembic command in one transaction, one migrator at a time."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Table rebuilds (Alembic batch mode) must not fire ON DELETE actions or trip
            # foreign keys halfway; SQLite only honours this pragma outside a transaction.
            _sqlite_pragma(connection, "PRAGMA foreign_keys=OFF")
            connection.execution_options(**{SQLITE_BEGIN_IMMEDIATE: True})
        try:
            with connection.begin():
                if not sqlite:
                    # Concurrent start-ups wait here instead of racing to create tables.
                    connection.execute(_PG_MIGRATION_LOCK, {"key": _MIGRATION_LOCK})
                action(alembic_config(connection))
                if sqlite:
                    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if problems:
                        raise RuntimeError(
                            f"migration left {len(problems)} foreign key violation(s), "
                            f"first: {tuple(problems[0])}"
                        )
        finally:
            if sqlite:
                _sqlite_pragma(connection, "PRAGMA foreign_keys=ON")


def _sqlite_pragma(connection: Connection, statement: str) -> None:
    """Run a pragma on the raw driver connection, outside any transaction."""
    connection.connection.driver_connection.execute(statement)  # type: ignore[union-attr]


def _sqlite_file(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    if url.query.get("mode") == "memory":
        return None
    return Path(database).expanduser()


def _ensure_sqlite_directory(url: URL) -> None:
    path = _sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def _write_ahead(dbapi_connection: sqlite3.Connection) -> None:
    """Switch the file to write-ahead logging (it stays so), waiting while others hold it.

    Switching needs the file to itself, and SQLite refuses at once rather than through the
    busy timeout when another connection is busy creating it: several processes starting on
    a new database would fail at random. So: retry until the busy timeout has passed."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _configure_sqlite(engine: Engine, *, file_based: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN (see ``_on_begin``) instead of the driver.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA foreign_keys=ON")
        if file_based:
            # Takes effect only while the file is still empty (a new database).
            dbapi_connection.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")
            _write_ahead(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(SQLITE_BEGIN_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


__all__ = [
    "MIGRATIONS_DIR",
    "SQLITE_BEGIN_IMMEDIATE",
    "SQLITE_BUSY_TIMEOUT_MS",
    "UnsupportedDatabase",
    "alembic_config",
    "create_engine_for",
    "current_revision",
    "downgrade",
    "head_revision",
    "make_session_factory",
    "migrate",
    "normalise_url",
]
