"""``sluis account``: accounts, roles and API tokens (thin: ``sluis.accounts.service``).

Passwords come from a hidden prompt or, with ``--password-stdin``, from the first line of
standard input: never from the command line, where other users and the shell history would
see them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import typer
from rich.console import Console
from rich.table import Table

from sluis.accounts import service
from sluis.accounts.problems import AccountProblem, AccountRefused
from sluis.accounts.roles import Grant
from sluis.accounts.service import AccountInfo
from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.i18n import label
from sluis.settings import Settings

app = typer.Typer(help="Accounts, roles and API tokens.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for systems.", no_args_is_help=True)
app.add_typer(token_app, name="token")
console = Console()

ROLE_HELP = (
    "ROLE or ROLE@ALGORITHM: administrator, privacy_officer, decision_owner, reviewer, auditor."
)


def _lang() -> str:
    return Settings().default_language


def _refused(refusal: AccountRefused) -> typer.Exit:
    for p in refusal.problems:
        err.print(f"[red]{p.field}: {p.message(_lang())} [dim]\\[{p.rule}][/dim][/red]")
    return typer.Exit(EXIT_INVALID)


def _grants(texts: list[str]) -> list[Grant]:
    try:
        return [Grant.parse(t) for t in texts]
    except ValueError:
        raise _refused(AccountRefused([AccountProblem("role", "role_unknown")])) from None


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt(
        label("accounts.cli.password_prompt", _lang()), hide_input=True, confirmation_prompt=True
    )


@app.command("create")
def create(
    login: str = typer.Argument(..., help="The login name (lower-case)."),
    name: str = typer.Option(..., "--name", "-n", help="The name shown."),
    email: str | None = typer.Option(None, "--email", help="For OpenID Connect sign-in."),
    role: list[str] = typer.Option([], "--role", "-r", help=ROLE_HELP),
    reviewer: str | None = typer.Option(None, "--reviewer", help="The reviewer id it acts as."),
    password_stdin: bool = typer.Option(False, "--password-stdin"),
    no_password: bool = typer.Option(
        False, "--no-password", help="Sign in through OpenID Connect only (or a system)."
    ),
) -> None:
    """Create an account."""
    grants = _grants(role)
    password = None if no_password else _password(password_stdin)
    try:
        service.create_account(
            open_database(),
            login,
            name,
            password=password,
            email=email,
            grants=grants,
            reviewer_id=reviewer,
        )
    except AccountRefused as refusal:
        raise _refused(refusal) from None
    console.print(label("accounts.cli.created", _lang()).format(login=login.strip().lower()))


@app.command("list")
def list_command(as_json: bool = typer.Option(False, "--json")) -> None:
    """List the accounts and their roles."""
    accounts = service.list_accounts(open_database())
    if as_json:
        typer.echo(json.dumps([a.to_json_dict() for a in accounts], indent=2))
        return
    table = Table("login", "name", "roles", "reviewer", "active")
    for a in accounts:
        roles = ", ".join(g.label() for g in a.grants)
        table.add_row(a.login, a.display_name, roles, a.reviewer_id or "", str(a.active).lower())
    console.print(table)


@app.command("grant")
def grant(login: str, role: str = typer.Argument(..., help=ROLE_HELP)) -> None:
    """Give an account a role (for one algorithm with ROLE@ALGORITHM)."""
    _change_role(service.grant, login, role)


@app.command("revoke")
def revoke(login: str, role: str = typer.Argument(..., help=ROLE_HELP)) -> None:
    """Take a role away (ROLE takes it for every algorithm)."""
    _change_role(service.revoke, login, role)


def _change_role(change: Callable[..., AccountInfo], login: str, role: str) -> None:
    (wanted,) = _grants([role])
    try:
        info = change(open_database(), login, wanted)
    except AccountRefused as refusal:
        raise _refused(refusal) from None
    console.print(f"{info.login}: {', '.join(g.label() for g in info.grants) or '-'}")


@app.command("set-password")
def set_password(
    login: str, password_stdin: bool = typer.Option(False, "--password-stdin")
) -> None:
    """Set a new password; the account's sessions end."""
    try:
        service.set_password(open_database(), login, _password(password_stdin))
    except AccountRefused as refusal:
        raise _refused(refusal) from None
    console.print(label("accounts.cli.password_set", _lang()))


@app.command("link-reviewer")
def link_reviewer(
    login: str, reviewer: str | None = typer.Argument(None, help="Leave out to unlink.")
) -> None:
    """Link an account to the reviewer it acts as in the review desk."""
    try:
        service.set_reviewer(open_database(), login, reviewer)
    except AccountRefused as refusal:
        raise _refused(refusal) from None


@app.command("deactivate")
def deactivate(login: str) -> None:
    """Deactivate an account: its sessions end and its tokens stop working."""
    try:
        info = service.set_active(open_database(), login, False)
    except AccountRefused as refusal:
        raise _refused(refusal) from None
    console.print(label("accounts.cli.deactivated", _lang()).format(login=info.login))


@app.command("purge-sessions")
def purge_sessions() -> None:
    """Forget web sessions that have ended (expired or revoked). Safe to run from cron."""
    count = service.purge_sessions(open_database())
    console.print(label("accounts.cli.purged", _lang()).format(count=count))


@token_app.command("create")
def token_create(
    login: str = typer.Argument(..., help="The account the token speaks for."),
    name: str = typer.Option(..., "--name", "-n", help="What the token is for."),
    role: list[str] = typer.Option([], "--role", "-r", help=ROLE_HELP + " Default: all."),
    days: int = typer.Option(90, "--days", help="Valid for this many days."),
) -> None:
    """Create an API token; it is printed once and never again."""
    try:
        raw, info = service.create_token(open_database(), login, name, _grants(role), days=days)
    except AccountRefused as refusal:
        raise _refused(refusal) from None
    err.print(label("accounts.cli.token_once", _lang()) + f" [dim](id {info.id})[/dim]")
    typer.echo(raw)


@token_app.command("revoke")
def token_revoke(token_id: str) -> None:
    """Revoke an API token by its id."""
    try:
        info = service.revoke_token(open_database(), token_id)
    except AccountRefused as refusal:
        raise _refused(refusal) from None
    console.print(label("accounts.cli.revoked_token", _lang()).format(id=info.id))


@token_app.command("list")
def token_list(
    login: str | None = typer.Argument(None), as_json: bool = typer.Option(False, "--json")
) -> None:
    """List API tokens (never the tokens themselves)."""
    try:
        tokens = service.list_tokens(open_database(), login)
    except AccountRefused as refusal:
        raise _refused(refusal) from None
    if as_json:
        typer.echo(json.dumps([t.to_json_dict() for t in tokens], indent=2))
        return
    table = Table("id", "account", "name", "roles", "expires", "revoked", "last used")
    for t in tokens:
        d = t.to_json_dict()
        table.add_row(
            t.id,
            t.account_login,
            t.name,
            ", ".join(d["roles"]),
            d["expires_at"] or "",
            d["revoked_at"] or "",
            d["last_used_at"] or "",
        )
    console.print(table)
