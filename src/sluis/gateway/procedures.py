"""Decision procedures: the rules or model that produce a decision's outcome.

Two kinds. ``RuleProcedure`` wraps a plain Python function over the decision's inputs that
calls ``ctx.check(...)`` for every condition it tests, so each evaluation leaves a trace of
conditions, values and the legal basis each applies. ``ModelProcedure`` wraps a
scikit-learn model or pipeline with a decision threshold, explained exactly (linear
models) or with SHAP (tree models); models Sluis cannot explain are refused.

Every procedure has a stable ``version``, a content hash: the same procedure gives the same
version in every process, and any change to it gives a new one.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import math
import pickle
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import numpy as np
import pandas as pd

from sluis.gateway.contract import InputContract, InputProblem
from sluis.gateway.explanation import (
    BatchExplanation,
    Explanation,
    ExplanationKind,
    FeatureValueError,
    ModelFailed,
    RuleCheck,
    UnsupportedModel,
)
from sluis.gateway.fingerprints import rule_fingerprint
from sluis.gateway.values import is_missing
from sluis.law.citations import gdpr


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What a procedure made of one decision's inputs."""

    outcome: str
    score: float | None
    explanation: Explanation

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "score": self.score,
            "explanation": self.explanation.to_json_dict(),
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Evaluation:
        return cls(
            data["outcome"], data.get("score"), Explanation.from_json_dict(data["explanation"])
        )


@dataclass(frozen=True)
class BatchEvaluation:
    """What a procedure made of a batch: row ``i`` is ``outcomes[i]``, ``scores[i]`` (``None``
    for rules) and ``explanations[i]``."""

    outcomes: np.ndarray
    scores: np.ndarray | None
    explanations: BatchExplanation

    def __len__(self) -> int:
        return len(self.outcomes)

    def __getitem__(self, index: int) -> Evaluation:
        score = None if self.scores is None else float(self.scores[index])
        return Evaluation(str(self.outcomes[index]), score, self.explanations[index])

    def take(self, rows: np.ndarray) -> BatchEvaluation:
        """The evaluations of the selected rows (a boolean mask or positions)."""
        scores = None if self.scores is None else self.scores[rows]
        return BatchEvaluation(self.outcomes[rows], scores, self.explanations.take(rows))


@runtime_checkable
class Procedure(Protocol):
    """What the gateway needs of a decision procedure."""

    kind: Literal["rules", "model"]
    name: str
    description: str
    fields: tuple[str, ...] | None  # the inputs it reads, where known in advance

    @property
    def version(self) -> str: ...

    def evaluate(self, inputs: Mapping[str, object]) -> Evaluation: ...

    def evaluate_frame(self, frame: pd.DataFrame) -> BatchEvaluation: ...


class RuleError(ValueError):
    """A rule function that breaks the rule-procedure conventions."""


class RuleContext:
    """What a rule function gets: the inputs, and ``check`` to record each condition."""

    __slots__ = ("_checks", "inputs")

    def __init__(self, inputs: Mapping[str, object]) -> None:
        self.inputs = inputs
        self._checks: list[RuleCheck] = []

    def __getitem__(self, name: str) -> Any:
        try:
            return self.inputs[name]
        except KeyError:
            raise RuleError(f"the rule reads {name!r}, which is not among the inputs") from None

    def get(self, name: str, default: Any = None) -> Any:
        value = self.inputs.get(name, default)
        return default if value is None else value

    def check(
        self,
        name: str,
        value: bool,
        basis: str,
        detail: str = "",
        *,
        fields: Sequence[str] = (),
        threshold: str | int | float | bool | None = None,
    ) -> bool:
        """Record one tested condition with the legal basis it applies; returns ``value``
        so a rule can write ``if ctx.check(...):``. ``fields`` (the inputs the condition
        reads) and ``threshold`` (the limit it compares them with) let an explanation
        name them to the person."""
        if not isinstance(value, bool | np.bool_):
            raise RuleError(f"check {name!r}: the value must be true or false")
        if not basis or not basis.strip():
            raise RuleError(f"check {name!r} names no legal basis")
        result = bool(value)
        if fields or threshold is not None:
            if not isinstance(threshold, str | int | float | bool | None) or (
                isinstance(threshold, float) and not math.isfinite(threshold)
            ):
                raise RuleError(f"check {name!r}: the threshold must be a number, text or bool")
            self._checks.append(
                RuleCheck(name, result, basis, detail, self._read(name, fields), threshold)
            )
        else:
            self._checks.append(RuleCheck(name, result, basis, detail))
        return result

    def _read(self, name: str, fields: Sequence[str]) -> tuple[str, ...]:
        if isinstance(fields, str):
            raise RuleError(f"check {name!r}: fields must be a list of field names")
        unknown = [f for f in fields if f not in self.inputs]
        if unknown:
            raise RuleError(f"check {name!r} names fields that are not among the inputs")
        return tuple(fields)

    @property
    def trace(self) -> tuple[RuleCheck, ...]:
        return tuple(self._checks)


