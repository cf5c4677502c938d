"""Accounts, roles, sign-in, web sessions and API tokens: the service both the CLI
(``sluis account``) and the web app call.

Sign-in answers the same for an unknown login name, a wrong password, an inactive account
and one waiting after too many tries (no user enumeration), and takes as long. Refusals name
the field and the rule, never the login name or anything typed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sluis.accounts import lockout
from sluis.accounts.problems import AccountRefused, refuse
from sluis.accounts.roles import Grant, Principal, Role, normalise, within
from sluis.accounts.secrets import (
    check_password,
    digest,
    hash_password,
    needs_rehash,
    new_api_token,
    new_secret,
    password_problem,
)
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables.accounts import AccountRoleRow, AccountRow, ApiTokenRow, WebSessionRow
from sluis.store.tables.base import NAME_LENGTH, utcnow
from sluis.store.tables.review import ReviewerRow

Sessions = sessionmaker[Session]
LOGIN = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,199}$")
EMAIL = re.compile(r"^[^@\s]{1,100}@[^@\s]{1,99}$")
# last_seen_at is written at most this often: a page full of requests costs one write.
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)


@dataclass(frozen=True)
class AccountInfo:
    id: str
    login: str
    display_name: str
    email: str | None
    active: bool
    reviewer_id: str | None
    grants: tuple[Grant, ...]
    has_password: bool
    created_at: datetime

    def principal(self, kind: str = "session") -> Principal:
        return Principal(
            kind=kind,
            grants=self.grants,
            account_id=self.id,
            name=self.display_name,
            reviewer_id=self.reviewer_id,
        )

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "login": self.login,
            "display_name": self.display_name,
            "email": self.email,
            "active": self.active,
            "reviewer_id": self.reviewer_id,
            "roles": [g.label() for g in self.grants],
            "has_password": self.has_password,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class TokenInfo:
    id: str
    account_login: str
    name: str
    grants: tuple[Grant, ...]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    def to_json_dict(self) -> dict[str, Any]:
        stamp = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "id": self.id,
            "account": self.account_login,
            "name": self.name,
            "roles": [g.label() for g in self.grants],
            "created_at": self.created_at.isoformat(),
            "expires_at": stamp(self.expires_at),
            "revoked_at": stamp(self.revoked_at),
            "last_used_at": stamp(self.last_used_at),
        }


@contextmanager
def _writing(sessions: Sessions) -> Iterator[Session]:
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        yield session


def _login(text: str) -> str:
    value = text.strip().lower()
    if not LOGIN.match(value):
        raise refuse("login", "login_format")
    return value


def _grants(session: Session, account_id: str) -> tuple[Grant, ...]:
    rows = session.scalars(select(AccountRoleRow).where(AccountRoleRow.account_id == account_id))
    return normalise(Grant(Role(r.role), r.algorithm) for r in rows)


def _info(session: Session, row: AccountRow) -> AccountInfo:
    return AccountInfo(
        id=row.id,
        login=row.login,
        display_name=row.display_name,
        email=row.email,
        active=row.active,
        reviewer_id=row.reviewer_id,
        grants=_grants(session, row.id),
        has_password=row.password_hash is not None,
        created_at=row.created_at,
    )


def _find(session: Session, login: str) -> AccountRow:
    key = login.strip().lower()
    row = session.scalar(select(AccountRow).where(AccountRow.login == key))
    if row is None:
        row = session.get(AccountRow, login.strip())
    if row is None:
        raise refuse("login", "account_unknown", status=404)
    return row


def _checked_grants(grants: Iterable[Grant]) -> tuple[Grant, ...]:
    try:
        return normalise(grants)
    except ValueError:
        raise refuse("role", "role_scope") from None


def _check_reviewer(session: Session, reviewer_id: str | None) -> None:
    if reviewer_id is not None and session.get(ReviewerRow, reviewer_id) is None:
        raise refuse("reviewer", "reviewer_unknown")


# -- accounts ----------------------------------------------------------------------------


def create_account(
    sessions: Sessions,
    login: str,
    display_name: str,
    *,
    password: str | None = None,
    email: str | None = None,
    grants: Iterable[Grant] = (),
    reviewer_id: str | None = None,
) -> AccountInfo:
    """A new active account. Without a password it can sign in only through OpenID
    Connect (matched by its verified ``email``)."""
    key = _login(login)
    name = display_name.strip()
    if not name or len(name) > NAME_LENGTH:
        raise refuse("display_name", "display_name_length")
    if email is not None:
        email = email.strip().lower()
        if not EMAIL.match(email):
            raise refuse("email", "email_format")
    if password is not None and (problem := password_problem(password)):
        raise refuse("password", f"password_{problem}")
    wanted = _checked_grants(grants)
    try:
        with _writing(sessions) as session:
            _check_reviewer(session, reviewer_id)
            row = AccountRow(
                id=str(uuid.uuid4()),
                login=key,
                email=email,
                display_name=name,
                password_hash=hash_password(password) if password is not None else None,
                active=True,
                reviewer_id=reviewer_id,
                failed_logins=0,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            for g in wanted:
                session.add(
                    AccountRoleRow(account_id=row.id, role=g.role.value, algorithm=g.algorithm)
                )
            session.flush()
            return _info(session, row)
    except IntegrityError:
        raise refuse("login", "account_exists", status=409) from None


def list_accounts(sessions: Sessions) -> list[AccountInfo]:
    with sessions() as session:
        rows = session.scalars(select(AccountRow).order_by(AccountRow.login)).all()
        return [_info(session, r) for r in rows]


def get_account(sessions: Sessions, login: str) -> AccountInfo:
    with sessions() as session:
        return _info(session, _find(session, login))


def count_accounts(sessions: Sessions) -> int:
    with sessions() as session:
        return len(session.scalars(select(AccountRow.id)).all())


def grant(sessions: Sessions, login: str, new: Grant) -> AccountInfo:
    with _writing(sessions) as session:
        row = _find(session, login)
        wanted = _checked_grants((*_grants(session, row.id), new))
        _replace_grants(session, row.id, wanted)
        return _info(session, row)


def revoke(sessions: Sessions, login: str, old: Grant) -> AccountInfo:
    """Take a role away (for one algorithm, or everywhere with ``old.algorithm`` None)."""
    with _writing(sessions) as session:
        row = _find(session, login)
        kept = [
            g
            for g in _grants(session, row.id)
            if not (g.role is old.role and (old.algorithm is None or g.algorithm == old.algorithm))
        ]
        _replace_grants(session, row.id, normalise(kept))
        return _info(session, row)


def _replace_grants(session: Session, account_id: str, grants: tuple[Grant, ...]) -> None:
    session.execute(delete(AccountRoleRow).where(AccountRoleRow.account_id == account_id))
    for g in grants:
        session.add(AccountRoleRow(account_id=account_id, role=g.role.value, algorithm=g.algorithm))


def set_password(sessions: Sessions, login: str, password: str) -> None:
    """A new password; every session of the account ends (whoever had it is signed out)."""
    if problem := password_problem(password):
        raise refuse("password", f"password_{problem}")
    with _writing(sessions) as session:
        row = _find(session, login)
        row.password_hash = hash_password(password)
        row.failed_logins = 0
        row.locked_until = None
        _end_sessions(session, row.id)


def set_reviewer(sessions: Sessions, login: str, reviewer_id: str | None) -> AccountInfo:
    """Link the account to the reviewer it acts as in the review desk (or unlink)."""
    with _writing(sessions) as session:
        row = _find(session, login)
        _check_reviewer(session, reviewer_id)
        row.reviewer_id = reviewer_id
        return _info(session, row)


def set_active(sessions: Sessions, login: str, active: bool) -> AccountInfo:
    """Deactivate (its sessions end, its tokens stop working) or reactivate."""
    with _writing(sessions) as session:
        row = _find(session, login)
        row.active = active
        if not active:
            _end_sessions(session, row.id)
        return _info(session, row)


def _end_sessions(session: Session, account_id: str) -> None:
    session.execute(
        update(WebSessionRow)
        .where(WebSessionRow.account_id == account_id, WebSessionRow.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def first_administrator(
    sessions: Sessions, login: str = "admin", reviewer_id: str | None = None
) -> str | None:
    """When there is no account at all, an administrator with a generated password (for
    the demo's first run); returns that password, to be shown once. None otherwise."""
    if count_accounts(sessions) > 0:
        return None
    password = new_secret()[:20]
    create_account(
        sessions,
        login,
        "Administrator",
        password=password,
        grants=[Grant(Role.administrator)],
        reviewer_id=reviewer_id,
    )
    return password


# -- signing in --------------------------------------------------------------------------


def authenticate(
    sessions: Sessions, login: str, password: str, now: datetime | None = None
) -> AccountInfo | None:
    """The account when ``login`` and ``password`` match an active account that is not
    waiting after too many wrong tries; else None, whatever the reason."""
    now = now or utcnow()
    key = login.strip().lower()
    with _writing(sessions) as session:
        row = session.scalar(select(AccountRow).where(AccountRow.login == key)) if key else None
        stored = row.password_hash if row is not None else None
        # Always hash: an unknown name costs as long as a wrong password.
        matches = check_password(stored, password)
        if row is None or not row.active or lockout.locked(row.locked_until, now):
            return None
        if not matches:
            row.failed_logins += 1
            wait = lockout.wait_after(row.failed_logins)
            row.locked_until = now + wait if wait else None
            return None
        row.failed_logins = 0
        row.locked_until = None
        if stored is not None and needs_rehash(stored):
            row.password_hash = hash_password(password)
        return _info(session, row)


def account_by_email(sessions: Sessions, email: str) -> AccountInfo | None:
    """The active account with this (verified) e-mail address, for OpenID Connect."""
    with sessions() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.email == email.strip().lower()))
        return _info(session, row) if row is not None and row.active else None


