"""Batches: a pandas DataFrame or Arrow table decided in chunks.

Each chunk is prepared (``chunks``: checks, evaluation, payloads, pseudonyms, all
column-wise), sealed (``sealing``: keys and encryption) and written (``sealing``: one bulk
insert and one audit event per chunk, under the chain lock).

Without ``atomic`` each chunk commits on its own: an interrupted batch keeps what it
recorded, and re-running it with an idempotency column decides only the rest. Writing runs
in a thread of its own while the next chunk is prepared and sealed: the database's work
(which releases the interpreter lock) overlaps the Python work, so a batch uses both
cores of a small machine. With ``atomic`` the contract is checked for every row first
(nothing is written when any row is bad) and the whole batch is then written in one
transaction, one chunk after the other.
"""

from __future__ import annotations

import gc
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa

from sluis.audit import lock_chain
from sluis.gateway.chunks import Chunk, Preparer, chunks
from sluis.gateway.contract import InputProblem
from sluis.gateway.crypto import SubjectKey
from sluis.gateway.payloads import ColumnSchema
from sluis.gateway.records import BatchResult, ChunkReport
from sluis.gateway.routing import Route
from sluis.gateway.sealing import KeyRace, seal, write
from sluis.gateway.subject_keys import KnownKeys
from sluis.processing_log import NO_ACTION, Action, Operation
from sluis.store.dbapi import RawTransaction, raw_transaction

if TYPE_CHECKING:
    from sluis.gateway.service import Binding, Gateway


class BatchRefused(ValueError):
    """A batch refused as a whole (atomic with bad rows, or a column missing): nothing was
    recorded but the refusal event. ``bad_rows`` maps each bad row (0-based position) to
    all its problems."""

    def __init__(self, batch_id: str, bad_rows: dict[int, tuple[InputProblem, ...]]) -> None:
        self.batch_id = batch_id
        self.bad_rows = bad_rows
        super().__init__(f"the batch was refused: {len(bad_rows)} row(s) have problems")


@contextmanager
def _without_gc() -> Iterator[None]:
    # A chunk allocates hundreds of thousands of small objects and frees none: the cyclic
    # collector would sweep the whole heap again and again for nothing (a third of the
    # time of a batch, measured). Reference counting still frees everything as usual.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_batch(
    gateway: Gateway,
    binding: Binding,
    table: pd.DataFrame | pa.Table,
    *,
    subject_column: str,
    idempotency_column: str | None,
    requested: str,
    atomic: bool,
    chunk_size: int,
    on_chunk: Callable[[ChunkReport], None] | None,
    explanations: bool = False,
) -> BatchResult:
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    names = table.column_names if isinstance(table, pa.Table) else table.columns
    columns = [str(c) for c in names]
    batch_id = str(uuid.uuid4())
    total = table.num_rows if isinstance(table, pa.Table) else len(table)
    result = BatchResult(batch_id, rows=total)
    if explanations:
        result.explanations = [None] * total
    for needed in (subject_column, idempotency_column):
        if needed is not None and needed not in columns:
            problem = InputProblem(needed, "missing", "the table has no such column", ())
            bad = dict.fromkeys(range(total), (problem,))
            gateway._refuse_inputs(binding, [(problem, total)], _refusal(batch_id, total, atomic))
            raise BatchRefused(batch_id, bad)
    run = _Run(
        gateway,
        binding,
        binding.contract.route(requested),  # type: ignore[arg-type]
        Preparer(gateway, binding, subject_column, idempotency_column),
        result,
        on_chunk,
    )
    logged = {"sluis.batch": batch_id}
    with (
        _without_gc(),
        gateway.processing_log.operation(
            Operation.decide_batch, binding.profile_id, binding.profile_version, None, logged
        ) as run.logged,
    ):
        if atomic:
            run.atomic(table, chunk_size)
        else:
            run.pipelined(table, chunk_size)
    return result


def _refusal(batch_id: str, rows: int, atomic: bool) -> dict[str, Any]:
    return {"batch_id": batch_id, "rows": rows, "atomic": atomic}


