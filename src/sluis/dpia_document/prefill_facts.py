"""Prefilled text of sections 1-5: the facts of the processing as the profile states
them (description, purposes, personal data, parties, legal basis)."""

from __future__ import annotations

from sluis.dpia_document.wording import (
    BASIS,
    EFFECT,
    HUMAN,
    SOURCE,
    SPECIAL,
    STATUS,
    TECHNOLOGY,
    Bilingual,
    name_of,
)
from sluis.law.findings import Text, t
from sluis.law.results import Art22Verdict, Assessment
from sluis.profiles.model import AlgorithmProfile, DataField, LegalBasis

VERDICT = {
    Art22Verdict.not_applicable: t("niet van toepassing", "not applicable"),
    Art22Verdict.prohibited: t("verboden zoals ontworpen", "prohibited as designed"),
    Art22Verdict.allowed_with_safeguards: t("toegestaan met waarborgen", "allowed with safeguards"),
    Art22Verdict.unknown: t("nog onbekend: feiten ontbreken", "unknown: facts are missing"),
}


def description(p: AlgorithmProfile, a: Assessment) -> Text:
    b = Bilingual()
    b.add(f"{p.name} ({p.controller.name}).", f"{p.name} ({p.controller.name}).")
    if p.description:
        b.add(p.description, p.description)
    else:
        b.open_point(
            "Beschrijf in eigen woorden wat het algoritme doet.",
            "Describe in your own words what the algorithm does.",
        )
    tech = p.technology
    kind = name_of(TECHNOLOGY, tech.kind)
    b.blank().add(f"Techniek: {kind.nl}.", f"Technology: {kind.en}.")
    if tech.ai_system:
        b.add(
            "Het is een AI-systeem (AI-verordening art. 3).", "It is an AI system (AI Act art. 3)."
        )
    if tech.description:
        b.add(tech.description, tech.description)
    if tech.supplier:
        b.add(f"Leverancier: {tech.supplier}.", f"Supplier: {tech.supplier}.")
    if p.decisions:
        b.blank().add(
            "Besluiten waarin het algoritme een rol speelt:",
            "Decisions the algorithm takes part in:",
        )
    for d in p.decisions:
        effect, human = name_of(EFFECT, d.effect), name_of(HUMAN, d.human_involvement)
        b.add(
            f"- {d.id}: {d.description} ({effect.nl}; {human.nl})",
            f"- {d.id}: {d.description} ({effect.en}; {human.en})",
        )
    status = p.registration.status
    if status is not None:
        since = p.registration.start_date
        label = STATUS[status]
        b.blank().add(
            f"Status: {label.nl}" + (f", sinds {since}." if since else "."),
            f"Status: {label.en}" + (f", since {since}." if since else "."),
        )
    b.blank().add("Waarom een DPIA:", "Why a DPIA:")
    for reason in a.dpia.reasons:
        b.add_text(reason, "- ")
    return b.text()


def purposes(p: AlgorithmProfile, _: Assessment) -> Text:
    b = Bilingual()
    for purpose in p.purposes:
        b.add(f"- {purpose}", f"- {purpose}")
    if not p.purposes:
        b.open_point(
            "Noem elk doel welbepaald en uitdrukkelijk (art. 5 lid 1 onder b AVG).",
            "State each purpose, specified and explicit (GDPR art. 5(1)(b)).",
        )
    return b.text()


def personal_data(p: AlgorithmProfile, _: Assessment) -> Text:
    b = Bilingual().add("Betrokkenen:", "Data subjects:")
    for g in p.data_subjects:
        count = f", ca. {g.count}" if g.count is not None else ""
        vulnerable = (" (kwetsbaar)", " (vulnerable)") if g.vulnerable else ("", "")
        b.add(f"- {g.category}{count}{vulnerable[0]}", f"- {g.category}{count}{vulnerable[1]}")
    if not p.data_subjects:
        b.open_point("Welke groepen mensen?", "Which groups of people?")
    b.blank().add("Persoonsgegevens:", "Personal data:")
    for f in p.data_fields:
        source = name_of(SOURCE, f.source)
        extra_nl, extra_en = _field_marks(f)
        named = f", {f.source_name}" if f.source_name else ""
        b.add(
            f"- {f.name} ({f.category}; {source.nl}{named}{extra_nl})",
            f"- {f.name} ({f.category}; {source.en}{named}{extra_en})",
        )
    if not p.data_fields:
        b.open_point("Welke gegevens worden verwerkt?", "Which data are processed?")
    return b.text()


