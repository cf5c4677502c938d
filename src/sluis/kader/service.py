"""The Algoritmekader use-cases behind the web pages, the JSON API and the CLI.

Each function takes a session factory (the storage interface), runs in one transaction per
write and returns plain frozen values. Importing lives in ``importing``, evidence files in
``evidence``; this module builds a profile's checklist and records measure statuses, and
re-exports the rest so the adapters have one entry point.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored
from sluis.kader.applicability import (
    Applicability,
    applicable_measures,
    applicable_requirements,
)
from sluis.kader.assessment_links import AssessmentLink, assessment_links
from sluis.kader.evidence import MAX_EVIDENCE_BYTES, add_evidence, evidence_file, list_evidence
from sluis.kader.importing import (
    current_items,
    import_folder,
    latest_import,
    list_imports,
    list_items,
)
from sluis.kader.parsing import KaderItem
from sluis.kader.records import (
    PERSON_LIMIT,
    TEXT_LIMIT,
    EvidenceInfo,
    EvidenceNotFound,
    ImportReport,
    ImportSummary,
    KaderFolderInvalid,
    KaderInputInvalid,
    MeasureState,
    MeasureStatus,
    applicable_measure,
    check_length,
    load_items,
    status_from_row,
)
from sluis.profiles.service import get_profile
from sluis.profiles.validation import FieldError
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables import utcnow
from sluis.store.tables.kader import KaderImportRow, MeasureStatusRow

Sessions = sessionmaker[Session]


@dataclass(frozen=True)
class MeasureEntry:
    item: KaderItem
    applicability: Applicability
    status: MeasureStatus
    evidence: tuple[EvidenceInfo, ...] = ()


@dataclass(frozen=True)
class RequirementEntry:
    item: KaderItem
    applicability: Applicability
    link: AssessmentLink | None
    measures: tuple[MeasureEntry, ...] = ()


@dataclass(frozen=True)
class Checklist:
    """The Algoritmekader checklist of one profile (its latest version)."""

    profile_id: str
    profile_name: str
    version: int
    kader_import: ImportSummary | None
    requirements: tuple[RequirementEntry, ...]
    """The requirements that apply, each with its applicable measures."""
    excluded: tuple[RequirementEntry, ...]
    """The requirements that do not apply, with the reasons why."""
    general_measures: tuple[MeasureEntry, ...]
    """Applicable measures that serve no requirement."""
    stale: tuple[MeasureStatus, ...]
    """Statuses kept for measures that no longer apply or were removed from the framework."""
    counts: dict[str, int] = field(default_factory=dict)
    """Applicable measures per status (each measure once), and ``total``."""

    def measures(self) -> list[MeasureEntry]:
        """Every applicable measure once, in URN order."""
        unique = {m.item.urn: m for r in self.requirements for m in r.measures}
        unique.update({m.item.urn: m for m in self.general_measures})
        return [unique[urn] for urn in sorted(unique)]


def checklist_for(sessions: Sessions, profile_id: str) -> Checklist:
    """The checklist of a profile's latest version; raises ``ProfileNotFound``."""
    stored, assessment = assess_stored(sessions, profile_id)
    with sessions.begin() as session:
        items = load_items(session)
        statuses = _statuses(session, stored.profile_id)
        evidence = list_evidence(session, stored.profile_id)
        has_import = session.scalar(select(KaderImportRow.id).limit(1)) is not None
    kader_import = latest_import(sessions) if has_import else None
    profile = stored.profile
    requirements = applicable_requirements(profile, items)
    measures = applicable_measures(profile, items, requirements)
    by_urn = {i.urn: i for i in items}
    entries = {
        m.urn: MeasureEntry(
            item=by_urn[m.urn],
            applicability=m,
            status=statuses.get(m.urn, MeasureStatus(m.urn, MeasureState.todo)),
            evidence=tuple(e for e in evidence if e.measure_urn == m.urn),
        )
        for m in measures
        if m.applies
    }
    links = assessment_links((r.code for r in requirements if r.applies), assessment, profile)

    def requirement(r: Applicability) -> RequirementEntry:
        served = tuple(e for e in entries.values() if r.code in e.applicability.requirement_codes)
        return RequirementEntry(by_urn[r.urn], r, links.get(r.code), served if r.applies else ())

    general = tuple(e for e in entries.values() if not e.item.requirement_codes)
    counts = Counter(e.status.status.value for e in entries.values())
    return Checklist(
        profile_id=stored.profile_id,
        profile_name=stored.name,
        version=stored.version,
        kader_import=kader_import,
        requirements=tuple(requirement(r) for r in requirements if r.applies),
        excluded=tuple(requirement(r) for r in requirements if not r.applies),
        general_measures=general,
        stale=tuple(s for urn, s in sorted(statuses.items()) if urn not in entries),
        counts={**{s.value: counts.get(s.value, 0) for s in MeasureState}, "total": len(entries)},
    )


