"""Review cases made by the gateway, and wiped with the subject.

Every decision the gateway records with a status other than ``final`` gets an ``initial``
review case in the same transaction, so no decision that waits for a human can be left
without a case. The gateway calls :func:`open_initial_cases` on its raw transaction
(``sluis.store.dbapi``), once per decision or once per chunk of a batch: one look-up of
the policy's deadline and one (bulk) insert, its parameters built in the driver's form.

Shredding a subject (``sluis.gateway.stored.shred_subject``) calls :func:`wipe_reviews`:
what the review tables hold in the clear about the person (proposed and chosen outcomes,
first views, group labels) is wiped, and cases not yet settled are closed as ``erased``.
Reasons and submissions are encrypted with the subject's key and go with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, null, select, update

from sluis.gateway.records import new_ids
from sluis.review.facts import CaseKind
from sluis.review.policy import DEFAULT_POLICY, CaseState, Stage, due_at
from sluis.store.dbapi import RawTransaction
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewActRow, ReviewCaseRow, ReviewPolicyRow

_cases = ReviewCaseRow.__table__
_acts = ReviewActRow.__table__
_decisions = DecisionRow.__table__
_policies = ReviewPolicyRow.__table__

INSERT_CASE = insert(_cases)
_DUE_DAYS = select(_policies.c.due_days).where(_policies.c.profile_id == bindparam("profile_id"))
# What a new case holds besides its decision, deadline and time; converted once per dialect.
_NEW_CASE: dict[str, Any] = {
    "kind": CaseKind.initial.value,
    "round": 0,
    "state": CaseState.open.value,
    "stage": Stage.first.value,
    "escalated": False,
    "claimed_by": None,
    "claimed_at": None,
    "claim_expires_at": None,
    "opened": [],
    "first_view": None,
    "first_view_at": None,
    "first_reviewer": None,
    "pending_outcome": None,
    "excluded_reviewers": [],
    "closed_at": None,
}
_FIXED: dict[str, dict[str, Any]] = {}
# Given per case, as plain text (which every driver takes as it is).
_PER_ROW = ("id", "decision_uuid", "proposed_outcome")
_SHARED = ("profile_id", "decision_id", "due_at", "created_at")
_LAYOUTS: dict[str, tuple[list[Any] | None, tuple[tuple[str, int], ...], tuple[int, ...]]] = {}

_OF_KEY = select(_decisions.c.id).where(_decisions.c.key_id == bindparam("b_key_id"))
_CASES_OF_KEY = select(_cases.c.id).where(_cases.c.decision_uuid.in_(_OF_KEY))
_WIPE_CASES = (
    update(_cases)
    .where(_cases.c.decision_uuid.in_(_OF_KEY))
    .values(proposed_outcome=null(), first_view=null(), pending_outcome=null())
)
_CLOSE_CASES = (
    update(_cases)
    .where(_cases.c.decision_uuid.in_(_OF_KEY))
    .where(_cases.c.state != CaseState.decided.value)
    .where(_cases.c.state != CaseState.erased.value)
    .values(
        state=CaseState.erased.value,
        claimed_by=null(),
        claimed_at=null(),
        claim_expires_at=null(),
        closed_at=bindparam("b_closed_at"),
    )
)
_WIPE_ACTS = (
    update(_acts)
    .where(_acts.c.case_id.in_(_CASES_OF_KEY))
    .values(outcome=null(), first_view=null(), group_label=null())
)


def open_initial_cases(
    tx: RawTransaction,
    profile_id: str,
    decision_id: str,
    decision_uuids: Sequence[str],
    proposed_outcomes: Sequence[str | None],
    now: datetime,
) -> None:
    """Insert an open ``initial`` case (round 0) for each of these decisions, in ``tx``.

    ``proposed_outcomes[i]`` is the procedure's outcome for ``decision_uuids[i]``; the
    deadline follows the algorithm's review policy (``due_days``).
    """
    if not decision_uuids:
        return
    found = tx.execute(_DUE_DAYS, {"profile_id": profile_id}).fetchone()
    due_days = DEFAULT_POLICY.due_days if found is None else int(found[0])
    prepared = tx.prepared(INSERT_CASE)
    shared = {
        "profile_id": profile_id,
        "decision_id": decision_id,
        "due_at": prepared.convert("due_at", due_at(CaseKind.initial, now, due_days)),
        "created_at": prepared.convert("created_at", now),
    }
    rows = zip(new_ids(len(decision_uuids)), decision_uuids, proposed_outcomes, strict=True)
    template, shared_at, row_at = _layout(tx)
    if template is not None:  # positional parameters (SQLite)
        base = template.copy()
        for name, position in shared_at:
            base[position] = shared[name]
        params: list[Any] = []
        for values in rows:
            row = base.copy()
            for position, value in zip(row_at, values, strict=True):
                row[position] = value
            params.append(row)
    else:
        base_dict = {**_fixed(tx), **shared}
        params = [{**base_dict, **dict(zip(_PER_ROW, values, strict=True))} for values in rows]
    if len(params) == 1:
        tx.execute_text(prepared.sql, params[0])
    else:
        tx.executemany_bound(INSERT_CASE, params)


def _fixed(tx: RawTransaction) -> dict[str, Any]:
    """The values every new case shares, in the driver's form (converted once)."""
    found = _FIXED.get(tx.dialect.name)
    if found is None:
        prepared = tx.prepared(INSERT_CASE)
        found = {name: prepared.convert(name, value) for name, value in _NEW_CASE.items()}
        _FIXED[tx.dialect.name] = found
    return found


def _layout(
    tx: RawTransaction,
) -> tuple[list[Any] | None, tuple[tuple[str, int], ...], tuple[int, ...]]:
    """For positional drivers: a row of the fixed values, and where the shared and the
    per-case values go (worked out once per dialect)."""
    found = _LAYOUTS.get(tx.dialect.name)
    if found is None:
        prepared = tx.prepared(INSERT_CASE)
        if not prepared.positional:
            found = (None, (), ())
        else:
            names = prepared.names
            fixed = _fixed(tx)
            found = (
                [fixed.get(name) for name in names],
                tuple((n, names.index(n)) for n in _SHARED),
                tuple(names.index(n) for n in _PER_ROW),
            )
        _LAYOUTS[tx.dialect.name] = found
    return found


def wipe_reviews(tx: RawTransaction, key_id: str, now: datetime) -> None:
    """Wipe what the review tables hold in the clear about the records sealed with the
    destroyed key ``key_id``, and close their unsettled cases as ``erased``."""
    tx.execute(_CLOSE_CASES, {"b_key_id": key_id, "b_closed_at": now})
    tx.execute(_WIPE_CASES, {"b_key_id": key_id})
    tx.execute(_WIPE_ACTS, {"b_key_id": key_id})


__all__ = ["INSERT_CASE", "open_initial_cases", "wipe_reviews"]
