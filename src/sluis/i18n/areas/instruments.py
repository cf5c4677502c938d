"""Wording around the government's questionnaires (pre-scan, Model DPIA, IAMA): documents,
CLI and API messages. The questions themselves stay in the definition's own language.
Ids start with ``instrument.``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "instrument.doc.provenance": (
        "Algoritme {profile}, {urn} versie {definition_version}; antwoordversie {version}, "
        "status: {state}",
        "Algorithm {profile}, {urn} version {definition_version}; answers version {version}, "
        "state: {state}",
    ),
    "instrument.state.draft": ("concept", "draft"),
    "instrument.state.signed": ("ondertekend", "signed"),
    "instrument.state.adopted": ("vastgesteld", "adopted"),
    "instrument.doc.progress": (
        "Voortgang: {answered} van {total} zichtbare vragen beantwoord ({percent}%)",
        "Progress: {answered} of {total} visible questions answered ({percent}%)",
    ),
    "instrument.doc.completed": ("voltooid", "completed"),
    "instrument.doc.not_completed": ("niet voltooid", "not completed"),
    "instrument.doc.unanswered": ("(niet beantwoord)", "(not answered)"),
    "instrument.doc.prefilled": (
        "Voorgesteld door Sluis uit {source}",
        "Suggested by Sluis from {source}",
    ),
    "instrument.doc.verdict": (
        "Uitkomst volgens de regels van het instrument",
        "Outcome under the instrument's own rules",
    ),
    "instrument.doc.level.required": ("verplicht", "required"),
    "instrument.doc.level.recommended": ("aanbevolen", "recommended"),
    "instrument.doc.level.none": ("niet nodig", "not needed"),
    "instrument.doc.criteria": ("want", "because"),
    "instrument.doc.as_published": (
        "Uitslag zoals de definitie is gepubliceerd (zo rekent ook het formulier van de overheid)",
        "Verdict of the definition as published (as the government's form tool works it out)",
    ),
    "instrument.doc.as_intended": (
        "Uitslag zoals de definitie kennelijk bedoeld is",
        "Verdict of the definition as evidently intended",
    ),
    "instrument.doc.readings_differ": (
        "Zoals bedoeld komt er bij ten minste één beoordeling iets anders uit. Waarom:",
        "As intended at least one assessment comes out otherwise. Why:",
    ),
    "instrument.cli.notes": (
        "Let op, de regels van deze definitie bevatten {count} opmerking(en):",
        "Note: this definition's rules carry {count} note(s):",
    ),
    "instrument.doc.comparison": (
        "Vergeleken met de eigen beoordeling van Sluis",
        "Compared with Sluis's own assessment",
    ),
    "instrument.doc.agree": (
        "Sluis komt tot dezelfde uitkomst.",
        "Sluis reaches the same outcome.",
    ),
    "instrument.doc.disagree": (
        "Sluis komt tot een andere uitkomst.",
        "Sluis reaches a different outcome.",
    ),
    "instrument.doc.signatures": ("Ondertekening", "Signatures"),
    "instrument.doc.no_signatures": ("Nog niet ondertekend.", "Not signed yet."),
    "instrument.doc.element": ("{name} {number}", "{name} {number}"),
    "instrument.doc.image": ("Afbeelding", "Image"),
    "instrument.doc.yes": ("Ja", "Yes"),
    "instrument.doc.no": ("Nee", "No"),
    "instrument.doc.language_note": (
        "De vragen staan in de taal van het instrument zelf.",
        "The questions are in the instrument's own language.",
    ),
    "instrument.cli.imported": ("Geïmporteerd: {key} ({name})", "Imported: {key} ({name})"),
    "instrument.cli.unchanged": (
        "Al aanwezig, ongewijzigd: {key}",
        "Already there, unchanged: {key}",
    ),
    "instrument.cli.opened": (
        "Instrument {id} geopend voor {profile}: {key}",
        "Instrument {id} opened for {profile}: {key}",
    ),
    "instrument.cli.exists": (
        "Instrument {id} bestond al voor {profile}: {key}",
        "Instrument {id} already existed for {profile}: {key}",
    ),
    "instrument.cli.saved": (
        "Antwoorden opgeslagen als versie {version}",
        "Answers saved as version {version}",
    ),
    "instrument.cli.no_change": (
        "Niets veranderd (versie {version})",
        "Nothing changed (version {version})",
    ),
    "instrument.cli.skipped": (
        "Niet uitgevoerd (het uitwisselformaat kan deze taken niet adresseren): {ids}",
        "Not exported (the exchange format cannot address these tasks): {ids}",
    ),
    "instrument.cli.none": ("Nog geen instrumenten.", "No instruments yet."),
}
