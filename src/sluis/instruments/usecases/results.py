"""The plain frozen values the questionnaires' use-cases return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sluis.instruments.model import Definition
from sluis.instruments.record import InstrumentRecord, InstrumentState


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
