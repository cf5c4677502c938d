"""Sealing and writing a prepared chunk of a batch.

Sealing gives every good row its subject's key (unwrapped, or new) and encrypts its
payload; it needs the stored key rows but no lock, so it can run while the previous
chunk is still being written. Writing happens under the chain lock, in one transaction:
the idempotency keys are looked up, the new subject keys stored (only where no key
appeared meanwhile, else the chunk is sealed again under the lock), the decisions
written with one bulk insert, and the chunk's audit events appended: ``batch_decided``
(counts per status, the first and last decision id and the digest of every record, see
``records``) and ``refused_input`` for its bad rows.

One event per chunk rather than per decision keeps the chain verifiable (each event still
commits to every record it covers, through the digest and the records' ``audit_seq``)
while a million decisions add a hundred entries to it, not a million.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from sluis.audit import AuditEvent, append_events, lock_chain, next_seq
from sluis.gateway.bindings import refusal_events
from sluis.gateway.chunks import Chunk
from sluis.gateway.contract import InputProblem
from sluis.gateway.crypto import SubjectKey
from sluis.gateway.records import BatchResult, new_ids, records_digest
from sluis.gateway.routing import Route
from sluis.gateway.subject_keys import KnownKeys
from sluis.review.cases import open_initial_cases
from sluis.rights.restriction import ARTICLE as RESTRICTED_ARTICLE
from sluis.rights.restriction import MESSAGE as RESTRICTED_MESSAGE
from sluis.rights.restriction import RULE as RESTRICTED
from sluis.rights.restriction import restricted_among
from sluis.store.dbapi import RawTransaction
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow

if TYPE_CHECKING:
    from sluis.gateway.service import Binding, Gateway

KeyLookup = Callable[[list[str]], KnownKeys]

_NATIVE = frozenset(
    {
        "id",
        "subject_pseudonym",
        "outcome",
        "score",
        "payload_ciphertext",
        "key_id",
        "idempotency_key",
    }
)


class KeyRace(RuntimeError):
    """Another writer stored a key for one of the chunk's subjects after it was sealed."""


def seal(
    gateway: Gateway, chunk: Chunk, lookup: KeyLookup, recent: dict[str, SubjectKey]
) -> dict[str, SubjectKey]:
    """Key and encrypt every good row of ``chunk``; returns the keys it used.

    ``recent``: keys used by the chunk still being written, whose new keys the database
    does not show yet.
    """
    if not chunk.pseudonyms:
        return {}
    unique = list(dict.fromkeys(chunk.pseudonyms))
    wanted = [p for p in unique if p not in recent]
    plan = gateway.keys.plan(lookup(wanted) if wanted else {}, wanted)
    keys = {**{p: recent[p] for p in unique if p in recent}, **plan.keys}
    chunk.plan = plan
    count = len(chunk.pseudonyms)
    chunk.ids = ids = new_ids(count)
    nonces = os.urandom(12 * count)
    ciphertexts: list[bytes] = []
    key_ids: list[str] = []
    for i, (pseudonym, plaintext) in enumerate(
        zip(chunk.pseudonyms, chunk.plaintexts, strict=True)
    ):
        key = keys[pseudonym]
        nonce = nonces[12 * i : 12 * i + 12]
        ciphertexts.append(nonce + key.aead.encrypt(nonce, plaintext, ids[i].encode("ascii")))
        key_ids.append(key.key_id)
    chunk.ciphertexts, chunk.key_ids = ciphertexts, key_ids
    return keys


