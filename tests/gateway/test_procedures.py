"""Decision procedures: rules that leave a trace, models with a threshold, stable versions."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from sluis.gateway.contract import InputContract
from sluis.gateway.explanation import ExplanationKind, RuleCheck
from sluis.gateway.loading import load_file
from sluis.gateway.procedures import (
    Evaluation,
    FeatureValueError,
    ModelProcedure,
    Procedure,
    RuleContext,
    RuleError,
    RuleProcedure,
    UnsupportedModel,
    procedure_problems,
)
from sluis.profiles.model import AlgorithmProfile

REPO = Path(__file__).resolve().parents[2]
RULE_MODULE = """
LIMIT = {limit}
NORMS = {{"single": {norm}, "couple": 2070.0}}


def limit_for(household):
    return NORMS[household]


def rule(ctx):
    income = ctx["income"]
    low = ctx.check("low", income <= LIMIT and income <= limit_for("single"), basis="art. 3")
    return "granted" if low else "refused"
{extra}
"""


def allowance(ctx: RuleContext) -> str:
    """Grant the allowance to residents with a low income."""
    resident = ctx.check("resident", ctx["resident"], basis="Verordening art. 2")
    low = ctx.check(
        "low_income", ctx["income"] <= 1500, basis="Verordening art. 3", detail="limit 1500"
    )
    return "granted" if resident and low else "refused"


def allowance_stricter(ctx: RuleContext) -> str:
    resident = ctx.check("resident", ctx["resident"], basis="Verordening art. 2")
    low = ctx.check("low_income", ctx["income"] <= 1200, basis="Verordening art. 3")
    return "granted" if resident and low else "refused"


class TestRuleProcedure:
    def test_leaves_a_trace_of_every_condition_with_its_basis(self) -> None:
        evaluation = RuleProcedure(allowance, "allowance").evaluate(
            {"resident": True, "income": 1800.0}
        )
        assert evaluation.outcome == "refused" and evaluation.score is None
        assert evaluation.explanation.kind is ExplanationKind.rule_trace
        assert evaluation.explanation.entries == (
            RuleCheck("resident", True, "Verordening art. 2"),
            RuleCheck("low_income", False, "Verordening art. 3", "limit 1500"),
        )

    def test_is_a_procedure(self) -> None:
        procedure = RuleProcedure(allowance, "allowance", fields=["resident", "income"])
        assert isinstance(procedure, Procedure)
        assert procedure.kind == "rules" and procedure.fields == ("resident", "income")
        assert procedure.description == "Grant the allowance to residents with a low income."

    def test_its_version_is_a_hash_of_the_rule_not_of_its_name(self) -> None:
        version = RuleProcedure(allowance, "a").version
        assert len(version) == 64 and RuleProcedure(allowance, "b").version == version
        assert RuleProcedure(allowance_stricter, "a").version != version

    def test_its_version_covers_the_constants_and_helpers_the_rule_reads(
        self, tmp_path: Path
    ) -> None:
        def version(name: str, limit: float = 1500, norm: float = 1450, extra: str = "") -> str:
            path = tmp_path / name / "rules.py"
            path.parent.mkdir()
            path.write_text(RULE_MODULE.format(limit=limit, norm=norm, extra=extra))
            return RuleProcedure(load_file(path).rule, "r").version

        first = version("a")
        assert version("b") == first  # the same rule in another place
        assert version("c", extra="def sample_cases():\n    return []\n") == first
        assert version("d", limit=1200) != first  # a module constant the rule reads
        assert version("e", norm=1500) != first  # read through a helper function

    def test_its_version_follows_a_constant_changed_at_run_time(self, tmp_path: Path) -> None:
        path = tmp_path / "rules.py"
        path.write_text(RULE_MODULE.format(limit=1500, norm=1450, extra=""))
        module = load_file(path)
        before = RuleProcedure(module.rule, "r").version
        module.NORMS["single"] = 1500.0
        assert RuleProcedure(module.rule, "r").version != before

    def test_a_batch_gives_what_single_decisions_give(self) -> None:
        frame = pd.DataFrame({"resident": [True, False, True], "income": [1000.0, 900.0, 2000.0]})
        procedure = RuleProcedure(allowance, "allowance")
        batch = procedure.evaluate_frame(frame)
        assert batch.outcomes.tolist() == ["granted", "refused", "refused"]
        assert batch.scores is None
        for i, row in enumerate(frame.to_dict("records")):
            assert batch[i] == procedure.evaluate(row)
        assert batch.take(np.array([False, True, True])).outcomes.tolist() == ["refused"] * 2

    def test_a_batch_hands_rules_plain_values(self) -> None:
        seen: list[dict] = []

        def spy(ctx: RuleContext) -> str:
            seen.append(dict(ctx.inputs))
            return "ok"

        frame = pd.DataFrame(
            {"n": [1, 2], "x": [1.5, np.nan], "d": pd.to_datetime(["2020-01-02", None])}
        )
        RuleProcedure(spy, "spy").evaluate_frame(frame)
        assert seen[1] == {"n": 2, "x": None, "d": None}
        assert type(seen[0]["n"]) is int and str(seen[0]["d"]) == "2020-01-02"

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("ctx.check('a', 1, basis='art. 1')", "true or false"),
            ("ctx.check('a', True, basis=' ')", "no legal basis"),
            ("ctx['nope']", "'nope'"),
            ("return 42", "non-empty string"),
        ],
    )
    def test_rules_must_keep_the_conventions(self, body: str, message: str, tmp_path) -> None:
        source = f"def rule(ctx):\n    {body}\n    return 'ok'\n"
        module = tmp_path / "rule_module.py"
        module.write_text(source)
        namespace: dict = {}
        exec(compile(source, str(module), "exec"), namespace)  # the source is readable
        procedure = RuleProcedure(namespace["rule"], "rule")
        with pytest.raises(RuleError, match=message):
            procedure.evaluate({"a": 1})

    def test_a_rule_without_readable_source_is_refused(self) -> None:
        namespace: dict = {}
        exec("def rule(ctx):\n    return 'ok'\n", namespace)
        with pytest.raises(RuleError, match="cannot read the source"):
            RuleProcedure(namespace["rule"], "rule")


def training(n: int = 400, seed: int = 1) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "income": rng.normal(2500, 600, n),
            "housing": rng.choice(np.array(["rent", "own", "free"], dtype=object), n),
            "debts": rng.integers(0, 6, n),
        }
    )
    target = frame["debts"] - frame["income"] / 800 + (frame["housing"] == "rent") > -1.5
    return frame, target.to_numpy().astype(int)


FEATURES = ["income", "housing", "debts"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    frame, target = training()
    prepare = ColumnTransformer(
        [("numbers", StandardScaler(), ["income", "debts"]),
         ("categories", OneHotEncoder(handle_unknown="error"), ["housing"])]
    )  # fmt: skip
    return Pipeline([("prepare", prepare), ("model", LogisticRegression())]).fit(frame, target)


class TestModelProcedure:
    def test_the_positive_outcome_starts_at_the_threshold(self, pipeline: Pipeline) -> None:
        frame, _ = training()
        scores = pipeline.predict_proba(frame)[:, 1]
        probe = ModelProcedure(pipeline, FEATURES, 0.5, "refused", "granted")
        np.testing.assert_allclose(probe.evaluate_frame(frame).scores, scores, rtol=0, atol=1e-12)
        threshold = float(probe.evaluate_frame(frame).scores[7])
        procedure = ModelProcedure(pipeline, FEATURES, threshold, "refused", "granted")
        batch = procedure.evaluate_frame(frame)
        assert batch.outcomes[7] == "refused"  # a score equal to the threshold is positive
        assert batch.outcomes.tolist() == [
            "refused" if s >= threshold else "granted" for s in batch.scores
        ]
        single = procedure.evaluate(frame.iloc[3].to_dict())
        assert single.score == pytest.approx(scores[3], abs=1e-12)
        assert single.outcome == batch.outcomes[3]

    def test_scores_another_class_on_request(self, pipeline: Pipeline) -> None:
        frame, _ = training()
        procedure = ModelProcedure(pipeline, FEATURES, 0.5, "yes", "no", score_class=0)
        np.testing.assert_allclose(
            procedure.evaluate_frame(frame).scores, pipeline.predict_proba(frame)[:, 0], atol=1e-12
        )

    def test_its_version_covers_model_threshold_and_features(self, pipeline: Pipeline) -> None:
        first = ModelProcedure(pipeline, FEATURES, 0.5, "refused", "granted")
        assert (
            first.version == ModelProcedure(pipeline, FEATURES, 0.5, "refused", "granted").version
        )
        assert (
            first.version != ModelProcedure(pipeline, FEATURES, 0.6, "refused", "granted").version
        )
        other = ModelProcedure(pipeline, [*FEATURES, "unused"], 0.5, "refused", "granted")
        assert first.version != other.version
        assert len(first.version) == 64 and first.kind == "model"
        assert first.fields == tuple(FEATURES) and isinstance(first, Procedure)

    def test_refuses_what_it_cannot_explain_naming_the_step(self) -> None:
        frame, target = training()
        knn = Pipeline(
            [("prepare", ColumnTransformer([("n", StandardScaler(), ["income", "debts"])])),
             ("neighbours", KNeighborsClassifier())]
        ).fit(frame, target)  # fmt: skip
        with pytest.raises(UnsupportedModel, match=r"'neighbours'.*KNeighborsClassifier"):
            ModelProcedure(knn, FEATURES, 0.5, "a", "b")

    @pytest.mark.parametrize(
        ("features", "threshold", "positive", "negative", "message"),
        [
            ([], 0.5, "a", "b", "features"),
            (["income", "income"], 0.5, "a", "b", "features"),
            (FEATURES, float("nan"), "a", "b", "threshold"),
            (FEATURES, 0.5, "a", "a", "two different outcomes"),
            (["income", "debts"], 0.5, "a", "b", "not features: \\['housing'\\]"),
        ],
    )
    def test_checks_its_settings(
        self, pipeline: Pipeline, features, threshold, positive, negative, message
    ) -> None:
        with pytest.raises(ValueError, match=message):
            ModelProcedure(pipeline, features, threshold, positive, negative)

    def test_names_the_feature_it_cannot_take_without_its_value(self, pipeline: Pipeline) -> None:
        procedure = ModelProcedure(pipeline, FEATURES, 0.5, "a", "b")
        with pytest.raises(FeatureValueError, match="'housing'") as caught:
            procedure.evaluate({"income": 1.0, "housing": "Geheimstraat 12", "debts": 1})
        assert "Geheimstraat" not in str(caught.value) and caught.value.rule == "unknown_category"
        frame, _ = training(5)
        frame.loc[[1, 3], "income"] = np.nan
        with pytest.raises(FeatureValueError, match="'income'") as caught:
            procedure.evaluate_frame(frame)
        assert caught.value.rows == (1, 3) and caught.value.rule == "missing"

    def test_evaluations_travel_as_json(self, pipeline: Pipeline) -> None:
        evaluation = ModelProcedure(pipeline, FEATURES, 0.5, "a", "b").evaluate(
            {"income": 2000.0, "housing": "own", "debts": 2}
        )
        data = json.loads(json.dumps(evaluation.to_json_dict()))
        assert Evaluation.from_json_dict(data) == evaluation
        assert [e["feature"] for e in data["explanation"]["entries"]] == FEATURES


def test_a_procedure_must_read_only_what_the_contract_permits(pipeline: Pipeline) -> None:
    profile = AlgorithmProfile.model_validate(
        {
            "id": "p",
            "name": "P",
            "controller": {"name": "Bank"},
            "data_fields": [
                {"name": "income", "type": "number", "category": "income"},
                {"name": "debts", "type": "integer", "category": "credit"},
                {
                    "name": "health",
                    "type": "boolean",
                    "category": "health",
                    "special_category": "health",
                },
            ],
            "decisions": [
                {
                    "id": "d",
                    "description": "Loan",
                    "effect": "legal",
                    "human_involvement": "none",
                    "necessity": "none",
                }
            ],
        }
    )
    contract = InputContract.from_profile(profile, "d")
    procedure = ModelProcedure(pipeline, FEATURES, 0.5, "a", "b")
    assert [(p.field, p.rule) for p in procedure_problems(contract, procedure)] == [
        ("housing", "undeclared")
    ]
    rules = RuleProcedure(allowance, "r", fields=["income", "health"])
    assert [(p.field, p.rule) for p in procedure_problems(contract, rules)] == [
        ("health", "special_category")
    ]
    assert procedure_problems(contract, RuleProcedure(allowance, "r")) == ()


@pytest.mark.slow
def test_a_model_version_is_the_same_in_every_process(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import numpy as np, pandas as pd
        from sklearn.linear_model import LogisticRegression
        from sluis.gateway.procedures import ModelProcedure
        rng = np.random.default_rng(3)
        frame = pd.DataFrame({"a": rng.normal(size=200), "b": rng.normal(size=200)})
        model = LogisticRegression().fit(frame, (frame["a"] > frame["b"]).astype(int))
        print(ModelProcedure(model, ["a", "b"], 0.5, "yes", "no").version)
        """
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and len(runs[0]) == 64


def test_only_tree_models_load_shap() -> None:
    # Linear contributions are exact without SHAP, which takes seconds to import.
    script = textwrap.dedent(
        """
        import sys
        import numpy as np, pandas as pd
        from sklearn.linear_model import LogisticRegression
        from sklearn.tree import DecisionTreeClassifier
        from sluis.gateway.procedures import ModelProcedure
        rng = np.random.default_rng(3)
        frame = pd.DataFrame({"a": rng.normal(size=200), "b": rng.normal(size=200)})
        target = (frame["a"] > frame["b"]).astype(int)
        ModelProcedure(LogisticRegression().fit(frame, target), ["a", "b"], 0.5, "yes", "no")
        print("shap" in sys.modules)
        tree = DecisionTreeClassifier(max_depth=2).fit(frame, target)
        ModelProcedure(tree, ["a", "b"], 0.5, "yes", "no")
        print("shap" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.split() == ["False", "True"]
