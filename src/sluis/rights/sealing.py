"""What the rights desk keeps about a person is sealed with that person's own key.

The same key that seals their decisions (``sluis.gateway.subject_keys``), so that
crypto-shredding the subject also erases their requests' names, addresses and messages.
The record's id and purpose are the associated data: a ciphertext moved to another row
does not open.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from sluis.gateway.crypto import KeyRing, PayloadUnreadable, SubjectKey
from sluis.gateway.subject_keys import SubjectKeys
from sluis.store.dbapi import on_connection
from sluis.store.tables.gateway import SubjectKeyRow


def _associated(purpose: str, record_id: str) -> bytes:
    return f"sluis/rights/{purpose}/{record_id}".encode("ascii")


def seal_json(key: SubjectKey, document: Any, purpose: str, record_id: str) -> bytes:
    plaintext = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return KeyRing.encrypt(key, plaintext, _associated(purpose, record_id))


def unseal_json(
    key: SubjectKey | None, ciphertext: bytes | None, purpose: str, record_id: str
) -> Any | None:
    """The document, or None when there is none or it can no longer be read (erased)."""
    if key is None or ciphertext is None:
        return None
    try:
        plaintext = KeyRing.decrypt(key, bytes(ciphertext), _associated(purpose, record_id))
    except PayloadUnreadable:
        return None
    return json.loads(plaintext.decode("utf-8"))


def key_for_writing(session: Session, keys: SubjectKeys, pseudonym: str) -> SubjectKey:
    """The subject's live key, made when they have none (call under the chain lock)."""
    key = keys.key_for(on_connection(session.connection()), pseudonym)
    assert key is not None  # create=True always gives a key
    return key


def key_for_reading(
    session: Session, keys: SubjectKeys, pseudonym: str, key_id: str
) -> SubjectKey | None:
    """The key ``key_id`` of the subject while it lives; None once shredded or replaced."""
    row = session.get(SubjectKeyRow, pseudonym)
    if row is None or row.wrapped_key is None or row.key_id != key_id:
        return None
    return keys.ring.unwrap(pseudonym, row.key_id, bytes(row.wrapped_key))


__all__ = ["key_for_reading", "key_for_writing", "seal_json", "unseal_json"]
