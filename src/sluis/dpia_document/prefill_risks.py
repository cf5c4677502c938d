"""Suggested risks, derived from the assessment's findings and DPIA criteria.

Each suggestion comes with a likelihood, an impact and a justification that say why Sluis
proposes them; the user must confirm or change every one (``Risk.confirmed``) before the
DPIA can be adopted. The numbers are a starting point for the discussion, not a verdict:
likelihood 4 is kept for what the assessment shows happens by design, impact 4 for harm
that is hard to undo (loss of income, a right or a job; exposure of sensitive data).
"""

from __future__ import annotations

from collections.abc import Iterable

from sluis.dpia_document.model import Risk
from sluis.dpia_document.prefill_criteria import criteria_risks
from sluis.dpia_document.suggestions import (
    ART22,
    CONTEST,
    EQUALITY,
    FAIRNESS,
    PRIVACY,
    SECURITY,
    Rule,
    Suggestion,
    finding_ids,
    met,
)
from sluis.law.findings import t
from sluis.law.results import Art22Verdict, Assessment
from sluis.profiles.model import AlgorithmProfile, TechnologyKind


def _art22(_: AlgorithmProfile, a: Assessment) -> Iterable[Suggestion]:
    if a.art22.verdict is Art22Verdict.prohibited:
        yield Suggestion(
            "art22.verdict.prohibited",
            t(
                "Verboden uitsluitend geautomatiseerd besluit",
                "Prohibited solely automated decision",
            ),
            t(
                "Het besluit valt onder art. 22 lid 1 AVG en geen uitzondering van lid 2 draagt "
                "het; zo ontworpen is elk besluit onrechtmatig.",
                "The decision falls under GDPR art. 22(1) and no exception of art. 22(2) "
                "carries it; as designed, every decision is unlawful.",
            ),
            (ART22, CONTEST),
            4,
            4,
            t(
                "Kans 4: de beoordeling stelt vast dat het zo ontworpen is, het gebeurt bij elk "
                "besluit. Impact 4: het besluit heeft rechtsgevolg of aanmerkelijk effect.",
                "Likelihood 4: the assessment finds it is designed this way, it happens with "
                "every decision. Impact 4: the decision has legal or similarly significant "
                "effects.",
            ),
        )
    elif a.art22.verdict is Art22Verdict.allowed_with_safeguards:
        yield Suggestion(
            "art22.safeguards",
            t("Waarborgen werken in de praktijk niet", "Safeguards fail in practice"),
            t(
                "Menselijke tussenkomst, het recht een standpunt te geven, bezwaar en uitleg "
                "(art. 22 lid 3 AVG) bestaan op papier maar worden niet geboden of gebruikt.",
                "Human intervention, the right to give one's view, to contest and to an "
                "explanation (GDPR art. 22(3)) exist on paper but are not offered or used.",
            ),
            (ART22, CONTEST),
            2,
            3,
            t(
                "Kans 2: de waarborgen zijn verplicht, maar hun werking is niet getoetst. "
                "Impact 3: zonder waarborg blijft een onjuist besluit staan.",
                "Likelihood 2: the safeguards are mandatory, but whether they work is "
                "untested. Impact 3: without them a wrong decision stands.",
            ),
        )
    if any(d.risk_selection_doctrine for d in a.art22.decisions):
        yield Suggestion(
            "art22.risk_selection",
            t("Selectie stuurt de menselijke beoordeling", "Selection steers the human review"),
            t(
                "Wie door het model is geselecteerd, wordt met argwaan bekeken; de behandelaar "
                "volgt de score in plaats van een eigen oordeel te vormen.",
                "People the model selects are treated with suspicion; the caseworker follows "
                "the score instead of forming their own judgement.",
            ),
            (ART22, FAIRNESS),
            3,
            3,
            t(
                "Kans 3: automation bias is bij risicoselectie goed gedocumenteerd (AP-advies "
                "risicoselectie 2024). Impact 3: een onderzoek is belastend en kan tot "
                "terugvordering leiden.",
                "Likelihood 3: automation bias is well documented in risk selection (Dutch DPA "
                "advice on risk selection 2024). Impact 3: an investigation is a burden and "
                "can lead to recovery of money.",
            ),
        )


