"""Wording of the fairness report for the DPIA (sluis fairness report) and its web page."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "fairness_report.title": ("Eerlijkheidsmonitoring", "Fairness monitoring"),
    "fairness_report.computed_at": ("Berekend op", "Computed at"),
    "fairness_report.profile_version": ("profielversie", "profile version"),
    "fairness_report.alerts": ("Signalen", "Alerts"),
    "fairness_report.no_alerts": (
        "Geen signalen: de gegevens tonen geen duidelijk verschil ten nadele van een groep.",
        "No alerts: the data show no clear difference to a group's disadvantage.",
    ),
    "fairness_report.sources": ("Bronnen", "Sources"),
    "fairness_report.data": ("Gegevens en methode", "Data and method"),
    "fairness_report.decisions": ("Besluiten", "Decisions"),
    "fairness_report.monitored": ("met groepskenmerken", "with group attributes"),
    "fairness_report.judged": (
        "met een uitkomst die het profiel gunstig of ongunstig noemt",
        "with an outcome the profile calls favourable or not",
    ),
    "fairness_report.labelled": (
        "met een toets achteraf (grondwaarheid)",
        "with a later check (ground truth)",
    ),
    "fairness_report.basis": (
        "Grondslag van de monitoringgegevens",
        "Legal basis of the monitoring data",
    ),
    "fairness_report.basis_text": (
        "De groepskenmerken worden apart van de besluitgegevens bewaard, als grove groepen, "
        "alleen om ongelijke behandeling op te sporen; het besluit zelf gebruikt ze nooit. "
        "Ze worden gewist met de gegevens van de persoon en na de bewaartermijn.",
        "The group attributes are kept apart from the decision's data, as coarse groups, "
        "only to detect unequal treatment; the decision itself never uses them. They are "
        "erased with the person's data and after the retention period.",
    ),
    "fairness_report.article6": ("Grondslag (art. 6 lid 1 AVG)", "Basis (GDPR art. 6(1))"),
    "fairness_report.law": ("Wet of regeling", "Law or instrument"),
    "fairness_report.art9": ("Uitzondering art. 9 lid 2 AVG", "GDPR art. 9(2) exception"),
    "fairness_report.retention": ("Bewaartermijn", "Retention"),
    "fairness_report.months": ("maanden", "months"),
    "fairness_report.purged": (
        "Bij deze berekening gewist (termijn verstreken)",
        "Deleted in this run (period passed)",
    ),
    "fairness_report.attributes": ("Gemonitorde kenmerken", "Monitored attributes"),
    "fairness_report.ground": ("Beschermde grond", "Protected ground"),
    "fairness_report.groups": ("Groepen", "Groups"),
    "fairness_report.ground.sex": ("geslacht", "sex"),
    "fairness_report.ground.race_or_origin": ("ras of herkomst", "race or origin"),
    "fairness_report.ground.nationality": ("nationaliteit", "nationality"),
    "fairness_report.ground.religion": ("godsdienst", "religion"),
    "fairness_report.ground.belief": ("levensovertuiging", "belief"),
    "fairness_report.ground.political_opinion": ("politieke gezindheid", "political opinion"),
    "fairness_report.ground.sexual_orientation": ("seksuele gerichtheid", "sexual orientation"),
    "fairness_report.ground.civil_status": ("burgerlijke staat", "civil status"),
    "fairness_report.ground.age": ("leeftijd", "age"),
    "fairness_report.ground.disability": (
        "handicap of chronische ziekte",
        "disability or chronic illness",
    ),
    "fairness_report.ground.other": ("andere grond", "other ground"),
    "fairness_report.thresholds": ("Drempels", "Thresholds"),
    "fairness_report.min_group_size": (
        "Kleinste groep die wordt beoordeeld",
        "Smallest group judged",
    ),
    "fairness_report.ratio": ("Vier-vijfde-grens", "Four-fifths threshold"),
    "fairness_report.alpha": (
        "Kans op een vals signaal per rapport",
        "Chance of a false alarm per report",
    ),
    "fairness_report.min_difference": (
        "Kleinste verschil dat een signaal geeft",
        "Smallest gap that raises an alert",
    ),
    "fairness_report.method": (
        "Elke groep wordt vergeleken met alle anderen met een bekend kenmerk. Een signaal "
        "volgt alleen als het interval van het verschil, gecorrigeerd voor het aantal "
        "vergelijkingen (Bonferroni), geheel aan de nadelige kant ligt; 'hoog' als de "
        "vier-vijfde-verhouding ook onder de grens ligt. Clusters (HBAC) worden gezocht op "
        "een steekproef en getoetst op apart gehouden besluiten.",
        "Each group is compared with everyone else whose attribute is known. An alert "
        "follows only when the interval of the difference, corrected for the number of "
        "comparisons (Bonferroni), lies wholly on the disadvantageous side; 'high' when the "
        "four-fifths ratio is also below the threshold. Clusters (HBAC) are searched for on "
        "a sample and tested on decisions held out.",
    ),
    "fairness_report.decision": ("Besluit", "Decision"),
    "fairness_report.no_judged": (
        "Geen besluiten met groepskenmerken en een beoordeelde uitkomst: niets te vergelijken.",
        "No decisions with group attributes and a judged outcome: nothing to compare.",
    ),
    "fairness_report.favourable_caption": (
        "Gunstige uitkomsten per groep ({attribute})",
        "Favourable outcomes per group ({attribute})",
    ),
    "fairness_report.errors_caption": (
        "Fouten per groep volgens de toets achteraf ({attribute})",
        "Errors per group by the later check ({attribute})",
    ),
    "fairness_report.metric": ("Maat", "Measure"),
    "fairness_report.n": ("n", "n"),
    "fairness_report.rate": ("Aandeel (interval)", "Rate (interval)"),
    "fairness_report.rest_rate": ("De rest", "The rest"),
    "fairness_report.difference": ("Verschil (interval)", "Difference (interval)"),
    "fairness_report.unknown": (
        "Kenmerk onbekend bij {n} besluiten.",
        "Attribute unknown for {n} decisions.",
    ),
    "fairness_report.small": ("te klein", "too small"),
    "fairness_report.worse": ("nadelig", "disadvantaged"),
    "fairness_report.summary": ("Samenvattende maten", "Summary figures"),
    "fairness_report.chart": (
        "Aandeel gunstige uitkomsten per groep; de lijn is het aandeel over alle groepen",
        "Share of favourable outcomes per group; the line is the share over all groups",
    ),
    "fairness_report.cluster": (
        "Clusters zonder vooraf benoemde groepen",
        "Clusters without groups named in advance",
    ),
    "fairness_report.cluster_none": (
        "De apart gehouden toets toont geen cluster dat duidelijk ongunstiger wordt behandeld.",
        "The held-out test shows no cluster that is clearly treated less favourably.",
    ),
    "fairness_report.cluster_result": (
        "Ongunstigst behandelde cluster: n = {n} in de toetsdata, gemiddelde uitkomst {mean} "
        "tegen {rest} bij de rest (p {p}).",
        "Cluster treated least favourably: n = {n} in the held-out data, mean outcome {mean} "
        "against {rest} for the rest (p {p}).",
    ),
    "fairness_report.cluster_skipped.too_few_decisions": (
        "Niet gezocht: minder dan 100 beoordeelde besluiten.",
        "Not searched: fewer than 100 judged decisions.",
    ),
    "fairness_report.cluster_skipped.not_computable": (
        "Niet gezocht: de gegevens lieten geen clustering toe.",
        "Not searched: the data did not allow clustering.",
    ),
    "fairness_report.cluster_skipped.no_labels": (
        "Niet gezocht: geen groepskenmerken vastgelegd.",
        "Not searched: no group attributes recorded.",
    ),
    "fairness_report.unlabelled": (
        "Zonder vastgelegde groepen (niet vergeleken)",
        "Without recorded groups (not compared)",
    ),
    "fairness_report.cluster_skipped.no_judged_decisions": (
        "Niet gezocht: geen beoordeelde besluiten.",
        "Not searched: no judged decisions.",
    ),
    "fairness_report.feature": ("Kenmerk", "Feature"),
    "fairness_report.in_cluster": ("In cluster", "In cluster"),
    "fairness_report.reviewers": ("Beoordeling door mensen per groep", "Human review per group"),
    "fairness_report.reviewers_none": (
        "Geen beoordelingen van besluiten met groepskenmerken.",
        "No reviews of decisions with group attributes.",
    ),
    "fairness_report.reviewers_caption": (
        "Beoordelingen per groep ({attribute})",
        "Reviews per group ({attribute})",
    ),
    "fairness_report.review_alerts": (
        "Signalen over betekenisvolle menselijke tussenkomst",
        "Alerts on meaningful human intervention",
    ),
    "fairness_report.review_alerts_intro": (
        "Uit de metingen van de beoordelingsbalie; het rapport over menselijke tussenkomst "
        "geeft de details.",
        "From the review desk's measurements; the human-involvement report gives the details.",
    ),
    "fairness_report.per_month": ("Besluiten per maand", "Decisions per month"),
    "fairness_report.month": ("Maand", "Month"),
    "fairness_report.favourable_share": ("Aandeel gunstig", "Share favourable"),
    "fairness_report.no_personal_data": (
        "Dit rapport bevat alleen aantallen en aandelen per groep, geen gegevens over één persoon.",
        "This report holds counts and shares per group only, no data about any one person.",
    ),
}
