"""The rows behind the questionnaires: reading them as values, and the one way to change an
instrument (:func:`apply_change`: lock, check the base version, append a version).

Writers of one profile's instruments are serialised (SQLite ``BEGIN IMMEDIATE``, PostgreSQL
a row lock on the profile); rows are never updated, every change appends a version."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.instruments.answers import top_level_members
from sluis.instruments.model import Definition, parse_definition
from sluis.instruments.record import InstrumentRecord
from sluis.instruments.usecases.errors import InstanceConflict, InstanceNotFound
from sluis.instruments.usecases.results import StoredDefinition, StoredInstance
from sluis.profiles.service import ProfileNotFound
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables import AUTHOR_LENGTH, ProfileRow, utcnow
from sluis.store.tables.instruments import (
    InstrumentDefinitionRow,
    InstrumentInstanceRow,
    InstrumentVersionRow,
)

Sessions = sessionmaker[Session]


Change = Callable[[Definition, InstrumentRecord], InstrumentRecord]


def definition_row(
    session: Session, urn: str, version: str | None, *, lock: bool = False
) -> InstrumentDefinitionRow | None:
    query = select(InstrumentDefinitionRow).where(InstrumentDefinitionRow.urn == urn)
    if version is not None:
        query = query.where(InstrumentDefinitionRow.version == version)
        if lock:
            query = query.with_for_update()
        return session.scalar(query)
    rows = session.scalars(query).all()
    return max(rows, key=lambda r: version_key(r.version), default=None)


def definition_source(sessions: Sessions, definition_id: int) -> str | None:
    with sessions.begin() as session:
        row = session.get(InstrumentDefinitionRow, definition_id)
        return None if row is None else row.source


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def stored_definition(
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
        definition=definition or parsed_definition(row.id, row.content_sha256, row.document),
        created=created,
    )


_PARSED: dict[tuple[int, str], Definition] = {}


def parsed_definition(row_id: int, sha: str, document: dict[str, Any]) -> Definition:
    # Definitions never change once stored, so parsing each once per process is safe.
    key = (row_id, sha)
    if key not in _PARSED:
        if len(_PARSED) > 64:
            _PARSED.clear()
        _PARSED[key] = parse_definition(document)
    return _PARSED[key]


def ordered_answers(definition: Definition, answers: Mapping[str, Any]) -> dict[str, Any]:
    order = {t.id: n for n, t in enumerate(top_level_members(definition))}
    return {k: answers[k] for k in sorted(answers, key=lambda k: order.get(k, len(order)))}


def apply_change(
    sessions: Sessions,
    instance_id: int,
    change: Change,
    by: str | None,
    base_version: int | None,
) -> StoredInstance:
    check_author(by)
    with sessions.begin() as session:
        begin_write(session)
        row = session.get(InstrumentInstanceRow, instance_id)
        if row is None:
            raise InstanceNotFound(instance_id)
        lock_profile(session, row.profile_id)
        session.refresh(row)
        latest = version_row(session, row)
        if base_version is not None and base_version != latest.version:
            raise InstanceConflict(instance_id, base_version, latest.version)
        definition = definition_of(session, row)
        current = InstrumentRecord.model_validate(latest.content)
        updated = change(definition, current)
        if updated == current:
            return stored_instance(session, row, latest, created=False, definition=definition)
        version = insert_version(session, row, latest.version + 1, updated, by)
        row.current_version = version.version
        return stored_instance(session, row, version, created=True, definition=definition)


def definition_of(session: Session, row: InstrumentInstanceRow) -> Definition:
    found = session.get(InstrumentDefinitionRow, row.definition_id)
    assert found is not None
    return parsed_definition(found.id, found.content_sha256, found.document)


def begin_write(session: Session) -> None:
    # First thing in a writing transaction: SQLite takes its write lock up front.
    session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})


def lock_profile(session: Session, profile_id: str) -> None:
    # PostgreSQL: lock the profile's row, so two writers of the same algorithm's
    # instruments wait for each other (SQLite already holds its write lock).
    found = session.scalar(
        select(ProfileRow.id).where(ProfileRow.id == profile_id).with_for_update()
    )
    if found is None:
        raise ProfileNotFound(profile_id)


def version_row(
    session: Session, row: InstrumentInstanceRow, version: int | None = None
) -> InstrumentVersionRow:
    found = session.scalar(
        select(InstrumentVersionRow).where(
            InstrumentVersionRow.instance_id == row.id,
            InstrumentVersionRow.version == (row.current_version if version is None else version),
        )
    )
    return found  # type: ignore[return-value]  # None only for an unknown explicit version


def insert_version(
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


def stored_instance(
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
        definition=definition or definition_of(session, row),
        version=version.version,
        created_at=version.created_at,
        created_by=version.created_by,
        record=InstrumentRecord.model_validate(version.content),
        created=created,
    )


def check_author(by: str | None) -> None:
    if by is not None and len(by) > AUTHOR_LENGTH:
        raise ValueError(f"by is longer than {AUTHOR_LENGTH} characters")
