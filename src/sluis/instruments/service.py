"""Storing the government's questionnaires and their answers.

The use-cases behind the web pages, the JSON API and the CLI. Each function takes a
session factory, runs in one transaction and returns plain frozen values; nothing is half
written. Definitions are kept per URN and version side by side; importing the same
version again with the same content is a no-op, with different content it is refused
(:class:`DefinitionConflict`) — a published version does not change, a changed one needs
a new version number.

An instance is one algorithm's (profile's) copy of one definition version. Every change
(answers, completed parts, a signature, the adoption) appends a version, recording who and
when; rows are never updated. Writers of one profile's instruments are serialised
(SQLite ``BEGIN IMMEDIATE``, PostgreSQL a row lock on the profile). Pass ``base_version``
to refuse a change when someone else saved in between.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.dpia_document.model import Signature
from sluis.instruments import lifecycle
from sluis.instruments.answers import AnswersInvalid, top_level_members, validate_answers
from sluis.instruments.exchange import (
    Exported,
    OutputInvalid,
    from_output,
    parse_output_urn,
    to_output,
)
from sluis.instruments.loading import (
    DEFINITION_SCHEMA,
    OUTPUT_SCHEMA,
    DefinitionInvalid,
    SchemaError,
    load_schema,
    parse_document,
    read_document,
    schema_dir_for,
    validate_definition,
)
from sluis.instruments.model import Definition, parse_definition
from sluis.instruments.prefill import Suggestion, carry_forward, suggestions_for
from sluis.instruments.progress import Progress, progress
from sluis.instruments.record import AnswerMeta, InstrumentRecord, InstrumentState
from sluis.instruments.rules.assessments import Verdicts, evaluate_assessments
from sluis.instruments.rules.comparison import (
    PRESCAN_DPIA,
    Comparison,
    compare_with_assessment,
)
from sluis.instruments.visibility import visible_task_ids
from sluis.profiles.service import ProfileNotFound, content_sha256
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables import AUTHOR_LENGTH, ProfileRow, utcnow
from sluis.store.tables.instruments import (
    InstrumentDefinitionRow,
    InstrumentInstanceRow,
    InstrumentVersionRow,
)

Sessions = sessionmaker[Session]
Change = Callable[[Definition, InstrumentRecord], InstrumentRecord]


# --- Errors ---


class DefinitionNotFound(LookupError):
    def __init__(self, urn: str, version: str | None = None) -> None:
        self.urn = urn
        self.version = version
        shown = urn if version is None else f"{urn} version {version}"
        super().__init__(f"no questionnaire definition {shown} is imported")


class DefinitionConflict(ValueError):
    """This URN and version is already imported with other content; nothing was stored."""

    def __init__(self, urn: str, version: str) -> None:
        self.urn = urn
        self.version = version
        super().__init__(
            f"{urn} version {version} is already imported with different content; a changed "
            "definition needs a new version number"
        )


class InstanceNotFound(LookupError):
    def __init__(self, instance_id: int, version: int | None = None) -> None:
        self.instance_id = instance_id
        self.version = version
        where = "" if version is None else f" version {version}"
        super().__init__(f"no instrument {instance_id}{where}")


class InstanceConflict(RuntimeError):
    """The instrument changed since the version the user worked on; nothing was stored."""

    def __init__(self, instance_id: int, base_version: int, current_version: int) -> None:
        self.base_version = base_version
        self.current_version = current_version
        super().__init__(
            f"instrument {instance_id} changed since version {base_version} (now version "
            f"{current_version}); reload it and make the change again"
        )


# --- Results ---


@dataclass(frozen=True)
class StoredDefinition:
    id: int
    urn: str
    version: str
    name: str
    content_sha256: str
    source: str | None
    imported_at: datetime
    imported_by: str | None
    definition: Definition
    created: bool
    """Whether this call stored it."""

    @property
    def key(self) -> str:
        return self.definition.key


@dataclass(frozen=True)
class DefinitionSummary:
    id: int
    urn: str
    version: str
    name: str
    imported_at: datetime

    @property
    def key(self) -> str:
        return f"{self.urn}:{self.version}"


@dataclass(frozen=True)
class StoredInstance:
    """One stored version of an algorithm's instrument."""

    id: int
    profile_id: str
    definition_id: int
    definition: Definition
    version: int
    created_at: datetime
    created_by: str | None
    record: InstrumentRecord
    created: bool
    """Whether this call stored a new version."""

    @property
    def state(self) -> InstrumentState:
        return self.record.state

    @property
    def answers(self) -> dict[str, Any]:
        return self.record.answers


