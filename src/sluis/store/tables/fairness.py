"""Tables of fairness monitoring: the group attributes and ground truth recorded per
decision only to detect bias, the monitoring's stored results, and the privacy officer's
dashboard's last check of the audit chain.

How the attributes are kept, and why so (privacy by design, GDPR art. 25):

- **Apart from the decision.** They are never part of the decision's inputs or payload and
  never reach the decision procedure; the profile refuses a monitoring attribute with the
  name of a data field, and the gateway refuses any input the profile does not declare.
  They are linked to the decision by its id only, not to the subject's pseudonym.
- **As coarse group labels, in the clear.** Each value must be one of the groups the
  profile declares for the attribute (an age band, "EU"/"non-EU"), never a raw value such
  as a birth date or a country. Counting groups over a million decisions must not need a
  million keys unwrapped and every record decrypted: that would put all of it in memory in
  the clear, which is more exposure than a closed list of coarse labels is. Only
  aggregates leave these tables (reports apply a minimum group size); no API reads one
  decision's labels back.
- **Under their own legal basis and retention** (the profile's ``monitoring`` section):
  rows older than the declared months are deleted (``sluis.fairness.records``).
- **Erased with the person.** Shredding a subject's key deletes the rows of every record
  that key sealed, as it wipes the outcome and score (``sluis.gateway.stored``).

The ground truth (the result of a later check: a manual check after a risk selection, an
objection upheld) is kept the same way. Snapshots hold aggregates and alert texts only,
never a label of one person.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sluis.store.tables.base import PROFILE_ID_LENGTH, Base, utcnow
from sluis.store.tables.gateway import DECISION_ID_LENGTH, UUID_LENGTH

TRUTH_SOURCES = ("manual_check", "objection", "control_sample", "other")
SOURCE_LENGTH = 20
ALGORITHM_LENGTH = PROFILE_ID_LENGTH + 1 + DECISION_ID_LENGTH


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class MonitoringAttributesRow(Base):
    """The declared group labels of one decision's subject, e.g. {"age": "25-34"}."""

    __tablename__ = "fairness_attributes"
    __table_args__ = (
        # Reading one algorithm's labels, and deleting those past their retention.
        Index("ix_fairness_attributes_profile_recorded", "profile_id", "recorded_at"),
    )

    decision_uuid: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decisions.id", ondelete="RESTRICT"), primary_key=True
    )
    profile_id: Mapped[str] = mapped_column(String(PROFILE_ID_LENGTH))
    labels: Mapped[dict[str, Any]]
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class GroundTruthRow(Base):
    """What a later check found about one decision: whether the favourable outcome was the
    right one (``deserved_favourable``), and where that comes from."""

    __tablename__ = "fairness_ground_truth"
    __table_args__ = (
        CheckConstraint(_one_of("source", TRUTH_SOURCES), name="source_known"),
        Index("ix_fairness_ground_truth_profile_recorded", "profile_id", "recorded_at"),
    )

    decision_uuid: Mapped[str] = mapped_column(
        String(UUID_LENGTH), ForeignKey("decisions.id", ondelete="RESTRICT"), primary_key=True
    )
    profile_id: Mapped[str] = mapped_column(String(PROFILE_ID_LENGTH))
    deserved_favourable: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(SOURCE_LENGTH))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class FairnessSnapshotRow(Base):
    """One run of the monitoring of one algorithm: counts, alerts and the whole result
    (aggregates only), so pages and the dashboard read it instead of recomputing."""

    __tablename__ = "fairness_snapshots"
    __table_args__ = (
        CheckConstraint("decisions >= 0", name="decisions_not_negative"),
        # The newest run of each algorithm.
        Index("ix_fairness_snapshots_algorithm_computed", "algorithm", "computed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # The profile id, or ``profile:decision`` for a run on one of its decisions.
    algorithm: Mapped[str] = mapped_column(String(ALGORITHM_LENGTH))
    profile_id: Mapped[str] = mapped_column(
        String(PROFILE_ID_LENGTH), ForeignKey("profiles.id", ondelete="CASCADE")
    )
    profile_version: Mapped[int] = mapped_column(Integer)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
    decisions: Mapped[int] = mapped_column(Integer)
    monitored: Mapped[int] = mapped_column(Integer)
    labelled: Mapped[int] = mapped_column(Integer)
    alerts_high: Mapped[int] = mapped_column(Integer)
    alerts_medium: Mapped[int] = mapped_column(Integer)
    review_alerts: Mapped[int] = mapped_column(Integer)
    result: Mapped[dict[str, Any]]


class ChainCheckRow(Base):
    """One verification of the whole audit chain (``sluis.audit.verify_chain``), kept so
    the dashboard shows the last result instead of re-verifying on every load."""

    __tablename__ = "audit_chain_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)
    seconds: Mapped[float] = mapped_column(Float)
    ok: Mapped[bool] = mapped_column(Boolean)
    entries: Mapped[int] = mapped_column(Integer)
    first_broken_seq: Mapped[int | None] = mapped_column(Integer)
    head_seq: Mapped[int | None] = mapped_column(Integer)
    head_hash: Mapped[str | None] = mapped_column(String(64))
