"""Reading the review desk's forms: the queue's filters, the dashboard's period, an
algorithm's review policy and a control case's inputs. Form fields are text; these turn
them into the values the services take, or into problems naming the field. Pure."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sluis.profiles.model import DataField, DataType
from sluis.review.alerts import AlertSettings
from sluis.review.facts import CaseKind, OpenedItem
from sluis.review.policy import CaseState, Policy
from sluis.review.report import Period
from sluis.review.thresholds import ReviewThresholds, ThresholdsInvalid
from sluis.web.pages.review_views import PageError, page_error

ORDERS = ("oldest", "deadline")
CHOICES = ("", "yes", "no")
FAST_SECONDS = "fast_seconds"
OPENED_SHARE = "min_opened_share"


def _threshold_kind(name: str) -> str:
    if name.startswith("min_decisions") or name == "min_control_cases":
        return "count"
    if name in ("max_agreement", "max_fast_share", "min_catch_rate"):
        return "share"
    return "seconds"


#: The thresholds the policy form offers, each with its kind (share, count or seconds);
#: the minimum shares of opened items come separately, one per item.
THRESHOLD_FIELDS: tuple[tuple[str, str], ...] = (
    *(
        (f.name, _threshold_kind(f.name))
        for f in fields(ReviewThresholds)
        if f.name != OPENED_SHARE
    ),
    (FAST_SECONDS, "seconds"),
)


# -- the queue ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    order: str = "oldest"
    state: str = ""
    kind: str = ""
    escalated: str = ""
    overdue: str = ""
    mine: bool = False

    def query(self) -> dict[str, Any]:
        """The service's keyword arguments (without ``claimed_by``, which needs the
        reviewer)."""
        return {
            "order": self.order,
            "states": [CaseState(self.state)] if self.state else None,
            "kind": CaseKind(self.kind) if self.kind else None,
            "escalated": _tri(self.escalated),
            "overdue": _tri(self.overdue),
        }


def _tri(choice: str) -> bool | None:
    return None if not choice else choice == "yes"


def queue_filters(params: Mapping[str, str], lang: str) -> tuple[QueueFilters, list[PageError]]:
    """The filters asked for; an unknown value is named and left out."""
    errors: list[PageError] = []

    def pick(name: str, allowed: tuple[str, ...], default: str = "") -> str:
        value = params.get(name, default) or default
        if value not in allowed:
            errors.append(
                page_error(name, "choice", lang, allowed=", ".join(a for a in allowed if a))
            )
            return default
        return value

    found = QueueFilters(
        order=pick("order", ORDERS, "oldest"),
        state=pick("state", ("", *(s.value for s in CaseState))),
        kind=pick("kind", ("", *(k.value for k in CaseKind))),
        escalated=pick("escalated", CHOICES),
        overdue=pick("overdue", CHOICES),
        mine=params.get("mine") in ("1", "on", "yes"),
    )
    return found, errors


# -- the dashboard -----------------------------------------------------------------------


def period(params: Mapping[str, str], lang: str) -> tuple[Period, list[PageError]]:
    """Whole days from ``since`` to ``until`` (YYYY-MM-DD, both optional)."""
    errors: list[PageError] = []
    days: dict[str, date | None] = {}
    for name in ("since", "until"):
        text = (params.get(name) or "").strip()
        days[name] = None
        if text:
            try:
                days[name] = date.fromisoformat(text)
            except ValueError:
                errors.append(page_error(name, "date_form", lang))
    since, until = days["since"], days["until"]
    if since and until and since > until:
        errors.append(page_error("since", "since_after_until", lang))
        return Period(), errors
    return Period(since, until), errors


# -- the policy --------------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyForm:
    """What the policy form holds, as typed (to show again when refused)."""

    values: dict[str, str] = field(default_factory=dict)
    checked: frozenset[str] = frozenset()


def policy_form(policy: Policy) -> PolicyForm:
    """The form filled in from the stored policy; thresholds left to their default are
    empty (the form shows the default beside them)."""
    values = {
        "claim_minutes": str(policy.claim_minutes),
        "due_days": str(policy.due_days),
        "group_field": policy.group_field or "",
    }
    for name, value in policy.thresholds.items():
        if name == OPENED_SHARE and isinstance(value, Mapping):
            values.update({f"{OPENED_SHARE}.{k}": _number_text(v) for k, v in value.items()})
        elif name != OPENED_SHARE:
            values[name] = _number_text(value)
    checked = {n for n in ("hide_recommendation", "four_eyes") if getattr(policy, n)}
    return PolicyForm(values, frozenset(checked))


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def threshold_defaults() -> dict[str, str]:
    defaults = AlertSettings()
    found = {
        f.name: _number_text(getattr(defaults.thresholds, f.name))
        for f in fields(ReviewThresholds)
        if f.name != OPENED_SHARE
    }
    found[FAST_SECONDS] = _number_text(defaults.metrics.fast_seconds)
    for item, share in defaults.thresholds.min_opened_share:
        found[f"{OPENED_SHARE}.{item.value}"] = _number_text(share)
    return found


def policy_changes(
    form: Mapping[str, str], declared_fields: list[str], lang: str
) -> tuple[dict[str, Any], list[PageError]]:
    """The keyword arguments of ``set_policy`` from the form, or every problem with it.
    Thresholds are checked as the alerts will read them, so a policy that would break the
    metrics is never stored."""
    errors: list[PageError] = []
    changes: dict[str, Any] = {
        "hide_recommendation": form.get("hide_recommendation") == "on",
        "four_eyes": form.get("four_eyes") == "on",
    }
    for name in ("claim_minutes", "due_days"):
        number = _whole(form.get(name, ""))
        if number is None:
            errors.append(page_error(name, "whole_number", lang))
        else:
            changes[name] = number
    group = form.get("group_field", "")
    if group and group not in declared_fields:
        errors.append(page_error("group_field", "choice", lang, allowed=", ".join(declared_fields)))
    changes["group_field"] = group or None
    thresholds: dict[str, Any] = {}
    for name, kind in THRESHOLD_FIELDS:
        text = form.get(name, "").strip()
        if not text:
            continue
        value = _whole(text) if kind == "count" else _decimal(text)
        if value is None:
            rule = "whole_number" if kind == "count" else "number"
            errors.append(page_error(f"thresholds.{name}", rule, lang))
        else:
            thresholds[name] = value
    shares: dict[str, float] = {}
    for item in OpenedItem:
        text = form.get(f"{OPENED_SHARE}.{item.value}", "").strip()
        if text:
            share = _decimal(text)
            if share is None:
                errors.append(page_error(f"thresholds.{OPENED_SHARE}.{item.value}", "number", lang))
            else:
                shares[item.value] = share
    if shares:
        thresholds[OPENED_SHARE] = shares
    if not errors:
        try:
            AlertSettings.from_mapping(thresholds)
        except ThresholdsInvalid as exc:
            errors.extend(PageError("thresholds", problem) for problem in exc.problems)
    changes["thresholds"] = thresholds
    return changes, errors


def _whole(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


def _decimal(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


# -- control cases -----------------------------------------------------------------------

_TRUTH = {"true": True, "yes": True, "ja": True, "false": False, "no": False, "nee": False}


def typed_inputs(declared: list[DataField], form: Mapping[str, str]) -> dict[str, object]:
    """The made-up inputs of a control case: each filled-in field (``input.<name>``) as
    its declared type. A value that does not convert stays text, for the gateway to refuse
    naming the field and the rule, as it does for any decision."""
    inputs: dict[str, object] = {}
    for spec in declared:
        text = form.get(f"input.{spec.name}", "").strip()
        if not text:
            continue
        value: object = text
        if spec.type is DataType.integer:
            value = _whole(text) if _whole(text) is not None else text
        elif spec.type is DataType.number:
            number = _decimal(text)
            value = number if number is not None else text
        elif spec.type is DataType.boolean:
            value = _TRUTH.get(text.lower(), text)
        inputs[spec.name] = value
    return inputs


__all__ = [
    "ORDERS",
    "THRESHOLD_FIELDS",
    "PolicyForm",
    "QueueFilters",
    "period",
    "policy_changes",
    "policy_form",
    "queue_filters",
    "threshold_defaults",
    "typed_inputs",
]
