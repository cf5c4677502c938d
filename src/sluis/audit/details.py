"""What an audit event may say: an allow-list of detail keys per event type.

The audit trail is append-only and kept for years; it cannot be erased for one person.
So it must never hold personal data (GDPR art. 5(1)(c) and (e)): no input values, no
subject ids or pseudonyms, no outcomes or scores of a person. Details are limited to
counts, statuses, rule names, declared field names, versions, digests and positions in a
batch. Every event type lists the keys it may carry and what each value must look like;
anything else is refused before it is written, so a careless caller cannot leak data
into the trail by adding a key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

Check = Callable[[object], bool]

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_RULE = re.compile(r"^[a-z_]{1,40}$")
STATUSES = frozenset({"final", "pending_review", "selected_for_review"})
MAX_PROBLEMS = 200


class AuditDetailsRefused(ValueError):
    """Details that the allow-list does not permit; nothing was written."""


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _flag(value: object) -> bool:
    return isinstance(value, bool)


def _slug(value: object) -> bool:
    return isinstance(value, str) and _SLUG.fullmatch(value) is not None


def _digest(value: object) -> bool:
    return isinstance(value, str) and _HEX64.fullmatch(value) is not None


def _trace_id(value: object) -> bool:
    # The W3C trace id of the decision's processing-log record (sluis.processing_log): a
    # random number that leads from the trail to the log, where the person is encrypted.
    return isinstance(value, str) and _HEX32.fullmatch(value) is not None


def _uuid(value: object) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def _status(value: object) -> bool:
    return value in STATUSES


def _one_of(*allowed: str) -> Check:
    return lambda value: value in allowed


def _statuses(value: object) -> bool:
    return isinstance(value, dict) and all(k in STATUSES and _count(v) for k, v in value.items())


def _problem(value: object) -> bool:
    # A field name only when it is one the profile declares (the service puts None for
    # undeclared names, which are the caller's free text); the rule is one of ours.
    return (
        isinstance(value, dict)
        and set(value) <= {"field", "rule", "rows"}
        and (value.get("field") is None or _slug(value["field"]))
        and isinstance(value.get("rule"), str)
        and _RULE.fullmatch(value["rule"]) is not None
        and ("rows" not in value or _count(value["rows"]))
    )


def _problems(value: object) -> bool:
    return isinstance(value, list) and len(value) <= MAX_PROBLEMS and all(map(_problem, value))


_DECISION = {
    "decision_id": _slug,
    "profile_version": _count,
    "procedure_version": _digest,
}

#: Event type → detail key → check. The gateway's events; others add theirs here.
EVENT_DETAILS: dict[str, dict[str, Check]] = {
    # One decision recorded with status final.
    "decided": {**_DECISION, "status": _status, "digest": _digest, "trace_id": _trace_id},
    # One decision recorded as pending_review or selected_for_review.
    "routed_for_review": {
        **_DECISION,
        "status": _status,
        "digest": _digest,
        "trace_id": _trace_id,
    },
    # The caller asked for a final decision where the law requires a human.
    "refused_final": {**_DECISION, "status": _status, "trace_id": _trace_id},
    # Inputs refused: which fields broke which rules (never the values).
    "refused_input": {
        **_DECISION,
        "problems": _problems,
        "rows": _count,
        "batch_id": _uuid,
        "chunk": _count,
        "atomic": _flag,
    },
    # A procedure returned an outcome its decision does not declare: the decision (or
    # batch row) was refused. Never the outcome itself.
    "refused_outcome": {
        **_DECISION,
        "rows": _count,
        "batch_id": _uuid,
        "chunk": _count,
        "atomic": _flag,
    },
    # A request the gateway could not serve at all (unknown decision, no procedure...).
    "refused_request": {
        "decision_id": _slug,
        "reason": _one_of(
            "unknown_profile", "unknown_decision", "no_procedure", "procedure_outdated"
        ),
    },
    # One chunk of a batch: the decisions it recorded, summarised and vouched for by a
    # digest of the stored rows.
    "batch_decided": {
        **_DECISION,
        "batch_id": _uuid,
        "chunk": _count,
        "first_row": _count,
        "rows": _count,
        "statuses": _statuses,
        "refused_final": _count,
        "first_decision": _uuid,
        "last_decision": _uuid,
        "digest": _digest,
    },
    "procedure_registered": {
        **_DECISION,
        "kind": _one_of("rules", "model"),
    },
    # Crypto-shredding of one subject's key (how many records it made unreadable).
    "subject_erased": {"keys_destroyed": _count, "records": _count},
    # The review desk (sluis.review): one act of a reviewer on a case. Never the outcome
    # chosen nor the reason: both are about the person.
    "reviewed": {
        "decision_id": _slug,
        "case_id": _uuid,
        "action": _one_of(
            "confirm", "override", "request_information", "escalate", "agree", "disagree"
        ),
        "stage": _one_of("first", "second"),
        "round": _count,
        "kind": _one_of("initial", "contest"),
        "settled": _flag,
        "escalated": _flag,
    },
    # A decision contested by the person (art. 22(3)): a new review round.
    "review_contested": {
        "decision_id": _slug,
        "case_id": _uuid,
        "round": _count,
        "submissions": _count,
    },
    # Something the person submitted about a decision (their view, a document).
    "submission_received": {"decision_id": _slug, "kind": _one_of("point_of_view", "document")},
    # The privacy officer planted a control case with a known right answer.
    "control_planted": {"decision_id": _slug},
    # The rights desk (sluis.rights): a request of a data subject received, extended,
    # closed; processing of a subject restricted or the restriction lifted. Never who the
    # request is about nor what they wrote.
    "rights_received": {"kind": _slug, "channel": _slug},
    "rights_extended": {"kind": _slug},
    "rights_closed": {"kind": _slug, "state": _one_of("answered", "refused"), "refusal": _slug},
    "subject_restricted": {"kind": _slug},
    "restriction_lifted": {"kind": _slug},
    # Fairness monitoring (sluis.fairness.records): group attributes or ground truth
    # recorded for decisions (how many, never which groups), and those past their
    # retention deleted.
    "monitoring_recorded": {"kind": _one_of("attributes", "ground_truth"), "rows": _count},
    "monitoring_purged": {"attributes": _count, "ground_truth": _count},
    # Trust (sluis.audit.anchors, sluis.retention): the chain's head was anchored (signed);
    # a run of the retention job, in counts; a legal hold placed or lifted, by its scope
    # only (the algorithm is the event's profile id; a subject is never named).
    "audit_anchored": {"anchor": _count},
    "retention_run": {
        "erased": _count,
        "keys_destroyed": _count,
        "held": _count,
        "waiting": _count,
        "undetermined": _count,
    },
    "legal_hold_placed": {"scope": _one_of("algorithm", "subject")},
    "legal_hold_lifted": {"scope": _one_of("algorithm", "subject")},
}


def check_details(event: str, details: Mapping[str, object]) -> None:
    """Raise :class:`AuditDetailsRefused` unless every key is allowed for ``event`` and
    every value passes its check. Messages name the key, never the value."""
    allowed = EVENT_DETAILS.get(event)
    if allowed is None:
        raise AuditDetailsRefused(f"unknown audit event type {event!r}")
    for key, value in details.items():
        check = allowed.get(key)
        if check is None:
            raise AuditDetailsRefused(f"{event}: detail {key!r} is not on the allow-list")
        if value is not None and not check(value):
            raise AuditDetailsRefused(f"{event}: detail {key!r} has a value of a refused form")
