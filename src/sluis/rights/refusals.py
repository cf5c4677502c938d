"""Why a request may be refused, in whole or in part, and what the person must then be
told. Pure: no I/O.

GDPR art. 12(4): a controller that does not act on a request tells the person without
delay, within a month at the latest, why not, and that they may complain to a supervisory
authority (art. 77) and go to court (art. 79). Every refusal here carries its own article
next to those.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sluis.law.citations import Citation, gdpr

ART_12_4 = gdpr("12(4)")
COMPLAINT = gdpr("77")
COURT = gdpr("79")


class RefusalReason(StrEnum):
    manifestly_unfounded = "manifestly_unfounded"  # art. 12(5): the controller proves it
    excessive = "excessive"  # art. 12(5), e.g. repeated requests: the controller proves it
    identity_not_confirmed = "identity_not_confirmed"  # art. 12(2), 12(6)
    retention_duty = "retention_duty"  # art. 17(3)(b): a legal duty to keep the data
    legal_hold = "legal_hold"  # art. 17(3)(e): needed for legal claims
    compelling_grounds = "compelling_grounds"  # art. 21(1): grounds that override
    data_accurate = "data_accurate"  # art. 16: the data are correct as they are
    not_automated = "not_automated"  # art. 22(3) applies only to automated decisions
    other = "other"  # another reason, written out by staff


@dataclass(frozen=True)
class RefusalRule:
    reason: RefusalReason
    articles: tuple[Citation, ...]
    needs_text: bool  # staff must write out the reasons for this person

    @property
    def message_key(self) -> str:
        return f"rights.refusal.{self.reason.value}"


REFUSALS: dict[RefusalReason, RefusalRule] = {
    rule.reason: rule
    for rule in (
        RefusalRule(RefusalReason.manifestly_unfounded, (gdpr("12(5)"),), True),
        RefusalRule(RefusalReason.excessive, (gdpr("12(5)"),), True),
        RefusalRule(RefusalReason.identity_not_confirmed, (gdpr("12(2)"), gdpr("12(6)")), False),
        RefusalRule(RefusalReason.retention_duty, (gdpr("17(3)(b)"),), False),
        RefusalRule(RefusalReason.legal_hold, (gdpr("17(3)(e)"),), False),
        RefusalRule(RefusalReason.compelling_grounds, (gdpr("21(1)"),), True),
        RefusalRule(RefusalReason.data_accurate, (gdpr("16"), gdpr("5(1)(d)")), True),
        RefusalRule(RefusalReason.not_automated, (gdpr("22(1)"), gdpr("22(3)")), True),
        RefusalRule(RefusalReason.other, (ART_12_4,), True),
    )
}

#: What every refusal (and partial refusal) adds: the right to complain and to go to court.
REMEDIES: tuple[Citation, ...] = (ART_12_4, COMPLAINT, COURT)


def refusal_rule(reason: RefusalReason) -> RefusalRule:
    return REFUSALS[reason]


__all__ = [
    "ART_12_4",
    "COMPLAINT",
    "COURT",
    "REFUSALS",
    "REMEDIES",
    "RefusalReason",
    "RefusalRule",
    "refusal_rule",
]
