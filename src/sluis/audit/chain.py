"""The audit trail: an append-only hash chain of events.

Each entry carries ``hash = sha256(prev_hash || canonical JSON of the entry)``, where the
canonical JSON holds the sequence number, time, event type, profile id, decision id and
details (keys sorted, no whitespace, ASCII). Changing, inserting or deleting an entry
breaks the chain at that entry, which :func:`verify_chain` finds. (Cutting entries off
the *end* leaves a shorter valid chain; compare with a head kept elsewhere to see that,
see :func:`chain_head`.)

Appends run inside the caller's transaction, so an event exists exactly when what it
records does. They are serialised so the chain never forks: on PostgreSQL by a
transaction-scoped advisory lock taken before the head is read; on SQLite by the
database's single write lock, which the caller holds from the start of its transaction
(``BEGIN IMMEDIATE``, as the gateway does). Sequence numbers are the primary key and are
assigned here, so even an unserialised writer could only fail, never fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit.details import check_details
from sluis.store.dbapi import RawTransaction, on_connection
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import AuditEventRow

GENESIS_HASH = "0" * 64
_VERIFY_BATCH = 5_000

_table = AuditEventRow.__table__
#: The newest entry's (seq, hash); read it under :func:`lock_chain`.
HEAD = select(_table.c.seq, _table.c.hash).order_by(_table.c.seq.desc()).limit(1)
_PREBOUND = frozenset({"at", "details"})
_INSERT = insert(_table)
# Keyed by schema too, so databases in different schemas (tests) do not wait for each other.
_PG_LOCK = "SELECT pg_advisory_xact_lock(hashtext('sluis.audit' || coalesce(current_schema(), '')))"


@dataclass(frozen=True)
class AuditEvent:
    """An event to append (its details are checked against the allow-list)."""

    event: str
    profile_id: str | None = None
    decision_uuid: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditEntry:
    """An entry of the chain as stored."""

    seq: int
    at: datetime
    event: str
    profile_id: str | None
    decision_uuid: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainReport:
    """The outcome of :func:`verify_chain`."""

    ok: bool
    entries: int
    first_broken_seq: int | None = None


def canonical_bytes(
    seq: int,
    at: datetime,
    event: str,
    profile_id: str | None,
    decision_uuid: str | None,
    details: Mapping[str, Any],
) -> bytes:
    """The bytes an entry's hash covers (besides the previous hash)."""
    return _canonical(seq, at, event, profile_id, decision_uuid, details_text(details))


def details_text(details: Mapping[str, Any]) -> str:
    """The canonical JSON of an entry's details (also what is stored)."""
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _canonical(
    seq: int,
    at: datetime,
    event: str,
    profile_id: str | None,
    decision_uuid: str | None,
    details: str,
) -> bytes:
    # Exactly json.dumps of the whole entry with sorted keys and no whitespace, assembled
    # around the details' own canonical text so that it is serialised once.
    dump = json.dumps
    stamp = at.astimezone(UTC).isoformat(timespec="microseconds")
    return (
        f'{{"at":{dump(stamp)},"decision_uuid":{dump(decision_uuid)},"details":{details},'
        f'"event":{dump(event)},"profile_id":{dump(profile_id)},"seq":{int(seq)}}}'
    ).encode("ascii")


def entry_hash(prev_hash: str, canonical: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical).hexdigest()


def lock_chain(tx: RawTransaction) -> None:
    """Take the chain's append lock for the rest of the transaction (PostgreSQL; on
    SQLite the transaction's write lock serves). Taking it again is harmless."""
    if not tx.sqlite:
        tx.execute_text(_PG_LOCK)


