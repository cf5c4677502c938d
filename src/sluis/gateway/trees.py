"""SHAP contributions of tree models (decision trees, random forests, gradient boosting).

SHAP's TreeExplainer computes exact Shapley values for tree ensembles; they add up to the
model's output minus its expected output (``base``). Behind a pipeline, the values of the
columns one input feature became (say its one-hot columns) are added up, which keeps the
sum exact. The space is the one SHAP explains the model in: probabilities for forests,
log-odds for gradient-boosted classifiers, the prediction for regressors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from sklearn.ensemble import (
    ExtraTreesClassifier,
    ExtraTreesRegressor,
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.tree import BaseDecisionTree

from sluis.gateway.explanation import (
    BatchExplanation,
    Explanation,
    ExplanationKind,
    ModelFailed,
    Space,
    UnsupportedModel,
)
from sluis.gateway.pipelines import output_columns, split_pipeline

TREE_MODELS = (
    BaseDecisionTree,
    RandomForestClassifier,
    RandomForestRegressor,
    ExtraTreesClassifier,
    ExtraTreesRegressor,
    GradientBoostingClassifier,
    GradientBoostingRegressor,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
)

_SPACES = {
    "probability": Space.probability,
    "log_odds": Space.log_odds,
    "raw_value": Space.identity,
}


def is_tree(final: object) -> bool:
    return isinstance(final, TREE_MODELS)


class TreeExplainer:
    """Scores and SHAP contributions of a tree model (or a pipeline ending in one)."""

    kind = ExplanationKind.shap_contributions

    def __init__(self, model: object, features: Sequence[str], *, score_class: object = None):
        self.features = tuple(features)
        steps, (name, final) = split_pipeline(model)
        columns = output_columns(steps, self.features)
        self._prepare = model[:-1] if steps else None  # type: ignore[index]
        self.final = final
        self._names = getattr(final, "feature_names_in_", None) is not None
        # Adds up the SHAP values of the columns each feature became: (columns x features).
        self._group = np.zeros((len(columns), len(self.features)))
        for k, column in enumerate(columns):
            self._group[k, column.feature] = 1.0
        import shap  # slow to import: only when a tree model is actually used

        self._shap = shap.TreeExplainer(final)
        self.space = _SPACES.get(self._shap.model.tree_output, Space.identity)
        self._class, self._sign = _class_choice(name, final, score_class, self.space)
        expected = np.atleast_1d(np.asarray(self._shap.expected_value, dtype=np.float64))
        self.base = float(self._sign * expected[self._class if expected.size > 1 else 0])

    def _matrix(self, frame: pd.DataFrame) -> np.ndarray | pd.DataFrame:
        x = frame.reindex(columns=list(self.features))
        if self._prepare is not None:
            x = self._prepare.transform(x)
            x = x.toarray() if hasattr(x, "toarray") else np.asarray(x)
        elif not self._names:
            x = x.to_numpy()
        return x

    def explain_frame(self, frame: pd.DataFrame) -> tuple[np.ndarray, BatchExplanation]:
        try:
            x = self._matrix(frame)
            if hasattr(self.final, "predict_proba"):
                scores = np.asarray(self.final.predict_proba(x))[:, self._class]
            else:
                scores = np.asarray(self.final.predict(x), dtype=np.float64).reshape(-1)
            values = np.asarray(self._shap.shap_values(x, check_additivity=False))
        except Exception as exc:
            raise ModelFailed(f"the model failed on the inputs ({type(exc).__name__})") from None
        if values.ndim == 3:
            values = values[:, :, self._class]
        contributions = self._sign * values @ self._group
        batch = BatchExplanation(
            self.kind,
            features=self.features,
            contributions=contributions,
            base=self.base,
            values=self.base + contributions.sum(axis=1),
            space=self.space,
        )
        return scores, batch

    def explain_one(self, inputs: Mapping[str, object]) -> tuple[float, Explanation]:
        row = pd.DataFrame([[inputs.get(f) for f in self.features]], columns=list(self.features))
        scores, batch = self.explain_frame(row.infer_objects())
        return float(scores[0]), batch[0]


def _class_choice(name: str, final: object, score_class: object, space: Space) -> tuple[int, float]:
    """Which class the score and the SHAP values are of, and the sign that turns the
    explained output into that class's."""
    classes = getattr(final, "classes_", None)
    if classes is None:
        return 0, 1.0
    classes = list(classes)
    wanted = classes[-1] if score_class is None else score_class
    if wanted not in classes:
        raise ValueError(f"score_class is not one of the model's classes {classes}")
    index = classes.index(wanted)
    if space is Space.log_odds:
        if len(classes) != 2:
            raise UnsupportedModel(name, "boosted trees are explained only for two classes")
        return index, 1.0 if index == 1 else -1.0
    return index, 1.0


__all__ = ["TREE_MODELS", "TreeExplainer", "is_tree"]
