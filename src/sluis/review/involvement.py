"""Declared against measured: what the profile says about human involvement in a decision,
and what the review metrics show of it in practice.

A profile declares the degree (``human_involvement``: none, token, meaningful) and the
stage (``human_stage``: before or after the decision takes effect) of human involvement;
the art. 22 assessment rests on that declaration. The metrics can contradict it: reviews
that look like rubber-stamping mean a decision declared "meaningful" may in law be solely
automated (GDPR art. 22(1); CJEU C-634/21 SCHUFA; Dutch DPA guidance 2025). The metrics can
never prove review meaningful, only show warning signs or their absence; the wording says
so. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sluis.law.citations import AP_HUMAN_INTERVENTION, Citation, gdpr
from sluis.law.findings import Text, t
from sluis.profiles.model import AlgorithmProfile, HumanInvolvement, HumanStage
from sluis.review.alerts import AlertCode, Evaluation
from sluis.review.facts import CaseKind
from sluis.review.metrics import GroupMetrics, algorithm_key


@dataclass(frozen=True)
class DeclaredDecision:
    """What a profile version declares about one decision's human involvement."""

    profile_id: str
    profile_name: str
    profile_version: int | None
    decision_id: str
    description: str
    human_involvement: HumanInvolvement | None
    human_stage: HumanStage | None

    @property
    def algorithm(self) -> str:
        return algorithm_key(self.profile_id, self.decision_id)


def declared_decisions(
    profile: AlgorithmProfile, version: int | None = None
) -> list[DeclaredDecision]:
    return [
        DeclaredDecision(
            profile_id=profile.id,
            profile_name=profile.name,
            profile_version=version,
            decision_id=d.id,
            description=d.description,
            human_involvement=d.human_involvement,
            human_stage=d.human_stage,
        )
        for d in profile.decisions
    ]


class MeasuredInvolvement(StrEnum):
    no_reviews = "no_reviews"
    too_few_to_judge = "too_few_to_judge"
    warning_signs = "warning_signs"  # at least one alert
    no_warning_signs = "no_warning_signs"


#: The checks that must have been made on the whole decision before "no warning signs"
#: can be said: without them, the absence of alerts means nothing.
DECISIVE_CHECKS = (AlertCode.agreement_high, AlertCode.median_time_low)


def measured_involvement(overall: GroupMetrics, evaluation: Evaluation) -> MeasuredInvolvement:
    if overall.acts == 0:
        return MeasuredInvolvement.no_reviews
    if evaluation.alerts:
        return MeasuredInvolvement.warning_signs
    if any(tf.scope == overall.scope and tf.code in DECISIVE_CHECKS for tf in evaluation.too_few):
        return MeasuredInvolvement.too_few_to_judge
    return MeasuredInvolvement.no_warning_signs


@dataclass(frozen=True)
class Note:
    """A remark on declared against measured involvement, with its sources."""

    id: str
    text: Text
    articles: tuple[Citation, ...]


_ART22 = (gdpr("22(1)"), gdpr("22(3)"), AP_HUMAN_INTERVENTION)


