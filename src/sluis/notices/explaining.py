"""The explanation of one decision, built from its stored record.

What a person refused a benefit or a loan is owed (art. 13(2)(f), 14(2)(g), 15(1)(h) and
22(3) GDPR, recital 71; CJEU C-203/22 *Dun & Bradstreet Austria*): not the formula, but the
procedure and principles actually applied to their data. So an explanation names the
outcome, the inputs that mattered most with the person's own values, for rules the
condition that decided (with its threshold and legal basis), and a counterfactual: the
smallest realistic change in the person's data that would have changed the outcome,
verified by re-running the procedure, or a plain statement that none exists.

These dataclasses are a stable interface: the decision notice documents build on them.
Fields may be added, never renamed or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sluis.gateway.contract import InputContract, InputsRefused, check_inputs
from sluis.gateway.explanation import (
    Explanation,
    ExplanationKind,
    FeatureContribution,
    FeatureValueError,
    RuleCheck,
)
from sluis.law.citations import DUN_AND_BRADSTREET, Citation, awb, gdpr

if TYPE_CHECKING:
    from sluis.gateway.bindings import Binding
    from sluis.gateway.procedures import Procedure
    from sluis.gateway.records import DecisionRecord

# What an explanation answers to: meaningful information about the logic involved, on
# collection and on request, the safeguards of art. 22(3) with the explanation of recital
# 71, the procedure and principles actually applied (C-203/22) and, for an administrative
# body, the reasons a decision must state (Awb art. 3:46-3:47).
ARTICLES: tuple[Citation, ...] = (
    gdpr("13(2)(f)"),
    gdpr("14(2)(g)"),
    gdpr("15(1)(h)"),
    gdpr("22(3)"),
    gdpr("recital 71"),
    DUN_AND_BRADSTREET,
    awb("3:46"),
    awb("3:47"),
)

# Why a counterfactual can be ``not_applicable``.
NOT_APPLICABLE_REASONS = {
    "favourable": "the outcome is already the favourable one",
    "procedure_changed": "the procedure bound now is not the one that decided",
    "inputs_refused": "the stored inputs no longer pass the decision's input contract",
    "not_reproduced": "re-running the procedure on the stored inputs gives another outcome",
}


@dataclass(frozen=True)
class Factor:
    """One input that mattered to the outcome.

    ``value`` is the person's own value; ``weight`` its contribution to the score (in the
    explanation's space: log-odds for a logistic model), ``None`` for rules; ``direction``
    whether it pushed towards the outcome the person got or against it; ``rank`` 1 is the
    factor that mattered most.
    """

    field: str
    value: object
    weight: float | None
    direction: Literal["towards", "against"]
    rank: int


@dataclass(frozen=True)
class DecidingCondition:
    """For rules: a condition that decided the outcome.

    ``condition`` is the check's name, ``fields``/``values`` the inputs it read with the
    person's values, ``threshold`` the limit it compares with (``None`` when it has none),
    ``legal_basis`` the provision the check applies, ``passed`` whether it held.
    """

    condition: str
    fields: tuple[str, ...]
    values: tuple[object, ...]
    threshold: object | None
    legal_basis: str | None
    passed: bool
    detail: str = ""  # the rule author's own words about the condition, if any


@dataclass(frozen=True)
class Change:
    """One field of a counterfactual: from the person's ``current`` value to ``changed``."""

    field: str
    current: object
    changed: object


@dataclass(frozen=True)
class Counterfactual:
    """The smallest realistic change that would have changed the outcome.

    ``status``: ``found`` (``changes`` gives it, ``new_outcome`` what it leads to),
    ``none_exists`` (no change of the fields a person can change, on the tested grid,
    changes the outcome), ``budget_exhausted`` (the search ran out of time before it could
    say either), ``not_applicable`` (the record cannot be re-run: no inputs, erased, or a
    procedure that no longer matches). ``verified``: the changed input was re-run through
    the procedure on its own and really gives ``new_outcome``.
    """

    status: Literal["found", "none_exists", "budget_exhausted", "not_applicable"]
    changes: tuple[Change, ...]
    new_outcome: str | None
    verified: bool
    candidates_tried: int
    budget_seconds: float
    distance: float | None = None  # normalised distance of ``changes`` (see counterfactuals)
    searched_fields: tuple[str, ...] = ()  # fields the person can change, that were varied
    fixed_fields: tuple[str, ...] = ()  # fields kept as they are: not (known as) changeable
    reason: str | None = None  # for ``not_applicable``: why (see ``NOT_APPLICABLE_REASONS``)


