"""The counterfactual search: the smallest realistic change in a person's data that changes
the outcome, over the fields they can change, on a fixed grid within the declared ranges,
found with the procedure's real batch evaluation and verified by re-running it.

Read as the specification of ``sluis.notices.counterfactuals``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from sluis.gateway.contract import InputContract, check_frame, check_inputs
from sluis.gateway.loading import load_file
from sluis.gateway.procedures import Procedure
from sluis.notices.counterfactuals import (
    Candidate,
    candidates,
    change_distance,
    field_axis,
    find_counterfactual,
    grid,
    resolution,
    search_fields,
)
from sluis.notices.explaining import Counterfactual
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# German Credit applicant (row of the data set) whose refusal no change of the term, the
# amount, the instalment rate or a guarantor can turn: see the test that checks it.
HOPELESS_ROW = 924


@dataclass(frozen=True)
class Example:
    module: ModuleType
    profile: AlgorithmProfile
    contract: InputContract
    procedure: Procedure


def load_example(yaml_name: str, module_name: str) -> Example:
    module = load_file(EXAMPLES / module_name)
    profile = parse_profile_text((EXAMPLES / yaml_name).read_text(encoding="utf-8"))
    contract = InputContract.from_profile(profile, module.DECISION_ID)
    return Example(module, profile, contract, module.procedure())


@pytest.fixture(scope="module")
def credit() -> Example:
    return load_example("german-credit.yaml", "german_credit.py")


@pytest.fixture(scope="module")
def allowance() -> Example:
    return load_example("municipal-energy-allowance.yaml", "municipal_allowance.py")


def all_changeable(example: Example) -> Example:
    """The same example with every field marked changeable (to show what else would flip)."""
    document = example.profile.model_dump(mode="json")
    for field in document["data_fields"]:
        field["changeable"] = True
    profile = AlgorithmProfile.model_validate(document)
    contract = InputContract.from_profile(profile, example.module.DECISION_ID)
    return Example(example.module, profile, contract, example.procedure)


def household(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "resides_in_municipality": True,
        "household_type": "single",
        "monthly_household_income": 1450.0,
        "household_assets": 1200.0,
        "receives_student_finance": False,
        "allowance_received_this_year": False,
    }
    return base | changes


def applicant(example: Example, row: int) -> dict[str, object]:
    data = example.module.training_data()[example.module.FEATURES]
    return dict(data.iloc[row].to_dict())


def search(
    example: Example, inputs: Mapping[str, object], wanted: str = "granted", **options: Any
) -> tuple[Mapping[str, object], Counterfactual]:
    checked = check_inputs(example.contract, inputs)
    assert example.procedure.evaluate(checked).outcome != wanted
    found = find_counterfactual(
        example.contract, example.procedure, checked, lambda o: o == wanted, **options
    )
    return checked, found


def outcome_of(example: Example, inputs: Mapping[str, object]) -> str:
    """One input run on its own, as a single decision is."""
    return example.procedure.evaluate(check_inputs(example.contract, inputs)).outcome


def outcomes_of(example: Example, rows: list[dict[str, object]]) -> list[str]:
    """Many inputs through the contract and the batch evaluation, as a batch is."""
    checked = check_frame(example.contract, pd.DataFrame(rows))
    assert checked.good.all(), "every grid point lies within the contract"
    return [str(o) for o in example.procedure.evaluate_frame(checked.frame).outcomes]


def changed(inputs: Mapping[str, object], found: Counterfactual) -> dict[str, object]:
    return dict(inputs) | {c.field: c.changed for c in found.changes}


def assert_nothing_smaller_flips(
    example: Example,
    inputs: Mapping[str, object],
    found: Counterfactual,
    wanted: str = "granted",
) -> None:
    """Every grid candidate that changes fewer fields, or as many over a smaller distance,
    keeps the outcome; and moving any changed number one resolution step back towards the
    person's value does too (the change is as tight as the grid allows)."""
    assert found.distance is not None
    axes = grid(example.contract, example.procedure, inputs)
    smaller = [
        c
        for c in candidates(axes)
        if (c.size, c.distance) < (len(found.changes), found.distance - 1e-12)
    ]
    rows = [c.apply(inputs) for c in smaller]
    for candidate, outcome in zip(smaller, outcomes_of(example, rows) if rows else [], strict=True):
        assert outcome != wanted, f"a smaller change flips it: {candidate.changes}"
    by_field = {axis.field: axis for axis in axes}
    for change in found.changes:
        axis = by_field[change.field]
        if axis.step is None:
            continue
        direction = 1 if change.changed > change.current else -1  # type: ignore[operator]
        closer = change.changed - direction * axis.step  # type: ignore[operator]
        if (closer - change.current) * direction <= 0:  # type: ignore[operator]
            continue  # one step back is the person's own value
        closer = int(closer) if axis.integer else round(closer, 10)
        assert outcome_of(example, changed(inputs, found) | {change.field: closer}) != wanted


