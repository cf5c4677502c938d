"""The sections of a DPIA: what GDPR art. 35(7) asks, in the order of the Dutch
government's Model DPIA Rijksdienst (Rapportagemodel 3.0), with the model's paragraphs each
section covers and the articles it rests on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sluis.law.citations import Citation, gdpr
from sluis.law.findings import Text, t


class SectionKey(StrEnum):
    description = "description"
    purposes = "purposes"
    personal_data = "personal_data"
    parties = "parties"
    legal_basis = "legal_basis"
    necessity = "necessity"
    rights = "rights"
    risks = "risks"
    measures = "measures"
    residual_risk = "residual_risk"
    dpo_advice = "dpo_advice"
    adoption = "adoption"


@dataclass(frozen=True)
class SectionSpec:
    number: int
    title: Text
    model_paragraphs: str  # the Model DPIA Rijksdienst paragraphs the section covers
    articles: tuple[Citation, ...]


SECTION_SPECS: dict[SectionKey, SectionSpec] = {
    SectionKey.description: SectionSpec(
        1,
        t("Beschrijving van de verwerking", "Description of the processing"),
        "1, 3, 4",
        (gdpr("35(7)(a)"),),
    ),
    SectionKey.purposes: SectionSpec(
        2, t("Doeleinden", "Purposes"), "5", (gdpr("35(7)(a)"), gdpr("5(1)(b)"))
    ),
    SectionKey.personal_data: SectionSpec(
        3,
        t("Persoonsgegevens en betrokkenen", "Personal data and data subjects"),
        "2, 3",
        (gdpr("35(7)(a)"),),
    ),
    SectionKey.parties: SectionSpec(
        4,
        t("Betrokken partijen", "Parties involved"),
        "6, 8",
        (gdpr("26"), gdpr("28"), gdpr("44")),
    ),
    SectionKey.legal_basis: SectionSpec(
        5, t("Rechtsgrond", "Legal basis"), "9, 11, 12", (gdpr("6(1)"), gdpr("9(2)"))
    ),
    SectionKey.necessity: SectionSpec(
        6,
        t("Noodzaak en evenredigheid", "Necessity and proportionality"),
        "10, 13, 14",
        (gdpr("35(7)(b)"), gdpr("5(1)(c)"), gdpr("5(1)(e)")),
    ),
    SectionKey.rights: SectionSpec(
        7,
        t("Rechten van betrokkenen", "Rights of the data subjects"),
        "15",
        (gdpr("12-22"),),
    ),
    SectionKey.risks: SectionSpec(
        8,
        t("Risico's voor betrokkenen", "Risks to the data subjects"),
        "16",
        (gdpr("35(7)(c)"),),
    ),
    SectionKey.measures: SectionSpec(
        9, t("Maatregelen", "Measures"), "17", (gdpr("35(7)(d)"), gdpr("32"))
    ),
    SectionKey.residual_risk: SectionSpec(
        10, t("Restrisico", "Residual risk"), "17.3", (gdpr("36(1)"),)
    ),
    SectionKey.dpo_advice: SectionSpec(
        11, t("Advies van de FG", "Advice of the DPO"), "19.5", (gdpr("35(2)"), gdpr("39(1)(c)"))
    ),
    SectionKey.adoption: SectionSpec(
        12, t("Vaststelling en ondertekening", "Adoption and sign-off"), "20", (gdpr("24(1)"),)
    ),
}

#: Sections written as text. Sections 11 and 12 consist of the DPO's advice and the
#: signatures themselves.
TEXT_SECTIONS: tuple[SectionKey, ...] = tuple(SectionKey)[:10]


def section_title(key: SectionKey, lang: str) -> str:
    spec = SECTION_SPECS[key]
    return f"{spec.number}. {spec.title.get(lang)}"
