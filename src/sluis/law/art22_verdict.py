"""GDPR art. 22: from conditions and exceptions to a verdict with mandatory safeguards."""

from __future__ import annotations

from collections.abc import Iterable

from sluis.law.art22 import conditions_for
from sluis.law.art22_exceptions import ExceptionTest, exception_tests, missing_fact_question
from sluis.law.citations import AP_RISK_SELECTION, awb, gdpr, uavg
from sluis.law.findings import Finding, FindingKind, Severity, Text, finding, open_question, t
from sluis.law.results import (
    VERDICT_GRAVITY,
    Art22Exception,
    Art22Result,
    Art22Verdict,
    DecisionArt22,
    Reasoned,
    Safeguard,
)
from sluis.law.tristate import all_of, any_of
from sluis.profiles.model import AlgorithmProfile, Art9Exception, Decision

_SAFEGUARDS: dict[str, Safeguard] = {
    s.id: s
    for s in (
        Safeguard(
            id="human_intervention",
            text=t(
                "De persoon kan vragen dat een mens het besluit opnieuw bekijkt.",
                "The person can ask for a human to look at the decision again.",
            ),
            articles=(gdpr("22(3)"),),
        ),
        Safeguard(
            id="express_point_of_view",
            text=t(
                "De persoon kan zijn of haar kant van de zaak naar voren brengen.",
                "The person can put forward their side of the matter.",
            ),
            articles=(gdpr("22(3)"),),
        ),
        Safeguard(
            id="contest",
            text=t(
                "De persoon kan het besluit aanvechten.",
                "The person can contest the decision.",
            ),
            articles=(gdpr("22(3)"),),
        ),
        Safeguard(
            id="explanation",
            text=t(
                "De persoon krijgt een begrijpelijke uitleg van hoe het besluit tot stand kwam.",
                "The person gets an understandable explanation of how the decision was reached.",
            ),
            articles=(gdpr("recital 71"), gdpr("15(1)(h)")),
        ),
        Safeguard(
            id="suitable_measures",
            text=t(
                "Passende maatregelen beschermen de rechten en vrijheden van de persoon.",
                "Suitable measures protect the person's rights and freedoms.",
            ),
            articles=(gdpr("22(2)(b)"), uavg("40(2)")),
        ),
        Safeguard(
            id="awb_protection",
            text=t(
                "De Awb-bescherming geldt: zorgvuldige voorbereiding, een deugdelijke motivering "
                "en bezwaar en beroep.",
                "The Awb protection applies: careful preparation, sound stated reasons, and "
                "objection (bezwaar) and appeal.",
            ),
            articles=(uavg("40(3)"), awb("3:2"), awb("3:46"), awb("6:4")),
        ),
        Safeguard(
            id="dpia_awb_sufficiency",
            text=t(
                "Een DPIA toont aan dat de Awb-bescherming in dit geval echt volstaat.",
                "A DPIA shows that the Awb protection really suffices in this case.",
            ),
            articles=(uavg("40(2)"), gdpr("35(1)")),
        ),
        Safeguard(
            id="special_category_safeguards",
            text=t(
                "Extra waarborgen voor de bijzondere persoonsgegevens die het besluit gebruikt.",
                "Extra safeguards for the special categories of data the decision uses.",
            ),
            articles=(gdpr("22(4)"), gdpr("9(2)")),
        ),
        Safeguard(
            id="meaningful_review_before_consequence",
            text=t(
                "Geen enkel gevolg zonder betekenisvolle menselijke beoordeling van de selectie.",
                "No consequence at all without a meaningful human review of the selection.",
            ),
            articles=(AP_RISK_SELECTION,),
        ),
        Safeguard(
            id="inform_of_selection",
            text=t(
                "De persoon hoort uiterlijk bij de bekendmaking van het besluit dat en waarom "
                "hij of zij geselecteerd is.",
                "The person learns, at the latest when the decision is announced, that and "
                "why they were selected.",
            ),
            articles=(AP_RISK_SELECTION, gdpr("13(2)(f)")),
        ),
    )
}


def _safeguards(*ids: str) -> tuple[Safeguard, ...]:
    return tuple(_SAFEGUARDS[i] for i in ids)


