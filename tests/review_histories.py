"""Constructed review histories whose right answers are known, for the meaningfulness
metrics, alerts and report tests. Outcomes: ``granted`` (favourable), ``refused``
(unfavourable), ``deferred`` (favourability not declared)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sluis.review.facts import CaseKind, OpenedItem, ReviewAction, ReviewFact

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
PROFILE = "welfare-fraud-risk-selection"
DECISION = "select-for-reexamination"
FAVOURABLE: dict[str, bool | None] = {"granted": True, "refused": False, "deferred": None}
EVERYTHING = frozenset(OpenedItem)
_OTHER = {"granted": "refused", "refused": "granted", "deferred": "granted"}
_counter = iter(range(10**9))

_UNSET = object()


def fact(
    *,
    reviewer: str = "anna",
    action: ReviewAction = ReviewAction.confirm,
    model: str | None = "refused",
    final: object = _UNSET,
    seconds: float = 90.0,
    opened: frozenset[OpenedItem] = EVERYTHING,
    group: str | None = None,
    kind: CaseKind = CaseKind.initial,
    expected: str | None = None,
    at: datetime = T0,
    profile: str = PROFILE,
    decision: str = DECISION,
    case: str | None = None,
    round: int = 0,
    first_view: str | None = None,
) -> ReviewFact:
    """One review act; the final outcome follows from the action unless given."""
    if final is _UNSET:
        if action in (ReviewAction.confirm, ReviewAction.agree):
            final = model
        elif action is ReviewAction.override:
            final = _OTHER[model or "refused"]
        else:
            final = None
    assert final is None or isinstance(final, str)
    number = next(_counter)
    return ReviewFact(
        case_id=case or f"case-{number}",
        decision_uuid=f"00000000-0000-4000-8000-{number:012d}",
        profile_id=profile,
        decision_id=decision,
        reviewer_id=reviewer,
        decided_at=at,
        action=action,
        model_outcome=model,
        final_outcome=final,
        model_favourable=FAVOURABLE.get(model) if model else None,
        final_favourable=FAVOURABLE.get(final) if final else None,
        seconds_spent=seconds,
        opened=opened,
        group=group,
        control_expected=expected,
        kind=kind,
        round=round,
        first_view=first_view,
    )


def reviewer_history(
    reviewer: str,
    *,
    decisions: int,
    overrides: int,
    seconds: float | Sequence[float] = 90.0,
    opened: frozenset[OpenedItem] = EVERYTHING,
    start: datetime = T0,
    **kwargs: object,
) -> list[ReviewFact]:
    """``decisions`` decisions by one reviewer on proposals to refuse, the first
    ``overrides`` of them overridden (to granted), one per hour from ``start``."""
    times = [seconds] * decisions if isinstance(seconds, int | float) else list(seconds)
    assert len(times) == decisions
    return [
        fact(
            reviewer=reviewer,
            action=ReviewAction.override if i < overrides else ReviewAction.confirm,
            seconds=times[i],
            opened=opened,
            at=start + timedelta(hours=i),
            **kwargs,  # type: ignore[arg-type]
        )
        for i in range(decisions)
    ]


def control(reviewer: str, *, caught: bool, seconds: float = 90.0) -> ReviewFact:
    """A planted case: the model proposes ``refused``, the right answer is ``granted``."""
    return fact(
        reviewer=reviewer,
        kind=CaseKind.control,
        model="refused",
        expected="granted",
        action=ReviewAction.override if caught else ReviewAction.confirm,
        seconds=seconds,
    )
