"""Which question of which instrument takes which fact of the profile or the assessment.

One table per instrument URN. Each row names the task and a function that reads the fact;
the function returns ``None`` when the profile leaves the fact open, so nothing is
suggested. Option values are the instruments' own (Dutch) words, matched exactly. Pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sluis.law.results import Assessment
from sluis.profiles.model import AiActRiskGroup, AlgorithmProfile, Effect, LegalBasis

Kind = Literal["profile", "assessment"]


@dataclass(frozen=True)
class Fact:
    value: Any
    kind: Kind
    source: str
    note: str = ""


Reader = Callable[[AlgorithmProfile, Assessment], Fact | None]


@dataclass(frozen=True)
class Row:
    task_id: str
    fact: Reader


# The six bases of art. 6(1) GDPR as the pre-scan and the DPIA name them.
LEGAL_BASIS = {
    LegalBasis.consent: "Rechtsgrond toestemming",
    LegalBasis.contract: "Rechtsgrond noodzakelijk voor de uitvoering van een overeenkoms",
    LegalBasis.legal_obligation: "Rechtsgrond wettelijke verplichting",
    LegalBasis.vital_interests: "Rechtsgrond vitaal belang",
    LegalBasis.public_task: "Rechtsgrond taak van algemeen belang",
    LegalBasis.legitimate_interests: "Rechtsgrond gerechtvaardigd belang",
}

_SPECIAL = "Categorie bijzondere persoonsgegevens: "
SPECIAL_CATEGORY = {
    "biometric_identification": _SPECIAL
    + "Biometrische gegevens met het oog op de unieke identificatie van een persoon",
    "sex_life_or_sexual_orientation": _SPECIAL
    + "Gegevens met betrekking tot iemands seksueel gedrag of seksuele gerichtheid",
    "health": _SPECIAL + "Gegevens over gezondheid",
    "genetic": _SPECIAL + "Genetische gegevens",
    "trade_union_membership": _SPECIAL
    + "Persoonsgegevens waaruit het lidmaatschap van een vakbond blijkt",
    "political_opinions": _SPECIAL + "Persoonsgegevens waaruit politieke opvattingen blijken",
    "racial_or_ethnic_origin": _SPECIAL + "Persoonsgegevens waaruit ras of etnische afkomst blijkt",
    "religious_or_philosophical_beliefs": _SPECIAL
    + "Persoonsgegevens waaruit religieuze of levensbeschouwelijke overtuigingen blijken",
}

_SENSITIVE = "Categorie gevoelige persoonsgegevens: "

# The Dutch DPA's list (Sluis's category keys, law/dpia/mandatory.py) as the pre-scan words it.
AP_LIST = {
    "covert_investigation": "Lijst AP: Heimelijk onderzoek",
    "blacklists": "Lijst AP: Zwarte lijsten",
    "fraud_prevention": "Lijst AP: Fraudebestrijding",
    "credit_scoring": "Lijst AP: Creditscores",
    "financial_situation": "Lijst AP: Financiële situatie",
    "genetic_data": "Lijst AP: Genetische persoonsgegevens",
    "health_data": "Lijst AP: Gezondheidsgegevens",
    "partnerships": "Lijst AP: Samenwerkingsverbanden",
    "camera_surveillance": "Lijst AP: Cameratoezicht",
    "flexible_camera_surveillance": "Lijst AP: Flexibel cameratoezicht",
    "employee_monitoring": "Lijst AP: Controle werknemers",
    "location_data": "Lijst AP: Locatiegegevens",
    "communication_data": "Lijst AP: Communicatiegegevens",
    "internet_of_things": "Lijst AP: Internet of things",
    "profiling": "Lijst AP: Profilering",
    "behaviour_observation": "Lijst AP: Observatie en beïnvloeding van gedrag",
    "biometric_data": "Lijst AP: Biometrische gegevens",
}

# The nine criteria of the EDPB guidelines (WP248 rev.01) as the pre-scan words them.
EDPB_LIST = {
    "evaluation_or_scoring": "Lijst EDPB: Mensen beoordelen met persoonskenmerken "
    "(evaluatie of scoring)",
    "automated_decision": "Lijst EDPB: Geautomatiseerde besluitvorming",
    "systematic_monitoring": "Lijst EDPB: Stelselmatige en grootschalige monitoring",
    "sensitive_data": "Lijst EDPB: Bijzondere persoonsgegevens of zeer gevoelige persoonsgegevens",
    "large_scale": "Lijst EDPB: Grootschalige gegevensverwerkingen",
    "matching_datasets": "Lijst EDPB: Koppelen van datasets",
    "vulnerable_subjects": "Lijst EDPB: Verwerking van persoonsgegevens over kwetsbare groepen "
    "of personen",
    "innovative_technology": "Lijst EDPB: Gebruik van nieuwe technologieën",
    "blocks_right_or_service": "Lijst EDPB: Blokkering van een dienst, recht of contract",
}

LARGE_GROUP = 10_000


def description(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    if not p.description:
        return None
    return Fact(f"{p.name}: {p.description}", "profile", "description")


def purposes(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    if not p.purposes:
        return None
    return Fact("\n".join(p.purposes), "profile", "purposes")


def legal_basis(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    basis = p.legal_basis.article6
    if basis is None:
        return None
    note = p.legal_basis.law or ""
    return Fact(LEGAL_BASIS[basis], "profile", "legal_basis.article6", note)


def ordinary_data(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    plain = [f for f in p.data_fields if f.special_category is None and not f.criminal_data]
    return Fact(True, "profile", "data_fields") if plain else None


def special_data(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    if not p.data_fields:
        return None
    return Fact(bool(_special(p)), "profile", "data_fields[].special_category")


def special_categories(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    chosen = _special(p)
    return Fact(chosen, "profile", "data_fields[].special_category") if chosen else None


def _special(p: AlgorithmProfile) -> list[str]:
    found = {f.special_category.value for f in p.data_fields if f.special_category is not None}
    return [v for k, v in SPECIAL_CATEGORY.items() if k in found]


def _sensitive(p: AlgorithmProfile) -> list[str]:
    out = []
    if any(f.criminal_data for f in p.data_fields):
        out.append(_SENSITIVE + "Strafrechtelijke gegevens")
    if any(f.national_id for f in p.data_fields):
        out.append(_SENSITIVE + "Nationale identificatienummers (bijv. BSN)")
    if p.processing.financial_situation:
        out.append(_SENSITIVE + "Gegevens over de financiële situatie van de betrokkene")
    if any(g.vulnerable for g in p.data_subjects):
        out.append(_SENSITIVE + "Gegevens die betrekking hebben op kwetsbare groepen")
    if p.processing.location_data or p.processing.communication_data:
        out.append(_SENSITIVE + "Communicatie- en locatiegegevens")
    return out


def sensitive_data(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    # Only a "yes" is certain: the profile does not list every kind of sensitive data.
    return Fact(True, "profile", "data_fields, processing") if _sensitive(p) else None


def sensitive_kinds(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    found = _sensitive(p)
    return Fact(found, "profile", "data_fields, processing, data_subjects") if found else None


def vulnerable_subjects(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    if not any(g.vulnerable for g in p.data_subjects):
        return None
    value = ["Categorie betrokkenen: Andere kwetsbare groepen (gehandicapten, minderheden, etc.)"]
    return Fact(value, "profile", "data_subjects[].vulnerable")


def many_subjects(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    counts = [g.count for g in p.data_subjects]
    known = sum(c for c in counts if c is not None)
    if known >= LARGE_GROUP:
        return Fact(True, "profile", "data_subjects[].count", f"{known}")
    if counts and None not in counts:
        return Fact(False, "profile", "data_subjects[].count", f"{known}")
    return None


def retention(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    if not p.retention:
        return None
    longest = max(r.months for r in p.retention)
    if longest < 1:
        value = "Minder dan 1 maand"
    elif longest <= 12:
        value = "Jaar"
    else:
        value = "Aantal jaren"
    return Fact(value, "profile", "retention[].months", f"{longest}")


def transfers(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    countries = p.processing.third_country_transfers
    if not countries:
        return None
    return Fact(True, "profile", "processing.third_country_transfers", ", ".join(countries))


def ap_list(_: AlgorithmProfile, a: Assessment) -> Fact | None:
    found = {c.key for c in a.dpia.nl_list}
    chosen = [v for k, v in AP_LIST.items() if k in found]
    return Fact(chosen, "assessment", "dpia.nl_list") if chosen else None


def edpb_list(_: AlgorithmProfile, a: Assessment) -> Fact | None:
    met = {c.key for c in a.dpia.criteria if c.met}
    if not met and any(c.met is None for c in a.dpia.criteria):
        return None
    chosen = [v for k, v in EDPB_LIST.items() if k in met]
    return Fact(chosen, "assessment", "dpia.criteria")


def algorithm_used(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    return Fact(True, "profile", "id", "the profile describes an algorithm")


def high_risk_ai(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    group = p.registration.ai_act_risk_group
    if group is None:
        return None
    return Fact(group is AiActRiskGroup.high_risk, "profile", "registration.ai_act_risk_group")


def impactful(p: AlgorithmProfile, a: Assessment) -> Fact | None:
    # The Algoritmeregister's "impactful": legal effects for people, or an automated
    # decision within art. 22 GDPR.
    if any(d.effect is Effect.legal for d in p.decisions):
        return Fact(True, "profile", "decisions[].effect")
    if a.art22.applies:
        return Fact(True, "assessment", "art22.applies")
    return None


def personal_data(p: AlgorithmProfile, _: Assessment) -> Fact | None:
    """The DPIA's table of personal data: one element per data field of the profile."""
    if not p.data_fields:
        return None
    elements = []
    for index, f in enumerate(p.data_fields):
        if f.special_category is not None:
            kind = "bijzonder"
        elif f.criminal_data:
            kind = "strafrechtelijk"
        elif f.national_id:
            kind = "nationaal identificatienummer"
        else:
            kind = "gewoon"
        elements.append({"_index": index, "2.1.1": f.name, "2.1.3": f.category, "2.1.4": kind})
    return Fact(elements, "profile", "data_fields")


TABLES: dict[str, tuple[Row, ...]] = {
    "urn:nl:prescan": (
        Row("0.2", description),
        Row("0.3", purposes),
        Row("0.4", legal_basis),
        Row("1.1.1", ordinary_data),
        Row("1.2.1", special_data),
        Row("1.2.2", special_categories),
        Row("1.3.1", sensitive_data),
        Row("1.3.2", sensitive_kinds),
        Row("1.4.1", vulnerable_subjects),
        Row("1.5.1", many_subjects),
        Row("1.5.4", retention),
        Row("2.1.1", transfers),
        Row("3.1", ap_list),
        Row("4.1", edpb_list),
        Row("6.1.1", algorithm_used),
        Row("6.1.2", high_risk_ai),
        Row("6.1.3", impactful),
    ),
    "urn:nl:dpia": (
        Row("1.1", description),
        Row("2.1", personal_data),
        Row("5.1.1", purposes),
        Row("10.1.1.4", retention),
        Row("11.1.1.1", legal_basis),
    ),
}


__all__ = ["AP_LIST", "EDPB_LIST", "LEGAL_BASIS", "SPECIAL_CATEGORY", "TABLES", "Fact", "Row"]
