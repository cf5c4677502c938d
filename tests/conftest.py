"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

``database_url`` is parametrized over both backends, so every test that uses it (directly
or through ``engine``, ``sessions`` or ``database_url_migrated``) runs twice. PostgreSQL
runs are marked ``postgres`` (deselect them with ``-m "not postgres"``) and each gets a
schema of its own, dropped afterwards, so tests can run in parallel (pytest-xdist).

PostgreSQL comes from ``SLUIS_TEST_POSTGRES_URL`` (default
``postgresql+psycopg://postgres@127.0.0.1:5432/test``). When it cannot be reached its tests
are skipped — or fail, when ``SLUIS_REQUIRE_POSTGRES=1`` (set it in CI).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from sluis.store.db import create_engine_for, make_session_factory, migrate

POSTGRES_URL_ENV = "SLUIS_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "SLUIS_REQUIRE_POSTGRES"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_url_with_schema(server_url: str, schema: str) -> str:
    """``server_url`` with its connections' ``search_path`` set to ``schema``.

    The schema travels in the URL (``?options=-csearch_path%3D<schema>``), which psycopg
    hands to libpq, so the string works anywhere a database URL is accepted — also as
    ``SLUIS_DATABASE_URL`` for a web app or CLI under test.
    """
    url = make_url(server_url)
    options = url.query.get("options")
    existing = (options if isinstance(options, str) else " ".join(options or ())).strip()
    setting = f"-csearch_path={schema}"
    url = url.update_query_dict({"options": f"{existing} {setting}".strip()})
    return url.render_as_string(hide_password=False)


def _postgres_problem(url: str) -> str | None:
    """Why the server at ``url`` cannot be used, or ``None`` when it can."""
    engine = create_engine_for(url, poolclass=NullPool, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return f"{type(exc).__name__}: {detail[0] if detail else ''}"
    finally:
        engine.dispose()
    return None


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """The URL of the test PostgreSQL server, checked once per test session (per worker)."""
    url = os.environ.get(POSTGRES_URL_ENV) or DEFAULT_POSTGRES_URL
    problem = _postgres_problem(url)
    if problem is not None:
        shown = make_url(url).render_as_string(hide_password=True)
        message = (
            f"PostgreSQL is not reachable at {shown} ({problem}); set {POSTGRES_URL_ENV} "
            "to a server where the user may create schemas"
        )
        if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
            pytest.fail(f"{message} — required because {REQUIRE_POSTGRES_ENV}=1", pytrace=False)
        pytest.skip(message)
    return url


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of a fresh, empty database (no tables, not migrated).

    SQLite: a file in a directory that does not exist yet (the engine creates it).
    PostgreSQL: a new schema ``t_<12 hex>``, selected through the URL, dropped at teardown.
    """
    if request.param == "sqlite":
        directory = tmp_path_factory.mktemp("db")
        yield f"sqlite:///{directory / 'data' / 'sluis.db'}"
        return

    server_url = request.getfixturevalue("postgres_server_url")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine_for(server_url, poolclass=NullPool)
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        yield postgres_url_with_schema(server_url, schema)
        with admin.begin() as connection:
            # Fail loudly rather than hang when a test left a transaction open.
            connection.exec_driver_sql("SET LOCAL lock_timeout = '30s'")
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        admin.dispose()


@pytest.fixture
def unmigrated_engine(database_url: str) -> Iterator[Engine]:
    """An engine on the fresh database of ``database_url``, with no tables yet."""
    engine = create_engine_for(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def engine(unmigrated_engine: Engine) -> Engine:
    """An engine on a fresh database migrated to the newest revision."""
    migrate(unmigrated_engine)
    return unmigrated_engine


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    """A session factory on the migrated database of ``engine``."""
    return make_session_factory(engine)


@pytest.fixture
def database_url_migrated(engine: Engine, database_url: str) -> str:
    """The URL of a fresh database migrated to head, e.g. for ``SLUIS_DATABASE_URL``.

    Shares its database with ``engine`` and ``sessions`` when a test uses those too.
    """
    return database_url


SHARED_DATA_ENV = "SLUIS_SHARED_DATA"
REQUIRE_SHARED_DATA_ENV = "SLUIS_REQUIRE_SHARED_DATA"
_SHARED_DATA_CANDIDATES = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data",
    Path("/work/shared/data"),
)


def find_shared_data() -> Path | None:
    """Where the shared external data lives: ``SLUIS_SHARED_DATA``, else ``shared/data``
    beside the repository, else the workplace's copy. ``None`` when none is there."""
    configured = os.environ.get(SHARED_DATA_ENV)
    candidates = (Path(configured),) if configured else _SHARED_DATA_CANDIDATES
    return next((c.resolve() for c in candidates if c.is_dir()), None)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The project's shared external data: real Algoritmekader files, the Algoritmeregister
    schema and the government's questionnaires, read in place and never copied."""
    found = find_shared_data()
    if found is None:
        message = f"shared test data not found; set {SHARED_DATA_ENV} to the shared/data folder"
        if os.environ.get(REQUIRE_SHARED_DATA_ENV) == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def register_schema_path(shared_data: Path) -> Path:
    """The Algoritmeregister publication standard's JSON Schema."""
    return shared_data / "algoritmeregister" / "schema.json"