def _field_marks(f: DataField) -> tuple[str, str]:
    nl, en = [], []
    if f.special_category is not None:
        nl.append(f"bijzonder persoonsgegeven: {SPECIAL[f.special_category].nl}")
        en.append(f"special category: {SPECIAL[f.special_category].en}")
    if f.criminal_data:
        nl.append("strafrechtelijk gegeven")
        en.append("criminal-offence data")
    if f.national_id:
        nl.append("nationaal identificatienummer")
        en.append("national id number")
    return "".join(f"; {x}" for x in nl), "".join(f"; {x}" for x in en)


def parties(p: AlgorithmProfile, _: Assessment) -> Text:
    c = p.controller
    b = Bilingual()
    body = (" (bestuursorgaan)", " (administrative body)") if c.administrative_body else ("", "")
    b.add(
        f"Verwerkingsverantwoordelijke: {c.name}{body[0]}.",
        f"Controller: {c.name}{body[1]}.",
    )
    if c.dpo_contact:
        b.add(f"Functionaris gegevensbescherming: {c.dpo_contact}.", f"DPO: {c.dpo_contact}.")
    if c.joint_controllers:
        names = ", ".join(c.joint_controllers)
        b.add(
            f"Gezamenlijk verwerkingsverantwoordelijken (art. 26 AVG): {names}.",
            f"Joint controllers (GDPR art. 26): {names}.",
        )
    if c.representative:
        b.add(
            f"Vertegenwoordiger (art. 27 AVG): {c.representative}.",
            f"Representative (GDPR art. 27): {c.representative}.",
        )
    if p.processing.recipients:
        names = ", ".join(p.processing.recipients)
        b.add(f"Ontvangers: {names}.", f"Recipients: {names}.")
    if p.technology.supplier:
        b.add(
            f"Leverancier: {p.technology.supplier}.", f"Supplier: {p.technology.supplier}."
        ).open_point(
            "Is de leverancier verwerker (art. 28 AVG) en is er een verwerkersovereenkomst?",
            "Is the supplier a processor (GDPR art. 28), and is there a processing agreement?",
        )
    sources = sorted({f.source_name for f in p.data_fields if f.source_name})
    if sources:
        names = ", ".join(sources)
        b.add(f"Bronnen van gegevens: {names}.", f"Sources of data: {names}.")
    if p.processing.third_country_transfers:
        names = ", ".join(p.processing.third_country_transfers)
        b.add(
            f"Doorgifte buiten de EER (art. 44-49 AVG): {names}.",
            f"Transfers outside the EEA (GDPR art. 44-49): {names}.",
        )
    return b.text()


def legal_basis(p: AlgorithmProfile, a: Assessment) -> Text:
    b = Bilingual()
    basis = p.legal_basis.article6
    if basis is None:
        b.open_point("Welke grondslag van art. 6 lid 1 AVG?", "Which basis of GDPR art. 6(1)?")
    else:
        b.add(f"Grondslag: {BASIS[basis].nl}.", f"Basis: {BASIS[basis].en}.")
    if p.legal_basis.law:
        b.add(f"Wettelijke basis: {p.legal_basis.law}.", f"Rests on: {p.legal_basis.law}.")
    elif basis in (LegalBasis.legal_obligation, LegalBasis.public_task):
        b.open_point(
            "Op welke wet berust de taak of plicht (art. 6 lid 3 AVG)?",
            "Which law lays down the task or obligation (GDPR art. 6(3))?",
        )
    for f in p.data_fields:
        if f.special_category is not None:
            point = f.art9_exception.value if f.art9_exception else "?"
            b.add(
                f"- {f.name}: bijzonder persoonsgegeven, uitzondering art. 9 lid 2 onder {point}.",
                f"- {f.name}: special category, exception GDPR art. 9(2)({point}).",
            )
        if f.criminal_data:
            basis10 = f.art10_basis or "?"
            b.add(
                f"- {f.name}: strafrechtelijk, art. 10 AVG: {basis10}.",
                f"- {f.name}: criminal-offence data, GDPR art. 10: {basis10}.",
            )
        if f.national_id:
            basis46 = f.national_id_basis or "?"
            b.add(
                f"- {f.name}: BSN, art. 46 UAVG: {basis46}.",
                f"- {f.name}: national id, UAVG art. 46: {basis46}.",
            )
    for d in a.art22.decisions:
        exception = d.exception.value if d.exception else "-"
        verdict = VERDICT[d.verdict]
        b.add(
            f"Art. 22 AVG bij besluit {d.decision_id}: {verdict.nl} (uitzondering: {exception}).",
            f"GDPR art. 22 for decision {d.decision_id}: {verdict.en} (exception: {exception}).",
        )
    return b.text()
