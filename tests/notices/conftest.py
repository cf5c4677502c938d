"""Fixtures for the notice tests: a real gateway (SQLite and PostgreSQL) with both worked
examples bound, and real decisions taken through it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from notice_examples import bind_examples, decide_examples, register_examples
from sluis.gateway.crypto import KeyRing
from sluis.gateway.service import Gateway
from sluis.settings import Settings

MASTER = bytes(range(32))


@pytest.fixture
def examples_gateway(sessions: sessionmaker[Session], tmp_path: Path) -> Gateway:
    register_examples(sessions)
    gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(MASTER))
    bind_examples(gateway)
    return gateway


@pytest.fixture
def decided(examples_gateway: Gateway) -> dict[str, str]:
    return decide_examples(examples_gateway)
