"""Roles and permissions: the one pure decision of who may do what."""

from __future__ import annotations

import pytest

from sluis.accounts.roles import (
    ROLE_PERMISSIONS,
    Grant,
    Permission,
    Principal,
    Role,
    may,
    normalise,
    owns_request,
    within,
)


def staff(*grants: str) -> Principal:
    return Principal(kind="session", grants=tuple(Grant.parse(g) for g in grants))


def test_nobody_may_do_anything() -> None:
    assert not any(may(None, p) for p in Permission)


def test_an_administrator_may_do_everything_and_an_auditor_only_read() -> None:
    admin, auditor = staff("administrator"), staff("auditor")
    assert all(may(admin, p, "any-algorithm") for p in Permission)
    assert [p for p in Permission if may(auditor, p)] == [Permission.read]


def test_the_privacy_officer_advises_but_does_not_adopt_and_the_owner_the_reverse() -> None:
    officer, owner = staff("privacy_officer"), staff("decision_owner")
    assert may(officer, Permission.dpia_advise) and not may(officer, Permission.dpia_adopt)
    assert may(owner, Permission.dpia_adopt) and not may(owner, Permission.dpia_advise)
    assert not may(officer, Permission.decide) and may(owner, Permission.decide)
    assert not may(officer, Permission.accounts_manage)
    assert not may(owner, Permission.accounts_manage)


def test_a_scoped_role_holds_for_its_algorithm_only() -> None:
    reviewer = staff("reviewer@benefits")
    assert may(reviewer, Permission.review_act, "benefits")
    assert not may(reviewer, Permission.review_act, "loans")
    # Without an algorithm on the route, the service checks the object itself.
    assert may(reviewer, Permission.review_act)
    assert not may(reviewer, Permission.read)


def test_a_person_holds_no_permission_but_owns_their_request() -> None:
    person = Principal(kind="person", request_id="r-1")
    assert not any(may(person, p) for p in Permission)
    assert ROLE_PERMISSIONS[Role.person] == frozenset()
    assert owns_request(person, "r-1") and not owns_request(person, "r-2")
    assert not owns_request(staff("administrator"), "r-1")


def test_grants_parse_and_normalise() -> None:
    assert Grant.parse("reviewer@benefits") == Grant(Role.reviewer, "benefits")
    assert Grant.parse("auditor").label() == "auditor"
    with pytest.raises(ValueError):
        Grant.parse("superuser")
    # An organisation-wide role swallows its scoped ones; duplicates go.
    assert normalise(
        [Grant.parse("reviewer@a"), Grant.parse("reviewer"), Grant.parse("reviewer")]
    ) == (Grant(Role.reviewer),)
    with pytest.raises(ValueError, match="every algorithm"):
        normalise([Grant.parse("auditor@a")])
    with pytest.raises(ValueError, match="person"):
        normalise([Grant(Role.person)])


def test_a_token_keeps_only_what_its_account_still_holds() -> None:
    account = (Grant(Role.decision_owner, "a"), Grant(Role.auditor))
    token = (Grant(Role.decision_owner, "a"), Grant(Role.administrator), Grant(Role.auditor))
    assert within(token, account) == (Grant(Role.decision_owner, "a"), Grant(Role.auditor))
    assert within((Grant(Role.reviewer, "x"),), (Grant(Role.reviewer),)) == (
        Grant(Role.reviewer, "x"),
    )
