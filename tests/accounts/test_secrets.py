"""Passwords (argon2id), session ids and API tokens (stored as hashes), CSRF tokens."""

from __future__ import annotations

from sluis.accounts.secrets import (
    TOKEN_PREFIX,
    check_password,
    csrf_for,
    digest,
    hash_password,
    new_api_token,
    password_problem,
    same,
)


def test_passwords_are_hashed_with_argon2id_and_checked() -> None:
    stored = hash_password("correct horse battery staple")
    assert stored.startswith("$argon2id$") and "correct" not in stored
    assert check_password(stored, "correct horse battery staple")
    assert not check_password(stored, "correct horse battery stapler")
    assert not check_password(None, "anything at all")  # unknown account: no
    assert not check_password("not a hash", "anything at all")


def test_a_password_needs_length_not_tricks() -> None:
    assert password_problem("short") == "too_short"
    assert password_problem(" " * 20) == "blank"
    assert password_problem("x" * 2000) == "too_long"
    assert password_problem("just twelve chars") is None


def test_tokens_are_random_prefixed_and_stored_as_their_hash() -> None:
    a, b = new_api_token(), new_api_token()
    assert a != b and a.startswith(TOKEN_PREFIX) and len(a) > 40
    assert digest(a) == digest(a) != digest(b) and len(digest(a)) == 64


def test_the_csrf_token_is_bound_to_the_session() -> None:
    key = b"k" * 32
    assert csrf_for(key, "s1") == csrf_for(key, "s1") != csrf_for(key, "s2")
    assert csrf_for(b"j" * 32, "s1") != csrf_for(key, "s1")
    assert same("abc", "abc") and not same("abc", "abd")
