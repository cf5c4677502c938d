"""Authentication and the access check for every request (ASGI middleware).

Who is asking, in this order: an ``Authorization: Bearer`` API token (systems), a session
cookie (staff signed in through ``/login``), a person's request token (``Bearer`` or the
portal's cookie). The route the router will choose is found among the app's own routes (the
same order, the same patterns) and its rule looked up in ``sluis.web.access``; a route
without a rule is refused. 401 when nobody is known, 403 when the role does not allow it
(also for things that do not exist: the answer never tells). Unsafe methods on a session
need the session's CSRF token (form field ``csrf_token`` or header ``X-CSRF-Token``);
Bearer tokens are not sent by browsers on their own and need none.

A verified API token is remembered for a few seconds (by its hash), so the decisions' hot
path pays no database read per request; a revoked token stops within that time.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property
from typing import Any

from fastapi.routing import iter_route_contexts
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette._utils import get_route_path
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sluis.accounts import service
from sluis.accounts.roles import Principal
from sluis.accounts.secrets import TOKEN_PREFIX, csrf_for, digest, same
from sluis.gateway.crypto import load_master_key
from sluis.i18n import label
from sluis.rights.tokens import TOKEN_SECRET_INFO, derive_secret, token_opens
from sluis.settings import Settings
from sluis.store.tables.base import utcnow
from sluis.store.tables.rights import RightsRequestRow
from sluis.web.access import Verdict, judge, rule_for
from sluis.web.deps import language
from sluis.web.security import is_https

log = logging.getLogger(__name__)

SESSION_COOKIE = "sluis_session"
SECURE_SESSION_COOKIE = "__Host-sluis_session"
PERSON_COOKIE = "sluis_request"  # set by the rights portal (sluis.web.pages.rights)
CSRF_FIELD = "csrf_token"
CSRF_HEADER = b"x-csrf-token"
CSRF_INFO = b"sluis/web/csrf/v1"
STATIC = "/static/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
TOKEN_CACHE_SECONDS = 10.0
TOKEN_CACHE_MAX = 10_000
MAX_FORM_BYTES = 40_000_000
_PERSON_TOKEN = re.compile(r"^[0-9a-f-]{1,64}\.\d{1,12}\.[0-9a-f]{64}$")


@dataclass(frozen=True)
class _Route:
    regex: re.Pattern[str]
    methods: frozenset[str] | None
    path_format: str


class RouteIndex:
    """The app's routes in the router's order, to find the one a request will reach."""

    def __init__(self, routes: Iterable[Any]) -> None:
        self.routes: list[_Route] = []
        for r in iter_route_contexts(list(routes)):
            regex = getattr(r, "path_regex", None)
            path_format = getattr(r, "path_format", None)
            if regex is None or path_format is None:
                continue
            methods = frozenset(r.methods) if r.methods else None
            self.routes.append(_Route(regex, methods, path_format))
        # A route without parameters is found by its path at once, unless a route before
        # it would take that path first (then the loop decides, as the router does).
        self.static: dict[str, list[_Route]] = {}
        for i, route in enumerate(self.routes):
            if "{" in route.path_format:
                continue
            if any(earlier.regex.match(route.path_format) for earlier in self.routes[:i]):
                continue
            self.static.setdefault(route.path_format, []).append(route)

    def match(self, method: str, path: str) -> tuple[_Route, dict[str, str]] | None:
        """The first route matching path and method; None when none does (the router will
        answer 404 or 405, which tells nothing)."""
        for route in self.static.get(path, ()):
            if route.methods is None or method in route.methods:
                return route, {}
        for route in self.routes:
            found = route.regex.match(path)
            if found and (route.methods is None or method in route.methods):
                return route, {k: v for k, v in found.groupdict().items() if v is not None}
        return None


def session_cookie_name(scope: Scope, settings: Settings) -> str:
    """``__Host-`` (Secure, host-only, path /) whenever the browser reached us over TLS."""
    return SECURE_SESSION_COOKIE if is_https(scope, settings.behind_proxy) else SESSION_COOKIE


class Authenticator:
    """Turns what a request carries into a :class:`Principal` (or None)."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings) -> None:
        self.sessions = sessions
        self.settings = settings
        self.policy = service.SessionPolicy(
            idle=timedelta(minutes=settings.session_idle_minutes),
            absolute=timedelta(hours=settings.session_hours),
        )
        self._tokens: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()

    @cached_property
    def _master(self) -> bytes:
        return load_master_key(self.settings)

    @cached_property
    def person_secret(self) -> bytes:
        return derive_secret(self._master, TOKEN_SECRET_INFO)

    @cached_property
    def csrf_key(self) -> bytes:
        return derive_secret(self._master, CSRF_INFO)

    def derived(self, info: bytes) -> bytes:
        """A secret for one use, derived from the master key."""
        return derive_secret(self._master, info)

    def csrf_token(self, session_id: str) -> str:
        return csrf_for(self.csrf_key, session_id)

    # -- API tokens ----------------------------------------------------------------------

    def cached_token(self, raw: str) -> Principal | None:
        hit = self._tokens.get(digest(raw))
        if hit is not None and hit[1] > time.monotonic():
            return hit[0]
        return None

    def token(self, raw: str) -> Principal | None:
        found = service.token_principal(self.sessions, raw)
        if found is None:
            return None
        principal, expires = found
        until = time.monotonic() + TOKEN_CACHE_SECONDS
        if expires is not None:
            until = min(until, time.monotonic() + (expires - utcnow()).total_seconds())
        with self._lock:
            if len(self._tokens) >= TOKEN_CACHE_MAX:
                self._tokens.clear()
            self._tokens[digest(raw)] = (principal, until)
        return principal

    def forget_tokens(self) -> None:
        with self._lock:
            self._tokens.clear()

    # -- sessions and persons -----------------------------------------------------------

    def session(self, raw: str) -> Principal | None:
        return service.session_principal(self.sessions, raw, self.policy)

    def person(self, raw: str) -> Principal | None:
        if not _PERSON_TOKEN.match(raw):
            return None
        request_id = raw.split(".", 1)[0]
        if not token_opens(self.person_secret, raw, request_id):
            return None
        return Principal(kind="person", request_id=request_id, name="")

    def decision_of(self, request_id: str) -> str | None:
        with self.sessions() as session:
            return session.scalar(
                select(RightsRequestRow.decision_uuid).where(RightsRequestRow.id == request_id)
            )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def _cookies(scope: Scope) -> dict[str, str]:
    raw = _header(scope, b"cookie")
    if not raw:
        return {}
    found: dict[str, str] = {}
    for part in raw.split(";"):
        name, _, value = part.strip().partition("=")
        if name and name not in found:
            found[name] = value.strip().strip('"')
    return found