@dataclass(frozen=True)
class DecisionExplanation:
    """Everything a person is told about why one decision came out as it did."""

    decision_uuid: str
    outcome: str
    favourable: bool | None
    kind: Literal["rules", "model"]
    factors: tuple[Factor, ...]
    deciding: tuple[DecidingCondition, ...]
    counterfactual: Counterfactual
    score: float | None
    threshold: float | None
    recorded_outcome: str | None = None  # the record's outcome, if a reviewer changed it


class ExplanationUnavailable(LookupError):
    """A record that cannot be explained: ``reason`` is ``erased`` (the subject's key was
    shredded), ``not_revealed`` (read without its payload) or ``other_decision`` (the
    binding is of another profile or decision)."""

    def __init__(self, decision_uuid: str, reason: str) -> None:
        self.decision_uuid = decision_uuid
        self.reason = reason
        super().__init__(f"decision {decision_uuid} cannot be explained: {reason}")


def explain_decision(
    record: DecisionRecord,
    binding: Binding,
    *,
    budget_seconds: float = 2.0,
    max_factors: int = 5,
) -> DecisionExplanation:
    """The explanation of one recorded decision (read with ``reveal=True``), using the
    procedure bound to its decision to search and verify the counterfactual.

    The outcome explained is the one the procedure gave (``recorded_outcome`` says when a
    reviewer recorded another). Factors: for models the ``max_factors`` largest
    contributions; for rules the inputs of the deciding conditions. Deciding conditions
    (rules): for an outcome that is not favourable the conditions that failed (each one a
    reason, Awb art. 3:46), otherwise the conditions that held; rule checks are written
    so that ``True`` means the condition is met. Unless a check names its fields, they are
    found by re-running the rules with one field changed at a time. The counterfactual is
    searched only for an outcome that is not favourable, and only over fields marked
    ``changeable``.
    """
    from sluis.notices.counterfactuals import find_counterfactual  # imports these classes

    _check_explainable(record, binding)
    assert record.payload is not None
    evaluation = record.payload.evaluation
    inputs = record.payload.inputs
    procedure = binding.procedure
    contract = binding.contract
    outcome = evaluation.outcome
    favourable = _favourable(contract, outcome)
    explanation = evaluation.explanation
    checked, reason = _rerunnable(record, binding)
    if explanation.kind is ExplanationKind.rule_trace:
        kind: Literal["rules", "model"] = "rules"
        deciding = _deciding(explanation, favourable, procedure, contract, checked)
        factors = _rule_factors(deciding, inputs)[: max(0, max_factors)]
    else:
        kind = "model"
        deciding = ()
        factors = _model_factors(explanation, inputs, procedure, outcome, max_factors)
    if reason is None and favourable is True:
        reason = "favourable"
    if reason is not None or checked is None:
        counterfactual = Counterfactual(
            "not_applicable", (), None, False, 0, budget_seconds, reason=reason
        )
    else:
        counterfactual = find_counterfactual(
            contract,
            procedure,
            checked,
            _wanted(contract, outcome, favourable),
            budget_seconds=budget_seconds,
        )
    threshold = getattr(procedure, "threshold", None) if kind == "model" else None
    return DecisionExplanation(
        decision_uuid=record.decision_uuid,
        outcome=outcome,
        favourable=favourable,
        kind=kind,
        factors=factors,
        deciding=deciding,
        counterfactual=counterfactual,
        score=evaluation.score,
        threshold=float(threshold) if isinstance(threshold, int | float) else None,
        recorded_outcome=record.outcome if record.outcome != outcome else None,
    )


def _check_explainable(record: DecisionRecord, binding: Binding) -> None:
    if record.erased:
        raise ExplanationUnavailable(record.decision_uuid, "erased")
    if record.payload is None:
        raise ExplanationUnavailable(record.decision_uuid, "not_revealed")
    if (record.profile_id, record.decision_id) != (binding.profile_id, binding.decision_id):
        raise ExplanationUnavailable(record.decision_uuid, "other_decision")


def _rerunnable(
    record: DecisionRecord, binding: Binding
) -> tuple[Mapping[str, object] | None, str | None]:
    """The stored inputs as the contract accepts them, when re-running the procedure on
    them is the procedure that decided; else why not."""
    assert record.payload is not None
    if record.procedure_version != binding.procedure_version:
        return None, "procedure_changed"
    try:
        checked = check_inputs(binding.contract, record.payload.inputs)
        rerun = binding.procedure.evaluate(checked)
    except (InputsRefused, FeatureValueError):
        return None, "inputs_refused"
    if rerun.outcome != record.payload.evaluation.outcome:
        return None, "not_reproduced"
    return checked, None


