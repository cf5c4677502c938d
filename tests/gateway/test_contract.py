"""The input contract: only declared data, of the declared type and range, and special
categories only where the assessment allows them; every problem named, no value echoed."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pytest

from sluis.gateway.contract import (
    CheckedInputs,
    InputContract,
    InputsRefused,
    UnknownDecision,
    check_frame,
    check_inputs,
)
from sluis.law.assess import assess
from sluis.law.results import Art22Verdict
from sluis.profiles.model import AlgorithmProfile

# Solely automated, legal effect, carried by the contract exception of art. 22(2)(a).
ALLOWED = {
    "id": "d",
    "description": "Approve a loan",
    "effect": "legal",
    "human_involvement": "none",
    "profiling": False,
    "necessity": "contract",
    "explicit_consent": False,
    "risk_selection": False,
    "third_party_score": False,
}
PROHIBITED = {**ALLOWED, "necessity": "none"}
HUMAN_DECIDES = {**PROHIBITED, "human_involvement": "meaningful", "human_stage": "before_effect"}

FIELDS: list[dict[str, Any]] = [
    {"name": "age", "type": "integer", "category": "identity", "minimum": 18, "maximum": 120},
    {"name": "income", "type": "number", "category": "income", "minimum": 0},
    {"name": "housing", "type": "category", "category": "housing",
     "allowed_values": ["rent", "own", "free"]},
    {"name": "employed", "type": "boolean", "category": "work"},
    {"name": "city", "type": "string", "category": "contact", "optional": True},
    {"name": "since", "type": "date", "category": "work", "optional": True},
]  # fmt: skip


def make_profile(
    decision: dict[str, Any] | None = None, fields: list[dict[str, Any]] | None = None
) -> AlgorithmProfile:
    return AlgorithmProfile.model_validate(
        {
            "id": "p",
            "name": "Profile",
            "controller": {"name": "Bank", "administrative_body": False, "country": "NL"},
            "data_fields": FIELDS if fields is None else fields,
            "decisions": [decision or ALLOWED],
        }
    )


def contract_for(decision: dict[str, Any] | None = None, fields: list | None = None):
    return InputContract.from_profile(make_profile(decision, fields), "d")


GOOD = {"age": 40, "income": 2500.5, "housing": "rent", "employed": True}


def refusal(contract: InputContract, inputs: dict[str, Any]) -> InputsRefused:
    with pytest.raises(InputsRefused) as caught:
        check_inputs(contract, inputs)
    return caught.value


def rules(refused: InputsRefused) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in refused.problems}


class TestBuildingTheContract:
    def test_takes_the_declared_fields_of_the_decision(self) -> None:
        contract = contract_for()
        assert [f.name for f in contract.fields] == [f["name"] for f in FIELDS]
        assert contract.required_fields == ("age", "income", "housing", "employed")
        assert contract.decision_assessment.verdict is Art22Verdict.allowed_with_safeguards

    def test_a_decision_using_some_fields_only_gets_those(self) -> None:
        contract = contract_for({**ALLOWED, "uses_fields": ["age", "housing"]})
        assert contract.permitted_fields == ("age", "housing")
        assert ("income", "undeclared") in rules(refusal(contract, GOOD))

    def test_an_unknown_decision_is_named(self) -> None:
        with pytest.raises(UnknownDecision, match="'nope'"):
            InputContract.from_profile(make_profile(), "nope")

    def test_uses_a_given_assessment_and_its_version(self) -> None:
        profile = make_profile()
        contract = InputContract.from_profile(profile, "d", assess(profile, version=7))
        assert contract.profile_version == 7

    def test_refuses_an_assessment_of_another_profile(self) -> None:
        other = AlgorithmProfile.model_validate(
            {**make_profile().model_dump(mode="json", exclude_none=True), "id": "q"}
        )
        with pytest.raises(ValueError, match="assessment is of profile"):
            InputContract.from_profile(make_profile(), "d", assess(other))

    def test_publishes_itself_as_json(self) -> None:
        data = contract_for().to_json_dict()
        json.dumps(data)
        assert data["fields"][2]["allowed_values"] == ["free", "own", "rent"]

    def test_routes_once_per_request(self) -> None:
        contract = contract_for()
        assert contract.route("auto") is contract.route("auto")
        assert contract.route("final").status == "final"


class TestOneDecision:
    def test_normalises_accepted_values(self) -> None:
        checked = check_inputs(
            contract_for(),
            {
                **GOOD,
                "age": 40.0,
                "income": 2500,
                "employed": np.bool_(False),
                "since": "2020-02-29",
            },
        )
        assert isinstance(checked, CheckedInputs)
        assert checked["age"] == 40 and type(checked["age"]) is int
        assert checked["income"] == 2500.0 and type(checked["income"]) is float
        assert checked["employed"] is False
        assert checked["since"] == date(2020, 2, 29)
        assert checked["city"] is None  # optional and not given
        assert checked.to_json_dict()["since"] == "2020-02-29"

    def test_lists_every_problem_at_once(self) -> None:
        refused = refusal(
            contract_for(),
            {"age": 12, "income": -1, "housing": "castle", "nickname": "x", "since": "yesterday"},
        )
        assert rules(refused) == {
            ("nickname", "undeclared"),
            ("age", "minimum"),
            ("income", "minimum"),
            ("housing", "allowed_values"),
            ("employed", "missing"),
            ("since", "type"),
        }
        assert "[undeclared]" in str(refused)

    @pytest.mark.parametrize(
        ("field", "value", "rule"),
        [
            ("age", 121, "maximum"),
            ("age", 40.5, "type"),
            ("age", True, "type"),
            ("age", "40", "type"),
            ("income", float("inf"), "type"),
            ("income", float("nan"), "missing"),
            ("income", None, "missing"),
            ("employed", 1, "type"),
            ("housing", 3, "type"),
            ("since", 20200101.0, "type"),
        ],
    )
    def test_names_the_rule_each_value_breaks(self, field: str, value: object, rule: str) -> None:
        assert rules(refusal(contract_for(), {**GOOD, field: value})) == {(field, rule)}

    def test_never_echoes_submitted_values(self) -> None:
        secret_text, secret_number = "Jansen-Geheim", 98765.4321
        refused = refusal(
            contract_for(),
            {"age": secret_number, "housing": secret_text, "income": secret_text, "x": secret_text},
        )
        text = str(refused) + json.dumps(refused.to_json_list())
        assert secret_text not in text and "98765" not in text
        assert secret_text not in repr(check_inputs(contract_for(), {**GOOD, "city": secret_text}))

    def test_each_problem_cites_its_article(self) -> None:
        refused = refusal(contract_for(), {**GOOD, "extra": 1})
        assert refused.to_json_list() == [
            {
                "field": "extra",
                "rule": "undeclared",
                "message": refused.problems[0].message,
                "articles": ["GDPR art. 5(1)(c)"],
            }
        ]

    def test_refuses_what_is_not_a_mapping(self) -> None:
        assert rules(refusal(contract_for(), [("age", 40)])) == {("(inputs)", "type")}  # type: ignore[arg-type]


HEALTH = {"name": "health", "type": "boolean", "category": "health",
          "special_category": "health"}  # fmt: skip


class TestSpecialCategories:
    @pytest.mark.parametrize(
        ("decision", "art9", "permitted"),
        [
            (ALLOWED, "a", True),  # allowed exception + explicit consent: art. 22(4)
            (ALLOWED, "g", True),  # allowed exception + substantial public interest
            (ALLOWED, "h", False),  # other points of art. 9(2) cannot carry automation
            (ALLOWED, None, False),  # no exception at all: art. 9(1)
            (PROHIBITED, "a", False),  # the art. 22 ban applies
            (HUMAN_DECIDES, "h", True),  # a human decides: art. 22(4) not engaged
            (HUMAN_DECIDES, None, False),  # but art. 9(1) still needs an exception
            ({**ALLOWED, "human_involvement": None}, "a", False),  # unknown: refused
        ],
    )
    def test_follow_the_assessment(self, decision: dict, art9: str | None, permitted: bool) -> None:
        field = {**HEALTH, "art9_exception": art9} if art9 else HEALTH
        contract = contract_for(decision, [*FIELDS, field])
        assert contract.field("health").permitted is permitted  # type: ignore[union-attr]
        if permitted:
            assert check_inputs(contract, {**GOOD, "health": True})["health"] is True
        else:
            refused = refusal(contract, {**GOOD, "health": True})
            assert rules(refused) == {("health", "special_category")}
            assert [a.label() for a in refused.problems[0].articles] == [
                "GDPR art. 9(1)",
                "GDPR art. 22(4)",
            ]

    def test_a_forbidden_field_is_never_required(self) -> None:
        contract = contract_for(PROHIBITED, [*FIELDS, HEALTH])
        assert "health" not in contract.required_fields
        assert "health" in contract.forbidden_fields
        assert "health" not in check_inputs(contract, GOOD)

    def test_even_an_empty_forbidden_field_is_refused(self) -> None:
        contract = contract_for(PROHIBITED, [*FIELDS, HEALTH])
        assert rules(refusal(contract, {**GOOD, "health": None})) == {
            ("health", "special_category")
        }


class TestFrames:
    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "age": [40, 12, 50, 130],
                "income": [2500.0, 100.0, np.nan, 10.0],
                "housing": ["rent", "own", "castle", None],
                "employed": [True, False, True, False],
            }
        )

    def test_marks_good_rows_and_lists_each_bad_row(self) -> None:
        good, problems = check_frame(contract_for(), self.frame())
        assert good.tolist() == [True, False, False, False]
        assert {r: {(p.field, p.rule) for p in ps} for r, ps in problems.items()} == {
            1: {("age", "minimum")},
            2: {("income", "missing"), ("housing", "allowed_values")},
            3: {("age", "maximum"), ("housing", "missing")},
        }

    def test_an_undeclared_or_forbidden_column_spoils_every_row(self) -> None:
        contract = contract_for(PROHIBITED, [*FIELDS, HEALTH])
        frame = self.frame().assign(extra=1, health=True)
        good, problems = check_frame(contract, frame)
        assert not good.any()
        assert {(p.field, p.rule) for p in problems[0]} == {
            ("extra", "undeclared"),
            ("health", "special_category"),
        }

    def test_a_missing_required_column_spoils_every_row(self) -> None:
        good, problems = check_frame(contract_for(), self.frame().drop(columns="employed"))
        assert not good.any()
        assert ("employed", "missing") in {(p.field, p.rule) for p in problems[0]}

    def test_mixed_object_columns_are_checked_value_by_value(self) -> None:
        frame = self.frame().head(3).assign(age=pd.Series([40, "40", 40.5], dtype=object))
        frame.loc[2, "income"] = 1.0
        frame.loc[2, "housing"] = "free"
        good, problems = check_frame(contract_for(), frame)
        assert good.tolist() == [True, False, False]
        assert [(p.field, p.rule) for p in problems[1]] == [("age", "type")]

    def test_agrees_with_the_check_of_one_decision(self) -> None:
        frame = self.frame().assign(since=["2020-01-01", "x", None, "2021-12-31"])
        contract = contract_for()
        good, problems = check_frame(contract, frame)
        for i, row in enumerate(frame.to_dict("records")):
            try:
                check_inputs(contract, row)
                expected: set[tuple[str, str]] = set()
            except InputsRefused as refused:
                expected = rules(refused)
            assert good[i] == (not expected)
            assert {(p.field, p.rule) for p in problems.get(i, ())} == expected

    def test_typed_columns_take_the_fast_path(self) -> None:
        frame = pd.DataFrame(
            {
                "age": pd.array([40, None, 17], dtype="Int64"),
                "income": [1.0, 2.0, 3.0],
                "housing": pd.Categorical(["rent", "own", "own"]),
                "employed": [True, True, False],
                "since": pd.to_datetime(["2020-01-01", None, "2020-01-03"]),
            }
        )
        good, problems = check_frame(contract_for(), frame)
        assert good.tolist() == [True, False, False]
        assert [(p.field, p.rule) for p in problems[1]] == [("age", "missing")]
        assert [(p.field, p.rule) for p in problems[2]] == [("age", "minimum")]

    def test_text_columns_are_judged_per_distinct_value(self) -> None:
        frame = self.frame().assign(housing=pd.Series(["rent", 1, True, "castle"], dtype=object))
        frame.loc[2, "income"] = 1.0
        frame.loc[3, "age"] = 30
        good, problems = check_frame(contract_for(), frame)
        assert good.tolist() == [True, False, False, False]
        assert {r: [(p.field, p.rule) for p in ps] for r, ps in problems.items()} == {
            1: [("age", "minimum"), ("housing", "type")],
            2: [("housing", "type")],
            3: [("housing", "allowed_values")],
        }

    def test_hands_back_category_columns_encoded_once(self) -> None:
        checked = check_frame(contract_for(), self.frame())
        housing = checked.frame["housing"]
        assert isinstance(housing.dtype, pd.CategoricalDtype)
        assert housing.astype(object).where(housing.notna(), None).tolist() == [
            "rent", "own", "castle", None
        ]  # fmt: skip
        assert checked.frame["age"] is not None and checked.frame["age"].dtype == np.int64

    def test_rows_with_the_same_problems_share_them(self) -> None:
        frame = pd.DataFrame({**GOOD, "age": [10] * 1000})
        _, problems = check_frame(contract_for(), frame)
        assert len(problems) == 1000 and problems[0] is problems[999]
