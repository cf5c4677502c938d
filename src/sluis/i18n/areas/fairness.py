"""Wording of fairness monitoring: metrics, summaries, alerts and cluster descriptions."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "fairness.title": ("Eerlijkheid van uitkomsten", "Fairness of outcomes"),
    "fairness.intro": (
        "Sluis vergelijkt per algoritme de uitkomsten, en waar een toets achteraf bestaat de "
        "fouten, tussen groepen mensen. Kleine groepen worden getoond maar niet beoordeeld.",
        "Per algorithm, Sluis compares outcomes, and where a later check exists the errors, "
        "between groups of people. Small groups are shown but not judged.",
    ),
    "fairness.attribute": ("Kenmerk", "Attribute"),
    "fairness.group": ("Groep", "Group"),
    "fairness.rest": ("de rest", "the rest"),
    "fairness.count": ("Aantal", "Count"),
    "fairness.rate": ("Aandeel", "Rate"),
    "fairness.difference": ("Verschil met de rest", "Difference from the rest"),
    "fairness.ratio": ("Verhouding tot de rest", "Ratio to the rest"),
    "fairness.disparity_ratio": ("Vier-vijfde-verhouding", "Four-fifths ratio"),
    "fairness.interval": ("Betrouwbaarheidsinterval", "Confidence interval"),
    "fairness.unknown": ("Kenmerk onbekend", "Attribute unknown"),
    "fairness.small_group": (
        "Te klein om te beoordelen",
        "Too small to judge",
    ),
    "fairness.no_alerts": (
        "Geen signalen: de gegevens tonen geen duidelijk verschil tussen groepen.",
        "No alerts: the data show no clear difference between groups.",
    ),
    "fairness.metric.favourable_rate": ("gunstige uitkomsten", "favourable outcomes"),
    "fairness.metric.false_adverse_rate": (
        "ten onrechte ongunstige uitkomsten",
        "wrongly adverse outcomes",
    ),
    "fairness.metric.false_favourable_rate": (
        "ten onrechte gunstige uitkomsten",
        "wrongly favourable outcomes",
    ),
    "fairness.metric.adverse_hit_rate": (
        "terechte ongunstige uitkomsten (trefkans)",
        "justified adverse outcomes (hit rate)",
    ),
    "fairness.metric.override_rate": (
        "afwijkingen van het voorstel door beoordelaars",
        "reviewer overrides of the proposal",
    ),
    "fairness.metric.adverse_override_rate": (
        "gunstige voorstellen die beoordelaars ongunstig maakten",
        "favourable proposals reviewers made adverse",
    ),
    "fairness.metric.favourable_override_rate": (
        "ongunstige voorstellen die beoordelaars gunstig maakten",
        "adverse proposals reviewers made favourable",
    ),
    "fairness.metric.four_eyes_agreement_rate": (
        "instemming van de tweede beoordelaar",
        "agreement of the second reviewer",
    ),
    "fairness.summary.demographic_parity_ratio": (
        "Demografische pariteit (verhouding)",
        "Demographic parity (ratio)",
    ),
    "fairness.summary.demographic_parity_difference": (
        "Demografische pariteit (verschil)",
        "Demographic parity (difference)",
    ),
    "fairness.summary.equal_opportunity_difference": (
        "Gelijke kansen (verschil)",
        "Equal opportunity (difference)",
    ),
    "fairness.summary.equalized_odds_difference": (
        "Gelijke foutkansen (verschil)",
        "Equalised odds (difference)",
    ),
    "fairness.alert.kind.group_disparity": ("Verschil in uitkomsten", "Difference in outcomes"),
    "fairness.alert.kind.error_disparity": ("Verschil in fouten", "Difference in errors"),
    "fairness.alert.kind.cluster_disparity": (
        "Ongunstig behandelde cluster",
        "Cluster treated adversely",
    ),
    "fairness.alert.kind.reviewer_disparity": (
        "Verschil in beoordeling door mensen",
        "Difference in human review",
    ),
    "fairness.alert.severity.high": ("Hoog", "High"),
    "fairness.alert.severity.medium": ("Middel", "Medium"),
    "fairness.cluster.title": (
        "Clusters zonder vooraf benoemde groepen",
        "Clusters without groups named in advance",
    ),
    "fairness.cluster.features": (
        "Waarin de cluster verschilt van de rest",
        "How the cluster differs from the rest",
    ),
}
