"""HTTP hardening: security headers on every response, and a rate limit on the public
portal (GDPR art. 32: security fit to the risk).

``SecurityHeaders`` sets a Content-Security-Policy, ``X-Content-Type-Options``,
``Referrer-Policy`` (none: portal addresses carry request ids), framing refused
(``frame-ancestors`` and ``X-Frame-Options``), and ``Strict-Transport-Security`` only where
the request came over HTTPS, directly or, with ``Settings.behind_proxy``, through a proxy
that says so. Scripts run only from our own origin, never inline: the templates have no
script at all. Styles may be inline (``'unsafe-inline'`` in ``style-src`` only): several
pages and the notice letters (shared with the PDFs) carry a ``<style>`` block or a style
attribute. The API docs page (``/api/v1/docs``) loads Swagger UI from its CDN with an
inline start-up script and gets a policy of its own for that.

``PortalRateLimit`` gives each client a token bucket for the portal (the ``/requests``
pages and the rights intake and identity API): ``Settings.portal_burst`` requests at once,
refilled at ``Settings.portal_rate_per_minute``; beyond that 429 with ``Retry-After``.
In-process (each instance limits on its own); client addresses stay in memory only and
are never logged.

Both are plain ASGI middleware: no request body is read, the decisions' hot path pays a
few header appends.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sluis.i18n import label

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_PATH = "/api/v1/docs"
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HSTS = "max-age=31536000; includeSubDomains"
_COMMON = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
MAX_CLIENTS = 50_000


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def is_https(scope: Scope, behind_proxy: bool) -> bool:
    """Whether the client reached us over TLS."""
    if scope.get("scheme") == "https":
        return True
    if not behind_proxy:
        return False
    forwarded = _header(scope, b"x-forwarded-proto")
    return forwarded is not None and forwarded.split(",")[0].strip().lower() == "https"


def client_of(scope: Scope, behind_proxy: bool) -> str:
    """The client's address: as the proxy saw it (the last X-Forwarded-For entry, the one
    our proxy added) when behind one, else the peer's."""
    if behind_proxy:
        forwarded = _header(scope, b"x-forwarded-for")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    client = scope.get("client")
    return client[0] if client else "unknown"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, behind_proxy: bool = False) -> None:
        self.app = app
        self.behind_proxy = behind_proxy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope.get("path") == DOCS_PATH else PAGE_POLICY
        extra: list[tuple[bytes, bytes]] = [
            (b"content-security-policy", policy.encode("ascii")),
            *_COMMON,
        ]
        if is_https(scope, self.behind_proxy):
            extra.append((b"strict-transport-security", HSTS.encode("ascii")))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {key.lower() for key, _ in headers}
                headers += [
                    (k, v) for k, v in extra if k not in present
                ]  # routes may set their own
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- the portal's rate limit -------------------------------------------------------------


def is_portal(method: str, path: str) -> bool:
    """The routes anyone may reach without an account: the portal pages, taking a
    request in or confirming identity through the API, drafting a letter (each one a PDF
    to render), and signing in (guessing passwords from many accounts)."""
    if path == "/requests" or path.startswith("/requests/"):
        return True
    if method != "POST":
        return False
    if path in ("/login", "/letter"):
        return True
    prefix = "/api/v1/rights/requests"
    return path == prefix or (path.startswith(prefix + "/") and "/identity" in path)


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class TokenBuckets:
    """A token bucket per key: ``burst`` at once, refilled at ``per_minute``. Thread-safe;
    keeps at most ``max_keys`` buckets (the longest idle go first)."""

    def __init__(self, per_minute: int, burst: int, max_keys: int = MAX_CLIENTS) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str, now: float | None = None) -> float:
        """Take a token: 0.0 when allowed, else the seconds until one is there."""
        now = time.monotonic() if now is None else now
        with self._lock:
            bucket = self._buckets.pop(key, None)
            if bucket is None:
                bucket = _Bucket(self.burst, now)
            else:
                bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
                bucket.stamp = now
            self._buckets[key] = bucket
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate


class PortalRateLimit:
    def __init__(
        self, app: ASGIApp, per_minute: int, burst: int, behind_proxy: bool = False
    ) -> None:
        self.app = app
        self.buckets = TokenBuckets(per_minute, burst)
        self.behind_proxy = behind_proxy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_portal(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(client_of(scope, self.behind_proxy))
        if wait <= 0.0:
            await self.app(scope, receive, send)
            return
        await _too_many(scope, send, math.ceil(wait))


async def _too_many(scope: Scope, send: Send, retry_after: int) -> None:
    api = scope["path"].startswith("/api/")
    lang = "en" if b"lang=en" in scope.get("query_string", b"") else "nl"
    text = label("security.rate_limited", "en" if api else lang).format(seconds=retry_after)
    if api:
        body = json.dumps(
            {"detail": {"message": text, "rule": "rate_limited", "retry_after": retry_after}}
        ).encode("utf-8")
        media = b"application/json"
    else:
        body = text.encode("utf-8")
        media = b"text/plain; charset=utf-8"
    headers: Iterable[tuple[bytes, bytes]] = (
        (b"content-type", media),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"retry-after", str(retry_after).encode("ascii")),
        (b"cache-control", b"no-store"),
    )
    await send({"type": "http.response.start", "status": 429, "headers": list(headers)})
    await send({"type": "http.response.body", "body": body})


__all__ = [
    "DOCS_POLICY",
    "HSTS",
    "PAGE_POLICY",
    "PortalRateLimit",
    "SecurityHeaders",
    "TokenBuckets",
    "client_of",
    "is_https",
    "is_portal",
]
