"""The life of a DPIA: draft → ready_for_advice → advised → adopted.

Pure rules over a :class:`DpiaDocument`. Each refusal names the missing item, so a user
sees at once everything that stands between the document and its adoption:

* content: every text section has text without open points; there is at least one risk
  (art. 35(7)(c)); every risk has a justification, a confirmed estimate and a
  justification of its residual risk; every measure is linked to a risk (art. 35(7)(d));
* the DPO's advice is recorded on the current content (art. 35(2));
* the decision owner signed to adopt, and the DPO signed for the advice given — the DPO
  advises, the controller decides (art. 24(1), art. 39(1)).

An adopted version is immutable: editing it starts a new draft (:func:`start_revision`).
Editing content after it went for advice sends it back to draft and drops the signatures,
because the advice and the signatures concern the content as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sluis.dpia_document.model import (
    REQUIRED_SIGNATORIES,
    DpiaDocument,
    DpiaState,
    DpoAdvice,
    SignatoryRole,
    Signature,
    SignatureDecision,
    section_title,
)
from sluis.law.findings import Text, t


@dataclass(frozen=True)
class Refusal:
    item: str
    """What is missing, as a stable key: ``section.residual_risk.empty``, ``risk.R2.confirmed``."""
    text: Text


class LifecycleRefused(ValueError):
    """A step of the lifecycle is refused; ``refusals`` names every missing item."""

    def __init__(self, action: str, refusals: list[Refusal]) -> None:
        self.action = action
        self.refusals = tuple(refusals)
        super().__init__(f"{action} refused: " + "; ".join(r.text.en for r in refusals))


class AdoptedImmutable(LifecycleRefused):
    def __init__(self) -> None:
        super().__init__("edit", [_ADOPTED])


_ADOPTED = Refusal(
    "state.adopted",
    t(
        "Deze versie is vastgesteld en verandert niet meer; bewerken begint een nieuwe versie.",
        "This version is adopted and no longer changes; editing starts a new version.",
    ),
)


def content_refusals(doc: DpiaDocument) -> list[Refusal]:
    """What the content still lacks (sections, risks, measures)."""
    out: list[Refusal] = []
    for section in doc.sections:
        nl, en = section_title(section.key, "nl"), section_title(section.key, "en")
        if not section.text.strip():
            out.append(
                Refusal(
                    f"section.{section.key.value}.empty",
                    t(f"Paragraaf {nl} heeft geen tekst.", f"Section {en} has no text."),
                )
            )
        elif section.has_open_points:
            out.append(
                Refusal(
                    f"section.{section.key.value}.open_points",
                    t(
                        f"Paragraaf {nl} bevat nog open punten [[...]].",
                        f"Section {en} still has open points [[...]].",
                    ),
                )
            )
    if not doc.risks:
        out.append(
            Refusal(
                "risks.none",
                t(
                    "Er is geen enkel risico beschreven (art. 35 lid 7 onder c AVG).",
                    "No risk is described (GDPR art. 35(7)(c)).",
                ),
            )
        )
    for risk in doc.risks:
        out += _risk_refusals(doc, risk.id)
    for measure in doc.measures:
        if not measure.effects:
            out.append(
                Refusal(
                    f"measure.{measure.id}.risks",
                    t(
                        f"Maatregel {measure.id} is aan geen enkel risico gekoppeld.",
                        f"Measure {measure.id} is not linked to any risk.",
                    ),
                )
            )
    return out


def _risk_refusals(doc: DpiaDocument, risk_id: str) -> list[Refusal]:
    risk = doc.risk(risk_id)
    assert risk is not None
    out = []
    if not risk.justification.strip():
        out.append(
            Refusal(
                f"risk.{risk.id}.justification",
                t(
                    f"Risico {risk.id} mist een onderbouwing van kans en impact.",
                    f"Risk {risk.id} has no justification of its likelihood and impact.",
                ),
            )
        )
    if not risk.confirmed:
        out.append(
            Refusal(
                f"risk.{risk.id}.confirmed",
                t(
                    f"De voorgestelde inschatting van risico {risk.id} is niet bevestigd.",
                    f"The suggested estimate of risk {risk.id} is not confirmed.",
                ),
            )
        )
    if not risk.residual_justification.strip():
        out.append(
            Refusal(
                f"risk.{risk.id}.residual_justification",
                t(
                    f"Risico {risk.id} mist een onderbouwing van het restrisico.",
                    f"Risk {risk.id} has no justification of its residual risk.",
                ),
            )
        )
    return out


def adoption_refusals(doc: DpiaDocument) -> list[Refusal]:
    """Everything that keeps ``doc`` from being adopted; empty when it may be."""
    if doc.state is DpiaState.adopted:
        return [_ADOPTED]
    out = content_refusals(doc)
    if doc.dpo_advice is None:
        out.append(
            Refusal(
                "dpo_advice.missing",
                t(
                    "Het advies van de FG is niet vastgelegd (art. 35 lid 2 AVG).",
                    "The DPO's advice is not recorded (GDPR art. 35(2)).",
                ),
            )
        )
    elif doc.state is not DpiaState.advised:
        out.append(
            Refusal(
                "dpo_advice.outdated",
                t(
                    "Het advies van de FG gaat over een eerdere versie; leg het opnieuw vast.",
                    "The DPO's advice concerns an earlier version; record it again.",
                ),
            )
        )
    out += _signature_refusals(doc)
    return out


def _signature_refusals(doc: DpiaDocument) -> list[Refusal]:
    out = []
    names = {
        SignatoryRole.decision_owner: t(
            "de besluitvormer (verantwoordelijke)", "the decision owner (controller)"
        ),
        SignatoryRole.dpo: t("de FG", "the DPO"),
    }
    for role in REQUIRED_SIGNATORIES:
        if doc.signature(role) is None:
            out.append(
                Refusal(
                    f"signature.{role.value}.missing",
                    t(
                        f"De ondertekening door {names[role].nl} ontbreekt.",
                        f"The signature of {names[role].en} is missing.",
                    ),
                )
            )
    owner = doc.signature(SignatoryRole.decision_owner)
    if owner is not None and owner.decision is not SignatureDecision.adopt:
        out.append(
            Refusal(
                "signature.decision_owner.rejected",
                t(
                    "De besluitvormer heeft de DPIA niet vastgesteld.",
                    "The decision owner did not adopt the DPIA.",
                ),
            )
        )
    return out


# --- Transitions ---


def apply_edit(current: DpiaDocument, edited: DpiaDocument) -> DpiaDocument:
    """``current`` with the sections, risks and measures of ``edited``.

    Everything else (state, advice, signatures, provenance) stays the server's: a client
    cannot adopt a document by sending ``state: adopted``. Editing content that went for
    advice sends it back to draft and drops the signatures.
    """
    if current.state is DpiaState.adopted:
        raise AdoptedImmutable()
    if edited.content() == current.content():
        return current
    update: dict[str, object] = {
        "sections": _keep_titles(current, edited),
        "risks": edited.risks,
        "measures": edited.measures,
    }
    if current.state is not DpiaState.draft:
        update |= {"state": DpiaState.draft, "signatures": ()}
    return DpiaDocument.model_validate(current.model_copy(update=update).model_dump())


def _keep_titles(current: DpiaDocument, edited: DpiaDocument) -> tuple:  # type: ignore[type-arg]
    # Titles, prefills and source notes are Sluis's; only the text is the user's.
    return tuple(
        old.model_copy(update={"text": new.text})
        for old, new in zip(current.sections, edited.sections, strict=True)
    )


def start_revision(adopted: DpiaDocument) -> DpiaDocument:
    """A new draft from an adopted version: same content, no advice, no signatures."""
    return adopted.model_copy(
        update={"state": DpiaState.draft, "dpo_advice": None, "signatures": ()}
    )


def mark_ready_for_advice(doc: DpiaDocument) -> DpiaDocument:
    """Hand a complete draft to the DPO; refused while content is missing."""
    if doc.state is DpiaState.adopted:
        raise AdoptedImmutable()
    refusals = content_refusals(doc)
    if refusals:
        raise LifecycleRefused("ready_for_advice", refusals)
    return doc.model_copy(update={"state": DpiaState.ready_for_advice})


def record_advice(doc: DpiaDocument, advice: DpoAdvice, on_version: int) -> DpiaDocument:
    """Record the DPO's advice on version ``on_version``. Earlier signatures concerned
    earlier advice, so they are dropped."""
    if doc.state is DpiaState.adopted:
        raise AdoptedImmutable()
    advice = advice.model_copy(update={"given_on_version": on_version})
    return doc.model_copy(
        update={"state": DpiaState.advised, "dpo_advice": advice, "signatures": ()}
    )


def sign(doc: DpiaDocument, signature: Signature) -> DpiaDocument:
    """Add a signature (replacing an earlier one of the same role); only after advice."""
    if doc.state is DpiaState.adopted:
        raise AdoptedImmutable()
    if doc.state is not DpiaState.advised:
        raise LifecycleRefused(
            "sign",
            [
                Refusal(
                    "dpo_advice.missing",
                    t(
                        "Leg eerst het advies van de FG vast: ondertekening volgt op het advies.",
                        "Record the DPO's advice first: signing follows the advice.",
                    ),
                )
            ],
        )
    others = tuple(s for s in doc.signatures if s.role is not signature.role)
    ordered = tuple(sorted((*others, signature), key=lambda s: list(SignatoryRole).index(s.role)))
    return doc.model_copy(update={"signatures": ordered})


def adopt(doc: DpiaDocument) -> DpiaDocument:
    refusals = adoption_refusals(doc)
    if refusals:
        raise LifecycleRefused("adopt", refusals)
    return doc.model_copy(update={"state": DpiaState.adopted})


__all__ = [
    "AdoptedImmutable",
    "LifecycleRefused",
    "Refusal",
    "adopt",
    "adoption_refusals",
    "apply_edit",
    "content_refusals",
    "mark_ready_for_advice",
    "record_advice",
    "sign",
    "start_revision",
]
