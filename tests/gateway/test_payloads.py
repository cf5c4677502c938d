"""Payload encodings: the compact columnar form of a model batch reads back exactly as the
JSON form of the same decision taken alone."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from sluis.gateway.contract import InputContract, check_inputs
from sluis.gateway.explanation import BatchExplanation, ExplanationKind, Space
from sluis.gateway.payloads import (
    ColumnSchema,
    PayloadFormatError,
    decode,
    encode_json,
    schema_hash,
)
from sluis.gateway.procedures import BatchEvaluation
from sluis.profiles.model import AlgorithmProfile, DataType

PROFILE = AlgorithmProfile.model_validate(
    {
        "id": "p",
        "name": "Profile",
        "controller": {"name": "C", "administrative_body": True},
        "data_fields": [
            {"name": "income", "type": "number", "category": "income"},
            {"name": "children", "type": "integer", "category": "household"},
            {"name": "resident", "type": "boolean", "category": "residence"},
            {"name": "since", "type": "date", "category": "residence", "optional": True},
            {
                "name": "housing",
                "type": "category",
                "category": "housing",
                "allowed_values": ["rent", "own"],
                "optional": True,
            },
        ],
        "decisions": [{"id": "d", "description": "A decision", "effect": "none"}],
    }
)
FEATURES = ["income", "children"]


class TwoOutcomes:
    positive, negative = "yes", "no"


def batch(frame: pd.DataFrame) -> BatchEvaluation:
    rows = len(frame)
    contributions = np.arange(rows * 2, dtype=np.float64).reshape(rows, 2) / 7
    values = contributions.sum(axis=1) + 0.25
    explanation = BatchExplanation(
        ExplanationKind.linear_contributions,
        features=FEATURES,
        contributions=contributions,
        base=0.25,
        values=values,
        space=Space.log_odds,
    )
    scores = 1 / (1 + np.exp(-values))
    outcomes = np.where(scores >= 0.5, "yes", "no").astype(object)
    return BatchEvaluation(outcomes, scores, explanation)


def test_the_columnar_form_reads_back_as_the_json_form() -> None:
    contract = InputContract.from_profile(PROFILE, "d")
    frame = pd.DataFrame(
        {
            "income": [1200.5, 0.0, 99999.25],
            "children": [0, 3, 12],
            "resident": [True, False, True],
            "since": pd.to_datetime(["2020-02-29", None, "1999-12-31"]),
            "housing": ["own", None, "rent"],
        }
    )
    evaluation = batch(frame)
    schema = ColumnSchema.for_batch(contract, TwoOutcomes(), evaluation)
    assert schema is not None
    stored = {schema.id: schema.schema}
    payloads = schema.encode(frame, evaluation)
    for i, payload in enumerate(payloads):
        row = {k: v for k, v in frame.iloc[i].to_dict().items() if not pd.isna(v)}
        if "since" in row:
            row["since"] = row["since"].date()
        single = decode(encode_json(check_inputs(contract, row), evaluation[i]), stored.__getitem__)
        compact = decode(payload, stored.__getitem__)
        assert compact.inputs == single.inputs
        assert compact.evaluation.outcome == single.evaluation.outcome
        assert compact.evaluation.score == pytest.approx(single.evaluation.score)
        assert compact.evaluation.explanation == single.evaluation.explanation
    assert decode(payloads[1], stored.__getitem__).inputs["since"] is None
    assert (
        decode(payloads[0], stored.__getitem__).inputs["since"] == dt.date(2020, 2, 29).isoformat()
    )


def test_an_altered_schema_is_noticed() -> None:
    contract = InputContract.from_profile(PROFILE, "d")
    frame = pd.DataFrame({"income": [1.0], "children": [1], "resident": [True]})
    evaluation = batch(frame)
    schema = ColumnSchema.for_batch(contract, TwoOutcomes(), evaluation)
    assert schema is not None
    (payload,) = schema.encode(frame, evaluation)
    altered = {**schema.schema, "outcomes": ["no", "yes"]}
    assert schema_hash(altered) != schema.id
    with pytest.raises(PayloadFormatError, match="altered"):
        decode(payload, lambda _: altered)


def test_free_text_inputs_and_rule_traces_keep_the_json_form() -> None:
    profile = PROFILE.model_copy(
        update={
            "data_fields": [
                *PROFILE.data_fields,
                PROFILE.data_fields[0].model_copy(update={"name": "note", "type": DataType.string}),
            ]
        }
    )
    contract = InputContract.from_profile(profile, "d")
    frame = pd.DataFrame({"income": [1.0], "children": [1], "resident": [True], "note": ["x"]})
    assert ColumnSchema.for_batch(contract, TwoOutcomes(), batch(frame)) is None


def test_an_unknown_form_is_refused() -> None:
    with pytest.raises(PayloadFormatError):
        decode(b"\x09whatever", lambda _: {})


def test_one_decision_is_encoded_exactly_as_its_row_in_a_batch() -> None:
    contract = InputContract.from_profile(PROFILE, "d")
    frame = pd.DataFrame(
        {
            "income": [10.5, 20.25],
            "children": [1, 2],
            "resident": [False, True],
            "since": pd.to_datetime(["2001-01-01", None]),
            "housing": [None, "own"],
        }
    )
    evaluation = batch(frame)
    schema = ColumnSchema.for_batch(contract, TwoOutcomes(), evaluation)
    one = ColumnSchema.for_one(contract, TwoOutcomes(), evaluation[0])
    assert schema is not None and one is not None and one.id == schema.id
    rows = schema.encode(frame, evaluation)
    for i in range(2):
        values = {k: v for k, v in frame.iloc[i].to_dict().items() if not pd.isna(v)}
        if "since" in values:
            values["since"] = values["since"].date()
        assert one.encode_one(check_inputs(contract, values), evaluation[i]) == rows[i]
