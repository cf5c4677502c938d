"""The review desk's service: everything the web pages, the JSON API and the CLI call.

Functions that need no cryptography take the session factory; those that read or write
what is sealed with a person's key take the app's :class:`~sluis.gateway.service.Gateway`
(``app.state.gateway``), whose ``sessions`` they use.

Staff (``staff``)
    ``add_reviewer``, ``set_reviewer_active``, ``get_reviewer``, ``list_reviewers``,
    ``authorise``, ``revoke``, ``get_policy``, ``set_policy``.
Queue and claims (``claims``)
    ``queue`` (oldest first or by deadline, filterable), ``queue_counts``, ``claim_next``,
    ``claim``, ``release``, ``record_opened``, ``record_first_view``,
    ``information_received``.
Case file and acts (``casefile``, ``deciding``)
    ``case_view``, ``submission_content``, ``decide``.
From outside the queue (``contests``)
    ``add_submission``, ``open_contest``, ``plant_control_case``, ``list_control_cases``.
Metrics (``reporting``)
    ``review_facts`` → ``list[ReviewFact]``.

Every refusal raises :class:`~sluis.review.problems.ReviewRefused` with every problem of
the deciding kind (``forbidden`` → 403, ``conflict`` → 409, ``invalid`` → 422,
``not_found`` → 404), each naming the field and the rule; nothing is changed then. Cases
are made by the gateway itself (``sluis.review.cases``) for every decision that is not
``final``. The rules live in ``sluis.review.policy`` (pure).
"""

from __future__ import annotations

from sluis.review.casefile import (
    CaseView,
    EarlierDecision,
    PastAct,
    Submission,
    case_view,
    submission_content,
)
from sluis.review.claims import (
    OPEN_STATES,
    claim,
    claim_next,
    information_received,
    queue,
    queue_counts,
    record_first_view,
    record_opened,
    release,
)
from sluis.review.contests import (
    ControlCase,
    Document,
    add_submission,
    list_control_cases,
    open_contest,
    plant_control_case,
)
from sluis.review.deciding import ActResult, decide
from sluis.review.facts import CaseKind, OpenedItem, ReviewAction, ReviewFact
from sluis.review.policy import CaseState, Policy, Stage
from sluis.review.problems import Problem, ProblemKind, ReviewRefused
from sluis.review.reporting import review_facts
from sluis.review.rows import CaseSummary
from sluis.review.staff import (
    Authorisation,
    ReviewerInfo,
    add_reviewer,
    authorise,
    get_policy,
    get_reviewer,
    list_reviewers,
    revoke,
    set_policy,
    set_reviewer_active,
)

__all__ = [
    "OPEN_STATES",
    "ActResult",
    "Authorisation",
    "CaseKind",
    "CaseState",
    "CaseSummary",
    "CaseView",
    "ControlCase",
    "Document",
    "EarlierDecision",
    "OpenedItem",
    "PastAct",
    "Policy",
    "Problem",
    "ProblemKind",
    "ReviewAction",
    "ReviewFact",
    "ReviewRefused",
    "ReviewerInfo",
    "Stage",
    "Submission",
    "add_reviewer",
    "add_submission",
    "authorise",
    "case_view",
    "claim",
    "claim_next",
    "decide",
    "get_policy",
    "get_reviewer",
    "information_received",
    "list_control_cases",
    "list_reviewers",
    "open_contest",
    "plant_control_case",
    "queue",
    "queue_counts",
    "record_first_view",
    "record_opened",
    "release",
    "review_facts",
    "revoke",
    "set_policy",
    "set_reviewer_active",
    "submission_content",
]
