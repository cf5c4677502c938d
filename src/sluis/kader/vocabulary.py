"""The Algoritmekader's vocabulary mapped onto Sluis's own: the ONE table.

Each front-matter key that classifies a requirement or measure (a *facet*) gets a name of
ours and a table from the framework's values to our values, with a label in Dutch and
English. Where the profile has an enum for the facet (lifecycle phase, AI Act role, risk
group, application type) our value is that enum's value, so the applicability rules can
compare a requirement with a profile directly. The yes/no facets use ``true``, ``false``
and ``not_applicable``.

A value missing from this table is kept as it was written and reported by the parser; it
never matches a profile, so it can only make a requirement apply less, never crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sluis.law.findings import Text, t
from sluis.profiles.model import AiActRiskGroup, AiActRole, AiApplicationType, LifecyclePhase


@dataclass(frozen=True)
class Term:
    """One value of a facet: ours, with its labels."""

    value: str
    label: Text


@dataclass(frozen=True)
class Facet:
    """A classifying front-matter key of the Algoritmekader."""

    name: str
    """Our name for the facet (the key used in ``KaderItem.facets``)."""
    source_key: str
    """The front-matter key in the Algoritmekader's files."""
    label: Text
    values: Mapping[str, Term]
    """The framework's values, mapped to ours."""
    ai_act: bool = False
    """Whether the facet classifies under the AI Act (see ``applicability``)."""

    def term(self, value: str) -> Term | None:
        """The term for one of *our* values."""
        return next((term for term in self.values.values() if term.value == value), None)

    def domain(self) -> frozenset[str]:
        """All our values of this facet."""
        return frozenset(term.value for term in self.values.values())


def _yes_no(yes: tuple[str, Text], no: tuple[str, Text]) -> dict[str, Term]:
    return {
        yes[0]: Term("true", yes[1]),
        no[0]: Term("false", no[1]),
        "niet-van-toepassing": Term("not_applicable", t("niet van toepassing", "not applicable")),
    }


LIFECYCLE = Facet(
    "lifecycle_phases",
    "levenscyclus",
    t("fase van de levenscyclus", "lifecycle phase"),
    {
        "organisatieverantwoordelijkheden": Term(
            LifecyclePhase.organisation.value,
            t("organisatieverantwoordelijkheden", "organisational responsibilities"),
        ),
        "probleemanalyse": Term(
            LifecyclePhase.problem_analysis.value, t("probleemanalyse", "problem analysis")
        ),
        "ontwerp": Term(LifecyclePhase.design.value, t("ontwerp", "design")),
        "dataverkenning-en-datapreparatie": Term(
            LifecyclePhase.data_preparation.value,
            t("dataverkenning en datapreparatie", "data exploration and preparation"),
        ),
        "ontwikkelen": Term(LifecyclePhase.development.value, t("ontwikkelen", "development")),
        "verificatie-en-validatie": Term(
            LifecyclePhase.verification_validation.value,
            t("verificatie en validatie", "verification and validation"),
        ),
        "implementatie": Term(
            LifecyclePhase.implementation.value, t("implementatie", "implementation")
        ),
        "monitoring-en-beheer": Term(
            LifecyclePhase.monitoring.value, t("monitoring en beheer", "monitoring and management")
        ),
        "uitfaseren": Term(
            LifecyclePhase.decommissioning.value, t("uitfaseren", "decommissioning")
        ),
    },
)

SUBJECTS = Facet(
    "subjects",
    "onderwerp",
    t("onderwerp", "subject"),
    {
        "governance": Term("governance", t("governance", "governance")),
        "menselijke-controle": Term("human_oversight", t("menselijke controle", "human oversight")),
        "transparantie": Term("transparency", t("transparantie", "transparency")),
        "fundamentele-rechten": Term(
            "fundamental_rights", t("fundamentele rechten", "fundamental rights")
        ),
        "bias-en-non-discriminatie": Term(
            "bias_and_non_discrimination",
            t("bias en non-discriminatie", "bias and non-discrimination"),
        ),
        "data": Term("data", t("data", "data")),
        "technische-robuustheid-en-veiligheid": Term(
            "technical_robustness_and_safety",
            t("technische robuustheid en veiligheid", "technical robustness and safety"),
        ),
        "privacy-en-gegevensbescherming": Term(
            "privacy_and_data_protection",
            t("privacy en gegevensbescherming", "privacy and data protection"),
        ),
        "publieke-inkoop": Term("public_procurement", t("publieke inkoop", "public procurement")),
        "duurzaamheid": Term("sustainability", t("duurzaamheid", "sustainability")),
    },
)

ROLES = Facet(
    "roles",
    "rollen",
    t("rol in de organisatie", "role in the organisation"),
    {
        "projectleider": Term("project_lead", t("projectleider", "project lead")),
        "beleid-en-advies": Term("policy_and_advice", t("beleid en advies", "policy and advice")),
        "ontwikkelaar": Term("developer", t("ontwikkelaar", "developer")),
        "jurist": Term("lawyer", t("jurist", "lawyer")),
    },
)

