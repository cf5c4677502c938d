"""GDPR art. 35 and 36: is a DPIA required, and must the Dutch DPA be consulted first?

Three sources decide the DPIA duty: the fixed cases of art. 35(3), the Dutch DPA's list of
processing that always needs a DPIA (Stcrt. 2019, 64418, adopted under art. 35(4)), and the
nine criteria of the EDPB guidelines (WP248 rev.01), where two or more met means a DPIA in
most cases.

Facts are tri-state. A missing fact never counts as met or as not met: it leaves the answer
open and becomes an open question. Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sluis.law.citations import Citation, ai_act, ap_dpia_list, gdpr, sluis_policy, uavg, wp248
from sluis.law.findings import Finding, FindingKind, Severity, Text, finding, open_question, t
from sluis.law.results import (
    Art22Exception,
    Art22Result,
    Art35Case,
    DecisionArt22,
    DpiaCriterion,
    DpiaResult,
    DpiaVerdict,
    NlListCategory,
    PriorConsultation,
)
from sluis.law.tristate import Tri, all_of, any_of
from sluis.profiles.model import (
    AlgorithmProfile,
    DataSource,
    Decision,
    Effect,
    HumanInvolvement,
    SpecialCategory,
    TechnologyKind,
)

# Sluis policy: WP248 names factors for "large scale" but no number. Ten thousand people or
# more is large on any reading of those factors; below a thousand it is not unless the user
# says so. In between Sluis asks rather than guesses.
LARGE_SCALE_FROM = 10_000
SMALL_SCALE_BELOW = 1_000
LARGE_SCALE_POLICY = sluis_policy("large-scale threshold")

_SIGNIFICANT = (Effect.legal, Effect.similarly_significant)
_MODELS = (TechnologyKind.statistical_model, TechnologyKind.machine_learning)
_T = TypeVar("_T")


# --- Tri-state facts that remember why they hold and which profile field is missing ---


@dataclass(frozen=True)
class _Ask:
    subject: str  # the profile field, e.g. "processing.large_scale"
    what: Text  # completes "State in the profile ...", e.g. "whether it is large-scale"


@dataclass(frozen=True)
class _Fact:
    value: Tri
    reasons: tuple[Text, ...] = ()  # explain the value
    missing: tuple[_Ask, ...] = ()  # only while the value is None
    articles: tuple[Citation, ...] = ()


def _unique(items: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


def _leaf(value: Tri, yes: Text, ask: _Ask | None = None, *cites: Citation) -> _Fact:
    """A fact read from one profile field."""
    missing = (ask,) if value is None and ask else ()
    return _Fact(value, (yes,) if value is True else (), missing, cites)


def _hint(value: Tri, yes: Text, *cites: Citation) -> _Fact:
    """A fact that can only add weight: left empty, it simply does not count."""
    return _leaf(value is True, yes, None, *cites)


def _either(facts: Iterable[_Fact]) -> _Fact:
    facts = list(facts)
    return _combine(any_of(f.value for f in facts), facts)


def _both(facts: Iterable[_Fact]) -> _Fact:
    facts = list(facts)
    return _combine(all_of(f.value for f in facts), facts)


def _combine(value: Tri, facts: list[_Fact]) -> _Fact:
    # The facts that share the outcome explain it: the true ones for "met", the false ones
    # for "not met", the open ones (and what they miss) for "unknown".
    deciding = [f for f in facts if f.value is value]
    return _Fact(
        value,
        _unique(r for f in deciding for r in f.reasons),
        _unique(a for f in deciding for a in f.missing),
        _unique(a for f in deciding for a in f.articles),
    )


def _ask(subject: str, nl: str, en: str) -> _Ask:
    return _Ask(subject, t(nl, en))


def _decision_ask(decision: Decision, attribute: str, nl: str, en: str) -> _Ask:
    d = decision.id
    return _ask(f"decisions[{d}].{attribute}", f"{nl} (besluit '{d}')", f"{en} (decision '{d}')")


# The ``processing`` flags of the profile: what a true value means, and what to ask when
# the flag is empty.
_FLAGS: dict[str, tuple[Text, Text]] = {
    "systematic_monitoring": (
        t("Mensen worden stelselmatig gevolgd.", "People are systematically monitored."),
        t("of mensen stelselmatig worden gevolgd", "whether people are systematically monitored"),
    ),
    "public_area_monitoring": (
        t("Een openbare ruimte wordt bewaakt.", "A publicly accessible area is monitored."),
        t("of een openbare ruimte wordt bewaakt", "whether a public area is monitored"),
    ),
    "dataset_matching": (
        t("Gegevensbestanden worden gekoppeld.", "Data sets are matched or combined."),
        t("of bestanden worden gekoppeld", "whether data sets are matched or combined"),
    ),
    "covert": (
        t("De betrokkenen weten niet van de verwerking.", "The processing is hidden."),
        t("of de verwerking verborgen blijft", "whether the processing is hidden"),
    ),
    "blacklist": (
        t("Er is een zwarte of waarschuwingslijst.", "A black or warning list is kept."),
        t("of er een zwarte lijst is", "whether a black or warning list is kept"),
    ),
    "fraud_detection": (
        t("Het algoritme spoort fraude op.", "The algorithm detects fraud."),
        t("of het algoritme fraude bestrijdt", "whether the algorithm fights fraud"),
    ),
    "credit_scoring": (
        t("Er worden kredietscores berekend.", "Credit scores are computed."),
        t("of kredietwaardigheid wordt gescoord", "whether creditworthiness is scored"),
    ),
    "financial_situation": (
        t("De financiële situatie van mensen telt mee.", "People's finances are processed."),
        t("of hun financiële situatie meetelt", "whether people's finances are processed"),
    ),
    "location_data": (
        t("Er worden locatiegegevens verwerkt.", "Location data are processed."),
        t("of er locatiegegevens zijn", "whether location data are processed"),
    ),
    "communication_data": (
        t("Er worden communicatiegegevens verwerkt.", "Communications data are processed."),
        t("of er communicatiegegevens zijn", "whether communications data are processed"),
    ),
    "employee_monitoring": (
        t("Werknemers worden gecontroleerd.", "Employees are monitored."),
        t("of werknemers worden gecontroleerd", "whether employees are monitored"),
    ),
    "joint_arrangement": (
        t("Organisaties delen gegevens met elkaar.", "Organisations share data."),
        t("of organisaties gegevens delen", "whether organisations share data"),
    ),
    "behaviour_influencing": (
        t("Gedrag wordt gevolgd of gestuurd.", "Behaviour is observed or steered."),
        t("of gedrag wordt gevolgd of gestuurd", "whether behaviour is observed or steered"),
    ),
}


def _flag(profile: AlgorithmProfile, field: str) -> _Fact:
    yes, what = _FLAGS[field]
    return _leaf(getattr(profile.processing, field), yes, _Ask(f"processing.{field}", what))


def _flag_hint(profile: AlgorithmProfile, field: str) -> _Fact:
    return _hint(getattr(profile.processing, field), _FLAGS[field][0])


_NO_DECISIONS = _Fact(
    None,
    (t("Het profiel noemt geen besluiten.", "The profile names no decisions."),),
    (_ask("decisions", "welke besluiten over personen er zijn", "which decisions there are"),),
)


def _per_decision(profile: AlgorithmProfile, fact_for: Callable[[Decision], _Fact]) -> _Fact:
    """Met when any decision meets it; without decisions the answer stays open."""
    if not profile.decisions:
        return _NO_DECISIONS
    return _either(fact_for(d) for d in profile.decisions)


# --- Facts shared by the criteria, the art. 35(3) cases and the Dutch list ---


def _large_scale(profile: AlgorithmProfile) -> _Fact:
    """WP248 crit. 5, from the declared flag or else from the head count (Sluis policy)."""
    declared, cite = profile.processing.large_scale, wp248("criterion 5")
    if declared is not None:
        yes = t(
            "Het profiel noemt de verwerking grootschalig.", "The profile calls it large-scale."
        )
        no = t("Het profiel noemt de verwerking kleinschalig.", "The profile calls it small-scale.")
        return _Fact(declared, (yes if declared else no,), (), (cite,))
    total = profile.total_data_subjects()
    if total is not None and total >= LARGE_SCALE_FROM:
        reason = t(
            f"Het gaat om {total} mensen; vanaf {LARGE_SCALE_FROM} rekent Sluis dat grootschalig.",
            f"It concerns {total} people; Sluis counts {LARGE_SCALE_FROM} or more as large scale.",
        )
        return _Fact(True, (reason,), (), (cite, LARGE_SCALE_POLICY))
    if total is not None and total < SMALL_SCALE_BELOW:
        reason = t(
            f"Het gaat om {total} mensen; onder {SMALL_SCALE_BELOW} is dat niet grootschalig.",
            f"It concerns {total} people; below {SMALL_SCALE_BELOW} that is not large scale.",
        )
        return _Fact(False, (reason,), (), (cite, LARGE_SCALE_POLICY))
    reason = t(
        f"Aantal onbekend of tussen {SMALL_SCALE_BELOW} en {LARGE_SCALE_FROM} mensen.",
        f"Head count unknown or between {SMALL_SCALE_BELOW} and {LARGE_SCALE_FROM} people.",
    )
    ask = _ask(
        "processing.large_scale",
        "of de verwerking grootschalig is, of hoeveel mensen elke groep telt",
        "whether the processing is large-scale, or how many people each group counts",
    )
    return _Fact(None, (reason,), (ask,), (cite, LARGE_SCALE_POLICY))


def _special_data(profile: AlgorithmProfile) -> _Fact:
    """Art. 9 special categories or art. 10 criminal-offence data among the fields."""
    if not profile.data_fields:
        reason = t("Het profiel noemt geen gegevens.", "The profile lists no data fields.")
        ask = _ask("data_fields", "welke gegevens worden verwerkt", "which data are processed")
        return _Fact(None, (reason,), (ask,))
    names = ", ".join(f.name for f in profile.data_fields if f.special_category or f.criminal_data)
    if not names:
        reason = t(
            "Geen bijzondere (art. 9) of strafrechtelijke (art. 10) gegevens.",
            "No special-category (art. 9) or criminal-offence (art. 10) data.",
        )
        return _Fact(False, (reason,))
    reason = t(f"Bijzondere of strafrechtelijke gegevens: {names}.", f"Art. 9/10 data: {names}.")
    return _Fact(True, (reason,), (), (gdpr("9(1)"), gdpr("10")))


def _fields_of(profile: AlgorithmProfile, category: SpecialCategory) -> _Fact:
    names = ", ".join(f.name for f in profile.data_fields if f.special_category is category)
    yes = t(f"Gegevens van deze soort: {names}.", f"Data of this kind: {names}.")
    return _hint(bool(names), yes, gdpr("9(1)"))


def _model_kind(profile: AlgorithmProfile) -> _Fact:
    kind = profile.technology.kind
    yes = t(
        "Het algoritme is een statistisch of zelflerend model dat mensen inschat.",
        "The algorithm is a statistical or machine-learning model that rates people.",
    )
    ask = _ask(
        "technology.kind",
        "wat voor algoritme het is (regels, statistisch model, machine learning)",
        "what kind of algorithm it is (rules, statistical model, machine learning)",
    )
    return _leaf(None if kind is None else kind in _MODELS, yes, ask)


def _profiling(decision: Decision) -> _Fact:
    d = decision.id
    yes = t(f"Besluit '{d}' berust op profilering.", f"Decision '{d}' rests on profiling.")
    ask = _decision_ask(decision, "profiling", "of er wordt geprofileerd", "whether it profiles")
    return _leaf(decision.profiling, yes, ask, gdpr("4(4)"))


def _scores_people(decision: Decision) -> _Fact:
    d = decision.id
    risk = t(f"Besluit '{d}' selecteert op risico.", f"Decision '{d}' selects on risk.")
    score = t(f"Besluit '{d}' steunt op een score.", f"Decision '{d}' relies on a score.")
    return _either(
        [
            _profiling(decision),
            _hint(decision.risk_selection, risk),
            _hint(decision.third_party_score, score),
        ]
    )


def _effect_ask(decision: Decision) -> _Ask:
    return _decision_ask(decision, "effect", "welk effect het besluit heeft", "what effect it has")


def _effect_text(decision: Decision) -> Text:
    d = decision.id
    return t(
        f"Besluit '{d}' heeft rechtsgevolgen of een vergelijkbaar ingrijpend effect.",
        f"Decision '{d}' has legal or similarly significant effects.",
    )


def _significant_effect(decision: Decision) -> _Fact:
    """The effect as declared; automatic side effects always count (AP, risk selection)."""
    value = None if decision.effect is None else decision.effect in _SIGNIFICANT
    value = True if decision.automatic_side_effects else value
    return _leaf(value, _effect_text(decision), _effect_ask(decision))


# --- The nine WP248 criteria, numbered as there ---


def _evaluation_or_scoring(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    model, credit = _model_kind(profile), _flag_hint(profile, "credit_scoring")
    return _either([model, credit, _per_decision(profile, _scores_people)])


def _automated_decisions(profile: AlgorithmProfile, art22: Art22Result) -> _Fact:
    """Reuses the art. 22 conditions, so that both parts of the assessment agree."""
    if not profile.decisions:
        return _NO_DECISIONS
    results = {r.decision_id: r for r in art22.decisions}
    return _either(_automated(d, results[d.id]) for d in profile.decisions if d.id in results)


def _automated(decision: Decision, result: DecisionArt22) -> _Fact:
    d, c = decision.id, result.conditions
    if decision.human_involvement is HumanInvolvement.meaningful:
        ask = _decision_ask(
            decision, "human_stage", "wanneer de mens meekijkt", "when the human review happens"
        )
    else:
        ask = _decision_ask(decision, "human_involvement", "wat de mens doet", "what a human does")
    solely = t(
        f"Besluit '{d}' komt tot stand zonder betekenisvolle menselijke tussenkomst.",
        f"Decision '{d}' is reached without meaningful human involvement.",
    )
    return _both(
        [
            _leaf(c.solely_automated.value, solely, ask, gdpr("22(1)")),
            _leaf(c.significant_effect.value, _effect_text(decision), _effect_ask(decision)),
        ]
    )


def _systematic_monitoring(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    return _either(
        [
            _flag(profile, "systematic_monitoring"),
            _flag_hint(profile, "public_area_monitoring"),
            _flag_hint(profile, "employee_monitoring"),
        ]
    )


def _sensitive_data(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    """Special categories and criminal data, and what WP248 calls highly personal data:
    someone's finances, whereabouts and communications."""
    highly_personal = ("financial_situation", "location_data", "communication_data")
    return _either(
        [
            _special_data(profile),
            *(_flag(profile, field) for field in highly_personal),
            _flag_hint(profile, "credit_scoring"),
        ]
    )


