"""Fixtures of the review desk's tests (SQLite and PostgreSQL through ``sessions``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from review_desk import set_up_desk
from sluis.gateway.service import Gateway


@pytest.fixture
def gateway(sessions: sessionmaker[Session], tmp_path: Path) -> Gateway:
    """The gateway with the allowance profile and the reviewers (see ``review_desk``)."""
    return set_up_desk(sessions, tmp_path)
