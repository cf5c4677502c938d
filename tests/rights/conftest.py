"""Fixtures of the rights desk's service tests: the small-loan world on a fresh database
(SQLite and PostgreSQL) and a local SMTP sink."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from rights_world import Sink, make_desk, make_gateway, smtp_sink
from sluis.gateway.service import Gateway
from sluis.rights.desk import RightsDesk


@pytest.fixture
def sink() -> Iterator[Sink]:
    yield from smtp_sink()


@pytest.fixture
def gateway(sessions: sessionmaker[Session], tmp_path: Path) -> Gateway:
    return make_gateway(sessions, tmp_path)


@pytest.fixture
def desk(gateway: Gateway, tmp_path: Path, sink: Sink) -> RightsDesk:
    return make_desk(gateway, tmp_path, sink)
