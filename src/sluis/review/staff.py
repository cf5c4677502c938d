"""Reviewers, what they are authorised for, and each algorithm's review policy.

Accounts and roles come in a later issue; until then a reviewer is a registered id and a
name. Reviewers are deactivated, never deleted: their acts keep pointing at them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sluis.profiles.service import ProfileNotFound, get_profile
from sluis.review.policy import MAX_CLAIM_MINUTES, MAX_DUE_DAYS, Policy
from sluis.review.problems import Problem, ProblemKind, ReviewRefused, refuse_if
from sluis.review.rows import Sessions, not_found, policy_of, writing
from sluis.store.tables.base import NAME_LENGTH, utcnow
from sluis.store.tables.profiles import ProfileRow
from sluis.store.tables.review import ReviewerAuthorisationRow, ReviewerRow, ReviewPolicyRow

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_UNSET: Any = object()


@dataclass(frozen=True)
class Authorisation:
    profile_id: str
    senior: bool
    granted_at: datetime


@dataclass(frozen=True)
class ReviewerInfo:
    id: str
    name: str
    active: bool
    created_at: datetime
    authorisations: tuple[Authorisation, ...] = ()

    def authorised_for(self, profile_id: str) -> Authorisation | None:
        return next((a for a in self.authorisations if a.profile_id == profile_id), None)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "active": self.active,
            "created_at": self.created_at.isoformat(),
            "authorisations": [
                {
                    "profile_id": a.profile_id,
                    "senior": a.senior,
                    "granted_at": a.granted_at.isoformat(),
                }
                for a in self.authorisations
            ],
        }


def _invalid(field: str, rule: str, **params: Any) -> Problem:
    return Problem(field, rule, ProblemKind.invalid, (), params)


# -- reviewers ---------------------------------------------------------------------------


def add_reviewer(sessions: Sessions, reviewer_id: str, name: str) -> ReviewerInfo:
    """Register an active reviewer. ``reviewer_id``: lower-case letters, digits, ``-`` and
    ``_`` (at most 80); refused with 409 when taken."""
    name = name.strip()
    problems = []
    if not SLUG.fullmatch(reviewer_id):
        problems.append(_invalid("id", "reviewer_id_form"))
    if not name or len(name) > NAME_LENGTH:
        problems.append(_invalid("name", "name_length", max=NAME_LENGTH))
    refuse_if(problems)
    try:
        with writing(sessions) as session:
            if session.get(ReviewerRow, reviewer_id) is not None:
                raise ReviewRefused([Problem("id", "reviewer_exists", ProblemKind.conflict)])
            session.add(ReviewerRow(id=reviewer_id, name=name, active=True, created_at=utcnow()))
    except IntegrityError:  # registered meanwhile by another process
        raise ReviewRefused([Problem("id", "reviewer_exists", ProblemKind.conflict)]) from None
    return get_reviewer(sessions, reviewer_id)


def set_reviewer_active(sessions: Sessions, reviewer_id: str, active: bool) -> ReviewerInfo:
    """Deactivate (or reactivate) a reviewer: an inactive reviewer cannot claim or decide."""
    with writing(sessions) as session:
        row = session.get(ReviewerRow, reviewer_id)
        if row is None:
            raise not_found("reviewer", "reviewer_unknown")
        row.active = active
    return get_reviewer(sessions, reviewer_id)


def get_reviewer(sessions: Sessions, reviewer_id: str) -> ReviewerInfo:
    with sessions.begin() as session:
        row = session.get(ReviewerRow, reviewer_id)
        if row is None:
            raise not_found("reviewer", "reviewer_unknown")
        return _info(row, _grants(session, [reviewer_id]).get(reviewer_id, ()))


def list_reviewers(sessions: Sessions, profile_id: str | None = None) -> list[ReviewerInfo]:
    """Every reviewer by id; with ``profile_id`` only those authorised for it."""
    with sessions.begin() as session:
        rows = list(session.scalars(select(ReviewerRow).order_by(ReviewerRow.id)))
        grants = _grants(session, [r.id for r in rows])
    found = [_info(row, grants.get(row.id, ())) for row in rows]
    if profile_id is not None:
        found = [r for r in found if r.authorised_for(profile_id) is not None]
    return found


def _grants(session: Any, reviewer_ids: list[str]) -> dict[str, tuple[Authorisation, ...]]:
    rows = session.scalars(
        select(ReviewerAuthorisationRow)
        .where(ReviewerAuthorisationRow.reviewer_id.in_(reviewer_ids))
        .order_by(ReviewerAuthorisationRow.profile_id)
    )
    found: dict[str, list[Authorisation]] = {}
    for row in rows:
        found.setdefault(row.reviewer_id, []).append(
            Authorisation(row.profile_id, row.senior, row.granted_at)
        )
    return {k: tuple(v) for k, v in found.items()}


def _info(row: ReviewerRow, grants: tuple[Authorisation, ...]) -> ReviewerInfo:
    return ReviewerInfo(row.id, row.name, row.active, row.created_at, grants)


# -- authorisations ----------------------------------------------------------------------


def authorise(
    sessions: Sessions, reviewer_id: str, profile_id: str, *, senior: bool = False
) -> ReviewerInfo:
    """Authorise a reviewer for an algorithm's cases (again: changes ``senior``). Seniors
    also take escalated cases."""
    with writing(sessions) as session:
        if session.get(ReviewerRow, reviewer_id) is None:
            raise not_found("reviewer", "reviewer_unknown")
        if session.get(ProfileRow, profile_id) is None:
            raise not_found("profile_id", "profile_unknown")
        grant = session.get(ReviewerAuthorisationRow, (reviewer_id, profile_id))
        if grant is None:
            session.add(
                ReviewerAuthorisationRow(
                    reviewer_id=reviewer_id,
                    profile_id=profile_id,
                    senior=senior,
                    granted_at=utcnow(),
                )
            )
        else:
            grant.senior = senior
    return get_reviewer(sessions, reviewer_id)


def revoke(sessions: Sessions, reviewer_id: str, profile_id: str) -> ReviewerInfo:
    """Withdraw an authorisation; the reviewer's claims on that algorithm's cases can no
    longer be used to decide."""
    with writing(sessions) as session:
        grant = session.get(ReviewerAuthorisationRow, (reviewer_id, profile_id))
        if grant is None:
            raise not_found("profile_id", "authorisation_unknown")
        session.delete(grant)
    return get_reviewer(sessions, reviewer_id)


# -- policies ----------------------------------------------------------------------------


def get_policy(sessions: Sessions, profile_id: str) -> Policy:
    """The algorithm's review policy (the defaults when none was set)."""
    with sessions.begin() as session:
        if session.get(ProfileRow, profile_id) is None:
            raise not_found("profile_id", "profile_unknown")
        return policy_of(session, profile_id)


