"""What the meaningfulness metrics see of one review act: no personal data, only who
reviewed, how, how long and with what result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ReviewAction(StrEnum):
    """What a reviewer can do with a case, all on equal footing."""

    confirm = "confirm"  # the proposed outcome stands
    override = "override"  # the reviewer decides another outcome
    request_information = "request_information"  # more information is needed first
    escalate = "escalate"  # a more senior reviewer must decide
    agree = "agree"  # four-eyes: the second reviewer agrees with the first
    disagree = "disagree"  # four-eyes: the second reviewer does not


class CaseKind(StrEnum):
    initial = "initial"  # a decision the law does not let take effect without a human
    contest = "contest"  # the person contested a decision (art. 22(3)): a new reviewer
    control = "control"  # planted by the privacy officer with a known right answer


class OpenedItem(StrEnum):
    """Parts of a case a reviewer can open; opening them is recorded."""

    inputs = "inputs"
    explanation = "explanation"
    submissions = "submissions"
    history = "history"
    recommendation = "recommendation"


@dataclass(frozen=True)
class ReviewFact:
    """One review act as the metrics see it.

    ``model_outcome`` is what the procedure proposed; ``final_outcome`` what the reviewer
    decided (None for acts that decide nothing: requesting information, escalating).
    ``*_favourable`` come from the outcomes the profile declares (None when undeclared).
    ``group`` is the group of people the case belongs to for fairness of review (None when
    the algorithm declares no group attribute). ``control_expected`` is set only for a
    control case: the outcome the privacy officer knows to be right.
    """

    case_id: str
    decision_uuid: str
    profile_id: str
    decision_id: str
    reviewer_id: str
    decided_at: datetime
    action: ReviewAction
    model_outcome: str | None
    final_outcome: str | None
    model_favourable: bool | None
    final_favourable: bool | None
    seconds_spent: float
    opened: frozenset[OpenedItem]
    group: str | None = None
    control_expected: str | None = None
    kind: CaseKind = CaseKind.initial
    round: int = 0
    first_view: str | None = None
    """The outcome the reviewer recorded before the recommendation was shown to them
    (policies with ``hide_recommendation``), else None."""

    @property
    def decides(self) -> bool:
        """Whether the act settled an outcome (confirm, override, or a four-eyes agree)."""
        return self.action in (ReviewAction.confirm, ReviewAction.override, ReviewAction.agree)

    @property
    def agrees_with_model(self) -> bool | None:
        if not self.decides or self.model_outcome is None:
            return None
        return self.final_outcome == self.model_outcome

    @property
    def month(self) -> str:
        return self.decided_at.strftime("%Y-%m")


__all__ = ["CaseKind", "OpenedItem", "ReviewAction", "ReviewFact"]
