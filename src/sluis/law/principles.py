"""Lawfulness and the processing principles: art. 5, 6, 9, 10 GDPR and art. 46 UAVG.

Each rule is a small function from the profile to findings; ``assess_principles`` runs
them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from sluis.law.citations import AP_DISCRIMINATION, gdpr, uavg
from sluis.law.findings import Finding, FindingKind, Severity, finding, open_question, t
from sluis.profiles.model import AlgorithmProfile, DataField, LegalBasis

Rule = Callable[[AlgorithmProfile], Iterable[Finding]]


def legal_basis(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Art. 6(1): one of six bases; authorities may not use legitimate interests for their
    public tasks; a legal obligation or public task must be laid down in law (6(3))."""
    basis = profile.legal_basis.article6
    admin = profile.controller.administrative_body
    if basis is None:
        yield open_question(
            "principles.open.legal_basis",
            [gdpr("6(1)")],
            t(
                "Geef de grondslag van art. 6 AVG op. Zonder grondslag is er geen verwerking.",
                "State the lawful basis under GDPR art. 6. Without a basis there is no processing.",
            ),
            "legal_basis.article6",
        )
        return
    if basis is LegalBasis.legitimate_interests and admin:
        yield finding(
            "principles.legal_basis.legitimate_interests_authority",
            Severity.violation,
            FindingKind.risk,
            [gdpr("6(1)(f)"), gdpr("6(1) second subparagraph")],
            t(
                "Een bestuursorgaan mag voor zijn publieke taak niet steunen op gerechtvaardigd "
                "belang. Kies de grondslag die bij de wettelijke taak hoort.",
                "An administrative body may not rely on legitimate interests for its public "
                "task. Choose the basis that belongs to the statutory task.",
            ),
            "legal_basis.article6",
        )
    if (
        basis in (LegalBasis.legal_obligation, LegalBasis.public_task)
        and not profile.legal_basis.law
    ):
        yield finding(
            "principles.legal_basis.law_missing",
            Severity.violation,
            FindingKind.risk,
            [gdpr("6(3)")],
            t(
                "Een wettelijke plicht of publieke taak moet in een wet zijn vastgelegd; noem "
                "de wet en het artikel.",
                "A legal obligation or public task must be laid down in law; name the statute "
                "and article.",
            ),
            "legal_basis.law",
        )
    if basis is LegalBasis.legitimate_interests and not admin:
        yield finding(
            "principles.legal_basis.balancing_test",
            Severity.warning,
            FindingKind.duty,
            [gdpr("6(1)(f)"), gdpr("recital 47")],
            t(
                "Gerechtvaardigd belang vraagt een vastgelegde belangenafweging: welk belang, "
                "waarom de verwerking nodig is, en waarom de belangen van de mensen niet "
                "zwaarder wegen.",
                "Legitimate interests need a documented balancing test: which interest, why "
                "the processing is necessary, and why people's interests do not override it.",
            ),
            "legal_basis.article6",
        )
    if basis is LegalBasis.consent and admin:
        yield finding(
            "principles.legal_basis.consent_authority",
            Severity.warning,
            FindingKind.risk,
            [gdpr("6(1)(a)"), gdpr("7(4)"), gdpr("recital 43")],
            t(
                "Een bestuursorgaan steunt op toestemming. In een ongelijke verhouding is "
                "toestemming zelden vrij; een wettelijke grondslag past meestal beter.",
                "An administrative body relies on consent. In an unequal relation consent is "
                "rarely free; a statutory basis usually fits better.",
            ),
            "legal_basis.article6",
        )


