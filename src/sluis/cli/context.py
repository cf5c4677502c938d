"""Wiring for commands that need storage: settings and a migrated database."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate


def open_database(settings: Settings | None = None) -> sessionmaker[Session]:
    """Open the configured database, bringing its schema up to date first."""
    settings = settings or Settings()
    engine = create_engine_for(settings.resolved_database_url())
    migrate(engine)
    return make_session_factory(engine)
