"""Sign in with an OpenID Connect provider: a real (tiny) provider served over HTTP here,
with discovery, an authorisation endpoint that approves at once, a token endpoint that
checks the client secret and PKCE, and ID tokens signed with RS256 (joserfc). Sluis talks
to it as it would to any provider (``sluis.web.auth_oidc``)."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

from rights_world import free_port
from sluis.accounts import service
from sluis.accounts.roles import Grant, Role
from sluis.settings import Settings
from sluis.web import auth_oidc
from sluis.web.app import create_app

CLIENT_ID, CLIENT_SECRET = "sluis", "provider-secret"
Sessions = sessionmaker[Session]


@dataclass
class Provider:
    url: str
    key: RSAKey
    user: dict[str, Any] = field(default_factory=dict)
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Tampering, to see Sluis refuse: sign with a key not published, or a wrong nonce.
    sign_with: RSAKey | None = None
    nonce_override: str | None = None

    def app(self) -> Starlette:
        async def discovery(_: Request) -> JSONResponse:
            return JSONResponse(
                {
                    "issuer": self.url,
                    "authorization_endpoint": f"{self.url}/authorize",
                    "token_endpoint": f"{self.url}/token",
                    "jwks_uri": f"{self.url}/jwks",
                    "response_types_supported": ["code"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                }
            )

        async def authorize(request: Request) -> RedirectResponse | JSONResponse:
            q = request.query_params
            if q.get("client_id") != CLIENT_ID or q.get("code_challenge_method") != "S256":
                return JSONResponse({"error": "invalid_request"}, status_code=400)
            code = secrets.token_urlsafe(16)
            self.codes[code] = {
                "nonce": q["nonce"],
                "challenge": q["code_challenge"],
                "redirect_uri": q["redirect_uri"],
            }
            query = urlencode({"code": code, "state": q["state"]})
            return RedirectResponse(f"{q['redirect_uri']}?{query}", status_code=302)

        async def token(request: Request) -> JSONResponse:
            form = await request.form()
            grant = self.codes.pop(str(form.get("code")), None)
            if grant is None or form.get("client_secret") != CLIENT_SECRET:
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            verifier = str(form.get("code_verifier", ""))
            digest = hashlib.sha256(verifier.encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
                return JSONResponse({"error": "invalid_grant"}, status_code=400)
            now = int(time.time())
            claims = {
                "iss": self.url,
                "aud": CLIENT_ID,
                "sub": "user-1",
                "iat": now,
                "exp": now + 300,
                "nonce": self.nonce_override or grant["nonce"],
                **self.user,
            }
            key = self.sign_with or self.key
            id_token = jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)
            return JSONResponse(
                {"access_token": "at", "token_type": "Bearer", "id_token": id_token}
            )

        async def jwks(_: Request) -> JSONResponse:
            return JSONResponse(KeySet([self.key]).as_dict(private=False))

        return Starlette(
            routes=[
                Route("/.well-known/openid-configuration", discovery),
                Route("/authorize", authorize),
                Route("/token", token, methods=["POST"]),
                Route("/jwks", jwks),
            ]
        )


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    port = free_port()
    found = Provider(
        f"http://127.0.0.1:{port}", RSAKey.generate_key(2048, parameters={"kid": "k1"})
    )
    server = uvicorn.Server(
        uvicorn.Config(found.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the provider did not start"
        time.sleep(0.05)
    yield found
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def oidc_app(sessions: Sessions, tmp_path: Path, provider: Provider) -> FastAPI:
    provider.user = {}
    provider.sign_with = None
    provider.nonce_override = None
    auth_oidc._discovery.clear()
    settings = Settings(
        data_dir=tmp_path,
        public_url="http://testserver",
        oidc_issuer=provider.url,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
        oidc_role_map="sluis-dpo=privacy_officer,sluis-audit=auditor",
    )
    return create_app(settings, sessions)


def sign_in(client: TestClient, next_path: str = "/dashboard") -> httpx.Response:
    """Through the provider and back, as a browser would."""
    start = client.get(f"/login/oidc?next={next_path}", follow_redirects=False)
    assert start.status_code == 303
    location = start.headers["location"]
    assert location.startswith(client.app.state.settings.oidc_issuer + "/authorize?")  # type: ignore[attr-defined]
    asked = parse_qs(urlparse(location).query)
    assert asked["redirect_uri"] == ["http://testserver/login/oidc/callback"]
    assert "openid" in asked["scope"][0] and asked["code_challenge_method"] == ["S256"]
    approved = httpx.get(location, follow_redirects=False)
    assert approved.status_code == 302
    back = urlparse(approved.headers["location"])
    return client.get(f"{back.path}?{back.query}", follow_redirects=False)


def test_a_verified_address_signs_its_account_in_with_the_mapped_roles(
    oidc_app: FastAPI, sessions: Sessions, provider: Provider
) -> None:
    service.create_account(sessions, "dana", "Dana", email="dana@example.org")
    provider.user = {
        "email": "Dana@Example.org",
        "email_verified": True,
        "roles": ["sluis-dpo", "unmapped-group"],
    }
    client = TestClient(oidc_app)
    assert 'data-testid="login-oidc"' in client.get("/login").text
    answer = sign_in(client)
    assert answer.status_code == 303 and answer.headers["location"] == "/dashboard"
    assert "sluis_session=" in answer.headers["set-cookie"]
    assert client.get("/dashboard").status_code == 200
    assert service.get_account(sessions, "dana").grants == (Grant(Role.privacy_officer),)


@pytest.mark.parametrize(
    "trouble", ["unverified", "no_account", "foreign_key", "wrong_nonce", "forged_state"]
)
def test_nobody_gets_in_unless_everything_checks_out(
    oidc_app: FastAPI, sessions: Sessions, provider: Provider, trouble: str
) -> None:
    service.create_account(sessions, "dana", "Dana", email="dana@example.org")
    provider.user = {"email": "dana@example.org", "email_verified": True, "roles": ["sluis-dpo"]}
    if trouble == "unverified":
        provider.user["email_verified"] = False
    elif trouble == "no_account":
        provider.user["email"] = "someone@example.org"
    elif trouble == "foreign_key":
        provider.sign_with = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    elif trouble == "wrong_nonce":
        provider.nonce_override = "not-the-nonce"
    client = TestClient(oidc_app)
    if trouble == "forged_state":
        start = client.get("/login/oidc", follow_redirects=False)
        approved = httpx.get(start.headers["location"], follow_redirects=False)
        back = urlparse(approved.headers["location"])
        query = parse_qs(back.query)
        answer = client.get(
            back.path, params={"code": query["code"][0], "state": "forged"}, follow_redirects=False
        )
    else:
        answer = sign_in(client)
    assert answer.status_code == 401 and 'data-testid="login-error"' in answer.text
    assert client.get("/dashboard").status_code == 401
    assert service.get_account(sessions, "dana").grants == ()


def test_without_a_provider_there_is_no_such_sign_in(client: TestClient) -> None:
    assert 'data-testid="login-oidc"' not in client.get("/login").text
    assert client.get("/login/oidc", follow_redirects=False).status_code == 404
