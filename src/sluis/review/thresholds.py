"""When the meaningfulness metrics raise an alert: the thresholds, their defaults, and
reading them from an algorithm's review policy. Pure."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from sluis.review.facts import OpenedItem
from sluis.review.metrics import MetricsConfig


@dataclass(frozen=True)
class ReviewThresholds:
    """When a metric raises an alert. The first two come from the issue that asked for
    these alerts; the others are Sluis's defaults, to be set by the privacy officer."""

    max_agreement: float = 0.98
    min_decisions_for_agreement: int = 200
    min_median_seconds: float = 20.0
    max_fast_share: float = 0.25
    min_decisions_for_time: int = 30
    min_catch_rate: float = 0.8
    min_control_cases: int = 5
    min_opened_share: tuple[tuple[OpenedItem, float], ...] = (
        (OpenedItem.explanation, 0.5),
        (OpenedItem.inputs, 0.5),
    )
    min_decisions_for_opened: int = 30

    def __post_init__(self) -> None:
        shares = {
            "max_agreement": self.max_agreement,
            "max_fast_share": self.max_fast_share,
            "min_catch_rate": self.min_catch_rate,
            **{f"min_opened_share.{item.value}": v for item, v in self.min_opened_share},
        }
        for name, value in shares.items():
            if not 0 <= value <= 1:
                raise ValueError(f"{name} must be a share between 0 and 1")
        if not (self.min_median_seconds >= 0 and math.isfinite(self.min_median_seconds)):
            raise ValueError("min_median_seconds must be a number of seconds, 0 or more")
        minimums = {
            "min_decisions_for_agreement": self.min_decisions_for_agreement,
            "min_decisions_for_time": self.min_decisions_for_time,
            "min_control_cases": self.min_control_cases,
            "min_decisions_for_opened": self.min_decisions_for_opened,
        }
        for name, value in minimums.items():
            if value < 1:
                raise ValueError(f"{name} must be at least 1")


class ThresholdsInvalid(ValueError):
    """Stored thresholds that do not fit; each problem names its field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class AlertSettings:
    """Thresholds and the metrics' own setting (what counts as fast), as one algorithm's
    review policy sets them; what the policy leaves out keeps its default."""

    thresholds: ReviewThresholds = field(default_factory=ReviewThresholds)
    metrics: MetricsConfig = field(default_factory=MetricsConfig)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> AlertSettings:
        """From a policy's ``thresholds``: the field names of :class:`ReviewThresholds`
        and ``fast_seconds``; ``min_opened_share`` maps opened items to shares. Raises
        :class:`ThresholdsInvalid` listing every problem."""
        problems: list[str] = []
        known = {f.name: f for f in fields(ReviewThresholds)}
        chosen: dict[str, Any] = {}
        for name, value in values.items():
            where = f"thresholds.{name}"
            if name == "fast_seconds":
                continue
            if name not in known:
                problems.append(f"{where}: unknown threshold")
            elif name == "min_opened_share":
                chosen[name] = _opened_shares(value, where, problems)
            elif not _is_number(value):
                problems.append(f"{where}: must be a number")
            elif name.startswith("min_decisions") or name == "min_control_cases":
                if value != int(value):
                    problems.append(f"{where}: must be a whole number")
                chosen[name] = int(value)
            else:
                chosen[name] = float(value)
        fast = values.get("fast_seconds")
        if fast is not None and not _is_number(fast):
            problems.append("thresholds.fast_seconds: must be a number")
        if not problems:
            try:
                return cls(
                    ReviewThresholds(**chosen),
                    MetricsConfig(float(fast)) if fast is not None else MetricsConfig(),
                )
            except ValueError as exc:
                problems.append(f"thresholds.{exc}")
        raise ThresholdsInvalid(problems)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _opened_shares(
    value: object, where: str, problems: list[str]
) -> tuple[tuple[OpenedItem, float], ...]:
    if not isinstance(value, Mapping):
        problems.append(f"{where}: must map opened items to shares")
        return ()
    shares = []
    for key, share in value.items():
        if key not in {item.value for item in OpenedItem}:
            problems.append(f"{where}.{key}: unknown opened item")
        elif not _is_number(share):
            problems.append(f"{where}.{key}: must be a number")
        else:
            shares.append((OpenedItem(key), float(share)))
    return tuple(sorted(shares))
