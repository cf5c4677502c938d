"""Routing by the assessment: may a decision take effect without a human?

A decision is ``final`` only where the law allows a solely automated decision: an art. 22(2)
exception carries it, or it has no legal or similarly significant effect. Where a human
meaningfully decides before any effect, the procedure's outcome is a proposal
(``pending_review``); where the ban applies or facts are missing, a human must decide
(``pending_review``); a risk selection only marks a case for a human look
(``selected_for_review``) and never carries a consequence by itself. Whatever the caller
asks, Sluis never finalises what the law does not allow.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from sluis.law.citations import AP_HUMAN_INTERVENTION, AP_RISK_SELECTION, Citation, gdpr, wp251
from sluis.law.findings import Text, t
from sluis.law.results import Art22Verdict, DecisionArt22
from sluis.profiles.model import Decision

Requested = Literal["auto", "final", "review"]
REQUESTS: tuple[str, ...] = ("auto", "final", "review")


class RouteStatus(StrEnum):
    final = "final"
    pending_review = "pending_review"
    selected_for_review = "selected_for_review"


@dataclass(frozen=True, slots=True)
class RouteReason:
    """Why a decision goes where it goes; a stable ``code`` for machines."""

    code: str
    text: Text
    articles: tuple[Citation, ...]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "text": {"nl": self.text.nl, "en": self.text.en},
            "articles": [a.label("en") for a in self.articles],
        }


@dataclass(frozen=True, slots=True)
class Route:
    """Where a decision goes. ``finalisable``: whether the law allows this decision to take
    effect without a human; ``refused_final``: the caller asked for ``final`` and Sluis
    refused (an event for the audit trail)."""

    status: RouteStatus
    reasons: tuple[RouteReason, ...]
    articles: tuple[Citation, ...]
    finalisable: bool
    refused_final: bool = False
    requested: str = "auto"

    @property
    def is_final(self) -> bool:
        return self.status is RouteStatus.final

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "finalisable": self.finalisable,
            "refused_final": self.refused_final,
            "requested": self.requested,
            "reasons": [r.to_json_dict() for r in self.reasons],
            "articles": [a.label("en") for a in self.articles],
        }


def _reason(code: str, text: Text, *articles: Citation) -> RouteReason:
    return RouteReason(code, text, tuple(articles))


RISK_SELECTION = _reason(
    "risk_selection",
    t(
        "Een risicoselectie markeert alleen een zaak voor nader menselijk onderzoek; de "
        "selectie zelf heeft geen gevolg voor de persoon.",
        "A risk selection only marks a case for a closer human look; the selection itself has "
        "no consequence for the person.",
    ),
    AP_RISK_SELECTION,
    gdpr("22(1)"),
)
RISK_SELECTION_OUTSIDE_DOCTRINE = _reason(
    "risk_selection_outside_doctrine",
    t(
        "Dit besluit is een risicoselectie, maar niet alle voorwaarden om buiten art. 22 te "
        "blijven zijn vervuld. Een selectie heeft in Sluis nooit zelf een gevolg: eerst "
        "beoordeelt een mens de zaak.",
        "This decision is a risk selection, but not every condition for staying outside art. "
        "22 is met. In Sluis a selection never carries a consequence by itself: a human "
        "reviews the case first.",
    ),
    AP_RISK_SELECTION,
    gdpr("22(1)"),
)
HUMAN_REVIEW_BEFORE_EFFECT = _reason(
    "human_review_before_effect",
    t(
        "Volgens het profiel beslist een mens betekenisvol voordat het besluit gevolgen heeft; "
        "de uitkomst van de procedure is dus een voorstel dat op die beoordeling wacht.",
        "According to the profile a human decides meaningfully before the decision takes "
        "effect; the procedure's outcome is therefore a proposal awaiting that review.",
    ),
    gdpr("22(1)"),
    wp251("IV.A"),
    AP_HUMAN_INTERVENTION,
)
NO_SIGNIFICANT_EFFECT = _reason(
    "no_significant_effect",
    t(
        "Het besluit heeft geen rechtsgevolg en treft de persoon niet in aanmerkelijke mate; "
        "het verbod op uitsluitend geautomatiseerde besluiten geldt niet.",
        "The decision has no legal effect and does not significantly affect the person; the "
        "ban on solely automated decisions does not apply.",
    ),
    gdpr("22(1)"),
)
PROHIBITED = _reason(
    "prohibited",
    t(
        "Het verbod op uitsluitend geautomatiseerde besluiten geldt en geen uitzondering draagt "
        "dit besluit: een mens moet betekenisvol beslissen voordat het gevolgen heeft.",
        "The ban on solely automated decisions applies and no exception carries this decision: "
        "a human must decide meaningfully before it takes effect.",
    ),
    gdpr("22(1)"),
)
UNKNOWN = _reason(
    "unknown",
    t(
        "Er ontbreken feiten om vast te stellen of dit besluit geautomatiseerd mag worden "
        "genomen; zolang dat open is, beslist een mens.",
        "Facts are missing to establish whether this decision may be taken automatically; "
        "while that is open, a human decides.",
    ),
    gdpr("22(1)"),
)
REFUSED_FINAL = _reason(
    "refused_final",
    t(
        "Er werd om een definitief besluit gevraagd, maar de wet staat dat hier niet toe zonder "
        "menselijke beoordeling; Sluis maakt het besluit niet definitief.",
        "A final decision was asked for, but the law does not allow one here without human "
        "review; Sluis does not make the decision final.",
    ),
    gdpr("22(1)"),
)
REVIEW_REQUESTED = _reason(
    "review_requested",
    t(
        "Om menselijke beoordeling werd gevraagd, ook al mag dit besluit geautomatiseerd "
        "worden genomen.",
        "Human review was asked for, although this decision may be taken automatically.",
    ),
    gdpr("22(3)"),
)


def _exception_allows(assessment: DecisionArt22) -> RouteReason:
    return _reason(
        "exception_allows",
        t(
            "Een uitzondering van art. 22(2) staat dit uitsluitend geautomatiseerde besluit "
            "toe, met de verplichte waarborgen.",
            "An exception of art. 22(2) allows this solely automated decision, with its "
            "mandatory safeguards.",
        ),
        *(assessment.exception_reasoning.articles or (gdpr("22(2)"),)),
    )


def _by_law(
    assessment: DecisionArt22, decision: Decision | None
) -> tuple[RouteStatus, RouteReason]:
    """Where the law sends the decision, before the caller's request is looked at."""
    conditions = assessment.conditions
    if assessment.risk_selection_doctrine:
        return RouteStatus.selected_for_review, RISK_SELECTION
    if decision is not None and decision.risk_selection:
        return RouteStatus.selected_for_review, RISK_SELECTION_OUTSIDE_DOCTRINE
    if conditions.solely_automated.value is False:
        return RouteStatus.pending_review, HUMAN_REVIEW_BEFORE_EFFECT
    verdict = assessment.verdict
    if verdict is Art22Verdict.allowed_with_safeguards:
        return RouteStatus.final, _exception_allows(assessment)
    if verdict is Art22Verdict.not_applicable and conditions.significant_effect.value is False:
        return RouteStatus.final, NO_SIGNIFICANT_EFFECT
    if verdict is Art22Verdict.prohibited:
        return RouteStatus.pending_review, PROHIBITED
    return RouteStatus.pending_review, UNKNOWN


