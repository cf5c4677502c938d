"""The accounts service on SQLite and PostgreSQL: accounts, roles, sign-in with back-off,
web sessions with idle and absolute expiry, API tokens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.accounts import service
from sluis.accounts.lockout import FREE_TRIES
from sluis.accounts.problems import AccountRefused
from sluis.accounts.roles import Grant, Role
from sluis.review import service as review
from sluis.store.tables.accounts import AccountRow, ApiTokenRow, WebSessionRow
from sluis.store.tables.base import utcnow

Sessions = sessionmaker[Session]
PASSWORD = "a long enough password"
POLICY = service.SessionPolicy(idle=timedelta(minutes=30), absolute=timedelta(hours=12))


def make(
    sessions: Sessions, login: str = "ada", *roles: str, **kwargs: object
) -> service.AccountInfo:
    return service.create_account(
        sessions,
        login,
        "Ada",
        password=PASSWORD,
        grants=[Grant.parse(r) for r in roles],
        **kwargs,  # type: ignore[arg-type]
    )


def rule_of(excinfo: pytest.ExceptionInfo[AccountRefused]) -> tuple[str, str]:
    (problem,) = excinfo.value.problems
    return problem.field, problem.rule


def test_an_account_is_created_with_roles_and_nothing_secret_is_stored(
    sessions: Sessions,
) -> None:
    made = make(sessions, "Ada.Lovelace", "decision_owner@benefits", "auditor")
    assert made.login == "ada.lovelace" and made.active and made.has_password
    assert made.grants == (Grant(Role.auditor), Grant(Role.decision_owner, "benefits"))
    with sessions() as session:
        stored = session.scalar(select(AccountRow.password_hash))
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored
    assert [a.login for a in service.list_accounts(sessions)] == ["ada.lovelace"]


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"login": "Not a login!"}, "login", "login_format"),
        ({"password": "short"}, "password", "password_too_short"),
        ({"email": "nope"}, "email", "email_format"),
        ({"grants": [Grant(Role.auditor, "benefits")]}, "role", "role_scope"),
        ({"reviewer_id": "nobody"}, "reviewer", "reviewer_unknown"),
        ({"display_name": "  "}, "display_name", "display_name_length"),
    ],
)
def test_bad_accounts_are_refused_naming_the_field_and_nothing_is_stored(
    sessions: Sessions, changes: dict[str, object], field: str, rule: str
) -> None:
    arguments: dict[str, object] = {
        "login": "ada",
        "display_name": "Ada",
        "password": PASSWORD,
        **changes,
    }
    login, name = arguments.pop("login"), arguments.pop("display_name")
    with pytest.raises(AccountRefused) as refused:
        service.create_account(sessions, login, name, **arguments)  # type: ignore[arg-type]
    assert rule_of(refused) == (field, rule)
    assert service.list_accounts(sessions) == []


def test_a_login_is_taken_once(sessions: Sessions) -> None:
    make(sessions)
    with pytest.raises(AccountRefused) as refused:
        make(sessions, "ADA")
    assert rule_of(refused) == ("login", "account_exists") and refused.value.status == 409


def test_roles_are_granted_and_revoked_per_algorithm_or_everywhere(sessions: Sessions) -> None:
    make(sessions)
    service.grant(sessions, "ada", Grant.parse("reviewer@a"))
    service.grant(sessions, "ada", Grant.parse("reviewer@b"))
    assert service.get_account(sessions, "ada").grants == (
        Grant(Role.reviewer, "a"),
        Grant(Role.reviewer, "b"),
    )
    service.revoke(sessions, "ada", Grant.parse("reviewer@a"))
    assert service.get_account(sessions, "ada").grants == (Grant(Role.reviewer, "b"),)
    service.grant(sessions, "ada", Grant.parse("auditor"))
    service.revoke(sessions, "ada", Grant.parse("reviewer"))
    assert service.get_account(sessions, "ada").grants == (Grant(Role.auditor),)


def test_sign_in_answers_alike_for_every_failure_and_backs_off(sessions: Sessions) -> None:
    make(sessions, "ada", "auditor")
    make(sessions, "bob", "auditor")
    service.set_active(sessions, "bob", False)
    assert service.authenticate(sessions, "ADA ", PASSWORD) is not None
    assert service.authenticate(sessions, "nobody", PASSWORD) is None
    assert service.authenticate(sessions, "bob", PASSWORD) is None  # inactive
    for _ in range(FREE_TRIES):
        assert service.authenticate(sessions, "ada", "wrong password here") is None
    # Waiting now: even the right password does not open it, and says nothing more.
    assert service.authenticate(sessions, "ada", PASSWORD) is None
    later = utcnow() + timedelta(minutes=16)
    assert service.authenticate(sessions, "ada", PASSWORD, now=later) is not None
    with sessions() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.login == "ada"))
        assert row is not None and row.failed_logins == 0 and row.locked_until is None


def test_a_session_ends_when_idle_at_its_limit_on_sign_out_and_on_a_new_password(
    sessions: Sessions,
) -> None:
    ada = make(sessions, "ada", "auditor")
    start = utcnow()
    raw = service.start_session(sessions, ada.id, POLICY, now=start)
    with sessions() as session:
        (stored,) = session.scalars(select(WebSessionRow.id_hash)).all()
    assert raw not in stored  # only a hash is kept
    seen = service.session_principal(sessions, raw, POLICY, now=start + timedelta(minutes=20))
    assert seen is not None and seen.account_id == ada.id and seen.kind == "session"
    # Used 20 minutes in: idle counts from then.
    assert service.session_principal(sessions, raw, POLICY, start + timedelta(minutes=45))
    assert service.session_principal(sessions, raw, POLICY, start + timedelta(minutes=80)) is None
    # However busy, it ends at its absolute limit.
    busy = service.start_session(sessions, ada.id, POLICY, now=start)
    moment = start
    while moment + timedelta(minutes=20) < start + timedelta(hours=12):
        moment += timedelta(minutes=20)
        assert service.session_principal(sessions, busy, POLICY, now=moment) is not None
    assert service.session_principal(sessions, busy, POLICY, start + timedelta(hours=12)) is None
    fresh = service.start_session(sessions, ada.id, POLICY)
    service.end_session(sessions, fresh)
    assert service.session_principal(sessions, fresh, POLICY) is None
    other = service.start_session(sessions, ada.id, POLICY)
    service.set_password(sessions, "ada", "another long password")
    assert service.session_principal(sessions, other, POLICY) is None
    # Signing in forgets the account's ended sessions (the one signed out above); the
    # rest go when purged.
    assert service.purge_sessions(sessions, now=start + timedelta(days=1)) == 3


def test_api_tokens_are_shown_once_limited_to_the_account_and_revocable(
    sessions: Sessions,
) -> None:
    make(sessions, "system", "decision_owner@benefits", "auditor")
    raw, info = service.create_token(sessions, "system", "batch job", [Grant.parse("auditor")])
    with sessions() as session:
        row = session.scalar(select(ApiTokenRow))
        assert row is not None and row.token_hash != raw and raw not in str(row.grants)
    found = service.token_principal(sessions, raw)
    assert found is not None
    principal, expires = found
    assert principal.grants == (Grant(Role.auditor),) and expires == info.expires_at
    assert service.list_tokens(sessions)[0].last_used_at is not None
    with pytest.raises(AccountRefused) as refused:
        service.create_token(sessions, "system", "too much", [Grant.parse("administrator")])
    assert rule_of(refused) == ("role", "token_exceeds_account")
    # Revoking the account's role takes it from the token too.
    service.revoke(sessions, "system", Grant.parse("auditor"))
    found = service.token_principal(sessions, raw)
    assert found is not None and found[0].grants == ()
    service.revoke_token(sessions, info.id)
    assert service.token_principal(sessions, raw) is None
    assert service.token_principal(sessions, "sluis_made-up") is None


def test_expired_tokens_and_those_of_inactive_accounts_open_nothing(sessions: Sessions) -> None:
    make(sessions, "system", "auditor")
    raw, _ = service.create_token(sessions, "system", "short", days=1)
    assert service.token_principal(sessions, raw, now=utcnow() + timedelta(days=2)) is None
    assert service.token_principal(sessions, raw) is not None
    service.set_active(sessions, "system", False)
    assert service.token_principal(sessions, raw) is None


def test_an_account_is_linked_to_the_reviewer_it_acts_as(sessions: Sessions) -> None:
    review.add_reviewer(sessions, "anna", "Anna")
    made = make(sessions, "anna", "reviewer", reviewer_id="anna")
    raw = service.start_session(sessions, made.id, POLICY)
    principal = service.session_principal(sessions, raw, POLICY)
    assert principal is not None and principal.reviewer_id == "anna"
    assert service.set_reviewer(sessions, "anna", None).reviewer_id is None


def test_an_account_without_password_is_found_by_its_email_only(sessions: Sessions) -> None:
    service.create_account(sessions, "oidc-user", "O", email="O@Example.org")
    assert service.authenticate(sessions, "oidc-user", "") is None
    found = service.account_by_email(sessions, "o@example.org")
    assert found is not None and found.login == "oidc-user" and not found.has_password