@dataclass(frozen=True)
class InstanceSummary:
    id: int
    profile_id: str
    urn: str
    definition_version: str
    name: str
    version: int
    state: InstrumentState
    updated_at: datetime


@dataclass(frozen=True)
class InstanceVersionSummary:
    version: int
    state: InstrumentState
    created_at: datetime
    created_by: str | None


# --- Definitions ---


def import_definition(
    sessions: Sessions, path: Path, *, schema_dir: Path | None = None, by: str | None = None
) -> StoredDefinition:
    """Import the definition file at ``path``, validated against the format's schema (from
    ``schema_dir``, else ``../schemas`` next to the file).

    Raises :class:`~sluis.instruments.loading.DefinitionInvalid` with every schema error,
    :class:`DefinitionConflict` for a known version with other content.
    """
    raw = read_document(path)
    schema = load_schema(schema_dir_for(path, schema_dir), DEFINITION_SCHEMA)
    return _store_definition(sessions, raw, schema, str(path.resolve()), by)


def import_definition_text(
    sessions: Sessions,
    text: str,
    *,
    schema_dir: Path | None,
    source: str | None = None,
    by: str | None = None,
) -> StoredDefinition:
    """Import a definition given as YAML or JSON text (an upload); the schemas come from
    ``schema_dir`` (the setting ``SLUIS_PAR_DPIA_SCHEMAS``)."""
    raw = parse_document(text)
    schema = load_schema(schema_dir, DEFINITION_SCHEMA)
    return _store_definition(sessions, raw, schema, source, by)


def list_definitions(sessions: Sessions) -> list[DefinitionSummary]:
    """Every imported definition, by URN, then version."""
    with sessions.begin() as session:
        rows = session.scalars(select(InstrumentDefinitionRow)).all()
        out = [DefinitionSummary(r.id, r.urn, r.version, r.name, r.imported_at) for r in rows]
    return sorted(out, key=lambda d: (d.urn, _version_key(d.version)))


def get_definition(sessions: Sessions, urn: str, version: str | None = None) -> StoredDefinition:
    """One definition; the newest imported version of ``urn`` without ``version``. Accepts
    ``urn:nl:prescan:2.0`` as ``urn`` too. Raises :class:`DefinitionNotFound`."""
    if version is None and (parsed := parse_output_urn(urn)) is not None:
        urn, version = parsed
    with sessions.begin() as session:
        row = _definition_row(session, urn, version)
        if row is None:
            raise DefinitionNotFound(urn, version)
        return _stored_definition(row, created=False)


# --- Instances ---


