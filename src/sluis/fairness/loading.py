"""Reading what the fairness analyses need from storage, vectorised.

Two reads per algorithm, neither decrypting anything:

- ``counts``: every decision of the algorithm counted by decision, profile version,
  outcome and month (one aggregate query; outcomes are kept in the clear for statistics);
- ``rows``: one row per decision with recorded group labels: its outcome and score, its
  labels (one column per monitored attribute, missing for unknown) and its ground truth
  (1.0 / 0.0, NaN when none was recorded).

``favourable`` is added from the outcomes each profile version declares (NaN for an
outcome it does not declare favourable or not, and for a wiped outcome).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine, bindparam, func, literal_column, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.review.rows import DECLARED
from sluis.store.dbapi import raw_transaction
from sluis.store.tables.fairness import GroundTruthRow, MonitoringAttributesRow
from sluis.store.tables.gateway import DecisionRow

Sessions = sessionmaker[Session]

_d = DecisionRow.__table__
_a = MonitoringAttributesRow.__table__
_g = GroundTruthRow.__table__

_MONTH = {
    # Timestamps are UTC: SQLite keeps them as ISO text, PostgreSQL as timestamptz.
    "sqlite": func.substr(_d.c.created_at, 1, 7),
    "postgresql": func.to_char(func.timezone("UTC", _d.c.created_at), "YYYY-MM"),
}


def _counts_statement(dialect: str) -> Any:
    month = _MONTH[dialect].label("month")
    return (
        select(_d.c.decision_id, _d.c.profile_version, _d.c.outcome, month, func.count())
        .where(_d.c.profile_id == bindparam("b_profile_id"))
        .group_by(_d.c.decision_id, _d.c.profile_version, _d.c.outcome, literal_column("month"))
    )


_COUNTS = {name: _counts_statement(name) for name in _MONTH}
_ROWS = (
    select(
        _a.c.decision_uuid,
        _d.c.decision_id,
        _d.c.profile_version,
        _d.c.outcome,
        _d.c.score,
        _a.c.labels,
        _g.c.deserved_favourable,
    )
    .select_from(_a.join(_d, _d.c.id == _a.c.decision_uuid))
    .outerjoin(_g, _g.c.decision_uuid == _a.c.decision_uuid)
    .where(_a.c.profile_id == bindparam("b_profile_id"))
    # A fixed order (ids ascend with time): the same records give the same sample for the
    # cluster search, on every backend.
    .order_by(_a.c.decision_uuid)
)
_LABELLED = select(func.count()).where(_g.c.profile_id == bindparam("b_profile_id"))


@dataclass(frozen=True)
class MonitoringData:
    """What one algorithm's monitoring reads (see the module's docstring)."""

    profile_id: str
    counts: pd.DataFrame  # decision_id, profile_version, outcome, month, n, favourable
    rows: pd.DataFrame  # decision_uuid, decision_id, profile_version, outcome, score,
    #                     one column per attribute, deserved, favourable
    labelled: int  # ground truths recorded (also for decisions without labels)

    def decision_ids(self) -> list[str]:
        return sorted(set(self.counts["decision_id"]))


def _engine(sessions: Sessions) -> Engine:
    engine = sessions.kw.get("bind")
    if not isinstance(engine, Engine):
        raise TypeError("the session factory must be bound to an engine")
    return engine


def _labels(values: Sequence[Any], attributes: Sequence[str]) -> pd.DataFrame:
    # The raw cursor hands out JSON as text on SQLite, already parsed on PostgreSQL.
    parsed = [json.loads(v) if isinstance(v, str | bytes) else (v or {}) for v in values]
    columns = {name: pd.Series([p.get(name) for p in parsed], dtype=object) for name in attributes}
    return pd.DataFrame(columns, index=range(len(parsed)))


def favourable_flags(sessions: Sessions, profile_id: str, frame: pd.DataFrame) -> np.ndarray:
    """1.0 / 0.0 per row as the row's profile version declares its outcome, NaN where it
    does not say (or the outcome was wiped)."""
    out = np.full(len(frame), np.nan)
    if frame.empty:
        return out
    keys = frame[["profile_version", "decision_id"]].drop_duplicates()
    for version, decision_id in keys.itertuples(index=False):
        declared = DECLARED.of(sessions, profile_id, int(version), str(decision_id))
        known = {k: float(v) for k, v in declared.items() if v is not None}
        rows = (frame["profile_version"] == version) & (frame["decision_id"] == decision_id)
        mapped = frame.loc[rows, "outcome"].map(known)
        out[rows.to_numpy(bool)] = mapped.to_numpy(float)
    return out


def load(sessions: Sessions, profile_id: str, attributes: Sequence[str]) -> MonitoringData:
    """Read one algorithm's decisions for monitoring (see the module's docstring)."""
    params = {"b_profile_id": profile_id}
    with raw_transaction(_engine(sessions), immediate=False) as tx:
        counted = tx.execute(_COUNTS[tx.dialect.name], params).fetchall()
        found = tx.execute(_ROWS, params).fetchall()
        labelled = int(tx.execute(_LABELLED, params).fetchone()[0])
    counts = pd.DataFrame(
        counted, columns=["decision_id", "profile_version", "outcome", "month", "n"]
    )
    counts["favourable"] = favourable_flags(sessions, profile_id, counts)
    base = pd.DataFrame(
        [r[:5] for r in found],
        columns=["decision_uuid", "decision_id", "profile_version", "outcome", "score"],
    )
    labels = _labels([r[5] for r in found], attributes)
    truth = pd.Series([r[6] for r in found], dtype=object)
    rows = pd.concat([base, labels], axis=1)
    # SQLite gives 0/1, PostgreSQL bools: both map (True == 1, False == 0).
    rows["deserved"] = truth.map({True: 1.0, False: 0.0}).astype(float)
    rows["favourable"] = favourable_flags(sessions, profile_id, rows)
    return MonitoringData(profile_id, counts, rows, labelled)


__all__ = ["MonitoringData", "favourable_flags", "load"]