def route(
    decision_assessment: DecisionArt22,
    requested: Requested = "auto",
    *,
    decision: Decision | None = None,
) -> Route:
    """Route a decision by its art. 22 assessment.

    ``requested``: ``auto`` (what the law allows), ``final`` (the caller wants the decision
    to take effect now; refused where the law does not allow it) or ``review`` (a human
    decides even where automation is allowed). Pass the profile's ``decision`` so that a
    risk selection outside the AP's doctrine is recognised too (the assessment alone only
    records whether the doctrine holds).
    """
    if requested not in REQUESTS:
        raise ValueError(f"requested must be one of {', '.join(REQUESTS)}")
    status, reason = _by_law(decision_assessment, decision)
    finalisable = status is RouteStatus.final
    reasons = [reason]
    refused = False
    if requested == "final" and not finalisable:
        refused = True
        reasons.append(REFUSED_FINAL)
    elif requested == "review" and finalisable:
        status = RouteStatus.pending_review
        reasons.append(REVIEW_REQUESTED)
    articles = tuple(dict.fromkeys(a for r in reasons for a in r.articles))
    return Route(status, tuple(reasons), articles, finalisable, refused, requested)


__all__ = ["REQUESTS", "Requested", "Route", "RouteReason", "RouteStatus", "route"]