def _scale(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    return _large_scale(profile)


def _matching(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    # Another organisation's data next to data from elsewhere is a combination of data sets
    # of different controllers, whatever the profile's own flag says.
    sources = {f.source for f in profile.data_fields if f.source is not None}
    combined = DataSource.other_organisation in sources and len(sources) > 1
    mixed = t(
        "Gegevens van een andere organisatie worden met andere bronnen gecombineerd.",
        "Data from another organisation are combined with other sources.",
    )
    return _either(
        [
            _flag(profile, "dataset_matching"),
            _flag_hint(profile, "joint_arrangement"),
            _hint(combined, mixed),
        ]
    )


def _vulnerable(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    if not profile.data_subjects:
        reason = t("Het profiel noemt geen groepen mensen.", "The profile names no groups.")
        ask = _ask("data_subjects", "over welke groepen mensen het gaat", "which groups it covers")
        return _Fact(None, (reason,), (ask,))
    return _either(
        _group_vulnerable(i, g.category, g.vulnerable) for i, g in enumerate(profile.data_subjects)
    )


def _group_vulnerable(index: int, group: str, vulnerable: Tri) -> _Fact:
    yes = t(f"De groep '{group}' is kwetsbaar.", f"The group '{group}' is vulnerable.")
    ask = _ask(
        f"data_subjects[{index}].vulnerable",
        f"of de groep '{group}' kwetsbaar is",
        f"whether the group '{group}' is vulnerable",
    )
    return _leaf(vulnerable, yes, ask)


def _innovative(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    tech = profile.technology
    new = t("De technologie of de inzet ervan is nieuw.", "The technology or its use is new.")
    ai = t("Het is een AI-systeem; dat telt als nieuw.", "It is an AI system, which counts as new.")
    ml = t("Het model is zelflerend.", "The model uses machine learning.")
    return _either(
        [
            _leaf(
                tech.innovative,
                new,
                _ask(
                    "technology.innovative",
                    "of de technologie of de inzet ervan nieuw is",
                    "whether the technology or its use is new",
                ),
            ),
            _leaf(
                tech.ai_system,
                ai,
                _ask("technology.ai_system", "of het een AI-systeem is", "whether it is AI"),
                ai_act("3(1)"),
            ),
            _hint(tech.kind is TechnologyKind.machine_learning, ml),
        ]
    )


def _blocks_access(profile: AlgorithmProfile, _: Art22Result) -> _Fact:
    return _per_decision(profile, _blocks_right_or_service)


def _blocks_right_or_service(decision: Decision) -> _Fact:
    d, declared = decision.id, decision.denies_right_or_service
    if declared is not None or decision.effect is None:
        yes = t(
            f"Besluit '{d}' kan iemand een recht, dienst of overeenkomst onthouden.",
            f"Decision '{d}' can keep someone from a right, service or contract.",
        )
        ask = _decision_ask(
            decision,
            "denies_right_or_service",
            "of het besluit iemand een recht, dienst of overeenkomst kan onthouden",
            "whether it can keep someone from a right, service or contract",
        )
        return _leaf(declared, yes, ask)
    # Not declared: the profile contract lets Sluis derive it from the effect, because a
    # decision that changes someone's position can as a rule also refuse them something.
    derived = t(
        f"Besluit '{d}' heeft een ingrijpend effect; Sluis neemt aan dat het iemand iets kan "
        "onthouden. Vul denies_right_or_service in als dat niet zo is.",
        f"Decision '{d}' has a significant effect, so Sluis assumes it can refuse someone "
        "something. Set denies_right_or_service if it cannot.",
    )
    return _leaf(decision.effect in _SIGNIFICANT, derived)


@dataclass(frozen=True)
class _Criterion:
    number: int
    key: str
    title: Text
    not_met: Text
    articles: tuple[Citation, ...]
    fact: Callable[[AlgorithmProfile, Art22Result], _Fact]


_CRITERIA: tuple[_Criterion, ...] = (
    _Criterion(
        1,
        "evaluation_or_scoring",
        t("Evalueren of scoren, ook profileren en voorspellen", "Evaluation or scoring"),
        t("Niemand wordt beoordeeld of voorspeld.", "Nobody is rated or predicted."),
        (gdpr("4(4)"),),
        _evaluation_or_scoring,
    ),
    _Criterion(
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
    _Criterion(
        3,
        "systematic_monitoring",
        t("Stelselmatige monitoring", "Systematic monitoring"),
        t("Niemand wordt stelselmatig gevolgd.", "Nobody is systematically monitored."),
        (gdpr("35(3)(c)"),),
        _systematic_monitoring,
    ),
    _Criterion(
        4,
        "sensitive_data",
        t("Gevoelige of zeer persoonlijke gegevens", "Sensitive or highly personal data"),
        t("Geen gevoelige of zeer persoonlijke gegevens.", "No sensitive or highly personal data."),
        (gdpr("9(1)"), gdpr("10")),
        _sensitive_data,
    ),
    _Criterion(
        5,
        "large_scale",
        t("Grootschalige verwerking", "Large-scale processing"),
        t("De verwerking is niet grootschalig.", "The processing is not large-scale."),
        (gdpr("recital 91"),),
        _scale,
    ),
    _Criterion(
        6,
        "matching_datasets",
        t("Koppelen of combineren van bestanden", "Matching or combining data sets"),
        t("Er worden geen bestanden gekoppeld.", "No data sets are matched or combined."),
        (),
        _matching,
    ),
    _Criterion(
        7,
        "vulnerable_subjects",
        t("Kwetsbare betrokkenen", "Vulnerable data subjects"),
        t("Geen van de groepen is kwetsbaar.", "None of the groups is vulnerable."),
        (gdpr("recital 75"),),
        _vulnerable,
    ),
    _Criterion(
        8,
        "innovative_technology",
        t("Innovatief gebruik of nieuwe technologie", "Innovative use or new technology"),
        t("Geen nieuwe technologie of AI.", "No new technology or AI."),
        (gdpr("35(1)"),),
        _innovative,
    ),
    _Criterion(
        9,
        "blocks_right_or_service",
        t("Houdt mensen weg van een recht of dienst", "Keeps people from a right or service"),
        t("Geen besluit onthoudt iemand iets.", "No decision keeps anyone from anything."),
        (gdpr("recital 91"),),
        _blocks_access,
    ),
)


def _criterion(spec: _Criterion, fact: _Fact) -> DpiaCriterion:
    if fact.value is False:
        reasons = _unique([spec.not_met, *fact.reasons])
    elif fact.value is None:
        fields = ", ".join(a.subject for a in fact.missing)
        reasons = (t(f"Open; ontbreekt: {fields}.", f"Open; missing: {fields}."), *fact.reasons)
    else:
        reasons = fact.reasons
    return DpiaCriterion(
        number=spec.number,
        key=spec.key,
        title=spec.title,
        met=fact.value,
        reasons=reasons,
        articles=_unique([wp248(f"criterion {spec.number}"), *spec.articles, *fact.articles]),
    )


# --- GDPR art. 35(3) ---

_ART35_CASES: dict[str, Text] = {
    "a": t(
        "stelselmatige en uitgebreide beoordeling van mensen waarop ingrijpende besluiten rusten",
        "systematic and extensive evaluation of people on which significant decisions rest",
    ),
    "b": t(
        "grootschalige verwerking van bijzondere of strafrechtelijke gegevens",
        "large-scale processing of special-category or criminal-offence data",
    ),
    "c": t(
        "grootschalige stelselmatige bewaking van een openbare ruimte",
        "large-scale systematic monitoring of a publicly accessible area",
    ),
}


def _art35_facts(profile: AlgorithmProfile, large: _Fact) -> dict[str, _Fact]:
    def evaluation_with_effect(decision: Decision) -> _Fact:
        # Sluis reads an algorithm that rates everyone in its scope by the same logic as
        # "systematic and extensive", so (a) needs no separate scale test. Unlike art. 22,
        # (a) also covers decisions a human takes on the strength of the evaluation.
        rating = _either([_scores_people(decision), _model_kind(profile)])
        return _both([rating, _significant_effect(decision)])

    return {
        "a": _per_decision(profile, evaluation_with_effect),
        "b": _both([_special_data(profile), large]),
        "c": _both([_flag(profile, "public_area_monitoring"), large]),
    }


def _art35_case(point: str, fact: _Fact) -> Art35Case:
    case = _ART35_CASES[point]
    status = {
        True: t(f"Van toepassing: {case.nl}.", f"Applies: {case.en}."),
        False: t(f"Niet van toepassing: {case.nl}.", f"Does not apply: {case.en}."),
        None: t(f"Nog open: {case.nl}.", f"Still open: {case.en}."),
    }[fact.value]
    if fact.value is None:
        fields = ", ".join(a.subject for a in fact.missing)
        status = t(f"{status.nl} Ontbreekt: {fields}.", f"{status.en} Missing: {fields}.")
    return Art35Case(
        point=point,
        applies=fact.value,
        reasons=(status, *fact.reasons),
        articles=_unique([gdpr(f"35(3)({point})"), *fact.articles]),
    )


# --- The Dutch DPA's list (Stcrt. 2019, 64418) ---

# (number, key, title, source): the source is a ``processing`` flag, a special category of
# the data fields, or "profiling" on a decision. Nos. 10 and 14 have no fact in the profile
# yet, so Sluis cannot place anything in them. No. 9: the profile knows monitoring of a
# public area, not the means; cameras are the usual means, hence camera surveillance.
_NL_LIST: tuple[tuple[int, str, Text, str | None], ...] = (
    (1, "covert_investigation", t("Heimelijk onderzoek", "Covert investigation"), "covert"),
    (2, "blacklists", t("Zwarte lijsten", "Blacklists and warning lists"), "blacklist"),
    (3, "fraud_prevention", t("Fraudebestrijding", "Fraud prevention"), "fraud_detection"),
    (4, "credit_scoring", t("Creditscores", "Credit scoring"), "credit_scoring"),
    (
        5,
        "financial_situation",
        t("Financiële situatie", "Financial situation"),
        "financial_situation",
    ),
    (6, "genetic_data", t("Genetische persoonsgegevens", "Genetic data"), "genetic"),
    (7, "health_data", t("Gezondheidsgegevens", "Health data"), "health"),
    (8, "partnerships", t("Samenwerkingsverbanden", "Partnerships"), "joint_arrangement"),
    (
        9,
        "camera_surveillance",
        t("Cameratoezicht", "Camera surveillance"),
        "public_area_monitoring",
    ),
    (10, "flexible_camera_surveillance", t("Flexibel cameratoezicht", "Mobile cameras"), None),
    (
        11,
        "employee_monitoring",
        t("Controle werknemers", "Employee monitoring"),
        "employee_monitoring",
    ),
    (12, "location_data", t("Locatiegegevens", "Location data"), "location_data"),
    (
        13,
        "communication_data",
        t("Communicatiegegevens", "Communications data"),
        "communication_data",
    ),
    (
        14,
        "internet_of_things",
        t("Internet of things (slimme apparaten)", "Internet of things"),
        None,
    ),
    (15, "profiling", t("Profilering", "Profiling"), "profiling"),
    (
        16,
        "behaviour_observation",
        t("Observatie en beïnvloeding van gedrag", "Behaviour tracking"),
        "behaviour_influencing",
    ),
    (
        17,
        "biometric_data",
        t("Biometrische gegevens", "Biometric data"),
        "biometric_identification",
    ),
)


def _nl_trigger(profile: AlgorithmProfile, source: str) -> _Fact:
    """What puts the processing in a category, before the scale condition."""
    if source in _FLAGS:
        return _flag(profile, source)
    if source == "profiling":
        return _per_decision(profile, _profiling)
    return _fields_of(profile, SpecialCategory(source))


def _nl_facts(profile: AlgorithmProfile, large: _Fact) -> dict[int, _Fact]:
    # Each category applies to processing that is large-scale and/or systematic (ap_dpia_list(n)
    # for every n). The profile only declares systematic monitoring, so Sluis reads
    # "systematic" as that: small and unmonitored processing does not trigger a category.
    # Biometric data used to identify people count whatever the scale (ap_dpia_list(17)).
    scale = _either([large, _flag(profile, "systematic_monitoring")])
    facts: dict[int, _Fact] = {}
    for number, _, _, source in _NL_LIST:
        if source is not None:
            trigger = _nl_trigger(profile, source)
            facts[number] = trigger if number == 17 else _both([trigger, scale])
    return facts


def _nl_category(number: int, fact: _Fact) -> NlListCategory:
    _, key, title, _ = _NL_LIST[number - 1]
    return NlListCategory(
        number=number,
        key=key,
        title=title,
        reasons=fact.reasons,
        articles=_unique([ap_dpia_list(number), gdpr("35(4)"), *fact.articles]),
    )


# --- Verdict ---


@dataclass(frozen=True)
class _Trigger:
    """Something that on its own makes a DPIA required."""

    fact: _Fact
    label: Text  # names it, e.g. "GDPR art. 35(3)(b)"
    because: Text  # why it requires a DPIA, once it holds
    articles: tuple[Citation, ...]


def _art35_trigger(point: str, fact: _Fact) -> _Trigger:
    case = _ART35_CASES[point]
    return _Trigger(
        fact,
        t(f"art. 35 lid 3 onder {point} AVG", f"GDPR art. 35(3)({point})"),
        t(
            f"Art. 35 lid 3 onder {point} AVG is van toepassing: {case.nl}.",
            f"GDPR art. 35(3)({point}) applies: {case.en}.",
        ),
        (gdpr(f"35(3)({point})"),),
    )


def _nl_trigger_of(number: int, fact: _Fact) -> _Trigger:
    title = _NL_LIST[number - 1][2]
    return _Trigger(
        fact,
        t(f"AP-lijst nr. {number} ({title.nl})", f"Dutch DPA list no. {number} ({title.en})"),
        t(
            f"De verwerking staat op de AP-lijst van verplichte DPIA's: nr. {number}, {title.nl}.",
            f"The processing is on the Dutch DPA's DPIA list: no. {number}, {title.en}.",
        ),
        (ap_dpia_list(number), gdpr("35(4)")),
    )


def _uavg40_trigger(profile: AlgorithmProfile, art22: Art22Result) -> _Trigger:
    # UAVG art. 40(3) lets an administrative body rely on the Awb instead of the art. 22(3)
    # rights; the legislator expects a DPIA to show that this protection really suffices.
    relies = any(r.exception is Art22Exception.law for r in art22.decisions)
    body = t("De verantwoordelijke is een bestuursorgaan.", "The controller is a public body.")
    ask = _ask(
        "controller.administrative_body",
        "of de verantwoordelijke een bestuursorgaan is",
        "whether the controller is an administrative body",
    )
    return _Trigger(
        _leaf(profile.controller.administrative_body if relies else False, body, ask),
        t("art. 40 UAVG voor een bestuursorgaan", "UAVG art. 40 for an administrative body"),
        t(
            "Een bestuursorgaan laat een geautomatiseerd besluit rusten op de wettelijke "
            "uitzondering; de DPIA moet aantonen dat de Awb-bescherming hier echt volstaat.",
            "An administrative body rests an automated decision on the statutory exception; "
            "the DPIA must show that the Awb protection really suffices here.",
        ),
        (uavg("40(2)"), uavg("40(3)")),
    )


def _residual_risk_trigger(profile: AlgorithmProfile) -> _Trigger:
    # A controller who says high risk remains has said the processing is likely to be
    # high-risk, which is exactly when art. 35(1) asks for a DPIA.
    remains = t("Er blijft hoog risico over.", "High risk remains.")
    return _Trigger(
        _hint(profile.processing.residual_high_risk, remains),
        t("hoog restrisico", "high residual risk"),
        t(
            "Volgens het profiel blijft er na de maatregelen hoog risico over; verwerking met "
            "waarschijnlijk hoog risico vraagt altijd een DPIA.",
            "The profile says high risk remains after the measures; processing likely to "
            "result in high risk always needs a DPIA.",
        ),
        (gdpr("35(1)"),),
    )


@dataclass(frozen=True)
class _Verdict:
    verdict: DpiaVerdict
    reasons: tuple[Text, ...]
    pending: tuple[_Trigger, ...]  # open triggers that could still make a DPIA required


def _verdict(criteria: list[DpiaCriterion], triggers: list[_Trigger]) -> _Verdict:
    met = [c.number for c in criteria if c.met is True]
    unknown = [c.number for c in criteria if c.met is None]
    reasons = [tr.because for tr in triggers if tr.fact.value is True]
    if len(met) >= 2:
        reasons.append(_criteria_text(met, "Voldaan", "Met"))
    if reasons:
        return _Verdict(DpiaVerdict.required, tuple(reasons), ())
    pending = tuple(tr for tr in triggers if tr.fact.value is None)
    if met:
        reasons.append(_criteria_text(met, "Voldaan", "Met"))
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


def _criteria_text(numbers: list[int], nl: str, en: str) -> Text:
    named_nl, named_en = _criteria_named(numbers)
    return t(
        f"{nl}: {named_nl}. Eén criterium kan al reden zijn voor een DPIA; vanaf twee is hij "
        "in de regel verplicht.",
        f"{en}: {named_en}. One criterion can be reason enough for a DPIA; from two on it is "
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
        return PriorConsultation(required=True, reasons=(reason, _AP_PERIOD), articles=articles), [
            duty
        ]
    reason = t(
        "Nog open of er na de maatregelen hoog risico overblijft; zo ja, raadpleeg dan eerst "
        "de AP.",
        "Still open whether high risk remains after the measures; if so, consult the Dutch DPA "
        "first.",
    )
    ask = _ask(
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


def _question(ask: _Ask, articles: Iterable[Citation]) -> Finding:
    text = t(
        f"Geef in het profiel aan {ask.what.nl} (veld {ask.subject}); de DPIA-toets hangt "
        "ervan af.",
        f"State in the profile {ask.what.en} (field {ask.subject}); the DPIA test depends on it.",
    )
    return open_question(_question_id(ask.subject), list(_unique(articles)), text, ask.subject)


def _questions(asked: Iterable[tuple[_Ask, tuple[Citation, ...]]]) -> list[Finding]:
    unique: dict[str, Finding] = {}
    for ask, articles in asked:
        question = _question(ask, articles)
        unique.setdefault(question.id, question)
    return list(unique.values())


def assess_dpia(
    profile: AlgorithmProfile, art22: Art22Result
) -> tuple[DpiaResult, PriorConsultation, list[Finding]]:
    """Whether a DPIA is required (art. 35) and the DPA must be consulted first (art. 36)."""
    facts = {spec.number: spec.fact(profile, art22) for spec in _CRITERIA}
    criteria = [_criterion(spec, facts[spec.number]) for spec in _CRITERIA]
    art35 = _art35_facts(profile, facts[5])
    nl = _nl_facts(profile, facts[5])
    triggers = [
        *(_art35_trigger(point, fact) for point, fact in art35.items()),
        *(_nl_trigger_of(number, fact) for number, fact in nl.items()),
        _uavg40_trigger(profile, art22),
        _residual_risk_trigger(profile),
    ]
    verdict = _verdict(criteria, triggers)
    result = DpiaResult(
        required=verdict.verdict,
        reasons=verdict.reasons,
        criteria=tuple(criteria),
        criteria_met=tuple(c.number for c in criteria if c.met is True),
        art35_3=tuple(_art35_case(point, fact) for point, fact in art35.items()),
        nl_list=tuple(_nl_category(n, fact) for n, fact in nl.items() if fact.value is True),
    )
    prior, prior_findings = _prior_consultation(profile, verdict.verdict)
    # Unknown criteria are always asked; an open trigger only while it could still make the
    # DPIA required.
    asked = [
        *((a, c.articles) for c in criteria for a in facts[c.number].missing),
        *((a, tr.articles) for tr in verdict.pending for a in tr.fact.missing),
    ]
    return result, prior, [*_questions(asked), _verdict_finding(verdict.verdict), *prior_findings]
