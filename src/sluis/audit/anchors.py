"""Signed anchors of the audit trail: the chain's head, now and then, signed with Ed25519.

The hash chain alone shows every changed, moved or removed entry, except entries cut off
the end: a shorter chain is still a valid chain. An anchor is the head (sequence number
and hash) at one moment, signed, so that a chain that ends before an anchor, or differs
from it, is found (``sluis.audit.verify``).

The signing key is derived from the master key with HKDF-SHA256 under its own label, so it
is kept wherever the master key is and cannot weaken the keys derived for other uses. Its
public half verifies the anchors without the master key: export it with ``sluis audit
anchor --public-key`` and keep it (and, for truncation by someone who can also delete
anchors, the newest anchor from ``sluis audit anchor --json``) somewhere else.

Anchoring appends an ``audit_anchored`` event first and signs the head *including* it: the
chain itself then says which anchors were made, so a deleted anchor row is found too, and
anchoring twice without new events changes nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit.chain import HEAD, AuditEvent, append_events, lock_chain
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.dbapi import on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.trust import AuditAnchorRow

ANCHOR_EVENT = "audit_anchored"
_SIGNING_INFO = b"sluis/audit/anchor-signing/v1"
_FORMAT = "sluis.audit.anchor/1"
DEFAULT_ANCHOR_EVERY = 1_000


class AnchorKeyError(ValueError):
    """A public key that is not an Ed25519 key in the expected form."""


class AnchorKey:
    """The anchors' Ed25519 key: both halves (from the master key) or only the public one."""

    def __init__(self, public: Ed25519PublicKey, private: Ed25519PrivateKey | None = None):
        self.public = public
        self.private = private
        raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public_text = base64.b64encode(raw).decode("ascii")
        self.digest = hashlib.sha256(raw).hexdigest()

    @classmethod
    def from_master_key(cls, master_key: bytes) -> AnchorKey:
        seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_SIGNING_INFO).derive(
            master_key
        )
        private = Ed25519PrivateKey.from_private_bytes(seed)
        return cls(private.public_key(), private)

    @classmethod
    def from_public_text(cls, text: str) -> AnchorKey:
        """The key from its base64 form (as ``public_text`` gives it)."""
        try:
            raw = base64.b64decode(text.strip(), validate=True)
            return cls(Ed25519PublicKey.from_public_bytes(raw))
        except (binascii.Error, ValueError):
            raise AnchorKeyError(
                "public key: expected the base64 of a 32-byte Ed25519 public key"
            ) from None

    @property
    def can_sign(self) -> bool:
        return self.private is not None

    def sign(self, message: bytes) -> str:
        if self.private is None:
            raise AnchorKeyError("this anchor key has no private half: it only verifies")
        return self.private.sign(message).hex()

    def verifies(self, message: bytes, signature: str) -> bool:
        try:
            self.public.verify(bytes.fromhex(signature), message)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class Anchor:
    """A signed head of the chain."""

    id: int
    seq: int
    hash: str
    at: datetime
    key_digest: str
    signature: str

    def message(self) -> bytes:
        return signed_message(self.id, self.seq, self.hash, self.at)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "id": self.id,
            "seq": self.seq,
            "hash": self.hash,
            "at": _stamp(self.at),
            "key_digest": self.key_digest,
            "signature": self.signature,
        }

    @classmethod
    def from_json_dict(cls, document: dict[str, Any]) -> Anchor:
        """An anchor kept elsewhere (``sluis audit anchor --json``); ValueError names the
        first field that is missing or malformed."""
        if not isinstance(document, dict) or document.get("format") != _FORMAT:
            raise ValueError(f"format: expected {_FORMAT!r}")
        checks = {"id": int, "seq": int, "hash": str, "at": str, "key_digest": str}
        for name, kind in checks.items():
            if not isinstance(document.get(name), kind) or isinstance(document.get(name), bool):
                raise ValueError(f"{name}: missing or of the wrong type")
        if not isinstance(document.get("signature"), str):
            raise ValueError("signature: missing or of the wrong type")
        try:
            at = datetime.fromisoformat(document["at"])
        except ValueError:
            raise ValueError("at: not an ISO 8601 time") from None
        if at.tzinfo is None:
            raise ValueError("at: the time must carry its UTC offset")
        return cls(
            document["id"],
            document["seq"],
            document["hash"],
            at,
            document["key_digest"],
            document["signature"],
        )


