"""``sluis account``: create, list, grant, revoke, set-password, link a reviewer,
deactivate, and API tokens; passwords never on the command line; bad input exits with 2."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from sluis.accounts import service
from sluis.accounts.roles import Grant, Role
from sluis.cli.main import app
from sluis.review import service as review

runner = CliRunner()
PASSWORD = "a long enough password"


@pytest.fixture
def db(cli_env: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> sessionmaker[Session]:
    monkeypatch.setenv("SLUIS_DEFAULT_LANGUAGE", "en")
    return cli_env


def create(*args: str, password: str = PASSWORD) -> object:
    return runner.invoke(
        app, ["account", "create", *args, "--password-stdin"], input=password + "\n"
    )


def test_create_list_grant_revoke_and_sign_in(db: sessionmaker[Session]) -> None:
    made = create("ada", "--name", "Ada", "--role", "privacy_officer")
    assert made.exit_code == 0, made.output  # type: ignore[attr-defined]
    assert "Account ada created." in made.stdout  # type: ignore[attr-defined]
    assert service.authenticate(db, "ada", PASSWORD) is not None
    granted = runner.invoke(app, ["account", "grant", "ada", "reviewer@benefits"])
    assert granted.exit_code == 0 and "reviewer@benefits" in granted.stdout
    runner.invoke(app, ["account", "revoke", "ada", "privacy_officer"])
    listed = runner.invoke(app, ["account", "list", "--json"])
    (row,) = json.loads(listed.stdout)
    assert row["login"] == "ada" and row["roles"] == ["reviewer@benefits"]
    assert "password" not in listed.stdout.replace("has_password", "")


def test_the_password_comes_from_a_hidden_prompt_typed_twice(db: sessionmaker[Session]) -> None:
    made = runner.invoke(
        app, ["account", "create", "bob", "--name", "Bob"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert made.exit_code == 0, made.output
    assert PASSWORD not in made.stdout
    assert service.authenticate(db, "bob", PASSWORD) is not None
    changed = runner.invoke(
        app, ["account", "set-password", "bob", "--password-stdin"], input="another password!\n"
    )
    assert changed.exit_code == 0
    assert service.authenticate(db, "bob", "another password!") is not None


def test_bad_input_names_the_field_and_exits_with_2(db: sessionmaker[Session]) -> None:
    short = create("ada", "--name", "Ada", password="short")
    assert short.exit_code == 2 and "password" in short.stderr  # type: ignore[attr-defined]
    assert "short" not in short.stderr.replace("password_too_short", "")  # type: ignore[attr-defined]
    scoped = create("ada", "--name", "Ada", "--role", "auditor@benefits")
    assert scoped.exit_code == 2 and "role_scope" in scoped.stderr  # type: ignore[attr-defined]
    unknown = create("ada", "--name", "Ada", "--role", "root")
    assert unknown.exit_code == 2 and "role_unknown" in unknown.stderr  # type: ignore[attr-defined]
    assert service.list_accounts(db) == []
    assert runner.invoke(app, ["account", "grant", "nobody", "auditor"]).exit_code == 2


def test_tokens_are_printed_once_listed_without_the_secret_and_revoked(
    db: sessionmaker[Session],
) -> None:
    create("system", "--name", "Batch", "--role", "decision_owner@benefits", "--no-password")
    made = runner.invoke(app, ["account", "token", "create", "system", "--name", "nightly"])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip()
    assert token.startswith("sluis_")
    found = service.token_principal(db, token)
    assert found is not None and found[0].grants == (Grant(Role.decision_owner, "benefits"),)
    listed = runner.invoke(app, ["account", "token", "list", "--json"])
    (row,) = json.loads(listed.stdout)
    assert token not in listed.stdout and row["roles"] == ["decision_owner@benefits"]
    too_much = runner.invoke(
        app, ["account", "token", "create", "system", "--name", "x", "--role", "administrator"]
    )
    assert too_much.exit_code == 2 and "token_exceeds_account" in too_much.stderr
    revoked = runner.invoke(app, ["account", "token", "revoke", row["id"]])
    assert revoked.exit_code == 0 and service.token_principal(db, token) is None


def test_link_a_reviewer_and_deactivate(db: sessionmaker[Session]) -> None:
    review.add_reviewer(db, "anna", "Anna")
    create("anna", "--name", "Anna", "--role", "reviewer", "--reviewer", "anna")
    assert service.get_account(db, "anna").reviewer_id == "anna"
    runner.invoke(app, ["account", "link-reviewer", "anna"])
    assert service.get_account(db, "anna").reviewer_id is None
    gone = runner.invoke(app, ["account", "deactivate", "anna"])
    assert gone.exit_code == 0 and "deactivated" in gone.stdout
    assert service.authenticate(db, "anna", PASSWORD) is None


def test_purge_sessions_forgets_ended_sessions_and_keeps_live_ones(
    db: sessionmaker[Session],
) -> None:
    assert create("ada", "--name", "Ada", "--role", "auditor").exit_code == 0  # type: ignore[attr-defined]
    account = service.authenticate(db, "ada", PASSWORD)
    assert account is not None
    policy = service.SessionPolicy()
    ended = service.start_session(db, account.id, policy)
    live = service.start_session(db, account.id, policy)
    service.end_session(db, ended)

    purged = runner.invoke(app, ["account", "purge-sessions"])

    assert purged.exit_code == 0 and "1 ended sessions forgotten." in purged.stdout
    assert service.session_principal(db, live, policy) is not None
    again = runner.invoke(app, ["account", "purge-sessions"])
    assert "0 ended sessions forgotten." in again.stdout
