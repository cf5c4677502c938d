"""The role × route matrix: every route of the real app, asked by every role (and by nobody,
a person and a stranger), is allowed or refused exactly as ``sluis.web.access`` says.

Refused means 401 (nobody known) or 403 (known, not allowed); anything else means the
request got through to the route (which may still answer 404 or 422 for the made-up ids
and empty bodies used here). The routes are read from the app itself, so a route another
part of Sluis adds shows up here at once: without a rule in the table it fails
:func:`test_every_route_has_a_rule` and is refused to everyone.

One app on one SQLite database per module: fast, and the requests change nothing that
matters (made-up ids, empty bodies).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from auth_world import bearer
from notice_examples import CREDIT, example_profile
from sluis.accounts.roles import ROLE_PERMISSIONS, Permission, Role
from sluis.assessment.service import register_and_assess
from sluis.gateway.crypto import load_master_key
from sluis.review import service as review
from sluis.rights.tokens import TOKEN_SECRET_INFO, derive_secret, person_token
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate
from sluis.web.access import ACCESS, Rule, rule_for
from sluis.web.app import create_app

ALGORITHM = CREDIT  # a registered profile, with a reviewer authorised for it
OWN_REQUEST = "11111111-1111-4111-8111-111111111111"
OTHER_REQUEST = "22222222-2222-4222-8222-222222222222"
ID = "33333333-3333-4333-8333-333333333333"
VALUES = {
    "profile_id": ALGORITHM,
    "algorithm": ALGORITHM,
    "request_id": OWN_REQUEST,
    "path": "sluis.css",
    "fmt": "md",
    "item": "inputs",
}


@dataclass(frozen=True)
class Who:
    name: str
    roles: tuple[str, ...] = ()
    person_of: str | None = None


WHO = (
    Who("anonymous"),
    Who("administrator", ("administrator",)),
    Who("privacy_officer", ("privacy_officer",)),
    Who("decision_owner", ("decision_owner",)),
    Who("decision_owner_elsewhere", ("decision_owner@alg-other",)),
    Who("reviewer", ("reviewer@" + ALGORITHM,)),
    Who("reviewer_elsewhere", ("reviewer@alg-other",)),
    Who("auditor", ("auditor",)),
    Who("person", person_of=OWN_REQUEST),
    Who("stranger", person_of=OTHER_REQUEST),
)


@dataclass
class World:
    app: FastAPI
    headers: dict[str, dict[str, str]]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    directory = tmp_path_factory.mktemp("matrix")
    engine = create_engine_for(f"sqlite:///{directory / 'sluis.db'}")
    migrate(engine)
    sessions = make_session_factory(engine)
    settings = Settings(data_dir=directory, portal_rate_per_minute=100_000, portal_burst=100_000)
    app = create_app(settings, sessions)
    register_and_assess(sessions, example_profile(CREDIT))
    # Staff accounts act as a registered reviewer authorised for the algorithm, so that the
    # review desk's own check (is this a reviewer?) does not hide the table's answer.
    review.add_reviewer(sessions, "matrix", "Matrix")
    review.authorise(sessions, "matrix", ALGORITHM)
    secret = derive_secret(load_master_key(settings), TOKEN_SECRET_INFO)
    headers: dict[str, dict[str, str]] = {}
    for who in WHO:
        if who.person_of:
            # The portal's cookie, as a person's browser holds it.
            headers[who.name] = {"Cookie": f"sluis_request={person_token(secret, who.person_of)}"}
        elif who.roles:
            headers[who.name] = bearer(sessions, *who.roles, reviewer_id="matrix")
        else:
            headers[who.name] = {}
    yield World(app, headers)
    engine.dispose()


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path template) the app serves, HEAD left out (it is GET's)."""
    found = []
    for route in iter_route_contexts(app.routes):
        path = getattr(route, "path_format", None)
        if path is None:
            continue
        for method in sorted(route.methods or {"GET"}):
            if method != "HEAD":
                found.append((method, path))
    return found


