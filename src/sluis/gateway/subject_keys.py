"""The subject keys in storage: finding, creating, re-creating and destroying them.

Always inside the caller's (raw) transaction. Creating keys is race-free when the
transaction holds the gateway's write lock (the SQLite write lock, or the audit chain's
advisory lock on PostgreSQL); batches plan their keys before taking that lock and store
them only where no key appeared meanwhile (:meth:`SubjectKeys.store` says when one did).
The primary key on the pseudonym guards against any other writer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, insert, null, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sluis.gateway.crypto import DEFAULT_CACHE_SIZE, KeyRing, SubjectKey
from sluis.store.dbapi import RawTransaction
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import SubjectKeyRow

_table = SubjectKeyRow.__table__
_SELECT_KEY = select(_table.c.key_id, _table.c.wrapped_key).where(
    _table.c.pseudonym == bindparam("pseudonym")
)
_INSERT_KEY = insert(_table)
_INSERT_KEY_IF_NEW = {
    "sqlite": sqlite_insert(_table).on_conflict_do_nothing(),
    "postgresql": postgresql_insert(_table).on_conflict_do_nothing(),
}
_REKEY = (
    update(_table)
    .where(_table.c.pseudonym == bindparam("b_pseudonym"))
    .where(_table.c.wrapped_key.is_(None))
    .values(
        key_id=bindparam("key_id"),
        wrapped_key=bindparam("wrapped_key"),
        created_at=bindparam("created_at"),
        destroyed_at=null(),
    )
)
_DESTROY = (
    update(_table)
    .where(_table.c.pseudonym == bindparam("b_pseudonym"))
    .where(_table.c.wrapped_key.is_not(None))
    .values(wrapped_key=null(), destroyed_at=bindparam("destroyed_at"))
)


# New keys on SQLite in one statement: the chunk's pseudonyms, key ids and wrapped keys
# each travel as one blob of fixed-width values, which SQLite cuts up itself. Bound row
# by row (``executemany``), Python converts five values per key while holding the
# interpreter lock, which it must take back after every row: beside a batch preparing
# its next chunk that cost a quarter of the batch (measured); this way the whole insert
# runs in SQLite's C code with the lock released. The widths are those of the values
# ``KeyRing`` makes (hex HMAC-SHA256, hex key id, nonce + key + tag).
_WIDTHS = {"pseudonym": 64, "key_id": 32, "wrapped_key": 12 + 32 + 16}
_INSERT_NEW_SQLITE = (
    f"INSERT INTO {_table.name} (pseudonym, key_id, wrapped_key, created_at, destroyed_at) "
    "WITH RECURSIVE row(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM row WHERE i + 1 < :count) "
    "SELECT CAST(substr(:pseudonyms, {p} * i + 1, {p}) AS TEXT), "
    "CAST(substr(:key_ids, {k} * i + 1, {k}) AS TEXT), substr(:wrapped, {w} * i + 1, {w}), "
    ":created_at, NULL FROM row WHERE true ON CONFLICT DO NOTHING"
).format(p=_WIDTHS["pseudonym"], k=_WIDTHS["key_id"], w=_WIDTHS["wrapped_key"])


def _insert_new_on_sqlite(
    tx: RawTransaction,
    targets: Sequence[str],
    planned: Mapping[str, tuple[str, bytes]],
    now: datetime,
) -> int | None:
    """Insert new keys in one statement; the number stored (a key that appeared meanwhile
    is skipped), or None when a value has another width (then row by row, as before)."""
    key_ids, wrapped = zip(*map(planned.__getitem__, targets), strict=True)
    for name, values in (("pseudonym", targets), ("key_id", key_ids), ("wrapped_key", wrapped)):
        if set(map(len, values)) != {_WIDTHS[name]}:
            return None
    try:
        pseudonyms = "".join(targets).encode("ascii")
        ids = "".join(key_ids).encode("ascii")
    except UnicodeEncodeError:
        return None
    params = {
        "count": len(targets),
        "pseudonyms": pseudonyms,
        "key_ids": ids,
        "wrapped": b"".join(wrapped),
        "created_at": tx.prepared(_INSERT_KEY).convert("created_at", now),
    }
    return int(tx.execute_text(_INSERT_NEW_SQLITE, params).rowcount)


# Columns given as plain text and bytes, which every driver takes as they are.
_NATIVE_KEY_COLUMNS = frozenset({"pseudonym", "b_pseudonym", "key_id", "wrapped_key"})


KnownKeys = dict[str, tuple[str, bytes | None]]


@dataclass
class KeyPlan:
    """The keys a set of subjects will use: ``keys`` for all, of which ``new`` (no row yet)
    and ``rekeyed`` (only a destroyed key) still have to be stored, as (key id, wrapped)."""

    keys: dict[str, SubjectKey] = field(default_factory=dict)
    new: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    rekeyed: dict[str, tuple[str, bytes]] = field(default_factory=dict)


class SubjectKeys:
    """The subject keys in storage, always inside the caller's (raw) transaction.

    Creating a key is race-free when the transaction holds the gateway's write lock (the
    SQLite write lock, or the audit chain's advisory lock on PostgreSQL), which is how the
    gateway calls it; the primary key on the pseudonym guards against any other writer.
    """

    def __init__(self, ring: KeyRing, remembered: int = DEFAULT_CACHE_SIZE) -> None:
        self.ring = ring
        # Subjects this process stored or read a key for lately: for others a new key is
        # tried first (one statement instead of two for a subject seen for the first time).
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._remembered = remembered
        self._lock = threading.Lock()

    def key_for(
        self, tx: RawTransaction, pseudonym: str, *, create: bool = True
    ) -> SubjectKey | None:
        """The subject's live key; a new one when it has none (or only a destroyed one)."""
        if create and pseudonym not in self._seen:
            new = self.ring.new_key(pseudonym)
            values = {
                "pseudonym": pseudonym,
                "key_id": new.key.key_id,
                "wrapped_key": new.wrapped,
                "created_at": utcnow(),
                "destroyed_at": None,
            }
            if tx.execute(_INSERT_KEY_IF_NEW[tx.dialect.name], values).rowcount == 1:
                self._saw(pseudonym)
                return new.key
            self.ring.forget(new.key.key_id)
        row = tx.execute(_SELECT_KEY, {"pseudonym": pseudonym}).fetchone()
        if row is not None and row[1] is not None:
            self._saw(pseudonym)
            return self.ring.unwrap(pseudonym, row[0], bytes(row[1]))
        if not create:
            return None
        new = self.ring.new_key(pseudonym)
        values = {
            "pseudonym": pseudonym,
            "b_pseudonym": pseudonym,
            "key_id": new.key.key_id,
            "wrapped_key": new.wrapped,
            "created_at": utcnow(),
            "destroyed_at": None,
        }
        tx.execute(_INSERT_KEY if row is None else _REKEY, values)
        self._saw(pseudonym)
        return new.key

    def _saw(self, pseudonym: str) -> None:
        with self._lock:
            self._seen[pseudonym] = None
            self._seen.move_to_end(pseudonym)
            while len(self._seen) > self._remembered:
                self._seen.popitem(last=False)

    def known(self, tx: RawTransaction, pseudonyms: Sequence[str]) -> KnownKeys:
        """The stored key rows of these subjects: key id and wrapped key (None when
        destroyed); subjects without a row are left out."""
        rows = tx.select_in(_table, ["pseudonym", "key_id", "wrapped_key"], "pseudonym", pseudonyms)
        return {p: (str(k), None if w is None else bytes(w)) for p, k, w in rows}

    def plan(self, known: KnownKeys, pseudonyms: Iterable[str]) -> KeyPlan:
        """Keys for many subjects: unwrapped from ``known`` rows, new for the others."""
        plan = KeyPlan()
        missing: list[str] = []
        rekey: list[str] = []
        for pseudonym in dict.fromkeys(pseudonyms):
            stored = known.get(pseudonym)
            if stored is None:
                missing.append(pseudonym)
            elif stored[1] is None:
                rekey.append(pseudonym)
            else:
                plan.keys[pseudonym] = self.ring.unwrap(pseudonym, stored[0], stored[1])
        for targets, store in ((missing, plan.new), (rekey, plan.rekeyed)):
            for pseudonym, made in zip(targets, self.ring.new_keys(targets), strict=True):
                plan.keys[pseudonym] = made.key
                store[pseudonym] = (made.key.key_id, made.wrapped)
        return plan

    def store(
        self,
        tx: RawTransaction,
        new: Mapping[str, tuple[str, bytes]],
        rekeyed: Mapping[str, tuple[str, bytes]],
    ) -> bool:
        """Write planned keys, each only where no live key appeared meanwhile; False when
        another writer got there first for any of them (roll back and plan again)."""
        insert_new = _INSERT_KEY_IF_NEW[tx.dialect.name]
        now = utcnow()
        for planned, statement in ((new, insert_new), (rekeyed, _REKEY)):
            if not planned:
                continue
            # In key order: neighbouring inserts land on the same pages of the index.
            targets = sorted(planned)
            if statement is insert_new and tx.sqlite:
                stored = _insert_new_on_sqlite(tx, targets, planned, now)
                if stored is not None:
                    if stored != len(targets):
                        return False
                    continue
            params = tx.prepared(statement).rows(
                {"created_at": now, "destroyed_at": None},
                {
                    "pseudonym": targets,
                    "b_pseudonym": targets,
                    "key_id": [planned[p][0] for p in targets],
                    "wrapped_key": [planned[p][1] for p in targets],
                },
                native=_NATIVE_KEY_COLUMNS,
            )
            if tx.executemany_bound(statement, params) != len(targets):
                return False
        return True

    def keys_for(
        self, tx: RawTransaction, known: KnownKeys, pseudonyms: Iterable[str]
    ) -> dict[str, SubjectKey]:
        """Plan and store keys for many subjects inside a locked transaction."""
        plan = self.plan(known, pseudonyms)
        if not self.store(tx, plan.new, plan.rekeyed):
            raise RuntimeError("a subject key was created concurrently; retry the transaction")
        return plan.keys

    def destroy(self, tx: RawTransaction, pseudonym: str, at: datetime | None = None) -> str | None:
        """Destroy the subject's live key; returns its key id, or None when it had none."""
        row = tx.execute(_SELECT_KEY, {"pseudonym": pseudonym}).fetchone()
        if row is None or row[1] is None:
            return None
        tx.execute(_DESTROY, {"b_pseudonym": pseudonym, "destroyed_at": at or utcnow()})
        self.ring.forget(row[0])
        return str(row[0])


__all__ = ["KeyPlan", "KnownKeys", "SubjectKeys"]