def safeguards_for(profile: AlgorithmProfile, test: ExceptionTest) -> tuple[Safeguard, ...]:
    """The safeguards an exception brings with it."""
    if test.route in ("contract", "consent"):
        return _safeguards("human_intervention", "express_point_of_view", "contest", "explanation")
    if test.route == "uavg40":
        if profile.controller.administrative_body:
            return _safeguards(
                "suitable_measures", "awb_protection", "dpia_awb_sufficiency", "explanation"
            )
        return _safeguards(
            "suitable_measures",
            "human_intervention",
            "express_point_of_view",
            "contest",
            "explanation",
        )
    return _safeguards("suitable_measures", "explanation")


def special_categories_allowed(
    profile: AlgorithmProfile, decision: Decision
) -> tuple[bool | None, list[Finding]]:
    """Art. 22(4): an automated decision may rest on art. 9(1) data only under art. 9(2)(a)
    or (g), with suitable safeguards."""
    special = [f for f in profile.fields_used_by(decision) if f.special_category]
    verdicts: list[bool | None] = []
    findings: list[Finding] = []
    for field in special:
        allowed = field.art9_exception in (
            Art9Exception.a_explicit_consent,
            Art9Exception.g_substantial_public_interest,
        )
        verdicts.append(None if field.art9_exception is None else allowed)
        if not allowed:
            findings.append(
                finding(
                    f"art22.{decision.id}.special_category.{field.name}",
                    Severity.violation if field.art9_exception else Severity.warning,
                    FindingKind.open_question if field.art9_exception is None else FindingKind.risk,
                    [gdpr("22(4)"), gdpr("9(2)(a)"), gdpr("9(2)(g)")],
                    t(
                        f"Het geautomatiseerde besluit gebruikt '{field.name}', een bijzonder "
                        "persoonsgegeven. Dat mag alleen met uitdrukkelijke toestemming of om "
                        "redenen van zwaarwegend algemeen belang, met passende waarborgen.",
                        f"The automated decision uses '{field.name}', a special category of "
                        "data. That is only allowed with explicit consent or for reasons of "
                        "substantial public interest, with suitable safeguards.",
                    ),
                    f"data_fields[{field.name}].art9_exception",
                )
            )
    return all_of(verdicts), findings


def assess_decision(
    profile: AlgorithmProfile, decision: Decision
) -> tuple[DecisionArt22, list[Finding]]:
    outcome = conditions_for(decision)
    findings = list(outcome.findings)
    c = outcome.conditions
    applies = all_of([c.decision.value, c.solely_automated.value, c.significant_effect.value])
    tests = exception_tests(profile, decision) if applies is not False else []
    chosen = next((x for x in tests if x.available), None)
    verdict, safeguards = _verdict(profile, decision, applies, tests, chosen, findings)
    if outcome.risk_selection_doctrine:
        safeguards = _safeguards("meaningful_review_before_consequence", "inform_of_selection")
    result = DecisionArt22(
        decision_id=decision.id,
        applies=applies,
        conditions=c,
        exception=chosen.exception if chosen else None,
        exception_reasoning=_exception_reasoning(tests, chosen),
        verdict=verdict,
        risk_selection_doctrine=outcome.risk_selection_doctrine,
        safeguards=safeguards,
    )
    findings.append(_verdict_finding(decision, result))
    return result, findings


def _verdict(
    profile: AlgorithmProfile,
    decision: Decision,
    applies: bool | None,
    tests: list[ExceptionTest],
    chosen: ExceptionTest | None,
    findings: list[Finding],
) -> tuple[Art22Verdict, tuple[Safeguard, ...]]:
    if applies is False:
        return Art22Verdict.not_applicable, ()
    for test in tests:
        findings.extend(test.findings)
    if chosen is None:
        if any(x.available is None for x in tests):
            findings.extend(q for x in tests if (q := missing_fact_question(decision, x)))
            return Art22Verdict.unknown, ()
        return (Art22Verdict.unknown if applies is None else Art22Verdict.prohibited), ()
    special_ok, special_findings = special_categories_allowed(profile, decision)
    findings.extend(special_findings)
    safeguards = safeguards_for(profile, chosen)
    if special_ok is False:
        return Art22Verdict.prohibited, ()
    if special_ok is None or applies is None:
        return Art22Verdict.unknown, safeguards
    if any(f.special_category for f in profile.fields_used_by(decision)):
        safeguards += _safeguards("special_category_safeguards")
    return Art22Verdict.allowed_with_safeguards, safeguards


