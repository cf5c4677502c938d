"""What the applicability rules need to know about a profile (see ``applicability``).

Pure. For each AI Act facet, the set of values the profile may still have: one value when
the profile states it, every value when it is silent, narrowed where the AI Act's structure
implies it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sluis.kader.vocabulary import AI_ACT_FACETS
from sluis.profiles.model import AiActRiskGroup, AiApplicationType, AlgorithmProfile


@dataclass(frozen=True)
class ProfileFacts:
    """What the rules need to know about a profile."""

    ai: bool | None
    phases: frozenset[str]
    possible: Mapping[str, frozenset[str]]
    """Per AI Act facet, the values the profile may still have."""


def profile_facts(profile: AlgorithmProfile) -> ProfileFacts:
    registration = profile.registration
    kind = registration.ai_application_type
    if profile.technology.ai_system is True or kind is not None:
        ai: bool | None = True
    else:
        ai = False if profile.technology.ai_system is False else None
    return ProfileFacts(
        ai=ai,
        phases=frozenset(phase.value for phase in registration.lifecycle_phases),
        possible=_possible_values(profile),
    )


def _possible_values(profile: AlgorithmProfile) -> dict[str, frozenset[str]]:
    r = profile.registration
    model = r.ai_application_type is AiApplicationType.general_purpose_ai_model
    system = r.ai_application_type is not None and not model
    na = frozenset({"not_applicable"})
    yes_no = frozenset({"true", "false"})

    def stated(value: object) -> frozenset[str] | None:
        if value is None:
            return None
        if isinstance(value, bool):
            return frozenset({"true" if value else "false"})
        return frozenset({str(getattr(value, "value", value))})

    risk = stated(r.ai_act_risk_group)
    if risk is None and model:
        risk = frozenset({AiActRiskGroup.not_applicable.value})  # risk groups classify systems
    elif risk is None and system:
        risk = _domain("ai_act_risk_group") - na
    transparency = na if model else stated(r.transparency_obligation)
    if transparency is None and system:
        transparency = yes_no  # art. 50 concerns systems; a model has no such duty
    if system:
        systemic = na  # systemic risk is a property of general-purpose models only
    elif model:
        systemic = stated(r.systemic_risk) or yes_no
    elif r.systemic_risk is True:
        systemic = frozenset({"true"})
    else:
        systemic = None
    values = {
        "ai_application_type": stated(r.ai_application_type),
        "ai_act_risk_group": risk,
        "ai_act_role": stated(r.ai_act_role),
        "transparency_obligation": transparency,
        "systemic_risk": systemic,
        "open_source": stated(r.open_source),
    }
    return {name: found or _domain(name) for name, found in values.items()}


def _domain(facet_name: str) -> frozenset[str]:
    return next(f.domain() for f in AI_ACT_FACETS if f.name == facet_name)