def comparison_notes(
    declared: DeclaredDecision | None, overall: GroupMetrics, measured: MeasuredInvolvement
) -> list[Note]:
    """What the privacy officer should know where declaration and practice part ways."""
    notes: list[Note] = []
    involvement = declared.human_involvement if declared else None
    acts = overall.acts
    if declared is None:
        notes.append(
            Note(
                "undeclared_decision",
                t(
                    f"Er zijn {acts} beoordelingen vastgelegd voor een besluit dat het profiel "
                    "niet (meer) beschrijft. Leg het besluit vast in het profiel, zodat de "
                    "beoordeling van art. 22 erover gaat.",
                    f"{acts} review acts were recorded for a decision the profile does not "
                    "(or no longer) describe. Describe the decision in the profile, so the "
                    "art. 22 assessment covers it.",
                ),
                (gdpr("22(1)"),),
            )
        )
        return notes
    if involvement is None:
        notes.append(
            Note(
                "involvement_not_stated",
                t(
                    "Het profiel zegt niet hoe mensen bij dit besluit betrokken zijn; de "
                    "beoordeling van art. 22 laat dat als open vraag staan. De metingen "
                    "hieronder helpen die vraag te beantwoorden.",
                    "The profile does not say how people take part in this decision; the "
                    "art. 22 assessment leaves that as an open question. The measurements "
                    "below help answer it.",
                ),
                _ART22,
            )
        )
    if involvement is HumanInvolvement.meaningful and measured is MeasuredInvolvement.warning_signs:
        notes.append(
            Note(
                "declared_meaningful_but_warning_signs",
                t(
                    "Het profiel noemt de menselijke tussenkomst betekenisvol, maar de metingen "
                    "tonen tekenen van afstempelen (zie de signalen). Is de beoordeling in de "
                    "praktijk niet betekenisvol, dan is het besluit juridisch uitsluitend "
                    "geautomatiseerd (art. 22 lid 1 AVG) en klopt de beoordeling van het "
                    "profiel en de DPIA niet meer: verbeter de beoordeling, of pas het profiel "
                    "aan.",
                    "The profile calls the human involvement meaningful, but the measurements "
                    "show signs of rubber-stamping (see the alerts). If review is not "
                    "meaningful in practice, the decision is solely automated in law (GDPR art. "
                    "22(1)) and the profile's assessment and the DPIA no longer hold: improve "
                    "the review, or correct the profile.",
                ),
                _ART22,
            )
        )
    if involvement is HumanInvolvement.meaningful and measured is MeasuredInvolvement.no_reviews:
        notes.append(
            Note(
                "declared_meaningful_but_no_reviews",
                t(
                    "Het profiel noemt de menselijke tussenkomst betekenisvol, maar in deze "
                    "periode is geen enkele beoordeling vastgelegd.",
                    "The profile calls the human involvement meaningful, but no review at all "
                    "was recorded in this period.",
                ),
                _ART22,
            )
        )
    if involvement is HumanInvolvement.token:
        notes.append(
            Note(
                "declared_token",
                t(
                    "Het profiel noemt de menselijke rol zelf symbolisch: voor art. 22 geldt "
                    "het besluit dan als uitsluitend geautomatiseerd, wat de metingen ook "
                    "laten zien.",
                    "The profile itself calls the human role token: for art. 22 the decision "
                    "then counts as solely automated, whatever the measurements show.",
                ),
                _ART22,
            )
        )
    if involvement is HumanInvolvement.none and acts:
        notes.append(
            Note(
                "declared_none_but_reviews",
                t(
                    f"Het profiel zegt dat er geen mens bij dit besluit betrokken is, maar er "
                    f"zijn {acts} beoordelingen vastgelegd. Pas het profiel aan, zodat de "
                    "beoordeling van art. 22 de praktijk volgt.",
                    f"The profile says no human takes part in this decision, yet {acts} review "
                    "acts were recorded. Correct the profile, so the art. 22 assessment follows "
                    "practice.",
                ),
                (gdpr("22(1)"),),
            )
        )
    notes += _stage_notes(declared, overall)
    return notes


def _stage_notes(declared: DeclaredDecision, overall: GroupMetrics) -> list[Note]:
    before = overall.acts_by_kind.get(CaseKind.initial, 0)
    after = overall.acts_by_kind.get(CaseKind.contest, 0)
    if declared.human_stage is HumanStage.before_effect and after and not before:
        return [
            Note(
                "stage_before_declared_only_contests",
                t(
                    "Het profiel zegt dat een mens beoordeelt voordat het besluit gevolg "
                    f"heeft, maar in deze periode zijn alleen bezwaren of betwistingen ({after}) "
                    "beoordeeld, dus pas nadat het besluit gevolg had.",
                    "The profile says a human reviews before the decision takes effect, but in "
                    f"this period only contested decisions ({after}) were reviewed, that is "
                    "after the decision took effect.",
                ),
                (gdpr("22(1)"), gdpr("22(3)")),
            )
        ]
    if declared.human_stage is HumanStage.after_effect and before:
        return [
            Note(
                "stage_after_declared_but_before",
                t(
                    "Het profiel zegt dat een mens pas beoordeelt nadat het besluit gevolg "
                    f"heeft, maar er zijn {before} beoordelingen vooraf vastgelegd. Pas het "
                    "profiel aan als dat de werkwijze is.",
                    "The profile says a human reviews only after the decision takes effect, "
                    f"but {before} reviews before effect were recorded. Correct the profile if "
                    "that is how it works.",
                ),
                (gdpr("22(1)"),),
            )
        ]
    return []


def worth_reporting(declared: DeclaredDecision, algorithms_with_facts: Sequence[str]) -> bool:
    """For a report on every algorithm: a decision matters when people review it, or when
    its profile says they do (or does not say)."""
    return declared.algorithm in algorithms_with_facts or declared.human_involvement in (
        HumanInvolvement.meaningful,
        HumanInvolvement.token,
        None,
    )
