"""Alembic environment for Sluis.

Run through :mod:`sluis.store.db` (``migrate``/``downgrade``), which builds the Alembic
configuration in code and hands over a connection in ``config.attributes["connection"]``;
the caller owns that connection's transaction. Without a connection, the URL comes from the
``sqlalchemy.url`` option of the configuration (never from the environment).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from sluis.store.tables import metadata

config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite supports transactional DDL once SQLAlchemy emits BEGIN (see db.py).
        transactional_ddl=True,
        render_as_batch=True,
        compare_type=True,
    )


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("offline migrations need the sqlalchemy.url option")
    context.configure(
        url=url,
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return

    from sluis.store.db import create_engine_for

    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError(
            "no connection in config.attributes and no sqlalchemy.url option; "
            "use sluis.store.db.migrate(engine)"
        )
    engine = create_engine_for(url)
    try:
        with engine.connect() as own_connection:
            _configure(own_connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
