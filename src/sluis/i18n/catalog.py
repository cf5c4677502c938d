"""The catalogue of interface wording, keyed by a stable message id."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from sluis.i18n import areas

LANGUAGES = ("nl", "en")

_CORE: dict[str, tuple[str, str]] = {
    # (nl, en)
    "app.tagline": (
        "Besluiten over mensen, rechtmatig door ontwerp",
        "Decisions about people, lawful by construction",
    ),
    "assessment.title": ("Beoordeling", "Assessment"),
    "assessment.profile": ("Profiel", "Profile"),
    "assessment.version": ("versie", "version"),
    "assessment.engine": ("Beoordeeld met", "Assessed with"),
    "assessment.summary": ("Samenvatting", "Summary"),
    "art22.title": (
        "Art. 22 AVG: geautomatiseerde besluitvorming",
        "GDPR art. 22: automated decision-making",
    ),
    "art22.applies": ("Art. 22 van toepassing", "Art. 22 applies"),
    "art22.verdict": ("Oordeel", "Verdict"),
    "art22.exception": ("Uitzondering", "Exception"),
    "art22.safeguards": ("Verplichte waarborgen", "Mandatory safeguards"),
    "art22.decision": ("Besluit", "Decision"),
    "art22.conditions": ("Voorwaarden", "Conditions"),
    "art22.condition.decision": ("Een besluit over een persoon", "A decision about a person"),
    "art22.condition.solely_automated": (
        "Uitsluitend geautomatiseerd",
        "Solely automated",
    ),
    "art22.condition.significant_effect": (
        "Rechtsgevolg of aanmerkelijk effect",
        "Legal or similarly significant effect",
    ),
    "art22.risk_selection_doctrine": (
        "Risicoselectie buiten art. 22 (AP-advies 2024)",
        "Risk selection outside art. 22 (AP advice 2024)",
    ),
    "verdict.not_applicable": ("Niet van toepassing", "Not applicable"),
    "verdict.prohibited": ("Verboden", "Prohibited"),
    "verdict.allowed_with_safeguards": (
        "Toegestaan met waarborgen",
        "Allowed with safeguards",
    ),
    "verdict.unknown": ("Onbekend: feiten ontbreken", "Unknown: facts missing"),
    "exception.contract": ("Overeenkomst (art. 22(2)(a))", "Contract (art. 22(2)(a))"),
    "exception.law": ("Wet (art. 22(2)(b))", "Law (art. 22(2)(b))"),
    "exception.explicit_consent": (
        "Uitdrukkelijke toestemming (art. 22(2)(c))",
        "Explicit consent (art. 22(2)(c))",
    ),
    "exception.none": ("Geen", "None"),
    "tri.true": ("ja", "yes"),
    "tri.false": ("nee", "no"),
    "tri.none": ("onbekend", "unknown"),
    "dpia.title": ("DPIA (art. 35 AVG)", "DPIA (GDPR art. 35)"),
    "dpia.required": ("DPIA", "DPIA"),
    "dpia.verdict.required": ("Verplicht", "Required"),
    "dpia.verdict.recommended": ("Aanbevolen", "Recommended"),
    "dpia.verdict.not_required": ("Niet verplicht", "Not required"),
    "dpia.criteria": ("Criteria van de EDPB (WP248)", "EDPB criteria (WP248)"),
    "dpia.art35_3": ("Gevallen van art. 35 lid 3", "Cases of art. 35(3)"),
    "dpia.nl_list": ("AP-lijst verplichte DPIA", "Dutch DPA mandatory DPIA list"),
    "dpia.met": ("voldaan", "met"),
    "prior.title": ("Voorafgaande raadpleging (art. 36)", "Prior consultation (art. 36)"),
    "transparency.title": ("Transparantie- en documentatieplichten", "Transparency duties"),
    "findings.title": ("Bevindingen", "Findings"),
    "findings.open_questions": ("Open vragen", "Open questions"),
    "findings.none": ("Geen bevindingen.", "No findings."),
    "severity.violation": ("Overtreding", "Violation"),
    "severity.warning": ("Aandachtspunt", "Warning"),
    "severity.info": ("Informatie", "Information"),
    "articles": ("Grondslag", "Sources"),
    "reasons": ("Redenen", "Reasons"),
    "nav.profiles": ("Algoritmes", "Algorithms"),
    "nav.new": ("Nieuw profiel", "New profile"),
    "nav.art30": ("Verwerkingsregister", "Record of processing"),
    "nav.kader": ("Algoritmekader", "Algoritmekader"),
    "documents.title": ("Documenten", "Documents"),
    "documents.art30": ("Art. 30-register", "Art. 30 record"),
    "documents.algoritmeregister": (
        "Algoritmeregister-publicatie",
        "Algoritmeregister publication",
    ),
    "documents.kader": ("Algoritmekader-checklist", "Algoritmekader checklist"),
    "documents.dpia": ("DPIA", "DPIA"),
    "nav.language": ("English", "Nederlands"),
    "profiles.title": ("Geregistreerde algoritmes", "Registered algorithms"),
    "profiles.empty": ("Nog geen algoritmes geregistreerd.", "No algorithms registered yet."),
    "profiles.name": ("Naam", "Name"),
    "profiles.id": ("Kenmerk", "Id"),
    "profiles.latest_version": ("Laatste versie", "Latest version"),
    "profiles.updated": ("Bijgewerkt", "Updated"),
    "profiles.versions": ("Versies", "Versions"),
    "profiles.edit": ("Profiel bewerken", "Edit profile"),
    "profiles.document": ("Profiel (YAML of JSON)", "Profile (YAML or JSON)"),
    "profiles.upload": ("Of upload een bestand", "Or upload a file"),
    "profiles.save": ("Opslaan en beoordelen", "Save and assess"),
    "profiles.saved": ("Opgeslagen als versie", "Saved as version"),
    "profiles.unchanged": (
        "Ongewijzigd; de laatste versie blijft",
        "Unchanged; the latest version stays",
    ),
    "profiles.errors": (
        "Het profiel is niet opgeslagen. Los deze fouten op:",
        "The profile was not saved. Fix these errors:",
    ),
    "profiles.download_pdf": ("Download als PDF", "Download as PDF"),
    "profiles.download_json": ("Download als JSON", "Download as JSON"),
    "error.not_found": (
        "Dit algoritme of deze versie bestaat niet.",
        "This algorithm or version does not exist.",
    ),
    "profiles.schema": ("JSON Schema van het profiel", "Profile JSON Schema"),
}


def _merge() -> dict[str, tuple[str, str]]:
    merged = dict(_CORE)
    for module_info in pkgutil.iter_modules(areas.__path__):
        module = importlib.import_module(f"{areas.__name__}.{module_info.name}")
        clash = merged.keys() & module.MESSAGES.keys()
        if clash:
            raise RuntimeError(f"message ids defined twice: {sorted(clash)}")
        merged.update(module.MESSAGES)
    return merged


_MESSAGES = _merge()


def label(key: str, lang: str) -> str:
    nl, en = _MESSAGES[key]
    return nl if lang == "nl" else en


def translator(lang: str) -> Callable[[str], str]:
    return lambda key: label(key, lang)


def message_keys() -> frozenset[str]:
    return frozenset(_MESSAGES)
