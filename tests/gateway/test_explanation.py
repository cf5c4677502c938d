"""Explanations: exact contributions for linear models, SHAP for trees, each adding up to the
model's own output; pipelines Sluis cannot explain exactly are refused by step."""

from __future__ import annotations

import json
import time

import numpy as np
import pandas as pd
import pytest
from sklearn.base import is_classifier
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (
    GradientBoostingClassifier,
    HistGradientBoostingClassifier,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (
    KBinsDiscretizer,
    MaxAbsScaler,
    MinMaxScaler,
    OneHotEncoder,
    PolynomialFeatures,
    RobustScaler,
    StandardScaler,
)

from sluis.gateway.explanation import (
    Explanation,
    ExplanationKind,
    FeatureValueError,
    RuleCheck,
    Space,
    UnsupportedModel,
)
from sluis.gateway.procedures import ModelProcedure

FEATURES = ["income", "housing", "debts", "region"]


def applicants(n: int = 600, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "income": rng.normal(2500, 600, n),
            "housing": rng.choice(np.array(["rent", "own", "free"], dtype=object), n),
            "debts": rng.integers(0, 6, n).astype(np.int64),
            "region": rng.choice(np.array(["north", "south"], dtype=object), n),
        }
    )


def outcome(frame: pd.DataFrame) -> np.ndarray:
    noise = np.random.default_rng(1).normal(0, 1, len(frame))
    score = frame["debts"] - frame["income"] / 800 + (frame["housing"] == "rent") + noise
    return (score > -1.5).to_numpy().astype(int)


def credit_pipeline(final=None, numbers=None, categories=None, remainder="drop") -> Pipeline:
    prepare = ColumnTransformer(
        [
            ("numbers", numbers if numbers is not None else StandardScaler(), ["income", "debts"]),
            (
                "categories",
                categories if categories is not None else OneHotEncoder(handle_unknown="ignore"),
                ["housing"],
            ),
        ],
        remainder=remainder,
    )
    return Pipeline(
        [("prepare", prepare), ("model", final if final is not None else LogisticRegression())]
    )


def fitted(pipeline: Pipeline, frame: pd.DataFrame | None = None) -> Pipeline:
    frame = applicants() if frame is None else frame
    target = outcome(frame) if is_classifier(pipeline) else frame["income"] / 100
    return pipeline.fit(frame, target)


def raw_output(model, frame: pd.DataFrame) -> np.ndarray:
    if hasattr(model, "decision_function"):
        return np.asarray(model.decision_function(frame))
    return np.asarray(model.predict(frame))


