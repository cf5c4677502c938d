"""The input contract of one decision: exactly the data the profile declares for it.

A contract is built once per (profile version, decision) and then checks every decision's
inputs, one mapping at a time (``check_inputs``) or a whole table at once (``check_frame``).
Every problem names the field and the rule it breaks, and never echoes the submitted value:
refusals end up in logs and audit events, which must hold no personal data.

Which special-category fields a decision may receive follows from its art. 22 assessment:
see ``special_category_permitted``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from sluis.gateway.columns import column_problems
from sluis.gateway.fields import (
    DUPLICATE,
    TYPE,
    UNDECLARED,
    FieldSpec,
    InputProblem,
)
from sluis.gateway.fields import problem as make_problem
from sluis.gateway.outcomes import declared
from sluis.gateway.routing import Requested, Route, route
from sluis.gateway.values import collect_row_problems
from sluis.law.assess import assess
from sluis.law.results import Art22Verdict, Assessment, DecisionArt22
from sluis.profiles.model import AlgorithmProfile, Art9Exception, DataField, Decision

# Art. 22(4): only these points of art. 9(2) can carry a solely automated decision.
_ART22_4_EXCEPTIONS = (
    Art9Exception.a_explicit_consent,
    Art9Exception.g_substantial_public_interest,
)


class InputsRefused(ValueError):
    """Inputs the contract refuses; ``problems`` lists every problem found, not the first."""

    def __init__(self, problems: tuple[InputProblem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message} [{p.rule}]" for p in self.problems))

    def to_json_list(self) -> list[dict[str, Any]]:
        return [p.to_json_dict() for p in self.problems]


class UnknownDecision(LookupError):
    """The profile has no decision with this id."""

    def __init__(self, profile_id: str, decision_id: str) -> None:
        self.profile_id = profile_id
        self.decision_id = decision_id
        super().__init__(f"profile {profile_id!r} declares no decision {decision_id!r}")


def special_category_permitted(field: DataField, assessment: DecisionArt22) -> tuple[bool, str]:
    """Whether a decision may receive a special-category field, and why not.

    Art. 9(1) bans such data unless a point of art. 9(2) applies, so a field without one
    is always refused. A solely automated decision may only rest on it under art. 22(4):
    an allowed art. 22 exception plus explicit consent (9(2)(a)) or a substantial public
    interest (9(2)(g)). Where a human meaningfully decides before any effect, art. 22(4)
    does not come into play. Everything else — including unknown facts — is refused.
    """
    if field.art9_exception is None:
        return False, "no exception of art. 9(2) is declared for this field"
    if assessment.conditions.solely_automated.value is False:
        return True, ""
    if (
        assessment.verdict is Art22Verdict.allowed_with_safeguards
        and field.art9_exception in _ART22_4_EXCEPTIONS
    ):
        return True, ""
    return False, (
        "the decision is (or may be) solely automated, and art. 22(4) only allows such data "
        "under an allowed art. 22 exception with explicit consent or a substantial public "
        "interest (art. 9(2)(a) or (g))"
    )


class InputContract:
    """The inputs one decision of one profile version may receive."""

    def __init__(
        self,
        profile_id: str,
        profile_version: int | None,
        decision: Decision,
        decision_assessment: DecisionArt22,
        fields: tuple[FieldSpec, ...],
    ) -> None:
        self.profile_id = profile_id
        self.profile_version = profile_version
        self.decision = decision
        self.decision_id = decision.id
        self.decision_assessment = decision_assessment
        self.fields = fields
        self.specs: dict[str, FieldSpec] = {f.name: f for f in fields}
        self.permitted_fields = tuple(f.name for f in fields if f.permitted)
        self.forbidden_fields = tuple(f.name for f in fields if not f.permitted)
        self.required_fields = tuple(f.name for f in fields if f.permitted and not f.optional)
        # The outcomes the decision may have (see ``outcomes``); None: any.
        self.outcomes = declared(decision.outcomes)
        self._routes: dict[str, Route] = {}

    @classmethod
    def from_profile(
        cls,
        profile: AlgorithmProfile,
        decision_id: str,
        assessment: Assessment | None = None,
        *,
        version: int | None = None,
    ) -> InputContract:
        """The contract of ``decision_id``; the assessment is computed when not given."""
        decision = next((d for d in profile.decisions if d.id == decision_id), None)
        if decision is None:
            raise UnknownDecision(profile.id, decision_id)
        assessment = assessment if assessment is not None else assess(profile, version)
        if assessment.profile.id != profile.id:
            raise ValueError(
                f"the assessment is of profile {assessment.profile.id!r}, not {profile.id!r}"
            )
        judged = next((d for d in assessment.art22.decisions if d.decision_id == decision_id), None)
        if judged is None:
            raise ValueError(f"the assessment holds no art. 22 result for {decision_id!r}")
        specs = []
        for field in profile.fields_used_by(decision):
            permitted, why = (True, "")
            if field.special_category is not None:
                permitted, why = special_category_permitted(field, judged)
            specs.append(FieldSpec(field, permitted, why))
        version = version if version is not None else assessment.profile.version
        return cls(profile.id, version, decision, judged, tuple(specs))

    def field(self, name: str) -> FieldSpec | None:
        return self.specs.get(name)

    def route(self, requested: Requested = "auto") -> Route:
        """The route of every decision under this contract (computed once per request)."""
        found = self._routes.get(requested)
        if found is None:
            found = route(self.decision_assessment, requested, decision=self.decision)
            self._routes[requested] = found
        return found

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "profile_id": self.profile_id,
            "profile_version": self.profile_version,
            "decision_id": self.decision_id,
            "fields": [f.to_json_dict() for f in self.fields],
        }


class CheckedInputs(Mapping[str, object]):
    """Inputs that passed the contract: every permitted field, normalised; optional fields
    that were not given are ``None``."""

    __slots__ = ("_values",)

    def __init__(self, values: dict[str, object]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> object:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        # Never show the values: reprs end up in logs and tracebacks.
        return f"CheckedInputs(fields={list(self._values)})"

    def to_json_dict(self) -> dict[str, object]:
        return {k: _jsonable(v) for k, v in self._values.items()}


def _jsonable(value: object) -> object:
    iso = getattr(value, "isoformat", None)
    return iso() if iso is not None else value


def _field_label(key: object) -> str:
    # A caller's key is echoed as the field name; cap it so it cannot smuggle a whole value.
    text = key if isinstance(key, str) else repr(key)
    return text if len(text) <= 100 else text[:97] + "..."


@cache
def _undeclared(key: str) -> InputProblem:
    return make_problem(
        key,
        UNDECLARED,
        "not declared for this decision in the profile; undeclared data may not be used",
    )


def check_inputs(contract: InputContract, inputs: Mapping[str, object]) -> CheckedInputs:
    """The inputs normalised, or ``InputsRefused`` listing every problem."""
    if not isinstance(inputs, Mapping):
        raise InputsRefused((make_problem("(inputs)", TYPE, "expected a mapping of field names"),))
    specs = contract.specs
    problems: list[InputProblem] = [_undeclared(_field_label(k)) for k in inputs if k not in specs]
    values: dict[str, object] = {}
    for spec in contract.fields:
        name = spec.name
        if name in inputs:
            if not spec.permitted:
                problems.append(spec.p_forbidden)
                continue
            value, problem = spec.check(inputs[name])
            if problem is not None:
                problems.append(problem)
            else:
                values[name] = value
        elif spec.permitted:
            if spec.optional:
                values[name] = None
            else:
                problems.append(spec.p_missing)
    if problems:
        raise InputsRefused(tuple(problems))
    return CheckedInputs(values)


class FrameCheck:
    """The verdict on a table. ``good``: a boolean mask of the rows that pass;
    ``problems``: for every other row (by position, 0-based) its problems; ``frame``: the
    table with its category columns encoded once (pandas ``Categorical``), so that the
    procedure and storage need not hash the same strings again. Unpacks as
    ``good, problems``."""

    __slots__ = ("frame", "good", "problems")

    def __init__(
        self,
        good: np.ndarray,
        problems: dict[int, tuple[InputProblem, ...]],
        frame: pd.DataFrame,
    ) -> None:
        self.good = good
        self.problems = problems
        self.frame = frame

    def __iter__(self) -> Iterator[Any]:
        return iter((self.good, self.problems))


def check_frame(contract: InputContract, frame: pd.DataFrame) -> FrameCheck:
    """Check a whole table at once, column by column: vectorised, and for text and object
    columns by judging each distinct value once, with the same check as one decision's."""
    columns = list(frame.columns)
    whole: list[InputProblem] = []  # problems of every row
    masked: list[tuple[np.ndarray, InputProblem]] = []
    encoded: dict[str, pd.Series] = {}
    seen: set[object] = set()
    for column in columns:
        if column in seen:
            whole.append(make_problem(_field_label(column), DUPLICATE, "the column appears twice"))
        seen.add(column)
        if column not in contract.specs:
            whole.append(_undeclared(_field_label(column)))
    for spec in contract.fields:
        present = spec.name in seen
        if not spec.permitted:
            if present:
                whole.append(spec.p_forbidden)
        elif not present:
            if not spec.optional:
                whole.append(spec.p_missing)
        elif columns.count(spec.name) == 1:
            problems, recoded = column_problems(spec, frame[spec.name])
            masked.extend(problems)
            if recoded is not None:
                encoded[spec.name] = recoded
    good, problems = collect_row_problems(len(frame), whole, masked)
    return FrameCheck(good, problems, frame.assign(**encoded) if encoded else frame)


__all__ = [
    "CheckedInputs",
    "FieldSpec",
    "FrameCheck",
    "InputContract",
    "InputProblem",
    "InputsRefused",
    "UnknownDecision",
    "check_frame",
    "check_inputs",
    "special_category_permitted",
]