def purposes(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Art. 5(1)(b): purposes specified, explicit and legitimate, before processing."""
    if not profile.purposes:
        yield finding(
            "principles.purposes.missing",
            Severity.violation,
            FindingKind.risk,
            [gdpr("5(1)(b)")],
            t(
                "Er zijn geen doeleinden vastgelegd. Leg vooraf welbepaalde, uitdrukkelijk "
                "omschreven doelen vast.",
                "No purposes are recorded. Fix specified, explicit purposes in advance.",
            ),
            "purposes",
        )


def minimisation(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Art. 5(1)(c): every field must be shown to be needed for the purpose."""
    if not profile.data_fields:
        yield open_question(
            "principles.open.data_fields",
            [gdpr("5(1)(c)"), gdpr("30(1)(c)")],
            t(
                "Het profiel noemt geen gegevens. Beschrijf elk gegeven dat het algoritme "
                "gebruikt.",
                "The profile names no data. Describe every data field the algorithm uses.",
            ),
            "data_fields",
        )
    for field in profile.data_fields:
        if not field.purpose:
            yield finding(
                f"principles.minimisation.unjustified.{field.name}",
                Severity.warning,
                FindingKind.risk,
                [gdpr("5(1)(c)")],
                t(
                    f"Voor '{field.name}' staat niet waarom het nodig is. Onderbouw het of "
                    "laat het gegeven weg.",
                    f"There is no reason given why '{field.name}' is needed. Justify it or "
                    "drop the field.",
                ),
                f"data_fields[{field.name}].purpose",
            )
    yield from _unused_fields(profile)


def _unused_fields(profile: AlgorithmProfile) -> Iterable[Finding]:
    if not profile.decisions or any(d.uses_fields is None for d in profile.decisions):
        return
    used = {name for d in profile.decisions for name in d.uses_fields or []}
    for field in profile.data_fields:
        if field.name not in used:
            yield finding(
                f"principles.minimisation.unused.{field.name}",
                Severity.warning,
                FindingKind.risk,
                [gdpr("5(1)(c)")],
                t(
                    f"Geen enkel besluit gebruikt '{field.name}'. Is het gegeven echt nodig?",
                    f"No decision uses '{field.name}'. Is the field really needed?",
                ),
                f"data_fields[{field.name}]",
            )


def retention(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Art. 5(1)(e) and 30(1)(f): a retention period fixed for every data category."""
    covered = {r.data_category for r in profile.retention}
    for category in sorted({f.category for f in profile.data_fields} - covered):
        yield finding(
            f"principles.retention.missing.{category}",
            Severity.violation,
            FindingKind.risk,
            [gdpr("5(1)(e)"), gdpr("30(1)(f)")],
            t(
                f"Voor de categorie '{category}' is geen bewaartermijn vastgelegd.",
                f"No retention period is fixed for the category '{category}'.",
            ),
            "retention",
        )


def special_categories(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Art. 9(1) bans special categories unless a point of art. 9(2) applies; art. 10 and
    UAVG art. 46 demand a legal footing for criminal data and national ids."""
    for field in profile.data_fields:
        yield from _special_category(field)
        if field.criminal_data and not field.art10_basis:
            yield finding(
                f"principles.art10.{field.name}",
                Severity.violation,
                FindingKind.risk,
                [gdpr("10"), uavg("31"), uavg("32"), uavg("33")],
                t(
                    f"'{field.name}' is een strafrechtelijk gegeven. Dat mag alleen onder "
                    "toezicht van de overheid of met een wettelijke uitzondering; noem die.",
                    f"'{field.name}' is criminal-offence data. That is only allowed under "
                    "official authority or a statutory exception; name it.",
                ),
                f"data_fields[{field.name}].art10_basis",
            )
        if field.national_id and not field.national_id_basis and profile.controller.country == "NL":
            yield finding(
                f"principles.bsn.{field.name}",
                Severity.violation,
                FindingKind.risk,
                [uavg("46"), gdpr("87")],
                t(
                    f"'{field.name}' is een burgerservicenummer (BSN). Dat mag alleen als een "
                    "wet het gebruik toestaat; noem die wet.",
                    f"'{field.name}' is a citizen service number (BSN). It may only be used "
                    "where a law allows it; name that law.",
                ),
                f"data_fields[{field.name}].national_id_basis",
            )


def _special_category(field: DataField) -> Iterable[Finding]:
    if not field.special_category:
        return
    if field.art9_exception is None:
        yield finding(
            f"principles.art9.{field.name}",
            Severity.violation,
            FindingKind.risk,
            [gdpr("9(1)"), gdpr("9(2)")],
            t(
                f"'{field.name}' is een bijzonder persoonsgegeven ({field.special_category}). "
                "Dat is verboden tenzij een uitzondering van art. 9 lid 2 geldt; noem die.",
                f"'{field.name}' is a special category of data ({field.special_category}). "
                "That is banned unless an exception of art. 9(2) applies; name it.",
            ),
            f"data_fields[{field.name}].art9_exception",
        )
        return
    yield finding(
        f"principles.art9.{field.name}",
        Severity.info,
        FindingKind.duty,
        [gdpr(f"9(2)({field.art9_exception.value})")],
        t(
            f"'{field.name}' steunt op art. 9 lid 2 onder {field.art9_exception.value}. "
            "Leg vast waarom die uitzondering past en welke extra maatregelen gelden.",
            f"'{field.name}' relies on art. 9(2)({field.art9_exception.value}). Record why "
            "that exception fits and which extra measures apply.",
        ),
        f"data_fields[{field.name}].art9_exception",
    )


# Words in field names and categories that often stand in for protected grounds (origin,
# nationality, age, sex, religion, disability). Nationality is no art. 9 category, but the
# AP found its use in the childcare-benefit risk model discriminatory.
_PROXY_WORDS = frozenset(
    {
        "nationality",
        "nationalities",
        "nationaliteit",
        "citizenship",
        "ethnicity",
        "etniciteit",
        "origin",
        "afkomst",
        "migration",
        "migratieachtergrond",
        "language",
        "taal",
        "moedertaal",
        "postcode",
        "zip",
        "zipcode",
        "neighbourhood",
        "wijk",
        "gender",
        "geslacht",
        "sex",
        "age",
        "leeftijd",
        "birthdate",
        "geboortedatum",
        "geboorteland",
        "religion",
        "religie",
        "disability",
        "handicap",
    }
)
_PROXY_PHRASES = ("country_of_birth", "date_of_birth", "mother_tongue", "birth_country")


def looks_like_proxy(field: DataField) -> bool:
    text = f"{field.name} {field.category}".lower()
    words = set(re.split(r"[^a-z0-9]+", text))
    return bool(words & _PROXY_WORDS) or any(p in text for p in _PROXY_PHRASES)


def proxy_discrimination(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Art. 5(1)(a) fairness: data that stand in for protected grounds risk discrimination."""
    for field in profile.data_fields:
        declared = field.protected_ground_proxy
        detected = looks_like_proxy(field)
        if declared is False or not (declared or detected):
            continue
        yield finding(
            f"principles.proxy.{field.name}",
            Severity.warning,
            FindingKind.risk,
            [gdpr("5(1)(a)"), AP_DISCRIMINATION],
            t(
                f"'{field.name}' kan staan voor een beschermde grond (zoals nationaliteit, "
                "afkomst, leeftijd of geslacht). Gebruik het alleen met een objectieve "
                "rechtvaardiging en monitor de uitkomsten per groep.",
                f"'{field.name}' may stand in for a protected ground (such as nationality, "
                "origin, age or sex). Use it only with an objective justification and monitor "
                "outcomes per group.",
            ),
            f"data_fields[{field.name}]",
        )


def data_subjects(profile: AlgorithmProfile) -> Iterable[Finding]:
    if not profile.data_subjects:
        yield open_question(
            "principles.open.data_subjects",
            [gdpr("30(1)(c)"), gdpr("35(7)(a)")],
            t(
                "Beschrijf over welke groepen mensen het algoritme gegevens verwerkt.",
                "Describe which groups of people the algorithm processes data about.",
            ),
            "data_subjects",
        )


def security(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Art. 32: measures fitting the risk must be in place and described (art. 30(1)(g))."""
    if not profile.processing.security_measures:
        yield finding(
            "principles.security.undescribed",
            Severity.warning,
            FindingKind.duty,
            [gdpr("32(1)"), gdpr("30(1)(g)")],
            t(
                "Er zijn geen beveiligingsmaatregelen beschreven. Leg passende technische en "
                "organisatorische maatregelen vast.",
                "No security measures are described. Record fitting technical and "
                "organisational measures.",
            ),
            "processing.security_measures",
        )


def transfers(profile: AlgorithmProfile) -> Iterable[Finding]:
    """Chapter V: transfers outside the EEA need an adequacy decision or safeguards."""
    if profile.processing.third_country_transfers:
        countries = ", ".join(profile.processing.third_country_transfers)
        yield finding(
            "principles.transfers",
            Severity.warning,
            FindingKind.duty,
            [gdpr("44"), gdpr("45"), gdpr("46")],
            t(
                f"Gegevens gaan naar landen buiten de EER ({countries}). Zorg voor een "
                "adequaatheidsbesluit of passende waarborgen.",
                f"Data go to countries outside the EEA ({countries}). Make sure an adequacy "
                "decision or appropriate safeguards cover this.",
            ),
            "processing.third_country_transfers",
        )


RULES: tuple[Rule, ...] = (
    legal_basis,
    purposes,
    minimisation,
    retention,
    special_categories,
    proxy_discrimination,
    data_subjects,
    security,
    transfers,
)


def assess_principles(profile: AlgorithmProfile) -> list[Finding]:
    return [f for rule in RULES for f in rule(profile)]