def write(
    gateway: Gateway,
    tx: RawTransaction,
    binding: Binding,
    route: Route,
    batch_id: str,
    chunk: Chunk,
    result: BatchResult,
    *,
    atomic: bool,
) -> None:
    """Record one sealed chunk in ``tx``; raises :class:`KeyRace` (nothing of the chunk
    kept once ``tx`` rolls back) when its new keys lost a race."""
    lock_chain(tx)
    rows = _unrestricted(tx, chunk, _still_to_decide(tx, binding, chunk, result))
    if atomic and chunk.bad:
        return  # a restricted subject: the caller refuses the whole batch
    events: list[AuditEvent] = []
    if chunk.bad and not atomic:
        events.extend(_refused_rows(binding, batch_id, chunk))
    if chunk.plan is not None and not gateway.keys.store(tx, chunk.plan.new, chunk.plan.rekeyed):
        raise KeyRace("a subject key was stored concurrently")
    if rows.size:
        seq = next_seq(tx) + len(events)  # the chunk's event follows the refusal, if any
        events.append(_insert(gateway, tx, binding, route, batch_id, chunk, rows, result, seq))
    if chunk.replays:
        _report_replays(chunk, route, result)
    if events:
        append_events(tx, events)


def _unrestricted(tx: RawTransaction, chunk: Chunk, rows: np.ndarray) -> np.ndarray:
    """``rows`` without those whose subject is restricted (GDPR art. 18), which become bad
    rows with the problem a single decision gets. Asked under the chain lock, which a
    restriction is written under too, in one query for the chunk."""
    if not rows.size:
        return rows
    pseudonyms = chunk.pseudonyms
    restricted = restricted_among(tx, [pseudonyms[i] for i in rows.tolist()])
    if not restricted:
        return rows
    problem = (
        InputProblem(chunk.subject_column, RESTRICTED, RESTRICTED_MESSAGE, (RESTRICTED_ARTICLE,)),
    )
    keep = np.array([pseudonyms[i] not in restricted for i in rows.tolist()], dtype=bool)
    for index in rows[~keep].tolist():
        chunk.bad[int(chunk.positions[index])] = problem
    return rows[keep]


def _refused_rows(binding: Binding, batch_id: str, chunk: Chunk) -> list[AuditEvent]:
    counts: Counter[InputProblem] = Counter(p for ps in chunk.bad.values() for p in ps)
    details: dict[str, Any] = {
        "batch_id": batch_id,
        "chunk": chunk.number,
        "rows": len(chunk.bad),
        "atomic": False,
    }
    return refusal_events(binding, list(counts.items()), details)


def _still_to_decide(
    tx: RawTransaction, binding: Binding, chunk: Chunk, result: BatchResult
) -> np.ndarray:
    """Indexes (into the chunk's good rows) still to decide; rows whose idempotency key was
    used already are reported as replays of that decision."""
    count = len(chunk.pseudonyms)
    if chunk.keys is None or count == 0:
        return np.arange(count)
    wanted = sorted({k for k in chunk.keys if k is not None})
    found = tx.select_in(
        DecisionRow.__table__,
        ["idempotency_key", "id", "status", "outcome", "score"],
        "idempotency_key",
        wanted,
        {"profile_id": binding.profile_id},
    )
    earlier = {str(row[0]): row[1:] for row in found}
    keep: list[int] = []
    first_here: dict[str, int] = {}
    replays: list[tuple[int, Any]] = []  # (row, its earlier decision's id, status, ...)
    for i, key in enumerate(chunk.keys):
        position = int(chunk.positions[i])
        if key is None:
            keep.append(i)
        elif key in earlier:
            replays.append((position, earlier[key]))
        elif key in first_here:
            replays.append((position, first_here[key]))  # decided a few rows up
        else:
            first_here[key] = i
            keep.append(i)
    kept = np.array(keep, dtype=np.int64)
    chunk.replays = replays
    return kept