# -- the grid --------------------------------------------------------------------------------


def test_only_fields_marked_changeable_are_varied_and_unmarked_ones_stay_fixed(
    allowance: Example,
) -> None:
    searched, fixed = search_fields(allowance.contract, allowance.procedure)
    assert searched == ("monthly_household_income", "household_assets", "receives_student_finance")
    assert set(fixed) == {
        "resides_in_municipality",
        "household_type",
        "allowance_received_this_year",
    }

    document = allowance.profile.model_dump(mode="json")
    for field in document["data_fields"]:
        field.pop("changeable")  # not said: never suggested
    unmarked = AlgorithmProfile.model_validate(document)
    contract = InputContract.from_profile(unmarked, allowance.module.DECISION_ID)
    assert search_fields(contract, allowance.procedure) == ((), allowance.module.FIELDS)


def test_the_grid_stays_within_the_declared_ranges_and_values(credit: Example) -> None:
    inputs = check_inputs(credit.contract, applicant(credit, 1))
    axes = {axis.field: axis for axis in grid(credit.contract, credit.procedure, inputs)}
    assert set(axes) == {
        "duration_in_month",
        "credit_amount",
        "installment_rate_in_percentage_of_disposable_income",
        "other_debtors_or_guarantors",
    }
    for name, axis in axes.items():
        spec = credit.contract.specs[name]
        assert inputs[name] not in axis.values
        if spec.allowed_values is not None:
            assert set(axis.values) == spec.allowed_values - {inputs[name]}
            assert set(axis.distances) == {1.0}
        else:
            assert spec.minimum is not None and spec.maximum is not None
            assert all(spec.minimum <= v <= spec.maximum for v in axis.values)  # type: ignore[operator]
            assert all(isinstance(v, int) for v in axis.values)
            assert {spec.minimum, spec.maximum} - {inputs[name]} <= set(axis.values)
    rate = axes["installment_rate_in_percentage_of_disposable_income"]
    assert sorted(rate.values) == sorted({1, 2, 3, 4} - {inputs[rate.field]})  # type: ignore[type-var]


def test_a_number_grid_is_dense_near_the_persons_value_and_on_its_resolution(
    allowance: Example,
) -> None:
    spec = allowance.contract.specs["household_assets"]  # 0 .. 10,000,000
    axis = field_axis(spec, 9500.0)
    assert axis is not None and axis.step == resolution(10_000_000, False) == 100.0
    assert all(v % 100 == 0 or v in (0.0, 10_000_000.0) for v in axis.values)  # type: ignore[operator]
    assert min(abs(v - 9500.0) for v in axis.values) <= 200  # type: ignore[operator]
    assert list(axis.distances) == sorted(axis.distances)
    assert axis.distances[0] == pytest.approx(abs(axis.values[0] - 9500.0) / 10_000_000)  # type: ignore[operator]
    boolean = field_axis(allowance.contract.specs["receives_student_finance"], True)
    assert boolean is not None and boolean.values == (False,) and boolean.distances == (1.0,)


def test_candidates_come_single_changes_first_then_pairs_each_by_distance(
    allowance: Example,
) -> None:
    inputs = check_inputs(allowance.contract, household())
    order = list(candidates(grid(allowance.contract, allowance.procedure, inputs)))
    sizes = [c.size for c in order]
    assert sizes == sorted(sizes) and set(sizes) == {1, 2}
    for size in (1, 2):
        distances = [c.distance for c in order if c.size == size]
        assert distances == sorted(distances)
    axes = {a.field: a for a in grid(allowance.contract, allowance.procedure, inputs)}
    for candidate in order[:50] + order[-50:]:
        total = sum(change_distance(c, axes[c.field]) for c in candidate.changes)
        assert candidate.distance == pytest.approx(total)
    assert all(isinstance(c, Candidate) for c in order)


# -- rules -----------------------------------------------------------------------------------


def test_a_household_over_the_income_limit_is_told_the_limit_itself(allowance: Example) -> None:
    inputs, found = search(allowance, household(monthly_household_income=1900.0))
    assert found.status == "found" and found.verified and found.new_outcome == "granted"
    ((change,),) = (found.changes,)
    assert (change.field, change.current, change.changed) == (
        "monthly_household_income",
        1900.0,
        1740.0,  # 120% of the single norm of EUR 1,450: the regulation's own limit
    )
    assert outcome_of(allowance, changed(inputs, found)) == "granted"
    assert_nothing_smaller_flips(allowance, inputs, found)


def test_too_many_assets_for_a_couple_gives_the_couples_asset_limit(allowance: Example) -> None:
    inputs, found = search(
        allowance,
        household(
            household_type="couple", monthly_household_income=2000.0, household_assets=25_000.0
        ),
    )
    assert [(c.field, c.changed) for c in found.changes] == [("household_assets", 16_000.0)]
    assert found.verified
    assert_nothing_smaller_flips(allowance, inputs, found)