def append_events(
    tx: RawTransaction,
    events: Sequence[AuditEvent],
    at: datetime | None = None,
    head: tuple[int, str] | None = None,
) -> list[AuditEntry]:
    """Append ``events`` in order, in the transaction of ``tx``; returns the entries.

    ``head``: the newest entry's (seq, hash) when the caller read it already, under
    :func:`lock_chain` in this same transaction (see :data:`HEAD`).
    """
    for item in events:
        check_details(item.event, item.details)
    if not events:
        return []
    if head is None:
        lock_chain(tx)
        found = tx.execute(HEAD).fetchone()
        head = (0, GENESIS_HASH) if found is None else (int(found[0]), str(found[1]))
    seq, prev = head
    at = at or utcnow()
    entries = []
    rows = []
    stamp = tx.prepared(_INSERT).convert("at", at)
    for item in events:
        seq += 1
        details = dict(item.details)
        text = details_text(details)
        digest = entry_hash(
            prev, _canonical(seq, at, item.event, item.profile_id, item.decision_uuid, text)
        )
        entries.append(
            AuditEntry(
                seq, at, item.event, item.profile_id, item.decision_uuid, details, prev, digest
            )
        )
        rows.append(
            {
                "seq": seq,
                "at": stamp,
                "event": item.event,
                "profile_id": item.profile_id,
                "decision_uuid": item.decision_uuid,
                "details": text,  # JSON text: SQLite stores it, PostgreSQL casts it to jsonb
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if len(rows) == 1:
        tx.execute(_INSERT, rows[0], _PREBOUND)
    else:
        prepared = tx.prepared(_INSERT)
        tx.executemany_bound(_INSERT, [prepared.bind(row, _PREBOUND) for row in rows])
    return entries


def next_seq(tx: RawTransaction) -> int:
    """The sequence number the next appended event will get (after :func:`lock_chain`)."""
    head = tx.execute(HEAD).fetchone()
    return 1 if head is None else int(head[0]) + 1


def append_event(
    session: Session,
    event: str,
    profile_id: str | None,
    decision_uuid: str | None,
    details: Mapping[str, Any],
) -> AuditEntry:
    """Append one event inside the session's current transaction.

    On SQLite, begin that transaction with ``BEGIN IMMEDIATE``
    (``sluis.store.db.SQLITE_BEGIN_IMMEDIATE``) when it reads before it writes. Raises
    :class:`~sluis.audit.details.AuditDetailsRefused` for details off the allow-list.
    """
    session.flush()  # keep the caller's pending writes before ours, in statement order
    tx = on_connection(session.connection())
    return append_events(tx, [AuditEvent(event, profile_id, decision_uuid, details)])[0]


def chain_head(sessions: sessionmaker[Session]) -> tuple[int, str] | None:
    """(seq, hash) of the newest entry: keep it elsewhere to detect a cut-off tail later."""
    with sessions.begin() as session:
        row = session.execute(HEAD).first()
        return None if row is None else (int(row[0]), str(row[1]))


def read_events(
    sessions: sessionmaker[Session], after_seq: int = 0, limit: int = 100
) -> list[AuditEntry]:
    """Entries with ``seq > after_seq``, oldest first."""
    with sessions.begin() as session:
        rows = session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.seq > after_seq)
            .order_by(AuditEventRow.seq)
            .limit(limit)
        )
        return [_entry(row) for row in rows]


def verify_chain(
    sessions: sessionmaker[Session], expected_head: tuple[int, str] | None = None
) -> ChainReport:
    """Recompute every hash, oldest first; the first entry that does not follow from its
    predecessor (changed, inserted, or after a deleted one) is ``first_broken_seq``. For a
    deleted entry that is the missing sequence number. With ``expected_head`` (from
    :func:`chain_head`), a chain that ends before it or differs there is broken too."""
    seen = 0
    prev_seq, prev_hash = 0, GENESIS_HASH
    hashes_at_expected: str | None = None
    for entry in _stream(sessions):
        seen += 1
        if entry.seq != prev_seq + 1:
            return ChainReport(False, seen, prev_seq + 1)
        recomputed = entry_hash(
            prev_hash,
            canonical_bytes(
                entry.seq,
                entry.at,
                entry.event,
                entry.profile_id,
                entry.decision_uuid,
                entry.details,
            ),
        )
        if entry.prev_hash != prev_hash or entry.hash != recomputed:
            return ChainReport(False, seen, entry.seq)
        prev_seq, prev_hash = entry.seq, entry.hash
        if expected_head is not None and entry.seq == expected_head[0]:
            hashes_at_expected = entry.hash
    if expected_head is not None and hashes_at_expected != expected_head[1]:
        broken = min(expected_head[0], prev_seq + 1)
        return ChainReport(False, seen, broken)
    return ChainReport(True, seen, None)


def _stream(sessions: sessionmaker[Session]) -> Iterator[AuditEntry]:
    # Keyset pages: memory stays flat on chains of millions of entries, and no cursor is
    # held open across pages.
    after = 0
    while True:
        page = read_events(sessions, after, _VERIFY_BATCH)
        yield from page
        if len(page) < _VERIFY_BATCH:
            return
        after = page[-1].seq


def _entry(row: AuditEventRow) -> AuditEntry:
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        event=row.event,
        profile_id=row.profile_id,
        decision_uuid=row.decision_uuid,
        details=dict(row.details),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )
