"""Wording of the questionnaire pages (the forms of the pre-scan, Model DPIA and IAMA). The
questions themselves stay in the definition's own language. Ids start with
``instrument_pages.``; the documents' and CLI's wording lives in ``instruments``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "instrument_pages.title": ("Vragenlijsten van de overheid", "The government's questionnaires"),
    "instrument_pages.intro": (
        "De pre-scan DPIA, het Model DPIA Rijksdienst en het IAMA, zoals de overheid ze "
        "publiceert. Sluis vult in wat het uit het profiel en de beoordeling weet; u past aan "
        "en vult aan.",
        "The DPIA pre-scan, the Model DPIA Rijksdienst and the IAMA as the government "
        "publishes them. Sluis fills in what it knows from the profile and the assessment; "
        "you correct and complete.",
    ),
    "instrument_pages.none_imported": (
        "Nog geen vragenlijst ingelezen. Lees er een in met: sluis instrument import PAD",
        "No questionnaire imported yet. Import one with: sluis instrument import PATH",
    ),
    "instrument_pages.definition": ("Vragenlijst", "Questionnaire"),
    "instrument_pages.version": ("Versie", "Version"),
    "instrument_pages.state": ("Status", "State"),
    "instrument_pages.open": ("Openen", "Open"),
    "instrument_pages.start": ("Beginnen", "Start"),
    "instrument_pages.answers_version": ("antwoordversie {version}", "answers version {version}"),
    "instrument_pages.back_profile": ("Terug naar het algoritme", "Back to the algorithm"),
    "instrument_pages.back_list": ("Alle vragenlijsten", "All questionnaires"),
    "instrument_pages.parts": ("Onderdelen", "Parts"),
    "instrument_pages.part_progress": ("{answered} van {total}", "{answered} of {total}"),
    "instrument_pages.progress": (
        "{answered} van {total} zichtbare vragen beantwoord ({percent}%)",
        "{answered} of {total} visible questions answered ({percent}%)",
    ),
    "instrument_pages.completed": ("voltooid", "completed"),
    "instrument_pages.mark_completed": ("Markeer als voltooid", "Mark as completed"),
    "instrument_pages.unmark_completed": ("Markering voltooid weghalen", "Unmark completed"),
    "instrument_pages.save": ("Opslaan", "Save"),
    "instrument_pages.saved": ("Opgeslagen als versie {version}.", "Saved as version {version}."),
    "instrument_pages.previous": ("Vorige: {title}", "Previous: {title}"),
    "instrument_pages.next": ("Volgende: {title}", "Next: {title}"),
    "instrument_pages.errors_title": (
        "Niet opgeslagen: verbeter deze antwoorden",
        "Not saved: correct these answers",
    ),
    "instrument_pages.conflict": (
        "Niet opgeslagen: iemand anders heeft intussen versie {current} opgeslagen. Laad de "
        "pagina opnieuw en breng uw wijziging opnieuw aan.",
        "Not saved: someone else saved version {current} meanwhile. Reload the page and make "
        "your change again.",
    ),
    "instrument_pages.choose": ("(kies)", "(choose)"),
    "instrument_pages.prefilled": (
        "Vooraf ingevuld door Sluis uit {source}",
        "Prefilled by Sluis from {source}",
    ),
    "instrument_pages.prefill.profile": ("het profiel", "the profile"),
    "instrument_pages.prefill.assessment": ("de beoordeling", "the assessment"),
    "instrument_pages.prefill.instrument": ("een andere vragenlijst", "another questionnaire"),
    "instrument_pages.add": ("{name} toevoegen", "Add {name}"),
    "instrument_pages.remove": ("{name} {number} verwijderen", "Remove {name} {number}"),
    "instrument_pages.element": ("{name} {number}", "{name} {number}"),
    "instrument_pages.no_elements": ("Nog niets toegevoegd.", "Nothing added yet."),
    "instrument_pages.image_kept": (
        "Afbeelding (wordt bewaard; wijzigen kan via de JSON-import)",
        "Image (kept; change it through the JSON import)",
    ),
    "instrument_pages.no_image": ("Geen afbeelding.", "No image."),
    "instrument_pages.interim": ("Tussenresultaten", "Interim results"),
    "instrument_pages.interim_intro": (
        "Wat de regels van de vragenlijst zelf concluderen uit de antwoorden tot nu toe. "
        "Antwoorden op verborgen vragen tellen niet mee.",
        "What the questionnaire's own rules conclude from the answers so far. Answers to "
        "hidden questions do not count.",
    ),
    "instrument_pages.interim_live": (
        "Bijgewerkt met de antwoorden op het scherm (nog niet opgeslagen).",
        "Updated with the answers on screen (not saved yet).",
    ),
    "instrument_pages.no_rules": (
        "Deze vragenlijst heeft geen eigen beslisregels.",
        "This questionnaire has no decision rules of its own.",
    ),
    "instrument_pages.level.required": ("verplicht", "required"),
    "instrument_pages.level.recommended": ("aanbevolen", "recommended"),
    "instrument_pages.level.none": ("niet nodig", "not needed"),
    "instrument_pages.because": ("Omdat:", "Because:"),
    "instrument_pages.readings_differ": (
        "De definitie bevat slordigheden (zie 'Over deze definitie'). Zoals gepubliceerd, "
        "en zo rekent ook het formulier van de overheid, is de uitkomst hierboven; zoals "
        "bedoeld komt er bij ten minste één beoordeling iets anders uit.",
        "The definition has slips (see 'About this definition'). As published, which is "
        "also how the government's form tool works it out, the outcome is the one above; as "
        "intended at least one assessment comes out otherwise.",
    ),
    "instrument_pages.as_published": ("Zoals gepubliceerd", "As published"),
    "instrument_pages.as_intended": ("Zoals bedoeld", "As intended"),
    "instrument_pages.assessment": ("Beoordeling", "Assessment"),
    "instrument_pages.why_differ": ("Waarom ze verschillen", "Why they differ"),
    "instrument_pages.about_definition": ("Over deze definitie", "About this definition"),
    "instrument_pages.about_intro": (
        "Opmerkingen over de regels van deze definitie. Het zijn waarschuwingen, geen fouten: "
        "de uitslag die telt is die van de definitie zoals gepubliceerd.",
        "Notes on this definition's rules. They are warnings, not errors: the verdict that "
        "counts is that of the definition as published.",
    ),
    "instrument_pages.rule_problems": (
        "Regels die niet konden worden toegepast:",
        "Rules that could not be applied:",
    ),
    "instrument_pages.comparison": (
        "Vergeleken met de eigen beoordeling van Sluis",
        "Compared with Sluis's own assessment",
    ),
    "instrument_pages.agree": ("Zelfde uitkomst", "Same outcome"),
    "instrument_pages.disagree": ("Andere uitkomst", "Different outcome"),
    "instrument_pages.downloads": ("Downloaden", "Download"),
    "instrument_pages.download_json": (
        "Antwoorden (JSON, voor het invulhulpmiddel van de overheid)",
        "Answers (JSON, for the government's form tool)",
    ),
    "instrument_pages.download_pdf": ("PDF", "PDF"),
    "instrument_pages.download_md": ("Markdown", "Markdown"),
    "instrument_pages.nav": ("Vragenlijsten", "Questionnaires"),
}
