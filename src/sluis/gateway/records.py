"""Decision records: the values the gateway returns, their ids and the digests that tie
them to the audit trail.

Decision ids are UUIDv7-style (RFC 9562): a millisecond timestamp first, then a counter
within a batch, then random bits. New rows thus land at the end of the primary-key index
instead of at random places in it, which keeps bulk inserts fast on big tables.

Each ``decided``, ``routed_for_review`` and ``batch_decided`` audit event carries a
digest of the records it vouches for: sha256 over the binding (profile, version,
decision, procedure version) followed, column by column, by the fixed-width ids,
pseudonyms and key ids, and the nonce and tag of every encrypted payload (the GCM tag
binds the whole ciphertext: another ciphertext with the same tag cannot be made without
the key). Outcome, score and status are left out on purpose: erasure wipes the first two
and a human review changes the third, and neither may break the evidence.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from sluis.gateway.contract import InputProblem
from sluis.gateway.payloads import DecisionPayload

_NONCE = 12
_TAG = 16
_MAX_COUNTER = 1 << 18
# The 74 random bits of a single id: rand_a (12) and rand_b (62), around version and variant.
_RANDOM_BITS = (0xFFF << 64) | ((1 << 62) - 1)


def new_ids(count: int) -> list[str]:
    """``count`` fresh, time-ordered decision ids (ascending within the call)."""
    if count == 1:  # the single-decision path: no numpy overhead
        value = (time.time_ns() // 1_000_000) << 80 | 0x7 << 76 | 0x2 << 62
        value |= int.from_bytes(os.urandom(10), "big") & _RANDOM_BITS
        text = f"{value:032x}"
        return [f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"]
    if count == 0:
        return []
    if count > _MAX_COUNTER:
        return new_ids(_MAX_COUNTER) + new_ids(count - _MAX_COUNTER)
    raw = np.frombuffer(os.urandom(16 * count), dtype=np.uint8).reshape(count, 16).copy()
    stamp = time.time_ns() // 1_000_000
    raw[:, 0:6] = np.frombuffer(stamp.to_bytes(6, "big"), dtype=np.uint8)
    counter = np.arange(count, dtype=np.uint32)
    # version 7, then an 18-bit counter across rand_a (12 bits) and the top of rand_b.
    raw[:, 6] = 0x70 | ((counter >> 14) & 0x0F).astype(np.uint8)
    raw[:, 7] = ((counter >> 6) & 0xFF).astype(np.uint8)
    raw[:, 8] = 0x80 | (counter & 0x3F).astype(np.uint8)
    text = raw.tobytes().hex()
    return [
        f"{text[i : i + 8]}-{text[i + 8 : i + 12]}-{text[i + 12 : i + 16]}-"
        f"{text[i + 16 : i + 20]}-{text[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


def records_digest(
    binding: Sequence[object],
    ids: Sequence[str],
    pseudonyms: Sequence[str],
    key_ids: Sequence[str],
    ciphertexts: Sequence[bytes],
) -> str:
    """The digest an audit event carries for the records it vouches for (see above)."""
    digest = hashlib.sha256("|".join(str(part) for part in binding).encode("utf-8") + b"\n")
    digest.update("".join(ids).encode("ascii"))
    digest.update("".join(pseudonyms).encode("ascii"))
    digest.update("".join(key_ids).encode("ascii"))
    digest.update(b"".join([c[:_NONCE] for c in ciphertexts]))
    digest.update(b"".join([c[-_TAG:] for c in ciphertexts]))
    return digest.hexdigest()


@dataclass(frozen=True)
class DecisionRecord:
    """One recorded decision.

    ``payload`` (inputs and evaluation) is present when it was asked for and is still
    readable; ``erased`` says the subject's key was shredded, so it never will be again.
    ``replayed``: this call did not decide; an earlier request with the same idempotency
    key had, and this is its record.
    """

    decision_uuid: str
    profile_id: str
    profile_version: int
    decision_id: str
    procedure_version: str
    status: str
    outcome: str | None
    score: float | None
    refused_final: bool
    route_reasons: tuple[dict[str, Any], ...]
    idempotency_key: str | None
    batch_id: str | None
    audit_seq: int
    created_at: datetime
    decided_at: datetime | None
    erased: bool = False
    replayed: bool = False
    payload: DecisionPayload | None = None

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    def to_json_dict(self) -> dict[str, Any]:
        """The record for the API; the payload (personal data) only when present."""
        return {
            "id": self.decision_uuid,
            "profile_id": self.profile_id,
            "profile_version": self.profile_version,
            "decision_id": self.decision_id,
            "procedure_version": self.procedure_version,
            "status": self.status,
            "outcome": self.outcome,
            "score": self.score,
            "refused_final": self.refused_final,
            "route_reasons": list(self.route_reasons),
            "idempotency_key": self.idempotency_key,
            "batch_id": self.batch_id,
            "audit_seq": self.audit_seq,
            "created_at": self.created_at.isoformat(),
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "erased": self.erased,
            "replayed": self.replayed,
            "payload": self.payload.to_json_dict() if self.payload is not None else None,
        }


@dataclass(frozen=True)
class ChunkReport:
    """What one chunk of a batch did (rows are positions in the whole batch, 0-based)."""

    chunk: int
    first_row: int
    rows: int
    decided: int
    statuses: dict[str, int]
    bad_rows: dict[int, tuple[InputProblem, ...]]
    replayed: dict[int, str]


@dataclass
class BatchResult:
    """The outcome of a batch.

    ``decision_ids[i]`` is the id of row ``i``'s decision (``None`` for a bad row);
    ``replayed`` maps rows whose idempotency key was already used to that decision;
    ``bad_rows`` maps every refused row to all its problems.
    """

    batch_id: str
    rows: int = 0
    decided: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    refused_final: int = 0
    bad_rows: dict[int, tuple[InputProblem, ...]] = field(default_factory=dict)
    replayed: dict[int, str] = field(default_factory=dict)
    decision_ids: list[str | None] = field(default_factory=list)
    refused: bool = False
    """True for an atomic batch refused as a whole (nothing was recorded)."""

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "rows": self.rows,
            "decided": self.decided,
            "statuses": dict(self.statuses),
            "refused_final": self.refused_final,
            "refused": self.refused,
            "bad_rows": [
                {"row": row, "problems": [p.to_json_dict() for p in problems]}
                for row, problems in sorted(self.bad_rows.items())
            ],
            "replayed": [{"row": r, "id": i} for r, i in sorted(self.replayed.items())],
            "decision_ids": self.decision_ids,
        }


__all__ = [
    "BatchResult",
    "ChunkReport",
    "DecisionRecord",
    "new_ids",
    "records_digest",
]