class TestLinearContributions:
    def test_add_up_exactly_to_the_decision_function(self) -> None:
        frame = applicants()
        model = fitted(credit_pipeline())
        procedure = ModelProcedure(model, FEATURES, 0.5, "refused", "granted")
        batch = procedure.evaluate_frame(frame).explanations
        assert batch.kind is ExplanationKind.linear_contributions
        assert batch.space is Space.log_odds
        z = model.decision_function(frame)
        np.testing.assert_allclose(batch.values, z, rtol=0, atol=1e-12)
        np.testing.assert_allclose(batch.contributions.sum(axis=1), z - batch.base, atol=1e-12)
        one = procedure.evaluate(frame.iloc[11].to_dict()).explanation
        assert sum(one.contributions().values()) == pytest.approx(z[11] - one.base, abs=1e-12)
        assert one.value == pytest.approx(z[11], abs=1e-12)

    def test_a_dropped_feature_contributes_nothing(self) -> None:
        batch = ModelProcedure(fitted(credit_pipeline()), FEATURES, 0.5, "a", "b")
        contributions = batch.evaluate_frame(applicants()).explanations.contributions
        assert not contributions[:, FEATURES.index("region")].any()

    def test_measure_from_the_average_of_a_background_sample(self) -> None:
        frame = applicants()
        model = fitted(credit_pipeline())
        procedure = ModelProcedure(model, FEATURES, 0.5, "a", "b", background=frame)
        batch = procedure.evaluate_frame(frame).explanations
        np.testing.assert_allclose(batch.contributions.mean(axis=0), 0.0, atol=1e-9)
        assert batch.base == pytest.approx(model.decision_function(frame).mean(), abs=1e-9)

    def test_without_background_a_standardised_number_starts_at_its_mean(self) -> None:
        frame = applicants()
        model = fitted(credit_pipeline())
        procedure = ModelProcedure(model, FEATURES, 0.5, "a", "b")
        row = {**frame.iloc[0].to_dict(), "income": frame["income"].mean()}
        assert procedure.evaluate(row).explanation.contributions()["income"] == pytest.approx(
            0.0, abs=1e-12
        )

    @pytest.mark.parametrize(
        "pipeline",
        [
            credit_pipeline(LinearRegression(), numbers=MinMaxScaler()),
            credit_pipeline(Ridge(), numbers=RobustScaler(), remainder="passthrough"),
            credit_pipeline(
                numbers=Pipeline([("fill", SimpleImputer()), ("scale", MaxAbsScaler())]),
                categories=Pipeline(
                    [
                        ("fill", SimpleImputer(strategy="most_frequent")),
                        ("encode", OneHotEncoder(drop="first", sparse_output=False)),
                    ]
                ),
            ),
            Pipeline(
                [
                    ("prepare", ColumnTransformer([("n", "passthrough", ["income", "debts"])])),
                    ("scale", StandardScaler()),
                    ("model", LogisticRegression()),
                ]
            ),
        ],
        ids=["minmax-regression", "robust-passthrough", "imputers-drop-first", "scaler-after"],
    )
    def test_are_exact_for_every_supported_step(self, pipeline: Pipeline) -> None:
        frame = applicants()
        if "region" in FEATURES and pipeline.steps[0][1].remainder == "passthrough":
            frame = frame.assign(region=(frame["region"] == "north").astype(float))
        model = fitted(pipeline, frame)
        batch = ModelProcedure(model, FEATURES, 0.5, "a", "b").evaluate_frame(frame).explanations
        np.testing.assert_allclose(batch.values, raw_output(model, frame), rtol=1e-10, atol=1e-9)
        np.testing.assert_allclose(
            batch.contributions.sum(axis=1), batch.values - batch.base, atol=1e-9
        )

    def test_an_imputer_takes_missing_optional_values(self) -> None:
        model = fitted(
            credit_pipeline(numbers=Pipeline([("fill", SimpleImputer()), ("s", StandardScaler())]))
        )
        procedure = ModelProcedure(model, FEATURES, 0.5, "a", "b")
        frame = applicants(20).assign(income=np.nan)
        batch = procedure.evaluate_frame(frame)
        np.testing.assert_allclose(batch.explanations.values, model.decision_function(frame))
        single = procedure.evaluate({"housing": "own", "debts": 1, "income": None, "region": "x"})
        assert single.score == pytest.approx(model.predict_proba(frame.iloc[:1].assign(
            housing="own", debts=1))[0, 1])  # fmt: skip
        # An optional column left out of the batch altogether counts as missing.
        assert len(procedure.evaluate_frame(frame.drop(columns="income"))) == 20

    def test_a_model_fitted_on_arrays_maps_features_by_position(self) -> None:
        frame = applicants()[["income", "debts"]]
        model = Pipeline([("s", StandardScaler()), ("m", LogisticRegression())])
        model.fit(frame.to_numpy(), outcome(applicants()))
        procedure = ModelProcedure(model, ["income", "debts"], 0.5, "a", "b")
        batch = procedure.evaluate_frame(frame).explanations
        np.testing.assert_allclose(batch.values, model.decision_function(frame.to_numpy()))

    def test_categories_in_arrow_and_categorical_columns_give_the_same(self) -> None:
        frame = applicants()
        procedure = ModelProcedure(fitted(credit_pipeline()), FEATURES, 0.5, "a", "b")
        plain = procedure.evaluate_frame(frame).explanations.contributions
        for housing in (
            frame["housing"].astype("category"),
            frame["housing"].astype("string[pyarrow]"),
        ):
            other = procedure.evaluate_frame(frame.assign(housing=housing)).explanations
            np.testing.assert_array_equal(other.contributions, plain)

    def test_an_unknown_category_counts_as_none_when_the_encoder_ignores_it(self) -> None:
        model = fitted(credit_pipeline())
        procedure = ModelProcedure(model, FEATURES, 0.5, "a", "b")
        row = {"income": 2000.0, "housing": "castle", "debts": 2, "region": "x"}
        frame = pd.DataFrame([row])
        assert procedure.evaluate(row).score == pytest.approx(model.predict_proba(frame)[0, 1])

    @pytest.mark.parametrize("dtype", [object, "category", "string[pyarrow]"])
    def test_a_category_the_model_refuses_is_named(self, dtype) -> None:
        model = fitted(credit_pipeline(categories=OneHotEncoder(handle_unknown="error")))
        procedure = ModelProcedure(model, FEATURES, 0.5, "a", "b")
        housing = pd.Series(["own", "x", "rent", "y"], dtype=dtype)
        with pytest.raises(FeatureValueError, match="'housing'") as caught:
            procedure.evaluate_frame(applicants(4).assign(housing=housing))
        assert caught.value.rows == (1, 3) and caught.value.rule == "unknown_category"
        missing = pd.Series(["own", None, "rent", None], dtype=dtype)
        with pytest.raises(FeatureValueError) as caught:
            procedure.evaluate_frame(applicants(4).assign(housing=missing))
        assert caught.value.rows == (1, 3) and caught.value.rule == "missing"

    @pytest.mark.parametrize(
        ("pipeline", "step"),
        [
            (credit_pipeline(numbers=PolynomialFeatures()), "prepare/numbers"),
            (
                credit_pipeline(numbers=KBinsDiscretizer(n_bins=3, strategy="uniform")),
                "prepare/numbers",
            ),
            (credit_pipeline(numbers=MinMaxScaler(clip=True)), "prepare/numbers"),
            (credit_pipeline(categories=OneHotEncoder(min_frequency=5)), "prepare/categories"),
            (
                credit_pipeline(
                    numbers=Pipeline([("s", StandardScaler()), ("fill", SimpleImputer())])
                ),
                "prepare/numbers/fill",
            ),
        ],
        ids=["polynomial", "bins", "clip", "infrequent", "imputer-after-scaling"],
    )
    def test_refuse_unsupported_steps_by_name(self, pipeline: Pipeline, step: str) -> None:
        with pytest.raises(UnsupportedModel) as caught:
            ModelProcedure(fitted(pipeline), FEATURES, 0.5, "a", "b")
        assert caught.value.step == step

    def test_refuse_more_than_two_classes(self) -> None:
        frame = applicants()
        model = credit_pipeline().fit(frame, frame["housing"])
        with pytest.raises(UnsupportedModel, match="two classes"):
            ModelProcedure(model, FEATURES, 0.5, "a", "b")

    @pytest.mark.slow
    def test_a_million_rows_take_well_under_two_seconds(self) -> None:
        model = fitted(credit_pipeline())
        procedure = ModelProcedure(model, FEATURES, 0.5, "a", "b")
        frame = applicants(1_000_000, seed=3)
        start = time.perf_counter()
        batch = procedure.evaluate_frame(frame)
        elapsed = time.perf_counter() - start
        assert len(batch) == 1_000_000
        assert elapsed < 2.0, f"{elapsed:.2f} s"


