"""Every migration goes up and down on SQLite and PostgreSQL, and matches the tables."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from sluis.store import db
from sluis.store.db import create_engine_for, current_revision, downgrade, head_revision, migrate
from sluis.store.tables import metadata

APP_TABLES = set(metadata.tables)


def app_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_a_fresh_database_has_no_revision(unmigrated_engine: Engine) -> None:
    assert current_revision(unmigrated_engine) is None
    assert app_tables(unmigrated_engine) == set()


def test_up_down_and_up_again(unmigrated_engine: Engine) -> None:
    migrate(unmigrated_engine)
    assert current_revision(unmigrated_engine) == head_revision()
    assert app_tables(unmigrated_engine) == APP_TABLES

    downgrade(unmigrated_engine)
    assert current_revision(unmigrated_engine) is None
    assert app_tables(unmigrated_engine) == set()

    migrate(unmigrated_engine)
    assert current_revision(unmigrated_engine) == head_revision()
    assert app_tables(unmigrated_engine) == APP_TABLES


def test_migrating_twice_changes_nothing(engine: Engine) -> None:
    migrate(engine)
    assert current_revision(engine) == head_revision()


def test_migrated_schema_matches_the_tables(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_constraint_names_follow_the_naming_convention(engine: Engine) -> None:
    inspector = inspect(engine)
    assert inspector.get_pk_constraint("profiles")["name"] in {"pk_profiles", None}
    assert [u["name"] for u in inspector.get_unique_constraints("profile_versions")] == [
        "uq_profile_versions_profile_id_version"
    ]
    assert [fk["name"] for fk in inspector.get_foreign_keys("assessments")] == [
        "fk_assessments_profile_version_id_profile_versions"
    ]


def test_a_failing_migration_leaves_nothing_behind(
    unmigrated_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_upgrade = db.command.upgrade

    def upgrade_then_fail(config: object, revision: str) -> None:
        real_upgrade(config, revision)  # type: ignore[arg-type]
        raise RuntimeError("boom")

    monkeypatch.setattr(db.command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError, match="boom"):
        migrate(unmigrated_engine)
    assert current_revision(unmigrated_engine) is None
    assert app_tables(unmigrated_engine) == set()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_sqlite_foreign_keys_are_on_again_after_migrating(engine: Engine) -> None:
    for _ in range(3):  # whichever pooled connection comes back
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_concurrent_migrations_wait_for_each_other(database_url: str) -> None:
    engines = [create_engine_for(database_url) for _ in range(3)]
    barrier = threading.Barrier(len(engines))
    errors: list[BaseException] = []

    def start_up(engine: Engine) -> None:
        try:
            barrier.wait(timeout=10)
            migrate(engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start_up, args=(e,), daemon=True) for e in engines]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads), "a migration hung"
        assert errors == []
        assert {current_revision(e) for e in engines} == {head_revision()}
    finally:
        for engine in engines:
            engine.dispose()
