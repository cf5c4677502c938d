"""The Dutch text Sluis writes into an Algoritmeregister publication, and the (nl, en)
explanations of what is missing, derived or adjusted.

Pure. Text a user typed in the profile is passed through as given; the sentences around it
are our own, in plain Dutch (the register's language), and say only what the profile's
facts and the assessment support: an unknown fact becomes a gap, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable

from sluis.law.findings import Text
from sluis.law.results import Art22Exception, Art22Verdict, Assessment, DecisionArt22, DpiaVerdict
from sluis.profiles.model import (
    AiActRiskGroup,
    AlgorithmProfile,
    DataSource,
    Decision,
    Effect,
    HumanInvolvement,
    HumanStage,
    LegalBasis,
    PublicationCategory,
    SpecialCategory,
    TechnologyKind,
)

Reason = tuple[str, str]  # (nl, en)
Gap = tuple[str, Reason]  # (profile path, reason)
Note = tuple[str, str, Reason]  # (warning code, profile path, reason)

# What to fill in, per field of the standard; and the other fixed explanations, per code.
REASONS: dict[str, Reason] = {
    "name": ("Geef het algoritme een naam.", "Give the algorithm a name."),
    "description_short": (
        "Beschrijf in twee of drie eenvoudige zinnen wat het algoritme doet.",
        "Describe in two or three plain sentences what the algorithm does.",
    ),
    "organization": ("Vul de naam van de organisatie in.", "Fill in the organisation's name."),
    "theme": (
        "Kies een of meer beleidsterreinen (OWMS-thema's), bijvoorbeeld 'Sociale zekerheid'.",
        "Choose one or more policy areas (OWMS themes), e.g. 'Sociale zekerheid'.",
    ),
    "status": (
        "Geef aan of het algoritme in ontwikkeling, in gebruik of buiten gebruik is.",
        "State whether the algorithm is in development, in use or out of use.",
    ),
    "start_date": (
        "Vul de maand in waarin het algoritme in gebruik is genomen (JJJJ-MM).",
        "Fill in the month the algorithm was taken into use (YYYY-MM).",
    ),
    "contact": (
        "Geef een algemeen e-mailadres of contactformulier (https://), geen persoonlijk adres.",
        "Give a general e-mail address or contact form (https://), never a person's address.",
    ),
    "publication_category": (
        "Kies de publicatiecategorie (A, B of C).",
        "Choose the publication category (A, B or C).",
    ),
    "purpose_and_impact": (
        "Noem de doelen waarvoor het algoritme wordt ingezet.",
        "List the purposes the algorithm is used for.",
    ),
    "considerations": (
        "Leg uit waarom de inzet redelijk is, afgewogen tegen de nadelen en alternatieven.",
        "Explain why using the algorithm is reasonable, weighed against drawbacks and "
        "alternatives.",
    ),
    "human_intervention": (
        "Beschrijf de besluiten waaraan het algoritme meewerkt.",
        "Describe the decisions the algorithm takes part in.",
    ),
    "risk_management": (
        "Beschrijf welke risico's er zijn en hoe de organisatie ermee omgaat.",
        "Describe the risks and how the organisation manages them.",
    ),
    "data": ("Noem de gegevens die het algoritme gebruikt.", "List the data the algorithm uses."),
    "technical_operation": (
        "Geef aan wat voor algoritme het is (regels, statistisch model of machine learning) "
        "en hoe het werkt.",
        "State what kind of algorithm it is (rules, statistical model or machine learning) "
        "and how it works.",
    ),
    "supplier": (
        "Noem de leverancier; is het zelf gebouwd, vul dan 'Intern ontwikkeld' in.",
        "Name the supplier; if built in-house, fill in 'Intern ontwikkeld'.",
    ),
    "start_date.in_development": (
        "Het algoritme is nog in ontwikkeling; de standaard vraagt de maand van ingebruikname. "
        "Vul die in zodra die bekend is (JJJJ-MM).",
        "The algorithm is still in development; the standard asks for the month it was taken "
        "into use. Fill it in once known (YYYY-MM).",
    ),
    "end_date_while_used": (
        "Er is een einddatum, maar de status is niet 'buiten gebruik'. Controleer beide.",
        "There is an end date, but the status is not 'out of use'. Check both.",
    ),
    "contact_format": (
        "Het contact is geen e-mailadres en geen https://-adres; de standaard vraagt een van "
        "beide.",
        "The contact is neither an e-mail address nor an https:// address; the standard asks "
        "for one of them.",
    ),
    "dpia_not_listed": (
        "Volgens de beoordeling is een DPIA verplicht, maar die staat niet bij de uitgevoerde "
        "impacttoetsen.",
        "The assessment says a DPIA is required, but none is listed among the impact "
        "assessments done.",
    ),
    "impact_assessments.dpia_required": (
        "Noem de uitgevoerde impacttoetsen. Volgens de beoordeling is een DPIA verplicht "
        "(art. 35 AVG); Sluis vermeldt die pas als u opgeeft dat hij is uitgevoerd.",
        "List the impact assessments carried out. The assessment says a DPIA is required "
        "(GDPR art. 35); Sluis lists one only once you state it was carried out.",
    ),
    "impact_assessments.other": (
        "Noem de uitgevoerde impacttoetsen, of vul 'Geen' in.",
        "List the impact assessments carried out, or fill in 'Geen' (none).",
    ),
    "category.unknown_ai": (
        "Kies de publicatiecategorie, of geef de risicogroep onder de AI-verordening op: "
        "zonder die kan Sluis categorie A (hoog-risico AI) niet uitsluiten.",
        "Choose the publication category, or give the AI Act risk group: without it, Sluis "
        "cannot rule out category A (high-risk AI).",
    ),
    "category.unknown_effect": (
        "Kies de publicatiecategorie, of geef het effect van dit besluit op: zonder dat kan "
        "Sluis categorie B (impactvol) niet uitsluiten.",
        "Choose the publication category, or give this decision's effect: without it, Sluis "
        "cannot rule out category B (impactful).",
    ),
    "category.high_risk": (
        "Volgens het profiel is het een hoog-risico AI-systeem (AI-verordening art. 6).",
        "The profile says it is a high-risk AI system (AI Act art. 6).",
    ),
    "category.other": (
        "Geen hoog-risico AI-systeem en geen besluit met rechtsgevolgen of aanmerkelijk effect.",
        "Not a high-risk AI system and no decision with legal or similarly significant effects.",
    ),
    "human_involvement": (
        "Geef aan of en hoe een mens aan dit besluit te pas komt (geen, alleen formeel of "
        "inhoudelijk).",
        "State whether and how a human takes part in this decision (none, token or meaningful).",
    ),
    "art22_prohibited": (
        "Volgens de beoordeling is dit besluit niet toegestaan onder art. 22 AVG; los dat op "
        "voordat u publiceert.",
        "The assessment finds this decision not allowed under GDPR art. 22; fix that before "
        "publishing.",
    ),
    "art22_unknown": (
        "De beoordeling kan nog niet zeggen of art. 22 AVG geldt; de tekst zegt er daarom "
        "niets over.",
        "The assessment cannot yet tell whether GDPR art. 22 applies, so the text says nothing "
        "about it.",
    ),
}

_SOURCE = {
    DataSource.data_subject: "de betrokkene zelf",
    DataSource.controller_records: "eigen administratie",
    DataSource.other_organisation: "andere organisatie",
    DataSource.public_source: "openbare bron",
    DataSource.derived: "afgeleid uit andere gegevens",
}
_SPECIAL = {
    SpecialCategory.racial_or_ethnic_origin: "ras of etnische afkomst",
    SpecialCategory.political_opinions: "politieke opvattingen",
    SpecialCategory.religious_or_philosophical_beliefs: "godsdienst of levensovertuiging",
    SpecialCategory.trade_union_membership: "lidmaatschap van een vakbond",
    SpecialCategory.genetic: "genetische gegevens",
    SpecialCategory.biometric_identification: "biometrische gegevens voor identificatie",
    SpecialCategory.health: "gezondheid",
    SpecialCategory.sex_life_or_sexual_orientation: "seksueel gedrag of seksuele gerichtheid",
}
_ART6 = {  # GDPR art. 6(1): the point and what it means
    LegalBasis.consent: ("a", "toestemming van de betrokkene"),
    LegalBasis.contract: ("b", "nodig voor een overeenkomst met de betrokkene"),
    LegalBasis.legal_obligation: ("c", "nodig om een wettelijke plicht na te komen"),
    LegalBasis.vital_interests: ("d", "nodig om vitale belangen te beschermen"),
    LegalBasis.public_task: ("e", "nodig voor een taak van algemeen belang of openbaar gezag"),
    LegalBasis.legitimate_interests: ("f", "nodig voor een gerechtvaardigd belang"),
}
_EFFECT = {  # GDPR art. 22(1)
    Effect.legal: "dit besluit heeft rechtsgevolgen voor de persoon",
    Effect.similarly_significant: "dit besluit raakt de persoon in aanmerkelijke mate",
    Effect.none: "dit besluit heeft geen rechtsgevolgen en raakt de persoon niet in "
    "aanmerkelijke mate",
}
_KIND = {
    TechnologyKind.rules: "Soort algoritme: regelgebaseerd. Het past vooraf door mensen "
    "vastgelegde regels toe op de gegevens. Het is niet zelflerend.",
    TechnologyKind.statistical_model: "Soort algoritme: statistisch model. Het berekent uit de "
    "gegevens een uitkomst, zoals een kans of score, met een formule die met statistische "
    "methoden uit eerdere gegevens is afgeleid.",
    TechnologyKind.machine_learning: "Soort algoritme: machine learning (zelflerend). Het model "
    "heeft patronen geleerd uit voorbeeldgegevens en past die toe op nieuwe gevallen.",
}
_EXCEPTION = {  # GDPR art. 22(2)
    Art22Exception.contract: "de uitzondering voor een overeenkomst (art. 22 lid 2 onder a AVG)",
    Art22Exception.law: "een wettelijke uitzondering (art. 22 lid 2 onder b AVG)",
    Art22Exception.explicit_consent: "uitdrukkelijke toestemming (art. 22 lid 2 onder c AVG)",
}
_STAGE = {
    HumanStage.before_effect: " voordat het besluit gevolgen heeft",
    HumanStage.after_effect: " pas nadat het besluit al gevolgen heeft",
    None: "",
}


def missing_reason(field: str) -> Reason:
    return REASONS.get(field, ("Vul dit veld in.", "Fill in this field."))


def truncated(limit: int) -> Reason:
    return (
        f"Ingekort tot {limit} tekens, het maximum van de standaard. Maak de tekst korter.",
        f"Shortened to {limit} characters, the standard's maximum. Make the text shorter.",
    )


def invalid_uri(value: str) -> Reason:
    shown = value if len(value) <= 80 else value[:77] + "..."
    return (
        f"Weggelaten: '{shown}' is geen geldige URL (begin met https://).",
        f"Left out: '{shown}' is not a valid URL (start with https://).",
    )


def category_differs(derived: str, reason: Reason | None) -> Reason:
    why_nl, why_en = reason or ("", "")
    return (
        f"De opgegeven categorie wijkt af van wat het profiel doet vermoeden ({derived}): {why_nl}",
        f"The declared category differs from what the profile suggests ({derived}): {why_en}",
    )


def impact_assessments_missing(dpia: DpiaVerdict, reasons: Iterable[Text]) -> Reason:
    if dpia is DpiaVerdict.required:
        return REASONS["impact_assessments.dpia_required"]
    nl, en = REASONS["impact_assessments.other"]
    reasons = list(reasons)
    return " ".join([nl, *(r.nl for r in reasons)]), " ".join([en, *(r.en for r in reasons)])


def dpia_not_required(reasons: Iterable[Text]) -> str:
    because = " ".join(r.nl for r in reasons)
    return f"Een DPIA (art. 35 AVG) is volgens de beoordeling niet verplicht. {because}".strip()


def purpose_and_impact(profile: AlgorithmProfile) -> str | None:
    if not profile.purposes:
        return None
    parts = ["Doel: " + " ".join(_sentence(p) for p in profile.purposes)]
    groups = [g.category + _count(g.count) for g in profile.data_subjects]
    if groups:
        parts.append("Het gaat om: " + "; ".join(groups) + ".")
    for d in profile.decisions:
        line = f"Besluit: {_clause(d.description)}"
        if d.effect is not None:
            line += f"; {_EFFECT[d.effect]}"
        if d.risk_selection and d.consequences_only_after_review:
            line += "; het algoritme selecteert alleen, gevolgen volgen pas na eigen onderzoek"
        parts.append(line + ".")
    return "\n".join(parts)


def legal_basis(profile: AlgorithmProfile) -> str | None:
    basis = profile.legal_basis
    parts = []
    if basis.article6 is not None:
        point, meaning = _ART6[basis.article6]
        parts.append(f"Grondslag van de verwerking: {meaning} (art. 6 lid 1 onder {point} AVG).")
    if basis.law:
        parts.append(f"Dit berust op: {_sentence(basis.law)}")
    return " ".join(parts) or None


def data(profile: AlgorithmProfile) -> str | None:
    if not profile.data_fields:
        return None
    lines = ["Het algoritme gebruikt deze gegevens:"]
    for f in profile.data_fields:
        marks = [f"categorie: {f.category}"]
        source = _SOURCE[f.source] if f.source is not None else None
        if f.source_name:
            source = f"{source} ({f.source_name})" if source else f.source_name
        if source:
            marks.append(f"bron: {source}")
        if f.special_category is not None:
            marks.append(f"bijzonder persoonsgegeven: {_SPECIAL[f.special_category]} (art. 9 AVG)")
        if f.criminal_data:
            marks.append("strafrechtelijk gegeven (art. 10 AVG)")
        if f.national_id:
            marks.append("wettelijk identificatienummer zoals het BSN (art. 46 UAVG)")
        lines.append(f"- {f.name} ({'; '.join(marks)})")
    return "\n".join(lines)


def technical_operation(profile: AlgorithmProfile) -> str | None:
    tech = profile.technology
    if tech.kind is None and not tech.description:
        return None
    parts = [_KIND[tech.kind]] if tech.kind is not None else []
    if tech.ai_system:
        parts.append("Het is een AI-systeem in de zin van de AI-verordening (art. 3 lid 1).")
    if tech.description:
        parts.append(f"Werking: {_sentence(tech.description)}")
    if profile.data_fields:
        parts.append("Invoer: " + ", ".join(f.name for f in profile.data_fields) + ".")
    if profile.decisions:
        outputs = "; ".join(_clause(d.description) for d in profile.decisions)
        parts.append(f"Uitvoer: de uitkomst wordt gebruikt voor: {outputs}.")
    return "\n".join(parts)


def derive_category(
    profile: AlgorithmProfile, assessment: Assessment
) -> tuple[PublicationCategory | None, Reason | None, Gap | None]:
    """The category the facts point to and why, or else the fact needed to tell."""
    group = profile.registration.ai_act_risk_group
    if group is AiActRiskGroup.high_risk:
        return PublicationCategory.high_risk_ai, REASONS["category.high_risk"], None
    if group is None and profile.technology.ai_system is not False:
        gap = ("registration.ai_act_risk_group", REASONS["category.unknown_ai"])
        return None, None, gap
    significant = (Effect.legal, Effect.similarly_significant)
    impactful = [d for d in profile.decisions if d.effect in significant]
    if impactful or assessment.art22.applies is True:
        nl = _clause(impactful[0].description) if impactful else "art. 22 AVG is van toepassing"
        en = _clause(impactful[0].description) if impactful else "GDPR art. 22 applies"
        reason = (
            f"Een besluit heeft rechtsgevolgen of raakt mensen in aanmerkelijke mate ({nl}).",
            f"A decision has legal or similarly significant effects ({en}).",
        )
        return PublicationCategory.impactful, reason, None
    unknown = next((i for i, d in enumerate(profile.decisions) if d.effect is None), None)
    if unknown is not None:
        return None, None, (f"decisions[{unknown}].effect", REASONS["category.unknown_effect"])
    return PublicationCategory.other, REASONS["category.other"], None


def human_intervention(
    profile: AlgorithmProfile, assessment: Assessment
) -> tuple[str | None, list[Gap], list[Note]]:
    """The text (``None`` while facts are missing), the gaps, and warnings."""
    if not profile.decisions:
        return None, [("decisions", REASONS["human_intervention"])], []
    by_id = {d.decision_id: d for d in assessment.art22.decisions}
    paragraphs: list[str] = []
    gaps: list[Gap] = []
    notes: list[Note] = []
    for i, decision in enumerate(profile.decisions):
        if decision.human_involvement is None:
            gaps.append((f"decisions[{i}].human_involvement", REASONS["human_involvement"]))
            continue
        result = by_id.get(decision.id)
        verdict = result.verdict if result is not None else Art22Verdict.unknown
        if verdict in (Art22Verdict.prohibited, Art22Verdict.unknown):
            code = f"art22_{verdict.value}"
            notes.append((code, f"decisions[{i}]", REASONS[code]))
        sentences = [_involvement(decision), *_art22_sentences(result)]
        paragraphs.append(
            f"Bij het besluit '{_clause(decision.description)}': {' '.join(sentences)}"
        )
    return ("\n\n".join(paragraphs) if not gaps else None), gaps, notes


def _involvement(d: Decision) -> str:
    stage = _STAGE[d.human_stage]
    if d.human_involvement is HumanInvolvement.none:
        text = "Er komt geen mens aan te pas: het besluit wordt volledig automatisch genomen."
    elif d.human_involvement is HumanInvolvement.token:
        text = (
            f"Een medewerker ziet de uitkomst{stage}, maar beoordeelt die niet inhoudelijk; "
            "in feite bepaalt het algoritme het besluit."
        )
    else:
        text = f"Een medewerker beoordeelt de uitkomst inhoudelijk{stage} en kan daarvan afwijken."
    if d.consequences_only_after_review:
        text += " Gevolgen volgen pas na het eigen onderzoek van een medewerker."
    return text


def _art22_sentences(result: DecisionArt22 | None) -> list[str]:
    if result is None or result.verdict is Art22Verdict.unknown:
        return []
    if result.verdict is Art22Verdict.prohibited:
        return [
            "Volgens de beoordeling door Sluis mag dit besluit in deze vorm niet volledig "
            "geautomatiseerd worden genomen (art. 22 AVG): geen uitzondering is van toepassing."
        ]
    if result.verdict is Art22Verdict.not_applicable:
        sentences = [
            "Het verbod op volledig geautomatiseerde besluiten (art. 22 AVG) geldt hier niet."
        ]
    else:
        how = _EXCEPTION[result.exception] if result.exception else "een uitzondering"
        sentences = [
            "Dit is een volledig geautomatiseerd besluit (art. 22 AVG). Dat mag hier op grond "
            f"van {how}."
        ]
    if result.safeguards:
        sentences.append("Waarborgen: " + " ".join(s.text.nl for s in result.safeguards))
    return sentences


def _count(count: int | None) -> str:
    return f" (ongeveer {count:,} personen)".replace(",", ".") if count else ""


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def _clause(text: str) -> str:
    return " ".join(text.split()).rstrip(".")
