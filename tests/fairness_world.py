"""Fairness monitoring's test setting: the review desk's allowance algorithm with a
``monitoring`` section, real decisions through the gateway, and group labels recorded
apart from them, with a disparity planted where a test asks for one (used by
tests/fairness, tests/web and tests/cli)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session, sessionmaker

from review_desk import FINAL, PENDING, PROFILE, make_gateway, profile_document
from sluis.assessment.service import register_and_assess
from sluis.fairness.records import record_attributes, record_ground_truth
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile

ORIGINS = ("NL", "EU", "non-EU")
AGES = ("18-34", "35-64", "65+")
MONITORING: dict[str, Any] = {
    "attributes": [
        {
            "name": "origin",
            "ground": "race_or_origin",
            "groups": list(ORIGINS),
            "special_category": "racial_or_ethnic_origin",
        },
        {"name": "age_band", "ground": "age", "groups": list(AGES)},
    ],
    "legal_basis": {"article6": "legal_obligation", "law": "Algemene wet gelijke behandeling"},
    "art9_exception": "g",
    "retention_months": 24,
}


def monitored_document() -> dict[str, Any]:
    return {**profile_document(), "monitoring": MONITORING}


def set_up(sessions: sessionmaker[Session], data_dir: Path) -> Gateway:
    """The allowance algorithm registered with monitoring, and a gateway bound to it."""
    register_and_assess(sessions, AlgorithmProfile.model_validate(monitored_document()))
    return make_gateway(sessions, data_dir)


def applicants(
    n: int, seed: int, granted: Mapping[str, float] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` applications and each applicant's groups. The rules grant a tenant whose
    income per person is at most 900; ``granted`` sets, per origin, the share whose
    income is low enough (default 0.6 for everyone: no disparity)."""
    rng = np.random.default_rng(seed)
    origin = rng.choice(ORIGINS, size=n, p=[0.6, 0.25, 0.15])
    age = rng.choice(AGES, size=n)
    share = pd.Series(origin).map(lambda o: (granted or {}).get(o, 0.6)).to_numpy(float)
    low = rng.random(n) < share
    per_person = np.where(low, rng.uniform(300, 880, n), rng.uniform(920, 2000, n))
    inputs = pd.DataFrame(
        {
            "subject_id": [f"s{seed}-{i}" for i in range(n)],
            "income": (per_person * 2).round(2),
            "household": 2,
            "housing": "rent",
        }
    )
    return inputs, pd.DataFrame({"origin": origin, "age_band": age})


def decide_and_label(
    gateway: Gateway,
    n: int,
    seed: int,
    granted: Mapping[str, float] | None = None,
    decision: str = FINAL,
) -> pd.DataFrame:
    """Decide ``n`` applications through the gateway and record their subjects' groups;
    returns each decision's id and outcome with the groups."""
    inputs, groups = applicants(n, seed, granted)
    result = gateway.decide_batch(PROFILE, decision, inputs)
    assert not result.bad_rows, result.bad_rows
    labelled = groups.assign(decision=result.decision_ids)
    record_attributes(gateway.sessions, PROFILE, labelled)
    return labelled.assign(outcome=result.rows_frame()["outcome"].to_numpy())


def check_sample(
    sessions: sessionmaker[Session],
    labelled: pd.DataFrame,
    share: float,
    seed: int,
    wrongly_refused: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """A random control sample (``share`` of the decisions) checked by hand: the check
    confirms each outcome, except that a refusal was wrong for the given share of the
    refused people of each origin. Returns the recorded ground truth."""
    rng = np.random.default_rng(seed)
    picked = labelled[rng.random(len(labelled)) < share]
    rate = picked["origin"].map(lambda o: (wrongly_refused or {}).get(o, 0.0)).to_numpy(float)
    granted = (picked["outcome"] == "granted").to_numpy(bool)
    deserved = granted | (rng.random(len(picked)) < rate)
    truth = pd.DataFrame(
        {
            "decision": picked["decision"].to_numpy(),
            "deserved_favourable": deserved,
            "source": "control_sample",
        }
    )
    record_ground_truth(sessions, PROFILE, truth)
    return truth


__all__ = [
    "AGES",
    "FINAL",
    "MONITORING",
    "ORIGINS",
    "PENDING",
    "PROFILE",
    "applicants",
    "check_sample",
    "decide_and_label",
    "monitored_document",
    "set_up",
]
