"""Fixtures for the web layer: the app on a fresh database (SQLite and PostgreSQL), a client
signed in as an administrator, and a live server with a real Chromium for the browser
tests (which sign in through the real login page)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Page, sync_playwright
from sqlalchemy.orm import Session, sessionmaker

from auth_world import browser_login, sign_in
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate
from sluis.web.app import create_app

CHROMIUM = Path(os.environ.get("SLUIS_CHROMIUM", "/usr/bin/chromium"))
# Flags for a closed network: without them Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def app(sessions: sessionmaker[Session], tmp_path: Path) -> FastAPI:
    settings = Settings(data_dir=tmp_path, default_language="nl")
    return create_app(settings, sessions)


@pytest.fixture
def client(app: FastAPI, sessions: sessionmaker[Session]) -> TestClient:
    """A client signed in as an administrator (an API token: see ``auth_world``)."""
    return sign_in(TestClient(app), sessions)


@pytest.fixture
def anonymous(app: FastAPI) -> TestClient:
    """A client nobody signed in."""
    return TestClient(app)


@pytest.fixture
def example_yaml() -> str:
    return (EXAMPLES / "bank-online-credit.yaml").read_text()


@dataclass(frozen=True)
class LiveServer:
    url: str
    sessions: sessionmaker[Session]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The app served by uvicorn on a free port, on a fresh SQLite database."""
    engine = create_engine_for(f"sqlite:///{tmp_path / 'sluis.db'}")
    migrate(engine)
    sessions = make_session_factory(engine)
    app = create_app(Settings(data_dir=tmp_path), sessions)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", sessions)
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture
def page(live_server: LiveServer) -> Iterator[Page]:
    """A page in Debian's Chromium, in Dutch, pointed at the live server, signed in as an
    administrator through the login page."""
    if not CHROMIUM.exists():
        if os.environ.get("SLUIS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM}", pytrace=False)
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=live_server.url, locale="nl-NL")
        page = context.new_page()
        browser_login(page, live_server.sessions)  # through the real login page
        yield page
        context.close()
        browser.close()
