"""Wording of the meaningfulness metrics and the human-involvement report (review desk):
headings, column names, alert titles and the method notes."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "review_metrics.title": ("Rapportage menselijke tussenkomst", "Human involvement report"),
    "review_metrics.intro": (
        "Hoe en in welke mate mensen betrokken zijn bij de besluiten van dit algoritme: wat "
        "het profiel erover zegt en wat de beoordelingen in de praktijk laten zien. Bedoeld "
        "voor de DPIA (art. 35 AVG) en voor de vraag of het besluit uitsluitend "
        "geautomatiseerd is (art. 22 lid 1 AVG).",
        "How and how far people take part in this algorithm's decisions: what the profile "
        "says, and what the reviews show in practice. Meant for the DPIA (GDPR art. 35) and "
        "for the question whether the decision is solely automated (GDPR art. 22(1)).",
    ),
    "review_metrics.scope": ("Algoritme", "Algorithm"),
    "review_metrics.scope_all": ("Alle algoritmes", "All algorithms"),
    "review_metrics.period": ("Periode", "Period"),
    "review_metrics.period_all": ("alle vastgelegde beoordelingen", "every recorded review"),
    "review_metrics.period_from": ("vanaf", "from"),
    "review_metrics.period_until": ("tot en met", "up to and including"),
    "review_metrics.generated_at": ("Opgesteld op", "Generated at"),
    "review_metrics.profile_version": ("profielversie", "profile version"),
    "review_metrics.summary": ("Overzicht", "Summary"),
    "review_metrics.no_decisions": (
        "Er zijn geen besluiten met menselijke betrokkenheid en geen beoordelingen in deze "
        "periode.",
        "There are no decisions with human involvement and no reviews in this period.",
    ),
    "review_metrics.decision": ("Besluit", "Decision"),
    "review_metrics.undeclared": (
        "niet beschreven in het profiel",
        "not described in the profile",
    ),
    "review_metrics.declared": ("Volgens het profiel", "Declared in the profile"),
    "review_metrics.measured": ("Gemeten", "Measured"),
    "review_metrics.degree": ("Mate van menselijke betrokkenheid", "Degree of human involvement"),
    "review_metrics.stage": ("Moment van menselijke betrokkenheid", "Stage of human involvement"),
    "review_metrics.involvement.none": ("geen", "none"),
    "review_metrics.involvement.token": ("symbolisch", "token"),
    "review_metrics.involvement.meaningful": ("betekenisvol", "meaningful"),
    "review_metrics.not_stated": ("niet opgegeven", "not stated"),
    "review_metrics.stage.before_effect": (
        "voordat het besluit gevolg heeft",
        "before the decision takes effect",
    ),
    "review_metrics.stage.after_effect": (
        "nadat het besluit gevolg heeft",
        "after the decision takes effect",
    ),
    "review_metrics.measured_stage": (
        "{initial} beoordelingen vooraf, {contest} na betwisting, {control} op controlezaken",
        "{initial} reviews before effect, {contest} after a contest, {control} on control cases",
    ),
    "review_metrics.verdict.no_reviews": (
        "Geen beoordelingen vastgelegd in deze periode",
        "No reviews recorded in this period",
    ),
    "review_metrics.verdict.too_few_to_judge": (
        "Te weinig beoordelingen om te oordelen",
        "Too few reviews to judge",
    ),
    "review_metrics.verdict.warning_signs": (
        "Tekenen van afstempelen",
        "Signs of rubber-stamping",
    ),
    "review_metrics.verdict.no_warning_signs": (
        "Geen tekenen van afstempelen gevonden",
        "No signs of rubber-stamping found",
    ),
    "review_metrics.verdict_caveat": (
        "Cijfers kunnen niet bewijzen dat een beoordeling betekenisvol is; ze kunnen alleen "
        "waarschuwen.",
        "Numbers cannot prove that review is meaningful; they can only warn.",
    ),
    "review_metrics.notes": ("Profiel tegenover praktijk", "Profile against practice"),
    "review_metrics.alerts": ("Signalen", "Alerts"),
    "review_metrics.no_alerts": ("Geen signalen.", "No alerts."),
    "review_metrics.alert_count": ("Signalen", "Alerts"),
    "review_metrics.too_few": ("Te weinig gegevens om te beoordelen", "Too few to judge"),
    "review_metrics.too_few_intro": (
        "Voor deze groepen en controles zijn te weinig waarnemingen; er volgt geen signaal, "
        "maar er valt ook niets uit te sluiten:",
        "These groups and checks have too few observations; no alert is raised, and none "
        "can be ruled out either:",
    ),
    "review_metrics.too_few_item": (
        "{check}: {size} van minimaal {minimum}",
        "{check}: {size} of at least {minimum}",
    ),
    "review_metrics.measured_value": ("gemeten", "measured"),
    "review_metrics.threshold": ("grens", "threshold"),
    "review_metrics.where": ("waar", "where"),
    "review_metrics.sources": ("Grondslag", "Sources"),
    "review_metrics.alert.agreement_high": (
        "Te vaak eens met het model",
        "Agreement with the model too high",
    ),
    "review_metrics.alert.median_time_low": (
        "Mediane beoordelingstijd te kort",
        "Median review time too short",
    ),
    "review_metrics.alert.fast_share_high": (
        "Te veel snelle beslissingen",
        "Too many fast decisions",
    ),
    "review_metrics.alert.control_catch_low": (
        "Te veel controlezaken gemist",
        "Too many control cases missed",
    ),
    "review_metrics.alert.opened_low": (
        "Te weinig geopend: {item}",
        "Too seldom opened: {item}",
    ),
    "review_metrics.check.agreement_high": ("eens met het model", "agreement with the model"),
    "review_metrics.check.median_time_low": ("mediane tijd", "median time"),
    "review_metrics.check.fast_share_high": ("snelle beslissingen", "fast decisions"),
    "review_metrics.check.control_catch_low": (
        "controlezaken met een fout voorstel",
        "control cases with a wrong proposal",
    ),
    "review_metrics.check.opened_low": ("geopend: {item}", "opened: {item}"),
    "review_metrics.item.inputs": ("gebruikte gegevens", "data used"),
    "review_metrics.item.explanation": ("uitleg", "explanation"),
    "review_metrics.item.submissions": ("inbreng van de persoon", "the person's submissions"),
    "review_metrics.item.history": ("voorgeschiedenis", "case history"),
    "review_metrics.item.recommendation": ("advies", "recommendation"),
    "review_metrics.by.overall": ("Geheel", "Overall"),
    "review_metrics.by.reviewer": ("Per beoordelaar", "By reviewer"),
    "review_metrics.by.month": ("Per maand", "By month"),
    "review_metrics.by.group": ("Per groep personen", "By group of people"),
    "review_metrics.by.algorithm": ("Per algoritme", "By algorithm"),
    "review_metrics.dim.reviewer": ("Beoordelaar", "Reviewer"),
    "review_metrics.dim.month": ("Maand", "Month"),
    "review_metrics.dim.group": ("Groep", "Group"),
    "review_metrics.dim.algorithm": ("Algoritme", "Algorithm"),
    "review_metrics.all_rows": ("Alle", "All"),
    "review_metrics.no_group": ("(geen groep)", "(no group)"),
    "review_metrics.whole_decision": ("het hele besluit", "the whole decision"),
    "review_metrics.outcomes": ("Uitkomsten", "Outcomes"),
    "review_metrics.effort": ("Tijd en aandacht", "Time and attention"),
    "review_metrics.controls": ("Controlezaken", "Control cases"),
    "review_metrics.col.acts": ("Handelingen", "Acts"),
    "review_metrics.col.decisions": ("Beslissingen", "Decisions"),
    "review_metrics.col.agreement": ("Eens met model", "Agreement with model"),
    "review_metrics.col.interval": ("95%-interval", "95% interval"),
    "review_metrics.col.to_favourable": ("Naar gunstig", "To favourable"),
    "review_metrics.col.to_unfavourable": ("Naar ongunstig", "To unfavourable"),
    "review_metrics.col.other_overrides": ("Overig afgeweken", "Other overrides"),
    "review_metrics.col.endorsement": ("Vier-ogen akkoord", "Four-eyes agreed"),
    "review_metrics.col.median": ("Mediaan", "Median"),
    "review_metrics.col.p10_p90": ("p10–p90", "p10–p90"),
    "review_metrics.col.mean": ("Gemiddeld", "Mean"),
    "review_metrics.col.fast": ("Sneller dan {seconds}", "Faster than {seconds}"),
    "review_metrics.col.opened": ("Geopend: {item}", "Opened: {item}"),
    "review_metrics.col.information": ("Informatie gevraagd", "Information requested"),
    "review_metrics.col.escalations": ("Doorgezet", "Escalated"),
    "review_metrics.col.blind_agreement": ("Vooraf eens met model", "Agreed blind"),
    "review_metrics.col.switched_to_model": (
        "Alsnog naar het model",
        "Switched to the model",
    ),
    "review_metrics.first_views": ("Eigen oordeel vooraf", "First views before the advice"),
    "review_metrics.first_views_intro": (
        "Waar het beleid het advies verbergt tot de beoordelaar een eigen oordeel heeft "
        "vastgelegd: hoe vaak dat oordeel gelijk was aan het model, en hoe vaak een afwijkend "
        "oordeel na het zien van het advies toch de uitkomst van het model werd (een teken "
        "van automatiseringsbias).",
        "Where the policy hides the advice until the reviewer has recorded a view of their "
        "own: how often that view matched the model, and how often a differing view became "
        "the model's outcome after all once the advice was shown (a sign of automation "
        "bias).",
    ),
    "review_metrics.col.control_acts": ("Handelingen", "Acts"),
    "review_metrics.col.caught": ("Fout gecorrigeerd", "Error caught"),
    "review_metrics.col.missed": ("Fout gemist", "Error missed"),
    "review_metrics.col.catch_rate": ("Vangstpercentage", "Catch rate"),
    "review_metrics.col.kept_right": ("Juist voorstel behouden", "Right proposal kept"),
    "review_metrics.col.changed_right": ("Juist voorstel gewijzigd", "Right proposal changed"),
    "review_metrics.col.undecided": ("Niet beslist", "Undecided"),
    "review_metrics.no_controls": (
        "Geen controlezaken in deze periode: hoe vaak beoordelaars een bekende fout "
        "herstellen, is niet gemeten.",
        "No control cases in this period: how often reviewers correct a known error was not "
        "measured.",
    ),
    "review_metrics.chart.agreement": (
        "Eens met het model, per beoordelaar",
        "Agreement with the model, by reviewer",
    ),
    "review_metrics.chart.agreement_desc": (
        "Aandeel beslissingen waarin de voorgestelde uitkomst bleef staan; de stippellijn is "
        "de signaalgrens, rode balken gaven een signaal.",
        "Share of decisions that kept the proposed outcome; the dashed line is the alert "
        "threshold, red bars raised an alert.",
    ),
    "review_metrics.chart.time": ("Tijd per beslissing", "Time per decision"),
    "review_metrics.chart.time_desc": (
        "Aantal beslissingen per tijdsvak in seconden; rood: sneller dan de grens voor snel.",
        "Number of decisions per time bucket in seconds; red: faster than the limit for fast.",
    ),
    "review_metrics.chart.seconds": ("seconden", "seconds"),
    "review_metrics.chart.empty": ("geen beslissingen", "no decisions"),
    "review_metrics.method": ("Werkwijze", "Method"),
    "review_metrics.method.decisions": (
        "Een beslissing is een bevestiging, een afwijking of een vier-ogen-akkoord. Tijd, "
        "snelle beslissingen en geopende onderdelen worden over beslissingen gemeten, ook op "
        "controlezaken, omdat de beoordelaar die niet herkent. Informatieverzoeken en "
        "doorzettingen zijn aandelen van alle handelingen.",
        "A decision is a confirmation, an override or a four-eyes agreement. Time, fast "
        "decisions and opened parts are measured over decisions, control cases included, "
        "since the reviewer cannot tell them apart. Requests for information and escalations "
        "are shares of all acts.",
    ),
    "review_metrics.method.agreement": (
        "Eens met het model: het aandeel bevestigingen en afwijkingen op echte zaken (eerste "
        "beoordeling of betwisting) waarin de uiteindelijke uitkomst gelijk is aan de "
        "voorgestelde. Vier-ogen-handelingen tellen niet mee (de tweede beoordelaar weegt de "
        "uitkomst van een collega, niet die van het model, en een zaak zou dubbel tellen); "
        "zij hebben een eigen akkoordpercentage. Controlezaken tellen niet mee (hun voorstel "
        "is meestal met opzet fout en zou het percentage kunstmatig drukken); zij hebben een "
        "eigen vangstpercentage. Het 95%-interval is het Wilson-interval.",
        "Agreement with the model: the share of confirmations and overrides on real cases "
        "(first review or contest) whose final outcome equals the proposed one. Four-eyes "
        "acts do not count (the second reviewer weighs a colleague's outcome, not the "
        "model's, and a case would count twice); they have their own agreement rate. Control "
        "cases do not count (their proposal is usually wrong on purpose and would push the "
        "rate down artificially); they have their own catch rate. The 95% interval is the "
        "Wilson interval.",
    ),
    "review_metrics.method.overrides": (
        "Afwijkingen zijn naar richting geteld met de in het profiel aangegeven gunstige en "
        "ongunstige uitkomsten; overig zijn wijzigingen tussen even gunstige uitkomsten of "
        "uitkomsten zonder aanduiding.",
        "Overrides are counted by direction using the favourable and unfavourable outcomes "
        "the profile declares; other are changes between equally favourable outcomes or "
        "outcomes without a declaration.",
    ),
    "review_metrics.method.controls": (
        "Controlezaken zijn door de privacyfunctionaris geplant met een bekend juist "
        "antwoord. Een fout voorstel is gecorrigeerd als de uitkomst het juiste antwoord is, "
        "anders gemist; het vangstpercentage is gecorrigeerd gedeeld door gecorrigeerd plus "
        "gemist.",
        "Control cases are planted by the privacy officer with a known right answer. A wrong "
        "proposal is caught when the outcome is the right answer, and missed otherwise; the "
        "catch rate is caught divided by caught plus missed.",
    ),
    "review_metrics.method.time": (
        "Mediaan, p10 en p90 zijn berekend met lineaire interpolatie tussen de "
        "dichtstbijzijnde rangen; de tijdsvakken van het histogram liggen vast.",
        "Median, p10 and p90 use linear interpolation between closest ranks; the histogram's "
        "time buckets are fixed.",
    ),
    "review_metrics.method.thresholds": ("Gebruikte grenzen", "Thresholds used"),
    "review_metrics.threshold.agreement": (
        "signaal bij meer dan {limit} eens met het model, vanaf {minimum} beslissingen",
        "alert above {limit} agreement with the model, from {minimum} decisions",
    ),
    "review_metrics.threshold.median": (
        "signaal bij een mediane tijd onder {limit}, vanaf {minimum} beslissingen",
        "alert at a median time under {limit}, from {minimum} decisions",
    ),
    "review_metrics.threshold.fast": (
        "signaal bij meer dan {limit} beslissingen sneller dan {seconds}, vanaf {minimum} "
        "beslissingen",
        "alert above {limit} of decisions faster than {seconds}, from {minimum} decisions",
    ),
    "review_metrics.threshold.control": (
        "signaal bij minder dan {limit} gecorrigeerde controlezaken, vanaf {minimum} "
        "controlezaken met een fout voorstel",
        "alert below {limit} of control cases caught, from {minimum} control cases with a "
        "wrong proposal",
    ),
    "review_metrics.threshold.opened": (
        "signaal als {item} bij minder dan {limit} van de beslissingen is geopend, vanaf "
        "{minimum} beslissingen",
        "alert when {item} is opened in less than {limit} of decisions, from {minimum} decisions",
    ),
    "review_metrics.no_personal_data": (
        "Dit rapport bevat geen persoonsgegevens van betrokkenen: alleen aantallen, tijden en "
        "de kenmerken van beoordelaars.",
        "This report holds no personal data of the people decided about: only counts, times "
        "and the reviewers' ids.",
    ),
}
