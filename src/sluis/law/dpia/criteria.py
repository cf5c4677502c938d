"""The nine criteria of the EDPB guidelines (WP248 rev.01), numbered as there.

Each criterion is a tri-state fact about the profile; two or more met means a DPIA in most
cases. The verdict that follows from them lives in ``verdict``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sluis.law.citations import Citation, ai_act, gdpr, wp248
from sluis.law.dpia.facts import (
    NO_DECISIONS,
    SIGNIFICANT,
    Fact,
    ask_about_decision,
    ask_for,
    both,
    either,
    flag,
    flag_hint,
    hint,
    large_scale,
    leaf,
    model_kind,
    per_decision,
    scores_people,
    significant_effect,
    special_data,
    unique,
)
from sluis.law.findings import Text, t
from sluis.law.results import Art22Result, DecisionArt22, DpiaCriterion
from sluis.law.tristate import Tri
from sluis.profiles.model import (
    AlgorithmProfile,
    DataSource,
    Decision,
    HumanInvolvement,
    TechnologyKind,
)


def _evaluation_or_scoring(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    model, credit = model_kind(profile), flag_hint(profile, "credit_scoring")
    return either([model, credit, per_decision(profile, scores_people)])


def _automated_decisions(profile: AlgorithmProfile, art22: Art22Result) -> Fact:
    """Reuses the art. 22 conditions, so that both parts of the assessment agree."""
    if not profile.decisions:
        return NO_DECISIONS
    results = {r.decision_id: r for r in art22.decisions}
    return either(_automated(d, results[d.id]) for d in profile.decisions if d.id in results)


def _automated(decision: Decision, result: DecisionArt22) -> Fact:
    d, c = decision.id, result.conditions
    if decision.human_involvement is HumanInvolvement.meaningful:
        ask = ask_about_decision(
            decision, "human_stage", "wanneer de mens meekijkt", "when the human review happens"
        )
    else:
        ask = ask_about_decision(
            decision, "human_involvement", "wat de mens doet", "what a human does"
        )
    solely = t(
        f"Besluit '{d}' komt tot stand zonder betekenisvolle menselijke tussenkomst.",
        f"Decision '{d}' is reached without meaningful human involvement.",
    )
    return both(
        [
            leaf(c.solely_automated.value, solely, ask, gdpr("22(1)")),
            significant_effect(decision, c.significant_effect.value),
        ]
    )


def _systematic_monitoring(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    return either(
        [
            flag(profile, "systematic_monitoring"),
            flag_hint(profile, "public_area_monitoring"),
            flag_hint(profile, "employee_monitoring"),
        ]
    )


def _sensitive_data(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    """Special categories and criminal data, and what WP248 calls highly personal data:
    someone's finances, whereabouts and communications."""
    highly_personal = ("financial_situation", "location_data", "communication_data")
    return either(
        [
            special_data(profile),
            *(flag(profile, field) for field in highly_personal),
            flag_hint(profile, "credit_scoring"),
        ]
    )