def _statuses(session: Session, profile_id: str) -> dict[str, MeasureStatus]:
    rows = session.scalars(
        select(MeasureStatusRow).where(MeasureStatusRow.profile_id == profile_id)
    )
    return {row.measure_urn: status_from_row(row) for row in rows}


def set_measure_status(
    sessions: Sessions,
    profile_id: str,
    measure_urn: str,
    status: str,
    reason: str | None = None,
    owner: str | None = None,
    notes: str | None = None,
    by: str | None = None,
) -> MeasureStatus:
    """Record a profile's status on a measure that applies to it.

    ``reason``, ``owner`` and ``notes`` left ``None`` keep their stored value; an empty
    string clears it. ``not_applicable`` needs a reason (given now or kept). Raises
    :class:`KaderInputInvalid` naming each field and rule (unknown status, unknown measure,
    a measure that does not apply to this profile, a missing reason, too long a text) and
    ``ProfileNotFound`` for an unknown profile; nothing is written then.
    """
    errors: list[FieldError] = []
    try:
        state = MeasureState(status)
    except ValueError:
        allowed = ", ".join(s.value for s in MeasureState)
        errors.append(FieldError("status", "one_of", f"must be one of {allowed}"))
        state = None
    for name, value, limit in (
        ("reason", reason, TEXT_LIMIT),
        ("notes", notes, TEXT_LIMIT),
        ("owner", owner, PERSON_LIMIT),
        ("by", by, PERSON_LIMIT),
    ):
        check_length(errors, name, value, limit)
    if errors or state is None:
        raise KaderInputInvalid(errors)
    stored = get_profile(sessions, profile_id)
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        applicable_measure(session, stored.profile, stored.profile_id, measure_urn)
        row = session.scalars(
            select(MeasureStatusRow).where(
                MeasureStatusRow.profile_id == stored.profile_id,
                MeasureStatusRow.measure_urn == measure_urn,
            )
        ).first()
        if row is None:
            row = MeasureStatusRow(profile_id=stored.profile_id, measure_urn=measure_urn)
            session.add(row)
        row.reason = _kept(reason, row.reason)
        row.owner = _kept(owner, row.owner)
        row.notes = _kept(notes, row.notes)
        if state is MeasureState.not_applicable and not row.reason:
            raise KaderInputInvalid(
                [
                    FieldError(
                        "reason",
                        "required_for_not_applicable",
                        "say why the measure does not apply when marking it not_applicable",
                    )
                ]
            )
        row.status = state.value
        row.updated_at = utcnow()
        row.updated_by = by
        session.flush()
        return status_from_row(row)


def _kept(given: str | None, stored: str | None) -> str | None:
    if given is None:
        return stored
    return given.strip() or None


__all__ = [
    "MAX_EVIDENCE_BYTES",
    "Checklist",
    "EvidenceInfo",
    "EvidenceNotFound",
    "ImportReport",
    "ImportSummary",
    "KaderFolderInvalid",
    "KaderInputInvalid",
    "MeasureEntry",
    "MeasureState",
    "MeasureStatus",
    "RequirementEntry",
    "add_evidence",
    "checklist_for",
    "current_items",
    "evidence_file",
    "import_folder",
    "latest_import",
    "list_imports",
    "list_items",
    "set_measure_status",
]
