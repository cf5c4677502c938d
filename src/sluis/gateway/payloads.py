"""The encrypted part of a decision record: its inputs and its evaluation.

Two encodings, told apart by the first byte:

- ``1``, JSON: ``{"inputs": {...}, "evaluation": {"outcome", "score", "explanation"}}``.
  Used for rules (traces are free-form) and inputs of free text.
- ``2``, columnar: 16 bytes of schema id, then one little-endian float64 per value:
  the inputs (numbers; booleans as 0/1; categories as their position in the sorted
  declared values; dates as days since 1970-01-01; missing as NaN), the score, the
  outcome's position in the schema's outcomes, the model's output value and one
  contribution per feature. Used for models whose inputs all have a fixed form, single
  decisions and batches alike (a JSON form of a single credit decision takes some 60 µs
  to write on our reference machine, this form 5 µs).
  Formatting a million rows of forty numbers as JSON text takes longer on our reference
  machine than the whole batch may; this form is built for a whole chunk with numpy at
  once. The schema (field names, categories, outcomes, explanation kind, base) is stored
  once in ``payload_schemas``, its id being a prefix of its own hash.

Both decode to the same :class:`DecisionPayload`.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd

from sluis.gateway.contract import CheckedInputs, InputContract
from sluis.gateway.explanation import BatchExplanation, Explanation, ExplanationKind, Space
from sluis.gateway.procedures import BatchEvaluation, Evaluation
from sluis.gateway.values import category_codes
from sluis.profiles.model import DataType

JSON_FORMAT = 1
COLUMNS_FORMAT = 2
SCHEMA_FORMAT = "sluis.payload.columns/1"
_SCHEMA_ID_BYTES = 16
_EPOCH = date(1970, 1, 1)
_FIXED_TYPES = (DataType.integer, DataType.number, DataType.boolean, DataType.date)


class PayloadFormatError(ValueError):
    """A decrypted payload in an unknown form, or whose schema is missing or altered."""


@dataclass(frozen=True)
class DecisionPayload:
    """The personal part of a decision record, as it was decided."""

    inputs: dict[str, object]
    evaluation: Evaluation

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "inputs": {k: _jsonable(v) for k, v in self.inputs.items()},
            "evaluation": self.evaluation.to_json_dict(),
        }


def _jsonable(value: object) -> object:
    iso = getattr(value, "isoformat", None)
    return iso() if iso is not None else value


def encode_json(inputs: CheckedInputs | Mapping[str, object], evaluation: Evaluation) -> bytes:
    document = {
        "inputs": {k: _jsonable(v) for k, v in inputs.items()},
        "evaluation": evaluation.to_json_dict(),
    }
    return bytes([JSON_FORMAT]) + json.dumps(document, separators=(",", ":")).encode("utf-8")


def encode_json_rows(
    inputs: Sequence[Mapping[str, object]], evaluation: BatchEvaluation
) -> list[bytes]:
    return [encode_json(row, evaluation[i]) for i, row in enumerate(inputs)]


def decode(plaintext: bytes, schema_of: Callable[[str], dict[str, Any]]) -> DecisionPayload:
    """Read a decrypted payload; ``schema_of(id)`` gives a stored columnar schema."""
    kind, body = plaintext[:1], plaintext[1:]
    if kind == bytes([JSON_FORMAT]):
        document = json.loads(body)
        return DecisionPayload(
            dict(document["inputs"]), Evaluation.from_json_dict(document["evaluation"])
        )
    if kind == bytes([COLUMNS_FORMAT]):
        schema_id = body[:_SCHEMA_ID_BYTES].hex()
        schema = schema_of(schema_id)
        if schema_hash(schema) != schema_id:
            raise PayloadFormatError(f"payload schema {schema_id} was altered")
        return ColumnSchema(schema).decode_row(body[_SCHEMA_ID_BYTES:])
    raise PayloadFormatError("unknown payload form")


def schema_hash(schema: Mapping[str, Any]) -> str:
    canonical = json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()[: 2 * _SCHEMA_ID_BYTES]


class ColumnSchema:
    """The columnar form of one (decision contract, model procedure) pair."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.id = schema_hash(schema)
        self._header = bytes([COLUMNS_FORMAT]) + bytes.fromhex(self.id)
        self.inputs: list[dict[str, Any]] = schema["inputs"]
        self.outcomes: list[str] = schema["outcomes"]
        explanation = schema["explanation"]
        self.kind = ExplanationKind(explanation["kind"])
        self.space = Space(explanation["space"])
        self.base = float(explanation["base"])
        self.features: list[str] = explanation["features"]
        self._encoders = [(e["name"], _value_encoder(e)) for e in self.inputs]
        self._packer = struct.Struct(f"<{len(self.inputs) + 3 + len(self.features)}d")

    @classmethod
    def for_batch(
        cls, contract: InputContract, procedure: object, evaluation: BatchEvaluation
    ) -> ColumnSchema | None:
        """The schema for a model batch, or None when the columnar form does not fit (rule
        traces, free text inputs, a procedure without two fixed outcomes)."""
        explanations = evaluation.explanations
        outcomes = [getattr(procedure, "positive", None), getattr(procedure, "negative", None)]
        if (
            explanations.traces is not None
            or explanations.space is None
            or explanations.base is None
            or evaluation.scores is None
            or not all(isinstance(o, str) for o in outcomes)
        ):
            return None
        inputs = []
        for name in contract.permitted_fields:
            spec = contract.specs[name]
            entry: dict[str, Any] = {"name": name, "type": spec.type.value}
            if spec.type is DataType.category and spec.allowed_values is not None:
                entry["categories"] = sorted(spec.allowed_values)
            elif spec.type not in _FIXED_TYPES:
                return None
            inputs.append(entry)
        return cls(
            {
                "format": SCHEMA_FORMAT,
                "inputs": inputs,
                "outcomes": outcomes,
                "explanation": {
                    "kind": explanations.kind.value,
                    "space": explanations.space.value,
                    "base": float(explanations.base),
                    "features": list(explanations.features),
                },
            }
        )

    @classmethod
    def for_one(
        cls, contract: InputContract, procedure: object, evaluation: Evaluation
    ) -> ColumnSchema | None:
        """The same schema as :meth:`for_batch` gives, from one model decision (so single
        and batch decisions of a binding share it); None where it does not fit."""
        explanation = evaluation.explanation
        if explanation.kind is ExplanationKind.rule_trace or explanation.space is None:
            return None
        features = [e.feature for e in explanation.entries]  # type: ignore[union-attr]
        stand_in = BatchExplanation(
            explanation.kind,
            features=features,
            contributions=np.zeros((1, len(features))),
            base=explanation.base,
            values=np.zeros(1),
            space=explanation.space,
        )
        scores = None if evaluation.score is None else np.zeros(1)
        outcomes = np.array([evaluation.outcome], dtype=object)
        return cls.for_batch(contract, procedure, BatchEvaluation(outcomes, scores, stand_in))

    def encode_one(self, inputs: Mapping[str, object], evaluation: Evaluation) -> bytes:
        """The payload of one decision (inputs checked by the contract)."""
        explanation = evaluation.explanation
        values = [encode(inputs.get(name)) for name, encode in self._encoders]
        values.append(evaluation.score)  # type: ignore[arg-type]
        values.append(0.0 if evaluation.outcome == self.outcomes[0] else 1.0)
        values.append(explanation.value)  # type: ignore[arg-type]
        values.extend(e.contribution for e in explanation.entries)  # type: ignore[union-attr]
        return self._header + self._packer.pack(*values)

    def encode(self, frame: pd.DataFrame, evaluation: BatchEvaluation) -> list[bytes]:
        """One payload per row of ``frame`` (rows checked by the contract)."""
        explanations = evaluation.explanations
        assert explanations.contributions is not None and explanations.values is not None
        assert evaluation.scores is not None
        rows = len(frame)
        width = len(self.inputs) + 3 + len(self.features)
        matrix = np.empty((rows, width), dtype="<f8")
        for j, entry in enumerate(self.inputs):
            matrix[:, j] = _encode_column(entry, frame, rows)
        k = len(self.inputs)
        matrix[:, k] = evaluation.scores
        matrix[:, k + 1] = np.where(evaluation.outcomes == self.outcomes[0], 0.0, 1.0)
        matrix[:, k + 2] = explanations.values
        matrix[:, k + 3 :] = explanations.contributions
        buffer = matrix.tobytes()
        size = width * 8
        header = self._header
        return [header + buffer[i : i + size] for i in range(0, rows * size, size)]

    def decode_row(self, body: bytes) -> DecisionPayload:
        values = np.frombuffer(body, dtype="<f8")
        k = len(self.inputs)
        if values.shape[0] != k + 3 + len(self.features):
            raise PayloadFormatError("payload does not match its schema")
        inputs = {e["name"]: _decode_value(e, float(values[j])) for j, e in enumerate(self.inputs)}
        score, code, value = (float(v) for v in values[k : k + 3])
        explanation = Explanation.contributions_of(
            self.kind, self.features, values[k + 3 :].tolist(), self.base, value, self.space
        )
        return DecisionPayload(inputs, Evaluation(self.outcomes[int(code)], score, explanation))


