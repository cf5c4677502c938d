"""Meaningfulness metrics: numbers that show whether human review of automated decisions is
real or a rubber stamp (GDPR art. 22(1); CJEU C-634/21 SCHUFA; the Dutch DPA's 2025
guidance on meaningful human intervention).

Pure and deterministic: a sequence of :class:`~sluis.review.facts.ReviewFact` in, frozen
values out, the same numbers for the same facts in any order.

What each number counts (the bases differ on purpose, and the report says so):

- **acts**: every review act in the scope. Requests for information and escalations are
  shares of the acts.
- **decisions**: the acts that settle an outcome: ``confirm``, ``override`` and the
  four-eyes ``agree`` (see :attr:`ReviewFact.decides`). Time spent, fast decisions and the
  parts of the case that were opened are measured over decisions, because the question is
  how a decision was reached; control cases count here too, since reviewers cannot tell
  them from real ones.
- **agreement with the model**: over the ``confirm`` and ``override`` acts on real
  (initial or contest) cases whose proposed outcome is known. An act agrees when its final
  outcome equals the model's outcome, whatever button was pressed. Left out, on purpose:
  *four-eyes acts* (``agree``/``disagree``), because the second reviewer weighs a
  colleague's outcome rather than the model's, and counting them would count one case
  twice; they have their own endorsement rate. *Control cases*, because they are planted
  with a proposal the privacy officer usually knows to be wrong: counting them would lower
  the agreement rate by the number of plants and hide rubber-stamping on real cases; they
  have their own catch rate. Every act that does not agree is an override, sorted by
  direction from the outcomes' ``favourable`` flags, so agreement and overrides add up.
- **first views**: where the policy hides the recommendation until the reviewer has
  recorded an outcome of their own, *blind agreement* is how often that first view equals
  the model's outcome, and *switched to the model* how often a first view that differed
  ended, once the recommendation was shown, at the model's outcome after all (a sign of
  automation bias). Same base as agreement, limited to acts with a first view.
- **control cases**: a decision on a control case *catches* the plant when the model's
  outcome was wrong and the final outcome is the expected one, and *misses* it otherwise;
  where the planted proposal was right, keeping it is counted as such, not as a catch.
  The catch rate is caught / (caught + missed). Acts that settle nothing (a request for
  information, an escalation, a four-eyes disagreement) are counted as undecided.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sluis.review.facts import CaseKind, OpenedItem, ReviewAction, ReviewFact
from sluis.review.statistics import Proportion, TimeStats

DEFAULT_FAST_SECONDS = 10.0


class Dimension(StrEnum):
    """What metrics can be grouped by."""

    reviewer = "reviewer"
    algorithm = "algorithm"  # profile_id:decision_id
    month = "month"  # YYYY-MM of decided_at
    group = "group"  # the group of people the case belongs to


@dataclass(frozen=True)
class MetricsConfig:
    fast_seconds: float = DEFAULT_FAST_SECONDS
    """A decision taken in less time than this counts as fast."""

    def __post_init__(self) -> None:
        if not (self.fast_seconds > 0 and math.isfinite(self.fast_seconds)):
            raise ValueError("fast_seconds must be a positive number of seconds")


@dataclass(frozen=True, order=True)
class Scope:
    """Which facts a set of metrics covers: one value per dimension grouped by; no parts
    means every fact. A value of ``None`` means the fact had none (e.g. no group)."""

    parts: tuple[tuple[Dimension, str | None], ...] = ()

    @property
    def is_overall(self) -> bool:
        return not self.parts

    def value(self, dimension: Dimension) -> str | None:
        return next((v for d, v in self.parts if d is dimension), None)

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        return tuple(d for d, _ in self.parts)

    def key(self) -> str:
        """A stable text form, e.g. ``algorithm=p:d/reviewer=anna`` (``overall`` when empty)."""
        if not self.parts:
            return "overall"
        return "/".join(f"{d.value}={'-' if v is None else v}" for d, v in self.parts)

    def sort_key(self) -> tuple[tuple[str, bool, str], ...]:
        return tuple((d.value, v is None, v or "") for d, v in self.parts)


def algorithm_key(profile_id: str, decision_id: str) -> str:
    return f"{profile_id}:{decision_id}"


_EXTRACT: dict[Dimension, Callable[[ReviewFact], str | None]] = {
    Dimension.reviewer: lambda f: f.reviewer_id,
    Dimension.algorithm: lambda f: algorithm_key(f.profile_id, f.decision_id),
    Dimension.month: lambda f: f.month,
    Dimension.group: lambda f: f.group,
}


@dataclass(frozen=True)
class Overrides:
    """Disagreements with the model by direction, judged from the ``favourable`` flags;
    ``other`` holds changes between equally (un)favourable outcomes and those whose
    favourability is not declared."""

    to_favourable: int = 0
    to_unfavourable: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.to_favourable + self.to_unfavourable + self.other

    def to_dict(self) -> dict[str, int]:
        return {
            "to_favourable": self.to_favourable,
            "to_unfavourable": self.to_unfavourable,
            "other": self.other,
            "total": self.total,
        }


@dataclass(frozen=True)
class ControlResults:
    """How reviewers did on planted control cases (see the module docstring)."""

    acts: int = 0
    caught: int = 0
    missed: int = 0
    kept_right: int = 0  # the planted proposal was right and stayed
    changed_right: int = 0  # the planted proposal was right and was changed
    undecided: int = 0

    @property
    def catch_rate(self) -> Proportion:
        return Proportion(self.caught, self.caught + self.missed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "acts": self.acts,
            "caught": self.caught,
            "missed": self.missed,
            "kept_right": self.kept_right,
            "changed_right": self.changed_right,
            "undecided": self.undecided,
            "catch_rate": self.catch_rate.to_dict(),
        }


@dataclass(frozen=True)
class GroupMetrics:
    scope: Scope
    fast_seconds: float
    acts: int
    decisions: int
    cases: int  # distinct cases acted on
    reviewers: int  # distinct reviewers
    acts_by_kind: dict[CaseKind, int]
    agreement: Proportion
    overrides: Overrides
    time: TimeStats
    fast: Proportion
    opened: dict[OpenedItem, Proportion]
    information_requests: Proportion
    escalations: Proportion
    four_eyes_endorsement: Proportion  # four-eyes agree / (agree + disagree)
    control: ControlResults
    blind_agreement: Proportion  # first views (recommendation hidden) equal to the model's
    switched_to_model: Proportion  # differing first views that ended at the model's outcome
    agreement_unknown: int = 0  # confirm/override acts on real cases without a model outcome

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": {d.value: v for d, v in self.scope.parts},
            "fast_seconds": self.fast_seconds,
            "acts": self.acts,
            "decisions": self.decisions,
            "cases": self.cases,
            "reviewers": self.reviewers,
            "acts_by_kind": {k.value: self.acts_by_kind.get(k, 0) for k in CaseKind},
            "agreement": self.agreement.to_dict(),
            "agreement_unknown": self.agreement_unknown,
            "overrides": self.overrides.to_dict(),
            "time": self.time.to_dict(),
            "fast": self.fast.to_dict(),
            "opened": {item.value: self.opened[item].to_dict() for item in OpenedItem},
            "information_requests": self.information_requests.to_dict(),
            "escalations": self.escalations.to_dict(),
            "four_eyes_endorsement": self.four_eyes_endorsement.to_dict(),
            "control": self.control.to_dict(),
            "blind_agreement": self.blind_agreement.to_dict(),
            "switched_to_model": self.switched_to_model.to_dict(),
        }


_MODEL_JUDGEMENTS = (ReviewAction.confirm, ReviewAction.override)
_FOUR_EYES = (ReviewAction.agree, ReviewAction.disagree)


def measure(
    facts: Iterable[ReviewFact], config: MetricsConfig | None = None, scope: Scope | None = None
) -> GroupMetrics:
    """The metrics of these facts, labelled with ``scope`` (overall by default)."""
    config = config or MetricsConfig()
    facts = list(facts)
    decisions = [f for f in facts if f.decides]
    acts = len(facts)
    return GroupMetrics(
        scope=scope or Scope(),
        fast_seconds=config.fast_seconds,
        acts=acts,
        decisions=len(decisions),
        cases=len({f.case_id for f in facts}),
        reviewers=len({f.reviewer_id for f in facts}),
        acts_by_kind={k: sum(1 for f in facts if f.kind is k) for k in CaseKind},
        agreement=_agreement(facts),
        agreement_unknown=sum(
            1 for f in _judgements_of_model(facts, known_only=False) if f.model_outcome is None
        ),
        overrides=_overrides(facts),
        time=TimeStats.of(f.seconds_spent for f in decisions),
        fast=Proportion(
            sum(1 for f in decisions if f.seconds_spent < config.fast_seconds), len(decisions)
        ),
        opened={
            item: Proportion(sum(1 for f in decisions if item in f.opened), len(decisions))
            for item in OpenedItem
        },
        information_requests=Proportion(
            sum(1 for f in facts if f.action is ReviewAction.request_information), acts
        ),
        escalations=Proportion(sum(1 for f in facts if f.action is ReviewAction.escalate), acts),
        four_eyes_endorsement=_endorsement(facts),
        control=_control(facts),
        blind_agreement=_blind_agreement(facts),
        switched_to_model=_switched_to_model(facts),
    )


def metrics_by(
    facts: Iterable[ReviewFact],
    *dimensions: Dimension,
    config: MetricsConfig | None = None,
    within: Scope | None = None,
) -> list[GroupMetrics]:
    """Metrics per value of ``dimensions`` (one scope per combination that occurs), sorted
    by scope; with no dimensions, one overall entry. ``within`` prefixes every scope."""
    prefix = within.parts if within else ()
    groups: dict[Scope, list[ReviewFact]] = {}
    for fact in facts:
        scope = Scope(prefix + tuple((d, _EXTRACT[d](fact)) for d in dimensions))
        groups.setdefault(scope, []).append(fact)
    if not dimensions and not groups:
        groups[Scope(prefix)] = []
    ordered = sorted(groups, key=Scope.sort_key)
    return [measure(groups[scope], config, scope) for scope in ordered]


def _judgements_of_model(facts: Sequence[ReviewFact], *, known_only: bool) -> list[ReviewFact]:
    return [
        f
        for f in facts
        if f.action in _MODEL_JUDGEMENTS
        and f.kind is not CaseKind.control
        and (f.model_outcome is not None or not known_only)
    ]


def _agreement(facts: Sequence[ReviewFact]) -> Proportion:
    base = _judgements_of_model(facts, known_only=True)
    return Proportion(sum(1 for f in base if f.final_outcome == f.model_outcome), len(base))


def _blind(facts: Sequence[ReviewFact]) -> list[ReviewFact]:
    return [f for f in _judgements_of_model(facts, known_only=True) if f.first_view is not None]


def _blind_agreement(facts: Sequence[ReviewFact]) -> Proportion:
    base = _blind(facts)
    return Proportion(sum(1 for f in base if f.first_view == f.model_outcome), len(base))


def _switched_to_model(facts: Sequence[ReviewFact]) -> Proportion:
    differed = [f for f in _blind(facts) if f.first_view != f.model_outcome]
    return Proportion(sum(1 for f in differed if f.final_outcome == f.model_outcome), len(differed))


def _overrides(facts: Sequence[ReviewFact]) -> Overrides:
    direction: Counter[str] = Counter()
    for f in _judgements_of_model(facts, known_only=True):
        if f.final_outcome == f.model_outcome:
            continue
        if f.model_favourable is False and f.final_favourable is True:
            direction["to_favourable"] += 1
        elif f.model_favourable is True and f.final_favourable is False:
            direction["to_unfavourable"] += 1
        else:
            direction["other"] += 1
    return Overrides(**direction)


def _endorsement(facts: Sequence[ReviewFact]) -> Proportion:
    four_eyes = [f for f in facts if f.action in _FOUR_EYES]
    return Proportion(sum(1 for f in four_eyes if f.action is ReviewAction.agree), len(four_eyes))


def _control(facts: Sequence[ReviewFact]) -> ControlResults:
    counts: Counter[str] = Counter()
    for f in facts:
        if f.kind is not CaseKind.control:
            continue
        counts["acts"] += 1
        if not f.decides or f.control_expected is None:
            counts["undecided"] += 1
            continue
        right = f.final_outcome == f.control_expected
        if f.model_outcome != f.control_expected:
            counts["caught" if right else "missed"] += 1
        else:
            counts["kept_right" if right else "changed_right"] += 1
    return ControlResults(**counts)


@dataclass(frozen=True)
class MetricsTable:
    """Metrics of a set of facts: overall and per requested grouping."""

    overall: GroupMetrics
    groups: dict[Dimension, list[GroupMetrics]] = field(default_factory=dict)

    def all(self) -> list[GroupMetrics]:
        return [self.overall, *(m for ms in self.groups.values() for m in ms)]


def metrics_table(
    facts: Iterable[ReviewFact],
    by: Iterable[Dimension] = (Dimension.reviewer, Dimension.month, Dimension.group),
    *,
    within: Scope | None = None,
    config: MetricsConfig | None = None,
) -> MetricsTable:
    """Overall metrics plus one grouping per dimension in ``by``. ``within`` prefixes
    every scope (e.g. the algorithm the facts belong to), so alerts say where they are."""
    facts = list(facts)
    return MetricsTable(
        overall=measure(facts, config, within),
        groups={d: metrics_by(facts, d, config=config, within=within) for d in by},
    )
