"""Which retention duties stand in the way of erasing a person's data. Pure: no I/O.

GDPR art. 17(3)(b): the right to erasure gives way where the controller must keep the
data to comply with a legal obligation (a fiscal retention duty, recovery of unduly paid
benefits). A profile's retention period that states a justification is read as such a
duty: it names why the data must be kept. A period without one is only a maximum (art.
5(1)(e)) and never stands in the way of erasure.

Sluis erases by destroying the person's key (crypto-shredding), which makes all their
data unreadable at once; it cannot erase one category and keep another. So while any duty
runs, erasure waits as a whole, and the answer names every duty and when it ends.

A legal hold does the same (art. 17(3)(e): the data are needed to establish, exercise or
defend legal claims): while one stands on the person or on an algorithm that decided
about them, nothing is erased, and the answer says so, without the hold's own reason
(which may name a case).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sluis.law.citations import Citation, gdpr
from sluis.law.deadlines import add_months
from sluis.profiles.model import AlgorithmProfile

ART_17_3_B = gdpr("17(3)(b)")
ART_17_3_E = gdpr("17(3)(e)")
STORAGE_LIMITATION = gdpr("5(1)(e)")


@dataclass(frozen=True)
class HeldDecision:
    """A decision about the person, with the profile version it was taken under."""

    decision_uuid: str
    profile: AlgorithmProfile
    decision_id: str
    taken_on: date


@dataclass(frozen=True)
class RetentionDuty:
    """A duty to keep one category of data of one decision until ``until`` (inclusive)."""

    profile_id: str
    algorithm: str
    decision_uuid: str
    data_category: str
    justification: str
    until: date
    article: Citation = ART_17_3_B

    def to_json_dict(self) -> dict[str, str]:
        return {
            "profile_id": self.profile_id,
            "algorithm": self.algorithm,
            "decision": self.decision_uuid,
            "data_category": self.data_category,
            "justification": self.justification,
            "until": self.until.isoformat(),
            "article": str(self.article),
        }


@dataclass(frozen=True)
class LegalHoldOn:
    """A standing legal hold (``sluis.retention.holds``) over the person's data: on the
    person themselves, or on an algorithm that decided about them (``algorithm`` its
    name). While it stands, the data are needed for legal claims: art. 17(3)(e)."""

    algorithm: str | None
    article: Citation = ART_17_3_E

    def to_json_dict(self) -> dict[str, str | None]:
        return {"algorithm": self.algorithm, "article": str(self.article)}


def holds_over(
    held: Iterable[HeldDecision], subject_held: bool, algorithms_held: Iterable[str]
) -> list[LegalHoldOn]:
    """The holds that keep the person's data: one on the person, and one per held
    algorithm that decided about them (by name, each once)."""
    held_ids = set(algorithms_held)
    names = sorted({h.profile.name for h in held if h.profile.id in held_ids})
    found = [LegalHoldOn(None)] if subject_held else []
    return found + [LegalHoldOn(name) for name in names]


def categories_used(profile: AlgorithmProfile, decision_id: str) -> list[str]:
    decision = next((d for d in profile.decisions if d.id == decision_id), None)
    fields = profile.fields_used_by(decision) if decision is not None else profile.data_fields
    return sorted({f.category for f in fields})


def standing_duties(held: Iterable[HeldDecision], on: date) -> list[RetentionDuty]:
    """The duties that still run on ``on``, earliest end first."""
    duties = []
    for item in held:
        used = set(categories_used(item.profile, item.decision_id))
        for period in item.profile.retention:
            if period.data_category not in used or not (period.justification or "").strip():
                continue
            until, _ = add_months(item.taken_on, period.months)
            if until >= on:
                duties.append(
                    RetentionDuty(
                        item.profile.id,
                        item.profile.name,
                        item.decision_uuid,
                        period.data_category,
                        period.justification.strip(),  # type: ignore[union-attr]
                        until,
                    )
                )
    return sorted(duties, key=lambda d: (d.until, d.profile_id, d.data_category))


__all__ = [
    "ART_17_3_B",
    "ART_17_3_E",
    "HeldDecision",
    "LegalHoldOn",
    "RetentionDuty",
    "categories_used",
    "holds_over",
    "standing_duties",
]
