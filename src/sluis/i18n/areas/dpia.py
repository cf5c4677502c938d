"""Wording of the DPIA document: its headings and tables, the editor pages and the
lifecycle's buttons. Ids start with ``dpia.doc.`` (the core catalogue has ``dpia.*`` for
the assessment's DPIA verdict)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "dpia.doc.title": ("DPIA", "DPIA"),
    "dpia.doc.generated_from": (
        "Gemaakt uit profiel {profile} versie {profile_version}, DPIA-versie {version}, "
        "status: {state}",
        "Generated from profile {profile} version {profile_version}, DPIA version {version}, "
        "state: {state}",
    ),
    "dpia.doc.adopted_at": ("vastgesteld op {date}", "adopted on {date}"),
    "dpia.doc.state.draft": ("concept", "draft"),
    "dpia.doc.state.ready_for_advice": ("klaar voor advies FG", "ready for DPO advice"),
    "dpia.doc.state.advised": ("geadviseerd door FG", "advised by DPO"),
    "dpia.doc.state.adopted": ("vastgesteld", "adopted"),
    "dpia.doc.why": ("Waarom een DPIA", "Why a DPIA"),
    "dpia.doc.source": ("Bron van de voorinvulling", "Source of the prefilled text"),
    "dpia.doc.prefill": ("Voorstel van Sluis", "Suggested by Sluis"),
    "dpia.doc.empty_section": ("(nog niet ingevuld)", "(not filled in yet)"),
    "dpia.doc.risk": ("Risico", "Risk"),
    "dpia.doc.risks": ("Risico's", "Risks"),
    "dpia.doc.risk_title": ("Omschrijving", "Title"),
    "dpia.doc.description": ("Toelichting", "Description"),
    "dpia.doc.likelihood": ("Kans", "Likelihood"),
    "dpia.doc.impact": ("Impact", "Impact"),
    "dpia.doc.level": ("Niveau", "Level"),
    "dpia.doc.score": ("Score", "Score"),
    "dpia.doc.rights": ("Geraakte rechten", "Rights affected"),
    "dpia.doc.rights_hint": ("één per regel", "one per line"),
    "dpia.doc.justification": ("Onderbouwing kans en impact", "Why this likelihood and impact"),
    "dpia.doc.residual_justification": (
        "Onderbouwing restrisico",
        "Why this residual risk",
    ),
    "dpia.doc.confirmed": ("Inschatting bevestigd", "Estimate confirmed"),
    "dpia.doc.unconfirmed": ("voorstel, nog niet bevestigd", "suggestion, not yet confirmed"),
    "dpia.doc.origin": ("Voorgesteld op grond van", "Suggested because of"),
    "dpia.doc.inherent": ("Vóór maatregelen", "Before measures"),
    "dpia.doc.residual": ("Restrisico", "Residual risk"),
    "dpia.doc.overall_residual": ("Hoogste restrisico", "Highest residual risk"),
    "dpia.doc.overall_inherent": (
        "Hoogste risico vóór maatregelen",
        "Highest risk before measures",
    ),
    "dpia.doc.no_risks": ("Nog geen risico's.", "No risks yet."),
    "dpia.doc.measure": ("Maatregel", "Measure"),
    "dpia.doc.measures": ("Maatregelen", "Measures"),
    "dpia.doc.owner": ("Eigenaar", "Owner"),
    "dpia.doc.status": ("Status", "Status"),
    "dpia.doc.measure_status.planned": ("gepland", "planned"),
    "dpia.doc.measure_status.in_progress": ("in uitvoering", "in progress"),
    "dpia.doc.measure_status.implemented": ("uitgevoerd", "implemented"),
    "dpia.doc.linked_risks": ("Gekoppelde risico's en effect", "Linked risks and effect"),
    "dpia.doc.effect": (
        "kans −{likelihood}, impact −{impact}",
        "likelihood −{likelihood}, impact −{impact}",
    ),
    "dpia.doc.likelihood_reduction": ("Kans omlaag", "Likelihood down"),
    "dpia.doc.impact_reduction": ("Impact omlaag", "Impact down"),
    "dpia.doc.no_measures": ("Nog geen maatregelen.", "No measures yet."),
    "dpia.doc.measures_rule": (
        "Het restrisico is per risico de laagste kans en impact die een gekoppelde maatregel "
        "belooft (nooit lager dan 1); effecten tellen niet op.",
        "Per risk, the residual risk is the lowest likelihood and impact any linked measure "
        "claims (never below 1); effects do not add up.",
    ),
    "dpia.doc.prior_title": (
        "Voorafgaande raadpleging van de AP nodig",
        "Prior consultation of the Dutch DPA needed",
    ),
    "dpia.doc.matrix": ("Risicomatrix", "Risk matrix"),
    "dpia.doc.matrix_rule": (
        "Score = kans × impact. 1-2 laag, 3-4 middel, 6-8 hoog, 9-16 zeer hoog.",
        "Score = likelihood × impact. 1-2 low, 3-4 medium, 6-8 high, 9-16 very high.",
    ),
    "dpia.doc.advice": ("Advies", "Advice"),
    "dpia.doc.advisor": ("Adviseur (FG)", "Advisor (DPO)"),
    "dpia.doc.advice_date": ("Datum advies", "Date of advice"),
    "dpia.doc.advice_on_version": ("Gegeven op DPIA-versie", "Given on DPIA version"),
    "dpia.doc.controller_response": (
        "Reactie van de verwerkingsverantwoordelijke",
        "The controller's response",
    ),
    "dpia.doc.no_advice": ("Nog geen advies vastgelegd.", "No advice recorded yet."),
    "dpia.doc.dpo_role_note": (
        "De FG adviseert (art. 35 lid 2 en art. 39 AVG); de verwerkingsverantwoordelijke "
        "besluit en stelt de DPIA vast (art. 24 AVG).",
        "The DPO advises (GDPR art. 35(2) and 39); the controller decides and adopts the "
        "DPIA (GDPR art. 24).",
    ),
    "dpia.doc.signatures": ("Ondertekening", "Signatures"),
    "dpia.doc.role": ("Rol", "Role"),
    "dpia.doc.name": ("Naam", "Name"),
    "dpia.doc.function": ("Functie", "Function"),
    "dpia.doc.date": ("Datum", "Date"),
    "dpia.doc.decision": ("Besluit", "Decision"),
    "dpia.doc.note": ("Toelichting", "Note"),
    "dpia.doc.no_signatures": ("Nog niet ondertekend.", "Not signed yet."),
    "dpia.doc.role.decision_owner": (
        "Besluitvormer (namens de verwerkingsverantwoordelijke)",
        "Decision owner (for the controller)",
    ),
    "dpia.doc.role.dpo": (
        "Functionaris gegevensbescherming (advies)",
        "Data protection officer (advice)",
    ),
    "dpia.doc.role.ciso": ("CISO (informatiebeveiliging, optioneel)", "CISO (security, optional)"),
    "dpia.doc.decision.adopt": ("vastgesteld", "adopted"),
    "dpia.doc.decision.reject": ("niet vastgesteld", "not adopted"),
    "dpia.doc.decision.advice_given": ("advies uitgebracht", "advice given"),
    "dpia.doc.decision.agree": ("akkoord", "agrees"),
    "dpia.doc.decision.object": ("bezwaar", "objects"),
    # The web pages
    "dpia.doc.page_title": ("DPIA van {name}", "DPIA of {name}"),
    "dpia.doc.intro": (
        "Een gegevensbeschermingseffectbeoordeling (art. 35 AVG), vooraf ingevuld uit het "
        "profiel en de beoordeling. Vul aan wat ontbreekt, laat de FG adviseren, onderteken "
        "en stel vast.",
        "A data protection impact assessment (GDPR art. 35), prefilled from the profile and "
        "its assessment. Complete what is missing, ask the DPO's advice, sign and adopt.",
    ),
    "dpia.doc.none_yet": (
        "Er is nog geen DPIA voor dit algoritme.",
        "This algorithm has no DPIA yet.",
    ),
    "dpia.doc.needed": (
        "Volgens de beoordeling is een DPIA {verdict}:",
        "According to the assessment a DPIA is {verdict}:",
    ),
    "dpia.doc.not_needed": (
        "Volgens de beoordeling is geen DPIA nodig:",
        "According to the assessment no DPIA is needed:",
    ),
    "dpia.doc.open": ("DPIA openen", "Open DPIA"),
    "dpia.doc.back": ("Terug naar het profiel", "Back to the profile"),
    "dpia.doc.sections": ("Paragrafen", "Sections"),
    "dpia.doc.save": ("Concept opslaan", "Save draft"),
    "dpia.doc.saved": ("Opgeslagen als DPIA-versie {version}.", "Saved as DPIA version {version}."),
    "dpia.doc.unchanged": ("Niets gewijzigd.", "Nothing changed."),
    "dpia.doc.add_risk": ("Risico toevoegen", "Add a risk"),
    "dpia.doc.add_measure": ("Maatregel toevoegen", "Add a measure"),
    "dpia.doc.delete": ("verwijderen", "delete"),
    "dpia.doc.ready": ("Klaar voor advies van de FG", "Ready for the DPO's advice"),
    "dpia.doc.record_advice": ("Advies FG vastleggen", "Record the DPO's advice"),
    "dpia.doc.sign_as": ("Ondertekenen als", "Sign as"),
    "dpia.doc.sign": ("Ondertekenen", "Sign"),
    "dpia.doc.sign_after_advice": (
        "Ondertekenen kan zodra het advies van de FG op deze versie is vastgelegd.",
        "Signing opens once the DPO's advice on this version is recorded.",
    ),
    "dpia.doc.adopt": ("DPIA vaststellen", "Adopt the DPIA"),
    "dpia.doc.adopt_ready": (
        "Alles is compleet: de DPIA kan worden vastgesteld.",
        "Everything is complete: the DPIA can be adopted.",
    ),
    "dpia.doc.refusals": (
        "Nog niet vast te stellen. Dit ontbreekt:",
        "Cannot be adopted yet. This is missing:",
    ),
    "dpia.doc.errors": ("Niet opgeslagen. Los dit op:", "Not saved. Fix this:"),
    "dpia.doc.conflict": (
        "Iemand anders heeft de DPIA intussen gewijzigd (nu versie {current}). Uw wijziging "
        "is niet opgeslagen; bekijk de nieuwe versie en breng ze opnieuw aan.",
        "Someone else changed the DPIA meanwhile (now version {current}). Your change was not "
        "saved; review the new version and make it again.",
    ),
    "dpia.doc.adopted_notice": (
        "Deze versie is vastgesteld en verandert niet meer. Opslaan maakt een nieuwe "
        "conceptversie.",
        "This version is adopted and no longer changes. Saving starts a new draft version.",
    ),
    "dpia.doc.profile_newer": (
        "Het profiel heeft inmiddels versie {latest}; deze DPIA is ingevuld uit versie "
        "{used}. Controleer of de DPIA nog klopt.",
        "The profile is now at version {latest}; this DPIA was prefilled from version {used}. "
        "Check whether the DPIA still holds.",
    ),
    "dpia.doc.download_pdf": ("Download als PDF", "Download as PDF"),
    "dpia.doc.download_md": ("Download als Markdown", "Download as Markdown"),
    "dpia.doc.versions": ("DPIA-versies", "DPIA versions"),
    "dpia.doc.version": ("versie", "version"),
    "dpia.doc.by": ("door", "by"),
    "dpia.doc.old_version": (
        "U bekijkt een eerdere versie; alleen de nieuwste kan worden bewerkt.",
        "You are looking at an earlier version; only the newest can be edited.",
    ),
    "dpia.doc.to_latest": ("Naar de nieuwste versie", "To the newest version"),
    "dpia.doc.new": ("nieuw", "new"),
}
