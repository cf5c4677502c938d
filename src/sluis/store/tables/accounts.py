"""Tables of accounts: staff and systems, their roles, web sessions and API tokens.

Secrets are never stored: an argon2id hash of a password, the SHA-256 of a session id or
token (``sluis.accounts.secrets``). Accounts are deactivated, never deleted: the audit trail
and the review desk keep pointing at them. A role may hold for one algorithm
(``algorithm``) or for all (NULL).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CHAR,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import (
    NAME_LENGTH,
    PROFILE_ID_LENGTH,
    SHA256_HEX_LENGTH,
    Base,
    JsonDocument,
    utcnow,
)
from sluis.store.tables.gateway import UUID_LENGTH
from sluis.store.tables.review import REVIEWER_ID_LENGTH

LOGIN_LENGTH = 200
HASH_LENGTH = 255
ROLE_LENGTH = 24
ROLES = ("administrator", "privacy_officer", "decision_owner", "reviewer", "auditor")


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (
        UniqueConstraint("login"),
        UniqueConstraint("email"),
        CheckConstraint("failed_logins >= 0", name="failed_logins_not_negative"),
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    # Lower-cased: a login name and an e-mail address are matched without case.
    login: Mapped[str] = mapped_column(String(LOGIN_LENGTH))
    email: Mapped[str | None] = mapped_column(String(LOGIN_LENGTH))
    display_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    # None: the account signs in through OpenID Connect only.
    password_hash: Mapped[str | None] = mapped_column(String(HASH_LENGTH))
    active: Mapped[bool] = mapped_column(Boolean)
    reviewer_id: Mapped[str | None] = mapped_column(
        String(REVIEWER_ID_LENGTH), ForeignKey("reviewers.id", ondelete="RESTRICT")
    )
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AccountRoleRow(Base):
    __tablename__ = "account_roles"
    __table_args__ = (
        CheckConstraint("role IN (" + ", ".join(f"'{r}'" for r in ROLES) + ")", name="role_known"),
        Index("ix_account_roles_account_id", "account_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("accounts.id", ondelete="CASCADE")
    )
    role: Mapped[str] = mapped_column(String(ROLE_LENGTH))
    algorithm: Mapped[str | None] = mapped_column(String(PROFILE_ID_LENGTH))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebSessionRow(Base):
    """A signed-in browser. Ends when idle too long, at its absolute expiry, at sign-out
    or when revoked (a password change revokes them all)."""

    __tablename__ = "web_sessions"
    __table_args__ = (Index("ix_web_sessions_account_id", "account_id"),)

    id_hash: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH), primary_key=True)
    account_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("accounts.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class ApiTokenRow(Base):
    """A system's token: shown once, stored hashed, with its own roles (never more than its
    account holds), an expiry and the last time it was used."""

    __tablename__ = "api_tokens"
    __table_args__ = (
        UniqueConstraint("token_hash"),
        Index("ix_api_tokens_account_id", "account_id"),
    )

    id: Mapped[str] = mapped_column(String(UUID_LENGTH), primary_key=True)
    account_id: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("accounts.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    token_hash: Mapped[str] = mapped_column(CHAR(SHA256_HEX_LENGTH))
    grants: Mapped[list[Any]] = mapped_column(JsonDocument)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
