"""Signing in and out, session cookies, CSRF, API tokens on the decisions' hot path, the
person's token, and fail-closed routing (``sluis.web.auth``, ``sluis.web.pages.accounts``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from auth_world import PASSWORD, account, bearer, browser_session
from rights_world import GOOD, POOR, Sink, desk_settings, make_gateway, smtp_sink
from sluis.accounts import service
from sluis.rights.desk import RightsDesk
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.tokens import person_token
from sluis.settings import Settings
from sluis.web.app import create_app

Sessions = sessionmaker[Session]
CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def sign_in_form(client: TestClient, login: str, password: str = PASSWORD, **extra: str):
    return client.post(
        "/login", data={"login": login, "password": password, **extra}, follow_redirects=False
    )


# -- signing in and out ------------------------------------------------------------------


def test_signing_in_gives_a_fresh_http_only_lax_session_cookie(
    anonymous: TestClient, sessions: Sessions
) -> None:
    login = account(sessions, "auditor")
    answer = sign_in_form(anonymous, login, next="/register/art30")
    assert answer.status_code == 303 and answer.headers["location"] == "/register/art30"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("sluis_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP (tests); over TLS see below
    page = anonymous.get("/register/art30")
    assert page.status_code == 200 and 'data-testid="signed-in-as"' in page.text


def test_over_tls_the_cookie_is_secure_and_host_only(app: FastAPI, sessions: Sessions) -> None:
    client = TestClient(app, base_url="https://testserver")
    answer = sign_in_form(client, account(sessions, "auditor"))
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("__Host-sluis_session=")
    assert "Secure" in cookie and "Domain" not in cookie and "Path=/" in cookie
    assert client.get("/dashboard").status_code == 200


def test_a_failed_sign_in_tells_nothing_about_the_account(
    anonymous: TestClient, sessions: Sessions
) -> None:
    login = account(sessions, "auditor")
    unknown = sign_in_form(anonymous, "no-such-person")
    wrong = sign_in_form(anonymous, login, "not the password at all")
    assert unknown.status_code == wrong.status_code == 400

    def message(html: str) -> str:
        found = re.search(r'data-testid="login-error"><p>([^<]+)</p>', html)
        assert found is not None
        return found.group(1)

    assert message(unknown.text) == message(wrong.text)
    assert "set-cookie" not in wrong.headers or "sluis_session" not in wrong.headers["set-cookie"]


def test_after_too_many_wrong_passwords_even_the_right_one_waits(
    anonymous: TestClient, sessions: Sessions
) -> None:
    login = account(sessions, "auditor")
    for _ in range(5):
        assert sign_in_form(anonymous, login, "wrong wrong wrong").status_code == 400
    assert sign_in_form(anonymous, login).status_code == 400


def test_signing_out_ends_the_session_for_good(anonymous: TestClient, sessions: Sessions) -> None:
    csrf = browser_session(anonymous, sessions, "auditor")
    raw = anonymous.cookies["sluis_session"]
    out = anonymous.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"].startswith("/login?signed_out=1")
    replay = TestClient(anonymous.app)
    replay.cookies.set("sluis_session", raw)
    assert replay.get("/dashboard").status_code == 401


def test_only_a_path_on_this_site_is_followed_after_signing_in(
    anonymous: TestClient, sessions: Sessions
) -> None:
    login = account(sessions, "auditor")
    for bad in ("https://evil.example/", "//evil.example", "/\\evil.example"):
        anonymous.cookies.clear()
        answer = sign_in_form(anonymous, login, next=bad)
        assert answer.status_code == 303, answer.text
        assert answer.headers["location"] == "/profiles"


def test_a_page_asked_for_without_signing_in_shows_the_login_form(
    anonymous: TestClient,
) -> None:
    page = anonymous.get("/dashboard?lang=en")
    assert page.status_code == 401 and 'data-testid="login-form"' in page.text
    assert 'name="next" value="/dashboard?lang=en"' in page.text
    api = anonymous.get("/api/v1/dashboard")
    assert api.status_code == 401 and api.headers["www-authenticate"].startswith("Bearer")
    assert api.json()["detail"]["problems"] == [{"field": "(authorization)", "rule": "signed_out"}]


# -- CSRF --------------------------------------------------------------------------------


def test_a_form_posted_with_a_session_needs_that_sessions_csrf_token(
    anonymous: TestClient, sessions: Sessions
) -> None:
    csrf = browser_session(anonymous, sessions, "administrator")
    form = {"login": "new-one", "display_name": "New One", "password": PASSWORD}
    refused = anonymous.post("/accounts", data=form)
    assert refused.status_code == 403 and 'data-testid="access-denied"' in refused.text
    forged = anonymous.post("/accounts", data={**form, "csrf_token": "0" * 64})
    assert forged.status_code == 403
    assert [a.login for a in service.list_accounts(sessions)] == [
        a.login for a in service.list_accounts(sessions) if a.login != "new-one"
    ]
    made = anonymous.post("/accounts", data={**form, "csrf_token": csrf}, follow_redirects=False)
    assert made.status_code == 303
    assert "new-one" in {a.login for a in service.list_accounts(sessions)}
    # Every form on a page carries the token.
    page = anonymous.get("/accounts").text
    assert page.count('method="post"') == len(CSRF.findall(page)) > 3
    # fetch() sends it as a header instead.
    header = anonymous.post("/api/v1/dashboard/refresh", headers={"X-CSRF-Token": csrf})
    assert header.status_code not in (401, 403)
    assert anonymous.post("/api/v1/dashboard/refresh").status_code == 403


def test_api_tokens_need_no_csrf_token(client: TestClient) -> None:
    assert client.post("/api/v1/dashboard/refresh").status_code == 200


# -- API tokens and the decisions' hot path ----------------------------------------------


def test_the_decisions_hot_path_checks_the_token_and_its_algorithm(
    app: FastAPI, sessions: Sessions
) -> None:
    body = {"algorithm": "benefits", "decision": "d", "subject_id": "s", "inputs": {}}
    assert TestClient(app).post("/api/v1/decisions", json=body).status_code == 401
    auditor = TestClient(app, headers=bearer(sessions, "auditor"))
    assert auditor.post("/api/v1/decisions", json=body).status_code == 403
    scoped = TestClient(app, headers=bearer(sessions, "decision_owner@benefits"))
    # Through the door, then the gateway: this algorithm is not registered.
    answer = scoped.post("/api/v1/decisions", json=body)
    assert answer.status_code == 422 and answer.json()["detail"]["problems"][0]["field"] == (
        "algorithm"
    )
    other = scoped.post("/api/v1/decisions", json={**body, "algorithm": "loans"})
    assert other.status_code == 403
    batch = {"algorithm": "loans", "decision": "d", "rows": [{"subject_id": "s", "inputs": {}}]}
    assert scoped.post("/api/v1/decisions", json=batch).status_code == 403
    made_up = TestClient(app, headers={"Authorization": "Bearer sluis_made-up"})
    assert made_up.post("/api/v1/decisions", json=body).status_code == 401


def test_a_token_revoked_on_the_admin_page_stops_at_once(
    app: FastAPI, sessions: Sessions, anonymous: TestClient
) -> None:
    login = account(sessions, "auditor")
    raw, info = service.create_token(sessions, login, "job")
    system = TestClient(app, headers={"Authorization": f"Bearer {raw}"})
    assert system.get("/api/v1/dashboard").status_code == 200  # now cached
    csrf = browser_session(anonymous, sessions, "administrator")
    revoked = anonymous.post(
        f"/accounts/{info.id}/revoke-token", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert revoked.status_code == 303
    assert system.get("/api/v1/dashboard").status_code == 401


def test_the_admin_page_shows_a_new_token_once(anonymous: TestClient, sessions: Sessions) -> None:
    csrf = browser_session(anonymous, sessions, "administrator")
    target = service.get_account(sessions, account(sessions, "auditor"))
    made = anonymous.post(
        f"/accounts/{target.id}/token", data={"name": "nightly", "csrf_token": csrf}
    )
    assert made.status_code == 201
    found = re.search(r'data-testid="token-value">(sluis_[^<]+)<', made.text)
    assert found is not None
    assert found.group(1) not in anonymous.get("/accounts").text
    assert (
        TestClient(anonymous.app, headers={"Authorization": f"Bearer {found.group(1)}"})
        .get("/api/v1/dashboard")
        .status_code
        == 200
    )


def test_only_administrators_reach_the_account_page(app: FastAPI, sessions: Sessions) -> None:
    for role, status in (("privacy_officer", 403), ("auditor", 403), ("administrator", 200)):
        assert TestClient(app, headers=bearer(sessions, role)).get("/accounts").status_code == (
            status
        )


# -- a route nobody put in the table -----------------------------------------------------


def test_a_route_without_a_rule_is_refused_to_everyone(app: FastAPI, sessions: Sessions) -> None:
    @app.get("/unlisted")
    def unlisted() -> dict[str, str]:
        return {"secret": "yes"}

    assert TestClient(app).get("/unlisted").status_code == 401
    assert (
        TestClient(app, headers=bearer(sessions, "administrator")).get("/unlisted").status_code
        == 403
    )


# -- the person --------------------------------------------------------------------------


@pytest.fixture
def sink() -> Iterator[Sink]:
    yield from smtp_sink()


@pytest.fixture
def portal(sessions: Sessions, tmp_path: Path, sink: Sink) -> tuple[FastAPI, dict[str, object]]:
    """Two people, each with a decision and a request about it."""
    settings = desk_settings(tmp_path, sink)
    app = create_app(settings, sessions)
    gateway = make_gateway(sessions, tmp_path)
    app.state.gateway = gateway
    desk = app.state.rights = RightsDesk(gateway, settings)
    mine = gateway.decide("small-loan", "grant-loan", "client-1", GOOD)
    theirs = gateway.decide("small-loan", "grant-loan", "client-2", POOR)
    my_request = take_in(
        desk, NewRequest("access", reference=mine.decision_uuid, email="one@example.org")
    )
    their_request = take_in(
        desk, NewRequest("access", reference=theirs.decision_uuid, email="two@example.org")
    )
    return app, {
        "token": person_token(desk.token_secret, my_request.id),
        "mine": my_request.id,
        "theirs": their_request.id,
        "my_decision": mine.decision_uuid,
        "their_decision": theirs.decision_uuid,
    }


@pytest.mark.parametrize("carried", ["bearer", "cookie"])
def test_a_person_reaches_their_own_request_and_decision_and_nothing_else(
    portal: tuple[FastAPI, dict[str, str]], carried: str
) -> None:
    app, ids = portal
    client = TestClient(app, raise_server_exceptions=False)
    if carried == "bearer":
        client.headers["Authorization"] = f"Bearer {ids['token']}"
    else:
        client.cookies.set("sluis_request", ids["token"])
    own = [
        f"/api/v1/rights/requests/{ids['mine']}",
        f"/api/v1/decisions/{ids['my_decision']}/notice",
    ]
    if carried == "cookie":
        own += [f"/requests/{ids['mine']}", f"/decisions/{ids['my_decision']}/notice"]
    for path in own:
        assert client.get(path).status_code == 200, path
    others = [
        f"/api/v1/rights/requests/{ids['theirs']}",
        f"/api/v1/rights/requests/{ids['theirs']}/package",
        f"/api/v1/decisions/{ids['their_decision']}/notice",
        f"/decisions/{ids['their_decision']}/notice",
        f"/requests/{ids['theirs']}",
        f"/requests/{ids['theirs']}/notice",
        f"/api/v1/decisions/{ids['my_decision']}",  # the staff's record, even of their own
        "/api/v1/rights/requests",
        "/rights",
        f"/rights/{ids['mine']}",
        "/api/v1/profiles",
        "/review",
        "/accounts",
        "/dashboard",
    ]
    for path in others:
        assert client.get(path).status_code == 403, path
    staff_acts = [f"/api/v1/rights/requests/{ids['mine']}/answer", "/api/v1/reviews/contests"]
    for path in staff_acts:
        assert client.post(path, json={}).status_code == 403, path


def test_a_forged_or_expired_person_token_is_nobody(
    portal: tuple[FastAPI, dict[str, str]],
) -> None:
    app, ids = portal
    forged = f"{ids['mine']}.9999999999.{'0' * 64}"
    expired = ids["token"].split(".")
    expired[1] = "1000"
    for token in (forged, ".".join(expired), "garbage"):
        client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
        assert client.get(f"/api/v1/rights/requests/{ids['mine']}").status_code == 401


def test_nobody_can_register_a_request_as_checked_without_the_desk_role(
    portal: tuple[FastAPI, dict[str, str]], sessions: Sessions
) -> None:
    app, _ = portal
    body = {"kind": "erasure", "subject_id": "client-1", "identity_checked": True}
    assert TestClient(app).post("/api/v1/rights/requests", json=body).status_code == 401
    auditor = TestClient(app, headers=bearer(sessions, "auditor"))
    assert auditor.post("/api/v1/rights/requests", json=body).status_code == 403


def test_settings_default_to_half_an_hour_idle_and_twelve_hours(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert (settings.session_idle_minutes, settings.session_hours) == (30, 12)
