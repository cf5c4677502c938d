"""OpenID Connect sign-in, the pure parts: which account an ID token's claims stand for,
and which roles the organisation's identity provider gives it.

An account is matched by its e-mail address only when the provider says the address is
verified: an unverified address is anyone's claim. Roles come from one claim (a list of
group names) through the configured mapping; names without a mapping give nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sluis.accounts.roles import ACCOUNT_ROLES, Grant, Role


def verified_email(claims: Mapping[str, Any]) -> str | None:
    """The e-mail address of the ID token, when the provider verified it."""
    email = claims.get("email")
    if not isinstance(email, str) or claims.get("email_verified") is not True:
        return None
    return email.strip().lower() or None


def mapped_grants(
    claims: Mapping[str, Any], claim: str, role_map: Mapping[str, str]
) -> tuple[Grant, ...]:
    """The roles the claim's values map to (``value -> role`` or ``role@algorithm``)."""
    values = claims.get(claim)
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        return ()
    found: list[Grant] = []
    for value in values:
        target = role_map.get(str(value))
        if target is None:
            continue
        try:
            grant = Grant.parse(target)
        except ValueError:
            continue
        if grant.role in ACCOUNT_ROLES and grant.role is not Role.person:
            found.append(grant)
    return tuple(sorted(set(found)))


__all__ = ["mapped_grants", "verified_email"]
