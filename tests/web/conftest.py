"""Fixtures for the web layer: the app on a fresh database (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from sluis.settings import Settings
from sluis.web.app import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def app(sessions: sessionmaker[Session], tmp_path: Path) -> FastAPI:
    settings = Settings(data_dir=tmp_path, default_language="nl")
    return create_app(settings, sessions)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.fixture
def example_yaml() -> str:
    return (EXAMPLES / "bank-online-credit.yaml").read_text()