def _sha256(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())  # lengths cannot blur part boundaries
    return digest.hexdigest()


class RuleProcedure:
    """Rules as a plain Python function ``function(ctx: RuleContext) -> outcome``."""

    kind: Literal["rules", "model"] = "rules"

    def __init__(
        self,
        function: Callable[[RuleContext], str],
        name: str,
        *,
        description: str | None = None,
        fields: Sequence[str] | None = None,
    ) -> None:
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError) as exc:
            raise RuleError(
                f"cannot read the source of rule {name!r}; define it in a Python file"
            ) from exc
        self.function = function
        self.name = name
        doc = inspect.getdoc(function) or ""
        self.description = description or (doc.splitlines()[0] if doc else name)
        self.fields = tuple(fields) if fields is not None else None
        # Its source and what it reads: constants, helpers (see ``fingerprints``).
        self._version = _sha256(*rule_fingerprint(function, source))

    @property
    def version(self) -> str:
        """sha256 of the function's source code and of everything it reads: the module
        constants and the helpers of its module it uses (see ``sluis.gateway.fingerprints``)."""
        return self._version

    def evaluate(self, inputs: Mapping[str, object]) -> Evaluation:
        ctx = RuleContext(inputs)
        outcome = self.function(ctx)
        if not isinstance(outcome, str) or not outcome:
            raise RuleError(f"rule {self.name!r} must return its outcome as a non-empty string")
        return Evaluation(outcome, None, Explanation(ExplanationKind.rule_trace, ctx.trace))

    def evaluate_frame(self, frame: pd.DataFrame) -> BatchEvaluation:
        # Rules are Python code: one call per row (still without per-row pandas overhead).
        evaluations = [self.evaluate(row) for row in _records(frame)]
        outcomes = np.array([e.outcome for e in evaluations], dtype=object)
        traces = [e.explanation for e in evaluations]
        return BatchEvaluation(
            outcomes, None, BatchExplanation(ExplanationKind.rule_trace, traces=traces)
        )


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """Rows as dicts of plain Python values, missing as ``None`` and dates as dates."""
    columns: dict[str, list[object]] = {}
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column.dtype):
            values = [None if is_missing(v) else v.date() for v in column.tolist()]
        else:
            values = [None if is_missing(v) else v for v in column.astype(object).tolist()]
        columns[str(name)] = values
    names = list(columns)
    return (
        [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)]
        if names
        else [{} for _ in range(len(frame))]
    )


