"""Where Sluis's own assessment already answers an Algoritmekader requirement.

An explicit table from requirement codes to a function that reads the assessment (and,
where needed, the profile) and suggests a status with its reasons. The suggestion is shown
next to the requirement in the checklist; it never sets a measure's status by itself,
because people stay responsible for the checklist.

| code   | requirement (our words)                      | answered by                       |
| ------ | -------------------------------------------- | --------------------------------- |
| avg-01 | personal data processed lawfully (art. 5, 6) | findings on legal basis, purposes |
| avg-02 | kept no longer than needed (art. 5(1)(e))    | findings on retention             |
| avg-03 | no more data than needed (art. 5(1)(c))      | findings on minimisation          |
| avg-07 | transparent about processing (art. 12-14)    | transparency duties to inform     |
| avg-08 | sensitive data only on a legal exception     | findings on art. 9, 10, BSN       |
| avg-10 | no solely automated decisions (art. 22)      | ``art22.verdict``                 |
| avg-13 | DPIA where required (art. 35)                | ``dpia.required``                 |
| awb-02 | decisions state their reasons (Awb 3:46)     | transparency duty ``state_reasons`` |
| bzk-01 | published in the Algoritmeregister           | transparency duty ``algoritmeregister`` |
| grw-02 | no discrimination (art. 1 Grondwet)          | findings on proxies          |
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from sluis.law.findings import Finding, FindingKind, Severity, Text, t
from sluis.law.results import Art22Verdict, Assessment, DpiaVerdict
from sluis.profiles.model import AlgorithmProfile


class LinkStatus(StrEnum):
    """What the assessment suggests about a requirement."""

    met = "met"
    not_met = "not_met"
    open = "open"
    not_applicable = "not_applicable"


@dataclass(frozen=True)
class AssessmentLink:
    code: str
    source: str
    """The part of the assessment that answers the requirement."""
    status: LinkStatus
    reasons: tuple[Text, ...]


Linker = Callable[[Assessment, AlgorithmProfile], AssessmentLink | None]


def _art22(assessment: Assessment, _: AlgorithmProfile) -> AssessmentLink:
    art22 = assessment.art22
    source = "assessment.art22.verdict"
    if art22.verdict is Art22Verdict.prohibited:
        reasons = [
            t(
                "Verboden onder art. 22 lid 1 AVG: een uitsluitend geautomatiseerd besluit met "
                "aanmerkelijk effect zonder uitzondering die het draagt.",
                "Prohibited under GDPR art. 22(1): a solely automated decision with significant "
                "effect and no exception to carry it.",
            )
        ]
        return AssessmentLink("avg-10", source, LinkStatus.not_met, tuple(reasons))
    if art22.verdict is Art22Verdict.allowed_with_safeguards:
        exception = art22.exception.value if art22.exception else "?"
        head = t(
            f"Toegestaan via de uitzondering '{exception}' (art. 22 lid 2 AVG), mits deze "
            "waarborgen er zijn:",
            f"Allowed through the '{exception}' exception (GDPR art. 22(2)), provided these "
            "safeguards are in place:",
        )
        safeguards = tuple(s.text for s in art22.safeguards)
        return AssessmentLink("avg-10", source, LinkStatus.met, (head, *safeguards))
    if art22.verdict is Art22Verdict.not_applicable:
        reasons = [
            t(
                "Art. 22 AVG is niet van toepassing op de besluiten in het profiel.",
                "GDPR art. 22 does not apply to the decisions in the profile.",
            )
        ]
        reasons += [s.text for s in art22.safeguards]
        return AssessmentLink("avg-10", source, LinkStatus.not_applicable, tuple(reasons))
    return AssessmentLink(
        "avg-10",
        source,
        LinkStatus.open,
        (
            t(
                "Feiten ontbreken; beantwoord de open vragen van de beoordeling.",
                "Facts are missing; answer the assessment's open questions.",
            ),
        ),
    )


def _dpia(assessment: Assessment, profile: AlgorithmProfile) -> AssessmentLink:
    dpia = assessment.dpia
    source = "assessment.dpia.required"
    done = any(a.strip().upper() == "DPIA" for a in profile.registration.impact_assessments_done)
    recorded = t(
        "Het profiel vermeldt een uitgevoerde DPIA (registration.impact_assessments_done).",
        "The profile records a DPIA as done (registration.impact_assessments_done).",
    )
    missing = t(
        "Het profiel vermeldt geen uitgevoerde DPIA (registration.impact_assessments_done).",
        "The profile records no DPIA as done (registration.impact_assessments_done).",
    )
    reasons = list(dpia.reasons)
    if assessment.prior_consultation.required:
        reasons += list(assessment.prior_consultation.reasons)
    if dpia.required is DpiaVerdict.not_required:
        return AssessmentLink("avg-13", source, LinkStatus.not_applicable, tuple(reasons))
    if done:
        return AssessmentLink("avg-13", source, LinkStatus.met, (*reasons, recorded))
    status = LinkStatus.not_met if dpia.required is DpiaVerdict.required else LinkStatus.open
    return AssessmentLink("avg-13", source, status, (*reasons, missing))


def _from_findings(code: str, source: str, prefixes: tuple[str, ...], clean: Text | None) -> Linker:
    """A link judged by the findings whose id starts with one of ``prefixes``: a violation
    means not met, a warning or open question leaves it open, none means met (``clean``
    says why) — or, when ``clean`` is ``None``, that the assessment has nothing to say."""

    def link(assessment: Assessment, _: AlgorithmProfile) -> AssessmentLink | None:
        found = [f for f in assessment.findings if f.id.startswith(prefixes)]
        reasons = tuple(f.text for f in found)
        if any(f.severity is Severity.violation for f in found):
            return AssessmentLink(code, source, LinkStatus.not_met, reasons)
        if any(_needs_attention(f) for f in found):
            return AssessmentLink(code, source, LinkStatus.open, reasons)
        if clean is None:
            return None
        return AssessmentLink(code, source, LinkStatus.met, (*reasons, clean))

    return link


def _not_applicable(code: str, source: str, reason: Text) -> AssessmentLink:
    return AssessmentLink(code, source, LinkStatus.not_applicable, (reason,))


def _needs_attention(finding: Finding) -> bool:
    return finding.severity is Severity.warning or finding.kind is FindingKind.open_question


def _sensitive(assessment: Assessment, profile: AlgorithmProfile) -> AssessmentLink | None:
    sensitive = any(
        f.special_category or f.criminal_data or f.national_id for f in profile.data_fields
    )
    judge = _from_findings(
        "avg-08",
        "assessment.findings[principles.art9|art10|bsn]",
        ("principles.art9.", "principles.art10.", "principles.bsn."),
        t(
            "Elk bijzonder of strafrechtelijk gegeven en elk BSN heeft een wettelijke basis.",
            "Every special-category or criminal-offence field and every BSN has a legal footing.",
        ),
    )
    if not sensitive:
        return _not_applicable(
            "avg-08",
            "assessment.findings[principles.art9|art10|bsn]",
            t(
                "Het profiel noemt geen bijzondere of strafrechtelijke gegevens en geen BSN.",
                "The profile names no special-category or criminal-offence data and no BSN.",
            ),
        )
    return judge(assessment, profile)


def _duties(code: str, ids: tuple[str, ...]) -> Linker:
    """A link that lists the transparency duties the assessment found: they need doing, so
    the suggestion stays open; without such duties there is no link."""

    def link(assessment: Assessment, _: AlgorithmProfile) -> AssessmentLink | None:
        duties = [d for d in assessment.transparency if d.id in ids]
        if not duties:
            return None
        source = "assessment.transparency[" + "|".join(ids) + "]"
        return AssessmentLink(code, source, LinkStatus.open, tuple(d.text for d in duties))

    return link


LINKS: dict[str, Linker] = {
    "avg-01": _from_findings(
        "avg-01",
        "assessment.findings[principles.legal_basis|purposes]",
        ("principles.legal_basis.", "principles.purposes.", "principles.open.legal_basis"),
        t(
            "Er is een grondslag (art. 6 AVG) en er zijn doeleinden vastgelegd.",
            "A lawful basis (GDPR art. 6) is stated and purposes are recorded.",
        ),
    ),
    "avg-02": _from_findings(
        "avg-02",
        "assessment.findings[principles.retention]",
        ("principles.retention.", "principles.open.data_fields"),
        t(
            "Voor elke categorie gegevens is een bewaartermijn vastgelegd.",
            "A retention period is fixed for every data category.",
        ),
    ),
    "avg-03": _from_findings(
        "avg-03",
        "assessment.findings[principles.minimisation]",
        ("principles.minimisation.", "principles.open.data_fields"),
        t(
            "Elk gegeven heeft een doel en wordt door een besluit gebruikt.",
            "Every field has a stated purpose and is used by a decision.",
        ),
    ),
    "avg-07": _duties(
        "avg-07",
        (
            "inform_at_collection",
            "inform_when_obtained_elsewhere",
            "inform_automated_decision",
            "inform_of_selection",
        ),
    ),
    "avg-08": _sensitive,
    "avg-10": _art22,
    "avg-13": _dpia,
    "awb-02": _duties("awb-02", ("state_reasons",)),
    "bzk-01": _duties("bzk-01", ("algoritmeregister",)),
    "grw-02": _from_findings(
        "grw-02",
        "assessment.findings[principles.proxy]",
        ("principles.proxy.",),
        None,  # no proxy found proves no absence of discrimination: no suggestion
    ),
}


def assessment_link(
    code: str, assessment: Assessment, profile: AlgorithmProfile
) -> AssessmentLink | None:
    """The assessment's suggestion for one requirement, or ``None`` when it has none."""
    linker = LINKS.get(code)
    return linker(assessment, profile) if linker else None


def assessment_links(
    codes: Iterable[str], assessment: Assessment, profile: AlgorithmProfile
) -> dict[str, AssessmentLink]:
    found = {code: assessment_link(code, assessment, profile) for code in codes}
    return {code: link for code, link in found.items() if link is not None}
