"""Importing and reading questionnaire definitions.

Definitions are kept per URN and version side by side; importing the same version again
with the same content is a no-op, with different content it is refused
(:class:`DefinitionConflict`): a published version does not change, a changed one needs a
new version number."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sluis.instruments.exchange import parse_output_urn
from sluis.instruments.loading import (
    DEFINITION_SCHEMA,
    load_schema,
    parse_document,
    read_document,
    schema_dir_for,
    validate_definition,
)
from sluis.instruments.model import Definition
from sluis.instruments.rules.lint import DefinitionNote, definition_notes
from sluis.instruments.usecases.errors import DefinitionConflict, DefinitionNotFound
from sluis.instruments.usecases.results import DefinitionSummary, StoredDefinition
from sluis.instruments.usecases.storage import (
    Sessions,
    begin_write,
    check_author,
    definition_row,
    stored_definition,
    version_key,
)
from sluis.profiles.service import content_sha256
from sluis.store.tables import utcnow
from sluis.store.tables.instruments import InstrumentDefinitionRow


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
    return sorted(out, key=lambda d: (d.urn, version_key(d.version)))


def get_definition(sessions: Sessions, urn: str, version: str | None = None) -> StoredDefinition:
    """One definition; the newest imported version of ``urn`` without ``version``. Accepts
    ``urn:nl:prescan:2.0`` as ``urn`` too. Raises :class:`DefinitionNotFound`."""
    if version is None and (parsed := parse_output_urn(urn)) is not None:
        urn, version = parsed
    with sessions.begin() as session:
        row = definition_row(session, urn, version)
        if row is None:
            raise DefinitionNotFound(urn, version)
        return stored_definition(row, created=False)


def _store_definition(
    sessions: Sessions,
    raw: dict[str, Any],
    schema: Mapping[str, Any],
    source: str | None,
    by: str | None,
) -> StoredDefinition:
    check_author(by)
    definition = validate_definition(raw, schema)
    sha = content_sha256(raw)
    if source is not None and len(source) > 500:
        source = source[-500:]
    with sessions.begin() as session:
        begin_write(session)
        row = definition_row(session, definition.urn, definition.version, lock=True)
        if row is not None:
            if row.content_sha256 != sha:
                raise DefinitionConflict(definition.urn, definition.version)
            return stored_definition(row, created=False)
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
        return stored_definition(row, created=True, definition=definition)


def definition_notes_of(definition: Definition) -> tuple[DefinitionNote, ...]:
    """What is worth knowing about a definition's rules: warnings, never a reason to refuse
    it — among them the slips where its text and its intent part ways, so where the verdict
    as published and as intended may differ."""
    return tuple(definition_notes(definition))