class TestTreeContributions:
    @pytest.mark.parametrize(
        ("final", "space"),
        [
            (
                RandomForestClassifier(n_estimators=25, max_depth=5, random_state=0),
                Space.probability,
            ),
            (GradientBoostingClassifier(n_estimators=30, random_state=0), Space.log_odds),
            (HistGradientBoostingClassifier(max_iter=30, random_state=0), Space.log_odds),
        ],
        ids=["forest", "boosting", "hist-boosting"],
    )
    def test_add_up_to_the_model_output(self, final, space: Space) -> None:
        frame = applicants(300)
        model = fitted(credit_pipeline(final, categories=OneHotEncoder(sparse_output=False)), frame)
        procedure = ModelProcedure(model, FEATURES, 0.5, "refused", "granted")
        evaluation = procedure.evaluate_frame(frame)
        batch = evaluation.explanations
        assert batch.kind is ExplanationKind.shap_contributions and batch.space is space
        expected = (
            model.predict_proba(frame)[:, 1]
            if space is Space.probability
            else model.decision_function(frame)
        )
        np.testing.assert_allclose(batch.values, expected, atol=1e-9)
        np.testing.assert_allclose(
            batch.contributions.sum(axis=1), expected - batch.base, atol=1e-9
        )
        np.testing.assert_allclose(evaluation.scores, model.predict_proba(frame)[:, 1])
        assert not batch.contributions[:, FEATURES.index("region")].any()
        one = procedure.evaluate(frame.iloc[5].to_dict())
        assert one.explanation.value == pytest.approx(expected[5], abs=1e-9)
        assert one.score == pytest.approx(evaluation.scores[5])

    def test_explain_the_chosen_class(self) -> None:
        frame = applicants(300)
        final = GradientBoostingClassifier(n_estimators=20, random_state=0)
        model = fitted(credit_pipeline(final), frame)
        procedure = ModelProcedure(model, FEATURES, 0.5, "a", "b", score_class=0)
        batch = procedure.evaluate_frame(frame)
        np.testing.assert_allclose(batch.scores, model.predict_proba(frame)[:, 0])
        np.testing.assert_allclose(batch.explanations.values, -model.decision_function(frame))

    def test_explain_a_bare_regressor(self) -> None:
        frame = applicants(200)[["income", "debts"]]
        model = RandomForestRegressor(n_estimators=10, random_state=0).fit(frame, frame["debts"])
        batch = ModelProcedure(model, ["income", "debts"], 2.0, "high", "low").evaluate_frame(frame)
        assert batch.explanations.space is Space.identity
        np.testing.assert_allclose(batch.explanations.values, model.predict(frame), atol=1e-9)