APPLICATION_TYPE = Facet(
    "ai_application_type",
    "soort-toepassing",
    t("soort toepassing", "type of application"),
    {
        "ai-systeem": Term(AiApplicationType.ai_system.value, t("AI-systeem", "AI system")),
        "ai-systeem-voor-algemene-doeleinden": Term(
            AiApplicationType.general_purpose_ai_system.value,
            t("AI-systeem voor algemene doeleinden", "general-purpose AI system"),
        ),
        "ai-model-voor-algemene-doeleinden": Term(
            AiApplicationType.general_purpose_ai_model.value,
            t("AI-model voor algemene doeleinden", "general-purpose AI model"),
        ),
    },
    ai_act=True,
)

RISK_GROUP = Facet(
    "ai_act_risk_group",
    "risicogroep",
    t("risicogroep (AI-verordening)", "risk group (AI Act)"),
    {
        "hoog-risico-ai-systeem": Term(
            AiActRiskGroup.high_risk.value, t("hoog-risico-AI-systeem", "high-risk AI system")
        ),
        "geen-hoog-risico-ai-systeem": Term(
            AiActRiskGroup.not_high_risk.value,
            t("geen hoog-risico-AI-systeem", "not a high-risk AI system"),
        ),
        "uitzondering-van-toepassing": Term(
            AiActRiskGroup.exception_applies.value,
            t("uitzondering van toepassing", "an exception applies"),
        ),
        "verboden-ai": Term(AiActRiskGroup.prohibited.value, t("verboden AI", "prohibited AI")),
        "niet-van-toepassing": Term(
            AiActRiskGroup.not_applicable.value, t("niet van toepassing", "not applicable")
        ),
    },
    ai_act=True,
)

AI_ACT_ROLE = Facet(
    "ai_act_role",
    "rol-ai-act",
    t("rol onder de AI-verordening", "role under the AI Act"),
    {
        "aanbieder": Term(AiActRole.provider.value, t("aanbieder", "provider")),
        "gebruiksverantwoordelijke": Term(
            AiActRole.deployer.value, t("gebruiksverantwoordelijke", "deployer")
        ),
        "importeur": Term(AiActRole.importer.value, t("importeur", "importer")),
        "distributeur": Term(AiActRole.distributor.value, t("distributeur", "distributor")),
    },
    ai_act=True,
)

TRANSPARENCY = Facet(
    "transparency_obligation",
    "transparantieverplichting",
    t(
        "transparantieverplichting (art. 50 AI-verordening)",
        "transparency obligation (AI Act art. 50)",
    ),
    _yes_no(
        ("transparantieverplichting", t("transparantieverplichting", "transparency obligation")),
        (
            "geen-transparantieverplichting",
            t("geen transparantieverplichting", "no transparency obligation"),
        ),
    ),
    ai_act=True,
)

SYSTEMIC_RISK = Facet(
    "systemic_risk",
    "systeemrisico",
    t("systeemrisico", "systemic risk"),
    _yes_no(
        ("systeemrisico", t("systeemrisico", "systemic risk")),
        ("geen-systeemrisico", t("geen systeemrisico", "no systemic risk")),
    ),
    ai_act=True,
)

OPEN_SOURCE = Facet(
    "open_source",
    "open-source",
    t("open source", "open source"),
    _yes_no(
        ("open-source", t("open source", "open source")),
        ("geen-open-source", t("geen open source", "not open source")),
    ),
    ai_act=True,
)

FACETS: tuple[Facet, ...] = (
    LIFECYCLE,
    SUBJECTS,
    ROLES,
    APPLICATION_TYPE,
    RISK_GROUP,
    AI_ACT_ROLE,
    TRANSPARENCY,
    SYSTEMIC_RISK,
    OPEN_SOURCE,
)
FACET_BY_KEY: dict[str, Facet] = {facet.source_key: facet for facet in FACETS}
FACET_BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}
AI_ACT_FACETS: tuple[Facet, ...] = tuple(facet for facet in FACETS if facet.ai_act)

#: Our key for the exceptions (``uitzondering``): conditions under which an item does not
#: apply, kept in the canonical syntax of ``sluis.kader.conditions``.
EXCEPTIONS = "exceptions"
EXCEPTIONS_SOURCE_KEY = "uitzondering"

#: Front-matter keys that carry no classification Sluis uses: page layout (``hide``), the
#: framework's cross-references to audit frameworks (``sources``/``bronnen``) and whether a
#: requirement is in force (``status_vereiste``; only two files set it, both "in force").
IGNORED_KEYS = frozenset({"hide", "sources", "bronnen", "status_vereiste"})


def value_label(facet_name: str, value: str, lang: str) -> str:
    """The label of one of our values, or the value itself when it is not in the table."""
    facet = FACET_BY_NAME.get(facet_name)
    term = facet.term(value) if facet else None
    return term.label.get(lang) if term else value


def facet_label(facet_name: str, lang: str) -> str:
    facet = FACET_BY_NAME.get(facet_name)
    return facet.label.get(lang) if facet else facet_name
