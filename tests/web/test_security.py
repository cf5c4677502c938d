"""HTTP hardening: security headers everywhere, HSTS only over TLS, a rate limit on the
public portal (429 with Retry-After), and no personal data in the logs."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from auth_world import sign_in
from sluis.settings import Settings
from sluis.web.app import create_app
from sluis.web.log_privacy import PersonalDataFilter, install, scrub, scrub_path
from sluis.web.security import PAGE_POLICY, TokenBuckets, is_portal

Sessions = sessionmaker[Session]
DECISION = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"


def make_client(
    sessions: Sessions, tmp_path: Path, base_url: str = "http://testserver", **settings: object
) -> TestClient:
    app = create_app(Settings(data_dir=tmp_path, **settings), sessions)  # type: ignore[arg-type]
    return sign_in(TestClient(app, base_url=base_url), sessions)


# -- headers -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/profiles", "/api/v1/profiles", "/requests/new", "/nowhere"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["content-security-policy"] == PAGE_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "strict-transport-security" not in response.headers  # plain HTTP


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=\"/static/)[^>]*>")


def test_scripts_never_run_inline_and_the_pages_have_none(client: TestClient) -> None:
    policy = client.get("/profiles").headers["content-security-policy"]
    scripts = next(part for part in policy.split(";") if "script-src" in part)
    assert scripts.strip() == "script-src 'self'"
    templates = Path(__file__).parents[2] / "src" / "sluis" / "web" / "templates"
    for template in templates.glob("*.html"):
        text = template.read_text(encoding="utf-8").lower()
        # Scripts come from our own static files (``src``), never written into the page.
        assert not INLINE_SCRIPT.search(text), template.name
        assert " on" + "click=" not in text, template.name


def test_hsts_only_over_https(sessions: Sessions, tmp_path: Path) -> None:
    over_tls = make_client(sessions, tmp_path, base_url="https://testserver")
    assert over_tls.get("/profiles").headers["strict-transport-security"].startswith("max-age=")
    plain = make_client(sessions, tmp_path)
    forged = plain.get("/profiles", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in forged.headers  # no proxy configured: not trusted
    proxied = make_client(sessions, tmp_path, behind_proxy=True)
    via_proxy = proxied.get("/profiles", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" in via_proxy.headers


def test_the_api_docs_get_their_own_policy(client: TestClient) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "https://cdn.jsdelivr.net" in response.headers["content-security-policy"]


# -- the portal's rate limit -------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "limited"),
    [
        ("GET", "/requests/new", True),
        ("POST", "/requests/new", True),
        ("GET", f"/requests/{DECISION}/verify", True),
        ("POST", "/api/v1/rights/requests", True),
        ("POST", f"/api/v1/rights/requests/{DECISION}/identity/code", True),
        ("POST", f"/api/v1/rights/requests/{DECISION}/identity", True),
        ("GET", "/api/v1/rights/requests", False),  # staff
        ("POST", f"/api/v1/rights/requests/{DECISION}/erasure", False),  # staff
        ("POST", "/login", True),
        ("GET", "/login", False),
        ("POST", "/letter", True),
        ("GET", "/profiles", False),
        ("POST", "/api/v1/decisions", False),
    ],
)
def test_which_routes_are_the_public_portal(method: str, path: str, limited: bool) -> None:
    assert is_portal(method, path) is limited


def test_a_bucket_allows_a_burst_then_refills_at_its_rate() -> None:
    buckets = TokenBuckets(per_minute=60, burst=3)
    assert [buckets.take("a", now=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a", now=0.0) == pytest.approx(1.0)
    assert buckets.take("b", now=0.0) == 0.0  # per client
    assert buckets.take("a", now=1.0) == 0.0  # one token back after a second
    assert buckets.take("a", now=1.5) == pytest.approx(0.5)


def test_a_bucket_forgets_the_longest_idle_clients_first() -> None:
    buckets = TokenBuckets(per_minute=1, burst=1, max_keys=2)
    buckets.take("a", now=0.0)
    buckets.take("b", now=0.0)
    buckets.take("c", now=0.0)  # "a" goes
    assert buckets.take("a", now=0.0) == 0.0


def test_too_many_portal_requests_get_429_with_retry_after(
    sessions: Sessions, tmp_path: Path
) -> None:
    client = make_client(sessions, tmp_path, portal_rate_per_minute=6, portal_burst=2)
    assert client.get("/requests/new?lang=en").status_code != 429
    assert client.get("/requests/new?lang=en").status_code != 429
    refused = client.get("/requests/new?lang=en")
    assert refused.status_code == 429
    # A whole second may pass between the refusal and reading the bucket on a busy machine.
    assert 1 <= int(refused.headers["retry-after"]) <= 10
    assert "10 seconds" in refused.text
    assert refused.headers["x-content-type-options"] == "nosniff"
    api = client.post("/api/v1/rights/requests", json={})
    assert api.status_code == 429 and api.json()["detail"]["rule"] == "rate_limited"
    # The rest of the app is not limited.
    assert client.get("/profiles").status_code == 200


def test_behind_a_proxy_each_client_has_its_own_bucket(sessions: Sessions, tmp_path: Path) -> None:
    client = make_client(
        sessions, tmp_path, portal_rate_per_minute=1, portal_burst=1, behind_proxy=True
    )
    first = {"X-Forwarded-For": "198.51.100.7"}
    assert client.get("/requests/new", headers=first).status_code != 429
    assert client.get("/requests/new", headers=first).status_code == 429
    other = {"X-Forwarded-For": "198.51.100.8"}
    assert client.get("/requests/new", headers=other).status_code != 429


# -- logs --------------------------------------------------------------------------------


def test_access_log_lines_lose_the_client_the_query_and_the_ids() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        (
            "203.0.113.9:5000",
            "GET",
            f"/requests/{DECISION}?token=abc&email=jan@example.nl",
            "1.1",
            200,
        ),
        None,
    )
    assert PersonalDataFilter().filter(record)
    line = record.getMessage()
    assert line == '- - "GET /requests/:id HTTP/1.1" 200'


@pytest.mark.parametrize(
    ("text", "kept_out"),
    [
        ("mail to jan.jansen+x@example.nl failed", "jan.jansen"),
        ("subject 123456782 not found", "123456782"),
        (
            "IntegrityError: INSERT INTO t (a) VALUES (?)\n[parameters: ('Jan Jansen', 17)]\n"
            "(Background on this error at: https://sqlalche.me/e/20/gkpj)",
            "Jan Jansen",
        ),
        ("GET https://sluis.example/requests/new?ref=abc&right=access", "ref=abc"),
    ],
)
def test_personal_data_is_scrubbed_from_messages(text: str, kept_out: str) -> None:
    assert kept_out not in scrub(text)


def test_paths_keep_their_shape() -> None:
    assert scrub_path(f"/api/v1/decisions/{DECISION}/notice?lang=en") == (
        "/api/v1/decisions/:id/notice"
    )


def test_the_app_keeps_personal_data_out_of_its_loggers(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    install()
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sluis.rights").warning("code sent to %s", "jan@example.nl")
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d',
        "203.0.113.9:5000",
        "POST",
        "/requests/new?ref=secret-ref",
        "1.1",
        303,
    )
    try:
        raise ValueError("BSN 123456782 refused")
    except ValueError:
        logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    for secret in ("jan@example.nl", "secret-ref", "203.0.113.9", "123456782"):
        assert secret not in text
    assert "code sent to <email>" in caplog.text


def test_the_portal_logs_nothing_personal_while_serving(
    app: FastAPI, client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client.post(
        "/requests/new?ref=" + DECISION,
        data={"right": "access", "name": "Jan Jansen", "email": "jan@example.nl"},
    )
    client.post(
        "/api/v1/rights/requests",
        json={"kind": "access", "reference": DECISION, "email": "jan@example.nl"},
    )
    assert "jan@example.nl" not in caplog.text and "Jan Jansen" not in caplog.text
