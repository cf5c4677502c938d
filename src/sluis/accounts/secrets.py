"""Passwords, session ids and API tokens.

Passwords are hashed with argon2id (argon2-cffi's defaults follow RFC 9106's advice).
Session ids and API tokens are 256 random bits; only their SHA-256 is stored, so a copy of
the database opens no session. A hash of a random secret needs no salt or slow hash: there
is nothing to guess. Comparisons of secrets are constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

TOKEN_PREFIX = "sluis_"
MIN_PASSWORD = 12
MAX_PASSWORD = 1024

_HASHER = PasswordHasher()
# Verified when the login name is unknown, so that an unknown name takes as long as a
# wrong password (no user enumeration by timing).
_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None. Length is what counts (NIST SP 800-63B)."""
    if len(password) < MIN_PASSWORD:
        return "too_short"
    if len(password) > MAX_PASSWORD:
        return "too_long"
    if not password.strip():
        return "blank"
    return None


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def check_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; with nothing stored, the same work is done
    against a dummy and the answer is no."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def new_api_token() -> str:
    """An API token; the prefix tells it apart from a person's token in a Bearer header."""
    return new_secret(TOKEN_PREFIX)


def digest(secret: str) -> str:
    """What is stored of a session id or token: its SHA-256, hex."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def csrf_for(key: bytes, session_id: str) -> str:
    """The synchroniser token of a session: bound to it, so it needs no storage."""
    return hmac.new(key, b"csrf:" + session_id.encode("utf-8"), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


__all__ = [
    "MAX_PASSWORD",
    "MIN_PASSWORD",
    "TOKEN_PREFIX",
    "check_password",
    "csrf_for",
    "digest",
    "hash_password",
    "needs_rehash",
    "new_api_token",
    "new_secret",
    "password_problem",
    "same",
]
