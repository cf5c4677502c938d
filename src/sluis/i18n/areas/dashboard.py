"""Wording of the privacy officer's dashboard (/dashboard) and the fairness pages."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "dashboard.nav": ("Dashboard", "Dashboard"),
    "dashboard.title": ("Dashboard van de privacy officer", "Privacy officer's dashboard"),
    "dashboard.intro": (
        "Alles wat aandacht vraagt op één scherm: algoritmes en hun oordelen, DPIA's, de "
        "beoordelingsbalie, verzoeken van betrokkenen, eerlijkheid, het auditspoor en de "
        "bewaartermijnen. Elke tegel leidt naar de details.",
        "Everything that needs attention on one screen: algorithms and their verdicts, "
        "DPIAs, the review desk, requests of data subjects, fairness, the audit trail and "
        "retention. Every tile leads to the details.",
    ),
    "dashboard.generated_at": ("Stand van", "As of"),
    "dashboard.none": ("Nog niets", "Nothing yet"),
    "dashboard.no_snapshots": (
        "Nog niet berekend",
        "Not computed yet",
    ),
    "dashboard.refresh": ("Opnieuw berekenen", "Compute again"),
    "dashboard.refresh_help": (
        "Berekent de eerlijkheidsmonitoring van elk algoritme opnieuw en controleert het "
        "hele auditspoor. Bij veel besluiten duurt dat even; plan het liefst met "
        "'sluis dashboard refresh'.",
        "Recomputes every algorithm's fairness monitoring and verifies the whole audit "
        "trail. With many decisions this takes a while; preferably schedule "
        "'sluis dashboard refresh'.",
    ),
    "dashboard.refreshed": (
        "Opnieuw berekend: {snapshots} eerlijkheidsmonitoring(en), auditspoor gecontroleerd.",
        "Recomputed: {snapshots} fairness monitoring run(s), audit trail verified.",
    ),
    # totals
    "dashboard.total.algorithms": ("Algoritmes", "Algorithms"),
    "dashboard.total.decisions": ("Besluiten", "Decisions"),
    "dashboard.total.dpias_open": ("DPIA's in bewerking", "DPIAs in progress"),
    "dashboard.total.dpias_missing": ("DPIA's nodig, niet gestart", "DPIAs needed, not started"),
    "dashboard.total.review_open": ("Zaken in de beoordelingsbalie", "Cases at the review desk"),
    "dashboard.total.review_overdue": ("Beoordelingen te laat", "Reviews overdue"),
    "dashboard.total.fairness_alerts_high": (
        "Eerlijkheidssignalen (hoog)",
        "Fairness alerts (high)",
    ),
    "dashboard.total.review_alerts": (
        "Signalen over menselijke tussenkomst",
        "Alerts on human intervention",
    ),
    "dashboard.total.requests_due_soon": ("Verzoeken bijna verlopen", "Requests due soon"),
    "dashboard.total.requests_overdue": ("Verzoeken te laat", "Requests overdue"),
    # algorithms
    "dashboard.algorithms": ("Algoritmes en oordelen", "Algorithms and verdicts"),
    "dashboard.algorithm": ("Algoritme", "Algorithm"),
    "dashboard.art22": ("Art. 22 AVG", "GDPR art. 22"),
    "dashboard.dpia": ("DPIA", "DPIA"),
    "dashboard.decisions": ("Besluiten", "Decisions"),
    "dashboard.dpia_state.none": ("niet gestart", "not started"),
    "dashboard.dpia_state.draft": ("concept", "draft"),
    "dashboard.dpia_state.ready_for_advice": ("klaar voor advies", "ready for advice"),
    "dashboard.dpia_state.advised": ("geadviseerd", "advised"),
    "dashboard.dpia_state.adopted": ("vastgesteld", "adopted"),
    "dashboard.dpia_missing": ("nodig maar niet gestart", "needed but not started"),
    "dashboard.status.final": ("definitief", "final"),
    "dashboard.status.pending_review": ("wacht op beoordeling", "awaiting review"),
    "dashboard.status.selected_for_review": ("geselecteerd voor controle", "selected for review"),
    # review desk
    "dashboard.review": ("Beoordelingsbalie", "Review desk"),
    "dashboard.open_cases": ("Open zaken", "Open cases"),
    "dashboard.overdue": ("te laat", "overdue"),
    "dashboard.next_due": ("Eerstvolgende termijn", "Next deadline"),
    "dashboard.queue": ("wachtrij", "queue"),
    "dashboard.meaningfulness": ("betekenisvolheid", "meaningfulness"),
    "dashboard.review_alerts": (
        "Signalen over betekenisvolle menselijke tussenkomst",
        "Alerts on meaningful human intervention",
    ),
    "dashboard.no_review_alerts": (
        "Geen signalen in de laatste berekening.",
        "No alerts in the last computation.",
    ),
    # rights
    "dashboard.rights": ("Verzoeken van betrokkenen", "Requests of data subjects"),
    "dashboard.open_requests": ("Open verzoeken", "Open requests"),
    "dashboard.kind": ("Soort", "Kind"),
    # fairness
    "dashboard.fairness": ("Eerlijkheid", "Fairness"),
    "dashboard.high": ("hoog", "high"),
    "dashboard.medium": ("middel", "medium"),
    "dashboard.stale": (
        "verouderd: er zijn sindsdien besluiten bijgekomen of de berekening is ouder dan een dag",
        "stale: decisions were added since, or the computation is over a day old",
    ),
    "dashboard.computed_at": ("berekend", "computed"),
    "dashboard.no_fairness_alerts": ("Geen eerlijkheidssignalen.", "No fairness alerts."),
    "dashboard.favourable": ("gunstig", "favourable"),
    "dashboard.details": ("details", "details"),
    # audit chain
    "dashboard.chain": ("Auditspoor", "Audit trail"),
    "dashboard.chain.head": ("Laatste vermelding", "Newest entry"),
    "dashboard.chain.last_check": ("Laatste volledige controle", "Last full verification"),
    "dashboard.chain.entries": ("vermeldingen", "entries"),
    "dashboard.chain.appended": (
        "{n} vermeldingen bijgekomen sinds de controle",
        "{n} entries appended since the verification",
    ),
    "dashboard.chain.state.verified": ("gecontroleerd en intact", "verified and intact"),
    "dashboard.chain.state.behind": (
        "intact bij de laatste controle",
        "intact at the last verification",
    ),
    "dashboard.chain.state.unverified": ("nog niet gecontroleerd", "not verified yet"),
    "dashboard.chain.state.broken": (
        "GEBROKEN: het spoor is gewijzigd",
        "BROKEN: the trail was changed",
    ),
    "dashboard.chain.broken_at": ("eerste gebroken vermelding", "first broken entry"),
    # retention
    "dashboard.retention": ("Bewaartermijnen", "Retention"),
    "dashboard.retention.not_recorded": (
        "Runs van de bewaartermijntaak worden in deze installatie nog niet vastgelegd.",
        "Runs of the retention job are not recorded in this installation yet.",
    ),
    "dashboard.retention.no_runs": (
        "De bewaartermijntaak heeft nog niet gedraaid.",
        "The retention job has not run yet.",
    ),
    "dashboard.retention.last_run": ("Laatste run", "Last run"),
    "dashboard.retention.erased": ("gewist", "erased"),
    "dashboard.retention.held": ("vastgehouden", "held"),
    "dashboard.retention.waiting": ("wacht nog", "waiting"),
    "dashboard.retention.unfinished": ("niet afgerond", "not finished"),
    "dashboard.retention.runs": ("runs", "runs"),
    # charts
    "dashboard.chart.decisions": ("Besluiten per algoritme", "Decisions per algorithm"),
    "dashboard.chart.decisions_desc": (
        "Het aantal vastgelegde besluiten per algoritme; de tooltip splitst ze naar status.",
        "The number of recorded decisions per algorithm; the tooltip splits them by status.",
    ),
    "dashboard.chart.review": ("Open zaken per algoritme", "Open cases per algorithm"),
    "dashboard.chart.review_desc": (
        "Zaken die nog op een beoordelaar wachten; rood waar er te laat zijn.",
        "Cases still waiting for a reviewer; red where some are overdue.",
    ),
    "dashboard.chart.rights": ("Open verzoeken naar termijn", "Open requests by deadline"),
    "dashboard.chart.rights_desc": (
        "Open verzoeken van betrokkenen: te laat, bijna verlopen (binnen een week) en op tijd.",
        "Open requests of data subjects: overdue, due within a week, and on time.",
    ),
    "dashboard.chart.fairness": (
        "Eerlijkheidssignalen per algoritme",
        "Fairness alerts per algorithm",
    ),
    "dashboard.chart.fairness_desc": (
        "Signalen uit de laatste eerlijkheidsmonitoring; rood waar een signaal hoog is.",
        "Alerts from the last fairness monitoring; red where an alert is high.",
    ),
    "dashboard.chart.months": ("Besluiten per maand", "Decisions per month"),
    "dashboard.chart.months_desc": (
        "Besluiten per maand over de gemonitorde algoritmes, uit de laatste berekening.",
        "Decisions per month over the monitored algorithms, from the last computation.",
    ),
    # fairness page
    "dashboard.fairness_page.none": (
        "Voor dit algoritme is de eerlijkheidsmonitoring nog niet berekend.",
        "Fairness monitoring has not been computed for this algorithm yet.",
    ),
    "dashboard.fairness_page.compute": ("Nu berekenen", "Compute now"),
    "dashboard.fairness_page.download": ("Downloaden", "Download"),
    "dashboard.fairness_page.refused": (
        "Dit algoritme kan niet worden gemonitord",
        "This algorithm cannot be monitored",
    ),
}
