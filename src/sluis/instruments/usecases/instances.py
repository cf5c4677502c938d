"""An algorithm's copies of the questionnaires: opening one (prefilled), reading them and
their versions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sluis.instruments.answers import validate_answers
from sluis.instruments.model import Definition
from sluis.instruments.prefill import Suggestion, carry_forward, suggestions_for
from sluis.instruments.record import AnswerMeta, InstrumentRecord, InstrumentState
from sluis.instruments.usecases.definitions import get_definition
from sluis.instruments.usecases.errors import InstanceNotFound
from sluis.instruments.usecases.results import (
    InstanceSummary,
    InstanceVersionSummary,
    StoredInstance,
)
from sluis.instruments.usecases.storage import (
    Sessions,
    begin_write,
    check_author,
    insert_version,
    lock_profile,
    ordered_answers,
    parsed_definition,
    stored_instance,
    version_row,
)
from sluis.store.tables import utcnow
from sluis.store.tables.instruments import (
    InstrumentDefinitionRow,
    InstrumentInstanceRow,
    InstrumentVersionRow,
)


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
    check_author(by)
    found = get_definition(sessions, urn, version)
    definition = found.definition
    from sluis.assessment.service import assess_stored

    profile, assessment = assess_stored(sessions, profile_id)
    with sessions.begin() as session:
        begin_write(session)
        lock_profile(session, profile_id)
        existing = session.scalar(
            select(InstrumentInstanceRow).where(
                InstrumentInstanceRow.profile_id == profile_id,
                InstrumentInstanceRow.definition_id == found.id,
            )
        )
        if existing is not None:
            return stored_instance(session, existing, version_row(session, existing), created=False)
        sources = _other_instruments(session, profile_id, found.id)
        suggestions = carry_forward(definition, sources)
        for key, suggestion in suggestions_for(definition, profile.profile, assessment).items():
            suggestions.setdefault(key, suggestion)
        record = _prefilled_record(definition, suggestions, by)
        row = InstrumentInstanceRow(
            profile_id=profile_id,
            definition_id=found.id,
            current_version=1,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        first = insert_version(session, row, 1, record, by)
        return stored_instance(session, row, first, created=True, definition=definition)


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
            latest = version_row(session, instance)
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
        found = version_row(session, row, version)
        if found is None:
            raise InstanceNotFound(instance_id, version)
        return stored_instance(session, row, found, created=False)


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
        definition = parsed_definition(
            definition_row.id, definition_row.content_sha256, definition_row.document
        )
        latest = version_row(session, instance)
        out.append((definition, InstrumentRecord.model_validate(latest.content).answers))
    return out


def _prefilled_record(
    definition: Definition, suggestions: Mapping[str, Suggestion], by: str | None
) -> InstrumentRecord:
    now = utcnow()
    answers = {key: s.value for key, s in suggestions.items()}
    answers = validate_answers(definition, ordered_answers(definition, answers))
    meta = {
        key: AnswerMeta(edited_at=now, edited_by=by, prefill=suggestions[key].prefill)
        for key in answers
    }
    return InstrumentRecord(answers=answers, meta=meta)
