"""``sluis db``: the database schema."""

from __future__ import annotations

import typer
from rich.console import Console

from sluis.settings import Settings
from sluis.store.db import create_engine_for, current_revision, migrate

app = typer.Typer(help="Database schema management.", no_args_is_help=True)
console = Console()


@app.command("upgrade")
def upgrade() -> None:
    """Apply all migrations to the configured database."""
    settings = Settings()
    engine = create_engine_for(settings.resolved_database_url())
    migrate(engine)
    console.print(f"database at revision {current_revision(engine)}")


@app.command("where")
def where() -> None:
    """Print which database Sluis uses (secrets in the URL are hidden)."""
    from sqlalchemy.engine import make_url

    url = make_url(Settings().resolved_database_url())
    console.print(url.render_as_string(hide_password=True))
