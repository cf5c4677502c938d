"""Signing and adopting an instrument, as for the DPIA document (DPO's advice, the decision
owner adopts)."""

from __future__ import annotations

from sluis.dpia_document.model import Signature
from sluis.instruments import lifecycle
from sluis.instruments.model import Definition
from sluis.instruments.record import InstrumentRecord
from sluis.instruments.usecases.answering import instance_progress
from sluis.instruments.usecases.results import StoredInstance
from sluis.instruments.usecases.storage import Sessions, apply_change


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

    return apply_change(sessions, instance_id, change, by, base_version)


def adopt(
    sessions: Sessions,
    instance_id: int,
    *,
    by: str | None = None,
    base_version: int | None = None,
) -> StoredInstance:
    """Adopt the current version; refused listing every missing signature."""
    return apply_change(sessions, instance_id, lambda _, r: lifecycle.adopt(r), by, base_version)
