"""The kinds of request a person can make, what each rests on and what it sets in motion.
Pure: no I/O.

The keys match the rights a decision notice offers (``sluis.notices.rights``), so a link
``/requests/new?ref=...&right=contest`` from a notice lands on the right form; the notice
calls objection ``object_processing``, which is taken as an alias.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sluis.law.citations import Citation, gdpr


class RequestKind(StrEnum):
    access = "access"  # art. 15: a copy of the data and what is done with them
    rectification = "rectification"  # art. 16: correct inaccurate data
    erasure = "erasure"  # art. 17: erase the data
    restriction = "restriction"  # art. 18: keep the data but do not use them
    objection = "objection"  # art. 21: stop processing based on public task or interest
    human_intervention = "human_intervention"  # art. 22(3): a human looks at the decision
    express_view = "express_view"  # art. 22(3): the person's point of view is weighed
    contest = "contest"  # art. 22(3): the decision is reconsidered by another person
    explanation = "explanation"  # recital 71, art. 15(1)(h): how the decision came about


class Work(StrEnum):
    """What a request sets in motion once the person's identity is confirmed."""

    package = "package"  # the access package is made at once
    notice = "notice"  # the decision notice with its explanation, at once
    review = "review"  # a new review round by another reviewer
    view = "view"  # the view goes to the decision's reviewer
    staff = "staff"  # a staff member carries it out (rectify, erase, restrict, weigh)


class Channel(StrEnum):
    portal = "portal"  # the public web portal
    api = "api"  # the JSON API (another system of the organisation)
    letter = "letter"
    email = "email"
    phone = "phone"


#: Channels through which staff register a request that came in another way.
STAFF_CHANNELS = frozenset({Channel.letter, Channel.email, Channel.phone, Channel.api})


@dataclass(frozen=True)
class KindRule:
    kind: RequestKind
    article: Citation
    work: Work
    needs_decision: bool  # only about one decision: the person gives its reference

    @property
    def message_key(self) -> str:
        return f"rights.kind.{self.kind.value}"


RULES: dict[RequestKind, KindRule] = {
    rule.kind: rule
    for rule in (
        KindRule(RequestKind.access, gdpr("15"), Work.package, False),
        KindRule(RequestKind.rectification, gdpr("16"), Work.staff, False),
        KindRule(RequestKind.erasure, gdpr("17"), Work.staff, False),
        KindRule(RequestKind.restriction, gdpr("18"), Work.staff, False),
        KindRule(RequestKind.objection, gdpr("21(1)"), Work.staff, False),
        KindRule(RequestKind.human_intervention, gdpr("22(3)"), Work.review, True),
        KindRule(RequestKind.express_view, gdpr("22(3)"), Work.view, True),
        KindRule(RequestKind.contest, gdpr("22(3)"), Work.review, True),
        KindRule(RequestKind.explanation, gdpr("recital 71"), Work.notice, True),
    )
}

_ALIASES = {"object_processing": RequestKind.objection}


def parse_kind(text: str | None) -> RequestKind | None:
    """The kind named by ``text`` (a notice's right key included), or None."""
    if not text:
        return None
    cleaned = text.strip().lower()
    if cleaned in _ALIASES:
        return _ALIASES[cleaned]
    try:
        return RequestKind(cleaned)
    except ValueError:
        return None


def rule_of(kind: RequestKind) -> KindRule:
    return RULES[kind]


__all__ = [
    "RULES",
    "STAFF_CHANNELS",
    "Channel",
    "KindRule",
    "RequestKind",
    "Work",
    "parse_kind",
    "rule_of",
]
