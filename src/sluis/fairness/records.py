"""Recording what fairness monitoring needs per decision, apart from the decision itself:
the subject's group labels (``fairness_attributes``) and the ground truth a later check
gave (``fairness_ground_truth``); deleting them after their retention and with the person.

Why the labels are kept as coarse groups in the clear, linked by decision id only, is set
out in ``sluis.store.tables.fairness``. Here the rules on the way in:

- the algorithm must declare ``monitoring`` in its profile, and every attribute given
  must be one it declares, with a value among the attribute's declared groups (or left
  empty: unknown);
- every decision must be a decision of that algorithm whose subject was not erased
  (recording labels for an erased person would bring back data about them);
- a ground truth is a yes/no (was the favourable outcome the right one?) with its source.

Erasure with the person is ``sluis.store.monitoring.erase_monitoring``.

Bad input is refused whole, with every problem named by item and field and never the
value given; nothing is written then. Recording again replaces what was recorded for a
decision. Each call is one transaction with a ``monitoring_recorded`` audit event (counts
only).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta
from sqlalchemy import Engine, bindparam, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit import AuditEvent, append_events
from sluis.fairness.inputs import Problem
from sluis.profiles.model import Monitoring
from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.store.dbapi import RawTransaction, raw_transaction
from sluis.store.tables.base import utcnow
from sluis.store.tables.fairness import (
    TRUTH_SOURCES,
    GroundTruthRow,
    MonitoringAttributesRow,
)
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow

Sessions = sessionmaker[Session]
MAX_PROBLEMS = 200
_CHUNK = 5_000

_attributes = MonitoringAttributesRow.__table__
_truth = GroundTruthRow.__table__
_decisions = DecisionRow.__table__
_keys = SubjectKeyRow.__table__


def _upsert(table: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql)):
        statement = dialect.insert(table)
        out[name] = statement.on_conflict_do_update(
            index_elements=[table.c.decision_uuid],
            set_={c: statement.excluded[c] for c in columns},
        )
    return out


_UPSERT_ATTRIBUTES = _upsert(_attributes, ("profile_id", "labels", "recorded_at"))
_UPSERT_TRUTH = _upsert(_truth, ("profile_id", "deserved_favourable", "source", "recorded_at"))
_PURGE = tuple(
    delete(table).where(
        table.c.profile_id == bindparam("b_profile_id"),
        table.c.recorded_at < bindparam("b_cutoff", type_=table.c.recorded_at.type),
    )
    for table in (_attributes, _truth)
)


class MonitoringRefused(ValueError):
    """A request the monitoring refuses; nothing was written. ``status``: 404 for an
    unknown algorithm, 422 for bad input (every problem in ``problems``)."""

    def __init__(self, problems: Sequence[Problem], status: int = 422) -> None:
        self.problems = tuple(problems)
        self.status = status
        super().__init__("; ".join(f"{p.field}: {p.message} [{p.rule}]" for p in self.problems))


@dataclass(frozen=True)
class Purged:
    attributes: int
    ground_truth: int


def monitoring_of(sessions: Sessions, profile_id: str) -> tuple[Monitoring, int]:
    """The newest profile version's monitoring section and that version; refuses an
    unknown algorithm (404) or one that declares no monitoring (422)."""
    try:
        stored = get_profile(sessions, profile_id)
    except ProfileNotFound:
        raise MonitoringRefused(
            [Problem("algorithm", "unknown_profile", "no algorithm has this id")], 404
        ) from None
    if stored.profile.monitoring is None:
        problem = Problem(
            "monitoring", "not_declared", "the profile declares no fairness monitoring"
        )
        raise MonitoringRefused([problem])
    return stored.profile.monitoring, stored.version


def _engine(sessions: Sessions) -> Engine:
    engine = sessions.kw.get("bind")
    if not isinstance(engine, Engine):
        raise TypeError("the session factory must be bound to an engine")
    return engine


def _as_frame(items: pd.DataFrame | Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    if isinstance(items, pd.DataFrame):
        return items.reset_index(drop=True)
    return pd.DataFrame(list(items))


class _Problems:
    """Problems found so far, capped so a million bad rows make a readable answer."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.more = 0

    def add(self, field: str, rule: str, message: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(field, rule, message))
        else:
            self.more += 1

    def rows(self, mask: np.ndarray, column: str, rule: str, message: str) -> None:
        for i in np.flatnonzero(mask):
            self.add(f"items[{i}].{column}", rule, message)

    def refuse(self) -> None:
        if self.items:
            found = list(self.items)
            if self.more:
                found.append(Problem("items", "more", f"{self.more} more problems not listed"))
            raise MonitoringRefused(found)


