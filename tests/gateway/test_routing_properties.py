"""Properties over random profiles and inputs (Hypothesis).

1. No decision the assessment forbids to automate — verdict prohibited or unknown, outside
   art. 22 only because a human reviews before any effect, or a risk selection — is ever
   routed ``final``, whatever the caller asks; and a ``final`` route always rests on an
   allowed exception or on the absence of a significant effect.
2. Special-category fields reach a decision only where art. 9 and art. 22(4) allow it.
3. Inputs that pass the contract hold only declared fields, each of its declared type and
   within its declared range; a table is judged row by row exactly as single decisions.

The runs are derandomized (the same examples in every run, no example database), so CI
is deterministic.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sluis.gateway.contract import InputContract, InputsRefused, check_frame, check_inputs
from sluis.gateway.routing import REQUESTS, RouteStatus, route
from sluis.law.assess import assess
from sluis.law.results import Art22Verdict, DecisionArt22
from sluis.profiles.model import AlgorithmProfile, Art9Exception, Decision, SpecialCategory
from sluis.profiles.validation import validate_profile

PROPERTY = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

tri = st.sampled_from([True, False, None])
FIELD_NAMES = [f"f{i}" for i in range(6)]
TYPES = ["integer", "number", "boolean", "string", "category", "date"]
ALLOWED = ["low", "mid", "high"]
NECESSITIES = [None, "contract", "legal_obligation", "public_task", "none"]
SIDE_EFFECTS: list[list[str]] = [[], [], [], ["blocked card"]]


@st.composite
def data_fields(draw: st.DrawFn) -> list[dict[str, Any]]:
    names = draw(st.lists(st.sampled_from(FIELD_NAMES), min_size=1, max_size=6, unique=True))
    fields = []
    for name in names:
        kind = draw(st.sampled_from(TYPES))
        field: dict[str, Any] = {"name": name, "type": kind, "category": "c" + name}
        field["optional"] = draw(st.booleans())
        if kind in ("integer", "number"):
            low = draw(st.none() | st.integers(-50, 50))
            high = draw(st.none() | st.integers(-50, 50))
            if low is not None and high is not None and low > high:
                low, high = high, low
            field["minimum"], field["maximum"] = low, high
        if kind == "category":
            field["allowed_values"] = draw(
                st.none() | st.lists(st.sampled_from(ALLOWED), min_size=1, unique=True)
            )
        if draw(st.integers(0, 2)) == 0:
            field["special_category"] = draw(st.sampled_from([c.value for c in SpecialCategory]))
            field["art9_exception"] = draw(
                st.none() | st.sampled_from([e.value for e in Art9Exception])
            )
        fields.append({k: v for k, v in field.items() if v is not None})
    return fields


@st.composite
def decisions(draw: st.DrawFn, index: int, field_names: list[str]) -> dict[str, Any]:
    # Weighted towards the cases the properties are about: meaningful review before effect.
    involvement = draw(st.sampled_from([None, "none", "token", "meaningful", "meaningful"]))
    stage = (
        None
        if involvement == "none"
        else draw(st.sampled_from([None, "before_effect", "before_effect", "after_effect"]))
    )
    third_party = draw(tri)
    consequences = draw(
        st.sampled_from([False, None] if involvement == "none" else [True, False, None])
    )
    decision = {
        "id": f"d{index}",
        "description": "A decision about a person",
        "effect": draw(st.sampled_from([None, "legal", "similarly_significant", "none"])),
        "human_involvement": involvement,
        "human_stage": stage,
        "profiling": draw(tri),
        "bound_power": draw(tri),
        "necessity": draw(st.sampled_from(NECESSITIES)),
        "explicit_consent": draw(tri),
        "risk_selection": draw(tri),
        "consequences_only_after_review": consequences,
        "automatic_side_effects": draw(st.sampled_from(SIDE_EFFECTS)),
        "third_party_score": third_party,
        "third_party_score_determining": None if third_party is False else draw(tri),
        "uses_fields": draw(st.none() | st.lists(st.sampled_from(field_names), unique=True)),
    }  # fmt: skip
    if draw(st.booleans()):
        decision["authorising_law"] = {
            "name": "Sector law",
            "lays_down_safeguards": draw(tri),
            "permits_profiling": draw(tri),
        }
    return {k: v for k, v in decision.items() if v is not None}


@st.composite
def profiles(draw: st.DrawFn) -> AlgorithmProfile:
    fields = draw(data_fields())
    names = [f["name"] for f in fields]
    count = draw(st.integers(1, 4))
    document = {
        "id": "random-profile",
        "name": "Random profile",
        "controller": {
            "name": "Controller",
            "administrative_body": draw(tri),
            "country": draw(st.sampled_from(["NL", "DE"])),
        },
        "data_fields": fields,
        "decisions": [draw(decisions(i, names)) for i in range(count)],
    }
    return validate_profile(document)  # a valid profile, or the strategy itself is wrong


requests = st.sampled_from(REQUESTS)


def law_allows_automation(decision: Decision, judged: DecisionArt22) -> bool:
    """The oracle, in the law's terms: an allowed exception, or no significant effect of a
    decision that is solely automated and no risk selection."""
    if decision.risk_selection or judged.risk_selection_doctrine:
        return False
    if judged.conditions.solely_automated.value is False:
        return False  # outside art. 22 only because a human reviews before effect
    if judged.verdict is Art22Verdict.allowed_with_safeguards:
        return True
    return (
        judged.verdict is Art22Verdict.not_applicable
        and judged.conditions.significant_effect.value is False
    )


def judged_decisions(profile: AlgorithmProfile):
    assessment = assess(profile)
    for decision, judged in zip(profile.decisions, assessment.art22.decisions, strict=True):
        yield decision, judged, InputContract.from_profile(profile, decision.id, assessment)


def test_no_forbidden_decision_is_ever_final() -> None:
    statuses: set[RouteStatus] = set()
    verdicts: set[Art22Verdict] = set()
    reasons: set[str] = set()
    reviewed_without_effect = []

    @PROPERTY
    @given(profile=profiles(), requested=requests)
    def check(profile: AlgorithmProfile, requested: str) -> None:
        for decision, judged, contract in judged_decisions(profile):
            result = contract.route(requested)  # type: ignore[arg-type]
            assert result == route(judged, requested, decision=decision)  # type: ignore[arg-type]
            allowed = law_allows_automation(decision, judged)
            if result.status is RouteStatus.final:
                assert allowed
                assert judged.verdict not in (Art22Verdict.prohibited, Art22Verdict.unknown)
                assert judged.verdict is Art22Verdict.allowed_with_safeguards or (
                    judged.conditions.significant_effect.value is False
                    and not judged.risk_selection_doctrine
                )
            # And Sluis does not hold back what the law allows, unless a human is asked for.
            assert result.finalisable == allowed
            assert (result.status is RouteStatus.final) == (allowed and requested != "review")
            assert result.refused_final == (requested == "final" and not allowed)
            if decision.risk_selection:
                assert result.status is RouteStatus.selected_for_review
            assert result.reasons and all(r.articles for r in result.reasons)
            statuses.add(result.status)
            verdicts.add(judged.verdict)
            reasons.add(result.reasons[0].code)
            conditions = judged.conditions
            if conditions.solely_automated.value is False:
                # Outside art. 22 (also) because a human reviews: never final.
                assert result.status is not RouteStatus.final
                if conditions.significant_effect.value is False:
                    reviewed_without_effect.append(decision.id)

    check()
    # The property means something only if the random profiles reach every case.
    assert statuses == set(RouteStatus)
    assert verdicts == set(Art22Verdict)
    assert reasons == {
        "risk_selection",
        "risk_selection_outside_doctrine",
        "human_review_before_effect",
        "exception_allows",
        "no_significant_effect",
        "prohibited",
        "unknown",
    }
    assert reviewed_without_effect


def test_special_categories_only_where_art_9_and_22_4_allow() -> None:
    outcomes: set[bool] = set()

    @PROPERTY
    @given(profile=profiles())
    def check(profile: AlgorithmProfile) -> None:
        for _, judged, contract in judged_decisions(profile):
            special_fields(judged, contract, outcomes)

    check()
    assert outcomes == {True, False}  # both permitted and refused fields were generated


def special_fields(judged: DecisionArt22, contract: InputContract, outcomes: set[bool]) -> None:
    """Every special-category field of the contract is permitted only where allowed."""
    for spec in contract.fields:
        field = spec.source
        if field.special_category is None:
            assert spec.permitted
            continue
        if spec.permitted:
            assert field.art9_exception is not None
            assert judged.conditions.solely_automated.value is False or (
                judged.verdict is Art22Verdict.allowed_with_safeguards
                and field.art9_exception in (Art9Exception.a_explicit_consent,
                                             Art9Exception.g_substantial_public_interest)
            )  # fmt: skip
        else:
            try:
                check_inputs(contract, {field.name: True})
            except InputsRefused as refused:
                assert (field.name, "special_category") in {
                    (p.field, p.rule) for p in refused.problems
                }
            else:
                raise AssertionError("a forbidden special-category field got through")
        outcomes.add(spec.permitted)


def contract_of(fields: list[dict[str, Any]]) -> InputContract:
    profile = validate_profile(
        {
            "id": "contract",
            "name": "Contract",
            "controller": {"name": "Controller"},
            "data_fields": fields,
            "decisions": [
                {"id": "d", "description": "A decision", "effect": "legal",
                 "human_involvement": "meaningful", "human_stage": "before_effect"}
            ],
        }
    )  # fmt: skip
    return InputContract.from_profile(profile, "d")


SECRET = st.text(alphabet="QXZ", min_size=4, max_size=6).map(lambda s: "v:" + s)
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-100, 100),
    st.floats(-100, 100),
    st.sampled_from([float("nan"), float("inf"), 1e300]),
    SECRET,
    st.sampled_from(ALLOWED),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)),
    st.sampled_from(["2024-02-29", "2024-13-01"]),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2001, 1, 1)),
)
KEYS = [*FIELD_NAMES, "extra", "other"]
input_rows = st.lists(st.sampled_from(KEYS), unique=True, max_size=8).flatmap(
    lambda keys: st.lists(
        st.fixed_dictionaries({k: values for k in keys}), min_size=1, max_size=4
    ).map(lambda rows: (keys, rows))
)


def satisfies(spec, value: object) -> bool:
    kind = spec.type.value
    if value is None:
        return spec.optional
    if kind == "integer":
        ok = type(value) is int
    elif kind == "number":
        ok = type(value) is float and value == value and abs(value) != float("inf")
    elif kind == "boolean":
        ok = type(value) is bool
    elif kind in ("string", "category"):
        ok = type(value) is str
    else:
        ok = type(value) is date
    if not ok:
        return False
    if spec.minimum is not None and value < spec.minimum:  # type: ignore[operator]
        return False
    if spec.maximum is not None and value > spec.maximum:  # type: ignore[operator]
        return False
    return spec.allowed_values is None or value in spec.allowed_values


def test_accepted_inputs_are_declared_typed_and_in_range() -> None:
    verdicts: set[bool] = set()

    @PROPERTY
    @given(fields=data_fields(), rows=input_rows)
    def check(fields: list[dict[str, Any]], rows: tuple[list[str], list[dict]]) -> None:
        contract = contract_of(fields)
        keys, inputs = rows
        frame = (
            pd.DataFrame(inputs, columns=keys) if keys else pd.DataFrame(index=range(len(inputs)))
        )
        good, problems = check_frame(contract, frame)
        for i, row in enumerate(inputs):
            try:
                checked = check_inputs(contract, row)
            except InputsRefused as refused:
                found = {(p.field, p.rule) for p in refused.problems}
                assert found and not good[i]
                text = str(refused)
                assert not any(
                    isinstance(v, str) and v.startswith("v:") and v in text for v in row.values()
                )
                for field, _ in found:
                    assert field in row or field in contract.required_fields
            else:
                found = set()
                assert set(row) <= set(contract.permitted_fields)
                assert set(checked) == set(contract.permitted_fields)
                for name, value in checked.items():
                    assert satisfies(contract.field(name), value), name
            # A table is judged exactly as its rows one by one.
            assert bool(good[i]) == (not found)
            assert {(p.field, p.rule) for p in problems.get(i, ())} == found
            verdicts.add(not found)

    check()
    assert verdicts == {True, False}  # both accepted and refused inputs were generated
