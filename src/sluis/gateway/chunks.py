"""Preparing a chunk of a batch: everything that needs neither the database nor a key.

The subject ids and idempotency keys are checked, the inputs checked against the contract
for the whole chunk at once (``check_frame``), the procedure evaluated on all good rows at
once (``evaluate_frame``), the payloads built (columnar for models, see ``payloads``) and
the pseudonyms computed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from sluis.gateway.bindings import feature_problem
from sluis.gateway.contract import InputContract, InputProblem, check_frame
from sluis.gateway.crypto import SubjectKey
from sluis.gateway.explanation import FeatureValueError
from sluis.gateway.outcomes import outcome_problem, undeclared_rows
from sluis.gateway.payloads import ColumnSchema, encode_json_rows
from sluis.gateway.procedures import BatchEvaluation
from sluis.gateway.subject_keys import KeyPlan
from sluis.store.tables.gateway import IDEMPOTENCY_KEY_LENGTH

if TYPE_CHECKING:
    from sluis.gateway.service import Binding, Gateway


@dataclass
class Chunk:
    """One chunk, prepared up to the point where the database is needed."""

    number: int
    first_row: int
    rows: int
    subject_column: str = "subject_id"
    positions: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    subjects: list[str] = field(default_factory=list)
    pseudonyms: list[str] = field(default_factory=list)
    keys: list[str | None] | None = None
    evaluation: BatchEvaluation | None = None
    plaintexts: list[bytes] = field(default_factory=list)
    schema: ColumnSchema | None = None
    bad: dict[int, tuple[InputProblem, ...]] = field(default_factory=dict)
    # Filled in when sealed (see ``sealing``):
    ids: list[str] = field(default_factory=list)
    key_ids: list[str] = field(default_factory=list)
    ciphertexts: list[bytes] = field(default_factory=list)
    plan: KeyPlan | None = None
    used_keys: dict[str, SubjectKey] = field(default_factory=dict)
    # Rows that replay a decision: (batch row, the earlier decision's stored id, status,
    # outcome and score; or the index of the row of this chunk that decided it).
    replays: list[tuple[int, Any]] = field(default_factory=list)


def chunks(table: pd.DataFrame | pa.Table, size: int) -> Iterator[tuple[int, int, pd.DataFrame]]:
    total = table.num_rows if isinstance(table, pa.Table) else len(table)
    for number, first in enumerate(range(0, total, size)):
        if isinstance(table, pa.Table):
            frame = table.slice(first, size).to_pandas()
        else:
            frame = table.iloc[first : first + size].reset_index(drop=True)
        yield number, first, frame


@dataclass
class Split:
    inputs: pd.DataFrame
    subjects: list[str]
    keys: list[str] | None
    problems: dict[int, list[InputProblem]]


class Preparer:
    """Everything of a chunk that needs no database."""

    def __init__(
        self,
        gateway: Gateway,
        binding: Binding,
        subject_column: str,
        idempotency_column: str | None,
    ) -> None:
        from sluis.gateway.service import SUBJECT_ID_LENGTH

        self.gateway = gateway
        self.binding = binding
        self.contract: InputContract = binding.contract
        self.subject_column = subject_column
        self.idempotency_column = idempotency_column
        self.subject_limit = SUBJECT_ID_LENGTH
        self.p_subject = InputProblem(subject_column, "missing", "no subject id given", ())
        self.p_subject_long = InputProblem(
            subject_column, "type", f"longer than {SUBJECT_ID_LENGTH} characters", ()
        )
        self.p_key_long = InputProblem(
            idempotency_column or "",
            "type",
            f"longer than {IDEMPOTENCY_KEY_LENGTH} characters",
            (),
        )

    def _split(self, frame: pd.DataFrame) -> Split:
        """The inputs; the subject ids and keys; their problems (by chunk position)."""
        problems: dict[int, list[InputProblem]] = {}
        subjects, ok, long = _text_column(frame[self.subject_column], self.subject_limit)
        for i in np.flatnonzero(~ok):
            problems.setdefault(int(i), []).append(self.p_subject)
        for i in np.flatnonzero(long):
            problems.setdefault(int(i), []).append(self.p_subject_long)
        drop = [self.subject_column]
        keys: list[str] | None = None
        if self.idempotency_column is not None:
            keys, _, too_long = _text_column(frame[self.idempotency_column], IDEMPOTENCY_KEY_LENGTH)
            for i in np.flatnonzero(too_long):
                problems.setdefault(int(i), []).append(self.p_key_long)
            drop.append(self.idempotency_column)
        return Split(frame.drop(columns=drop), subjects, keys, problems)

    def check_only(
        self, number: int, first: int, frame: pd.DataFrame
    ) -> dict[int, tuple[InputProblem, ...]]:
        split = self._split(frame)
        checked = check_frame(self.contract, split.inputs)
        return merge(first, checked.problems, split.problems)

    def __call__(self, number: int, first: int, frame: pd.DataFrame) -> Chunk:
        chunk = Chunk(number, first, len(frame), self.subject_column)
        split = self._split(frame)
        checked = check_frame(self.contract, split.inputs)
        # The checked table has its category columns encoded already: the procedure and
        # the payloads read the codes instead of hashing the same text again.
        inputs = checked.frame
        good = checked.good.copy()
        for i in split.problems:
            good[i] = False
        chunk.bad = merge(first, checked.problems, split.problems)
        evaluation, positions = self._evaluate(inputs, np.flatnonzero(good), chunk)
        if evaluation is None or positions.size == 0:
            return chunk
        good_inputs = inputs.iloc[positions].reset_index(drop=True)
        chunk.positions = positions + first
        chunk.subjects = [split.subjects[i] for i in positions.tolist()]
        if split.keys is not None:
            chunk.keys = [split.keys[i] or None for i in positions.tolist()]
        chunk.evaluation = evaluation
        chunk.schema = ColumnSchema.for_batch(self.contract, self.binding.procedure, evaluation)
        if chunk.schema is not None:
            chunk.plaintexts = chunk.schema.encode(good_inputs, evaluation)
        else:
            rows = _row_inputs(self.contract, good_inputs)
            chunk.plaintexts = encode_json_rows(rows, evaluation)
        chunk.pseudonyms = self.gateway.keys.ring.pseudonyms(chunk.subjects)
        return chunk

    def _evaluate(
        self, inputs: pd.DataFrame, positions: np.ndarray, chunk: Chunk
    ) -> tuple[BatchEvaluation | None, np.ndarray]:
        """Evaluate the good rows; rows the model itself cannot take become bad rows."""
        procedure = self.binding.procedure
        while positions.size:
            frame = inputs.iloc[positions].reset_index(drop=True)
            try:
                evaluation = procedure.evaluate_frame(frame)
            except FeatureValueError as error:
                problem = feature_problem(error)
                failing = positions[list(error.rows)]
                for row in failing.tolist():
                    chunk.bad[chunk.first_row + row] = (problem,)
                positions = np.setdiff1d(positions, failing)
                continue
            return self._declared_only(evaluation, positions, chunk)
        return None, positions

    def _declared_only(
        self, evaluation: BatchEvaluation, positions: np.ndarray, chunk: Chunk
    ) -> tuple[BatchEvaluation, np.ndarray]:
        """Rows whose procedure returned an undeclared outcome become bad rows."""
        allowed = self.contract.outcomes
        undeclared = undeclared_rows(allowed, evaluation.outcomes)
        if not undeclared.any():
            return evaluation, positions
        assert allowed is not None
        problem = (outcome_problem(allowed),)
        for row in positions[undeclared].tolist():
            chunk.bad[chunk.first_row + row] = problem
        return evaluation.take(~undeclared), positions[~undeclared]


def merge(
    first: int,
    contract_problems: dict[int, tuple[InputProblem, ...]],
    own: dict[int, list[InputProblem]],
) -> dict[int, tuple[InputProblem, ...]]:
    merged = {first + i: tuple(p) for i, p in own.items()}
    for i, problems in contract_problems.items():
        merged[first + i] = merged.get(first + i, ()) + problems
    return merged


def _text_column(column: pd.Series, limit: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Values as stripped text ("" when missing), whether present, whether too long."""
    missing = column.isna().to_numpy(dtype=bool)
    texts = ["" if m else str(v).strip() for v, m in zip(column.tolist(), missing, strict=True)]
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    return texts, lengths > 0, lengths > limit


def _row_inputs(contract: InputContract, frame: pd.DataFrame) -> list[dict[str, object]]:
    """Each row's inputs normalised as one decision's would be (every permitted field;
    optional ones not given as None)."""
    names = list(contract.permitted_fields)
    columns = []
    for name in names:
        if name not in frame.columns:
            columns.append([None] * len(frame))
            continue
        spec = contract.specs[name]
        values = frame[name].astype(object).tolist()
        columns.append([spec.check(v)[0] for v in values])
    return (
        [
            {
                n: (v.isoformat() if hasattr(v, "isoformat") else v)
                for n, v in zip(names, row, strict=True)
            }
            for row in zip(*columns, strict=True)
        ]
        if names
        else [{} for _ in range(len(frame))]
    )
