"""The values the Algoritmekader services return, their errors, and the small storage
helpers they share. Plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from sluis.kader.applicability import Applicability, applicable_measures
from sluis.kader.parsing import ItemKind, KaderFileProblem, KaderItem
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import FieldError
from sluis.store.tables.kader import EvidenceFileRow, KaderItemRow, MeasureStatusRow

TEXT_LIMIT = 4000
PERSON_LIMIT = 200


class MeasureState(StrEnum):
    todo = "todo"
    in_progress = "in_progress"
    done = "done"
    not_applicable = "not_applicable"


class KaderInputInvalid(ValueError):
    """Input that cannot be accepted; ``errors`` names each field and rule. Nothing was
    written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.loc}: {e.message} [{e.rule}]" for e in errors))


class KaderFolderInvalid(ValueError):
    """A folder to import that is missing or holds no readable requirement or measure."""

    def __init__(self, message: str, problems: tuple[KaderFileProblem, ...] = ()) -> None:
        self.problems = problems
        super().__init__(message)


class EvidenceNotFound(LookupError):
    """No such evidence file for this profile (or its stored file is gone or unsafe)."""


@dataclass(frozen=True)
class MeasureStatus:
    measure_urn: str
    status: MeasureState
    reason: str | None = None
    owner: str | None = None
    notes: str | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None


@dataclass(frozen=True)
class EvidenceInfo:
    id: int
    profile_id: str
    measure_urn: str
    filename: str
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime
    uploaded_by: str | None
    created: bool = False
    """Whether this call stored it (``False`` when the same file was already there)."""


@dataclass(frozen=True)
class ItemChange:
    urn: str
    code: str
    title: str
    kind: ItemKind
    change: str
    before_sha256: str | None
    after_sha256: str | None


@dataclass(frozen=True)
class ImportSummary:
    """One recorded import, with what it changed."""

    id: int
    imported_at: datetime
    source: str
    added: int
    changed: int
    unchanged: int
    removed: int
    problems: tuple[KaderFileProblem, ...]
    changes: tuple[ItemChange, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What one call of ``import_folder`` did: URNs per outcome, and the file problems."""

    import_id: int
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    problems: tuple[KaderFileProblem, ...]

    @property
    def skipped(self) -> tuple[KaderFileProblem, ...]:
        return tuple(p for p in self.problems if p.skipped)


def item_from_row(row: KaderItemRow) -> KaderItem:
    return KaderItem(
        urn=row.urn,
        kind=ItemKind(row.kind),
        code=row.code,
        title=row.title,
        summary=row.summary,
        facets={key: tuple(values) for key, values in row.facets.items()},
        requirement_codes=tuple(row.requirement_codes),
        body_sha256=row.body_sha256,
        source_path=row.source_path,
    )


def load_items(session: Session, include_removed: bool = False) -> list[KaderItem]:
    query = select(KaderItemRow).order_by(KaderItemRow.urn)
    if not include_removed:
        query = query.where(KaderItemRow.removed.is_(False))
    return [item_from_row(row) for row in session.scalars(query)]


def status_from_row(row: MeasureStatusRow) -> MeasureStatus:
    return MeasureStatus(
        measure_urn=row.measure_urn,
        status=MeasureState(row.status),
        reason=row.reason,
        owner=row.owner,
        notes=row.notes,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


def evidence_from_row(row: EvidenceFileRow, created: bool = False) -> EvidenceInfo:
    return EvidenceInfo(
        id=row.id,
        profile_id=row.profile_id,
        measure_urn=row.measure_urn,
        filename=row.filename,
        media_type=row.media_type,
        size=row.size,
        sha256=row.sha256,
        uploaded_at=row.uploaded_at,
        uploaded_by=row.uploaded_by,
        created=created,
    )


def applicable_measure(
    session: Session, profile: AlgorithmProfile, profile_id: str, measure_urn: str
) -> Applicability:
    """The applicability of a measure that applies to the profile, or
    :class:`KaderInputInvalid` naming ``measure_urn`` and the rule it breaks."""
    row = session.get(KaderItemRow, measure_urn)
    if row is None or row.removed:
        raise KaderInputInvalid(
            [FieldError("measure_urn", "unknown", f"no measure {measure_urn} is imported")]
        )
    if row.kind != ItemKind.measure:
        raise KaderInputInvalid(
            [FieldError("measure_urn", "not_a_measure", f"{measure_urn} is a requirement")]
        )
    items = load_items(session)
    found = next(a for a in applicable_measures(profile, items) if a.urn == measure_urn)
    if not found.applies:
        why = " ".join(r.en for r in found.reasons)
        raise KaderInputInvalid(
            [
                FieldError(
                    "measure_urn",
                    "not_applicable_to_profile",
                    f"{measure_urn} does not apply to profile {profile_id}: {why}",
                )
            ]
        )
    return found


def check_length(errors: list[FieldError], field: str, value: str | None, limit: int) -> None:
    if value is not None and len(value) > limit:
        errors.append(FieldError(field, "max_length", f"at most {limit} characters"))
