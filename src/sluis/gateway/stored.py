"""Reading decision records back, and erasing a subject's.

A record's payload is decrypted only when asked for, with the subject's key as it is
stored now: when that key was destroyed (crypto-shredding), or replaced by a later key,
the payload reads as erased.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, null, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit import AuditEvent, append_events, lock_chain
from sluis.gateway.crypto import KeyRing
from sluis.gateway.payloads import ColumnSchema, decode
from sluis.gateway.records import DecisionRecord
from sluis.gateway.subject_keys import SubjectKeys
from sluis.review.cases import wipe_reviews
from sluis.store.dbapi import RawTransaction
from sluis.store.monitoring import erase_monitoring
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import DecisionRow, PayloadSchemaRow, SubjectKeyRow

_decisions = DecisionRow.__table__
_schemas = PayloadSchemaRow.__table__
_ADD_SCHEMA = {
    "sqlite": sqlite.insert(_schemas).on_conflict_do_nothing(),
    "postgresql": postgresql.insert(_schemas).on_conflict_do_nothing(),
}
_WIPE = (
    update(_decisions)
    .where(_decisions.c.key_id == bindparam("b_key_id"))
    .values(outcome=null(), score=null())
)


class DecisionNotFound(LookupError):
    def __init__(self, decision_uuid: str) -> None:
        self.decision_uuid = decision_uuid
        super().__init__(f"no decision {decision_uuid!r}")


class RecordReader:
    """Decision records as stored, decrypted on request."""

    def __init__(self, sessions: sessionmaker[Session], keys: Callable[[], SubjectKeys]) -> None:
        self.sessions = sessions
        # Called only to reveal a payload: reading records needs no master key (it may not
        # even exist yet, see ``Gateway.keys``).
        self._keys = keys
        self.schemas: dict[str, dict[str, Any]] = {}

    @property
    def keys(self) -> SubjectKeys:
        return self._keys()

    def get(
        self, decision_uuid: str, reveal: bool = False, *, replayed: bool = False
    ) -> DecisionRecord:
        """A recorded decision; its payload is decrypted only with ``reveal``."""
        with self.sessions.begin() as session:
            row = session.get(DecisionRow, decision_uuid)
            if row is None:
                raise DecisionNotFound(decision_uuid)
            key_row = session.get(SubjectKeyRow, row.subject_pseudonym)
        live = (
            key_row is not None and key_row.key_id == row.key_id and key_row.wrapped_key is not None
        )
        payload = None
        if reveal and live:
            assert key_row is not None and key_row.wrapped_key is not None
            key = self.keys.ring.unwrap(row.subject_pseudonym, row.key_id, key_row.wrapped_key)
            plaintext = KeyRing.decrypt(key, row.payload_ciphertext, row.id.encode("ascii"))
            payload = decode(plaintext, self.schema)
        return DecisionRecord(
            decision_uuid=row.id,
            profile_id=row.profile_id,
            profile_version=row.profile_version,
            decision_id=row.decision_id,
            procedure_version=row.procedure_version,
            status=row.status,
            outcome=row.outcome,
            score=row.score,
            refused_final=row.refused_final,
            route_reasons=tuple(row.route_reasons),
            idempotency_key=row.idempotency_key,
            batch_id=row.batch_id,
            audit_seq=row.audit_seq,
            created_at=row.created_at,
            decided_at=row.decided_at,
            erased=not live,
            replayed=replayed,
            payload=payload,
        )

    def add_schema(self, tx: RawTransaction, schema: ColumnSchema) -> None:
        """Store a payload schema in ``tx`` unless this process knows it is stored; call
        :meth:`remember` once ``tx`` committed."""
        if schema.id not in self.schemas:
            tx.execute(
                _ADD_SCHEMA[tx.dialect.name],
                {"id": schema.id, "schema": schema.schema, "created_at": utcnow()},
            )

    def remember(self, schema: ColumnSchema | None) -> None:
        if schema is not None:
            self.schemas.setdefault(schema.id, schema.schema)

    def schema(self, schema_id: str) -> dict[str, Any]:
        found = self.schemas.get(schema_id)
        if found is None:
            with self.sessions.begin() as session:
                row = session.get(PayloadSchemaRow, schema_id)
                if row is None:
                    raise LookupError(f"payload schema {schema_id} is missing")
                found = self.schemas[schema_id] = dict(row.schema)
        return found


def shred_subject(tx: RawTransaction, keys: SubjectKeys, pseudonym: str) -> int:
    """Destroy the subject's key and wipe the outcomes and scores of the records it
    sealed, with a ``subject_erased`` audit event; returns how many records."""
    lock_chain(tx)
    key_id = keys.destroy(tx, pseudonym)
    records = 0
    if key_id is not None:
        records = tx.execute(_WIPE, {"b_key_id": key_id}).rowcount
        wipe_reviews(tx, key_id, utcnow())  # what the review desk holds in the clear
        erase_monitoring(tx, key_id)  # the group labels kept for fairness monitoring
    details = {"keys_destroyed": int(key_id is not None), "records": int(records)}
    append_events(tx, [AuditEvent("subject_erased", None, None, details)])
    return int(records)


__all__ = ["DecisionNotFound", "RecordReader", "shred_subject"]