def signed_message(anchor_id: int, seq: int, head_hash: str, at: datetime) -> bytes:
    """What an anchor's signature covers."""
    return f"{_FORMAT}|{int(anchor_id)}|{int(seq)}|{head_hash}|{_stamp(at)}".encode("ascii")


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def _anchor(row: AuditAnchorRow) -> Anchor:
    return Anchor(row.id, row.seq, row.hash, row.at, row.key_digest, row.signature)


def read_anchors(sessions: sessionmaker[Session]) -> list[Anchor]:
    """Every anchor, oldest first (anchors are few: one per anchoring)."""
    with sessions.begin() as session:
        rows = session.scalars(select(AuditAnchorRow).order_by(AuditAnchorRow.id))
        return [_anchor(row) for row in rows]


def anchor_head(session: Session, key: AnchorKey, at: datetime | None = None) -> Anchor | None:
    """Anchor the chain's head in the session's transaction, under the chain lock (taken
    here); returns the new anchor, the newest one when nothing was appended since it, or
    None when the chain is empty. On SQLite begin the transaction with BEGIN IMMEDIATE."""
    session.flush()
    tx = on_connection(session.connection())
    lock_chain(tx)
    head = tx.execute(HEAD).fetchone()
    if head is None:
        return None
    last = session.scalars(
        select(AuditAnchorRow).order_by(AuditAnchorRow.id.desc()).limit(1)
    ).first()
    if last is not None and last.seq == int(head[0]):
        return _anchor(last)
    at = at or utcnow()
    anchor_id = 1 if last is None else last.id + 1
    (entry,) = append_events(
        tx,
        [AuditEvent(ANCHOR_EVENT, None, None, {"anchor": anchor_id})],
        at=at,
        head=(
            int(head[0]),
            str(head[1]),
        ),
    )
    message = signed_message(anchor_id, entry.seq, entry.hash, at)
    row = AuditAnchorRow(
        id=anchor_id,
        seq=entry.seq,
        hash=entry.hash,
        at=at,
        key_digest=key.digest,
        signature=key.sign(message),
    )
    session.add(row)
    session.flush()
    return _anchor(row)


def write_anchor(
    sessions: sessionmaker[Session], key: AnchorKey, at: datetime | None = None
) -> Anchor | None:
    """Anchor the head in a transaction of its own (see :func:`anchor_head`)."""
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        return anchor_head(session, key, at)


def anchor_if_due(
    sessions: sessionmaker[Session], key: AnchorKey, every: int = DEFAULT_ANCHOR_EVERY
) -> Anchor | None:
    """Anchor the head when at least ``every`` events were appended since the newest
    anchor (or there is none yet); returns the new anchor or None. Cheap when not due: two
    look-ups, no lock."""
    if every < 1:
        raise ValueError("every: expected at least 1")
    with sessions.begin() as session:
        head = session.execute(HEAD).first()
        last = session.scalar(select(AuditAnchorRow.seq).order_by(AuditAnchorRow.id.desc()))
    if head is None or int(head[0]) - (last or 0) < every:
        return None
    return write_anchor(sessions, key)


__all__ = [
    "ANCHOR_EVENT",
    "DEFAULT_ANCHOR_EVERY",
    "Anchor",
    "AnchorKey",
    "AnchorKeyError",
    "anchor_head",
    "anchor_if_due",
    "read_anchors",
    "signed_message",
    "write_anchor",
]
