"""Wording of the Algoritmeregister publication page."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "algoritmeregister.title": ("Algoritmeregister-publicatie", "Algoritmeregister publication"),
    "algoritmeregister.intro": (
        "Deze publicatie volgt de publicatiestandaard 1.0 van het Algoritmeregister. Sluis "
        "vult de velden uit het profiel en de beoordeling; wat het profiel niet zegt, blijft "
        "leeg en staat hieronder bij wat nog ontbreekt.",
        "This publication follows the Algoritmeregister publication standard 1.0. Sluis fills "
        "the fields from the profile and its assessment; what the profile does not say stays "
        "empty and is listed below as missing.",
    ),
    "algoritmeregister.source": ("Gemaakt uit profiel", "Generated from profile"),
    "algoritmeregister.valid": (
        "Volledig: deze publicatie voldoet aan de standaard en kan worden gedownload.",
        "Complete: this publication meets the standard and can be downloaded.",
    ),
    "algoritmeregister.invalid": (
        "Nog niet volledig: vul eerst aan wat hieronder ontbreekt.",
        "Not complete yet: first fill in what is missing below.",
    ),
    "algoritmeregister.download": ("Download publicatie (JSON)", "Download publication (JSON)"),
    "algoritmeregister.download_csv": (
        "Alle volledige publicaties (CSV)",
        "All complete publications (CSV)",
    ),
    "algoritmeregister.missing": ("Wat nog ontbreekt", "What is still missing"),
    "algoritmeregister.fill_in": ("Waar in het profiel", "Where in the profile"),
    "algoritmeregister.derived": ("Door Sluis afgeleid", "Derived by Sluis"),
    "algoritmeregister.warnings": ("Controleer", "Check"),
    "algoritmeregister.schema_errors": (
        "Andere afwijkingen van de standaard",
        "Other deviations from the standard",
    ),
    "algoritmeregister.document": ("De publicatie per veld", "The publication, field by field"),
    "algoritmeregister.field": ("Veld", "Field"),
    "algoritmeregister.value": ("Waarde", "Value"),
    "algoritmeregister.not_filled": ("niet ingevuld", "not filled in"),
    "algoritmeregister.required_missing": ("verplicht, ontbreekt", "required, missing"),
    "algoritmeregister.derived_mark": ("afgeleid", "derived"),
    "algoritmeregister.edit_profile": ("Profiel bewerken", "Edit profile"),
    "algoritmeregister.back": (
        "Terug naar profiel en beoordeling",
        "Back to profile and assessment",
    ),
    "algoritmeregister.unavailable": (
        "De Algoritmeregister-publicatie is niet beschikbaar",
        "The Algoritmeregister publication is not available",
    ),
}
