"""Counterfactuals: the smallest realistic change in a person's data that would have
changed the outcome of their decision, found by re-running the real procedure.

Showing how a change in one's data would have changed the result is one way to explain
the logic involved in a decision (art. 15(1)(h) and 22(3) GDPR, recital 71; CJEU C-203/22
*Dun & Bradstreet Austria*). It is only honest when it is realistic and true, so:

- **Only fields the person can change.** A field is varied only when the profile marks it
  ``changeable: true``; unmarked fields are kept as they are, never suggested.
- **Only values the decision may receive.** Every candidate stays within the field's
  declared ``minimum``/``maximum`` or ``allowed_values``, and is checked by the input
  contract before it is evaluated.
- **The real procedure.** Candidates are evaluated in batches with the procedure's own
  batch evaluation (the model or the rule function itself, no approximation); the change
  returned is then re-run on its own through ``evaluate`` (``verified``).

The grid of a field (fixed: it depends only on the declared range and the person's value):

- booleans: the other value; categories: every other allowed value;
- whole numbers with at most 64 values in range: every one of them;
- other numbers: the two bounds and the person's value moved up and down by half, a
  quarter, ... (16 halvings) of the range, on multiples of the field's *resolution*
  (1 for whole numbers; otherwise the power of ten nearest below range / 100,000). A
  flip found there is then narrowed down towards the person's value on that resolution
  (bisection, 32 points a round), so that the change is as small as the grid allows.

Fields without a declared range, text, dates and missing values are not varied.

**Distance** (what "smallest" means): per changed field, a number counts
``|new - old| / (maximum - minimum)`` and a boolean or category counts 1; a change's
distance is the sum. A change of fewer fields is always preferred, then the smaller
distance: single-field changes are all tried (in order of distance) before any pair.
So "no smaller change on the tested grid" means: no tested candidate that changes fewer
fields, or as many fields over a smaller distance, gives the other outcome.

A search that runs out of its time budget before it can say either says so
(``budget_exhausted``); ``none_exists`` means no change of at most ``max_fields``
changeable fields on the grid changes the outcome.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from sluis.gateway.contract import InputContract, InputsRefused, check_frame, check_inputs
from sluis.gateway.explanation import FeatureValueError
from sluis.gateway.fields import FieldSpec
from sluis.gateway.procedures import Procedure
from sluis.notices.explaining import Change, Counterfactual
from sluis.profiles.model import DataType

ENUMERATED_INTEGERS = 64  # whole-number ranges up to this many values are tried in full
HALVINGS = 16  # numbers: moves of range/2, range/4, ... range/2**16 up and down
RESOLUTION_PARTS = 100_000  # numbers: the resolution is about range / this
REFINE_POINTS = 32  # points per bisection round
FIRST_BATCH = 64  # batches start small (a flip is often near) and double up to
MAX_BATCH = 4096


@dataclass(frozen=True)
class Axis:
    """The grid of one changeable field: the values tried besides the person's own, and
    each value's normalised distance from it. ``step`` and ``span`` for numbers."""

    field: str
    current: object
    values: tuple[object, ...]
    distances: tuple[float, ...]
    span: float | None = None
    step: float | None = None
    integer: bool = False
    dense: bool = False  # every value in range is on the grid: nothing to narrow down


@dataclass(frozen=True)
class Candidate:
    """One change of one or more fields, with its normalised distance."""

    changes: tuple[Change, ...]
    distance: float

    def apply(self, inputs: Mapping[str, object]) -> dict[str, object]:
        changed = dict(inputs)
        for change in self.changes:
            changed[change.field] = change.changed
        return changed

    @property
    def size(self) -> int:
        return len(self.changes)


def field_axis(spec: FieldSpec, current: object) -> Axis | None:
    """The grid of one field around the person's value; None when it cannot be varied."""
    if current is None or not spec.permitted:
        return None
    if spec.type is DataType.boolean:
        return Axis(spec.name, current, (not current,), (1.0,))
    if spec.type is DataType.category:
        others = sorted(v for v in (spec.allowed_values or ()) if v != current)
        return Axis(spec.name, current, tuple(others), (1.0,) * len(others)) if others else None
    if spec.type in (DataType.integer, DataType.number):
        return _number_axis(spec, current)
    return None  # text and dates: no ordered, realistic grid


def _number_axis(spec: FieldSpec, current: object) -> Axis | None:
    low, high = spec.minimum, spec.maximum
    if low is None or high is None or high <= low or not isinstance(current, int | float):
        return None
    span = float(high - low)
    integer = spec.type is DataType.integer
    step = resolution(span, integer)
    dense = integer and span <= ENUMERATED_INTEGERS
    if dense:
        values = {float(v) for v in range(math.ceil(low), math.floor(high) + 1)}
    else:
        values = {float(low), float(high)}
        for k in range(1, HALVINGS + 1):
            offset = span / 2**k
            for moved in (current + offset, current - offset):
                values.add(min(float(high), max(float(low), snap(moved, step))))
    values.discard(float(current))
    ordered = sorted(values, key=lambda v: (abs(v - current), v))
    return Axis(
        spec.name,
        current,
        tuple(int(v) if integer else v for v in ordered),
        tuple(abs(v - current) / span for v in ordered),
        span,
        step,
        integer,
        dense,
    )