def _favourable(contract: InputContract, outcome: str) -> bool | None:
    declared = contract.decision.outcome(outcome)
    return declared.favourable if declared is not None else None


def _wanted(
    contract: InputContract, outcome: str, favourable: bool | None
) -> Callable[[str], bool]:
    """What counts as a changed outcome: a favourable one when the profile declares them
    and this one is not; otherwise any other outcome."""
    good = {o.value for o in contract.decision.outcomes if o.favourable is True}
    if favourable is False and good:
        return lambda other: other in good
    return lambda other: other != outcome


def _model_factors(
    explanation: Explanation,
    inputs: Mapping[str, object],
    procedure: Procedure,
    outcome: str,
    max_factors: int,
) -> tuple[Factor, ...]:
    """The largest contributions, biggest first. A positive contribution raises the score,
    and a score at or above the threshold gives the procedure's ``positive`` outcome."""
    raises_to_outcome = outcome == getattr(procedure, "positive", outcome)
    entries = [e for e in explanation.entries if isinstance(e, FeatureContribution)]
    ordered = sorted(
        (e for e in entries if e.contribution != 0.0),
        key=lambda e: -abs(e.contribution),
    )[: max(0, max_factors)]
    return tuple(
        Factor(
            field=e.feature,
            value=inputs.get(e.feature),
            weight=e.contribution,
            direction="towards" if (e.contribution > 0) == raises_to_outcome else "against",
            rank=rank,
        )
        for rank, e in enumerate(ordered, start=1)
    )


def _deciding(
    explanation: Explanation,
    favourable: bool | None,
    procedure: Procedure,
    contract: InputContract,
    checked: Mapping[str, object] | None,
) -> tuple[DecidingCondition, ...]:
    checks = [e for e in explanation.entries if isinstance(e, RuleCheck)]
    failed = [c for c in checks if not c.value]
    chosen = failed if favourable is not True and failed else [c for c in checks if c.value]
    undeclared = [c.name for c in chosen if not c.fields]
    found = _fields_read(procedure, contract, checked, undeclared) if undeclared else {}
    inputs = checked or {}
    conditions = []
    for check in chosen:
        fields = check.fields or found.get(check.name, ())
        conditions.append(
            DecidingCondition(
                condition=check.name,
                fields=tuple(fields),
                values=tuple(inputs.get(f) for f in fields),
                threshold=check.threshold,
                legal_basis=check.basis or None,
                passed=check.value,
                detail=check.detail,
            )
        )
    return tuple(conditions)


def _fields_read(
    procedure: Procedure,
    contract: InputContract,
    checked: Mapping[str, object] | None,
    names: Sequence[str],
) -> dict[str, tuple[str, ...]]:
    """For checks that do not name their fields: the fields whose change (one at a time,
    over each field's grid) changes the check's value, found by re-running the rules."""
    from sluis.notices.counterfactuals import field_axis

    if checked is None:
        return {}
    baseline = {c.name: c.value for c in _trace(procedure, checked)}
    read: dict[str, list[str]] = {name: [] for name in names}
    for spec in contract.fields:
        axis = field_axis(spec, checked.get(spec.name))
        for value in axis.values if axis is not None else ():
            changed = dict(checked) | {spec.name: value}
            values = {c.name: c.value for c in _trace(procedure, changed)}
            for name in names:
                changed_check = values.get(name, baseline.get(name)) != baseline.get(name)
                if changed_check and spec.name not in read[name]:
                    read[name].append(spec.name)
    return {name: tuple(fields) for name, fields in read.items()}


def _trace(procedure: Procedure, inputs: Mapping[str, object]) -> tuple[RuleCheck, ...]:
    entries = procedure.evaluate(inputs).explanation.entries
    return tuple(e for e in entries if isinstance(e, RuleCheck))


def _rule_factors(
    deciding: Sequence[DecidingCondition], inputs: Mapping[str, object]
) -> tuple[Factor, ...]:
    """The inputs of the deciding conditions, in the order the rules checked them."""
    seen: list[str] = []
    for condition in deciding:
        seen += [f for f in condition.fields if f not in seen]
    return tuple(
        Factor(field=f, value=inputs.get(f), weight=None, direction="towards", rank=rank)
        for rank, f in enumerate(seen, start=1)
    )


__all__ = [
    "ARTICLES",
    "NOT_APPLICABLE_REASONS",
    "Change",
    "Counterfactual",
    "DecidingCondition",
    "DecisionExplanation",
    "ExplanationUnavailable",
    "Factor",
    "explain_decision",
]