def test_two_failed_conditions_need_a_change_of_two_fields(allowance: Example) -> None:
    inputs, found = search(
        allowance, household(monthly_household_income=1800.0, receives_student_finance=True)
    )
    assert found.status == "found" and found.verified
    assert {(c.field, c.changed) for c in found.changes} == {
        ("monthly_household_income", 1740.0),
        ("receives_student_finance", False),
    }
    assert outcome_of(allowance, changed(inputs, found)) == "granted"
    assert_nothing_smaller_flips(allowance, inputs, found)
    _, single_only = search(
        allowance,
        household(monthly_household_income=1800.0, receives_student_finance=True),
        max_fields=1,
    )
    assert single_only.status == "none_exists"


def test_a_refusal_only_unchangeable_fields_could_turn_has_none(allowance: Example) -> None:
    moved_away = household(resides_in_municipality=False, allowance_received_this_year=True)
    _, found = search(allowance, moved_away)
    assert found.status == "none_exists" and found.changes == () and not found.verified
    assert found.candidates_tried == len(
        list(candidates(grid(allowance.contract, allowance.procedure, moved_away)))
    )
    assert "resides_in_municipality" in found.fixed_fields
    # What would flip it lies in the fields the person cannot change:
    assert outcome_of(allowance, household()) == "granted"
    _, if_it_could = search(all_changeable(allowance), moved_away)
    assert if_it_could.status == "found"
    assert {c.field for c in if_it_could.changes} == {
        "resides_in_municipality",
        "allowance_received_this_year",
    }


# -- the credit model --------------------------------------------------------------------


def refused_rows(example: Example, count: int) -> list[int]:
    data = example.module.training_data()[example.module.FEATURES]
    outcomes = outcomes_of(example, data.to_dict("records"))
    return [i for i, o in enumerate(outcomes) if o == "refused"][:count]


def test_refused_applicants_get_a_verified_flip_and_nothing_smaller_flips(
    credit: Example,
) -> None:
    sizes = set()
    for row in refused_rows(credit, 20):
        if row == HOPELESS_ROW:
            continue
        inputs, found = search(credit, applicant(credit, row))
        assert found.status == "found", row
        assert found.verified and found.new_outcome == "granted"
        assert outcome_of(credit, changed(inputs, found)) == "granted"
        assert {c.field for c in found.changes} <= set(found.searched_fields)
        assert_nothing_smaller_flips(credit, inputs, found)
        sizes.add(len(found.changes))
    assert sizes == {1, 2}  # both single changes and pairs among them


def test_an_applicant_only_unchangeable_fields_could_help_has_none(credit: Example) -> None:
    inputs, found = search(credit, applicant(credit, HOPELESS_ROW))
    assert found.status == "none_exists" and found.new_outcome is None
    everything = list(candidates(grid(credit.contract, credit.procedure, inputs)))
    assert found.candidates_tried == len(everything) > 100  # every single and pair was tried
    assert "granted" not in outcomes_of(credit, [c.apply(inputs) for c in everything])
    # A single change would flip it, but of a field the applicant cannot change:
    _, if_it_could = search(all_changeable(credit), applicant(credit, HOPELESS_ROW))
    assert if_it_could.status == "found" and if_it_could.verified
    ((change,),) = (if_it_could.changes,)
    assert change.field in found.fixed_fields
    assert change.field == "status_of_existing_checking_account"


def test_a_search_out_of_time_says_so(credit: Example, allowance: Example) -> None:
    _, none_at_all = search(credit, applicant(credit, 1), budget_seconds=0.0)
    assert none_at_all.status == "budget_exhausted" and none_at_all.candidates_tried == 0
    assert none_at_all.changes == () and not none_at_all.verified
    moved_away = household(resides_in_municipality=False, allowance_received_this_year=True)
    _, cut_short = search(allowance, moved_away, budget_seconds=0.001)
    complete = len(list(candidates(grid(allowance.contract, allowance.procedure, moved_away))))
    assert cut_short.status == "budget_exhausted"
    assert cut_short.candidates_tried < complete
    assert cut_short.budget_seconds == 0.001


def test_the_search_takes_any_wanted_outcome(allowance: Example) -> None:
    checked = check_inputs(allowance.contract, household())
    wanted: Callable[[str], bool] = lambda o: o == "refused"  # noqa: E731
    found = find_counterfactual(allowance.contract, allowance.procedure, checked, wanted)
    assert found.status == "found" and found.new_outcome == "refused" and found.verified
    # Over the limit of EUR 8,000, on the assets' resolution of EUR 100: 6,900 of a range of
    # 10 million is nearer, normalised, than EUR 290.10 more income of a range of 25,000.
    assert [(c.field, c.changed) for c in found.changes] == [("household_assets", 8100.0)]
    assert_nothing_smaller_flips(allowance, checked, found, wanted="refused")
