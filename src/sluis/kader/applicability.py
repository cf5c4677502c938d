"""Which Algoritmekader requirements and measures apply to an algorithm profile.

Pure: a profile and the imported items in, an ``Applicability`` per item out, with reasons
in Dutch and English. The rule, step by step:

1. **Lifecycle.** Phases are ordered as in ``LifecyclePhase``. A requirement applies once
   the algorithm has *reached* the earliest phase it is tagged with: the latest phase in
   ``registration.lifecycle_phases`` is at or after that phase. Reached phases keep their
   requirements, because their outcome must still hold and be shown: an algorithm in use
   (monitoring) must still meet art. 22 GDPR and have its DPIA, tagged "design". Phases
   not yet reached do not apply yet (a design-phase algorithm has nothing to decommission).
   Items tagged ``organisatieverantwoordelijkheden`` apply in every phase. When the profile
   names no phase, the requirement applies, marked "unless that phase is not reached yet".

2. **Subject** (``onderwerp``) is a topic, not a condition. Every Sluis profile describes
   decisions about people, so the privacy topic always holds; subjects are shown only.

3. **The AI Act facets** — type of application, risk group, AI Act role, transparency
   obligation, systemic risk, open source and the exceptions (``uitzondering``) — are
   applied only to requirements that stem from the AI Act (code ``aia-``) or when the
   profile is an AI system. The data set lists only AI types under ``soort-toepassing``
   even for general law such as art. 22 GDPR (``avg-10``); read literally, no rules-based
   algorithm would have to meet the GDPR. So for a non-AI algorithm
   (``technology.ai_system`` false and no ``ai_application_type``) the other requirements
   apply on their lifecycle alone, and no ``aia-`` requirement applies. When it is not
   known whether the algorithm is an AI system, ``aia-`` requirements apply, marked
   "unless it is not an AI system", and the general ones are not narrowed (they hold for
   AI and non-AI alike).

4. **Matching a facet.** From the profile we derive the set of values each facet may still
   have: one value when the profile states it, all values when it is silent, and values
   implied by the AI Act's structure (a general-purpose AI *model* has no risk group and
   no art. 50 transparency duty, an AI *system* has no systemic risk; those facets then
   read ``not_applicable``). A requirement listing allowed values for a facet
   - applies when every possible value is allowed;
   - does not apply when none is;
   - otherwise applies with the facet marked unknown ("applies unless ..."). A fact the
     profile leaves open never excludes a requirement, and is never silently assumed.

5. **Exceptions** (``uitzondering``) name situations in which the requirement does not
   apply. An exception that holds excludes it; one that may hold marks it "unless".

Measures apply when at least one requirement they serve applies and the algorithm has
reached their phase (step 1). Measures that serve no requirement (governance and
sustainability advice) apply on their phase alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sluis.kader.conditions import Condition, ConditionError, atoms, evaluate, parse_canonical
from sluis.kader.parsing import ItemKind, KaderItem
from sluis.kader.profile_facts import ProfileFacts, profile_facts
from sluis.kader.vocabulary import (
    AI_ACT_FACETS,
    EXCEPTIONS,
    FACET_BY_NAME,
    LIFECYCLE,
    Facet,
    facet_label,
)
from sluis.law.findings import Text, t
from sluis.profiles.model import AlgorithmProfile, LifecyclePhase

PHASE_ORDER: tuple[str, ...] = tuple(phase.value for phase in LifecyclePhase)
ALWAYS = LifecyclePhase.organisation.value
AI_SYSTEM_FACT = "ai_system"


@dataclass(frozen=True)
class Applicability:
    """Whether one requirement or measure applies to a profile, and why."""

    urn: str
    code: str
    kind: ItemKind
    applies: bool
    reasons: tuple[Text, ...]
    unknown_facets: tuple[str, ...] = ()
    """Facts the profile leaves open that could still exclude the item ("applies unless")."""
    requirement_codes: tuple[str, ...] = ()
    """For a measure: the applicable requirements it serves."""

    @property
    def certain(self) -> bool:
        return self.applies and not self.unknown_facets


# --- the rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Check:
    verdict: bool | None  # True: satisfied; False: excludes; None: applies unless
    reason: Text | None
    facets: tuple[str, ...] = ()  # the facts left open, for "applies unless"


def _labels(facet: Facet, values: Iterable[str]) -> Text:
    ordered = sorted(values, key=lambda v: (facet.term(v) is None, v))
    return Text(
        nl=", ".join(_value(facet, v, "nl") for v in ordered),
        en=", ".join(_value(facet, v, "en") for v in ordered),
    )


def _value(facet: Facet, value: str, lang: str) -> str:
    term = facet.term(value)
    return term.label.get(lang) if term else value


def lifecycle_check(item: KaderItem, facts: ProfileFacts) -> _Check:
    phases = [p for p in item.facets.get(LIFECYCLE.name, ()) if p in PHASE_ORDER]
    if not phases:
        return _Check(True, None)
    if ALWAYS in phases:
        return _Check(
            True,
            t(
                "Organisatieverantwoordelijkheid: geldt in elke fase.",
                "Organisational responsibility: applies in every phase.",
            ),
        )
    first = min(phases, key=PHASE_ORDER.index)
    first_label = _labels(LIFECYCLE, [first])
    if not facts.phases:
        return _Check(
            None,
            t(
                f"Geldt vanaf de fase {first_label.nl}, tenzij het algoritme die fase nog niet "
                "heeft bereikt: het profiel noemt geen fase (registration.lifecycle_phases).",
                f"Applies from the {first_label.en} phase, unless the algorithm has not reached "
                "it yet: the profile names no phase (registration.lifecycle_phases).",
            ),
            (LIFECYCLE.name,),
        )
    reached = max(facts.phases, key=PHASE_ORDER.index)
    reached_label = _labels(LIFECYCLE, [reached])
    if PHASE_ORDER.index(first) <= PHASE_ORDER.index(reached):
        return _Check(
            True,
            t(
                f"Geldt vanaf de fase {first_label.nl}; het algoritme is in de fase "
                f"{reached_label.nl}.",
                f"Applies from the {first_label.en} phase; the algorithm is in the "
                f"{reached_label.en} phase.",
            ),
        )
    return _Check(
        False,
        t(
            f"Geldt pas vanaf de fase {first_label.nl}; het algoritme is nog in de fase "
            f"{reached_label.nl}.",
            f"Applies only from the {first_label.en} phase; the algorithm is still in the "
            f"{reached_label.en} phase.",
        ),
    )


def _facet_check(item: KaderItem, facet: Facet, facts: ProfileFacts) -> _Check:
    allowed = frozenset(item.facets.get(facet.name, ()))
    possible = facts.possible[facet.name]
    if not allowed or possible <= allowed:
        return _Check(True, None)
    label = facet.label
    if not possible & allowed:
        have, need = _labels(facet, possible), _labels(facet, allowed)
        return _Check(
            False,
            t(
                f"Geldt voor {label.nl}: {need.nl}; dit algoritme: {have.nl}.",
                f"Applies to {label.en}: {need.en}; this algorithm: {have.en}.",
            ),
        )
    excluded = _labels(facet, possible - allowed)
    return _Check(
        None,
        t(
            f"Geldt, tenzij de {label.nl} is: {excluded.nl} (niet in het profiel: "
            f"registration.{facet.name}).",
            f"Applies unless the {label.en} is: {excluded.en} (not in the profile: "
            f"registration.{facet.name}).",
        ),
        (facet.name,),
    )


def _exception_check(expression: str, facts: ProfileFacts) -> _Check:
    try:
        condition = parse_canonical(expression)
    except ConditionError:
        return _Check(
            None,
            t(
                f"Geldt, tenzij deze uitzondering van toepassing is (niet te lezen): {expression}",
                f"Applies unless this exception holds (cannot be read): {expression}",
            ),
            (EXCEPTIONS,),
        )
    holds = evaluate(condition, facts.possible)
    if holds is False:
        return _Check(True, None)
    described = _describe(condition)
    if holds:
        return _Check(
            False,
            t(f"Uitzondering van toepassing: {described.nl}.", f"Exception holds: {described.en}."),
        )
    unknown = sorted({a.facet for a in atoms(condition) if len(facts.possible[a.facet]) > 1})
    return _Check(
        None,
        t(
            f"Geldt, tenzij deze uitzondering van toepassing is: {described.nl}.",
            f"Applies unless this exception holds: {described.en}.",
        ),
        tuple(unknown) or (EXCEPTIONS,),
    )


def _describe(condition: Condition) -> Text:
    def text(lang: str) -> str:
        return "; ".join(
            f"{facet_label(a.facet, lang)} = {_value(FACET_BY_NAME[a.facet], a.value, lang)}"
            for a in atoms(condition)
        )

    return Text(nl=text("nl"), en=text("en"))


def _ai_scope_check(item: KaderItem, facts: ProfileFacts) -> _Check:
    if not item.is_ai_act:
        return _Check(True, None)
    if facts.ai is False:
        return _Check(
            False,
            t(
                "Een vereiste uit de AI-verordening; dit algoritme is geen AI-systeem "
                "(technology.ai_system).",
                "A requirement of the AI Act; this algorithm is not an AI system "
                "(technology.ai_system).",
            ),
        )
    if facts.ai is None:
        return _Check(
            None,
            t(
                "Geldt, tenzij het algoritme geen AI-systeem is (technology.ai_system is "
                "onbekend).",
                "Applies unless the algorithm is not an AI system (technology.ai_system is "
                "unknown).",
            ),
            (AI_SYSTEM_FACT,),
        )
    return _Check(True, None)


def _requirement(item: KaderItem, facts: ProfileFacts) -> Applicability:
    checks = [lifecycle_check(item, facts), _ai_scope_check(item, facts)]
    if item.is_ai_act or facts.ai is True:
        checks += [_facet_check(item, facet, facts) for facet in AI_ACT_FACETS]
        checks += [_exception_check(e, facts) for e in item.facets.get(EXCEPTIONS, ())]
    elif facts.ai is False:
        checks.append(
            _Check(
                True,
                t(
                    "Geen AI-systeem: de kenmerken uit de AI-verordening gelden niet voor deze "
                    "algemene vereiste.",
                    "Not an AI system: the AI Act classifications do not narrow this general "
                    "requirement.",
                ),
            )
        )
    return _combine(item, checks)


def _combine(
    item: KaderItem, checks: Sequence[_Check], requirement_codes: tuple[str, ...] = ()
) -> Applicability:
    excluding = [c for c in checks if c.verdict is False]
    shown = excluding or [c for c in checks if c.reason is not None]
    unknown = () if excluding else tuple(f for c in checks if c.verdict is None for f in c.facets)
    return Applicability(
        urn=item.urn,
        code=item.code,
        kind=item.kind,
        applies=not excluding,
        reasons=tuple(c.reason for c in shown if c.reason is not None),
        unknown_facets=tuple(dict.fromkeys(unknown)),
        requirement_codes=requirement_codes if not excluding else (),
    )


def applicable_requirements(
    profile: AlgorithmProfile, items: Iterable[KaderItem]
) -> list[Applicability]:
    """Every requirement among ``items``, each with whether it applies and why."""
    facts = profile_facts(profile)
    return [_requirement(i, facts) for i in items if i.kind is ItemKind.requirement]


def applicable_measures(
    profile: AlgorithmProfile,
    items: Iterable[KaderItem],
    requirements: Sequence[Applicability] | None = None,
) -> list[Applicability]:
    """Every measure among ``items``, each with whether it applies and why.

    ``requirements`` are the results of :func:`applicable_requirements` for the same
    profile and items; computed when not given.
    """
    listed = list(items)
    if requirements is None:
        requirements = applicable_requirements(profile, listed)
    by_code = {r.code: r for r in requirements}
    facts = profile_facts(profile)
    return [_measure(item, facts, by_code) for item in listed if item.kind is ItemKind.measure]


def _measure(
    item: KaderItem, facts: ProfileFacts, by_code: Mapping[str, Applicability]
) -> Applicability:
    lifecycle = lifecycle_check(item, facts)
    if not item.requirement_codes:
        general = _Check(
            True,
            t(
                "Algemene maatregel, niet aan een vereiste gekoppeld.",
                "A general measure, not tied to a requirement.",
            ),
        )
        return _combine(item, [general, lifecycle])
    served = [by_code[c] for c in item.requirement_codes if c in by_code and by_code[c].applies]
    if not served:
        codes = ", ".join(item.requirement_codes)
        return _combine(
            item,
            [
                _Check(
                    False,
                    t(
                        f"Geen van de vereisten waar deze maatregel bij hoort geldt ({codes}).",
                        f"None of the requirements this measure serves applies ({codes}).",
                    ),
                )
            ],
        )
    codes = ", ".join(r.code for r in served)
    serves = _Check(
        True, t(f"Hoort bij de vereisten: {codes}.", f"Serves the requirements: {codes}.")
    )
    checks = [serves, lifecycle]
    # The measure is needed as soon as one of its requirements is: it stays open only as
    # far as the most certain of them does.
    surest = min(served, key=lambda r: len(r.unknown_facets))
    if surest.unknown_facets:
        checks.append(_Check(None, None, surest.unknown_facets))
    return _combine(item, checks, requirement_codes=tuple(r.code for r in served))
