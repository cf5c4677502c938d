"""Exchanging answers with the government's form tool (``assessment-output.v2``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sluis.instruments import lifecycle
from sluis.instruments.exchange import Exported, from_output, to_output
from sluis.instruments.loading import OUTPUT_SCHEMA, load_schema, schema_dir_for
from sluis.instruments.model import Definition
from sluis.instruments.record import AnswerMeta, InstrumentRecord, InstrumentState
from sluis.instruments.usecases.instances import get_instance
from sluis.instruments.usecases.results import StoredInstance
from sluis.instruments.usecases.storage import Sessions, apply_change, definition_source
from sluis.store.tables import utcnow


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
    source = definition_source(sessions, stored.definition_id)
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

    return apply_change(sessions, instance_id, change, by, base_version)
