"""The prefilled text of the ten text sections, each derived from the profile and the
assessment only. Where the profile lacks a fact, the text says so with an open point
(``[[...]]``) instead of guessing; section 10 (why the residual risk is acceptable) is a
judgement no profile holds, so it starts empty."""

from __future__ import annotations

from collections.abc import Callable

from sluis.dpia_document import prefill_facts
from sluis.dpia_document.model import SECTION_SPECS, Section, SectionKey
from sluis.dpia_document.prefill_facts import VERDICT
from sluis.dpia_document.wording import Bilingual, cited
from sluis.law.findings import Text, t
from sluis.law.results import Assessment
from sluis.profiles.model import AlgorithmProfile, LegalBasis

Builder = Callable[[AlgorithmProfile, Assessment], Text]


def _necessity(p: AlgorithmProfile, a: Assessment) -> Text:
    b = Bilingual().add("Doelbinding en minimalisatie:", "Purpose limitation and minimisation:")
    unjustified = [f.name for f in p.data_fields if not f.purpose]
    with_purpose = len(p.data_fields) - len(unjustified)
    b.add(
        f"- {with_purpose} van {len(p.data_fields)} gegevens hebben een opgegeven reden.",
        f"- {with_purpose} of {len(p.data_fields)} data fields have a stated reason.",
    )
    if unjustified:
        names = ", ".join(unjustified)
        b.open_point(
            f"Motiveer of schrap: {names} (art. 5 lid 1 onder c AVG).",
            f"Justify or drop: {names} (GDPR art. 5(1)(c)).",
        )
    b.blank().add("Bewaartermijnen:", "Retention:")
    for r in p.retention:
        why = f": {r.justification}" if r.justification else ""
        b.add(
            f"- {r.data_category}: {r.months} maanden{why}",
            f"- {r.data_category}: {r.months} months{why}",
        )
    kept = {r.data_category for r in p.retention}
    missing = sorted({f.category for f in p.data_fields} - kept)
    if missing:
        b.open_point(
            f"Geen bewaartermijn voor: {', '.join(missing)} (art. 5 lid 1 onder e AVG).",
            f"No retention period for: {', '.join(missing)} (GDPR art. 5(1)(e)).",
        )
    b.blank().add("Proportionaliteit:", "Proportionality:")
    if p.registration.considerations:
        b.add(p.registration.considerations, p.registration.considerations)
    else:
        b.open_point(
            "Weeg de inbreuk op de privacy af tegen het doel.",
            "Weigh the intrusion on privacy against the purpose.",
        )
    b.blank().add("Subsidiariteit:", "Subsidiarity:").open_point(
        "Leg uit waarom een minder ingrijpend middel het doel niet bereikt.",
        "Explain why a less intrusive means would not achieve the purpose.",
    )
    return b.text()


_RIGHTS = (
    ("15", t("inzage", "access")),
    ("16", t("rectificatie en aanvulling", "rectification")),
    ("18", t("beperking van de verwerking", "restriction of processing")),
)


def _rights(p: AlgorithmProfile, a: Assessment) -> Text:
    b = Bilingual().add(
        f"Art. 22 AVG: {VERDICT[a.art22.verdict].nl}.",
        f"GDPR art. 22: {VERDICT[a.art22.verdict].en}.",
    )
    for s in a.art22.safeguards:
        where = cited(s.articles)
        b.add(f"- {s.text.nl} ({where.nl})", f"- {s.text.en} ({where.en})")
    b.blank().add("Andere rechten:", "Other rights:")
    for article, name in _RIGHTS:
        b.add(f"- {name.nl} (art. {article} AVG)", f"- {name.en} (GDPR art. {article})")
    basis = p.legal_basis.article6
    if basis in (LegalBasis.legal_obligation, LegalBasis.public_task):
        b.add(
            "- vergetelheid: beperkt, de wettelijke taak of plicht gaat voor (art. 17 lid 3 AVG)",
            "- erasure: limited, the legal task or obligation prevails (GDPR art. 17(3))",
        )
    else:
        b.add("- vergetelheid (art. 17 AVG)", "- erasure (GDPR art. 17)")
    if basis in (LegalBasis.consent, LegalBasis.contract):
        b.add("- dataportabiliteit (art. 20 AVG)", "- data portability (GDPR art. 20)")
    if basis in (LegalBasis.public_task, LegalBasis.legitimate_interests):
        b.add("- bezwaar (art. 21 AVG)", "- objection (GDPR art. 21)")
    if a.transparency:
        b.blank().add("Informatieplichten:", "Duties to inform:")
    for duty in a.transparency:
        where = cited(duty.articles)
        b.add(f"- {duty.text.nl} ({where.nl})", f"- {duty.text.en} ({where.en})")
    return b.text()


