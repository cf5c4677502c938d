"""What the review desk stores about a person is sealed with that person's own key.

Reasons talk about the person, and what the person submits is theirs: both are encrypted
(AES-GCM) with the subject key that sealed the decision (``sluis.gateway.crypto``), so
crypto-shredding the subject erases them with everything else. The record's id and its
purpose are the associated data: a ciphertext moved to another row does not open.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sluis.gateway.crypto import KeyRing, PayloadUnreadable, SubjectKey
from sluis.gateway.subject_keys import SubjectKeys
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow


def live_key(session: Session, keys: SubjectKeys, decision: DecisionRow) -> SubjectKey | None:
    """The key that sealed ``decision``, or None when it was destroyed (or replaced)."""
    row = session.get(SubjectKeyRow, decision.subject_pseudonym)
    if row is None or row.wrapped_key is None or row.key_id != decision.key_id:
        return None
    return keys.ring.unwrap(decision.subject_pseudonym, row.key_id, bytes(row.wrapped_key))


def _associated(purpose: str, record_id: str) -> bytes:
    return f"sluis/review/{purpose}/{record_id}".encode("ascii")


def seal(key: SubjectKey, plaintext: bytes, purpose: str, record_id: str) -> bytes:
    return KeyRing.encrypt(key, plaintext, _associated(purpose, record_id))


def unseal(
    key: SubjectKey | None, ciphertext: bytes | None, purpose: str, record_id: str
) -> bytes | None:
    """The plaintext, or None when there is none or it can no longer be read."""
    if key is None or ciphertext is None:
        return None
    try:
        return KeyRing.decrypt(key, bytes(ciphertext), _associated(purpose, record_id))
    except PayloadUnreadable:
        return None


__all__ = ["live_key", "seal", "unseal"]
