"""Secrets of the rights desk and the token that lets a person see their own request.

After the identity check the person's browser holds a token bound to that one request:
``<request id>.<expiry>.<HMAC>``. It opens nothing else: not another request, not the
staff desk. Secrets are derived from the gateway's master key with HKDF, each for one use,
so neither weakens the subject keys nor another use. Pure computation.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

CODE_SECRET_INFO = b"sluis/rights/identity-codes/v1"
TOKEN_SECRET_INFO = b"sluis/rights/person-tokens/v1"
TOKEN_SECONDS = 2 * 3600


def derive_secret(master_key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master_key)


def _mac(secret: bytes, request_id: str, expires: int) -> str:
    return hmac.new(secret, f"{request_id}.{expires}".encode(), hashlib.sha256).hexdigest()


def person_token(secret: bytes, request_id: str, now: float | None = None) -> str:
    expires = int(now if now is not None else time.time()) + TOKEN_SECONDS
    return f"{request_id}.{expires}.{_mac(secret, request_id, expires)}"


def token_opens(
    secret: bytes, token: str | None, request_id: str, now: float | None = None
) -> bool:
    """Whether ``token`` is valid, unexpired and bound to ``request_id``."""
    if not token:
        return False
    parts = token.split(".")
    if len(parts) != 3 or not parts[1].isdigit():
        return False
    bound, expires, mac = parts[0], int(parts[1]), parts[2]
    if bound != request_id or expires < int(now if now is not None else time.time()):
        return False
    return hmac.compare_digest(mac, _mac(secret, bound, expires))


__all__ = [
    "CODE_SECRET_INFO",
    "TOKEN_SECONDS",
    "TOKEN_SECRET_INFO",
    "derive_secret",
    "person_token",
    "token_opens",
]
