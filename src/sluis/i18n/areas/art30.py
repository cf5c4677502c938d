"""Wording of the GDPR art. 30 record of processing (verwerkingsregister): column headings,
cell phrases and the web page."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "art30.title": ("Register van verwerkingsactiviteiten", "Record of processing activities"),
    "art30.intro": (
        "Het register dat artikel 30 lid 1 AVG van elke verwerkingsverantwoordelijke vraagt, "
        "opgebouwd uit de geregistreerde profielen (steeds de laatste versie). Kolommen met "
        "(a) tot en met (g) zijn verplicht; kolommen gemarkeerd als extra helpen de FG maar "
        "vraagt artikel 30 lid 1 niet.",
        "The record GDPR art. 30(1) asks of every controller, built from the registered "
        "profiles (always the latest version). Columns (a) to (g) are required; columns "
        "marked extra help the DPO but art. 30(1) does not ask for them.",
    ),
    "art30.title_one": ("Art. 30-register van één algoritme", "Art. 30 record of one algorithm"),
    "art30.controller": ("Verwerkingsverantwoordelijke", "Controller"),
    "art30.empty": (
        "Nog geen algoritmes geregistreerd; het register is leeg.",
        "No algorithms registered yet; the record is empty.",
    ),
    "art30.download": ("Downloaden", "Download"),
    "art30.download_all": ("Hele register", "Whole record"),
    "art30.download_controller": ("Alleen deze verantwoordelijke", "This controller only"),
    "art30.download_one": ("Dit algoritme", "This algorithm"),
    "art30.all": ("Hele organisatie", "Whole organisation"),
    "art30.open_profile": ("Profiel en beoordeling", "Profile and assessment"),
    "art30.edit_profile": ("Vul aan in het profiel", "Complete the profile"),
    "art30.generated_from": ("Opgesteld uit profiel", "Generated from profile"),
    "art30.generated_at": ("Opgesteld op", "Generated at"),
    "art30.version": ("versie", "version"),
    "art30.saved_at": ("versie opgeslagen op", "version saved at"),
    "art30.required": ("verplicht, art. 30 lid 1", "required, art. 30(1)"),
    "art30.extra": ("extra", "extra"),
    "art30.gaps": ("Ontbrekende gegevens", "Missing facts"),
    "art30.gaps_intro": (
        "Deze gegevens staan niet in het profiel. Sluis vult ze niet zelf in; vul ze aan:",
        "The profile does not give these facts. Sluis does not make them up; fill them in:",
    ),
    "art30.gaps_none": ("Geen ontbrekende gegevens.", "No missing facts."),
    "art30.gap_count": ("ontbrekend", "missing"),
    "art30.fill": ("in te vullen", "to fill in"),
    "art30.missing": ("[ontbreekt]", "[missing]"),
    "art30.none_declared": ("geen opgegeven", "none declared"),
    "art30.not_assessed": ("niet beoordeeld", "not assessed"),
    "art30.column": ("Kolom", "Column"),
    "art30.profile_path": ("Veld in het profiel", "Profile field"),
    "art30.reason": ("Toelichting", "Explanation"),
    "art30.sheet.record": ("Verwerkingsregister", "Record of processing"),
    "art30.sheet.gaps": ("Ontbrekend", "Missing"),
    "art30.sheet.source": ("Bron", "Source"),
    "art30.source.saved_at": ("Versie opgeslagen op", "Version saved at"),
    "art30.source.engine": ("Art. 22 beoordeeld met", "Art. 22 assessed with"),
    "art30.unregistered": ("niet geregistreerd", "not registered"),
    "art30.not_needed_eea": (
        "niet nodig: gevestigd in de EER",
        "not needed: established in the EEA",
    ),
    "art30.point.a": (
        "Verwerkingsverantwoordelijke, vertegenwoordiger en FG",
        "Controller, representative and DPO",
    ),
    "art30.point.b": ("Doeleinden", "Purposes"),
    "art30.point.c": ("Betrokkenen en persoonsgegevens", "Data subjects and personal data"),
    "art30.point.d": ("Ontvangers", "Recipients"),
    "art30.point.e": ("Doorgifte buiten de EER", "Transfers outside the EEA"),
    "art30.point.f": ("Termijnen voor wissen", "Time limits for erasure"),
    "art30.point.g": ("Beveiligingsmaatregelen", "Security measures"),
    "art30.extras": (
        "Extra: nuttig voor de FG, niet vereist door art. 30 lid 1",
        "Extra: useful for the DPO, not required by art. 30(1)",
    ),
    # Column headings (the marker of art. 30(1) point or "extra" is added in code).
    "art30.col.algorithm": ("Verwerking (algoritme)", "Processing (algorithm)"),
    "art30.col.profile_id": ("Kenmerk profiel", "Profile id"),
    "art30.col.version": ("Profielversie", "Profile version"),
    "art30.col.controller_name": ("Naam verwerkingsverantwoordelijke", "Controller name"),
    "art30.col.controller_contact": (
        "Contactgegevens verwerkingsverantwoordelijke",
        "Controller contact details",
    ),
    "art30.col.joint_controllers": (
        "Gezamenlijke verwerkingsverantwoordelijken",
        "Joint controllers",
    ),
    "art30.col.representative": ("Vertegenwoordiger in de EU", "Representative in the EU"),
    "art30.col.dpo_contact": (
        "Contactgegevens functionaris gegevensbescherming",
        "Data protection officer contact",
    ),
    "art30.col.purposes": ("Verwerkingsdoeleinden", "Purposes of the processing"),
    "art30.col.data_subjects": ("Categorieën betrokkenen", "Categories of data subjects"),
    "art30.col.personal_data": ("Categorieën persoonsgegevens", "Categories of personal data"),
    "art30.col.recipients": ("Categorieën ontvangers", "Categories of recipients"),
    "art30.col.transfers": (
        "Doorgifte naar derde landen of internationale organisaties",
        "Transfers to third countries or international organisations",
    ),
    "art30.col.erasure": ("Termijnen voor wissen", "Time limits for erasure"),
    "art30.col.security_measures": (
        "Technische en organisatorische beveiligingsmaatregelen",
        "Technical and organisational security measures",
    ),
    "art30.col.legal_basis": ("Rechtsgrondslag", "Legal basis"),
    "art30.col.automated_decision": (
        "Geautomatiseerde besluitvorming (art. 22)",
        "Automated decision-making (art. 22)",
    ),
    "art30.col.gaps": ("Ontbrekende gegevens", "Missing facts"),
    # Cell phrases.
    "art30.people": ("personen", "people"),
    "art30.vulnerable.true": ("kwetsbare groep", "vulnerable group"),
    "art30.vulnerable.false": ("niet kwetsbaar", "not vulnerable"),
    "art30.vulnerable.none": ("kwetsbaarheid onbekend", "vulnerability unknown"),
    "art30.flag.special": ("bijzonder persoonsgegeven (art. 9)", "special category (art. 9)"),
    "art30.flag.criminal": (
        "strafrechtelijk persoonsgegeven (art. 10)",
        "criminal-offence data (art. 10)",
    ),
    "art30.flag.national_id": (
        "nationaal identificatienummer (art. 87; art. 46 UAVG)",
        "national id number (art. 87; UAVG art. 46)",
    ),
    "art30.month": ("maand", "month"),
    "art30.months": ("maanden", "months"),
    "art30.no_limit": ("geen termijn vastgelegd", "no time limit recorded"),
    "art30.adm.applies": ("art. 22 van toepassing", "art. 22 applies"),
    "art30.adm.exception": ("uitzondering", "exception"),
    "art30.special.racial_or_ethnic_origin": ("ras of etnische afkomst", "racial or ethnic origin"),
    "art30.special.political_opinions": ("politieke opvattingen", "political opinions"),
    "art30.special.religious_or_philosophical_beliefs": (
        "religieuze of levensbeschouwelijke overtuigingen",
        "religious or philosophical beliefs",
    ),
    "art30.special.trade_union_membership": ("vakbondslidmaatschap", "trade union membership"),
    "art30.special.genetic": ("genetische gegevens", "genetic data"),
    "art30.special.biometric_identification": (
        "biometrische gegevens voor identificatie",
        "biometric data for identification",
    ),
    "art30.special.health": ("gezondheid", "health"),
    "art30.special.sex_life_or_sexual_orientation": (
        "seksueel gedrag of seksuele gerichtheid",
        "sex life or sexual orientation",
    ),
    "art30.basis.consent": ("Toestemming (art. 6(1)(a))", "Consent (art. 6(1)(a))"),
    "art30.basis.contract": ("Overeenkomst (art. 6(1)(b))", "Contract (art. 6(1)(b))"),
    "art30.basis.legal_obligation": (
        "Wettelijke verplichting (art. 6(1)(c))",
        "Legal obligation (art. 6(1)(c))",
    ),
    "art30.basis.vital_interests": (
        "Vitaal belang (art. 6(1)(d))",
        "Vital interests (art. 6(1)(d))",
    ),
    "art30.basis.public_task": ("Publieke taak (art. 6(1)(e))", "Public task (art. 6(1)(e))"),
    "art30.basis.legitimate_interests": (
        "Gerechtvaardigd belang (art. 6(1)(f))",
        "Legitimate interests (art. 6(1)(f))",
    ),
}