def _risks(_: AlgorithmProfile, a: Assessment) -> Text:
    met = ", ".join(str(n) for n in a.dpia.criteria_met) or "-"
    return t(
        f"De risico's hieronder zijn voorgesteld uit de beoordeling (WP248-criteria {met} en "
        "de bevindingen). Bevestig of wijzig bij elk risico de kans, de impact en de "
        "onderbouwing, en voeg risico's toe die het profiel niet laat zien.",
        f"The risks below were suggested from the assessment (WP248 criteria {met} and the "
        "findings). Confirm or change the likelihood, the impact and the justification of "
        "each, and add risks the profile does not show.",
    )


def _measures(p: AlgorithmProfile, a: Assessment) -> Text:
    b = Bilingual()
    if p.processing.security_measures:
        b.add("Maatregelen die het profiel al noemt:", "Measures the profile already names:")
        for m in p.processing.security_measures:
            b.add(f"- {m}", f"- {m}")
    if a.art22.safeguards:
        b.add(
            "Waarborgen die art. 22 AVG verplicht stelt:",
            "Safeguards GDPR art. 22 makes mandatory:",
        )
        for s in a.art22.safeguards:
            b.add_text(s.text, "- ")
    b.add(
        "Neem elke maatregel op in de tabel, met eigenaar en status, en koppel hem aan de "
        "risico's die hij verkleint.",
        "Enter each measure in the table with its owner and status, and link it to the risks "
        "it reduces.",
    )
    return b.text()


def _residual_risk(_: AlgorithmProfile, __: Assessment) -> Text:
    return t("", "")


_BUILDERS: dict[SectionKey, tuple[Builder, Text]] = {
    SectionKey.description: (
        prefill_facts.description,
        t(
            "Profiel: naam, beschrijving, techniek, besluiten, status; beoordeling: DPIA-oordeel.",
            "Profile: name, description, technology, decisions, status; assessment: DPIA verdict.",
        ),
    ),
    SectionKey.purposes: (prefill_facts.purposes, t("Profiel: doeleinden.", "Profile: purposes.")),
    SectionKey.personal_data: (
        prefill_facts.personal_data,
        t("Profiel: betrokkenen en gegevensvelden.", "Profile: data subjects and data fields."),
    ),
    SectionKey.parties: (
        prefill_facts.parties,
        t(
            "Profiel: verantwoordelijke, FG, ontvangers, leverancier, bronnen, doorgifte.",
            "Profile: controller, DPO, recipients, supplier, sources, transfers.",
        ),
    ),
    SectionKey.legal_basis: (
        prefill_facts.legal_basis,
        t(
            "Profiel: grondslag en gegevensvelden; beoordeling: art. 22-uitzondering per besluit.",
            "Profile: legal basis and data fields; assessment: art. 22 exception per decision.",
        ),
    ),
    SectionKey.necessity: (
        _necessity,
        t(
            "Profiel: redenen per gegeven, bewaartermijnen, afwegingen. "
            "Subsidiariteit vult u zelf in.",
            "Profile: reasons per field, retention, considerations. "
            "Subsidiarity is yours to write.",
        ),
    ),
    SectionKey.rights: (
        _rights,
        t(
            "Beoordeling: art. 22-oordeel, waarborgen en informatieplichten; profiel: grondslag.",
            "Assessment: art. 22 verdict, safeguards and duties to inform; profile: legal basis.",
        ),
    ),
    SectionKey.risks: (
        _risks,
        t("Beoordeling: DPIA-criteria en bevindingen.", "Assessment: DPIA criteria and findings."),
    ),
    SectionKey.measures: (
        _measures,
        t(
            "Profiel: beveiligingsmaatregelen; beoordeling: verplichte waarborgen.",
            "Profile: security measures; assessment: mandatory safeguards.",
        ),
    ),
    SectionKey.residual_risk: (
        _residual_risk,
        t(
            "Niet uit het profiel af te leiden: leg uit waarom het restrisico aanvaardbaar is, of "
            "dat de AP vooraf wordt geraadpleegd (art. 36 AVG).",
            "Not derivable from the profile: explain why the residual risk is acceptable, or that "
            "the Dutch DPA will be consulted first (GDPR art. 36).",
        ),
    ),
}


def prefilled_sections(
    profile: AlgorithmProfile, assessment: Assessment, language: str
) -> tuple[Section, ...]:
    sections = []
    for key, (build, source) in _BUILDERS.items():
        spec = SECTION_SPECS[key]
        prefill = build(profile, assessment)
        model = f"Model DPIA Rijksdienst §{spec.model_paragraphs}"
        sections.append(
            Section(
                key=key,
                title=spec.title,
                prefill=prefill,
                text=prefill.get(language),
                source=t(f"{source.nl} {model}.", f"{source.en} {model}."),
            )
        )
    return tuple(sections)
