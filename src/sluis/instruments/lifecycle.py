"""The life of a filled-in instrument: draft → signed → adopted, as for the DPIA document
(``sluis.dpia_document.lifecycle``, whose refusals and signatures it reuses).

* Signing needs every top-level part marked as completed and every visible required task
  answered; the DPO signs for the advice given (art. 35(2), art. 39(1) GDPR), the
  decision owner adopts or rejects (the controller decides, art. 24(1)).
* Adoption needs both signatures, the decision owner's saying ``adopt``.
* Changing answers or completed parts drops the signatures (they concerned the content as
  it was) and returns to draft; an adopted version never changes — editing it starts a new
  draft with the same answers.

Pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from sluis.dpia_document.lifecycle import LifecycleRefused, Refusal
from sluis.dpia_document.model import (
    REQUIRED_SIGNATORIES,
    SignatoryRole,
    Signature,
    SignatureDecision,
)
from sluis.instruments.model import Definition
from sluis.instruments.record import InstrumentRecord, InstrumentState
from sluis.law.findings import t

ADOPTED = Refusal(
    "state.adopted",
    t(
        "Deze versie is vastgesteld en verandert niet meer; bewerken begint een nieuwe versie.",
        "This version is adopted and no longer changes; editing starts a new version.",
    ),
)


def content_refusals(
    definition: Definition, record: InstrumentRecord, unanswered_required: Iterable[str]
) -> list[Refusal]:
    """What still keeps ``record`` from being signed."""
    out: list[Refusal] = []
    for task in definition.tasks:
        if task.id not in record.completed:
            out.append(
                Refusal(
                    f"task.{task.id}.completed",
                    t(
                        f"Onderdeel {task.id} ({task.title}) is niet als voltooid gemarkeerd.",
                        f"Part {task.id} ({task.title}) is not marked as completed.",
                    ),
                )
            )
    for task_id in unanswered_required:
        out.append(
            Refusal(
                f"task.{task_id}.required",
                t(
                    f"Verplichte vraag {task_id} is niet beantwoord.",
                    f"Required question {task_id} is not answered.",
                ),
            )
        )
    return out


def with_content(record: InstrumentRecord, **update: object) -> InstrumentRecord:
    """``record`` with new answers, meta or completed parts; signatures are dropped when the
    content changed. Refused for an adopted record (start a revision first)."""
    if record.state is InstrumentState.adopted:
        raise LifecycleRefused("edit", [ADOPTED])
    updated = record.model_copy(update=update)
    if updated.content() != record.content() and record.signatures:
        updated = updated.model_copy(update={"state": InstrumentState.draft, "signatures": ()})
    return InstrumentRecord.model_validate(updated.model_dump())


def start_revision(record: InstrumentRecord) -> InstrumentRecord:
    """A new draft from an adopted version: same answers, no signatures."""
    return record.model_copy(update={"state": InstrumentState.draft, "signatures": ()})


def sign(
    definition: Definition,
    record: InstrumentRecord,
    signature: Signature,
    unanswered_required: Iterable[str],
) -> InstrumentRecord:
    """Add ``signature`` (replacing one of the same role); refused while content is missing."""
    if record.state is InstrumentState.adopted:
        raise LifecycleRefused("sign", [ADOPTED])
    refusals = content_refusals(definition, record, unanswered_required)
    if refusals:
        raise LifecycleRefused("sign", refusals)
    others = tuple(s for s in record.signatures if s.role is not signature.role)
    ordered = tuple(sorted((*others, signature), key=lambda s: list(SignatoryRole).index(s.role)))
    return record.model_copy(update={"state": InstrumentState.signed, "signatures": ordered})


def adoption_refusals(record: InstrumentRecord) -> list[Refusal]:
    if record.state is InstrumentState.adopted:
        return [ADOPTED]
    out: list[Refusal] = []
    names = {
        SignatoryRole.decision_owner: t(
            "de besluitvormer (verantwoordelijke)", "the decision owner (controller)"
        ),
        SignatoryRole.dpo: t("de FG", "the DPO"),
    }
    for role in REQUIRED_SIGNATORIES:
        if record.signature(role.value) is None:
            out.append(
                Refusal(
                    f"signature.{role.value}.missing",
                    t(
                        f"De ondertekening door {names[role].nl} ontbreekt.",
                        f"The signature of {names[role].en} is missing.",
                    ),
                )
            )
    owner = record.signature(SignatoryRole.decision_owner.value)
    if owner is not None and owner.decision is not SignatureDecision.adopt:
        out.append(
            Refusal(
                "signature.decision_owner.rejected",
                t(
                    "De besluitvormer heeft het instrument niet vastgesteld.",
                    "The decision owner did not adopt the instrument.",
                ),
            )
        )
    return out


def adopt(record: InstrumentRecord) -> InstrumentRecord:
    refusals = adoption_refusals(record)
    if refusals:
        raise LifecycleRefused("adopt", refusals)
    return record.model_copy(update={"state": InstrumentState.adopted})


__all__ = [
    "ADOPTED",
    "LifecycleRefused",
    "Refusal",
    "adopt",
    "adoption_refusals",
    "content_refusals",
    "sign",
    "start_revision",
    "with_content",
]