def bearer(scope: Scope) -> str | None:
    value = _header(scope, b"authorization")
    if value and value[:7].lower() == "bearer ":
        return value[7:].strip() or None
    return None


class AccessControl:
    """The middleware: authenticate, find the route's rule, refuse or pass on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._index: RouteIndex | None = None

    def index(self, scope: Scope) -> RouteIndex:
        if self._index is None:
            self._index = RouteIndex(scope["app"].routes)
        return self._index

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        found = self.index(scope).match(method, get_route_path(scope))
        if found is None:
            await self.app(scope, receive, send)
            return
        route, params = found
        rule = rule_for(method, route.path_format)
        if rule is not None and rule.public and route.path_format.startswith(STATIC):
            await self.app(scope, receive, send)  # style sheets need nobody looked up
            return
        auth: Authenticator = scope["app"].state.authenticator
        principal, session_id = await _identify(auth, scope)
        state = scope.setdefault("state", {})
        state["principal"] = principal
        state["csrf_token"] = auth.csrf_token(session_id) if session_id else None
        if rule is None:
            # Fail-closed: a route nobody put in the table is refused to everyone.
            log.warning("access: a route without a rule was refused")
            await _refuse(scope, receive, send, Verdict.forbidden if principal else Verdict.unknown)
            return
        decision = None
        if rule.own_kind == "decision" and principal is not None and principal.is_person:
            decision = await run_in_threadpool(auth.decision_of, principal.request_id or "")
        verdict = judge(rule, principal, params, decision)
        if verdict is not Verdict.allow:
            await _refuse(scope, receive, send, verdict)
            return
        if session_id and method not in SAFE_METHODS:
            expected = state["csrf_token"]
            ok, receive = await _csrf_ok(scope, receive, expected)
            if not ok:
                await _refuse(scope, receive, send, Verdict.forbidden, rule="csrf")
                return
        await self.app(scope, receive, send)


async def _identify(auth: Authenticator, scope: Scope) -> tuple[Principal | None, str | None]:
    """The principal, and the raw session id when it came from a session cookie."""
    token = bearer(scope)
    if token is not None:
        if token.startswith(TOKEN_PREFIX):
            cached = auth.cached_token(token)
            if cached is not None:
                return cached, None
            return await run_in_threadpool(auth.token, token), None
        return auth.person(token), None
    cookies = _cookies(scope)
    raw = cookies.get(SECURE_SESSION_COOKIE) or cookies.get(SESSION_COOKIE)
    if raw:
        principal = await run_in_threadpool(auth.session, raw)
        if principal is not None:
            return principal, raw
    person = cookies.get(PERSON_COOKIE)
    if person:
        return auth.person(person), None
    return None, None


async def _csrf_ok(scope: Scope, receive: Receive, expected: str) -> tuple[bool, Receive]:
    """Whether the request carries the session's CSRF token; the body, when read to find
    it, is handed on to the route unchanged."""
    header = _header(scope, CSRF_HEADER)
    if header is not None:
        return same(header, expected), receive
    media = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
    if media not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return False, receive
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        body += message.get("body", b"")
        if len(body) > MAX_FORM_BYTES:
            return False, receive
        if not message.get("more_body", False):
            break
    replay = _replay(bytes(body), receive)
    form = await Request(scope, _replay(bytes(body), receive)).form()
    try:
        value = form.get(CSRF_FIELD)
        ok = isinstance(value, str) and same(value, expected)
    finally:
        await form.close()
    return ok, replay


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


async def _refuse(
    scope: Scope, receive: Receive, send: Send, verdict: Verdict, rule: str | None = None
) -> None:
    status = 401 if verdict is Verdict.unknown else 403
    rule = rule or ("signed_out" if status == 401 else "forbidden")
    path = scope["path"]
    if path.startswith("/api/"):
        body = json.dumps(
            {
                "detail": {
                    "message": label(f"accounts.problem.{rule}", "en"),
                    "problems": [{"field": "(authorization)", "rule": rule}],
                }
            }
        ).encode("utf-8")
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode("ascii")),
            (b"cache-control", b"no-store"),
        ]
        if status == 401:
            headers.append((b"www-authenticate", b'Bearer realm="sluis"'))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return
    from sluis.web.pages.accounts import refusal_page  # the pages import this module

    response = refusal_page(Request(scope, receive), status, rule)
    await response(scope, receive, send)


def page_language(scope: Scope) -> str:
    return language(Request(scope))


def install(app: Any, sessions: sessionmaker[Session], settings: Settings) -> None:
    """Put the authenticator on the app and the access check in front of the routes (the
    caller adds it after every middleware that must sit behind it)."""
    app.state.authenticator = Authenticator(sessions, settings)
    app.add_middleware(AccessControl)


__all__ = [
    "CSRF_FIELD",
    "PERSON_COOKIE",
    "SECURE_SESSION_COOKIE",
    "SESSION_COOKIE",
    "AccessControl",
    "Authenticator",
    "RouteIndex",
    "bearer",
    "install",
    "session_cookie_name",
]
