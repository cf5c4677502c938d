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
import pandas as pd

from sluis.gateway.contract import InputProblem
from sluis.gateway.explanation import Explanation
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


#: A row's status in a batch result: ``refused`` (a bad row, nothing recorded) or the
#: status of its decision; ``ROW_STATUSES[code]``.
ROW_STATUSES = ("refused", "final", "pending_review", "selected_for_review")
_STATUS_CODES = {status: code for code, status in enumerate(ROW_STATUSES)}
_ID_DTYPE = "S36"


@dataclass(frozen=True)
class RowResult:
    """What a batch did with one row (``row``: its 0-based position in the batch)."""

    row: int
    decision_id: str | None
    status: str
    outcome: str | None
    score: float | None
    replayed: bool
    problems: tuple[InputProblem, ...] = ()
    explanation: Explanation | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "id": self.decision_id,
            "status": self.status,
            "outcome": self.outcome,
            "score": self.score,
            "replayed": self.replayed,
            "problems": [p.to_json_dict() for p in self.problems],
        }


@dataclass
class BatchResult:
    """The outcome of a batch, in total and per row.

    The per-row results are numpy arrays aligned with the batch's rows, so that a batch of
    millions of rows keeps no Python object per row: ``ids`` (the decision id as ASCII
    bytes, empty for a bad row), ``status_codes`` (see :data:`ROW_STATUSES`),
    ``outcome_codes`` (a position in ``outcome_values``, -1 for none), ``scores`` (NaN for
    none) and ``replayed_rows`` (the row's idempotency key was used already: its decision
    is the earlier one). :meth:`row`, :meth:`rows_frame` and ``decision_ids`` read them.
    ``bad_rows`` maps every refused row to all its problems. ``explanations`` holds each
    decided row's explanation when the batch was asked for them, else None.
    """

    batch_id: str
    rows: int = 0
    decided: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    refused_final: int = 0
    bad_rows: dict[int, tuple[InputProblem, ...]] = field(default_factory=dict)
    refused: bool = False
    """True for an atomic batch refused as a whole (nothing was recorded)."""
    outcome_values: list[str] = field(default_factory=list)
    explanations: list[Explanation | None] | None = None
    ids: np.ndarray = field(init=False, repr=False)
    status_codes: np.ndarray = field(init=False, repr=False)
    outcome_codes: np.ndarray = field(init=False, repr=False)
    scores: np.ndarray = field(init=False, repr=False)
    replayed_rows: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.ids = np.zeros(self.rows, dtype=_ID_DTYPE)
        self.status_codes = np.zeros(self.rows, dtype=np.int8)
        self.outcome_codes = np.full(self.rows, -1, dtype=np.int32)
        self.scores = np.full(self.rows, np.nan)
        self.replayed_rows = np.zeros(self.rows, dtype=bool)

    # -- filled in by the batch ------------------------------------------------------------

    def set_rows(
        self,
        positions: np.ndarray,
        ids: Sequence[str],
        status: str,
        outcomes: np.ndarray,
        scores: np.ndarray | None,
        *,
        replayed: bool = False,
    ) -> None:
        """Record the decisions of rows ``positions`` (all with one status)."""
        if len(positions) == 0:
            return
        self.ids[positions] = np.array(ids, dtype=_ID_DTYPE)
        self.status_codes[positions] = _STATUS_CODES[status]
        self.outcome_codes[positions] = self._codes(outcomes)
        if scores is not None:
            self.scores[positions] = scores
        self.replayed_rows[positions] = replayed

    def _codes(self, outcomes: np.ndarray) -> np.ndarray:
        array = np.asarray(outcomes, dtype=object)
        codes = np.full(len(array), -1, dtype=np.int32)
        present = np.fromiter((o is not None for o in array.tolist()), bool, len(array))
        if not present.any():
            return codes  # e.g. replays of erased decisions
        values, inverse = np.unique(array[present].astype(str), return_inverse=True)
        known = {v: i for i, v in enumerate(self.outcome_values)}
        for value in values.tolist():
            if value not in known:
                known[value] = len(self.outcome_values)
                self.outcome_values.append(value)
        table = np.array([known[v] for v in values.tolist()], dtype=np.int32)
        codes[present] = table[inverse.reshape(-1)]
        return codes

    # -- reading ---------------------------------------------------------------------------

    @property
    def replayed(self) -> dict[int, str]:
        """Rows whose idempotency key was used already, each with that decision's id."""
        return self.replayed_between(0, self.rows)

    def replayed_between(self, start: int, stop: int) -> dict[int, str]:
        """:attr:`replayed` for the rows from ``start`` up to ``stop``."""
        found = np.flatnonzero(self.replayed_rows[start:stop]) + start
        return {int(i): self.ids[i].decode("ascii") for i in found.tolist()}

    @property
    def decision_ids(self) -> list[str | None]:
        """Each row's decision id (the earlier one for a replay), None for a bad row."""
        return [i.decode("ascii") or None for i in self.ids.tolist()]

    def row(self, index: int) -> RowResult:
        """What the batch did with row ``index``."""
        code = int(self.outcome_codes[index])
        score = float(self.scores[index])
        decision_id = self.ids[index].decode("ascii") or None
        return RowResult(
            row=index,
            decision_id=decision_id,
            status=ROW_STATUSES[int(self.status_codes[index])],
            outcome=self.outcome_values[code] if code >= 0 else None,
            score=None if score != score else score,
            replayed=bool(self.replayed_rows[index]),
            problems=self.bad_rows.get(index, ()),
            explanation=None if self.explanations is None else self.explanations[index],
        )

    def rows_frame(self, first_row: int = 0) -> pd.DataFrame:
        """The per-row results as a table: row (counted from ``first_row``), decision_id,
        status, outcome, score, replayed and problems (as text, for bad rows)."""
        outcomes = np.array([*self.outcome_values, None], dtype=object)
        problems = np.full(self.rows, None, dtype=object)
        for index, found in self.bad_rows.items():
            problems[index] = problems_text(found)
        return pd.DataFrame(
            {
                "row": np.arange(first_row, first_row + self.rows, dtype=np.int64),
                "decision_id": np.array(self.decision_ids, dtype=object),
                "status": np.array(ROW_STATUSES, dtype=object)[self.status_codes],
                "outcome": outcomes[self.outcome_codes],  # code -1: the None at the end
                "score": self.scores,
                "replayed": self.replayed_rows,
                "problems": problems,
            }
        )

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
            "results": [self.row(i).to_json_dict() for i in range(self.rows)],
        }


def problems_text(problems: Sequence[InputProblem]) -> str:
    """A row's problems on one line: ``field: message [rule]; ...`` (never a value)."""
    return "; ".join(f"{p.field}: {p.message} [{p.rule}]" for p in problems)


__all__ = [
    "ROW_STATUSES",
    "BatchResult",
    "ChunkReport",
    "DecisionRecord",
    "RowResult",
    "new_ids",
    "problems_text",
    "records_digest",
]
