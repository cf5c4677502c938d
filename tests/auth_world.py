"""Signing tests in: accounts with roles and API tokens, made through the real accounts
service, for the tests that build the web app.

``bearer(sessions, "administrator")`` gives the headers of a fresh account's API token;
``sign_in(client, sessions, ...)`` puts them on a test client. API tokens are not sent by
browsers on their own, so requests with one need no CSRF token (``sluis.web.auth``).
``browser_session(client, sessions, ...)`` signs in through the real ``/login`` form
instead and returns the CSRF token for the forms it posts.
"""

from __future__ import annotations

import itertools
import re

from fastapi.testclient import TestClient
from playwright.sync_api import Page
from sqlalchemy.orm import Session, sessionmaker

from sluis.accounts import service
from sluis.accounts.roles import Grant

PASSWORD = "a long enough test password"
_numbers = itertools.count(1)
_CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def account(
    sessions: sessionmaker[Session],
    *roles: str,
    reviewer_id: str | None = None,
    login: str | None = None,
) -> str:
    """A new active account holding ``roles`` (``role`` or ``role@algorithm``); its login."""
    name = login or f"test-{next(_numbers)}"
    service.create_account(
        sessions,
        name,
        name,
        password=PASSWORD,
        grants=[Grant.parse(r) for r in roles],
        reviewer_id=reviewer_id,
    )
    return name


def bearer(
    sessions: sessionmaker[Session], *roles: str, reviewer_id: str | None = None
) -> dict[str, str]:
    login = account(sessions, *(roles or ("administrator",)), reviewer_id=reviewer_id)
    raw, _ = service.create_token(sessions, login, "tests")
    return {"Authorization": f"Bearer {raw}"}


def sign_in(
    client: TestClient,
    sessions: sessionmaker[Session],
    *roles: str,
    reviewer_id: str | None = None,
) -> TestClient:
    """``client`` speaking with an API token of a new account holding ``roles``
    (an administrator when none are given)."""
    client.headers.update(bearer(sessions, *roles, reviewer_id=reviewer_id))
    return client


# Holding the session factory keeps its id from being reused by another test's database.
_reviewers: dict[tuple[int, str], tuple[sessionmaker[Session], dict[str, str]]] = {}


def as_reviewer(sessions: sessionmaker[Session], reviewer_id: str) -> dict[str, str]:
    """The headers of an account linked to the (registered) reviewer ``reviewer_id``, with
    the reviewer role; made once per database."""
    key = (id(sessions), reviewer_id)
    if key not in _reviewers or _reviewers[key][0] is not sessions:
        _reviewers[key] = (sessions, bearer(sessions, "reviewer", reviewer_id=reviewer_id))
    return _reviewers[key][1]


def browser_session(
    client: TestClient, sessions: sessionmaker[Session], *roles: str, reviewer_id: str | None = None
) -> str:
    """Sign ``client`` in through the login form (a session cookie); returns the CSRF
    token its forms need."""
    login = account(sessions, *(roles or ("administrator",)), reviewer_id=reviewer_id)
    answer = client.post("/login", data={"login": login, "password": PASSWORD})
    assert answer.status_code == 200, answer.text  # followed the redirect
    found = _CSRF.search(client.get("/login").text)
    assert found is not None
    return found.group(1)


__all__ = [
    "PASSWORD",
    "account",
    "as_reviewer",
    "bearer",
    "browser_login",
    "browser_session",
    "sign_in",
]


def browser_login(
    page: Page,
    sessions: sessionmaker[Session],
    *roles: str,
    reviewer_id: str | None = None,
) -> str:
    """Sign a real browser in through the login page as a new account holding ``roles``
    (an administrator when none are given); whoever was signed in is signed out first.
    Returns the login name."""
    login = account(sessions, *(roles or ("administrator",)), reviewer_id=reviewer_id)
    page.context.clear_cookies()
    page.goto("/login")
    page.get_by_test_id("login-name").fill(login)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    page.get_by_test_id("signed-in-as").wait_for()
    return login