def start_session(
    sessions: Sessions, account_id: str, policy: SessionPolicy, now: datetime | None = None
) -> str:
    """A new web session; returns its id (for the cookie only: the store keeps a hash)."""
    now = now or utcnow()
    raw = new_secret()
    with _writing(sessions) as session:
        # The account's ended sessions are of no use any more: forget them now.
        session.execute(
            delete(WebSessionRow).where(
                WebSessionRow.account_id == account_id,
                (WebSessionRow.expires_at <= now) | WebSessionRow.revoked_at.is_not(None),
            )
        )
        session.add(
            WebSessionRow(
                id_hash=digest(raw),
                account_id=account_id,
                created_at=now,
                last_seen_at=now,
                expires_at=now + policy.absolute,
            )
        )
    return raw


def session_principal(
    sessions: Sessions, raw: str, policy: SessionPolicy, now: datetime | None = None
) -> Principal | None:
    """Who a session cookie belongs to: None when unknown, revoked, idle too long, past its
    absolute expiry, or the account is inactive."""
    now = now or utcnow()
    with sessions() as session:
        row = session.get(WebSessionRow, digest(raw))
        if row is None or row.revoked_at is not None or now >= row.expires_at:
            return None
        if now - row.last_seen_at >= policy.idle:
            return None
        account = session.get(AccountRow, row.account_id)
        if account is None or not account.active:
            return None
        principal = _info(session, account).principal("session")
        stale = now - row.last_seen_at >= TOUCH_EVERY
    if stale:
        with sessions.begin() as session:
            session.execute(
                update(WebSessionRow)
                .where(WebSessionRow.id_hash == digest(raw))
                .values(last_seen_at=now)
            )
    return principal