def _decision_ids(frame: pd.DataFrame, problems: _Problems) -> tuple[list[str], np.ndarray]:
    """The ids (lower case) and which of them are well-formed and unique."""
    if frame.empty:
        problems.add("items", "empty", "give at least one item")
        return [], np.zeros(0, dtype=bool)
    if "decision" not in frame.columns:
        problems.add("items", "required", "every item needs its 'decision' (the decision id)")
        return [], np.zeros(0, dtype=bool)
    column = frame["decision"]
    text = column.where(column.notna(), "").astype(str).str.strip().str.lower()
    valid = text.str.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    problems.rows(~valid.to_numpy(bool), "decision", "uuid", "not a decision id")
    repeated = (text.duplicated() & valid).to_numpy(bool)
    problems.rows(repeated, "decision", "unique", "appears more than once")
    return text.tolist(), valid.to_numpy(bool) & ~repeated


def _live_decisions(tx: RawTransaction, profile_id: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` are decisions of ``profile_id`` whose data still exist: the
    subject's key lives and the record's outcome was not wiped. Shredding destroys the key
    and wipes the outcome of every record it sealed, so a record of an erased subject
    stays erased even after a later decision gave them a new key. (Read without the key
    id: it is stored after the payload, and reading it would read every payload.)"""
    rows = tx.select_in(
        _decisions,
        ["id", "subject_pseudonym", "outcome"],
        "id",
        ids,
        {"profile_id": profile_id},
    )
    pseudonyms = sorted({r[1] for r in rows})
    live_keys = {
        p
        for p, wrapped in tx.select_in(_keys, ["pseudonym", "wrapped_key"], "pseudonym", pseudonyms)
        if wrapped is not None
    }
    return {r[0] for r in rows if r[1] in live_keys and r[2] is not None}


def _check_decisions(
    tx: RawTransaction, profile_id: str, ids: list[str], valid: np.ndarray, problems: _Problems
) -> None:
    """Well-formed ids must name live decisions of the algorithm (the others are named
    already)."""
    known = _live_decisions(tx, profile_id, [i for i, ok in zip(ids, valid, strict=True) if ok])
    missing = valid & np.array([i not in known for i in ids], dtype=bool)
    problems.rows(
        missing,
        "decision",
        "unknown_decision",
        "no decision of this algorithm with a subject whose data still exist",
    )


def _labels(
    frame: pd.DataFrame, monitoring: Monitoring, problems: _Problems
) -> list[dict[str, str]]:
    given = [c for c in frame.columns if c != "decision"]
    for name in given:
        if monitoring.attribute(str(name)) is None:
            problems.add(
                f"attributes.{name}", "undeclared", "not an attribute the profile monitors"
            )
    declared = [a for a in monitoring.attributes if a.name in given]
    columns: dict[str, pd.Series] = {}
    for attribute in declared:
        column = frame[attribute.name]
        missing = column.isna().to_numpy(bool)
        text = column.astype(object).where(column.notna(), None)
        bad = ~missing & ~text.isin(attribute.groups).to_numpy(bool)
        problems.rows(
            bad,
            f"attributes.{attribute.name}",
            "group_unknown",
            "not one of the groups the profile declares for this attribute",
        )
        columns[attribute.name] = text
    if not columns:
        return [{} for _ in range(len(frame))]
    table = pd.DataFrame(columns)
    return [{k: v for k, v in row.items() if v is not None} for row in table.to_dict("records")]


def _truths(frame: pd.DataFrame, problems: _Problems) -> tuple[list[bool], list[str]]:
    for column in ("deserved_favourable", "source"):
        if column not in frame.columns:
            problems.add(f"items.{column}", "required", "every item needs this field")
    extra = [c for c in frame.columns if c not in ("decision", "deserved_favourable", "source")]
    for name in extra:
        problems.add(f"items.{name}", "unknown_field", "not a field of a ground truth")
    if "deserved_favourable" not in frame.columns or "source" not in frame.columns:
        return [], []
    deserved = frame["deserved_favourable"]
    is_bool = deserved.map(lambda v: isinstance(v, bool | np.bool_)).to_numpy(bool)
    problems.rows(~is_bool, "deserved_favourable", "boolean", "expected true or false")
    source = frame["source"]
    known = source.isin(TRUTH_SOURCES).to_numpy(bool)
    problems.rows(~known, "source", "one_of", f"expected one of {', '.join(TRUTH_SOURCES)}")
    return [bool(v) for v in deserved.tolist()], [str(v) for v in source.tolist()]


def _write(
    tx: RawTransaction,
    statement: dict[str, Any],
    constants: dict[str, Any],
    columns: dict[str, list[Any]],
    profile_id: str,
    kind: str,
) -> None:
    """Upsert the rows, built column-wise (the constants converted once), and audit."""
    upsert = statement[tx.dialect.name]
    prepared = tx.prepared(upsert)
    count = len(next(iter(columns.values())))
    for start in range(0, count, _CHUNK):
        part = {name: values[start : start + _CHUNK] for name, values in columns.items()}
        tx.executemany_bound(upsert, prepared.rows(constants, part))
    details = {"kind": kind, "rows": count}
    append_events(tx, [AuditEvent("monitoring_recorded", profile_id, None, details)])


def record_attributes(
    sessions: Sessions,
    profile_id: str,
    items: pd.DataFrame | Sequence[Mapping[str, Any]],
    *,
    now: datetime | None = None,
) -> int:
    """Record the group labels of decisions of ``profile_id``: one item (row) per decision
    with its id in ``decision`` and one column per monitored attribute (missing: unknown).
    Returns how many decisions were recorded; raises :class:`MonitoringRefused`."""
    monitoring, _ = monitoring_of(sessions, profile_id)
    frame = _as_frame(items)
    problems = _Problems()
    ids, valid = _decision_ids(frame, problems)
    labels = _labels(frame, monitoring, problems) if ids else []
    now = now or utcnow()
    with raw_transaction(_engine(sessions)) as tx:
        if ids:
            _check_decisions(tx, profile_id, ids, valid, problems)
        problems.refuse()
        _write(
            tx,
            _UPSERT_ATTRIBUTES,
            {"profile_id": profile_id, "recorded_at": now},
            {"decision_uuid": ids, "labels": labels},
            profile_id,
            "attributes",
        )
    return len(ids)


def record_ground_truth(
    sessions: Sessions,
    profile_id: str,
    items: pd.DataFrame | Sequence[Mapping[str, Any]],
    *,
    now: datetime | None = None,
) -> int:
    """Record what later checks found: per item a ``decision``, ``deserved_favourable``
    (was the favourable outcome the right one: a manual check after a risk selection that
    found nothing, an objection against a refusal that was upheld) and its ``source``
    (one of ``TRUTH_SOURCES``). Returns how many; raises :class:`MonitoringRefused`."""
    monitoring_of(sessions, profile_id)
    frame = _as_frame(items)
    problems = _Problems()
    ids, valid = _decision_ids(frame, problems)
    deserved, sources = _truths(frame, problems) if ids else ([], [])
    now = now or utcnow()
    with raw_transaction(_engine(sessions)) as tx:
        if ids:
            _check_decisions(tx, profile_id, ids, valid, problems)
        problems.refuse()
        _write(
            tx,
            _UPSERT_TRUTH,
            {"profile_id": profile_id, "recorded_at": now},
            {"decision_uuid": ids, "deserved_favourable": deserved, "source": sources},
            profile_id,
            "ground_truth",
        )
    return len(ids)


def purge_expired(sessions: Sessions, profile_id: str, *, now: datetime | None = None) -> Purged:
    """Delete the algorithm's labels and ground truth recorded longer ago than its
    monitoring's ``retention_months`` (GDPR art. 5(1)(e)), with a ``monitoring_purged``
    audit event when anything went. Raises :class:`MonitoringRefused`."""
    monitoring, _ = monitoring_of(sessions, profile_id)
    cutoff = (now or utcnow()) - relativedelta(months=monitoring.retention_months)
    counts = []
    with raw_transaction(_engine(sessions)) as tx:
        for statement in _PURGE:
            found = tx.execute(statement, {"b_profile_id": profile_id, "b_cutoff": cutoff})
            counts.append(int(found.rowcount))
        if any(counts):
            details = {"attributes": counts[0], "ground_truth": counts[1]}
            append_events(tx, [AuditEvent("monitoring_purged", profile_id, None, details)])
    return Purged(*counts)


__all__ = [
    "MAX_PROBLEMS",
    "MonitoringRefused",
    "Purged",
    "monitoring_of",
    "purge_expired",
    "record_attributes",
    "record_ground_truth",
]