def _report_replays(chunk: Chunk, route: Route, result: BatchResult) -> None:
    """The rows that replay a decision: the earlier one's id, status, outcome and score
    (as stored now: a review may have changed the status, erasure wiped the outcome)."""
    assert chunk.evaluation is not None
    evaluation = chunk.evaluation
    by_status: dict[str, list[tuple[int, str, object, float | None]]] = {}
    for position, source in chunk.replays:
        if isinstance(source, int):  # a row of this chunk
            score = None if evaluation.scores is None else float(evaluation.scores[source])
            found = (chunk.ids[source], route.status.value, evaluation.outcomes[source], score)
        else:
            found = (str(source[0]), str(source[1]), source[2], source[3])
        by_status.setdefault(found[1], []).append((position, found[0], found[2], found[3]))
    for status, rows in by_status.items():
        positions, ids, outcomes, scores = zip(*rows, strict=True)
        result.set_rows(
            np.array(positions, dtype=np.int64),
            ids,
            status,
            np.array(outcomes, dtype=object),
            np.array([np.nan if s is None else s for s in scores], dtype=np.float64),
            replayed=True,
        )


def _insert(
    gateway: Gateway,
    tx: RawTransaction,
    binding: Binding,
    route: Route,
    batch_id: str,
    chunk: Chunk,
    rows: np.ndarray,
    result: BatchResult,
    seq: int,
) -> AuditEvent:
    """Bulk-insert the chunk's decisions; returns the event that vouches for them."""
    from sluis.gateway.service import INSERT_DECISION, route_reasons

    assert chunk.evaluation is not None
    take = rows.tolist()
    everything = len(take) == len(chunk.ids)

    def pick(values: list[Any]) -> list[Any]:
        return values if everything else [values[i] for i in take]

    ids, pseudonyms = pick(chunk.ids), pick(chunk.pseudonyms)
    key_ids, ciphertexts = pick(chunk.key_ids), pick(chunk.ciphertexts)
    if chunk.schema is not None:
        gateway.records.add_schema(tx, chunk.schema)
    evaluation = chunk.evaluation
    scores = None if evaluation.scores is None else evaluation.scores[rows].tolist()
    now = utcnow()
    status = route.status.value
    columns: dict[str, list[Any]] = {
        "id": ids,
        "subject_pseudonym": pseudonyms,
        "outcome": [str(o) for o in evaluation.outcomes[rows].tolist()],
        "payload_ciphertext": ciphertexts,
        "key_id": key_ids,
    }
    if scores is not None:
        columns["score"] = scores
    if chunk.keys is not None:
        columns["idempotency_key"] = pick(chunk.keys)
    params = tx.prepared(INSERT_DECISION).rows(
        {
            "profile_id": binding.profile_id,
            "profile_version": binding.profile_version,
            "decision_id": binding.decision_id,
            "procedure_version": binding.procedure_version,
            "status": status,
            "refused_final": route.refused_final,
            "route_reasons": route_reasons(route),
            "audit_seq": seq,
            "batch_id": batch_id,
            "created_at": now,
            "decided_at": now if route.is_final else None,
            "score": None,
            "idempotency_key": None,
        },
        columns,
        native=_NATIVE,
    )
    tx.executemany_bound(INSERT_DECISION, params)
    if not route.is_final:  # a human must review them: their cases, in this transaction
        outcomes = columns["outcome"]
        open_initial_cases(tx, binding.profile_id, binding.decision_id, ids, outcomes, now)
    positions = chunk.positions[rows]
    result.set_rows(
        positions,
        ids,
        status,
        evaluation.outcomes[rows],
        evaluation.scores[rows] if evaluation.scores is not None else None,
    )
    if result.explanations is not None:
        for position, index in zip(positions.tolist(), take, strict=True):
            result.explanations[position] = evaluation.explanations[index]
    result.decided += len(ids)
    result.statuses[status] = result.statuses.get(status, 0) + len(ids)
    refused = len(ids) if route.refused_final else 0
    result.refused_final += refused
    details = {
        **binding.details(),
        "batch_id": batch_id,
        "chunk": chunk.number,
        "first_row": chunk.first_row,
        "rows": len(ids),
        "statuses": {status: len(ids)},
        "refused_final": refused,
        "first_decision": ids[0],
        "last_decision": ids[-1],
        "digest": records_digest(binding.key, ids, pseudonyms, key_ids, ciphertexts),
    }
    return AuditEvent("batch_decided", binding.profile_id, None, details)
