"""The explanation that travels with every decision.

Three kinds: the trace of a rule procedure (every condition checked, its value and the
legal basis it cites), exact per-feature contributions of a linear model, and SHAP values
of a tree model. For the two model kinds the contributions add up to ``value - base``:
``value`` is the model's output in ``space`` (log-odds, probability or the model's own
unit) and ``base`` what the model gives for the baseline (see ``sluis.gateway.linear`` and
``sluis.gateway.trees``).

A batch keeps its contributions as one matrix (rows x features) instead of a million small
objects; ``BatchExplanation[i]`` gives one row as an ``Explanation``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

import numpy as np


class UnsupportedModel(ValueError):
    """A model or pipeline step Sluis cannot explain exactly; names the step."""

    def __init__(self, step: str, problem: str) -> None:
        self.step = step
        self.problem = problem
        super().__init__(f"step {step!r}: {problem}")


class FeatureValueError(ValueError):
    """A feature value the model cannot take: missing without an imputer (``missing``) or a
    category it was not trained on (``unknown_category``). Names the feature and the rows
    (positions), never the value."""

    def __init__(self, feature: str, rule: str, rows: Sequence[int] = (0,)) -> None:
        self.feature = feature
        self.rule = rule
        self.rows = tuple(rows)
        what = "missing" if rule == "missing" else "a category the model was not trained on"
        super().__init__(f"feature {feature!r}: {what} (in {len(self.rows)} row(s))")


class ModelFailed(ValueError):
    """The model raised an error on the inputs; the message names the error's type only,
    since scikit-learn's own messages may quote input values."""


class ExplanationKind(StrEnum):
    rule_trace = "rule_trace"
    linear_contributions = "linear_contributions"
    shap_contributions = "shap_contributions"


class Space(StrEnum):
    """The unit of a model explanation's ``base``, ``value`` and contributions."""

    log_odds = "log_odds"
    probability = "probability"
    identity = "identity"  # the model's own output, e.g. a regression's prediction


class RuleCheck(NamedTuple):
    """One condition a rule procedure tested: its name, outcome, the legal basis it applies
    and an optional detail in the rule author's words; optionally the input fields it
    reads and the threshold it compares them with, so an explanation can name them.
    (Named tuples: a decision creates many of these, and they are several times cheaper
    to make than frozen dataclasses.)"""

    name: str
    value: bool
    basis: str
    detail: str = ""
    fields: tuple[str, ...] = ()
    threshold: object = None

    def to_json_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "value": self.value,
            "basis": self.basis,
            "detail": self.detail,
        }
        if self.fields:  # only when declared: older records keep their exact form
            data["fields"] = list(self.fields)
        if self.threshold is not None:
            data["threshold"] = self.threshold
        return data


class FeatureContribution(NamedTuple):
    """How far one input feature moved the model's output away from the base."""

    feature: str
    contribution: float

    def to_json_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "contribution": self.contribution}


@dataclass(frozen=True, slots=True)
class Explanation:
    kind: ExplanationKind
    entries: tuple[RuleCheck, ...] | tuple[FeatureContribution, ...]
    base: float | None = None
    value: float | None = None
    space: Space | None = None

    @classmethod
    def rule_trace(cls, checks: Sequence[RuleCheck]) -> Explanation:
        return cls(ExplanationKind.rule_trace, tuple(checks))

    @classmethod
    def contributions_of(
        cls,
        kind: ExplanationKind,
        features: Sequence[str],
        contributions: Sequence[float],
        base: float,
        value: float,
        space: Space,
    ) -> Explanation:
        entries = tuple(
            FeatureContribution(f, float(c)) for f, c in zip(features, contributions, strict=True)
        )
        return cls(kind, entries, float(base), float(value), space)

    def contributions(self) -> dict[str, float]:
        """Feature to contribution; empty for a rule trace."""
        return {
            e.feature: e.contribution for e in self.entries if isinstance(e, FeatureContribution)
        }

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "space": self.space.value if self.space is not None else None,
            "base": self.base,
            "value": self.value,
            "entries": [e.to_json_dict() for e in self.entries],
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Explanation:
        kind = ExplanationKind(data["kind"])
        entries: tuple[RuleCheck, ...] | tuple[FeatureContribution, ...]
        if kind is ExplanationKind.rule_trace:
            entries = tuple(
                RuleCheck(
                    e["name"],
                    bool(e["value"]),
                    e["basis"],
                    e.get("detail", ""),
                    tuple(e.get("fields", ())),
                    e.get("threshold"),
                )
                for e in data["entries"]
            )
        else:
            entries = tuple(
                FeatureContribution(e["feature"], float(e["contribution"])) for e in data["entries"]
            )
        space = data.get("space")
        return cls(
            kind,
            entries,
            data.get("base"),
            data.get("value"),
            Space(space) if space is not None else None,
        )


class BatchExplanation(Sequence[Explanation]):
    """The explanations of a batch: a contribution matrix for models (``contributions[i, j]``
    is feature ``j``'s contribution to row ``i``), a list of traces for rules."""

    def __init__(
        self,
        kind: ExplanationKind,
        *,
        features: Sequence[str] = (),
        contributions: np.ndarray | None = None,
        base: float | None = None,
        values: np.ndarray | None = None,
        space: Space | None = None,
        traces: Sequence[Explanation] | None = None,
    ) -> None:
        self.kind = kind
        self.features = tuple(features)
        self.contributions = contributions
        self.base = base
        self.values = values
        self.space = space
        self.traces = list(traces) if traces is not None else None
        if traces is None and (contributions is None or values is None):
            raise ValueError("a model batch needs its contributions and values")

    def __len__(self) -> int:
        if self.traces is not None:
            return len(self.traces)
        assert self.values is not None
        return int(self.values.shape[0])

    def __getitem__(self, index: int) -> Explanation:  # type: ignore[override]
        if self.traces is not None:
            return self.traces[index]
        assert self.contributions is not None and self.values is not None
        assert self.base is not None and self.space is not None
        return Explanation.contributions_of(
            self.kind,
            self.features,
            self.contributions[index].tolist(),
            self.base,
            float(self.values[index]),
            self.space,
        )

    def __iter__(self) -> Iterator[Explanation]:
        for i in range(len(self)):
            yield self[i]

    def take(self, rows: np.ndarray) -> BatchExplanation:
        """The explanations of the selected rows (a boolean mask or positions)."""
        if self.traces is not None:
            positions = np.flatnonzero(rows) if rows.dtype == bool else rows
            return BatchExplanation(self.kind, traces=[self.traces[i] for i in positions])
        assert self.contributions is not None and self.values is not None
        return BatchExplanation(
            self.kind,
            features=self.features,
            contributions=self.contributions[rows],
            base=self.base,
            values=self.values[rows],
            space=self.space,
        )


__all__ = [
    "BatchExplanation",
    "Explanation",
    "ExplanationKind",
    "FeatureContribution",
    "FeatureValueError",
    "ModelFailed",
    "RuleCheck",
    "Space",
    "UnsupportedModel",
]