def end_session(sessions: Sessions, raw: str) -> None:
    with sessions.begin() as session:
        session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.id_hash == digest(raw), WebSessionRow.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )


def purge_sessions(sessions: Sessions, now: datetime | None = None) -> int:
    """Forget sessions that ended (expired or revoked); returns how many."""
    now = now or utcnow()
    with sessions.begin() as session:
        result = session.execute(
            delete(WebSessionRow).where(
                (WebSessionRow.expires_at <= now) | WebSessionRow.revoked_at.is_not(None)
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)


# -- API tokens --------------------------------------------------------------------------


def _token_info(row: ApiTokenRow, login: str) -> TokenInfo:
    return TokenInfo(
        id=row.id,
        account_login=login,
        name=row.name,
        grants=tuple(Grant.parse(g) for g in row.grants),
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
        last_used_at=row.last_used_at,
    )


def create_token(
    sessions: Sessions,
    login: str,
    name: str,
    grants: Iterable[Grant] = (),
    *,
    days: int | None = 90,
    now: datetime | None = None,
) -> tuple[str, TokenInfo]:
    """A new API token for the account; returns the token (shown once, never stored)
    and what is kept of it. Without ``grants`` it carries all the account's roles; it never
    carries more."""
    now = now or utcnow()
    label = name.strip()
    if not label or len(label) > NAME_LENGTH:
        raise refuse("name", "token_name_length")
    if days is not None and not 1 <= days <= 3660:
        raise refuse("days", "token_days")
    raw = new_api_token()
    with _writing(sessions) as session:
        account = _find(session, login)
        held = _grants(session, account.id)
        wanted = _checked_grants(grants) if grants else held
        if not wanted or within(wanted, held) != wanted:
            raise refuse("role", "token_exceeds_account", status=403)
        row = ApiTokenRow(
            id=str(uuid.uuid4()),
            account_id=account.id,
            name=label,
            token_hash=digest(raw),
            grants=[g.label() for g in wanted],
            created_at=now,
            expires_at=now + timedelta(days=days) if days is not None else None,
        )
        session.add(row)
        session.flush()
        return raw, _token_info(row, account.login)


def list_tokens(sessions: Sessions, login: str | None = None) -> list[TokenInfo]:
    with sessions() as session:
        query = select(ApiTokenRow, AccountRow.login).join(
            AccountRow, AccountRow.id == ApiTokenRow.account_id
        )
        if login is not None:
            query = query.where(AccountRow.id == _find(session, login).id)
        rows = session.execute(query.order_by(ApiTokenRow.created_at)).all()
        return [_token_info(row, account_login) for row, account_login in rows]


def revoke_token(sessions: Sessions, token_id: str) -> TokenInfo:
    with _writing(sessions) as session:
        row = session.get(ApiTokenRow, token_id.strip())
        if row is None:
            raise refuse("token", "token_unknown", status=404)
        if row.revoked_at is None:
            row.revoked_at = utcnow()
        account = session.get(AccountRow, row.account_id)
        return _token_info(row, account.login if account else "")


def token_principal(
    sessions: Sessions, raw: str, now: datetime | None = None
) -> tuple[Principal, datetime | None] | None:
    """Who an API token speaks for, and until when it holds: None when unknown, revoked,
    expired or its account inactive. Records when it was last used (at most once a
    minute)."""
    now = now or utcnow()
    hashed = digest(raw)
    with sessions() as session:
        row = session.scalar(select(ApiTokenRow).where(ApiTokenRow.token_hash == hashed))
        if row is None or row.revoked_at is not None:
            return None
        if row.expires_at is not None and now >= row.expires_at:
            return None
        account = session.get(AccountRow, row.account_id)
        if account is None or not account.active:
            return None
        info = _info(session, account)
        grants = within((Grant.parse(g) for g in row.grants), info.grants)
        principal = Principal(
            kind="token",
            grants=grants,
            account_id=account.id,
            name=info.display_name,
            reviewer_id=account.reviewer_id,
            token_id=row.id,
        )
        stale = row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY
        expires = row.expires_at
    if stale:
        with sessions.begin() as session:
            session.execute(
                update(ApiTokenRow)
                .where(ApiTokenRow.id == principal.token_id)
                .values(last_used_at=now)
            )
    return principal, expires


__all__ = [
    "AccountInfo",
    "AccountRefused",
    "SessionPolicy",
    "TokenInfo",
    "account_by_email",
    "authenticate",
    "count_accounts",
    "create_account",
    "create_token",
    "end_session",
    "first_administrator",
    "get_account",
    "grant",
    "list_accounts",
    "list_tokens",
    "purge_sessions",
    "revoke",
    "revoke_token",
    "session_principal",
    "set_active",
    "set_password",
    "set_reviewer",
    "start_session",
    "token_principal",
]
