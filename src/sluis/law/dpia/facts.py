"""Tri-state facts for the DPIA test, and the facts about a profile that several rules share.

A fact is true, false or open (``None``). It remembers why it holds, which profile fields it
still needs while it is open, and what it cites. Leaves read one profile field; ``either``
and ``both`` combine them in Kleene logic. The shared facts (large scale, special data,
profiling and so on) are used by the WP248 criteria, the art. 35(3) cases and the Dutch list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sluis.law.citations import Citation, gdpr, sluis_policy, wp248
from sluis.law.findings import Text, t
from sluis.law.tristate import Tri, all_of, any_of
from sluis.profiles.model import AlgorithmProfile, Decision, Effect, TechnologyKind

# Sluis policy: WP248 names factors for "large scale" but no number. Ten thousand people or
# more is large on any reading of those factors; below a thousand it is not unless the user
# says so. In between Sluis asks rather than guesses.
LARGE_SCALE_FROM = 10_000
SMALL_SCALE_BELOW = 1_000
LARGE_SCALE_POLICY = sluis_policy("large-scale threshold")

SIGNIFICANT = (Effect.legal, Effect.similarly_significant)
_MODELS = (TechnologyKind.statistical_model, TechnologyKind.machine_learning)
_T = TypeVar("_T")


# --- Tri-state facts that remember why they hold and which profile field is missing ---


@dataclass(frozen=True)
class Ask:
    subject: str  # the profile field, e.g. "processing.large_scale"
    what: Text  # completes "State in the profile ...", e.g. "whether it is large-scale"


@dataclass(frozen=True)
class Fact:
    value: Tri
    reasons: tuple[Text, ...] = ()  # explain the value
    missing: tuple[Ask, ...] = ()  # only while the value is None
    articles: tuple[Citation, ...] = ()

    @property
    def missing_fields(self) -> str:
        """The profile fields this open fact waits for, e.g. "processing.covert, data_fields"."""
        return ", ".join(a.subject for a in self.missing)


def unique(items: Iterable[_T]) -> tuple[_T, ...]:
    """The items without repeats, in first-seen order."""
    return tuple(dict.fromkeys(items))


def leaf(value: Tri, yes: Text, ask: Ask | None = None, *cites: Citation) -> Fact:
    """A fact read from one profile field."""
    missing = (ask,) if value is None and ask else ()
    return Fact(value, (yes,) if value is True else (), missing, cites)


def hint(value: Tri, yes: Text, *cites: Citation) -> Fact:
    """A fact that can only add weight: left empty, it simply does not count."""
    return leaf(value is True, yes, None, *cites)


def either(facts: Iterable[Fact]) -> Fact:
    """Met when any fact is met, not met when none can be."""
    return _combine(any_of, facts)


def both(facts: Iterable[Fact]) -> Fact:
    """Met when every fact is met, not met when any is not."""
    return _combine(all_of, facts)


def _combine(operator: Callable[[Iterable[Tri]], Tri], facts: Iterable[Fact]) -> Fact:
    facts = list(facts)
    value = operator(f.value for f in facts)
    # The facts that share the outcome explain it: the true ones for "met", the false ones
    # for "not met", the open ones (and what they miss) for "unknown".
    deciding = [f for f in facts if f.value is value]
    return Fact(
        value,
        unique(r for f in deciding for r in f.reasons),
        unique(a for f in deciding for a in f.missing),
        unique(a for f in deciding for a in f.articles),
    )


def ask_for(subject: str, nl: str, en: str) -> Ask:
    return Ask(subject, t(nl, en))


def ask_about_decision(decision: Decision, attribute: str, nl: str, en: str) -> Ask:
    d = decision.id
    return ask_for(f"decisions[{d}].{attribute}", f"{nl} (besluit '{d}')", f"{en} (decision '{d}')")


# The ``processing`` flags of the profile: what a true value means, and what to ask when
# the flag is empty.
FLAGS: dict[str, tuple[Text, Text]] = {
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


def flag(profile: AlgorithmProfile, field: str) -> Fact:
    """A ``processing`` flag; left empty, it is asked for."""
    yes, what = FLAGS[field]
    return leaf(getattr(profile.processing, field), yes, Ask(f"processing.{field}", what))


def flag_hint(profile: AlgorithmProfile, field: str) -> Fact:
    """A ``processing`` flag that can only add weight."""
    return hint(getattr(profile.processing, field), FLAGS[field][0])


NO_DECISIONS = Fact(
    None,
    (t("Het profiel noemt geen besluiten.", "The profile names no decisions."),),
    (ask_for("decisions", "welke besluiten over personen er zijn", "which decisions there are"),),
)


def per_decision(profile: AlgorithmProfile, fact_for: Callable[[Decision], Fact]) -> Fact:
    """Met when any decision meets it; without decisions the answer stays open."""
    if not profile.decisions:
        return NO_DECISIONS
    return either(fact_for(d) for d in profile.decisions)


# --- Facts shared by the criteria, the art. 35(3) cases and the Dutch list ---


def large_scale(profile: AlgorithmProfile) -> Fact:
    """WP248 crit. 5, from the declared flag or else from the head count (Sluis policy)."""
    declared, cite = profile.processing.large_scale, wp248("criterion 5")
    if declared is not None:
        yes = t(
            "Het profiel noemt de verwerking grootschalig.", "The profile calls it large-scale."
        )
        no = t("Het profiel noemt de verwerking kleinschalig.", "The profile calls it small-scale.")
        return Fact(declared, (yes if declared else no,), (), (cite,))
    total = profile.total_data_subjects()
    if total is not None and total >= LARGE_SCALE_FROM:
        reason = t(
            f"Het gaat om {total} mensen; vanaf {LARGE_SCALE_FROM} rekent Sluis dat grootschalig.",
            f"It concerns {total} people; Sluis counts {LARGE_SCALE_FROM} or more as large scale.",
        )
        return Fact(True, (reason,), (), (cite, LARGE_SCALE_POLICY))
    if total is not None and total < SMALL_SCALE_BELOW:
        reason = t(
            f"Het gaat om {total} mensen; onder {SMALL_SCALE_BELOW} is dat niet grootschalig.",
            f"It concerns {total} people; below {SMALL_SCALE_BELOW} that is not large scale.",
        )
        return Fact(False, (reason,), (), (cite, LARGE_SCALE_POLICY))
    reason = t(
        f"Aantal onbekend of tussen {SMALL_SCALE_BELOW} en {LARGE_SCALE_FROM} mensen.",
        f"Head count unknown or between {SMALL_SCALE_BELOW} and {LARGE_SCALE_FROM} people.",
    )
    ask = ask_for(
        "processing.large_scale",
        "of de verwerking grootschalig is, of hoeveel mensen elke groep telt",
        "whether the processing is large-scale, or how many people each group counts",
    )
    return Fact(None, (reason,), (ask,), (cite, LARGE_SCALE_POLICY))


def special_data(profile: AlgorithmProfile) -> Fact:
    """Art. 9 special categories or art. 10 criminal-offence data among the fields."""
    if not profile.data_fields:
        reason = t("Het profiel noemt geen gegevens.", "The profile lists no data fields.")
        ask = ask_for("data_fields", "welke gegevens worden verwerkt", "which data are processed")
        return Fact(None, (reason,), (ask,))
    names = ", ".join(f.name for f in profile.data_fields if f.special_category or f.criminal_data)
    if not names:
        reason = t(
            "Geen bijzondere (art. 9) of strafrechtelijke (art. 10) gegevens.",
            "No special-category (art. 9) or criminal-offence (art. 10) data.",
        )
        return Fact(False, (reason,))
    reason = t(f"Bijzondere of strafrechtelijke gegevens: {names}.", f"Art. 9/10 data: {names}.")
    return Fact(True, (reason,), (), (gdpr("9(1)"), gdpr("10")))


def model_kind(profile: AlgorithmProfile) -> Fact:
    """The algorithm is a statistical or machine-learning model rather than fixed rules."""
    kind = profile.technology.kind
    yes = t(
        "Het algoritme is een statistisch of zelflerend model dat mensen inschat.",
        "The algorithm is a statistical or machine-learning model that rates people.",
    )
    ask = ask_for(
        "technology.kind",
        "wat voor algoritme het is (regels, statistisch model, machine learning)",
        "what kind of algorithm it is (rules, statistical model, machine learning)",
    )
    return leaf(None if kind is None else kind in _MODELS, yes, ask)


def profiling(decision: Decision) -> Fact:
    """The decision rests on profiling (art. 4(4))."""
    d = decision.id
    yes = t(f"Besluit '{d}' berust op profilering.", f"Decision '{d}' rests on profiling.")
    ask = ask_about_decision(
        decision, "profiling", "of er wordt geprofileerd", "whether it profiles"
    )
    return leaf(decision.profiling, yes, ask, gdpr("4(4)"))


def scores_people(decision: Decision) -> Fact:
    """The decision rates people: by profiling, a risk selection or a (third-party) score."""
    d = decision.id
    risk = t(f"Besluit '{d}' selecteert op risico.", f"Decision '{d}' selects on risk.")
    score = t(f"Besluit '{d}' steunt op een score.", f"Decision '{d}' relies on a score.")
    return either(
        [
            profiling(decision),
            hint(decision.risk_selection, risk),
            hint(decision.third_party_score, score),
        ]
    )


def significant_effect(decision: Decision, value: Tri) -> Fact:
    """That the decision has legal or similarly significant effects, as the caller reads it."""
    d = decision.id
    yes = t(
        f"Besluit '{d}' heeft rechtsgevolgen of een vergelijkbaar ingrijpend effect.",
        f"Decision '{d}' has legal or similarly significant effects.",
    )
    ask = ask_about_decision(
        decision, "effect", "welk effect het besluit heeft", "what effect it has"
    )
    return leaf(value, yes, ask)
