"""What an instrument's own rules conclude, in both readings, next to our assessment.

The verdict shown and exported as *the* verdict is the definition as published (what the
government's form tool gives on the same answers); the intended reading travels with it,
and where it reaches another level both are shown with the notes that explain why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sluis.instruments.rules.assessments import Verdicts
from sluis.instruments.rules.comparison import PRESCAN_DPIA, Comparison, compare_with_assessment
from sluis.instruments.rules.differences import Readings, evaluate_readings
from sluis.instruments.usecases.instances import get_instance
from sluis.instruments.usecases.results import StoredInstance
from sluis.instruments.usecases.storage import Sessions


@dataclass(frozen=True)
class InstrumentVerdict:
    """What the definition's own rules conclude on the answers (as published, with the
    intended reading beside it), and — for an instrument that decides on a DPIA, like the
    pre-scan — how the published verdict compares with Sluis's own assessment."""

    instance_id: int
    version: int
    readings: Readings
    comparison: Comparison | None

    @property
    def verdicts(self) -> Verdicts:
        """*The* verdict: the definition as published."""
        return self.readings.published

    @property
    def differs(self) -> bool:
        return self.readings.differs

    def as_dict(self) -> dict[str, Any]:
        out = self.verdicts.as_dict()
        out["instance_id"] = self.instance_id
        out["version"] = self.version
        out["comparison"] = None if self.comparison is None else self.comparison.as_dict()
        out["readings"] = self.readings.as_dict()
        out["differs"] = self.readings.differs
        return out


def verdict(sessions: Sessions, instance_id: int, version: int | None = None) -> InstrumentVerdict:
    """Evaluate the definition's ``assessments`` on the instrument's (stored) answers."""
    stored = get_instance(sessions, instance_id, version)
    return verdict_for(sessions, stored, stored.answers)


def verdict_for(
    sessions: Sessions, stored: StoredInstance, answers: Mapping[str, Any]
) -> InstrumentVerdict:
    """Evaluate the definition's ``assessments`` on ``answers`` (e.g. unsaved ones on
    screen) in both readings (answers to hidden questions do not count), and compare a DPIA
    verdict as published with our own assessment of the algorithm."""
    from sluis.assessment.service import assess_stored

    readings = evaluate_readings(stored.definition, answers)
    comparison = None
    if readings.published.get(PRESCAN_DPIA) is not None:
        _, assessment = assess_stored(sessions, stored.profile_id)
        comparison = compare_with_assessment(assessment, readings.published)
    return InstrumentVerdict(stored.id, stored.version, readings, comparison)


__all__ = ["InstrumentVerdict", "verdict", "verdict_for"]
