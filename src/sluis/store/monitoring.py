"""Erasing fairness-monitoring rows with the records they belong to: by the destroyed key
(shredding a subject) or by decision (a job that erases records one by one).

Kept in the storage layer, apart from ``sluis.fairness`` (which loads the statistics
libraries), so the gateway's erasure path stays light to import.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, delete, select

from sluis.store.dbapi import RawTransaction
from sluis.store.tables.fairness import GroundTruthRow, MonitoringAttributesRow
from sluis.store.tables.gateway import DecisionRow

_decisions = DecisionRow.__table__
_OF_KEY = select(_decisions.c.id).where(_decisions.c.key_id == bindparam("b_key_id"))
_TABLES = (MonitoringAttributesRow.__table__, GroundTruthRow.__table__)
_ERASE = tuple(delete(table).where(table.c.decision_uuid.in_(_OF_KEY)) for table in _TABLES)
_ERASE_DECISIONS = tuple(
    delete(table).where(table.c.decision_uuid.in_(bindparam("b_ids", expanding=True)))
    for table in _TABLES
)


def erase_monitoring(tx: RawTransaction, key_id: str) -> None:
    """Delete the group labels and ground truth of every record the destroyed key
    ``key_id`` sealed (``sluis.gateway.stored.shred_subject`` calls this in its
    transaction)."""
    for statement in _ERASE:
        tx.execute(statement, {"b_key_id": key_id})


def erase_monitoring_of(connection: Connection, decision_uuids: Sequence[str]) -> int:
    """Delete the group labels and ground truth of these decision records, in the
    transaction of ``connection`` (e.g. ``session.connection()``), for a job that erases
    records itself, such as the retention job. Returns how many rows went."""
    deleted = 0
    for start in range(0, len(decision_uuids), 500):
        part = list(decision_uuids[start : start + 500])
        for statement in _ERASE_DECISIONS:
            deleted += connection.execute(statement, {"b_ids": part}).rowcount
    return deleted


__all__ = ["erase_monitoring", "erase_monitoring_of"]