def _exception_reasoning(tests: list[ExceptionTest], chosen: ExceptionTest | None) -> Reasoned:
    if chosen is not None:
        return Reasoned(value=True, reasons=(chosen.reason,), articles=chosen.articles)
    if not tests:
        return Reasoned(
            value=None,
            reasons=(
                t(
                    "Geen uitzondering nodig: het verbod van art. 22(1) geldt niet.",
                    "No exception needed: the ban of art. 22(1) does not apply.",
                ),
            ),
            articles=(gdpr("22(1)"),),
        )
    unknown = any(x.available is None for x in tests)
    return Reasoned(
        value=None if unknown else False,
        reasons=tuple(x.reason for x in tests),
        articles=tuple(a for x in tests for a in x.articles),
    )


_VERDICT_TEXT: dict[Art22Verdict, Text] = {
    Art22Verdict.not_applicable: t(
        "Het verbod op uitsluitend geautomatiseerde besluitvorming geldt niet voor dit besluit.",
        "The ban on solely automated decision-making does not apply to this decision.",
    ),
    Art22Verdict.prohibited: t(
        "Dit besluit valt onder het verbod en geen uitzondering draagt het. Zo ingericht is het "
        "onrechtmatig: laat een mens betekenisvol beslissen voordat het besluit gevolgen heeft.",
        "This decision falls under the ban and no exception carries it. As designed it is "
        "unlawful: have a human decide meaningfully before the decision takes effect.",
    ),
    Art22Verdict.allowed_with_safeguards: t(
        "Dit besluit valt onder art. 22, maar een uitzondering staat het toe, mits de "
        "verplichte waarborgen er zijn.",
        "This decision falls under art. 22, but an exception allows it, provided the mandatory "
        "safeguards are in place.",
    ),
    Art22Verdict.unknown: t(
        "Er ontbreken feiten om te bepalen of dit besluit is toegestaan; zie de open vragen.",
        "Facts are missing to tell whether this decision is allowed; see the open questions.",
    ),
}

_VERDICT_SEVERITY = {
    Art22Verdict.not_applicable: Severity.info,
    Art22Verdict.prohibited: Severity.violation,
    Art22Verdict.allowed_with_safeguards: Severity.info,
    Art22Verdict.unknown: Severity.warning,
}


def _verdict_finding(decision: Decision, result: DecisionArt22) -> Finding:
    articles = [gdpr("22(1)")]
    if result.exception is not None:
        articles += list(result.exception_reasoning.articles)
    return finding(
        f"art22.{decision.id}.verdict",
        _VERDICT_SEVERITY[result.verdict],
        FindingKind.conclusion,
        articles,
        _VERDICT_TEXT[result.verdict],
        f"decisions[{decision.id}]",
    )


def assess_art22(profile: AlgorithmProfile) -> tuple[Art22Result, list[Finding]]:
    """Art. 22 for every decision; the gravest decision governs the summary."""
    if not profile.decisions:
        return _no_decisions()
    results: list[DecisionArt22] = []
    findings: list[Finding] = []
    for decision in profile.decisions:
        result, decision_findings = assess_decision(profile, decision)
        results.append(result)
        findings += decision_findings
    governing = max(results, key=lambda r: VERDICT_GRAVITY[r.verdict])
    return (
        Art22Result(
            applies=any_of(r.applies for r in results),
            conditions=governing.conditions,
            exception=governing.exception,
            verdict=governing.verdict,
            safeguards=_union(r.safeguards for r in results),
            governing_decision=governing.decision_id,
            decisions=tuple(results),
        ),
        findings,
    )


def _union(groups: Iterable[tuple[Safeguard, ...]]) -> tuple[Safeguard, ...]:
    seen: dict[str, Safeguard] = {}
    for group in groups:
        for safeguard in group:
            seen.setdefault(safeguard.id, safeguard)
    return tuple(seen.values())


def _no_decisions() -> tuple[Art22Result, list[Finding]]:
    question = open_question(
        "art22.open.decisions",
        [gdpr("22(1)")],
        t(
            "Het profiel noemt geen besluiten over personen. Beschrijf elk besluit waaraan het "
            "algoritme bijdraagt; pas dan is art. 22 te beoordelen.",
            "The profile names no decisions about people. Describe each decision the algorithm "
            "contributes to; only then can art. 22 be assessed.",
        ),
        "decisions",
    )
    return (
        Art22Result(
            applies=None,
            conditions=None,
            exception=None,
            verdict=Art22Verdict.unknown,
            safeguards=(),
            governing_decision=None,
            decisions=(),
        ),
        [question],
    )


__all__ = ["Art22Exception", "assess_art22", "assess_decision"]