class ModelProcedure:
    """A scikit-learn model or pipeline plus a threshold: ``positive`` when the score is at
    least ``threshold``, else ``negative``.

    The score is the probability of ``score_class`` (default: the last of the model's
    classes, i.e. class 1 of a 0/1 target) for classifiers, the prediction for regressors.
    ``background``: a sample of the training data, the baseline contributions are measured
    from (see ``sluis.gateway.linear``); it does not affect tree models.
    """

    kind: Literal["rules", "model"] = "model"

    def __init__(
        self,
        model: object,
        features: Sequence[str],
        threshold: float,
        positive: str,
        negative: str,
        *,
        background: pd.DataFrame | None = None,
        score_class: object = None,
        name: str | None = None,
        description: str | None = None,
    ) -> None:
        features = list(features)
        if not features or len(set(features)) != len(features):
            raise ValueError("features must be a non-empty list of distinct names")
        if not isinstance(threshold, int | float) or not math.isfinite(threshold):
            raise ValueError("threshold must be a finite number")
        if not positive or not negative or positive == negative:
            raise ValueError("positive and negative must be two different outcomes")
        _fitted_on(model, features)
        self.explainer = _explainer(model, features, background, score_class)
        self.model = model
        self.features = tuple(features)
        self.fields: tuple[str, ...] | None = self.features
        self.threshold = float(threshold)
        self.positive, self.negative = positive, negative
        final = type(self.explainer.final).__name__
        self.name = name or final
        self.description = description or (
            f"{final} on {len(features)} features; "
            f"{positive!r} when the score is at least {self.threshold:g}, else {negative!r}"
        )
        meta = {
            "features": features,
            "threshold": self.threshold,
            "positive": positive,
            "negative": negative,
            "score_class": repr(score_class),
        }
        self._version = _sha256(
            pickle.dumps(model, protocol=5),
            json.dumps(meta, sort_keys=True).encode(),
            _frame_bytes(background),
        )

    @property
    def version(self) -> str:
        """sha256 of the pickled model, the threshold, the features, the outcomes and the
        background sample."""
        return self._version

    def evaluate(self, inputs: Mapping[str, object]) -> Evaluation:
        score, explanation = self.explainer.explain_one(inputs)
        outcome = self.positive if score >= self.threshold else self.negative
        return Evaluation(outcome, score, explanation)

    def evaluate_frame(self, frame: pd.DataFrame) -> BatchEvaluation:
        scores, explanations = self.explainer.explain_frame(frame)
        outcomes = np.where(scores >= self.threshold, self.positive, self.negative).astype(object)
        return BatchEvaluation(outcomes, scores, explanations)


if TYPE_CHECKING:
    from sluis.gateway.linear import LinearExplainer
    from sluis.gateway.trees import TreeExplainer


def _explainer(
    model: object, features: list[str], background: pd.DataFrame | None, score_class: object
) -> LinearExplainer | TreeExplainer:
    # Imported here: scikit-learn, SciPy and SHAP take seconds to import, and rule
    # procedures, the web app and the CLI should not pay for that.
    from sluis.gateway.linear import LinearExplainer, is_linear
    from sluis.gateway.pipelines import split_pipeline

    _, (step, final) = split_pipeline(model)
    if is_linear(final):
        return LinearExplainer(model, features, background=background, score_class=score_class)
    from sluis.gateway.trees import TreeExplainer, is_tree  # SHAP: only for tree models

    if is_tree(final):
        return TreeExplainer(model, features, score_class=score_class)
    raise UnsupportedModel(
        step,
        f"{type(final).__name__} cannot be explained: Sluis explains linear models "
        "(LogisticRegression, linear regressions) exactly and tree models with SHAP",
    )


def _fitted_on(model: object, features: list[str]) -> None:
    names = getattr(model, "feature_names_in_", None)
    if names is not None:
        unknown = [str(n) for n in names if str(n) not in features]
        if unknown:
            raise ValueError(f"the model was fitted on columns that are not features: {unknown}")


def _frame_bytes(frame: pd.DataFrame | None) -> bytes:
    if frame is None:
        return b""
    hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    return json.dumps([str(c) for c in frame.columns]).encode() + hashed.tobytes()


def procedure_problems(contract: InputContract, procedure: Procedure) -> tuple[InputProblem, ...]:
    """Why a procedure does not fit a decision's contract: every field it reads must be one
    the decision may receive. Empty when it fits (or when its fields are not known)."""
    if procedure.fields is None:
        return ()
    problems = []
    for name in procedure.fields:
        spec = contract.field(name)
        if spec is None:
            problems.append(
                InputProblem(
                    name,
                    "undeclared",
                    "the procedure reads a field the profile does not declare for this decision",
                    (gdpr("5(1)(c)"),),
                )
            )
        elif not spec.permitted:
            problems.append(spec.p_forbidden)
    return tuple(problems)


__all__ = [
    "BatchEvaluation",
    "Evaluation",
    "FeatureValueError",
    "ModelFailed",
    "ModelProcedure",
    "Procedure",
    "RuleContext",
    "RuleError",
    "RuleProcedure",
    "UnsupportedModel",
    "procedure_problems",
]