class _Run:
    """One batch on its way through."""

    def __init__(
        self,
        gateway: Gateway,
        binding: Binding,
        route: Route,
        prepare: Preparer,
        result: BatchResult,
        on_chunk: Callable[[ChunkReport], None] | None,
    ) -> None:
        from sluis.gateway.service import SQLITE_PRAGMAS

        self.gateway = gateway
        self.binding = binding
        self.route = route
        self.prepare = prepare
        self.result = result
        self.on_chunk = on_chunk
        self.pragmas = SQLITE_PRAGMAS
        self.schema: ColumnSchema | None = None
        # Whether the last look-up found none of its subjects: then the next chunk assumes
        # its subjects are new too and skips the look-up. Nothing is lost when that is
        # wrong: storing a key where one exists fails the chunk's write (``KeyRace``), and
        # it is sealed again under the lock with the stored keys (and look-ups resume).
        self.all_new = False
        self.logged: Action | object = NO_ACTION  # the batch's processing-log action

    # -- atomic --------------------------------------------------------------------------

    def atomic(self, table: pd.DataFrame | pa.Table, size: int) -> None:
        bad: dict[int, tuple[InputProblem, ...]] = {}
        for number, first, frame in chunks(table, size):
            bad.update(self.prepare.check_only(number, first, frame))
        if bad:
            self._refuse_whole(bad)
        try:
            with self.gateway.writing() as tx:
                lock_chain(tx)
                for number, first, frame in chunks(table, size):
                    chunk = self.prepare(number, first, frame)
                    if chunk.bad:  # found by the model itself (e.g. an unseen category)
                        raise BatchRefused(self.result.batch_id, chunk.bad)
                    self._seal_and_write(tx, chunk, atomic=True)
                    if chunk.bad:  # restricted subjects (GDPR art. 18), found under the lock
                        raise BatchRefused(self.result.batch_id, chunk.bad)
        except BatchRefused as refused:
            self._refuse_whole(refused.bad_rows)
        self.gateway.records.remember(self.schema)
        self._report(Chunk(0, 0, self.result.rows))

    def _refuse_whole(self, bad: dict[int, tuple[InputProblem, ...]]) -> None:
        counts: Counter[InputProblem] = Counter(p for problems in bad.values() for p in problems)
        details = _refusal(self.result.batch_id, len(bad), True)
        self.gateway._refuse_inputs(self.binding, list(counts.items()), details)
        raise BatchRefused(self.result.batch_id, bad)

    # -- pipelined -----------------------------------------------------------------------

    def pipelined(self, table: pd.DataFrame | pa.Table, size: int) -> None:
        """Prepare and seal chunk n+1 while chunk n is being written."""
        recent: dict[str, SubjectKey] = {}
        pending: tuple[Future[None], Chunk] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sluis-batch") as writer:
            for number, first, frame in chunks(table, size):
                chunk = self.prepare(number, first, frame)
                used = seal(self.gateway, chunk, self._lookup, recent)
                if pending is not None and self._finish(*pending):
                    # The previous chunk was sealed again with other keys: so is this one.
                    self.all_new = False
                    used = seal(self.gateway, chunk, self._lookup, pending[1].used_keys)
                chunk.used_keys = used
                recent = used
                pending = (writer.submit(self._write_own, chunk), chunk)
            if pending is not None:
                self._finish(*pending)

    def _lookup(self, pseudonyms: list[str]) -> KnownKeys:
        if self.all_new:
            return {}
        with raw_transaction(
            self.gateway.engine, sqlite_pragmas=self.pragmas, immediate=False
        ) as tx:
            known = self.gateway.keys.known(tx, pseudonyms)
        self.all_new = not known
        return known

    def _write_own(self, chunk: Chunk) -> None:
        with self.gateway.writing() as tx:
            self._write(tx, chunk, atomic=False)
        self.gateway.records.remember(chunk.schema)

    def _write(self, tx: RawTransaction, chunk: Chunk, *, atomic: bool) -> None:
        batch_id = self.result.batch_id
        write(
            self.gateway, tx, self.binding, self.route, batch_id, chunk, self.result, atomic=atomic
        )
        self.gateway.processing_log.subjects(  # one record per person (Logboek standard)
            self.logged, Operation.decide_row, chunk.pseudonyms, self.result.ids[chunk.positions]
        )

    def _finish(self, future: Future[None], chunk: Chunk) -> bool:
        """Wait for a chunk's write; on a lost key race, seal and write it again under the
        lock. Returns whether it was sealed again."""
        again = False
        try:
            future.result()
        except KeyRace:
            again = True
            with self.gateway.writing() as tx:
                self._seal_and_write(tx, chunk, atomic=False)
            self.gateway.records.remember(self.schema)
        self.result.bad_rows.update(chunk.bad)
        self._report(chunk)
        return again

    def _seal_and_write(self, tx: RawTransaction, chunk: Chunk, *, atomic: bool) -> None:
        lock_chain(tx)  # before looking keys up: nobody can add one until we commit
        chunk.used_keys = seal(self.gateway, chunk, lambda ps: self.gateway.keys.known(tx, ps), {})
        self._write(tx, chunk, atomic=atomic)
        self.schema = chunk.schema or self.schema  # remembered once the transaction commits

    def _report(self, chunk: Chunk) -> None:
        if self.on_chunk is None:
            return
        result = self.result
        self.on_chunk(
            ChunkReport(
                chunk=chunk.number,
                first_row=chunk.first_row,
                rows=chunk.rows,
                decided=result.decided,
                statuses=dict(result.statuses),
                bad_rows=dict(chunk.bad),
                replayed=result.replayed_between(chunk.first_row, chunk.first_row + chunk.rows),
            )
        )


__all__ = ["BatchRefused", "run_batch"]
