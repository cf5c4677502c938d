"""The DPIA verdict (art. 35), prior consultation of the Dutch DPA (art. 36), the findings
and open questions they give, and ``assess_dpia``, which ties the criteria and the triggers
together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sluis.law.citations import Citation, gdpr, wp248
from sluis.law.dpia.criteria import CRITERIA, criterion_result
from sluis.law.dpia.facts import Ask, ask_for, unique
from sluis.law.dpia.mandatory import (
    Trigger,
    art35_case,
    art35_facts,
    nl_category,
    nl_facts,
    triggers,
)
from sluis.law.findings import Finding, FindingKind, Severity, Text, finding, open_question, t
from sluis.law.results import (
    Art22Result,
    DpiaCriterion,
    DpiaResult,
    DpiaVerdict,
    PriorConsultation,
)
from sluis.profiles.model import AlgorithmProfile

# --- Verdict ---


@dataclass(frozen=True)
class _Verdict:
    verdict: DpiaVerdict
    reasons: tuple[Text, ...]
    pending: tuple[Trigger, ...]  # open triggers that could still make a DPIA required


def _verdict(criteria: list[DpiaCriterion], triggers: list[Trigger]) -> _Verdict:
    met = [c.number for c in criteria if c.met is True]
    unknown = [c.number for c in criteria if c.met is None]
    reasons = [tr.because for tr in triggers if tr.fact.value is True]
    if len(met) >= 2:
        reasons.append(_met_criteria_text(met))
    if reasons:
        return _Verdict(DpiaVerdict.required, tuple(reasons), ())
    pending = tuple(tr for tr in triggers if tr.fact.value is None)
    if met:
        reasons.append(_met_criteria_text(met))
    if unknown:
        reasons.append(_open_criteria_text(unknown, could_reach_two=len(met) + len(unknown) >= 2))
    if pending:
        nl, en = "; ".join(p.label.nl for p in pending), "; ".join(p.label.en for p in pending)
        reasons.append(
            t(
                f"Nog open of een DPIA verplicht is door: {nl}.",
                f"Still open whether a DPIA is required by: {en}.",
            )
        )
    if met or len(met) + len(unknown) >= 2 or pending:
        return _Verdict(DpiaVerdict.recommended, tuple(reasons), pending)
    none_apply = t(
        "Geen geval van art. 35 lid 3 AVG of van de AP-lijst, en geen WP248-criterium voldaan.",
        "No case of GDPR art. 35(3) or of the Dutch DPA's list, and no WP248 criterion met.",
    )
    return _Verdict(DpiaVerdict.not_required, (none_apply, *reasons), ())


def _criteria_named(numbers: list[int]) -> tuple[str, str]:
    listed = ", ".join(str(n) for n in numbers)
    if len(numbers) == 1:
        return f"WP248-criterium {listed}", f"WP248 criterion {listed}"
    return f"WP248-criteria {listed}", f"WP248 criteria {listed}"


def _met_criteria_text(numbers: list[int]) -> Text:
    named_nl, named_en = _criteria_named(numbers)
    return t(
        f"Voldaan: {named_nl}. Eén criterium kan al reden zijn voor een DPIA; vanaf twee is hij "
        "in de regel verplicht.",
        f"Met: {named_en}. One criterion can be reason enough for a DPIA; from two on it is "
        "required as a rule.",
    )


def _open_criteria_text(numbers: list[int], *, could_reach_two: bool) -> Text:
    named_nl, named_en = _criteria_named(numbers)
    if could_reach_two:
        return t(
            f"Nog open: {named_nl}. Blijkt dat voldaan, dan komt het totaal op twee of meer en "
            "is een DPIA in de regel verplicht.",
            f"Still open: {named_en}. If met, the count reaches two or more and a DPIA is "
            "required as a rule.",
        )
    return t(
        f"Nog open: {named_nl}; alleen maakt dat een DPIA niet verplicht.",
        f"Still open: {named_en}; on its own that would not make a DPIA required.",
    )


_VERDICT_FINDING: dict[DpiaVerdict, tuple[Text, tuple[Citation, ...]]] = {
    DpiaVerdict.required: (
        t(
            "Een DPIA is verplicht. Voer hem uit vóór de verwerking begint, vraag advies aan de "
            "FG en houd hem bij als de verwerking verandert.",
            "A DPIA is required. Carry it out before the processing starts, seek the DPO's "
            "advice and keep it up to date as the processing changes.",
        ),
        (gdpr("35(1)"), gdpr("35(2)"), gdpr("35(7)"), gdpr("35(11)")),
    ),
    DpiaVerdict.recommended: (
        t(
            "Een DPIA is op de bekende feiten niet verplicht, maar wel verstandig; beantwoord "
            "de open vragen om zeker te zijn.",
            "On the known facts a DPIA is not required, but it is advisable; answer the open "
            "questions to be sure.",
        ),
        (gdpr("35(1)"), wp248()),
    ),
    DpiaVerdict.not_required: (
        t(
            "Een DPIA is niet verplicht. Beoordeel dit opnieuw als de verwerking verandert.",
            "A DPIA is not required. Look at this again when the processing changes.",
        ),
        (gdpr("35(1)"),),
    ),
}


def _verdict_finding(verdict: DpiaVerdict) -> Finding:
    text, articles = _VERDICT_FINDING[verdict]
    required = verdict is DpiaVerdict.required
    severity = Severity.warning if required else Severity.info
    kind = FindingKind.duty if required else FindingKind.conclusion
    return finding("dpia.verdict", severity, kind, articles, text, "processing")


# --- Prior consultation, art. 36 ---

_AP_PERIOD = t(
    "De AP geeft binnen acht weken schriftelijk advies, bij een complexe verwerking hooguit "
    "zes weken later.",
    "The Dutch DPA gives written advice within eight weeks, extendable by six for complex "
    "processing.",
)


def _prior_consultation(
    profile: AlgorithmProfile, verdict: DpiaVerdict
) -> tuple[PriorConsultation, list[Finding]]:
    articles = (gdpr("36(1)"), gdpr("36(2)"))
    residual = profile.processing.residual_high_risk
    if verdict is not DpiaVerdict.required or residual is False:
        reason = t(
            "Geen plicht tot voorafgaande raadpleging: er is geen DPIA-plicht, of de maatregelen "
            "nemen het hoge risico weg. Blijkt uit de DPIA iets anders, raadpleeg de AP dan wel.",
            "No duty to consult beforehand: there is no DPIA duty, or the measures remove the "
            "high risk. If the DPIA shows otherwise, do consult the Dutch DPA.",
        )
        return PriorConsultation(required=False, reasons=(reason,), articles=articles), []
    if residual is True:
        reason = t(
            "Er blijft hoog risico over dat de maatregelen niet wegnemen: raadpleeg de AP "
            "voordat de verwerking begint.",
            "High risk remains that the measures do not remove: consult the Dutch DPA before "
            "the processing starts.",
        )
        text = t(f"{reason.nl} {_AP_PERIOD.nl}", f"{reason.en} {_AP_PERIOD.en}")
        subject = "processing.residual_high_risk"
        duty = finding(
            "dpia.prior_consultation", Severity.warning, FindingKind.duty, articles, text, subject
        )
        consultation = PriorConsultation(
            required=True, reasons=(reason, _AP_PERIOD), articles=articles
        )
        return consultation, [duty]
    reason = t(
        "Nog open of er na de maatregelen hoog risico overblijft; zo ja, raadpleeg dan eerst "
        "de AP.",
        "Still open whether high risk remains after the measures; if so, consult the Dutch DPA "
        "first.",
    )
    ask = ask_for(
        "processing.residual_high_risk",
        "of er na de maatregelen hoog risico overblijft",
        "whether high risk remains after the measures",
    )
    consultation = PriorConsultation(required=None, reasons=(reason, _AP_PERIOD), articles=articles)
    return consultation, [_question(ask, articles)]


# --- Open questions and the entry point ---


def _question_id(subject: str) -> str:
    # "processing.large_scale" -> "dpia.open.large_scale";
    # "decisions[d].profiling" -> "dpia.open.decisions.d.profiling"
    key = re.sub(r"\[([^\]]+)\]", r".\1", subject.removeprefix("processing."))
    return f"dpia.open.{key}"


def _question(ask: Ask, articles: Iterable[Citation]) -> Finding:
    text = t(
        f"Geef in het profiel aan {ask.what.nl} (veld {ask.subject}); de DPIA-toets hangt "
        "ervan af.",
        f"State in the profile {ask.what.en} (field {ask.subject}); the DPIA test depends on it.",
    )
    return open_question(_question_id(ask.subject), list(unique(articles)), text, ask.subject)


def _questions(asked: Iterable[tuple[Ask, tuple[Citation, ...]]]) -> list[Finding]:
    questions: dict[str, Finding] = {}
    for ask, articles in asked:
        question = _question(ask, articles)
        questions.setdefault(question.id, question)
    return list(questions.values())


def assess_dpia(
    profile: AlgorithmProfile, art22: Art22Result
) -> tuple[DpiaResult, PriorConsultation, list[Finding]]:
    """Whether a DPIA is required (art. 35) and the DPA must be consulted first (art. 36)."""
    facts = {spec.number: spec.fact(profile, art22) for spec in CRITERIA}
    criteria = [criterion_result(spec, facts[spec.number]) for spec in CRITERIA]
    art35 = art35_facts(profile, facts[5])
    nl = nl_facts(profile, facts[5])
    verdict = _verdict(criteria, triggers(profile, art22, art35, nl))
    result = DpiaResult(
        required=verdict.verdict,
        reasons=verdict.reasons,
        criteria=tuple(criteria),
        criteria_met=tuple(c.number for c in criteria if c.met is True),
        art35_3=tuple(art35_case(point, fact) for point, fact in art35.items()),
        nl_list=tuple(nl_category(n, fact) for n, fact in nl.items() if fact.value is True),
    )
    prior, prior_findings = _prior_consultation(profile, verdict.verdict)
    # Unknown criteria are always asked; an open trigger only while it could still make the
    # DPIA required.
    asked = [
        *((a, c.articles) for c in criteria for a in facts[c.number].missing),
        *((a, tr.articles) for tr in verdict.pending for a in tr.fact.missing),
    ]
    return result, prior, [*_questions(asked), _verdict_finding(verdict.verdict), *prior_findings]