def _routes_of_a_fresh_app() -> list[tuple[str, str]]:
    settings = Settings(data_dir=Path("/nonexistent-matrix-dir"))
    engine = create_engine_for("sqlite://")
    try:
        return app_routes(create_app(settings, make_session_factory(engine)))
    finally:
        engine.dispose()


ROUTES = _routes_of_a_fresh_app()


def concrete(path: str) -> str:
    return re.sub(r"\{([^}:]+)(:[^}]*)?\}", lambda m: VALUES.get(m.group(1), ID), path)


def expected_allowed(rule: Rule, who: Who) -> bool:
    """What the table promises, worked out from the roles' permissions (not by calling the
    code under test)."""
    if rule.public:
        return True
    if who.person_of is not None:
        # The person's token opens only their own request; no decision is tied to the
        # made-up request, so routes that name a decision stay shut.
        return rule.own_kind == "request" and rule.own is not None and who.person_of == OWN_REQUEST
    if rule.permission is None:
        return False
    for text in who.roles:
        role, _, scope = text.partition("@")
        if rule.permission not in ROLE_PERMISSIONS[Role(role)]:
            continue
        if not scope or rule.algorithm is None or scope == ALGORITHM:
            return True
    return False


def test_every_route_has_a_rule() -> None:
    missing = [f"{m} {p}" for m, p in ROUTES if rule_for(m, p) is None]
    assert missing == [], "add these routes to sluis.web.access.ACCESS"


def test_every_rule_is_a_route() -> None:
    served = {f"{m} {p}" for m, p in ROUTES}
    assert sorted(set(ACCESS) - served) == []


@pytest.mark.parametrize("who", WHO, ids=[w.name for w in WHO])
@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_the_matrix(world: World, method: str, path: str, who: Who) -> None:
    rule = rule_for(method, path)
    assert rule is not None, "not in the table: refused to everyone"
    # A route that fails on the made-up ids (500) was still let through: that is all the
    # matrix asks.
    with TestClient(world.app, follow_redirects=False, raise_server_exceptions=False) as client:
        answer = client.request(method, concrete(path), headers=world.headers[who.name])
    refused = answer.status_code in (401, 403)
    assert refused != expected_allowed(rule, who), (answer.status_code, answer.text[:300])
    if refused:
        unknown = who.name == "anonymous"
        assert answer.status_code == (401 if unknown else 403) or path.startswith("/requests/")


# -- what the roles mean, spelled out (the matrix follows the table; these say what the
#    table must say) ----------------------------------------------------------------------


def _rules() -> list[tuple[str, Rule]]:
    return list(ACCESS.items())


# Posts that compute and show something without storing it.
READ_ONLY_POSTS = {"POST /profiles/{profile_id}/instruments/{instance_id}/preview"}


def test_an_auditor_reads_but_never_changes_anything_nor_sees_a_person() -> None:
    for key, rule in _rules():
        method = key.split(" ")[0]
        grants = rule.permission in ROLE_PERMISSIONS[Role.auditor]
        if method != "GET" and not rule.public and key not in READ_ONLY_POSTS:
            assert not grants, key
    assert ROLE_PERMISSIONS[Role.auditor] == {Permission.read}


def test_only_administrators_manage_accounts() -> None:
    holders = {r for r, perms in ROLE_PERMISSIONS.items() if Permission.accounts_manage in perms}
    assert holders == {Role.administrator}
    assert all(
        rule.permission is Permission.accounts_manage
        for key, rule in _rules()
        if key.split(" ")[1].startswith("/accounts")
    )


def test_a_person_reaches_nothing_but_the_portal_and_their_own_request() -> None:
    for key, rule in _rules():
        path = key.split(" ")[1]
        if rule.own is not None:
            assert "{request_id}" in path or "{decision_uuid}" in path, key
        if path.startswith(("/rights", "/review", "/accounts", "/dashboard")):
            assert not rule.public and rule.own is None, key


def test_reviewers_work_in_the_review_desk_only() -> None:
    for key, rule in _rules():
        if rule.permission is Permission.review_act:
            assert "/review" in key, key
    assert ROLE_PERMISSIONS[Role.reviewer] == {Permission.review_act}
