"""Wording of the Algoritmekader pages: the imported framework and a profile's checklist."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "kader.title": ("Algoritmekader", "Algoritmekader"),
    "kader.intro": (
        "Het Algoritmekader van de Rijksoverheid zet vereisten uit wet- en regelgeving en "
        "maatregelen om eraan te voldoen op een rij. Sluis leest ze in, bepaalt per "
        "algoritme welke gelden en houdt per maatregel de voortgang bij.",
        "The Dutch government's Algoritmekader lists requirements from law and measures "
        "to meet them. Sluis imports them, decides per algorithm which apply, and tracks "
        "progress per measure.",
    ),
    "kader.no_import": (
        "Nog geen Algoritmekader ingelezen. Lees het in met: sluis kader import PAD",
        "No Algoritmekader imported yet. Import it with: sluis kader import PATH",
    ),
    "kader.last_import": ("Laatste import", "Latest import"),
    "kader.imported_at": ("Ingelezen op", "Imported at"),
    "kader.source": ("Bron", "Source"),
    "kader.added": ("toegevoegd", "added"),
    "kader.changed": ("gewijzigd", "changed"),
    "kader.unchanged": ("ongewijzigd", "unchanged"),
    "kader.removed": ("verwijderd", "removed"),
    "kader.changes": ("Wijzigingen in deze import", "Changes in this import"),
    "kader.no_changes": (
        "Niets gewijzigd ten opzichte van de vorige import.",
        "Nothing changed since the previous import.",
    ),
    "kader.change": ("Wijziging", "Change"),
    "kader.problems": ("Problemen met bestanden", "File problems"),
    "kader.problem_skipped": ("overgeslagen", "skipped"),
    "kader.problem_warning": ("waarschuwing", "warning"),
    "kader.requirements": ("Vereisten", "Requirements"),
    "kader.measures": ("Maatregelen", "Measures"),
    "kader.code": ("Code", "Code"),
    "kader.item_title": ("Titel", "Title"),
    "kader.lifecycle": ("Levenscyclus", "Lifecycle"),
    "kader.checklists": ("Checklist per algoritme", "Checklist per algorithm"),
    "kader.no_profiles": ("Nog geen algoritmes geregistreerd.", "No algorithms registered yet."),
    "kader.checklist_title": ("Algoritmekader-checklist", "Algoritmekader checklist"),
    "kader.generated_from": ("Opgesteld uit profiel", "Generated from profile"),
    "kader.framework_version": ("Algoritmekader-import", "Algoritmekader import"),
    "kader.progress": ("Voortgang", "Progress"),
    "kader.total": ("totaal", "total"),
    "kader.filter": ("Toon maatregelen", "Show measures"),
    "kader.filter_all": ("alle", "all"),
    "kader.applying": ("Vereisten die gelden", "Requirements that apply"),
    "kader.applying_none": ("Geen vereisten van toepassing.", "No requirements apply."),
    "kader.why": ("Waarom", "Why"),
    "kader.uncertain": (
        "Geldt, tenzij: het profiel laat feiten open",
        "Applies unless: the profile leaves facts open",
    ),
    "kader.assessment": ("Volgens de beoordeling van Sluis", "According to Sluis's assessment"),
    "kader.suggestion.met": ("voldaan", "met"),
    "kader.suggestion.not_met": ("niet voldaan", "not met"),
    "kader.suggestion.open": ("open", "open"),
    "kader.suggestion.not_applicable": ("niet van toepassing", "not applicable"),
    "kader.its_measures": ("Maatregelen", "Measures"),
    "kader.general_measures": (
        "Algemene maatregelen (niet aan een vereiste gekoppeld)",
        "General measures (not tied to a requirement)",
    ),
    "kader.status": ("Status", "Status"),
    "kader.status.todo": ("te doen", "to do"),
    "kader.status.in_progress": ("bezig", "in progress"),
    "kader.status.done": ("gedaan", "done"),
    "kader.status.not_applicable": ("niet van toepassing", "not applicable"),
    "kader.owner": ("Eigenaar", "Owner"),
    "kader.notes": ("Notities", "Notes"),
    "kader.reason": (
        "Reden (verplicht bij 'niet van toepassing')",
        "Reason (required for 'not applicable')",
    ),
    "kader.save": ("Opslaan", "Save"),
    "kader.saved": ("Opgeslagen", "Saved"),
    "kader.updated": ("Bijgewerkt", "Updated"),
    "kader.evidence": ("Bewijsstukken", "Evidence"),
    "kader.evidence_none": ("Nog geen bewijsstukken.", "No evidence yet."),
    "kader.upload": ("Bewijsstuk toevoegen (max. 10 MB)", "Add evidence (max. 10 MB)"),
    "kader.upload_button": ("Uploaden", "Upload"),
    "kader.errors": ("Niet opgeslagen:", "Not saved:"),
    "kader.excluded": ("Vereisten die niet gelden", "Requirements that do not apply"),
    "kader.stale": (
        "Bewaarde statussen van maatregelen die niet (meer) gelden",
        "Kept statuses of measures that no longer apply",
    ),
    "kader.serves": ("Hoort bij", "Serves"),
    "kader.items_count": ("Vereisten en maatregelen", "Requirements and measures"),
}
