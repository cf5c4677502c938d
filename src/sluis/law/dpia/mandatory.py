"""What on its own makes a DPIA required: the cases of GDPR art. 35(3), the Dutch DPA's list
(Stcrt. 2019, 64418, adopted under art. 35(4)), UAVG art. 40 for an administrative body, and
high residual risk (art. 35(1)).

Each becomes a ``Trigger``; the verdict weighs them together with the WP248 criteria.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sluis.law.citations import Citation, ap_dpia_list, gdpr, uavg
from sluis.law.dpia.facts import (
    FLAGS,
    SIGNIFICANT,
    Fact,
    ask_for,
    both,
    either,
    flag,
    hint,
    leaf,
    model_kind,
    per_decision,
    profiling,
    scores_people,
    significant_effect,
    special_data,
    unique,
)
from sluis.law.findings import Text, t
from sluis.law.results import Art22Exception, Art22Result, Art35Case, NlListCategory
from sluis.profiles.model import AlgorithmProfile, Decision, SpecialCategory

# --- GDPR art. 35(3) ---

_ART35_CASES: dict[str, Text] = {
    "a": t(
        "stelselmatige en uitgebreide beoordeling van mensen waarop ingrijpende besluiten rusten",
        "systematic and extensive evaluation of people on which significant decisions rest",
    ),
    "b": t(
        "grootschalige verwerking van bijzondere of strafrechtelijke gegevens",
        "large-scale processing of special-category or criminal-offence data",
    ),
    "c": t(
        "grootschalige stelselmatige bewaking van een openbare ruimte",
        "large-scale systematic monitoring of a publicly accessible area",
    ),
}


def art35_facts(profile: AlgorithmProfile, large: Fact) -> dict[str, Fact]:
    """Whether each case of art. 35(3) applies, keyed by its point."""

    def evaluation_with_effect(decision: Decision) -> Fact:
        # Sluis reads an algorithm that rates everyone in its scope by the same logic as
        # "systematic and extensive", so (a) needs no separate scale test. Unlike art. 22,
        # (a) also covers decisions a human takes on the strength of the evaluation.
        rating = either([scores_people(decision), model_kind(profile)])
        return both([rating, _declared_effect(decision)])

    return {
        "a": per_decision(profile, evaluation_with_effect),
        "b": both([special_data(profile), large]),
        "c": both([flag(profile, "public_area_monitoring"), large]),
    }


def _declared_effect(decision: Decision) -> Fact:
    """The effect as declared; automatic side effects always count (AP, risk selection)."""
    value = None if decision.effect is None else decision.effect in SIGNIFICANT
    value = True if decision.automatic_side_effects else value
    return significant_effect(decision, value)


def art35_case(point: str, fact: Fact) -> Art35Case:
    """The art. 35(3) case as reported, with its status and what it still misses."""
    case = _ART35_CASES[point]
    status = {
        True: t(f"Van toepassing: {case.nl}.", f"Applies: {case.en}."),
        False: t(f"Niet van toepassing: {case.nl}.", f"Does not apply: {case.en}."),
        None: t(f"Nog open: {case.nl}.", f"Still open: {case.en}."),
    }[fact.value]
    if fact.value is None:
        fields = fact.missing_fields
        status = t(f"{status.nl} Ontbreekt: {fields}.", f"{status.en} Missing: {fields}.")
    return Art35Case(
        point=point,
        applies=fact.value,
        reasons=(status, *fact.reasons),
        articles=unique([gdpr(f"35(3)({point})"), *fact.articles]),
    )


# --- The Dutch DPA's list (Stcrt. 2019, 64418) ---


class _Category(NamedTuple):
    number: int
    key: str
    title: Text
    # A ``processing`` flag, a special category of the data fields, or "profiling" on a
    # decision; None where the profile has no fact for the category yet.
    source: str | None


# Nos. 10 and 14 have no fact in the profile yet, so Sluis cannot place anything in them.
# No. 9: the profile knows monitoring of a public area, not the means; cameras are the usual
# means, hence camera surveillance.
_NL_LIST: tuple[_Category, ...] = (
    _Category(
        1, "covert_investigation", t("Heimelijk onderzoek", "Covert investigation"), "covert"
    ),
    _Category(2, "blacklists", t("Zwarte lijsten", "Blacklists and warning lists"), "blacklist"),
    _Category(3, "fraud_prevention", t("Fraudebestrijding", "Fraud prevention"), "fraud_detection"),
    _Category(4, "credit_scoring", t("Creditscores", "Credit scoring"), "credit_scoring"),
    _Category(
        5,
        "financial_situation",
        t("Financiële situatie", "Financial situation"),
        "financial_situation",
    ),
    _Category(6, "genetic_data", t("Genetische persoonsgegevens", "Genetic data"), "genetic"),
    _Category(7, "health_data", t("Gezondheidsgegevens", "Health data"), "health"),
    _Category(8, "partnerships", t("Samenwerkingsverbanden", "Partnerships"), "joint_arrangement"),
    _Category(
        9,
        "camera_surveillance",
        t("Cameratoezicht", "Camera surveillance"),
        "public_area_monitoring",
    ),
    _Category(
        10,
        "flexible_camera_surveillance",
        t("Flexibel cameratoezicht", "Mobile cameras"),
        None,
    ),
    _Category(
        11,
        "employee_monitoring",
        t("Controle werknemers", "Employee monitoring"),
        "employee_monitoring",
    ),
    _Category(12, "location_data", t("Locatiegegevens", "Location data"), "location_data"),
    _Category(
        13,
        "communication_data",
        t("Communicatiegegevens", "Communications data"),
        "communication_data",
    ),
    _Category(
        14,
        "internet_of_things",
        t("Internet of things (slimme apparaten)", "Internet of things"),
        None,
    ),
    _Category(15, "profiling", t("Profilering", "Profiling"), "profiling"),
    _Category(
        16,
        "behaviour_observation",
        t("Observatie en beïnvloeding van gedrag", "Behaviour tracking"),
        "behaviour_influencing",
    ),
    _Category(
        17,
        "biometric_data",
        t("Biometrische gegevens", "Biometric data"),
        "biometric_identification",
    ),
)


def _category(number: int) -> _Category:
    return _NL_LIST[number - 1]


def _source_fact(profile: AlgorithmProfile, source: str) -> Fact:
    """What puts the processing in a category, before the scale condition."""
    if source in FLAGS:
        return flag(profile, source)
    if source == "profiling":
        return per_decision(profile, profiling)
    return _fields_of(profile, SpecialCategory(source))


def _fields_of(profile: AlgorithmProfile, category: SpecialCategory) -> Fact:
    names = ", ".join(f.name for f in profile.data_fields if f.special_category is category)
    yes = t(f"Gegevens van deze soort: {names}.", f"Data of this kind: {names}.")
    return hint(bool(names), yes, gdpr("9(1)"))


def nl_facts(profile: AlgorithmProfile, large: Fact) -> dict[int, Fact]:
    """Whether the processing falls in each category of the list Sluis can test, by number."""
    # Each category applies to processing that is large-scale and/or systematic (ap_dpia_list(n)
    # for every n). The profile only declares systematic monitoring, so Sluis reads
    # "systematic" as that: small and unmonitored processing does not trigger a category.
    # Biometric data used to identify people count whatever the scale (ap_dpia_list(17)).
    scale = either([large, flag(profile, "systematic_monitoring")])
    facts: dict[int, Fact] = {}
    for category in _NL_LIST:
        if category.source is not None:
            trigger = _source_fact(profile, category.source)
            facts[category.number] = trigger if category.number == 17 else both([trigger, scale])
    return facts


def nl_category(number: int, fact: Fact) -> NlListCategory:
    """A category of the list the processing falls in, as reported."""
    category = _category(number)
    return NlListCategory(
        number=number,
        key=category.key,
        title=category.title,
        reasons=fact.reasons,
        articles=unique([ap_dpia_list(number), gdpr("35(4)"), *fact.articles]),
    )


# --- Triggers: each on its own makes a DPIA required ---


@dataclass(frozen=True)
class Trigger:
    """Something that on its own makes a DPIA required."""

    fact: Fact
    label: Text  # names it, e.g. "GDPR art. 35(3)(b)"
    because: Text  # why it requires a DPIA, once it holds
    articles: tuple[Citation, ...]


def triggers(
    profile: AlgorithmProfile,
    art22: Art22Result,
    art35: dict[str, Fact],
    nl: dict[int, Fact],
) -> list[Trigger]:
    """Every trigger, in report order: art. 35(3), the Dutch list, UAVG art. 40, residual risk."""
    return [
        *(_art35_trigger(point, fact) for point, fact in art35.items()),
        *(_nl_trigger(number, fact) for number, fact in nl.items()),
        _uavg40_trigger(profile, art22),
        _residual_risk_trigger(profile),
    ]


def _art35_trigger(point: str, fact: Fact) -> Trigger:
    case = _ART35_CASES[point]
    return Trigger(
        fact,
        t(f"art. 35 lid 3 onder {point} AVG", f"GDPR art. 35(3)({point})"),
        t(
            f"Art. 35 lid 3 onder {point} AVG is van toepassing: {case.nl}.",
            f"GDPR art. 35(3)({point}) applies: {case.en}.",
        ),
        (gdpr(f"35(3)({point})"),),
    )


def _nl_trigger(number: int, fact: Fact) -> Trigger:
    title = _category(number).title
    return Trigger(
        fact,
        t(f"AP-lijst nr. {number} ({title.nl})", f"Dutch DPA list no. {number} ({title.en})"),
        t(
            f"De verwerking staat op de AP-lijst van verplichte DPIA's: nr. {number}, {title.nl}.",
            f"The processing is on the Dutch DPA's DPIA list: no. {number}, {title.en}.",
        ),
        (ap_dpia_list(number), gdpr("35(4)")),
    )


def _uavg40_trigger(profile: AlgorithmProfile, art22: Art22Result) -> Trigger:
    # UAVG art. 40(3) lets an administrative body rely on the Awb instead of the art. 22(3)
    # rights; the legislator expects a DPIA to show that this protection really suffices.
    relies = any(r.exception is Art22Exception.law for r in art22.decisions)
    body = t("De verantwoordelijke is een bestuursorgaan.", "The controller is a public body.")
    ask = ask_for(
        "controller.administrative_body",
        "of de verantwoordelijke een bestuursorgaan is",
        "whether the controller is an administrative body",
    )
    return Trigger(
        leaf(profile.controller.administrative_body if relies else False, body, ask),
        t("art. 40 UAVG voor een bestuursorgaan", "UAVG art. 40 for an administrative body"),
        t(
            "Een bestuursorgaan laat een geautomatiseerd besluit rusten op de wettelijke "
            "uitzondering; de DPIA moet aantonen dat de Awb-bescherming hier echt volstaat.",
            "An administrative body rests an automated decision on the statutory exception; "
            "the DPIA must show that the Awb protection really suffices here.",
        ),
        (uavg("40(2)"), uavg("40(3)")),
    )


def _residual_risk_trigger(profile: AlgorithmProfile) -> Trigger:
    # A controller who says high risk remains has said the processing is likely to be
    # high-risk, which is exactly when art. 35(1) asks for a DPIA.
    remains = t("Er blijft hoog risico over.", "High risk remains.")
    return Trigger(
        hint(profile.processing.residual_high_risk, remains),
        t("hoog restrisico", "high residual risk"),
        t(
            "Volgens het profiel blijft er na de maatregelen hoog risico over; verwerking met "
            "waarschijnlijk hoog risico vraagt altijd een DPIA.",
            "The profile says high risk remains after the measures; processing likely to "
            "result in high risk always needs a DPIA.",
        ),
        (gdpr("35(1)"),),
    )
