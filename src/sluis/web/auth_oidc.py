"""Sign in with the organisation's identity provider (OpenID Connect, authorisation code
flow with PKCE), through Authlib; offered when ``SLUIS_OIDC_ISSUER``, ``_CLIENT_ID`` and
``_CLIENT_SECRET`` are set.

``/login/oidc`` sends the browser to the provider with a fresh ``state``, ``nonce`` and PKCE
verifier, kept in a short-lived signed cookie; ``/login/oidc/callback`` checks the state,
exchanges the code, verifies the ID token (signature against the provider's keys, issuer,
audience, expiry, nonce), matches the account by its verified e-mail address
(``sluis.accounts.oidc``), grants the roles the provider's claim maps to, and starts a web
session as a password sign-in does. Nobody without an account gets in: the administrator
creates it first (``sluis account create --email --no-password``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import time
from typing import Annotated, Any

import httpx
from authlib.integrations.httpx_client import AsyncOAuth2Client
from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from sqlalchemy.orm import Session, sessionmaker

from sluis.accounts import service
from sluis.accounts.oidc import mapped_grants, verified_email
from sluis.i18n import label
from sluis.settings import Settings
from sluis.web.deps import language, sessions
from sluis.web.pages.accounts import login_page, safe_next, start_browser_session

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
Sessions = Annotated[sessionmaker[Session], Depends(sessions)]
Lang = Annotated[str, Depends(language)]
STATE_COOKIE = "sluis_oidc"
STATE_SECONDS = 600
STATE_INFO = b"sluis/web/oidc-state/v1"
CALLBACK = "/login/oidc/callback"
DISCOVERY_SECONDS = 3600.0


class OidcFailed(Exception):
    """The sign-in did not work out; the reason goes to the log (without personal data)."""


def configured(settings: Settings) -> bool:
    return bool(settings.oidc_issuer and settings.oidc_client_id and settings.oidc_client_secret)


_discovery: dict[str, tuple[float, dict[str, Any]]] = {}


async def _metadata(issuer: str) -> dict[str, Any]:
    """The provider's discovery document (kept an hour)."""
    cached = _discovery.get(issuer)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    async with httpx.AsyncClient(timeout=10) as client:
        answer = await client.get(url)
    answer.raise_for_status()
    document = answer.json()
    if document.get("issuer") != issuer:
        raise OidcFailed("the discovery document names another issuer")
    _discovery[issuer] = (time.monotonic() + DISCOVERY_SECONDS, document)
    return document


def _client(settings: Settings) -> AsyncOAuth2Client:
    secret = settings.oidc_client_secret
    return AsyncOAuth2Client(
        client_id=settings.oidc_client_id,
        client_secret=secret.get_secret_value() if secret else None,
        scope="openid email profile",
        redirect_uri=settings.public_url.rstrip("/") + CALLBACK,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_post",
    )


def _sign(key: bytes, payload: dict[str, Any]) -> str:
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    return f"{body}.{mac}"


def _unsign(key: bytes, value: str | None) -> dict[str, Any] | None:
    if not value or "." not in value:
        return None
    body, mac = value.rsplit(".", 1)
    expected = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, expected):
        return None
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    if not isinstance(payload, dict) or payload.get("exp", 0) < time.time():
        return None
    return payload


def _key(request: Request) -> bytes:
    return request.app.state.authenticator.derived(STATE_INFO)


@router.get("/login/oidc")
async def start(request: Request, lang: Lang, next: str = "/profiles") -> Response:
    settings: Settings = request.app.state.settings
    if not configured(settings):
        return login_page(request, lang, status=404, next_path=safe_next(next))
    metadata = await _metadata(settings.oidc_issuer or "")
    state, nonce, verifier = (secrets.token_urlsafe(24) for _ in range(3))
    client = _client(settings)
    url, _ = client.create_authorization_url(
        metadata["authorization_endpoint"], state=state, code_verifier=verifier, nonce=nonce
    )
    payload = {
        "state": state,
        "nonce": nonce,
        "verifier": verifier,
        "next": safe_next(next),
        "exp": int(time.time()) + STATE_SECONDS,
    }
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        STATE_COOKIE,
        _sign(_key(request), payload),
        max_age=STATE_SECONDS,
        path="/login/oidc",
        httponly=True,
        samesite="lax",  # the provider sends the browser back with a top-level GET
        secure=request.url.scheme == "https",
    )
    return response


@router.get(CALLBACK)
async def callback(request: Request, db: Sessions, lang: Lang) -> Response:
    settings: Settings = request.app.state.settings
    if not configured(settings):
        return login_page(request, lang, status=404)
    kept = _unsign(_key(request), request.cookies.get(STATE_COOKIE))
    try:
        if kept is None or not secrets.compare_digest(
            str(kept["state"]), request.query_params.get("state", "")
        ):
            raise OidcFailed("state missing, expired or not ours")
        code = request.query_params.get("code")
        if not code:
            raise OidcFailed("no code")
        claims = await _claims(settings, code, kept)
        email = verified_email(claims)
        if email is None:
            raise OidcFailed("no verified e-mail address")
        account = await run_in_threadpool(service.account_by_email, db, email)
        if account is None:
            raise OidcFailed("no active account with this address")
        for grant in mapped_grants(claims, settings.oidc_role_claim, settings.oidc_role_map):
            await run_in_threadpool(service.grant, db, account.id, grant)
    except (OidcFailed, JoseError, KeyError, ValueError) as exc:
        # The reason names no person: OidcFailed's texts are ours, others by their type.
        reason = str(exc) if isinstance(exc, OidcFailed) else type(exc).__name__
        log.warning("oidc: sign-in refused (%s)", reason)
        error = label("accounts.problem.oidc_failed", lang)
        response: Response = login_page(request, lang, status=401, error=error)
        response.delete_cookie(STATE_COOKIE, path="/login/oidc")
        return response
    response = await start_browser_session(request, db, account.id, str(kept["next"]))
    response.delete_cookie(STATE_COOKIE, path="/login/oidc")
    return response


async def _claims(settings: Settings, code: str, kept: dict[str, Any]) -> dict[str, Any]:
    """Exchange the code and verify the ID token; its claims."""
    metadata = await _metadata(settings.oidc_issuer or "")
    async with _client(settings) as client:
        token = await client.fetch_token(
            metadata["token_endpoint"], code=code, code_verifier=kept["verifier"]
        )

    async with httpx.AsyncClient(timeout=10) as plain:
        keys = (await plain.get(metadata["jwks_uri"])).json()
    id_token = token.get("id_token")
    if not id_token:
        raise OidcFailed("no ID token")
    decoded = jwt.decode(id_token, KeySet.import_key_set(keys), algorithms=["RS256", "ES256"])
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": settings.oidc_issuer},
        aud={"essential": True, "value": settings.oidc_client_id},
        exp={"essential": True},
        nonce={"essential": True, "value": kept["nonce"]},
    ).validate(decoded.claims)
    return dict(decoded.claims)


__all__ = ["CALLBACK", "STATE_COOKIE", "configured", "router"]
