"""Fixtures of the retention job's tests (helpers in ``retention_world``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from rights_world import make_gateway
from sluis.gateway.service import Gateway


@pytest.fixture
def loans(sessions: sessionmaker[Session], tmp_path: Path) -> Gateway:
    """The small-loan decision registered and bound (retention 24 months)."""
    return make_gateway(sessions, tmp_path)
