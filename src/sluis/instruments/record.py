"""One version of a filled-in instrument: answers, where each came from, completed tasks,
signatures and state. Stored as JSON in ``instrument_versions.content``. Pure values."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sluis.dpia_document.model import Signature

RECORD_FORMAT = "sluis.instrument/1"


class InstrumentState(StrEnum):
    draft = "draft"
    signed = "signed"  # at least one signature on the current answers
    adopted = "adopted"  # the decision owner adopted it; immutable


class Prefill(BaseModel):
    """Where a suggested answer came from. It stays a suggestion: the answer is editable,
    and the mark is dropped once someone changes the value."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["profile", "assessment", "instrument"]
    source: str
    """A profile path (``legal_basis.basis``), an assessment finding (``dpia.criteria.4``)
    or another instrument's task (``urn:nl:prescan:2.0#0.4``)."""
    note: str = ""
    value: Any = None
    """The value as suggested, to tell later whether it was edited."""


class AnswerMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    edited_at: datetime
    edited_by: str | None = None
    prefill: Prefill | None = None


class InstrumentRecord(BaseModel):
    """The content of one stored version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["sluis.instrument/1"] = RECORD_FORMAT
    state: InstrumentState = InstrumentState.draft
    answers: dict[str, Any] = Field(default_factory=dict)
    meta: dict[str, AnswerMeta] = Field(default_factory=dict)
    """Per top-level answer key: when and by whom it was last changed, and its prefill."""
    completed: tuple[str, ...] = ()
    """Top-level task ids marked as completed."""
    signatures: tuple[Signature, ...] = ()

    def content(self) -> tuple[Any, ...]:
        """What signatures are about: answers and completed tasks."""
        return (self.answers, self.completed)

    def signature(self, role: str) -> Signature | None:
        return next((s for s in self.signatures if s.role.value == role), None)


__all__ = ["AnswerMeta", "InstrumentRecord", "InstrumentState", "Prefill"]
