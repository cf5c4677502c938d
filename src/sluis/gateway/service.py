"""The decision gateway service: decisions run through Sluis, with the law enforced.

``Gateway(sessions, settings)`` binds decision procedures to the newest version of a
registered profile and then decides, one at a time or in batches. For every decision it
checks the inputs against the profile (``contract``), evaluates the procedure with its
explanation, routes the decision by its art. 22 assessment (``routing``), encrypts the
inputs and evaluation with the subject's own key (``crypto``) and records the decision
with its audit event (``sluis.audit``) in one transaction. Refusals are recorded only as
audit events without personal data.

Single decisions take the shortest path to the database (``sluis.store.dbapi``): on the
reference machine a transaction through a ``Session`` alone costs more than the whole
decision may.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime
from typing import Any

import pandas as pd
import pyarrow as pa
from sqlalchemy import Engine, bindparam, insert, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit import GENESIS_HASH, AuditEvent, append_events, lock_chain
from sluis.gateway.bindings import (
    Binding,
    DecisionUnavailable,
    ProcedureRefused,
    bind_procedure,
    feature_problem,
    refusal_events,
    route_reasons,
)
from sluis.gateway.checkpoints import Checkpointer
from sluis.gateway.contract import InputProblem, InputsRefused, check_inputs
from sluis.gateway.crypto import KeyRing, existing_master_key
from sluis.gateway.explanation import FeatureValueError
from sluis.gateway.outcomes import UndeclaredOutcome, outcome_problem
from sluis.gateway.payloads import ColumnSchema, DecisionPayload, encode_json
from sluis.gateway.procedures import Evaluation, Procedure
from sluis.gateway.records import BatchResult, ChunkReport, DecisionRecord, new_ids, records_digest
from sluis.gateway.routing import REQUESTS, Route
from sluis.gateway.stored import DecisionNotFound, RecordReader, shred_subject
from sluis.gateway.subject_keys import SubjectKeys
from sluis.processing_log import Operation, ProcessingLog
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.review.cases import open_initial_cases
from sluis.rights.restriction import refuse_if_restricted
from sluis.settings import Settings
from sluis.store.dbapi import RawTransaction, raw_transaction
from sluis.store.tables import ProfileRow
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import (
    IDEMPOTENCY_KEY_LENGTH,
    AuditEventRow,
    DecisionRow,
)

# SQLite pragmas for the gateway's connections. WAL with synchronous=NORMAL: a commit
# appends the transaction to the write-ahead log without an fsync; the log is synced at
# each checkpoint. The database is never corrupted and never holds part of a transaction
# (a decision and its audit events are there together or not at all, so the chain stays
# valid), and a crashed or killed process loses nothing (the operating system has the
# log). Only a power failure or operating-system crash can take back the transactions
# committed since the last sync. FULL would sync every commit: about 330 µs on the
# reference machine against 30 µs, which alone would cap single decisions below 3,000/s.
# Where every decision must survive a power cut, use PostgreSQL. The larger page cache
# keeps the indexes of big batches in memory. Checkpoints run in a thread of their own
# (``checkpoints``), off the commit path; the gateway's connections checkpoint themselves
# only when the log passes 100,000 pages (400 MB), should that thread fall behind.
SQLITE_PRAGMAS = ("synchronous=NORMAL", "cache_size=-65536", "wal_autocheckpoint=100000")
DEFAULT_CHUNK_SIZE = 50_000
SUBJECT_ID_LENGTH = 1_000

_decisions = DecisionRow.__table__
_FIND_BY_KEY = select(_decisions.c.id).where(
    _decisions.c.profile_id == bindparam("profile_id"),
    _decisions.c.idempotency_key == bindparam("idempotency_key"),
)
_audit = AuditEventRow.__table__
# Read under the chain lock in one statement: whether the binding is still the newest
# version of the profile, and the head of the audit chain.
_STATE = select(
    select(ProfileRow.__table__.c.latest_version)
    .where(ProfileRow.__table__.c.id == bindparam("profile_id"))
    .scalar_subquery(),
    select(_audit.c.seq).order_by(_audit.c.seq.desc()).limit(1).scalar_subquery(),
    select(_audit.c.hash).order_by(_audit.c.seq.desc()).limit(1).scalar_subquery(),
)
INSERT_DECISION = insert(_decisions)
# Parameters of INSERT_DECISION the single path passes already converted.
_PREBOUND = frozenset(
    {
        "profile_id",
        "profile_version",
        "decision_id",
        "procedure_version",
        "status",
        "refused_final",
        "route_reasons",
        "batch_id",
        "created_at",
        "decided_at",
    }
)


class Gateway:
    """Decisions through Sluis. Thread-safe; one per process is enough."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        settings: Settings,
        *,
        key_ring: KeyRing | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> None:
        engine = sessions.kw.get("bind")
        if not isinstance(engine, Engine):
            raise TypeError("the session factory must be bound to an engine")
        self.sessions = sessions
        self.engine = engine
        self.settings = settings
        if key_ring is None:
            # A key that exists is read (and checked) now; a new one is made only when the
            # first decision needs it (see ``keys``), not when an app or command starts.
            existing = existing_master_key(settings)
            key_ring = KeyRing(existing) if existing is not None else None
        self._keys = SubjectKeys(key_ring) if key_ring is not None else None
        self.chunk_size = chunk_size
        self._bindings: dict[tuple[str, str], Binding] = {}
        self.records = RecordReader(sessions, lambda: self.keys)
        self._shared: dict[tuple[int, str], tuple[Route, dict[str, Any]]] = {}
        self._one_schemas: dict[int, tuple[Binding, ColumnSchema | None]] = {}
        self._lock = threading.Lock()
        sqlite = engine.dialect.name == "sqlite"
        self._writer: AbstractContextManager[object] = threading.Lock() if sqlite else nullcontext()
        on_file = sqlite and engine.url.database not in (None, "", ":memory:")
        self._checkpoints = Checkpointer(engine) if on_file else None
        self.processing_log = ProcessingLog.from_settings(settings)

    @property
    def keys(self) -> SubjectKeys:
        """The subject keys, with the master key (created on first use when there is
        none: see ``sluis.gateway.crypto``)."""
        keys = self._keys
        if keys is None:
            with self._lock:
                if self._keys is None:
                    self._keys = SubjectKeys(KeyRing.from_settings(self.settings))
                keys = self._keys
        return keys

    @contextmanager
    def writing(self) -> Iterator[RawTransaction]:
        """A write transaction of the gateway (see ``sluis.store.dbapi``).

        On SQLite the writers of this process first queue on a lock of our own: SQLite
        makes a writer that finds the database locked sleep and retry, up to 100 ms at a
        time, which turns a wait of a millisecond into a long one when requests come in
        together. Writers in other processes still wait through SQLite's busy timeout.
        """
        with self._writer, raw_transaction(self.engine, sqlite_pragmas=SQLITE_PRAGMAS) as tx:
            yield tx
        if self._checkpoints is not None:
            self._checkpoints.wrote()

    # -- procedures ----------------------------------------------------------------------

    def register_procedure(
        self, profile_id: str, decision_id: str, procedure: Procedure
    ) -> Binding:
        """Bind ``procedure`` to ``decision_id`` of the newest version of the profile (see
        :func:`~sluis.gateway.bindings.bind_procedure` for what is refused)."""
        binding = bind_procedure(self.sessions, profile_id, decision_id, procedure)
        with self._lock:
            self._bindings[(profile_id, decision_id)] = binding
        return binding

    def binding(self, profile_id: str, decision_id: str) -> Binding | None:
        return self._bindings.get((profile_id, decision_id))

    def _binding_for(self, profile_id: str, decision_id: str) -> Binding:
        binding = self._bindings.get((profile_id, decision_id))
        if binding is not None:
            return binding
        reason = "no_procedure"
        try:
            profile = get_profile(self.sessions, profile_id).profile
            if not any(d.id == decision_id for d in profile.decisions):
                reason = "unknown_decision"
        except ProfileNotFound:
            reason = "unknown_profile"
        self._refuse_request(profile_id, decision_id, reason)
        raise DecisionUnavailable(profile_id, decision_id, reason)

    def _refuse_request(self, profile_id: str, decision_id: str, reason: str) -> None:
        # Ids the caller made up are their free text: only known ones go in the trail.
        known_profile = reason != "unknown_profile"
        details: dict[str, Any] = {"reason": reason}
        if reason in ("no_procedure", "procedure_outdated"):
            details["decision_id"] = decision_id
        with self.writing() as tx:
            append_events(
                tx,
                [
                    AuditEvent(
                        "refused_request", profile_id if known_profile else None, None, details
                    )
                ],
            )

    def _rebind(self, binding: Binding) -> Binding:
        """The profile has a newer version: bind the same procedure to it, or refuse."""
        try:
            return self.register_procedure(
                binding.profile_id, binding.decision_id, binding.procedure
            )
        except (LookupError, ValueError) as exc:
            with self._lock:
                self._bindings.pop((binding.profile_id, binding.decision_id), None)
            self._refuse_request(binding.profile_id, binding.decision_id, "procedure_outdated")
            raise DecisionUnavailable(
                binding.profile_id, binding.decision_id, "procedure_outdated", str(exc)
            ) from exc

    # -- single decisions ----------------------------------------------------------------

    def decide(
        self,
        profile_id: str,
        decision_id: str,
        subject_id: str,
        inputs: Mapping[str, object],
        idempotency_key: str | None = None,
        requested: str = "auto",
    ) -> DecisionRecord:
        """Decide once: check, evaluate, route, encrypt, record and audit.

        Raises :class:`DecisionUnavailable`, ``InputsRefused`` (every problem listed;
        only a ``refused_input`` audit event is recorded) or ``ValueError`` for a
        malformed subject id, idempotency key or request. With an ``idempotency_key``
        already used for this profile, nothing is decided: the earlier record is
        returned (``replayed``), also when two calls race.
        """
        subject = _subject_text(subject_id)
        _check_request(idempotency_key, requested)
        binding = self._binding_for(profile_id, decision_id)
        # The person goes into the log as their pseudonym, encrypted; not before the master
        # key exists (a refusal does not create it): the record then gets it in ``_record``.
        keys = self._keys if self.processing_log.enabled else None
        logged = keys.ring.pseudonym(subject) if keys is not None else None
        with self.processing_log.operation(
            Operation.decide, profile_id, binding.profile_version, logged
        ):
            for _ in range(3):
                outcome = self._decide_once(binding, subject, inputs, idempotency_key, requested)
                if isinstance(outcome, DecisionRecord):
                    return outcome
                binding = self._rebind(binding)
            raise DecisionUnavailable(profile_id, decision_id, "procedure_outdated")

    def _decide_once(
        self,
        binding: Binding,
        subject: str,
        inputs: Mapping[str, object],
        idempotency_key: str | None,
        requested: str,
    ) -> DecisionRecord | None:
        """The record, or None when the profile moved on to a newer version."""
        contract = binding.contract
        try:
            checked = check_inputs(contract, inputs)
            evaluation = binding.procedure.evaluate(checked)
        except InputsRefused as refusal:
            self._refuse_inputs(binding, [(p, 1) for p in refusal.problems])
            raise
        except FeatureValueError as error:
            refusal = InputsRefused((feature_problem(error),))
            self._refuse_inputs(binding, [(p, 1) for p in refusal.problems])
            raise refusal from None
        allowed = contract.outcomes
        if allowed is not None and evaluation.outcome not in allowed:
            self._refuse_inputs(binding, [(outcome_problem(allowed), 1)])
            raise UndeclaredOutcome(binding.profile_id, binding.decision_id, allowed)
        route = contract.route(requested)  # type: ignore[arg-type]
        stored_inputs = checked.to_json_dict()
        schema = self._schema_for(binding, evaluation)
        if schema is not None:
            plaintext = schema.encode_one(checked, evaluation)
        else:
            plaintext = encode_json(stored_inputs, evaluation)
        pseudonym = self.keys.ring.pseudonym(subject)
        now = utcnow()
        integrity_error = self.engine.dialect.loaded_dbapi.IntegrityError
        earlier: str | None = None
        try:
            with self.writing() as tx:
                lock_chain(tx)  # before the idempotency look-up: the check-then-insert is atomic
                if idempotency_key is not None:
                    found = tx.execute(
                        _FIND_BY_KEY,
                        {"profile_id": binding.profile_id, "idempotency_key": idempotency_key},
                    ).fetchone()
                    earlier = None if found is None else str(found[0])
                if earlier is None:
                    refuse_if_restricted(tx, pseudonym)  # GDPR art. 18 (sluis.rights)
                    if schema is not None:
                        self.records.add_schema(tx, schema)
                    state = tx.execute(_STATE, {"profile_id": binding.profile_id}).fetchone()
                    if state[0] != binding.profile_version:
                        return None
                    head = (0, GENESIS_HASH) if state[1] is None else (int(state[1]), state[2])
                    seq, decision_uuid = self._record(
                        tx,
                        binding,
                        route,
                        pseudonym,
                        evaluation,
                        plaintext,
                        idempotency_key,
                        now,
                        head,
                    )
        except integrity_error:
            # A writer outside the gateway's lock used the key first: the constraint decides.
            earlier = (
                None
                if idempotency_key is None
                else self._find_by_key(binding.profile_id, idempotency_key)
            )
            if earlier is None:
                raise
        if earlier is not None:
            return self.get_decision(earlier, reveal=True, replayed=True)
        self.records.remember(schema)
        return DecisionRecord(
            decision_uuid=decision_uuid,
            profile_id=binding.profile_id,
            profile_version=binding.profile_version,
            decision_id=binding.decision_id,
            procedure_version=binding.procedure_version,
            status=route.status.value,
            outcome=evaluation.outcome,
            score=evaluation.score,
            refused_final=route.refused_final,
            route_reasons=tuple(route_reasons(route)),
            idempotency_key=idempotency_key,
            batch_id=None,
            audit_seq=seq,
            created_at=now,
            decided_at=now if route.is_final else None,
            payload=DecisionPayload(stored_inputs, evaluation),
        )

    def _record(
        self,
        tx: RawTransaction,
        binding: Binding,
        route: Route,
        pseudonym: str,
        evaluation: Any,
        plaintext: bytes,
        idempotency_key: str | None,
        now: datetime,
        head: tuple[int, str],
    ) -> tuple[int, str]:
        key = self.keys.key_for(tx, pseudonym)
        assert key is not None
        (decision_uuid,) = new_ids(1)
        ciphertext = KeyRing.encrypt(key, plaintext, decision_uuid.encode("ascii"))
        digest = records_digest(
            binding.key, [decision_uuid], [pseudonym], [key.key_id], [ciphertext]
        )
        details = {
            **binding.details(),
            "status": route.status.value,
            **self.processing_log.link(decision_uuid, pseudonym),  # its processing-log trace
        }
        events = [
            AuditEvent(
                "decided" if route.is_final else "routed_for_review",
                binding.profile_id,
                decision_uuid,
                {**details, "digest": digest},
            )
        ]
        if route.refused_final:
            events.append(AuditEvent("refused_final", binding.profile_id, decision_uuid, details))
        entries = append_events(tx, events, at=now, head=head)
        prepared = tx.prepared(INSERT_DECISION)
        stamp = prepared.convert("created_at", now)
        tx.execute(
            INSERT_DECISION,
            {
                **self._constants(tx, binding, route),
                "id": decision_uuid,
                "subject_pseudonym": pseudonym,
                "idempotency_key": idempotency_key,
                "outcome": evaluation.outcome,
                "score": evaluation.score,
                "payload_ciphertext": ciphertext,
                "key_id": key.key_id,
                "audit_seq": entries[0].seq,
                "created_at": stamp,
                "decided_at": stamp if route.is_final else None,
            },
            _PREBOUND,
        )
        if not route.is_final:  # a human must review it: its case, in this transaction
            open_initial_cases(
                tx,
                binding.profile_id,
                binding.decision_id,
                [decision_uuid],
                [evaluation.outcome],
                now,
            )
        return entries[0].seq, decision_uuid

    def _schema_for(self, binding: Binding, evaluation: Evaluation) -> ColumnSchema | None:
        """The compact payload form of a model binding (made from its first decision)."""
        cached = self._one_schemas.get(id(binding))
        if cached is None or cached[0] is not binding:
            schema = ColumnSchema.for_one(binding.contract, binding.procedure, evaluation)
            cached = self._one_schemas[id(binding)] = (binding, schema)
        return cached[1]

    def _constants(self, tx: RawTransaction, binding: Binding, route: Route) -> dict[str, Any]:
        """The parameters every decision of this binding and route shares, converted once."""
        key = (id(route), tx.dialect.name)
        cached = self._shared.get(key)
        if cached is None or cached[0] is not route:
            prepared = tx.prepared(INSERT_DECISION)
            values = {
                "profile_id": binding.profile_id,
                "profile_version": binding.profile_version,
                "decision_id": binding.decision_id,
                "procedure_version": binding.procedure_version,
                "status": route.status.value,
                "refused_final": route.refused_final,
                "route_reasons": route_reasons(route),
                "batch_id": None,
            }
            converted = {k: prepared.convert(k, v) for k, v in values.items()}
            cached = self._shared[key] = (route, converted)
        return cached[1]

    def _refuse_inputs(
        self,
        binding: Binding,
        problems: list[tuple[InputProblem, int]],
        extra: Mapping[str, Any] | None = None,
        tx: RawTransaction | None = None,
    ) -> None:
        events = refusal_events(binding, problems, extra or {"rows": 1})
        if tx is not None:
            append_events(tx, events)
            return
        with self.writing() as own:
            append_events(own, events)

    def _find_by_key(self, profile_id: str, idempotency_key: str) -> str | None:
        with self.sessions.begin() as session:
            found = session.execute(
                select(DecisionRow.id).where(
                    DecisionRow.profile_id == profile_id,
                    DecisionRow.idempotency_key == idempotency_key,
                )
            ).first()
            return None if found is None else str(found[0])

    # -- batches -------------------------------------------------------------------------

    def decide_batch(
        self,
        profile_id: str,
        decision_id: str,
        table: pd.DataFrame | pa.Table,
        *,
        subject_column: str = "subject_id",
        idempotency_column: str | None = None,
        requested: str = "auto",
        atomic: bool = False,
        chunk_size: int | None = None,
        on_chunk: Callable[[ChunkReport], None] | None = None,
        explanations: bool = False,
    ) -> BatchResult:
        """Decide every row of a table, streaming in chunks (see ``sluis.gateway.batch``).

        Each row needs the subject's id in ``subject_column``; every other column is an
        input (or, with ``idempotency_column``, the row's idempotency key). Bad rows are
        reported each with all their problems and the good ones recorded; with ``atomic``
        any bad row refuses the whole batch and nothing is recorded but the refusal.
        The result holds every row's decision id, status, outcome and score (see
        :class:`BatchResult`), and with ``explanations`` each decided row's explanation
        too (a Python object per row: leave it off for big batches).
        """
        from sluis.gateway.batch import run_batch

        _check_request(None, requested)
        binding = self._binding_for(profile_id, decision_id)
        return run_batch(
            self,
            binding,
            table,
            subject_column=subject_column,
            idempotency_column=idempotency_column,
            requested=requested,
            atomic=atomic,
            chunk_size=chunk_size or self.chunk_size,
            on_chunk=on_chunk,
            explanations=explanations,
        )

    # -- reading and erasing -------------------------------------------------------------

    def get_decision(
        self, decision_uuid: str, reveal: bool = False, *, replayed: bool = False
    ) -> DecisionRecord:
        """A recorded decision; its payload is decrypted only with ``reveal``. A shredded
        subject's record reads as ``erased`` (no payload, no outcome, no score). Raises
        :class:`DecisionNotFound`."""
        return self.records.get(decision_uuid, reveal, replayed=replayed)

    def shred(self, subject_id: str) -> int:
        """Erase a subject (GDPR art. 17) by destroying their key: every payload of theirs
        becomes unreadable and the outcomes and scores of their records are wiped. Returns
        how many records were erased; recorded as a ``subject_erased`` audit event."""
        pseudonym = self.keys.ring.pseudonym(_subject_text(subject_id))
        with self.writing() as tx:
            return shred_subject(tx, self.keys, pseudonym)


def _subject_text(subject_id: object) -> str:
    if isinstance(subject_id, bool) or not isinstance(subject_id, str | int):
        raise ValueError("subject_id: expected text")
    text = str(subject_id).strip()
    if not text or len(text) > SUBJECT_ID_LENGTH:
        raise ValueError(f"subject_id: expected 1 to {SUBJECT_ID_LENGTH} characters")
    return text


def _check_request(idempotency_key: str | None, requested: str) -> None:
    if idempotency_key is not None and (
        not isinstance(idempotency_key, str)
        or not idempotency_key
        or len(idempotency_key) > IDEMPOTENCY_KEY_LENGTH
    ):
        raise ValueError(f"idempotency_key: expected 1 to {IDEMPOTENCY_KEY_LENGTH} characters")
    if requested not in REQUESTS:
        raise ValueError(f"requested: expected one of {', '.join(REQUESTS)}")


__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "SQLITE_PRAGMAS",
    "Binding",
    "DecisionNotFound",
    "DecisionUnavailable",
    "Gateway",
    "ProcedureRefused",
]
