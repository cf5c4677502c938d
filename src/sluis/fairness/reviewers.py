"""Reviewer fairness: do human reviewers treat groups differently?

Human intervention is meant to catch what an algorithm gets wrong, but reviewers can add
bias of their own. Measured per group of people, from the review acts
(``sluis.review.facts.ReviewFact``, which carry the case's ``group``):

- ``override_rate``: of the cases a reviewer decided (confirm or override), how many were
  decided otherwise than the model proposed. Reported, not alerted on: more overrides are
  not in themselves worse for anyone.
- ``adverse_override_rate``: of the cases the model proposed favourable, how many the
  reviewer made adverse. Higher is worse for the group.
- ``favourable_override_rate``: of the cases the model proposed adverse, how many the
  reviewer made favourable. Lower is worse for the group.
- ``four_eyes_agreement_rate``: of the second reviews, how many agreed with the first.

A four-eyes agreement decides nothing new, so only the first reviewer's confirm or override
counts towards the override rates. Control cases (planted by the privacy officer) are left
out, and by default so are contest cases, where overrides mean something else (a person
showed the decision was wrong); pass ``kinds`` to change that. Acts without a group are
counted in ``ungrouped`` and otherwise left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sluis.fairness.comparison import GroupComparison, Metric, RateTable, compare_all
from sluis.fairness.thresholds import Thresholds
from sluis.review.facts import CaseKind, ReviewAction, ReviewFact

GROUP_ATTRIBUTE = "group"
REVIEW_METRICS = (
    Metric.override_rate,
    Metric.adverse_override_rate,
    Metric.favourable_override_rate,
    Metric.four_eyes_agreement_rate,
)


@dataclass(frozen=True)
class ReviewerFairnessReport:
    """Review outcomes per group. ``comparisons`` are across all reviewers (attribute
    ``group``); with ``by_reviewer`` also per reviewer (attribute ``reviewer:<id>``). One
    Bonferroni correction covers them all: ``tests`` comparisons at ``confidence``."""

    acts: int
    ungrouped: int
    groups: tuple[str, ...]
    comparisons: tuple[GroupComparison, ...]
    tests: int
    confidence: float
    thresholds: Thresholds

    def comparison(
        self, group: str, metric: Metric, attribute: str = GROUP_ATTRIBUTE
    ) -> GroupComparison:
        return next(
            c
            for c in self.comparisons
            if c.attribute == attribute and c.group == group and c.metric == metric
        )

    def alertable(self) -> Iterator[GroupComparison]:
        yield from (c for c in self.comparisons if c.worse)


def _frame(facts: Iterable[ReviewFact], kinds: frozenset[CaseKind]) -> pd.DataFrame:
    rows = [
        (
            f.reviewer_id,
            f.group,
            f.action.value,
            f.model_outcome is not None and f.final_outcome is not None,
            f.model_outcome != f.final_outcome,
            f.model_favourable,
            f.final_favourable,
        )
        for f in facts
        if f.kind in kinds
    ]
    return pd.DataFrame(
        rows,
        columns=["reviewer", "group", "action", "compared", "changed", "model_fav", "final_fav"],
    )


def _tables(acts: pd.DataFrame, attribute: str, labels: tuple[str, ...]) -> list[RateTable]:
    """The four review metrics for every group in ``labels`` among ``acts``."""
    decided = acts[acts["action"].isin([ReviewAction.confirm, ReviewAction.override])]
    compared = decided[decided["compared"]]
    judged = decided[decided["final_fav"].notna()]
    model_fav = judged[judged["model_fav"].eq(True)]
    model_adv = judged[judged["model_fav"].eq(False)]
    second = acts[acts["action"].isin([ReviewAction.agree, ReviewAction.disagree])]
    parts = {
        Metric.override_rate: (compared, compared["changed"]),
        Metric.adverse_override_rate: (model_fav, model_fav["final_fav"].eq(False)),
        Metric.favourable_override_rate: (model_adv, model_adv["final_fav"].eq(True)),
        Metric.four_eyes_agreement_rate: (second, second["action"] == ReviewAction.agree),
    }
    tables = []
    for metric, (rows, hits) in parts.items():
        totals = rows.groupby("group").size().reindex(labels, fill_value=0)
        successes = hits.astype(int).groupby(rows["group"]).sum().reindex(labels, fill_value=0)
        tables.append(
            RateTable(
                attribute,
                metric,
                labels,
                successes.to_numpy(np.int64),
                totals.to_numpy(np.int64),
            )
        )
    return tables


def reviewer_fairness(
    facts: Iterable[ReviewFact],
    thresholds: Thresholds | None = None,
    kinds: Iterable[CaseKind] = (CaseKind.initial,),
    by_reviewer: bool = False,
) -> ReviewerFairnessReport:
    """Compare review outcomes between groups of people; see the module's docstring."""
    thresholds = thresholds or Thresholds()
    wanted = frozenset(kinds) - {CaseKind.control}
    acts = _frame(facts, wanted)
    grouped = acts[acts["group"].notna()]
    labels = tuple(sorted(str(g) for g in grouped["group"].unique()))
    grouped = grouped.assign(group=grouped["group"].astype(str))
    tables = _tables(grouped, GROUP_ATTRIBUTE, labels)
    if by_reviewer:
        for reviewer, own in grouped.groupby("reviewer", sort=True):
            tables += _tables(own, f"reviewer:{reviewer}", labels)
    comparisons, tests, confidence = compare_all(tables, thresholds)
    return ReviewerFairnessReport(
        acts=len(acts),
        ungrouped=int(acts["group"].isna().sum()),
        groups=labels,
        comparisons=comparisons,
        tests=tests,
        confidence=confidence,
        thresholds=thresholds,
    )


__all__ = ["GROUP_ATTRIBUTE", "REVIEW_METRICS", "ReviewerFairnessReport", "reviewer_fairness"]
