"""The command line pointed at the test's own database and data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker


@pytest.fixture
def cli_env(
    database_url_migrated: str,
    sessions: sessionmaker[Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> sessionmaker[Session]:
    """What ``sluis`` reads from the environment, set for this test: the migrated test
    database, a data directory of its own (keys, logs), and a wide terminal so Rich keeps
    long lines (paths) whole. Returns the sessions on that database."""
    monkeypatch.setenv("SLUIS_DATABASE_URL", database_url_migrated)
    monkeypatch.setenv("SLUIS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "200")
    return sessions