class TestExplanationValues:
    def test_round_trip_through_json(self) -> None:
        trace = Explanation.rule_trace([RuleCheck("resident", True, "art. 2", "lives here")])
        assert Explanation.from_json_dict(json.loads(json.dumps(trace.to_json_dict()))) == trace
        procedure = ModelProcedure(fitted(credit_pipeline()), FEATURES, 0.5, "a", "b")
        linear = procedure.evaluate(applicants(1).iloc[0].to_dict()).explanation
        assert Explanation.from_json_dict(json.loads(json.dumps(linear.to_json_dict()))) == linear

    def test_a_batch_row_is_the_single_explanation_bit_for_bit(self) -> None:
        frame = applicants(200)
        procedure = ModelProcedure(fitted(credit_pipeline()), FEATURES, 0.5, "a", "b")
        batch = procedure.evaluate_frame(frame)
        singles = [procedure.evaluate(row) for row in frame.to_dict("records")]
        # The same score in both paths, so an outcome never depends on the way in.
        assert [s.score for s in singles] == batch.scores.tolist()
        assert [batch[i] for i in range(len(frame))] == singles
        picked = batch.take(np.array([3, 5]))
        assert len(picked) == 2 and picked[1].explanation == batch[5].explanation
        assert len(list(batch.explanations)) == len(frame)
