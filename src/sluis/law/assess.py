"""The assessment engine's entry point: a profile in, a complete, cited assessment out."""

from __future__ import annotations

from sluis import __version__
from sluis.law.art22_verdict import assess_art22
from sluis.law.dpia import assess_dpia
from sluis.law.findings import Finding, FindingKind, Severity
from sluis.law.principles import assess_principles
from sluis.law.results import Assessment, ProfileRef
from sluis.law.transparency import transparency_duties
from sluis.profiles.model import AlgorithmProfile

ENGINE_VERSION = f"sluis-law/{__version__}"

_SEVERITY_ORDER = {Severity.violation: 0, Severity.warning: 1, Severity.info: 2}


def assess(profile: AlgorithmProfile, version: int | None = None) -> Assessment:
    """Assess a profile. Pure: the same profile always gives the same assessment."""
    art22, art22_findings = assess_art22(profile)
    dpia, prior, dpia_findings = assess_dpia(profile, art22)
    findings = _ordered([*art22_findings, *assess_principles(profile), *dpia_findings])
    return Assessment(
        engine_version=ENGINE_VERSION,
        profile=ProfileRef(id=profile.id, name=profile.name, version=version),
        art22=art22,
        dpia=dpia,
        prior_consultation=prior,
        transparency=transparency_duties(profile, art22),
        findings=findings,
    )


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    """Gravest first, ids unique, and one open question per missing fact: when several
    rules need the same fact, the first question stays and cites all their articles."""
    unique: dict[str, Finding] = {}
    question_for: dict[str, str] = {}
    for f in findings:
        if f.kind is FindingKind.open_question and f.subject:
            first_id = question_for.setdefault(f.subject, f.id)
            if first_id != f.id:
                first = unique[first_id]
                articles = tuple(dict.fromkeys((*first.articles, *f.articles)))
                unique[first_id] = first.model_copy(update={"articles": articles})
                continue
        unique.setdefault(f.id, f)
    return tuple(sorted(unique.values(), key=lambda f: _SEVERITY_ORDER[f.severity]))