def open_instance(
    sessions: Sessions,
    profile_id: str,
    urn: str,
    version: str | None = None,
    *,
    by: str | None = None,
) -> StoredInstance:
    """The algorithm's instrument for this definition; opened now if there is none.

    A new instance is prefilled from the profile's newest version and its assessment, and
    from the answers of the algorithm's other instruments that refer to this one (the
    pre-scan's ``references`` into the DPIA); each such answer is marked with its source.
    Raises :class:`ProfileNotFound`, :class:`DefinitionNotFound`.
    """
    _check_author(by)
    stored_definition = get_definition(sessions, urn, version)
    definition = stored_definition.definition
    from sluis.assessment.service import assess_stored

    profile, assessment = assess_stored(sessions, profile_id)
    with sessions.begin() as session:
        _begin_write(session)
        _lock(session, profile_id)
        existing = session.scalar(
            select(InstrumentInstanceRow).where(
                InstrumentInstanceRow.profile_id == profile_id,
                InstrumentInstanceRow.definition_id == stored_definition.id,
            )
        )
        if existing is not None:
            return _stored(session, existing, _version_row(session, existing), created=False)
        sources = _other_instruments(session, profile_id, stored_definition.id)
        suggestions = carry_forward(definition, sources)
        for key, suggestion in suggestions_for(definition, profile.profile, assessment).items():
            suggestions.setdefault(key, suggestion)
        record = _prefilled_record(definition, suggestions, by)
        row = InstrumentInstanceRow(
            profile_id=profile_id,
            definition_id=stored_definition.id,
            current_version=1,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        version_row = _insert(session, row, 1, record, by)
        return _stored(session, row, version_row, created=True, definition=definition)


def list_instances(sessions: Sessions, profile_id: str | None = None) -> list[InstanceSummary]:
    """Every instrument (of one algorithm with ``profile_id``), newest change first."""
    with sessions.begin() as session:
        query = select(InstrumentInstanceRow, InstrumentDefinitionRow).join(
            InstrumentDefinitionRow,
            InstrumentDefinitionRow.id == InstrumentInstanceRow.definition_id,
        )
        if profile_id is not None:
            query = query.where(InstrumentInstanceRow.profile_id == profile_id)
        out = []
        for instance, definition in session.execute(query).all():
            latest = _version_row(session, instance)
            out.append(
                InstanceSummary(
                    id=instance.id,
                    profile_id=instance.profile_id,
                    urn=definition.urn,
                    definition_version=definition.version,
                    name=definition.name,
                    version=latest.version,
                    state=InstrumentState(latest.state),
                    updated_at=latest.created_at,
                )
            )
    return sorted(out, key=lambda s: s.updated_at, reverse=True)


def get_instance(
    sessions: Sessions, instance_id: int, version: int | None = None
) -> StoredInstance:
    """The newest version of an instrument, or the given one; raises
    :class:`InstanceNotFound`."""
    with sessions.begin() as session:
        row = session.get(InstrumentInstanceRow, instance_id)
        if row is None:
            raise InstanceNotFound(instance_id)
        found = _version_row(session, row, version)
        if found is None:
            raise InstanceNotFound(instance_id, version)
        return _stored(session, row, found, created=False)


def list_instance_versions(sessions: Sessions, instance_id: int) -> list[InstanceVersionSummary]:
    """Every version of an instrument, oldest first."""
    with sessions.begin() as session:
        if session.get(InstrumentInstanceRow, instance_id) is None:
            raise InstanceNotFound(instance_id)
        rows = session.scalars(
            select(InstrumentVersionRow)
            .where(InstrumentVersionRow.instance_id == instance_id)
            .order_by(InstrumentVersionRow.version)
        ).all()
        return [
            InstanceVersionSummary(r.version, InstrumentState(r.state), r.created_at, r.created_by)
            for r in rows
        ]


def save_answers(
    sessions: Sessions,
    instance_id: int,
    answers: Mapping[str, Any],
    *,
    by: str | None = None,
    base_version: int | None = None,
    scope: Collection[str] | None = None,
) -> StoredInstance:
    """Store ``answers`` as the instrument's answers (a new version).

    Without ``scope`` the given answers replace all answers. With ``scope`` (top-level
    task ids, e.g. the one page a form shows) only the answers under those tasks are
    replaced and the rest are kept. Answers are checked against the definition first:
    unknown task ids, values that are not among the options, bad dates and wrong shapes
    raise :class:`~sluis.instruments.answers.AnswersInvalid` listing every problem.
    Each changed answer records who and when; a prefilled answer whose value changed loses
    its prefill mark. Saving unchanged answers stores nothing. Editing an adopted version
    starts a new draft.
    """

    def change(definition: Definition, current: InstrumentRecord) -> InstrumentRecord:
        clean = validate_answers(definition, answers)
        if scope is not None:
            keep = {k: v for k, v in current.answers.items() if _top_of(definition, k) not in scope}
            new = {k: v for k, v in clean.items() if _top_of(definition, k) in scope}
            clean = _ordered(definition, keep | new)
        return _with_answers(current, clean, by)

    return _change(sessions, instance_id, change, by, base_version)


def set_completed(
    sessions: Sessions,
    instance_id: int,
    task_ids: Collection[str],
    *,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredInstance:
    """Mark exactly ``task_ids`` (top-level parts) as completed; unknown ids raise
    :class:`~sluis.instruments.answers.AnswersInvalid`."""

    def change(definition: Definition, current: InstrumentRecord) -> InstrumentRecord:
        from sluis.instruments.answers import AnswerError

        top = [t.id for t in definition.tasks]
        unknown = [i for i in task_ids if i not in top]
        if unknown:
            raise AnswersInvalid(
                [AnswerError(i, "unknown_task", f"{i!r} is not a top-level part") for i in unknown]
            )
        completed = tuple(i for i in top if i in task_ids)
        if current.state is InstrumentState.adopted:
            if completed == current.completed:
                return current
            current = lifecycle.start_revision(current)
        return lifecycle.with_content(current, completed=completed)

    return _change(sessions, instance_id, change, by, base_version)


def sign(
    sessions: Sessions,
    instance_id: int,
    signature: Signature,
    *,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredInstance:
    """Add a signature; refused (:class:`~sluis.instruments.lifecycle.LifecycleRefused`)
    while parts are not completed or required questions unanswered."""

    def change(definition: Definition, current: InstrumentRecord) -> InstrumentRecord:
        state = instance_progress(definition, current)
        return lifecycle.sign(definition, current, signature, state.required_unanswered)

    return _change(sessions, instance_id, change, by, base_version)


def adopt(
    sessions: Sessions,
    instance_id: int,
    *,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredInstance:
    """Adopt the current version; refused listing every missing signature."""
    return _change(sessions, instance_id, lambda _, r: lifecycle.adopt(r), by, base_version)


def instance_progress(definition: Definition, record: InstrumentRecord) -> Progress:
    """Answered and total visible questions, per part; the required ones still open."""
    visible = visible_task_ids(definition, record.answers)
    return progress(definition, record.answers, record.completed, visible)


@dataclass(frozen=True)
class InstrumentVerdict:
    """What the definition's own rules conclude on the current answers, and — for an
    instrument that decides on a DPIA, like the pre-scan — how that compares with Sluis's
    own assessment of the algorithm."""

    instance_id: int
    version: int
    verdicts: Verdicts
    comparison: Comparison | None

    def as_dict(self) -> dict[str, Any]:
        out = self.verdicts.as_dict()
        out["instance_id"] = self.instance_id
        out["version"] = self.version
        out["comparison"] = None if self.comparison is None else self.comparison.as_dict()
        return out


def verdict(sessions: Sessions, instance_id: int, version: int | None = None) -> InstrumentVerdict:
    """Evaluate the definition's ``assessments`` on the instrument's answers (answers to
    hidden questions do not count) and compare a DPIA verdict with our own assessment."""
    from sluis.assessment.service import assess_stored

    stored = get_instance(sessions, instance_id, version)
    verdicts = evaluate_assessments(stored.definition, stored.answers)
    comparison = None
    if verdicts.get(PRESCAN_DPIA) is not None:
        _, assessment = assess_stored(sessions, stored.profile_id)
        comparison = compare_with_assessment(assessment, verdicts)
    return InstrumentVerdict(stored.id, stored.version, verdicts, comparison)


# --- Exchange ---


def export_answers(
    sessions: Sessions, instance_id: int, *, version: int | None = None, by_name: str | None = None
) -> Exported:
    """The instrument's answers as an ``assessment-output.v2`` document."""
    stored = get_instance(sessions, instance_id, version)
    return to_output(
        stored.definition,
        stored.answers,
        stored.record.meta,
        stored.record.completed,
        utcnow(),
        by_name,
    )


def import_answers(
    sessions: Sessions,
    instance_id: int,
    document: Mapping[str, Any],
    *,
    schema_dir: Path | None = None,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredInstance:
    """Replace the instrument's answers and completed parts with those in an
    ``assessment-output.v2`` document.

    The document must validate against the format's schema and answer this instrument's
    definition (URN and version); unknown task ids and wrong value shapes are refused.
    Raises :class:`~sluis.instruments.exchange.OutputInvalid` listing every problem; then
    nothing is stored.
    """
    stored = get_instance(sessions, instance_id)
    source = _definition_source(sessions, stored.definition_id)
    folder = schema_dir or schema_dir_for(Path(source) if source else None, None)
    schema = load_schema(folder, OUTPUT_SCHEMA)
    imported = from_output(document, stored.definition, schema)

    def change(definition: Definition, current: InstrumentRecord) -> InstrumentRecord:
        if current.state is InstrumentState.adopted:
            current = lifecycle.start_revision(current)
        now = utcnow()
        meta = {
            key: imported.meta.get(key, AnswerMeta(edited_at=now, edited_by=by))
            for key in imported.answers
        }
        return lifecycle.with_content(
            current, answers=imported.answers, meta=meta, completed=imported.completed
        )

    return _change(sessions, instance_id, change, by, base_version)


# --- Internals ---


def _store_definition(
    sessions: Sessions,
    raw: dict[str, Any],
    schema: Mapping[str, Any],
    source: str | None,
    by: str | None,
) -> StoredDefinition:
    _check_author(by)
    definition = validate_definition(raw, schema)
    sha = content_sha256(raw)
    if source is not None and len(source) > 500:
        source = source[-500:]
    with sessions.begin() as session:
        _begin_write(session)
        row = _definition_row(session, definition.urn, definition.version, lock=True)
        if row is not None:
            if row.content_sha256 != sha:
                raise DefinitionConflict(definition.urn, definition.version)
            return _stored_definition(row, created=False)
        row = InstrumentDefinitionRow(
            urn=definition.urn,
            version=definition.version,
            name=definition.name[:200],
            content_sha256=sha,
            document=raw,
            source=source,
            imported_at=utcnow(),
            imported_by=by,
        )
        session.add(row)
        session.flush()
        return _stored_definition(row, created=True, definition=definition)


def _definition_row(
    session: Session, urn: str, version: str | None, *, lock: bool = False
) -> InstrumentDefinitionRow | None:
    query = select(InstrumentDefinitionRow).where(InstrumentDefinitionRow.urn == urn)
    if version is not None:
        query = query.where(InstrumentDefinitionRow.version == version)
        if lock:
            query = query.with_for_update()
        return session.scalar(query)
    rows = session.scalars(query).all()
    return max(rows, key=lambda r: _version_key(r.version), default=None)


def _definition_source(sessions: Sessions, definition_id: int) -> str | None:
    with sessions.begin() as session:
        row = session.get(InstrumentDefinitionRow, definition_id)
        return None if row is None else row.source


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _stored_definition(
    row: InstrumentDefinitionRow, *, created: bool, definition: Definition | None = None
) -> StoredDefinition:
    return StoredDefinition(
        id=row.id,
        urn=row.urn,
        version=row.version,
        name=row.name,
        content_sha256=row.content_sha256,
        source=row.source,
        imported_at=row.imported_at,
        imported_by=row.imported_by,
        definition=definition or _parsed(row.id, row.content_sha256, row.document),
        created=created,
    )


_PARSED: dict[tuple[int, str], Definition] = {}


def _parsed(row_id: int, sha: str, document: dict[str, Any]) -> Definition:
    # Definitions never change once stored, so parsing each once per process is safe.
    key = (row_id, sha)
    if key not in _PARSED:
        if len(_PARSED) > 64:
            _PARSED.clear()
        _PARSED[key] = parse_definition(document)
    return _PARSED[key]


def _other_instruments(
    session: Session, profile_id: str, definition_id: int
) -> list[tuple[Definition, dict[str, Any]]]:
    rows = session.execute(
        select(InstrumentInstanceRow, InstrumentDefinitionRow)
        .join(
            InstrumentDefinitionRow,
            InstrumentDefinitionRow.id == InstrumentInstanceRow.definition_id,
        )
        .where(
            InstrumentInstanceRow.profile_id == profile_id,
            InstrumentInstanceRow.definition_id != definition_id,
        )
    ).all()
    out = []
    for instance, definition_row in rows:
        definition = _parsed(
            definition_row.id, definition_row.content_sha256, definition_row.document
        )
        latest = _version_row(session, instance)
        out.append((definition, InstrumentRecord.model_validate(latest.content).answers))
    return out


def _prefilled_record(
    definition: Definition, suggestions: Mapping[str, Suggestion], by: str | None
) -> InstrumentRecord:
    now = utcnow()
    answers = {key: s.value for key, s in suggestions.items()}
    answers = validate_answers(definition, _ordered(definition, answers))
    meta = {
        key: AnswerMeta(edited_at=now, edited_by=by, prefill=suggestions[key].prefill)
        for key in answers
    }
    return InstrumentRecord(answers=answers, meta=meta)


def _with_answers(
    current: InstrumentRecord, answers: dict[str, Any], by: str | None
) -> InstrumentRecord:
    if current.state is InstrumentState.adopted:
        if answers == current.answers:
            return current
        current = lifecycle.start_revision(current)
    now = utcnow()
    meta: dict[str, AnswerMeta] = {}
    for key, value in answers.items():
        old = current.meta.get(key)
        if old is not None and current.answers.get(key) == value and key in current.answers:
            meta[key] = old
            continue
        meta[key] = AnswerMeta(edited_at=now, edited_by=by)
    return lifecycle.with_content(current, answers=answers, meta=meta)


def _top_of(definition: Definition, task_id: str) -> str:
    ancestors = definition.ancestors(task_id)
    return ancestors[-1].id if ancestors else task_id


def _ordered(definition: Definition, answers: Mapping[str, Any]) -> dict[str, Any]:
    order = {t.id: n for n, t in enumerate(top_level_members(definition))}
    return {k: answers[k] for k in sorted(answers, key=lambda k: order.get(k, len(order)))}


def _change(
    sessions: Sessions,
    instance_id: int,
    change: Change,
    by: str | None,
    base_version: int | None,
) -> StoredInstance:
    _check_author(by)
    with sessions.begin() as session:
        _begin_write(session)
        row = session.get(InstrumentInstanceRow, instance_id)
        if row is None:
            raise InstanceNotFound(instance_id)
        _lock(session, row.profile_id)
        session.refresh(row)
        latest = _version_row(session, row)
        if base_version is not None and base_version != latest.version:
            raise InstanceConflict(instance_id, base_version, latest.version)
        definition = _definition_of(session, row)
        current = InstrumentRecord.model_validate(latest.content)
        updated = change(definition, current)
        if updated == current:
            return _stored(session, row, latest, created=False, definition=definition)
        version = _insert(session, row, latest.version + 1, updated, by)
        row.current_version = version.version
        return _stored(session, row, version, created=True, definition=definition)


def _definition_of(session: Session, row: InstrumentInstanceRow) -> Definition:
    definition_row = session.get(InstrumentDefinitionRow, row.definition_id)
    assert definition_row is not None
    return _parsed(definition_row.id, definition_row.content_sha256, definition_row.document)


def _begin_write(session: Session) -> None:
    # First thing in a writing transaction: SQLite takes its write lock up front.
    session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})


def _lock(session: Session, profile_id: str) -> None:
    # PostgreSQL: lock the profile's row, so two writers of the same algorithm's
    # instruments wait for each other (SQLite already holds its write lock).
    found = session.scalar(
        select(ProfileRow.id).where(ProfileRow.id == profile_id).with_for_update()
    )
    if found is None:
        raise ProfileNotFound(profile_id)


def _version_row(
    session: Session, row: InstrumentInstanceRow, version: int | None = None
) -> InstrumentVersionRow:
    found = session.scalar(
        select(InstrumentVersionRow).where(
            InstrumentVersionRow.instance_id == row.id,
            InstrumentVersionRow.version == (row.current_version if version is None else version),
        )
    )
    return found  # type: ignore[return-value]  # None only for an unknown explicit version


def _insert(
    session: Session,
    row: InstrumentInstanceRow,
    number: int,
    record: InstrumentRecord,
    by: str | None,
) -> InstrumentVersionRow:
    version = InstrumentVersionRow(
        instance_id=row.id,
        version=number,
        state=record.state.value,
        content=record.model_dump(mode="json"),
        created_at=utcnow(),
        created_by=by,
    )
    session.add(version)
    session.flush()
    return version


def _stored(
    session: Session,
    row: InstrumentInstanceRow,
    version: InstrumentVersionRow,
    *,
    created: bool,
    definition: Definition | None = None,
) -> StoredInstance:
    return StoredInstance(
        id=row.id,
        profile_id=row.profile_id,
        definition_id=row.definition_id,
        definition=definition or _definition_of(session, row),
        version=version.version,
        created_at=version.created_at,
        created_by=version.created_by,
        record=InstrumentRecord.model_validate(version.content),
        created=created,
    )


def _check_author(by: str | None) -> None:
    if by is not None and len(by) > AUTHOR_LENGTH:
        raise ValueError(f"by is longer than {AUTHOR_LENGTH} characters")


__all__ = [
    "AnswersInvalid",
    "DefinitionConflict",
    "DefinitionInvalid",
    "DefinitionNotFound",
    "DefinitionSummary",
    "InstanceConflict",
    "InstanceNotFound",
    "InstanceSummary",
    "InstanceVersionSummary",
    "InstrumentVerdict",
    "OutputInvalid",
    "SchemaError",
    "StoredDefinition",
    "StoredInstance",
    "adopt",
    "export_answers",
    "get_definition",
    "get_instance",
    "import_answers",
    "import_definition",
    "import_definition_text",
    "instance_progress",
    "list_definitions",
    "list_instance_versions",
    "list_instances",
    "open_instance",
    "save_answers",
    "set_completed",
    "sign",
    "verdict",
]
