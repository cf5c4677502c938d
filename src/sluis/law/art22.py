"""GDPR art. 22: the three conditions of the prohibition for one decision.

The exceptions of art. 22(2) live in ``art22_exceptions``; the combination into a verdict
with safeguards lives in ``art22_verdict``. Everything here is pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.law.citations import (
    AP_HUMAN_INTERVENTION,
    AP_RISK_SELECTION,
    SCHUFA,
    Citation,
    gdpr,
    wp251,
)
from sluis.law.findings import Finding, FindingKind, Severity, Text, finding, open_question, t
from sluis.law.results import Art22Conditions, Reasoned
from sluis.profiles.model import Decision, Effect, HumanInvolvement, HumanStage


@dataclass
class ConditionsOutcome:
    conditions: Art22Conditions
    risk_selection_doctrine: bool
    findings: list[Finding] = field(default_factory=list)


def _reasoned(value: bool | None, reason: Text, *articles: Citation) -> Reasoned:
    return Reasoned(value=value, reasons=(reason,), articles=tuple(articles))


def _subject(decision: Decision, attribute: str) -> str:
    return f"decisions[{decision.id}].{attribute}"


def decision_condition(decision: Decision) -> Reasoned:
    """Art. 22(1), first condition: a decision about a person.

    The AVG notion is wider than an Awb 'besluit'; a third party's score on which the
    user draws strongly is itself such a decision (CJEU C-634/21).
    """
    if decision.third_party_score_determining:
        return _reasoned(
            True,
            t(
                "Een score van een derde speelt een doorslaggevende rol; zo'n score geldt zelf "
                "als besluit over de persoon.",
                "A third party's score plays a determining role; such a score itself counts "
                "as a decision about the person.",
            ),
            gdpr("22(1)"),
            SCHUFA,
        )
    if decision.risk_selection:
        return _reasoned(
            True,
            t(
                "Iemand selecteren voor nader onderzoek is een besluit over die persoon in de "
                "zin van de AVG; of het verbod geldt, hangt af van wat er op de selectie volgt.",
                "Selecting someone for a closer look is a decision about that person in the "
                "GDPR sense; whether the ban bites depends on what follows the selection.",
            ),
            gdpr("22(1)"),
            AP_RISK_SELECTION,
        )
    return _reasoned(
        True,
        t(
            "Het profiel beschrijft een besluit over individuele personen. Het AVG-begrip is "
            "ruimer dan een Awb-besluit: ook feitelijke gevolgen tellen mee.",
            "The profile describes a decision about individual people. The GDPR notion is "
            "wider than an Awb decision: factual consequences count too.",
        ),
        gdpr("22(1)"),
    )


def solely_automated_condition(decision: Decision) -> tuple[Reasoned, list[Finding]]:
    """Art. 22(1), second condition: based solely on automated processing.

    Only meaningful human involvement before the decision takes effect breaks 'solely'
    (WP251; AP guidance 2025); a determining third-party score keeps the decision
    automated whatever review is declared (CJEU C-634/21).
    """
    findings: list[Finding] = []
    involvement, stage = decision.human_involvement, decision.human_stage
    if decision.third_party_score_determining:
        if involvement is HumanInvolvement.meaningful:
            findings.append(
                finding(
                    f"art22.{decision.id}.schufa_review_conflict",
                    Severity.warning,
                    FindingKind.risk,
                    [gdpr("22(1)"), SCHUFA],
                    t(
                        "Het profiel noemt de menselijke beoordeling betekenisvol, maar ook de "
                        "score van een derde doorslaggevend. Sluis gaat uit van de score als "
                        "werkelijke grond van het besluit.",
                        "The profile calls the human review meaningful but also calls the "
                        "third-party score determining. Sluis treats the score as the real "
                        "ground of the decision.",
                    ),
                    _subject(decision, "third_party_score_determining"),
                )
            )
        return _reasoned(
            True,
            t(
                "De doorslaggevende score komt volledig geautomatiseerd tot stand.",
                "The determining score is produced entirely by automated means.",
            ),
            gdpr("22(1)"),
            SCHUFA,
        ), findings
    if involvement is None:
        findings.append(
            open_question(
                f"art22.{decision.id}.open.human_involvement",
                [gdpr("22(1)"), wp251()],
                t(
                    "Vul in welke menselijke betrokkenheid er is (geen, symbolisch of "
                    "betekenisvol); zonder dat is niet te zeggen of het besluit uitsluitend "
                    "geautomatiseerd is.",
                    "State what human involvement there is (none, token or meaningful); "
                    "without it Sluis cannot tell whether the decision is solely automated.",
                ),
                _subject(decision, "human_involvement"),
            )
        )
        return _reasoned(
            None,
            t("Menselijke betrokkenheid is niet opgegeven.", "Human involvement is not stated."),
            gdpr("22(1)"),
        ), findings
    if involvement is HumanInvolvement.none:
        return _reasoned(
            True,
            t(
                "Er komt geen mens aan te pas voordat het besluit gevolgen heeft.",
                "No human takes part before the decision has its effect.",
            ),
            gdpr("22(1)"),
        ), findings
    if involvement is HumanInvolvement.token:
        return _reasoned(
            True,
            t(
                "De menselijke rol is symbolisch: wie de uitkomst alleen doorzet of niet kan "
                "of mag afwijken, maakt het besluit niet minder geautomatiseerd.",
                "The human role is token: someone who only passes the outcome on, or cannot "
                "or may not depart from it, does not make the decision any less automated.",
            ),
            gdpr("22(1)"),
            wp251("IV.A"),
            AP_HUMAN_INTERVENTION,
        ), findings
    if stage is HumanStage.before_effect:
        return _reasoned(
            False,
            t(
                "Een mens met bevoegdheid en deskundigheid om de uitkomst te veranderen weegt "
                "alle relevante gegevens voordat het besluit gevolgen heeft.",
                "A human with the authority and competence to change the outcome weighs all "
                "relevant data before the decision takes effect.",
            ),
            gdpr("22(1)"),
            wp251("IV.A"),
            AP_HUMAN_INTERVENTION,
        ), findings
    if stage is HumanStage.after_effect:
        return _reasoned(
            True,
            t(
                "De mens kijkt pas nadat het besluit al gevolgen heeft (bijvoorbeeld bij "
                "bezwaar); het besluit zelf komt dus uitsluitend geautomatiseerd tot stand.",
                "The human only looks after the decision has taken effect (for instance on "
                "objection); the decision itself is therefore solely automated.",
            ),
            gdpr("22(1)"),
            wp251("IV.A"),
        ), findings
    findings.append(
        open_question(
            f"art22.{decision.id}.open.human_stage",
            [gdpr("22(1)"), AP_HUMAN_INTERVENTION],
            t(
                "Geef aan of de betekenisvolle beoordeling plaatsvindt vóórdat het besluit "
                "gevolgen heeft of pas daarna.",
                "State whether the meaningful review happens before the decision takes "
                "effect or only afterwards.",
            ),
            _subject(decision, "human_stage"),
        )
    )
    return _reasoned(
        None,
        t(
            "Niet opgegeven wanneer de mens meekijkt.",
            "It is not stated when the human takes part.",
        ),
        gdpr("22(1)"),
    ), findings


def significant_effect_condition(decision: Decision) -> tuple[Reasoned, list[Finding]]:
    """Art. 22(1), third condition: legal effects or a similarly significant effect."""
    if decision.automatic_side_effects:
        effects = ", ".join(decision.automatic_side_effects)
        return _reasoned(
            True,
            t(
                f"Het besluit heeft automatisch bijkomende gevolgen voor de persoon: {effects}.",
                f"The decision has automatic side effects for the person: {effects}.",
            ),
            gdpr("22(1)"),
            AP_RISK_SELECTION,
        ), []
    if decision.effect is Effect.legal:
        return _reasoned(
            True,
            t(
                "Het besluit verandert de rechtspositie van de persoon.",
                "The decision changes the person's legal position.",
            ),
            gdpr("22(1)"),
            gdpr("recital 71"),
        ), []
    if decision.effect is Effect.similarly_significant:
        return _reasoned(
            True,
            t(
                "Het besluit treft de persoon in vergelijkbare mate als een rechtsgevolg, "
                "bijvoorbeeld in toegang tot krediet, werk, zorg of onderwijs.",
                "The decision affects the person as seriously as a legal effect would, for "
                "instance in access to credit, work, care or education.",
            ),
            gdpr("22(1)"),
            wp251("IV.B"),
        ), []
    if decision.effect is Effect.none:
        return _reasoned(
            False,
            t(
                "Het besluit heeft geen rechtsgevolg en treft de persoon niet in aanmerkelijke "
                "mate.",
                "The decision has no legal effect and does not significantly affect the person.",
            ),
            gdpr("22(1)"),
        ), []
    return _reasoned(
        None,
        t("Het effect op de persoon is niet opgegeven.", "The effect on the person is not stated."),
        gdpr("22(1)"),
    ), [
        open_question(
            f"art22.{decision.id}.open.effect",
            [gdpr("22(1)"), wp251("IV.B")],
            t(
                "Geef aan of het besluit rechtsgevolgen heeft, de persoon anderszins in "
                "aanmerkelijke mate treft, of geen van beide.",
                "State whether the decision has legal effects, a similarly significant "
                "effect, or neither.",
            ),
            _subject(decision, "effect"),
        )
    ]


def risk_selection_doctrine(decision: Decision) -> tuple[bool | None, list[Finding]]:
    """The AP's doctrine (advice October 2024): an automated selection for a closer look is
    outside art. 22 when every significant consequence only follows a meaningful human
    review and the selection has no automatic side effects of its own.

    Returns True when the doctrine takes the selection outside art. 22, False when it
    does not, None when facts are missing.
    """
    if not decision.risk_selection:
        return False, []
    findings: list[Finding] = []
    if decision.profiling:
        findings.append(
            finding(
                f"art22.{decision.id}.risk_selection_profiling",
                Severity.warning,
                FindingKind.risk,
                [AP_RISK_SELECTION, gdpr("5(1)(a)")],
                t(
                    "Selectie op basis van profilering blijft gevoelig: kenmerken van een groep "
                    "worden iemand tegengeworpen die ze misschien niet deelt. Toets op "
                    "discriminatie en leg de keuze van selectiecriteria vast.",
                    "Selection based on profiling stays sensitive: a group's traits are held "
                    "against someone who may not share them. Test for discrimination and "
                    "document the choice of selection criteria.",
                ),
                _subject(decision, "profiling"),
            )
        )
    if decision.automatic_side_effects:
        return False, findings
    if decision.human_involvement is HumanInvolvement.token:
        return False, findings
    if decision.consequences_only_after_review is False:
        return False, findings
    if (
        decision.consequences_only_after_review is None
        or decision.human_involvement is None
        or decision.human_stage is HumanStage.after_effect
    ):
        if decision.consequences_only_after_review is None:
            findings.append(
                open_question(
                    f"art22.{decision.id}.open.consequences_only_after_review",
                    [AP_RISK_SELECTION],
                    t(
                        "Geef aan of elk gevolg voor de persoon pas volgt na betekenisvolle "
                        "menselijke beoordeling van de selectie.",
                        "State whether every consequence for the person only follows a "
                        "meaningful human review of the selection.",
                    ),
                    _subject(decision, "consequences_only_after_review"),
                )
            )
        return (False if decision.human_stage is HumanStage.after_effect else None), findings
    return decision.human_involvement is HumanInvolvement.meaningful, findings


def conditions_for(decision: Decision) -> ConditionsOutcome:
    """The three conditions of art. 22(1), with the risk-selection doctrine applied."""
    solely, findings = solely_automated_condition(decision)
    effect, effect_findings = significant_effect_condition(decision)
    findings += effect_findings
    doctrine, doctrine_findings = risk_selection_doctrine(decision)
    findings += doctrine_findings
    if doctrine:
        effect = _reasoned(
            False,
            t(
                "De selectie zelf heeft geen gevolgen: elk rechtsgevolg of aanmerkelijk effect "
                "volgt pas na betekenisvolle menselijke beoordeling, en de selectie heeft geen "
                "automatische bijwerkingen.",
                "The selection itself has no consequences: every legal or significant effect "
                "only follows a meaningful human review, and the selection has no automatic "
                "side effects.",
            ),
            gdpr("22(1)"),
            AP_RISK_SELECTION,
        )
    return ConditionsOutcome(
        conditions=Art22Conditions(
            decision=decision_condition(decision),
            solely_automated=solely,
            significant_effect=effect,
        ),
        risk_selection_doctrine=bool(doctrine),
        findings=findings,
    )
