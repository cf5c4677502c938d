"""Small helpers to write prefilled text in Dutch and English side by side, and the names
of the profile's values in both languages."""

from __future__ import annotations

from dataclasses import dataclass, field

from sluis.law.citations import Citation
from sluis.law.findings import Text, t
from sluis.profiles.model import (
    AlgorithmStatus,
    DataSource,
    Effect,
    HumanInvolvement,
    LegalBasis,
    SpecialCategory,
    TechnologyKind,
)


@dataclass
class Bilingual:
    """Lines of text in both languages, built together so they cannot drift apart."""

    nl: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)

    def add(self, nl: str, en: str) -> Bilingual:
        self.nl.append(nl)
        self.en.append(en)
        return self

    def add_text(self, text: Text, prefix: str = "") -> Bilingual:
        return self.add(prefix + text.nl, prefix + text.en)

    def blank(self) -> Bilingual:
        return self.add("", "")

    def open_point(self, nl: str, en: str) -> Bilingual:
        """Something the profile does not say and the author must fill in."""
        return self.add(f"[[{nl}]]", f"[[{en}]]")

    def text(self) -> Text:
        return t("\n".join(self.nl).strip(), "\n".join(self.en).strip())


def cited(articles: tuple[Citation, ...] | list[Citation]) -> Text:
    return t("; ".join(c.label("nl") for c in articles), "; ".join(c.label("en") for c in articles))


BASIS: dict[LegalBasis, Text] = {
    LegalBasis.consent: t("toestemming (art. 6 lid 1 onder a AVG)", "consent (GDPR art. 6(1)(a))"),
    LegalBasis.contract: t(
        "uitvoering van een overeenkomst (art. 6 lid 1 onder b AVG)",
        "performance of a contract (GDPR art. 6(1)(b))",
    ),
    LegalBasis.legal_obligation: t(
        "wettelijke verplichting (art. 6 lid 1 onder c AVG)",
        "legal obligation (GDPR art. 6(1)(c))",
    ),
    LegalBasis.vital_interests: t(
        "vitaal belang (art. 6 lid 1 onder d AVG)", "vital interests (GDPR art. 6(1)(d))"
    ),
    LegalBasis.public_task: t(
        "taak van algemeen belang of openbaar gezag (art. 6 lid 1 onder e AVG)",
        "public task or official authority (GDPR art. 6(1)(e))",
    ),
    LegalBasis.legitimate_interests: t(
        "gerechtvaardigd belang (art. 6 lid 1 onder f AVG)",
        "legitimate interests (GDPR art. 6(1)(f))",
    ),
}

SOURCE: dict[DataSource, Text] = {
    DataSource.data_subject: t("van de betrokkene zelf", "from the person themselves"),
    DataSource.controller_records: t("uit eigen administratie", "from own records"),
    DataSource.other_organisation: t("van een andere organisatie", "from another organisation"),
    DataSource.public_source: t("uit een openbare bron", "from a public source"),
    DataSource.derived: t("afgeleid", "derived"),
}

SPECIAL: dict[SpecialCategory, Text] = {
    SpecialCategory.racial_or_ethnic_origin: t(
        "ras of etnische afkomst", "racial or ethnic origin"
    ),
    SpecialCategory.political_opinions: t("politieke opvattingen", "political opinions"),
    SpecialCategory.religious_or_philosophical_beliefs: t(
        "godsdienst of levensovertuiging", "religious or philosophical beliefs"
    ),
    SpecialCategory.trade_union_membership: t("vakbondslidmaatschap", "trade union membership"),
    SpecialCategory.genetic: t("genetische gegevens", "genetic data"),
    SpecialCategory.biometric_identification: t(
        "biometrische gegevens voor identificatie", "biometric data for identification"
    ),
    SpecialCategory.health: t("gezondheid", "health"),
    SpecialCategory.sex_life_or_sexual_orientation: t(
        "seksueel gedrag of seksuele gerichtheid", "sex life or sexual orientation"
    ),
}

EFFECT: dict[Effect, Text] = {
    Effect.legal: t("rechtsgevolg", "legal effect"),
    Effect.similarly_significant: t("aanmerkelijk effect", "similarly significant effect"),
    Effect.none: t("geen aanmerkelijk effect", "no significant effect"),
}

HUMAN: dict[HumanInvolvement, Text] = {
    HumanInvolvement.none: t("geen menselijke tussenkomst", "no human involvement"),
    HumanInvolvement.token: t("symbolische menselijke tussenkomst", "token human involvement"),
    HumanInvolvement.meaningful: t(
        "betekenisvolle menselijke tussenkomst", "meaningful human involvement"
    ),
}

TECHNOLOGY: dict[TechnologyKind, Text] = {
    TechnologyKind.rules: t("regels (beslisregels)", "rules"),
    TechnologyKind.statistical_model: t("statistisch model", "statistical model"),
    TechnologyKind.machine_learning: t("machinelearningmodel", "machine-learning model"),
}

STATUS: dict[AlgorithmStatus, Text] = {
    AlgorithmStatus.in_development: t("in ontwikkeling", "in development"),
    AlgorithmStatus.in_use: t("in gebruik", "in use"),
    AlgorithmStatus.out_of_use: t("buiten gebruik", "out of use"),
}

UNKNOWN = t("onbekend", "unknown")


def name_of(mapping: dict, value: object) -> Text:  # type: ignore[type-arg]
    return mapping.get(value, UNKNOWN) if value is not None else UNKNOWN