def resolution(span: float, integer: bool) -> float:
    """The step of a number field's grid: a power of ten about span / 100,000; at least 1
    for whole numbers."""
    step = 10.0 ** math.floor(math.log10(span / RESOLUTION_PARTS))
    return max(1.0, step) if integer else step


def snap(value: float, step: float) -> float:
    """``value`` on a multiple of ``step``, without binary noise (1740.0, not 1740.0000001)."""
    digits = max(0, -math.floor(math.log10(step)))
    return round(round(value / step) * step, digits)


def search_fields(
    contract: InputContract, procedure: Procedure
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields the procedure reads, split into those the person can change (marked
    ``changeable: true``) and those kept fixed (marked false, or not marked at all)."""
    read = procedure.fields if procedure.fields is not None else contract.permitted_fields
    changeable, fixed = [], []
    for name in read:
        spec = contract.field(name)
        if spec is None or not spec.permitted:
            continue
        (changeable if spec.source.changeable is True else fixed).append(name)
    return tuple(changeable), tuple(fixed)


def grid(
    contract: InputContract,
    procedure: Procedure,
    inputs: Mapping[str, object],
) -> tuple[Axis, ...]:
    """The axes the search varies: one per changeable field that has a grid."""
    changeable, _ = search_fields(contract, procedure)
    axes = (field_axis(contract.specs[name], inputs.get(name)) for name in changeable)
    return tuple(axis for axis in axes if axis is not None and axis.values)


def candidates(axes: Sequence[Axis], max_fields: int = 2) -> Iterator[Candidate]:
    """Every change on the grid, in search order: by number of fields changed, then by
    distance (ties: the fields' order, then each value's place on its axis)."""
    for size in range(1, min(max_fields, len(axes)) + 1):
        yield from _of_size(axes, size)


def _of_size(axes: Sequence[Axis], size: int) -> Iterator[Candidate]:
    groups = list(combinations(range(len(axes)), size))
    blocks = []
    for g, group in enumerate(groups):
        grids = np.meshgrid(*(np.arange(len(axes[a].values)) for a in group), indexing="ij")
        positions = np.stack([m.ravel() for m in grids], axis=1)
        distance = np.zeros(len(positions))
        for column, a in enumerate(group):
            distance += np.asarray(axes[a].distances)[positions[:, column]]
        blocks.append((np.full(len(positions), g), positions, distance))
    if not blocks:
        return
    group_of = np.concatenate([b[0] for b in blocks])
    positions = np.concatenate([b[1] for b in blocks])
    distance = np.concatenate([b[2] for b in blocks])
    keys = [positions[:, c] for c in reversed(range(size))] + [group_of, distance]
    for i in np.lexsort(keys):
        group = groups[int(group_of[i])]
        changes = tuple(
            Change(axes[a].field, axes[a].current, axes[a].values[int(positions[i, c])])
            for c, a in enumerate(group)
        )
        yield Candidate(changes, float(distance[i]))


class Runner:
    """Evaluates candidates with the procedure's batch evaluation, as the gateway does:
    the contract checks the batch, the procedure evaluates the rows it accepts."""

    def __init__(
        self,
        contract: InputContract,
        procedure: Procedure,
        inputs: Mapping[str, object],
        wanted: Callable[[str], bool],
    ) -> None:
        self.contract = contract
        self.procedure = procedure
        self.inputs = {k: v for k, v in inputs.items() if k in contract.permitted_fields}
        self.wanted = wanted
        self.tried = 0

    def outcomes(self, batch: Sequence[Candidate]) -> list[str | None]:
        """Each candidate's outcome; None for one the contract or the model refuses."""
        self.tried += len(batch)
        columns = {name: [value] * len(batch) for name, value in self.inputs.items()}
        for row, candidate in enumerate(batch):
            for change in candidate.changes:
                columns[change.field][row] = change.changed
        checked = check_frame(self.contract, pd.DataFrame(columns))
        result: list[str | None] = [None] * len(batch)
        positions = np.flatnonzero(checked.good)
        while positions.size:
            frame = checked.frame.iloc[positions].reset_index(drop=True)
            try:
                evaluation = self.procedure.evaluate_frame(frame)
            except FeatureValueError as error:  # a value the model was not trained on
                positions = np.delete(positions, list(error.rows))
                continue
            for position, outcome in zip(positions.tolist(), evaluation.outcomes, strict=True):
                result[position] = str(outcome)
            break
        return result

    def verify(self, candidate: Candidate) -> str | None:
        """The outcome of the changed input run on its own through ``evaluate``."""
        try:
            checked = check_inputs(self.contract, candidate.apply(self.inputs))
            return self.procedure.evaluate(checked).outcome
        except (InputsRefused, FeatureValueError):
            return None


def find_counterfactual(
    contract: InputContract,
    procedure: Procedure,
    inputs: Mapping[str, object],
    wanted: Callable[[str], bool],
    *,
    budget_seconds: float = 2.0,
    max_fields: int = 2,
) -> Counterfactual:
    """The smallest change on the grid (see the module) whose outcome is ``wanted``.

    ``inputs``: the person's inputs as the contract accepted them; ``wanted(outcome)``:
    whether an outcome counts as changed (e.g. any favourable one).
    """
    started = time.monotonic()
    deadline = started + max(0.0, budget_seconds)
    searched, fixed = search_fields(contract, procedure)
    runner = Runner(contract, procedure, inputs, wanted)
    axes = grid(contract, procedure, runner.inputs)

    def result(status: str, found: Candidate | None = None, **extra: object) -> Counterfactual:
        return Counterfactual(
            status=status,  # type: ignore[arg-type]
            changes=found.changes if found is not None else (),
            candidates_tried=runner.tried,
            budget_seconds=budget_seconds,
            distance=found.distance if found is not None else None,
            searched_fields=searched,
            fixed_fields=fixed,
            **extra,  # type: ignore[arg-type]
        )

    pending = candidates(axes, max_fields)
    size = FIRST_BATCH
    while True:
        batch = _take(pending, size)
        if not batch:
            return result("none_exists", new_outcome=None, verified=False)
        if time.monotonic() >= deadline:
            return result("budget_exhausted", new_outcome=None, verified=False)
        outcomes = runner.outcomes(batch)
        hit = next((i for i, o in enumerate(outcomes) if o is not None and wanted(o)), None)
        if hit is not None:
            found, outcome = refine(runner, axes, batch[hit], str(outcomes[hit]), deadline)
            verified = runner.verify(found) == outcome
            return result("found", found, new_outcome=outcome, verified=verified)
        size = min(2 * size, MAX_BATCH)


def _take(pending: Iterator[Candidate], count: int) -> list[Candidate]:
    batch = []
    for candidate in pending:
        batch.append(candidate)
        if len(batch) == count:
            break
    return batch


def refine(
    runner: Runner, axes: Sequence[Axis], found: Candidate, outcome: str, deadline: float
) -> tuple[Candidate, str]:
    """Move each changed number of ``found`` back towards the person's value, on its
    resolution, as long as the outcome stays changed: every point tried that is closer
    than the result did not give the wanted outcome (bisection; stops at the deadline)."""
    by_field = {axis.field: axis for axis in axes}
    for index, change in enumerate(found.changes):
        axis = by_field[change.field]
        if axis.step is None or axis.dense:
            continue
        near = float(change.current)  # type: ignore[arg-type]
        far = float(change.changed)  # type: ignore[arg-type]
        while time.monotonic() < deadline:
            points = between(near, far, axis.step)
            if not points:
                break
            trial = [_moved(found, index, p, by_field) for p in points]
            outcomes = runner.outcomes(trial)
            hit = next(
                (i for i, o in enumerate(outcomes) if o is not None and runner.wanted(o)), None
            )
            if hit is None:
                near = points[-1]
                continue
            found, outcome = trial[hit], str(outcomes[hit])
            far = points[hit]
            near = points[hit - 1] if hit > 0 else near
    return found, outcome


def between(near: float, far: float, step: float) -> list[float]:
    """Up to ``REFINE_POINTS`` multiples of ``step`` strictly between ``near`` and ``far``,
    evenly spread, nearest to ``near`` first."""
    low, high = _steps(min(near, far), step), _steps(max(near, far), step)
    first, last = math.floor(low) + 1, math.ceil(high) - 1
    if last < first:
        return []
    count = last - first + 1
    picks = np.unique(np.linspace(0, count - 1, min(count, REFINE_POINTS)).round().astype(int))
    points = [snap((first + int(k)) * step, step) for k in picks]
    return points if far > near else points[::-1]


def _steps(value: float, step: float) -> float:
    """``value`` in steps; a whole number of steps up to binary noise counts as whole."""
    steps = value / step
    whole = round(steps)
    return float(whole) if abs(steps - whole) < 1e-6 else steps


def change_distance(change: Change, axis: Axis) -> float:
    """A change's normalised distance: |new - old| / range for numbers, 1 otherwise."""
    if axis.span is None:
        return 1.0
    return abs(float(change.changed) - float(change.current)) / axis.span  # type: ignore[arg-type]


def _moved(found: Candidate, index: int, value: float, by_field: Mapping[str, Axis]) -> Candidate:
    changes = list(found.changes)
    axis = by_field[changes[index].field]
    changes[index] = Change(axis.field, axis.current, int(value) if axis.integer else value)
    distance = sum(change_distance(c, by_field[c.field]) for c in changes)
    return Candidate(tuple(changes), distance)


__all__ = [
    "Axis",
    "Candidate",
    "Runner",
    "between",
    "candidates",
    "change_distance",
    "field_axis",
    "find_counterfactual",
    "grid",
    "search_fields",
]
