"""The privacy notice of one algorithm: the information of GDPR art. 13 and 14, made from
its profile and assessment. Pure.

It tells people who is responsible and how to reach them and the DPO (art. 13(1)(a)-(b)),
the purposes and the legal basis (13(1)(c)), the kinds of data and where they come from
(14(1)(d), 14(2)(f)), the recipients and transfers outside the EU (13(1)(e)-(f)), how long
the data are kept (13(2)(a)), the automated decisions with their logic, significance and
consequences (13(2)(f), 14(2)(g)), the rights (13(2)(b)-(c)) and the right to complain
(13(2)(d)). Unknown facts are said to be unknown, never invented.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sluis.i18n import translator
from sluis.law.citations import Citation, awb, gdpr
from sluis.law.results import Assessment, DecisionArt22
from sluis.notices.formatting import humanise
from sluis.notices.notice import contact_items, logic_paragraphs, source_label
from sluis.notices.readability import ReadabilityReport, check_sections
from sluis.notices.rights import Organisation, Right, data_rights, organisation_of
from sluis.notices.sections import Item, Section, Table
from sluis.profiles.model import (
    AlgorithmProfile,
    DataField,
    Decision,
    HumanInvolvement,
    LegalBasis,
    NoticeSettings,
)

PRIVACY_NOTICE_FORMAT = "sluis.privacy_notice/1"

_BASIS_POINT = {
    LegalBasis.consent: "6(1)(a)",
    LegalBasis.contract: "6(1)(b)",
    LegalBasis.legal_obligation: "6(1)(c)",
    LegalBasis.vital_interests: "6(1)(d)",
    LegalBasis.public_task: "6(1)(e)",
    LegalBasis.legitimate_interests: "6(1)(f)",
}


@dataclass(frozen=True)
class DataCategory:
    category: str
    fields: tuple[str, ...]
    sources: tuple[str, ...]
    retention_months: int | None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "fields": list(self.fields),
            "sources": list(self.sources),
            "retention_months": self.retention_months,
        }


@dataclass(frozen=True)
class AutomatedDecision:
    decision_id: str
    description: str
    mode: str
    art22_applies: bool | None
    significance: str
    outcomes: tuple[str, ...]
    logic: tuple[str, ...]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "decision_id": self.decision_id,
            "description": self.description,
            "mode": self.mode,
            "art22_applies": self.art22_applies,
            "significance": self.significance,
            "outcomes": list(self.outcomes),
            "logic": list(self.logic),
        }


@dataclass(frozen=True)
class PrivacyNotice:
    lang: str
    title: str
    profile_id: str
    profile_version: int | None
    generated_on: date
    organisation: Organisation
    purposes: tuple[str, ...]
    legal_basis: str | None
    law: str | None
    categories: tuple[DataCategory, ...]
    recipients: tuple[str, ...]
    transfers: tuple[str, ...]
    automated: tuple[AutomatedDecision, ...]
    rights: tuple[Right, ...]
    sections: tuple[Section, ...]
    readability: ReadabilityReport

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def provenance(self) -> str:
        return translator(self.lang)("notices.privacy.provenance").format(
            profile=self.profile_id, version=self.profile_version or "-"
        )

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "format": PRIVACY_NOTICE_FORMAT,
            "lang": self.lang,
            "title": self.title,
            "profile_id": self.profile_id,
            "profile_version": self.profile_version,
            "generated_on": self.generated_on.isoformat(),
            "organisation": self.organisation.to_json_dict(),
            "purposes": list(self.purposes),
            "legal_basis": {"article6": self.legal_basis, "law": self.law},
            "categories": [c.to_json_dict() for c in self.categories],
            "recipients": list(self.recipients),
            "third_country_transfers": list(self.transfers),
            "automated_decisions": [a.to_json_dict() for a in self.automated],
            "rights": [r.to_json_dict(self.lang) for r in self.rights],
            "sections": [s.to_json_dict() for s in self.sections],
            "readability": self.readability.to_json_dict(),
            "provenance": self.provenance(),
        }


def build_privacy_notice(
    profile: AlgorithmProfile,
    assessment: Assessment,
    lang: str,
    *,
    today: date,
    version: int | None = None,
    settings: NoticeSettings | None = None,
) -> PrivacyNotice:
    _ = translator(lang)
    chosen = settings or profile.notice or NoticeSettings()
    organisation = organisation_of(profile, chosen, lang)
    categories = _categories(profile, chosen, lang)
    automated = tuple(
        _automated(profile, d, _art22_of(assessment, d.id), chosen, lang) for d in profile.decisions
    )
    rights = data_rights(profile, organisation, lang) + _adm_rights(
        profile, organisation, automated, lang
    )
    sections = [
        _who(profile, organisation, lang),
        _purposes(profile, lang),
        _basis(profile, lang),
        _data(profile, categories, lang),
        _recipients(profile, lang),
    ]
    if automated:
        sections.append(_automated_section(automated, lang))
    sections += [_rights(organisation, rights, lang), _complaint(organisation, lang)]
    extra = chosen.extra.get(lang) if chosen.extra else None
    if extra:
        sections.append(Section("extra", _("notices.privacy.extra.title"), paragraphs=(extra,)))
    return PrivacyNotice(
        lang=lang,
        title=_("notices.privacy.title").format(algorithm=profile.name),
        profile_id=profile.id,
        profile_version=version,
        generated_on=today,
        organisation=organisation,
        purposes=tuple(profile.purposes),
        legal_basis=profile.legal_basis.article6.value if profile.legal_basis.article6 else None,
        law=profile.legal_basis.law,
        categories=categories,
        recipients=tuple(profile.processing.recipients),
        transfers=tuple(profile.processing.third_country_transfers),
        automated=automated,
        rights=rights,
        sections=tuple(sections),
        readability=check_sections(sections, lang),
    )


def _cite(lang: str, *citations: Citation) -> tuple[str, ...]:
    return tuple(c.label(lang) for c in citations)


def _art22_of(assessment: Assessment, decision_id: str) -> DecisionArt22 | None:
    return next((d for d in assessment.art22.decisions if d.decision_id == decision_id), None)


def _field_label(settings: NoticeSettings, field: DataField, lang: str) -> str:
    wording = settings.field_labels.get(field.name)
    return (wording.get(lang) if wording else None) or humanise(field.name)


def _categories(
    profile: AlgorithmProfile, settings: NoticeSettings, lang: str
) -> tuple[DataCategory, ...]:
    grouped: dict[str, list[DataField]] = defaultdict(list)
    for f in profile.data_fields:
        grouped[f.category].append(f)
    retention = {r.data_category: r.months for r in profile.retention}
    return tuple(
        DataCategory(
            category=category,
            fields=tuple(_field_label(settings, f, lang) for f in fields),
            sources=tuple(dict.fromkeys(source_label(f, lang) for f in fields)),
            retention_months=retention.get(category),
        )
        for category, fields in grouped.items()
    )


def _who(profile: AlgorithmProfile, organisation: Organisation, lang: str) -> Section:
    _ = translator(lang)
    return Section(
        "who",
        _("notices.privacy.who.title"),
        paragraphs=(
            _("notices.privacy.intro").format(algorithm=profile.name),
            _("notices.privacy.who.text").format(organisation=organisation.name),
        ),
        items=contact_items(organisation, lang),
        citations=_cite(lang, gdpr("13(1)(a)"), gdpr("13(1)(b)")),
    )


def _purposes(profile: AlgorithmProfile, lang: str) -> Section:
    _ = translator(lang)
    items = tuple(Item(p) for p in profile.purposes)
    return Section(
        "purposes",
        _("notices.privacy.purposes.title"),
        paragraphs=() if items else (_("notices.privacy.purposes.none"),),
        items=items,
        citations=_cite(lang, gdpr("13(1)(c)")),
    )


def _basis(profile: AlgorithmProfile, lang: str) -> Section:
    _ = translator(lang)
    basis = profile.legal_basis.article6
    paragraphs = [_(f"notices.privacy.basis.{basis.value if basis else 'unknown'}")]
    if profile.legal_basis.law:
        paragraphs.append(
            _("notices.privacy.basis.law").format(law=profile.legal_basis.law.rstrip("."))
        )
    citations = (gdpr(_BASIS_POINT[basis]),) if basis else (gdpr("13(1)(c)"),)
    return Section(
        "basis",
        _("notices.privacy.basis.title"),
        paragraphs=tuple(paragraphs),
        citations=_cite(lang, *citations),
    )


def _data(profile: AlgorithmProfile, categories: tuple[DataCategory, ...], lang: str) -> Section:
    _ = translator(lang)
    unknown = _("notices.privacy.retention.unknown")
    table = Table(
        columns=(
            _("notices.privacy.data.column.category"),
            _("notices.privacy.data.column.fields"),
            _("notices.privacy.data.column.source"),
            _("notices.privacy.data.column.retention"),
        ),
        rows=tuple(
            (
                humanise(c.category),
                ", ".join(c.fields),
                ", ".join(c.sources),
                _("notices.privacy.retention.months").format(months=c.retention_months)
                if c.retention_months is not None
                else unknown,
            )
            for c in categories
        ),
    )
    after = []
    if any(f.special_category for f in profile.data_fields):
        after.append(_("notices.privacy.data.special"))
    if any(f.source is not None and f.source.value != "data_subject" for f in profile.data_fields):
        after.append(_("notices.privacy.data.sources"))
    return Section(
        "data",
        _("notices.privacy.data.title"),
        table=table,
        after=tuple(after),
        citations=_cite(lang, gdpr("14(1)(d)"), gdpr("14(2)(f)"), gdpr("13(2)(a)")),
    )


def _recipients(profile: AlgorithmProfile, lang: str) -> Section:
    _ = translator(lang)
    recipients = profile.processing.recipients
    paragraphs = [
        _("notices.privacy.recipients.intro" if recipients else "notices.privacy.recipients.none")
    ]
    after = []
    if profile.processing.third_country_transfers:
        countries = ", ".join(profile.processing.third_country_transfers)
        after.append(_("notices.privacy.transfers").format(countries=countries))
    return Section(
        "recipients",
        _("notices.privacy.recipients.title"),
        paragraphs=tuple(paragraphs),
        items=tuple(Item(r) for r in recipients),
        after=tuple(after),
        citations=_cite(lang, gdpr("13(1)(e)"), gdpr("13(1)(f)")),
    )


def _automated(
    profile: AlgorithmProfile,
    decision: Decision,
    art22: DecisionArt22 | None,
    settings: NoticeSettings,
    lang: str,
) -> AutomatedDecision:
    _ = translator(lang)
    if decision.risk_selection:
        mode = "selection"
    elif decision.human_involvement is HumanInvolvement.meaningful:
        mode = "human"
    else:
        mode = "solely"
    significance = (
        _(f"notices.privacy.automated.significance.{decision.effect.value}")
        if decision.effect
        else ""
    )
    outcomes = []
    for o in decision.outcomes:
        wording = settings.outcomes.get(o.value)
        configured = wording.label.get(lang) if wording and wording.label else None
        outcomes.append(configured or o.description or o.value)
    return AutomatedDecision(
        decision_id=decision.id,
        description=decision.description,
        mode=mode,
        art22_applies=art22.applies if art22 else None,
        significance=significance,
        outcomes=tuple(outcomes),
        logic=tuple(logic_paragraphs(profile, decision, settings, lang)),
    )


def _automated_section(automated: tuple[AutomatedDecision, ...], lang: str) -> Section:
    _ = translator(lang)
    items = []
    for a in automated:
        parts = [a.description.rstrip(".") + ".", _(f"notices.privacy.automated.{a.mode}")]
        if a.significance:
            parts.append(a.significance)
        if a.outcomes:
            parts.append(
                _("notices.privacy.automated.outcomes").format(outcomes=", ".join(a.outcomes))
            )
        items.append(Item(" ".join(parts), key=a.decision_id))
    logic = list(dict.fromkeys(p for a in automated for p in a.logic))
    return Section(
        "automated",
        _("notices.privacy.automated.title"),
        paragraphs=(_("notices.privacy.automated.intro"),),
        items=tuple(items),
        after=(*logic, _("notices.privacy.automated.explain")),
        citations=_cite(lang, gdpr("13(2)(f)"), gdpr("14(2)(g)"), gdpr("22")),
    )


def _adm_rights(
    profile: AlgorithmProfile,
    organisation: Organisation,
    automated: tuple[AutomatedDecision, ...],
    lang: str,
) -> tuple[Right, ...]:
    """The art. 22(3) rights, where a decision is taken by the program alone."""
    if not any(a.mode == "solely" and a.art22_applies is not False for a in automated):
        return ()
    _ = translator(lang)
    contest: tuple[str, Citation] = (
        ("contest_objection", awb("6:4"))
        if organisation.administrative_body
        else ("contest", gdpr("22(3)"))
    )
    return (
        Right("human_intervention", _("notices.right.human_intervention"), gdpr("22(3)"), None),
        Right("express_view", _("notices.right.express_view"), gdpr("22(3)"), None),
        Right("contest", _(f"notices.right.{contest[0]}"), contest[1], None),
    )


def _rights(organisation: Organisation, rights: tuple[Right, ...], lang: str) -> Section:
    _ = translator(lang)
    after = []
    if organisation.portal_url:
        after.append(_("notices.privacy.rights.portal").format(url=organisation.portal_url))
    after.append(_("notices.rights.answer"))
    return Section(
        "rights",
        _("notices.rights.title"),
        paragraphs=(_("notices.privacy.rights.intro"),),
        items=tuple(Item(r.text, citation=r.citation.label(lang), key=r.key) for r in rights),
        after=tuple(after),
        citations=_cite(lang, gdpr("13(2)(b)"), gdpr("13(2)(c)")),
    )


def _complaint(organisation: Organisation, lang: str) -> Section:
    _ = translator(lang)
    paragraphs = [_("notices.complaint.text").format(authority=organisation.authority)]
    if organisation.authority_url:
        paragraphs.append(_("notices.complaint.link").format(url=organisation.authority_url))
    return Section(
        "complaint",
        _("notices.complaint.title"),
        paragraphs=tuple(paragraphs),
        citations=_cite(lang, gdpr("13(2)(d)"), gdpr("77")),
    )


__all__ = ["PRIVACY_NOTICE_FORMAT", "PrivacyNotice", "build_privacy_notice"]
