"""OpenID Connect claims: the verified address matches an account; groups map to roles."""

from __future__ import annotations

from sluis.accounts.oidc import mapped_grants, verified_email
from sluis.accounts.roles import Grant, Role


def test_only_a_verified_address_counts() -> None:
    assert verified_email({"email": "A@Example.org ", "email_verified": True}) == "a@example.org"
    assert verified_email({"email": "a@example.org", "email_verified": "true"}) is None
    assert verified_email({"email": "a@example.org"}) is None
    assert verified_email({"email_verified": True}) is None


def test_groups_map_to_roles_and_unknown_ones_give_nothing() -> None:
    role_map = {"dpo": "privacy_officer", "rev": "reviewer@benefits", "bad": "root"}
    claims = {"groups": ["dpo", "rev", "bad", "other"]}
    assert mapped_grants(claims, "groups", role_map) == (
        Grant(Role.privacy_officer),
        Grant(Role.reviewer, "benefits"),
    )
    assert mapped_grants({"groups": "dpo"}, "groups", role_map) == (Grant(Role.privacy_officer),)
    assert mapped_grants({"groups": 3}, "groups", role_map) == ()
    assert mapped_grants({}, "groups", {"x": "person"}) == ()