def set_policy(
    sessions: Sessions,
    profile_id: str,
    *,
    hide_recommendation: bool | None = None,
    four_eyes: bool | None = None,
    claim_minutes: int | None = None,
    due_days: int | None = None,
    group_field: str | None = _UNSET,
    thresholds: Mapping[str, Any] | None = None,
) -> Policy:
    """Change the algorithm's review policy; what is not given stays as it is. Every
    problem is listed (422) and nothing is changed. A new ``due_days`` applies to cases
    made from then on; ``group_field`` must be a data field the newest profile version
    declares (``None`` removes it)."""
    try:
        profile = get_profile(sessions, profile_id).profile
    except ProfileNotFound:
        raise not_found("profile_id", "profile_unknown") from None
    problems: list[Problem] = []
    if claim_minutes is not None and not 1 <= claim_minutes <= MAX_CLAIM_MINUTES:
        problems.append(_invalid("claim_minutes", "range", min=1, max=MAX_CLAIM_MINUTES))
    if due_days is not None and not 1 <= due_days <= MAX_DUE_DAYS:
        problems.append(_invalid("due_days", "range", min=1, max=MAX_DUE_DAYS))
    if group_field not in (_UNSET, None) and profile.field(str(group_field)) is None:
        problems.append(_invalid("group_field", "field_undeclared"))
    if thresholds is not None:
        problems.extend(threshold_problems(thresholds))
    refuse_if(problems)
    with writing(sessions) as session:
        policy = policy_of(session, profile_id)
        changes: dict[str, Any] = {
            "hide_recommendation": hide_recommendation,
            "four_eyes": four_eyes,
            "claim_minutes": claim_minutes,
            "due_days": due_days,
            "thresholds": None if thresholds is None else dict(thresholds),
        }
        policy = replace(policy, **{k: v for k, v in changes.items() if v is not None})
        if group_field is not _UNSET:
            policy = replace(policy, group_field=group_field)
        row = session.get(ReviewPolicyRow, profile_id)
        if row is None:
            row = ReviewPolicyRow(profile_id=profile_id)
            session.add(row)
        row.hide_recommendation = policy.hide_recommendation
        row.four_eyes = policy.four_eyes
        row.claim_minutes = policy.claim_minutes
        row.due_days = policy.due_days
        row.group_field = policy.group_field
        row.thresholds = dict(policy.thresholds)
        row.updated_at = utcnow()
    return policy


def threshold_problems(thresholds: Mapping[str, Any]) -> list[Problem]:
    """Thresholds for the alerts: names (slugs) to numbers of 0 or more, or to such a
    mapping (e.g. a minimum share per opened item)."""
    problems: list[Problem] = []
    for name, value in thresholds.items():
        field = f"thresholds.{name}"
        if not isinstance(name, str) or not SLUG.fullmatch(name):
            problems.append(_invalid("thresholds", "threshold_name"))
        elif isinstance(value, Mapping):
            problems.extend(
                _invalid(f"{field}.{key}", "threshold_value")
                for key, inner in value.items()
                if not (isinstance(key, str) and SLUG.fullmatch(key) and _number(inner))
            )
        elif not _number(value):
            problems.append(_invalid(field, "threshold_value"))
    return problems


def _number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


__all__ = [
    "Authorisation",
    "ReviewerInfo",
    "add_reviewer",
    "authorise",
    "get_policy",
    "get_reviewer",
    "list_reviewers",
    "revoke",
    "set_policy",
    "set_reviewer_active",
    "threshold_problems",
]