def _scale(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    return large_scale(profile)


def _matching(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    # Another organisation's data next to data from elsewhere is a combination of data sets
    # of different controllers, whatever the profile's own flag says.
    sources = {f.source for f in profile.data_fields if f.source is not None}
    combined = DataSource.other_organisation in sources and len(sources) > 1
    mixed = t(
        "Gegevens van een andere organisatie worden met andere bronnen gecombineerd.",
        "Data from another organisation are combined with other sources.",
    )
    return either(
        [
            flag(profile, "dataset_matching"),
            flag_hint(profile, "joint_arrangement"),
            hint(combined, mixed),
        ]
    )


def _vulnerable(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    if not profile.data_subjects:
        reason = t("Het profiel noemt geen groepen mensen.", "The profile names no groups.")
        ask = ask_for(
            "data_subjects", "over welke groepen mensen het gaat", "which groups it covers"
        )
        return Fact(None, (reason,), (ask,))
    return either(
        _group_vulnerable(i, g.category, g.vulnerable) for i, g in enumerate(profile.data_subjects)
    )


def _group_vulnerable(index: int, group: str, vulnerable: Tri) -> Fact:
    yes = t(f"De groep '{group}' is kwetsbaar.", f"The group '{group}' is vulnerable.")
    ask = ask_for(
        f"data_subjects[{index}].vulnerable",
        f"of de groep '{group}' kwetsbaar is",
        f"whether the group '{group}' is vulnerable",
    )
    return leaf(vulnerable, yes, ask)


def _innovative(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    tech = profile.technology
    new = t("De technologie of de inzet ervan is nieuw.", "The technology or its use is new.")
    ai = t("Het is een AI-systeem; dat telt als nieuw.", "It is an AI system, which counts as new.")
    ml = t("Het model is zelflerend.", "The model uses machine learning.")
    return either(
        [
            leaf(
                tech.innovative,
                new,
                ask_for(
                    "technology.innovative",
                    "of de technologie of de inzet ervan nieuw is",
                    "whether the technology or its use is new",
                ),
            ),
            leaf(
                tech.ai_system,
                ai,
                ask_for("technology.ai_system", "of het een AI-systeem is", "whether it is AI"),
                ai_act("3(1)"),
            ),
            hint(tech.kind is TechnologyKind.machine_learning, ml),
        ]
    )


def _blocks_access(profile: AlgorithmProfile, _: Art22Result) -> Fact:
    return per_decision(profile, _blocks_right_or_service)


def _blocks_right_or_service(decision: Decision) -> Fact:
    d, declared = decision.id, decision.denies_right_or_service
    if declared is not None or decision.effect is None:
        yes = t(
            f"Besluit '{d}' kan iemand een recht, dienst of overeenkomst onthouden.",
            f"Decision '{d}' can keep someone from a right, service or contract.",
        )
        ask = ask_about_decision(
            decision,
            "denies_right_or_service",
            "of het besluit iemand een recht, dienst of overeenkomst kan onthouden",
            "whether it can keep someone from a right, service or contract",
        )
        return leaf(declared, yes, ask)
    # Not declared: the profile contract lets Sluis derive it from the effect, because a
    # decision that changes someone's position can as a rule also refuse them something.
    derived = t(
        f"Besluit '{d}' heeft een ingrijpend effect; Sluis neemt aan dat het iemand iets kan "
        "onthouden. Vul denies_right_or_service in als dat niet zo is.",
        f"Decision '{d}' has a significant effect, so Sluis assumes it can refuse someone "
        "something. Set denies_right_or_service if it cannot.",
    )
    return leaf(decision.effect in SIGNIFICANT, derived)


@dataclass(frozen=True)
class Criterion:
    """One WP248 criterion: how it is named and cited, and how the profile is tested."""

    number: int
    key: str
    title: Text
    not_met: Text
    articles: tuple[Citation, ...]
    fact: Callable[[AlgorithmProfile, Art22Result], Fact]


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        1,
        "evaluation_or_scoring",
        t("Evalueren of scoren, ook profileren en voorspellen", "Evaluation or scoring"),
        t("Niemand wordt beoordeeld of voorspeld.", "Nobody is rated or predicted."),
        (gdpr("4(4)"),),
        _evaluation_or_scoring,
    ),
    Criterion(
        2,
        "automated_decision",
        t("Geautomatiseerd besluit met ingrijpend effect", "Automated decision with major effect"),
        t(
            "Geen ingrijpend besluit is volledig geautomatiseerd.",
            "No major decision is automated.",
        ),
        (gdpr("22(1)"),),
        _automated_decisions,
    ),
    Criterion(
        3,
        "systematic_monitoring",
        t("Stelselmatige monitoring", "Systematic monitoring"),
        t("Niemand wordt stelselmatig gevolgd.", "Nobody is systematically monitored."),
        (gdpr("35(3)(c)"),),
        _systematic_monitoring,
    ),
    Criterion(
        4,
        "sensitive_data",
        t("Gevoelige of zeer persoonlijke gegevens", "Sensitive or highly personal data"),
        t("Geen gevoelige of zeer persoonlijke gegevens.", "No sensitive or highly personal data."),
        (gdpr("9(1)"), gdpr("10")),
        _sensitive_data,
    ),
    Criterion(
        5,
        "large_scale",
        t("Grootschalige verwerking", "Large-scale processing"),
        t("De verwerking is niet grootschalig.", "The processing is not large-scale."),
        (gdpr("recital 91"),),
        _scale,
    ),
    Criterion(
        6,
        "matching_datasets",
        t("Koppelen of combineren van bestanden", "Matching or combining data sets"),
        t("Er worden geen bestanden gekoppeld.", "No data sets are matched or combined."),
        (),
        _matching,
    ),
    Criterion(
        7,
        "vulnerable_subjects",
        t("Kwetsbare betrokkenen", "Vulnerable data subjects"),
        t("Geen van de groepen is kwetsbaar.", "None of the groups is vulnerable."),
        (gdpr("recital 75"),),
        _vulnerable,
    ),
    Criterion(
        8,
        "innovative_technology",
        t("Innovatief gebruik of nieuwe technologie", "Innovative use or new technology"),
        t("Geen nieuwe technologie of AI.", "No new technology or AI."),
        (gdpr("35(1)"),),
        _innovative,
    ),
    Criterion(
        9,
        "blocks_right_or_service",
        t("Houdt mensen weg van een recht of dienst", "Keeps people from a right or service"),
        t("Geen besluit onthoudt iemand iets.", "No decision keeps anyone from anything."),
        (gdpr("recital 91"),),
        _blocks_access,
    ),
)


def criterion_result(spec: Criterion, fact: Fact) -> DpiaCriterion:
    """The criterion as reported: met, not met or open, with its reasons and citations."""
    if fact.value is False:
        reasons = unique([spec.not_met, *fact.reasons])
    elif fact.value is None:
        fields = fact.missing_fields
        reasons = (t(f"Open; ontbreekt: {fields}.", f"Open; missing: {fields}."), *fact.reasons)
    else:
        reasons = fact.reasons
    return DpiaCriterion(
        number=spec.number,
        key=spec.key,
        title=spec.title,
        met=fact.value,
        reasons=reasons,
        articles=unique([wp248(f"criterion {spec.number}"), *spec.articles, *fact.articles]),
    )
