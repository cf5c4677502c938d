"""The GDPR art. 30(1) record of processing (verwerkingsregister), built from profiles.

Pure: no I/O. One :class:`Art30Entry` describes one algorithm (one profile version) with
every point art. 30(1)(a)-(g) asks, plus two extra columns a DPO finds useful (the art. 6
basis and whether art. 22 automated decision-making takes place). Facts the profile leaves
empty become :class:`Gap` values naming the profile field to fill in; nothing is made up.
An :class:`OrganisationRecord` holds the entries of one controller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from sluis.i18n import label
from sluis.law.citations import Citation, gdpr, uavg
from sluis.law.findings import Text, t
from sluis.law.results import Assessment
from sluis.profiles.model import AlgorithmProfile, LegalBasis

ART30_FORMAT = "sluis.art30/1"

# Controllers established here need no representative in the Union (art. 27 read with
# art. 3(2)); the EEA states apply the GDPR through the EEA Agreement.
# fmt: off
EEA_COUNTRIES = frozenset((
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI",
    "SK",
))
# fmt: on


class ColumnKind(StrEnum):
    source = "source"  # which profile (version) a row comes from
    art30 = "art30"  # asked by GDPR art. 30(1)
    extra = "extra"  # useful for a DPO; art. 30(1) does not ask for it


@dataclass(frozen=True)
class Column:
    key: str
    kind: ColumnKind
    point: str | None  # the letter of art. 30(1), for art30 columns
    articles: tuple[Citation, ...]

    def heading(self, lang: str) -> str:
        """The heading with its legal footing in view: "(name) [art. 30(1)(a)]" or
        "(name) [extra]", so a reader sees at once which columns the law asks for."""
        base = label(f"art30.col.{self.key}", lang)
        if self.kind is ColumnKind.art30:
            return f"{base} [art. 30(1)({self.point})]"
        if self.kind is ColumnKind.extra:
            return f"{base} [{label('art30.extra', lang)}]"
        return base


def _a(*more: Citation) -> tuple[Citation, ...]:
    return (gdpr("30(1)(a)"), *more)


COLUMNS: tuple[Column, ...] = (
    Column("algorithm", ColumnKind.source, None, ()),
    Column("profile_id", ColumnKind.source, None, ()),
    Column("version", ColumnKind.source, None, ()),
    Column("controller_name", ColumnKind.art30, "a", _a(gdpr("4(7)"))),
    Column("controller_contact", ColumnKind.art30, "a", _a()),
    Column("joint_controllers", ColumnKind.art30, "a", _a(gdpr("26"))),
    Column("representative", ColumnKind.art30, "a", _a(gdpr("27"))),
    Column("dpo_contact", ColumnKind.art30, "a", _a(gdpr("37(7)"))),
    Column("purposes", ColumnKind.art30, "b", (gdpr("30(1)(b)"), gdpr("5(1)(b)"))),
    Column("data_subjects", ColumnKind.art30, "c", (gdpr("30(1)(c)"),)),
    Column(
        "personal_data",
        ColumnKind.art30,
        "c",
        (gdpr("30(1)(c)"), gdpr("9(1)"), gdpr("10"), gdpr("87"), uavg("46")),
    ),
    Column("recipients", ColumnKind.art30, "d", (gdpr("30(1)(d)"), gdpr("4(9)"))),
    Column(
        "transfers", ColumnKind.art30, "e", (gdpr("30(1)(e)"), gdpr("45"), gdpr("46"), gdpr("49"))
    ),
    Column("erasure", ColumnKind.art30, "f", (gdpr("30(1)(f)"), gdpr("5(1)(e)"))),
    Column("security_measures", ColumnKind.art30, "g", (gdpr("30(1)(g)"), gdpr("32(1)"))),
    Column("legal_basis", ColumnKind.extra, None, (gdpr("6(1)"), gdpr("6(3)"))),
    Column("automated_decision", ColumnKind.extra, None, (gdpr("22"),)),
)
COLUMN = {c.key: c for c in COLUMNS}
_ORDER = {c.key: i for i, c in enumerate(COLUMNS)}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Gap(_Frozen):
    """A fact the record needs that the profile leaves empty."""

    column: str
    profile_path: str
    reason: Text
    point: str | None = None  # the art. 30(1) point, None for an extra column


class ControllerDetails(_Frozen):
    name: str
    country: str
    contact: str | None
    joint_controllers: tuple[str, ...]
    representative: str | None
    representative_needed: bool
    dpo_contact: str | None


class SubjectCategory(_Frozen):
    category: str
    count: int | None
    vulnerable: bool | None


class DataCategory(_Frozen):
    """The fields of one data category, with the flags the law treats apart."""

    category: str
    fields: tuple[str, ...]
    special_categories: tuple[str, ...]  # art. 9(1), with the art. 9(2) point when given
    art9_exceptions: tuple[str, ...]
    criminal_data: bool  # art. 10
    national_id: bool  # art. 87, UAVG art. 46


class ErasureLimit(_Frozen):
    data_category: str
    months: int | None  # None: the category has data but no time limit
    justification: str | None


class LegalBasisSummary(_Frozen):
    article6: LegalBasis | None
    law: str | None


class AutomatedDecision(_Frozen):
    """The art. 22 outcome of the assessment, summarised for the record."""

    applies: bool | None
    verdict: str
    exception: str | None
    engine_version: str


class Art30Entry(_Frozen):
    profile_id: str
    name: str
    version: int | None
    saved_at: datetime | None
    controller: ControllerDetails
    purposes: tuple[str, ...]
    data_subjects: tuple[SubjectCategory, ...]
    personal_data: tuple[DataCategory, ...]
    recipients: tuple[str, ...]
    transfers: tuple[str, ...]
    transfer_note: Text | None
    erasure: tuple[ErasureLimit, ...]
    security_measures: tuple[str, ...]
    legal_basis: LegalBasisSummary
    automated_decision: AutomatedDecision | None
    gaps: tuple[Gap, ...]

    def gaps_for(self, column: str) -> tuple[Gap, ...]:
        return tuple(g for g in self.gaps if g.column == column)


@dataclass(frozen=True)
class OrganisationRecord:
    """The record of one controller: one entry per algorithm."""

    controller: str
    entries: tuple[Art30Entry, ...]
    generated_at: datetime

    @property
    def gap_count(self) -> int:
        return sum(len(e.gaps) for e in self.entries)


TRANSFER_NOTE = t(
    "Doorgifte buiten de EER mag alleen met een adequaatheidsbesluit (art. 45), passende "
    "waarborgen zoals modelcontractbepalingen (art. 46) of, bij uitzondering, een grond uit "
    "art. 49. Leg vast welke geldt; bij doorgifte op grond van art. 49(1) tweede alinea "
    "hoort de documentatie van de waarborgen in dit register (art. 30(1)(e)).",
    "A transfer outside the EEA needs an adequacy decision (art. 45), appropriate safeguards "
    "such as standard contractual clauses (art. 46) or, as an exception, a ground of art. 49. "
    "Record which one applies; for a transfer under the second subparagraph of art. 49(1) "
    "the documented safeguards belong in this record (art. 30(1)(e)).",
)


def build_entry(
    profile: AlgorithmProfile,
    version: int | None = None,
    *,
    assessment: Assessment | None = None,
    saved_at: datetime | None = None,
) -> Art30Entry:
    """The art. 30 entry of one profile (version). With ``assessment`` (of this profile),
    the automated-decision column is filled from its art. 22 result."""
    if assessment is not None and assessment.profile.id != profile.id:
        raise ValueError(f"assessment is of profile {assessment.profile.id!r}, not {profile.id!r}")
    c = profile.controller
    processing = profile.processing
    return Art30Entry(
        profile_id=profile.id,
        name=profile.name,
        version=version,
        saved_at=saved_at,
        controller=ControllerDetails(
            name=c.name,
            country=c.country,
            contact=c.contact,
            joint_controllers=tuple(c.joint_controllers),
            representative=c.representative,
            representative_needed=c.country not in EEA_COUNTRIES,
            dpo_contact=c.dpo_contact,
        ),
        purposes=tuple(profile.purposes),
        data_subjects=tuple(
            SubjectCategory(category=g.category, count=g.count, vulnerable=g.vulnerable)
            for g in profile.data_subjects
        ),
        personal_data=_data_categories(profile),
        recipients=tuple(processing.recipients),
        transfers=tuple(processing.third_country_transfers),
        transfer_note=TRANSFER_NOTE if processing.third_country_transfers else None,
        erasure=_erasure(profile),
        security_measures=tuple(processing.security_measures),
        legal_basis=LegalBasisSummary(
            article6=profile.legal_basis.article6, law=profile.legal_basis.law
        ),
        automated_decision=_automated_decision(assessment),
        gaps=tuple(sorted(_gaps(profile, assessment), key=lambda g: _ORDER[g.column])),
    )


def group_by_controller(
    entries: Iterable[Art30Entry], generated_at: datetime
) -> list[OrganisationRecord]:
    """One record per controller, controllers and entries in a stable, readable order.

    Controller names are compared without case and extra spaces, so "Gemeente X" and
    "gemeente  X" end up in one record (under the name seen first, by profile id)."""
    groups: dict[str, list[Art30Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.profile_id):
        groups.setdefault(controller_key(entry.controller.name), []).append(entry)
    records = [
        OrganisationRecord(
            controller=group[0].controller.name,
            entries=tuple(sorted(group, key=lambda e: (e.name.casefold(), e.profile_id))),
            generated_at=generated_at,
        )
        for group in groups.values()
    ]
    return sorted(records, key=lambda r: r.controller.casefold())


def controller_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _data_categories(profile: AlgorithmProfile) -> tuple[DataCategory, ...]:
    order: list[str] = []
    for f in profile.data_fields:
        if f.category not in order:
            order.append(f.category)
    groups = []
    for category in order:
        fields = [f for f in profile.data_fields if f.category == category]
        groups.append(
            DataCategory(
                category=category,
                fields=tuple(f.name for f in fields),
                special_categories=_unique(
                    f.special_category.value for f in fields if f.special_category
                ),
                art9_exceptions=_unique(f.art9_exception.value for f in fields if f.art9_exception),
                criminal_data=any(f.criminal_data for f in fields),
                national_id=any(f.national_id for f in fields),
            )
        )
    return tuple(groups)


def _erasure(profile: AlgorithmProfile) -> tuple[ErasureLimit, ...]:
    """Every retention period declared, then every data category that has none."""
    limits = [
        ErasureLimit(data_category=r.data_category, months=r.months, justification=r.justification)
        for r in profile.retention
    ]
    declared = {r.data_category for r in profile.retention}
    limits += [
        ErasureLimit(data_category=category, months=None, justification=None)
        for category in _unique(f.category for f in profile.data_fields)
        if category not in declared
    ]
    return tuple(limits)


def _automated_decision(assessment: Assessment | None) -> AutomatedDecision | None:
    if assessment is None:
        return None
    art22 = assessment.art22
    return AutomatedDecision(
        applies=art22.applies,
        verdict=art22.verdict.value,
        exception=art22.exception.value if art22.exception else None,
        engine_version=assessment.engine_version,
    )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _gap(column: str, path: str, nl: str, en: str) -> Gap:
    return Gap(column=column, profile_path=path, reason=t(nl, en), point=COLUMN[column].point)


def _gaps(profile: AlgorithmProfile, assessment: Assessment | None) -> Iterable[Gap]:
    yield from _controller_gaps(profile)
    yield from _content_gaps(profile)
    yield from _erasure_gaps(profile)
    yield from _extra_gaps(profile, assessment)


def _controller_gaps(profile: AlgorithmProfile) -> Iterable[Gap]:
    c = profile.controller
    if c.contact is None:
        yield _gap(
            "controller_contact",
            "controller.contact",
            "Vul de contactgegevens van de verwerkingsverantwoordelijke in (postadres, "
            "e-mailadres of telefoonnummer).",
            "Give the controller's contact details (postal address, e-mail or phone).",
        )
    if c.dpo_contact is None:
        yield _gap(
            "dpo_contact",
            "controller.dpo_contact",
            "Vul de contactgegevens van de functionaris gegevensbescherming (FG) in. Een "
            "overheidsorgaan moet een FG hebben (art. 37(1)(a)); anderen als art. 37(1) dat "
            "eist.",
            "Give the contact details of the data protection officer. A public body must have "
            "one (art. 37(1)(a)); others when art. 37(1) requires it.",
        )
    if c.country not in EEA_COUNTRIES and c.representative is None:
        yield _gap(
            "representative",
            "controller.representative",
            f"De verwerkingsverantwoordelijke is buiten de EER gevestigd ({c.country}); "
            "noem de vertegenwoordiger in de Unie (art. 27).",
            f"The controller is established outside the EEA ({c.country}); name its "
            "representative in the Union (art. 27).",
        )


# (column, profile path, the list that must not be empty, what to fill in: nl, en)
_REQUIRED_LISTS: tuple[tuple[str, str, Callable[[AlgorithmProfile], list[Any]], str, str], ...] = (
    (
        "purposes",
        "purposes",
        lambda p: p.purposes,
        "Beschrijf voor welke doeleinden de gegevens worden verwerkt.",
        "Describe the purposes the data are processed for.",
    ),
    (
        "data_subjects",
        "data_subjects",
        lambda p: p.data_subjects,
        "Noem over welke groepen mensen gegevens worden verwerkt.",
        "Name the groups of people whose data are processed.",
    ),
    (
        "personal_data",
        "data_fields",
        lambda p: p.data_fields,
        "Noem de persoonsgegevens die worden verwerkt, elk met zijn categorie.",
        "List the personal data processed, each with its category.",
    ),
    (
        "recipients",
        "processing.recipients",
        lambda p: p.processing.recipients,
        "Noem aan wie de gegevens worden verstrekt, ook interne afdelingen en verwerkers.",
        "Name who receives the data, internal departments and processors included.",
    ),
    (
        "security_measures",
        "processing.security_measures",
        lambda p: p.processing.security_measures,
        "Beschrijf in het kort de technische en organisatorische beveiligingsmaatregelen "
        "(art. 32(1)).",
        "Describe the technical and organisational security measures in general terms "
        "(art. 32(1)).",
    ),
)


def _content_gaps(profile: AlgorithmProfile) -> Iterable[Gap]:
    for column, path, values, nl, en in _REQUIRED_LISTS:
        if not values(profile):
            yield _gap(column, path, nl, en)


def _erasure_gaps(profile: AlgorithmProfile) -> Iterable[Gap]:
    declared = {r.data_category for r in profile.retention}
    categories = _unique(f.category for f in profile.data_fields)
    if not categories and not profile.retention:
        yield _gap(
            "erasure",
            "retention",
            "Leg per categorie persoonsgegevens vast wanneer de gegevens worden gewist.",
            "Record for each category of personal data when the data are erased.",
        )
    for category in categories:
        if category not in declared:
            yield _gap(
                "erasure",
                "retention",
                f"Leg vast na hoeveel maanden gegevens van categorie '{category}' worden gewist.",
                f"Record after how many months data of category '{category}' are erased.",
            )


def _extra_gaps(profile: AlgorithmProfile, assessment: Assessment | None) -> Iterable[Gap]:
    basis = profile.legal_basis
    if basis.article6 is None:
        yield _gap(
            "legal_basis",
            "legal_basis.article6",
            "Kies de grondslag van art. 6(1) waarop de verwerking rust.",
            "Choose the art. 6(1) basis the processing rests on.",
        )
    elif basis.law is None and basis.article6 in (
        LegalBasis.legal_obligation,
        LegalBasis.public_task,
    ):
        yield _gap(
            "legal_basis",
            "legal_basis.law",
            "Noem de wettelijke bepaling waarin de plicht of taak is vastgelegd (art. 6(3)).",
            "Name the statutory provision that lays down the obligation or task (art. 6(3)).",
        )
    if assessment is not None and assessment.art22.applies is None:
        if not profile.decisions:
            nl = "Beschrijf de besluiten waaraan het algoritme bijdraagt, zodat art. 22 te "
            nl += "beoordelen is."
            en = "Describe the decisions the algorithm takes part in, so art. 22 can be assessed."
        else:
            nl = "Of art. 22 geldt is nog niet vast te stellen: beantwoord de open vragen van "
            nl += "de beoordeling over de besluiten."
            en = "Whether art. 22 applies cannot be settled yet: answer the assessment's open "
            en += "questions about the decisions."
        yield _gap("automated_decision", "decisions", nl, en)
