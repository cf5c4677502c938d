"""The rules of the review desk: who may take and decide a case, and what follows each act.

Human involvement counts only when it is meaningful: the reviewer has the authority and
competence to change the outcome, weighs all relevant data and does not simply adopt the
machine's proposal (GDPR art. 22(1) as read in WP251 and by the Dutch DPA; CJEU C-634/21).
So every act, whatever its direction, needs a written reason; confirming and changing the
outcome are equally easy; only reviewers authorised for the algorithm act; a contested
decision goes to someone who did not take it (art. 22(3)); a four-eyes policy has a second
person agree; and the proposal can be withheld until the reviewer has formed a view of
their own, against automation bias (AI Act art. 14(4)(b)).

Pure: no I/O. The service reads the facts, asks these functions, and writes the result.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sluis.law.citations import AP_HUMAN_INTERVENTION, Citation, ai_act, awb, gdpr, wp251
from sluis.law.citations import sluis_policy as policy_ref
from sluis.review.facts import CaseKind, OpenedItem, ReviewAction
from sluis.review.problems import Problem, ProblemKind

REASON_MIN_LENGTH = 10
REASON_MAX_LENGTH = 10_000
MAX_CLAIM_MINUTES = 24 * 60
MAX_DUE_DAYS = 366

# The articles behind each rule, cited by the problems that enforce it.
MEANINGFUL = (gdpr("22(1)"), wp251("IV.A"), AP_HUMAN_INTERVENTION)
AUTHORITY = (wp251("IV.A"), AP_HUMAN_INTERVENTION)
REASONS = (gdpr("22(3)"), awb("3:46"), AP_HUMAN_INTERVENTION)
CONTEST = (gdpr("22(3)"), AP_HUMAN_INTERVENTION)
CONTEST_DEADLINE = (gdpr("12(3)"),)
AUTOMATION_BIAS = (ai_act("14(4)(b)"), AP_HUMAN_INTERVENTION)
FOUR_EYES = (ai_act("14(5)"), policy_ref("four-eyes review"))
ESCALATION = (policy_ref("escalation to a senior reviewer"),)


class CaseState(StrEnum):
    open = "open"  # in the queue
    claimed = "claimed"  # a reviewer holds it (until the claim expires)
    awaiting_information = "awaiting_information"  # more information was asked for
    awaiting_second = "awaiting_second"  # four-eyes: a second reviewer must agree
    decided = "decided"  # settled: the decision is final
    erased = "erased"  # the subject was erased before the case was settled


class Stage(StrEnum):
    first = "first"
    second = "second"


CLOSED = frozenset({CaseState.decided, CaseState.erased})
DECIDING = frozenset({ReviewAction.confirm, ReviewAction.override})
FIRST_STAGE_ACTIONS = frozenset(
    {
        ReviewAction.confirm,
        ReviewAction.override,
        ReviewAction.request_information,
        ReviewAction.escalate,
    }
)
SECOND_STAGE_ACTIONS = frozenset({ReviewAction.agree, ReviewAction.disagree})


@dataclass(frozen=True)
class Policy:
    """How one algorithm's cases are reviewed (the defaults hold without a stored policy).

    ``claim_minutes``: how long a claim holds before the case returns to the queue;
    ``due_days``: the deadline of a new case; ``group_field``: a declared input whose value
    groups people for the fairness of review metrics; ``thresholds``: for the alerts.
    """

    hide_recommendation: bool = False
    four_eyes: bool = False
    claim_minutes: int = 30
    due_days: int = 14
    group_field: str | None = None
    thresholds: Mapping[str, Any] = field(default_factory=dict)


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class Reviewer:
    """A reviewer as the rules see them, for one algorithm."""

    id: str
    active: bool
    authorised: bool
    senior: bool = False


@dataclass(frozen=True)
class CaseFacts:
    """What the rules need to know of a case."""

    state: CaseState
    stage: Stage
    escalated: bool
    claimed_by: str | None = None
    claim_expires_at: datetime | None = None
    first_reviewer: str | None = None
    excluded: frozenset[str] = frozenset()
    proposed_outcome: str | None = None
    pending_outcome: str | None = None
    first_view: str | None = None

    def claim_expired(self, now: datetime) -> bool:
        return self.claim_expires_at is not None and self.claim_expires_at <= now

    def held_by(self, reviewer_id: str) -> bool:
        return self.state is CaseState.claimed and self.claimed_by == reviewer_id


@dataclass(frozen=True)
class Transition:
    """What an act changes: the case's next state and, when it settles the case, the
    outcome that becomes final. ``act_outcome`` is the outcome the act stands for."""

    state: CaseState
    stage: Stage
    escalated: bool
    act_outcome: str | None
    settles: str | None = None
    pending_outcome: str | None = None
    first_reviewer: str | None = None


def _problem(
    field_name: str,
    rule: str,
    kind: ProblemKind,
    articles: Sequence[Citation] = (),
    **params: Any,
) -> Problem:
    return Problem(field_name, rule, kind, tuple(articles), params)


# -- who may act -------------------------------------------------------------------------


def authority_problems(reviewer: Reviewer) -> list[Problem]:
    """Only an active reviewer authorised for the algorithm acts on its cases."""
    if not reviewer.active:
        return [_problem("reviewer", "reviewer_inactive", ProblemKind.forbidden, AUTHORITY)]
    if not reviewer.authorised:
        return [_problem("reviewer", "not_authorised", ProblemKind.forbidden, AUTHORITY)]
    return []


def eligibility_problems(case: CaseFacts, reviewer: Reviewer) -> list[Problem]:
    """Whether this reviewer may hold this case at all (whatever its state)."""
    problems = authority_problems(reviewer)
    if problems:
        return problems
    if case.escalated and not reviewer.senior:
        problems.append(_problem("reviewer", "senior_required", ProblemKind.forbidden, ESCALATION))
    if reviewer.id in case.excluded:
        problems.append(_problem("reviewer", "excluded_reviewer", ProblemKind.forbidden, CONTEST))
    if _second_stage(case) and case.first_reviewer == reviewer.id:
        problems.append(_problem("reviewer", "same_reviewer", ProblemKind.forbidden, FOUR_EYES))
    return problems


def _second_stage(case: CaseFacts) -> bool:
    return case.state is CaseState.awaiting_second or case.stage is Stage.second


def claim_problems(case: CaseFacts, reviewer: Reviewer, now: datetime) -> list[Problem]:
    """Why ``reviewer`` cannot claim ``case`` now (empty when they can; claiming a case
    one already holds renews the claim)."""
    problems = eligibility_problems(case, reviewer)
    state_problem = _state_problem(case, reviewer.id, now)
    return problems + ([state_problem] if state_problem else [])


def _state_problem(case: CaseFacts, reviewer_id: str, now: datetime) -> Problem | None:
    if case.state is CaseState.decided:
        return _problem("case", "already_decided", ProblemKind.conflict)
    if case.state is CaseState.erased:
        return _problem("case", "case_erased", ProblemKind.conflict)
    if case.state is CaseState.awaiting_information:
        return _problem("case", "awaiting_information", ProblemKind.conflict)
    if (
        case.state is CaseState.claimed
        and case.claimed_by != reviewer_id
        and not case.claim_expired(now)
    ):
        return _problem("case", "claimed_by_other", ProblemKind.conflict)
    return None


def claim_stage(case: CaseFacts) -> Stage:
    """The stage a new claim takes the case in."""
    return Stage.second if case.state is CaseState.awaiting_second else case.stage


def claim_expiry(now: datetime, policy: Policy) -> datetime:
    return now + timedelta(minutes=policy.claim_minutes)


def holding_problems(case: CaseFacts, reviewer_id: str) -> list[Problem]:
    """Acting on a case (deciding, recording what was opened) needs the claim on it."""
    if case.state is CaseState.decided:
        return [_problem("case", "already_decided", ProblemKind.conflict)]
    if case.state is CaseState.erased:
        return [_problem("case", "case_erased", ProblemKind.conflict)]
    if not case.held_by(reviewer_id):
        return [_problem("case", "not_claimed", ProblemKind.conflict)]
    return []


# -- the recommendation ------------------------------------------------------------------


def recommendation_visible(policy: Policy, case: CaseFacts) -> bool:
    """With ``hide_recommendation`` the proposal is shown only once the reviewer recorded
    their own first view."""
    return not policy.hide_recommendation or case.first_view is not None


def first_view_problems(
    case: CaseFacts, reviewer_id: str, outcome: str, declared: Sequence[str]
) -> list[Problem]:
    problems = holding_problems(case, reviewer_id)
    if problems:
        return problems
    if case.first_view is not None:
        return [_problem("first_view", "first_view_recorded", ProblemKind.conflict)]
    return _outcome_declared("outcome", outcome, declared)


def opened_problems(
    case: CaseFacts, reviewer_id: str, item: OpenedItem, policy: Policy
) -> list[Problem]:
    problems = holding_problems(case, reviewer_id)
    hidden = item is OpenedItem.recommendation and not recommendation_visible(policy, case)
    if not problems and hidden:
        problems.append(
            _problem("item", "recommendation_hidden", ProblemKind.conflict, AUTOMATION_BIAS)
        )
    return problems


# -- acts --------------------------------------------------------------------------------


def act_problems(
    case: CaseFacts,
    policy: Policy,
    reviewer: Reviewer,
    action: ReviewAction,
    outcome: str | None,
    reason: str,
    declared: Sequence[str],
) -> list[Problem]:
    """Everything wrong with this act on this case, of every kind (the service answers
    with the most fundamental kind, see ``problems``)."""
    problems = eligibility_problems(case, reviewer) + holding_problems(case, reviewer.id)
    if any(p.kind is not ProblemKind.invalid for p in problems):
        return problems
    allowed = SECOND_STAGE_ACTIONS if case.stage is Stage.second else FIRST_STAGE_ACTIONS
    if action not in allowed:
        rule = "second_stage_action" if case.stage is Stage.second else "first_stage_action"
        return [_problem("action", rule, ProblemKind.conflict, FOUR_EYES)]
    if action is ReviewAction.escalate and case.escalated:
        return [_problem("action", "already_escalated", ProblemKind.conflict, ESCALATION)]
    if action in DECIDING | SECOND_STAGE_ACTIONS and not recommendation_visible(policy, case):
        rule = "first_view_required"
        return [_problem("first_view", rule, ProblemKind.conflict, AUTOMATION_BIAS)]
    return reason_problems(reason) + outcome_problems(case, action, outcome, declared)


def reason_problems(reason: str) -> list[Problem]:
    """A written reason for every act, whatever its direction: that is what makes the
    involvement accountable (and, for an administrative body, the Awb's duty to state
    reasons)."""
    text = reason.strip()
    if not text:
        return [_problem("reason", "reason_required", ProblemKind.invalid, REASONS)]
    if len(text) < REASON_MIN_LENGTH:
        return [
            _problem(
                "reason", "reason_too_short", ProblemKind.invalid, REASONS, min=REASON_MIN_LENGTH
            )
        ]
    if len(text) > REASON_MAX_LENGTH:
        return [
            _problem(
                "reason", "reason_too_long", ProblemKind.invalid, REASONS, max=REASON_MAX_LENGTH
            )
        ]
    return []


def outcome_problems(
    case: CaseFacts, action: ReviewAction, outcome: str | None, declared: Sequence[str]
) -> list[Problem]:
    if action is ReviewAction.override:
        if outcome is None or not outcome.strip():
            return [_problem("outcome", "outcome_required", ProblemKind.invalid, MEANINGFUL)]
        if outcome == case.proposed_outcome:
            return [_problem("outcome", "outcome_unchanged", ProblemKind.invalid)]
        return _outcome_declared("outcome", outcome, declared)
    if action is ReviewAction.confirm:
        if case.proposed_outcome is None:
            return [_problem("action", "nothing_to_confirm", ProblemKind.conflict)]
        if outcome is not None and outcome != case.proposed_outcome:
            return [_problem("outcome", "outcome_differs", ProblemKind.invalid)]
        return []
    if outcome is not None:
        return [_problem("outcome", "outcome_not_taken", ProblemKind.invalid, action=action.value)]
    return []


def _outcome_declared(field_name: str, outcome: str, declared: Sequence[str]) -> list[Problem]:
    if declared and outcome not in declared:
        return [
            _problem(
                field_name,
                "outcome_undeclared",
                ProblemKind.invalid,
                MEANINGFUL,
                declared=", ".join(declared),
            )
        ]
    return []


def transition(
    case: CaseFacts,
    policy: Policy,
    reviewer_id: str,
    action: ReviewAction,
    outcome: str | None,
) -> Transition:
    """The state after an act that :func:`act_problems` allows."""
    if action in DECIDING:
        chosen = case.proposed_outcome if action is ReviewAction.confirm else outcome
        if policy.four_eyes:
            return Transition(
                CaseState.awaiting_second,
                Stage.second,
                case.escalated,
                chosen,
                pending_outcome=chosen,
                first_reviewer=reviewer_id,
            )
        return Transition(CaseState.decided, Stage.first, case.escalated, chosen, settles=chosen)
    if action is ReviewAction.agree:
        agreed = case.pending_outcome
        return Transition(
            CaseState.decided,
            Stage.second,
            case.escalated,
            agreed,
            settles=agreed,
            pending_outcome=agreed,
            first_reviewer=case.first_reviewer,
        )
    if action is ReviewAction.disagree:
        # Two reviewers disagree: a senior decides afresh (and a second one checks again
        # under four eyes).
        return Transition(CaseState.open, Stage.first, True, None)
    if action is ReviewAction.escalate:
        return Transition(CaseState.open, Stage.first, True, None)
    return Transition(CaseState.awaiting_information, Stage.first, case.escalated, None)


# -- deadlines ---------------------------------------------------------------------------


def due_at(kind: CaseKind, created_at: datetime, due_days: int) -> datetime:
    """The deadline of a new case. A contest is the person's request for human
    intervention: answered within one month at most (GDPR art. 12(3)), however long the
    policy allows for initial reviews."""
    due = created_at + timedelta(days=due_days)
    if kind is CaseKind.contest:
        due = min(due, add_month(created_at))
    return due


def add_month(moment: datetime) -> datetime:
    """The same day of the next month (its last day when it has no such day)."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


__all__ = [
    "CLOSED",
    "DEFAULT_POLICY",
    "REASON_MAX_LENGTH",
    "REASON_MIN_LENGTH",
    "CaseFacts",
    "CaseState",
    "Policy",
    "Reviewer",
    "Stage",
    "Transition",
    "act_problems",
    "add_month",
    "authority_problems",
    "claim_expiry",
    "claim_problems",
    "claim_stage",
    "due_at",
    "eligibility_problems",
    "first_view_problems",
    "holding_problems",
    "opened_problems",
    "reason_problems",
    "recommendation_visible",
    "transition",
]
