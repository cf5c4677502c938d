"""Use-cases around Algoritmeregister publications: preview one, export one, export all.

Shared by the JSON API, the web page and the CLI. The standard's JSON Schema is read once
at the edge with :func:`load_register_schema` and passed in; the mapping itself is pure
(:mod:`sluis.register.algoritmeregister`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import assess_stored
from sluis.profiles.service import StoredProfile, list_profiles
from sluis.register.algoritmeregister import (
    MissingField,
    Publication,
    SchemaError,
    UnsupportedSchema,
    build_publication,
    check_schema,
    publications_csv,
    standard_fields,
    validate_publication,
)

SCHEMA_SETTING = "SLUIS_ALGORITMEREGISTER_SCHEMA"

Sessions = sessionmaker[Session]


class RegisterSchemaUnavailable(RuntimeError):
    """The Algoritmeregister schema is not configured, unreadable or not the standard."""


class PublicationIncomplete(Exception):
    """The document does not meet the standard yet; nothing is exported."""

    def __init__(
        self,
        profile_id: str,
        version: int,
        missing: Sequence[MissingField],
        schema_errors: Sequence[SchemaError],
    ) -> None:
        self.profile_id = profile_id
        self.version = version
        self.missing = tuple(missing)
        self.schema_errors = tuple(schema_errors)
        gaps = [f"{m.field} (fill in {m.profile_path})" for m in self.missing]
        gaps += [f"{e.path}: {e.message}" for e in self.schema_errors if e.rule != "required"]
        super().__init__(
            f"profile {profile_id!r} version {version} is not ready for the Algoritmeregister: "
            + "; ".join(gaps)
        )


@dataclass(frozen=True)
class BulkExport:
    """All registered profiles' latest versions that meet the standard, as CSV."""

    csv: str
    included: tuple[str, ...]
    skipped: tuple[str, ...]


def load_register_schema(path: Path | None) -> dict[str, Any]:
    """Read the standard's JSON Schema (``Settings.algoritmeregister_schema``)."""
    if path is None:
        raise RegisterSchemaUnavailable(
            f"No Algoritmeregister schema is configured: set {SCHEMA_SETTING} to the path of "
            "the publication standard's JSON Schema (schema.json)."
        )
    try:
        schema = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RegisterSchemaUnavailable(
            f"The Algoritmeregister schema at {path} ({SCHEMA_SETTING}) cannot be read: {exc}"
        ) from exc
    if not isinstance(schema, dict):
        raise RegisterSchemaUnavailable(f"{path} ({SCHEMA_SETTING}) is not a JSON object")
    try:
        check_schema(schema)
    except UnsupportedSchema as exc:
        raise RegisterSchemaUnavailable(f"{path} ({SCHEMA_SETTING}): {exc}") from exc
    return schema


def publication_for(
    sessions: Sessions,
    profile_id: str,
    version: int | None = None,
    *,
    schema: Mapping[str, Any],
) -> tuple[StoredProfile, Publication, list[SchemaError]]:
    """The publication of a stored profile version (the newest by default) and how its
    document fails the schema (empty when it can be published). Raises
    :class:`~sluis.profiles.service.ProfileNotFound`."""
    stored, assessment = assess_stored(sessions, profile_id, version)
    publication = build_publication(stored.profile, assessment, stored.version, schema)
    return stored, publication, validate_publication(publication.document, schema)


def export_publication(
    sessions: Sessions,
    profile_id: str,
    version: int | None = None,
    *,
    schema: Mapping[str, Any],
) -> tuple[StoredProfile, Publication]:
    """Like :func:`publication_for`, but refuses with :class:`PublicationIncomplete`, listing
    every gap, unless the document meets the standard."""
    stored, publication, errors = publication_for(sessions, profile_id, version, schema=schema)
    if errors or publication.missing:
        raise PublicationIncomplete(stored.profile_id, stored.version, publication.missing, errors)
    return stored, publication


def export_all_csv(sessions: Sessions, *, schema: Mapping[str, Any]) -> BulkExport:
    """The newest version of every registered profile that meets the standard, as CSV rows;
    the others are named in ``skipped``."""
    ready: list[Publication] = []
    skipped: list[str] = []
    for summary in list_profiles(sessions):
        _, publication, errors = publication_for(sessions, summary.profile_id, schema=schema)
        if errors or publication.missing:
            skipped.append(summary.profile_id)
        else:
            ready.append(publication)
    return BulkExport(
        csv=publications_csv(ready, standard_fields(schema)),
        included=tuple(p.profile_id for p in ready),
        skipped=tuple(skipped),
    )


__all__ = [
    "SCHEMA_SETTING",
    "BulkExport",
    "PublicationIncomplete",
    "RegisterSchemaUnavailable",
    "export_all_csv",
    "export_publication",
    "load_register_schema",
    "publication_for",
]