def _discrimination(p: AlgorithmProfile, a: Assessment) -> Iterable[Suggestion]:
    proxies = [i.removeprefix("principles.proxy.") for i in finding_ids(a, "principles.proxy.")]
    if proxies:
        names = ", ".join(proxies)
        yield Suggestion(
            "principles.proxy",
            t(f"Indirecte discriminatie via {names}", f"Indirect discrimination through {names}"),
            t(
                f"{names} kan staan voor een beschermde grond zoals afkomst, leeftijd of "
                "geslacht; het model kan groepen zo ongelijk behandelen.",
                f"{names} can stand in for a protected ground such as origin, age or sex; the "
                "model can treat groups unequally that way.",
            ),
            (EQUALITY, FAIRNESS),
            3,
            4,
            t(
                "Kans 3: de beoordeling vond het veld als mogelijke proxy. Impact 4: "
                "discriminatie treft mensen om wie ze zijn en is moeilijk te herstellen (zie "
                "AP-onderzoek kinderopvangtoeslag).",
                "Likelihood 3: the assessment flagged the field as a possible proxy. Impact 4: "
                "discrimination hits people for who they are and is hard to undo (see the Dutch "
                "DPA's childcare-benefit investigation).",
            ),
        )
    elif met(a, 1):
        learned = p.technology.kind in (
            TechnologyKind.machine_learning,
            TechnologyKind.statistical_model,
        )
        likelihood = 3 if learned and (met(a, 7) or p.processing.fraud_detection) else 2
        yield Suggestion(
            "wp248.1",
            t("Ongelijke behandeling door de score", "Unequal treatment through the score"),
            t(
                "Het model beoordeelt mensen; leert het van eerdere uitkomsten, dan kan het "
                "bestaande ongelijkheid tussen groepen overnemen.",
                "The model rates people; when it learns from earlier outcomes it can take over "
                "existing inequality between groups.",
            ),
            (EQUALITY, FAIRNESS),
            likelihood,
            4,
            t(
                f"Kans {likelihood}: profilering (WP248-criterium 1)"
                + (
                    ", een lerend model en kwetsbare mensen of fraudeopsporing."
                    if likelihood == 3
                    else "."
                )
                + " Impact 4: discriminatie is moeilijk te herstellen.",
                f"Likelihood {likelihood}: profiling (WP248 criterion 1)"
                + (
                    ", a learned model and vulnerable people or fraud detection."
                    if likelihood == 3
                    else "."
                )
                + " Impact 4: discrimination is hard to undo.",
            ),
        )


def _principles(p: AlgorithmProfile, a: Assessment) -> Iterable[Suggestion]:
    if finding_ids(a, "principles.minimisation."):
        yield Suggestion(
            "principles.minimisation",
            t("Meer gegevens dan nodig", "More data than needed"),
            t(
                "Voor sommige gegevens is geen reden gegeven of ze worden niet gebruikt.",
                "Some data fields have no stated reason or are not used.",
            ),
            (PRIVACY,),
            3,
            2,
            t(
                "Kans 3: de beoordeling vond gegevens zonder reden. Impact 2.",
                "Likelihood 3: the assessment found data without a reason. Impact 2.",
            ),
        )
    if finding_ids(a, "principles.retention.missing."):
        yield Suggestion(
            "principles.retention",
            t("Gegevens langer bewaard dan nodig", "Data kept longer than needed"),
            t(
                "Voor sommige categorieën is geen bewaartermijn vastgelegd.",
                "Some data categories have no retention period.",
            ),
            (PRIVACY,),
            3,
            2,
            t(
                "Kans 3: zonder termijn wordt er niet verwijderd. Impact 2.",
                "Likelihood 3: without a period nothing gets deleted. Impact 2.",
            ),
        )
    if p.processing.third_country_transfers:
        yield Suggestion(
            "principles.transfers",
            t("Doorgifte buiten de EER", "Transfer outside the EEA"),
            t(
                "Gegevens gaan naar landen waar de bescherming mogelijk minder is.",
                "Data go to countries where protection may be weaker.",
            ),
            (PRIVACY,),
            2,
            3,
            t(
                "Kans 2: de doorgifte gebeurt; de waarborgen (art. 44-49 AVG) moeten blijken. "
                "Impact 3.",
                "Likelihood 2: the transfer happens; its safeguards (GDPR art. 44-49) must be "
                "shown. Impact 3.",
            ),
        )
    sensitive = any(
        f.special_category is not None or f.criminal_data or f.national_id for f in p.data_fields
    )
    impact = 4 if sensitive else 3
    yield Suggestion(
        "security",
        t("Onbevoegde toegang of datalek", "Unauthorised access or data breach"),
        t(
            "Gegevens komen bij onbevoegden door een aanval, een fout of misbruik van rechten.",
            "Data reach unauthorised people through an attack, a mistake or misuse of access.",
        ),
        (SECURITY, PRIVACY),
        2,
        impact,
        t(
            f"Kans 2: geldt voor elke verwerking (art. 32 AVG). Impact {impact}"
            + (": bijzondere, strafrechtelijke of identificerende gegevens." if sensitive else "."),
            f"Likelihood 2: true of any processing (GDPR art. 32). Impact {impact}"
            + (": special-category, criminal or identifying data." if sensitive else "."),
        ),
    )


RULES: tuple[Rule, ...] = (_art22, _discrimination, criteria_risks, _principles)


def suggested_risks(profile: AlgorithmProfile, assessment: Assessment, lang: str) -> list[Risk]:
    suggestions = [s for rule in RULES for s in rule(profile, assessment)]
    return [
        Risk(
            id=f"R{n}",
            title=s.title.get(lang)[:200],
            description=s.description.get(lang),
            affected_rights=tuple(r.get(lang)[:200] for r in s.rights),
            likelihood=s.likelihood,
            impact=s.impact,
            justification=s.justification.get(lang),
            origin=s.origin,
            confirmed=False,
        )
        for n, s in enumerate(suggestions, start=1)
    ]