def _value_encoder(entry: dict[str, Any]) -> Callable[[object], float]:
    """One value to its float, as :func:`_encode_column` does for a column."""
    nan = float("nan")
    if "categories" in entry:
        codes = {c: float(i) for i, c in enumerate(entry["categories"])}
        return lambda v: nan if v is None else codes[v]
    kind = DataType(entry["type"])
    if kind is DataType.boolean:
        return lambda v: nan if v is None else (1.0 if v else 0.0)
    if kind is DataType.date:
        return lambda v: nan if v is None else float((_as_date(v) - _EPOCH).days)
    return lambda v: nan if v is None else float(v)  # type: ignore[arg-type]


def _as_date(value: object) -> date:
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value  # type: ignore[return-value]


def _encode_column(entry: dict[str, Any], frame: pd.DataFrame, rows: int) -> np.ndarray:
    name = entry["name"]
    if name not in frame.columns:
        return np.full(rows, np.nan)  # an optional field the batch does not carry
    column = frame[name]
    kind = DataType(entry["type"])
    if "categories" in entry:
        codes = category_codes(column, entry["categories"]).astype(np.float64)
        codes[codes < 0] = np.nan
        return codes
    if kind is DataType.boolean:
        return pd.Series(column, dtype="boolean").to_numpy(dtype=np.float64, na_value=np.nan)
    if kind is DataType.date:
        stamps = pd.to_datetime(column)
        days = (stamps - pd.Timestamp("1970-01-01")).dt.days
        return days.to_numpy(dtype=np.float64, na_value=np.nan)
    return column.to_numpy(dtype=np.float64, na_value=np.nan)


def _decode_value(entry: dict[str, Any], value: float) -> object:
    if value != value:  # NaN: not given
        return None
    if "categories" in entry:
        return entry["categories"][int(value)]
    kind = DataType(entry["type"])
    if kind is DataType.integer:
        return int(value)
    if kind is DataType.boolean:
        return value == 1.0
    if kind is DataType.date:
        return (_EPOCH + timedelta(days=int(value))).isoformat()
    return value


__all__ = [
    "COLUMNS_FORMAT",
    "JSON_FORMAT",
    "ColumnSchema",
    "DecisionPayload",
    "PayloadFormatError",
    "decode",
    "encode_json",
    "encode_json_rows",
    "schema_hash",
]
