"""Transparency and documentation duties that follow from the profile and the art. 22
outcome: information to people (art. 13, 14, 15(1)(h)), the art. 30 record, the duty to
state reasons for administrative bodies, the Algoritmeregister and the AI Act."""

from __future__ import annotations

from collections.abc import Iterable

from sluis.law.citations import ALGORITMEREGISTER, DUN_AND_BRADSTREET, ai_act, awb, gdpr
from sluis.law.findings import t
from sluis.law.results import Art22Result, Duty
from sluis.profiles.model import AlgorithmProfile, DataSource, Effect


def transparency_duties(profile: AlgorithmProfile, art22: Art22Result) -> tuple[Duty, ...]:
    return tuple(
        [
            *_information(profile),
            *_automated_decision_information(art22),
            *_risk_selection_notice(art22),
            _record_of_processing(),
            *_administrative_body(profile),
            *_ai_act(profile),
        ]
    )


def _information(profile: AlgorithmProfile) -> Iterable[Duty]:
    sources = {f.source for f in profile.data_fields}
    if DataSource.data_subject in sources or not profile.data_fields:
        yield Duty(
            id="inform_at_collection",
            text=t(
                "Informeer mensen bij het verzamelen van hun gegevens over doel, grondslag, "
                "ontvangers, bewaartermijn en hun rechten.",
                "Inform people when collecting their data about purpose, basis, recipients, "
                "retention period and their rights.",
            ),
            articles=(gdpr("13(1)"), gdpr("13(2)")),
        )
    if sources - {DataSource.data_subject, None}:
        yield Duty(
            id="inform_when_obtained_elsewhere",
            text=t(
                "Gegevens komen ook van elders: informeer mensen binnen een maand daarover, "
                "met de bron.",
                "Data also come from elsewhere: inform people within a month, naming the source.",
            ),
            articles=(gdpr("14(1)"), gdpr("14(2)(f)"), gdpr("14(3)(a)")),
        )


def _automated_decision_information(art22: Art22Result) -> Iterable[Duty]:
    if not any(d.applies is not False for d in art22.decisions):
        return
    yield Duty(
        id="inform_automated_decision",
        text=t(
            "Vertel mensen dat er geautomatiseerd over hen wordt besloten, geef zinvolle "
            "informatie over de gevolgde logica, en over het belang en de verwachte gevolgen. "
            "Leg uit welke van hun gegevens zijn gebruikt en hoe; laten zien wat een andere "
            "waarde had veranderd kan daarbij helpen.",
            "Tell people that automated decisions are taken about them, give meaningful "
            "information about the logic involved, and about its significance and expected "
            "consequences. Explain which of their data were used and how; showing what a "
            "different value would have changed can help.",
        ),
        articles=(gdpr("13(2)(f)"), gdpr("14(2)(g)"), gdpr("15(1)(h)"), DUN_AND_BRADSTREET),
    )


def _risk_selection_notice(art22: Art22Result) -> Iterable[Duty]:
    if any(d.risk_selection_doctrine for d in art22.decisions):
        yield Duty(
            id="inform_of_selection",
            text=t(
                "Laat geselecteerde mensen uiterlijk bij het besluit weten dat zij door een "
                "risicoselectie zijn geselecteerd, en waarom.",
                "Let selected people know, at the latest with the decision, that a risk "
                "selection picked them, and why.",
            ),
            articles=(gdpr("13(2)(f)"), gdpr("5(1)(a)")),
        )


def _record_of_processing() -> Duty:
    return Duty(
        id="art30_record",
        text=t(
            "Neem de verwerking op in het register van verwerkingsactiviteiten.",
            "Include the processing in the record of processing activities.",
        ),
        articles=(gdpr("30(1)"),),
    )


def _administrative_body(profile: AlgorithmProfile) -> Iterable[Duty]:
    if not profile.controller.administrative_body:
        return
    yield Duty(
        id="algoritmeregister",
        text=t(
            "Publiceer het algoritme in het Algoritmeregister van de Nederlandse overheid.",
            "Publish the algorithm in the Dutch government's Algoritmeregister.",
        ),
        articles=(ALGORITMEREGISTER,),
    )
    if any(d.effect is Effect.legal for d in profile.decisions):
        yield Duty(
            id="state_reasons",
            text=t(
                "Motiveer elk besluit bij de bekendmaking: dat er een algoritme is gebruikt, "
                "welke feiten en regels, en hoe belangen zijn gewogen. Vermeld hoe en binnen "
                "welke termijn bezwaar kan worden gemaakt.",
                "State the reasons for each decision when it is announced: that an algorithm "
                "was used, which facts and rules, and how interests were weighed. Say how and "
                "within which period an objection (bezwaar) can be made.",
            ),
            articles=(awb("3:46"), awb("3:47"), awb("3:45"), awb("6:7")),
        )


def _ai_act(profile: AlgorithmProfile) -> Iterable[Duty]:
    significant = any(
        d.effect in (Effect.legal, Effect.similarly_significant) for d in profile.decisions
    )
    if profile.technology.ai_system and significant:
        yield Duty(
            id="ai_act_deployer",
            text=t(
                "Een AI-systeem draagt bij aan besluiten met aanzienlijke gevolgen. Ga na of het "
                "onder bijlage III valt (bijv. uitkeringen, krediet, werk, onderwijs); zo ja, "
                "dan gelden menselijk toezicht en het recht op uitleg over de rol van het "
                "systeem.",
                "An AI system contributes to decisions with significant effects. Check whether "
                "it falls under Annex III (e.g. benefits, credit, work, education); if so, "
                "human oversight and the right to an explanation of the system's role apply.",
            ),
            articles=(ai_act("6(2)"), ai_act("26"), ai_act("86")),
        )
