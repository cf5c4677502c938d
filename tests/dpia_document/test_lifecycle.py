"""draft → ready_for_advice → advised → adopted: what each step needs, named item by item."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sluis.dpia_document import lifecycle
from sluis.dpia_document.lifecycle import AdoptedImmutable, LifecycleRefused
from sluis.dpia_document.model import (
    DpiaDocument,
    DpiaState,
    DpoAdvice,
    Measure,
    SectionKey,
    SignatoryRole,
    Signature,
    SignatureDecision,
)

Complete = Callable[[DpiaDocument], DpiaDocument]


def adopted(
    doc: DpiaDocument, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> DpiaDocument:
    doc = lifecycle.record_advice(doc, advice, on_version=4)
    for signature in signatures:
        doc = lifecycle.sign(doc, signature)
    return lifecycle.adopt(doc)


def items(exc: pytest.ExceptionInfo[LifecycleRefused]) -> set[str]:
    return {r.item for r in exc.value.refusals}


def test_a_complete_advised_and_signed_document_is_adopted(
    draft: DpiaDocument, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    doc = adopted(complete(draft), advice, signatures)
    assert doc.state is DpiaState.adopted
    assert doc.dpo_advice is not None and doc.dpo_advice.given_on_version == 4
    assert [s.role for s in doc.signatures] == [SignatoryRole.decision_owner, SignatoryRole.dpo]


def test_a_fresh_draft_lists_everything_that_is_missing(draft: DpiaDocument) -> None:
    with pytest.raises(LifecycleRefused) as refused:
        lifecycle.adopt(draft)
    found = items(refused)
    assert "section.residual_risk.empty" in found
    assert "section.necessity.open_points" in found
    for risk in draft.risks:
        assert f"risk.{risk.id}.confirmed" in found
        assert f"risk.{risk.id}.residual_justification" in found
    assert {
        "dpo_advice.missing",
        "signature.decision_owner.missing",
        "signature.dpo.missing",
    } <= found
    assert all(r.text.nl and r.text.en for r in refused.value.refusals)


@pytest.mark.parametrize(
    ("breaks", "item"),
    [
        (lambda d: _section(d, SectionKey.purposes, ""), "section.purposes.empty"),
        (
            lambda d: _section(d, SectionKey.rights, "zie [[nog invullen]]"),
            "section.rights.open_points",
        ),
        (lambda d: _risk(d, justification=""), "risk.R1.justification"),
        (lambda d: _risk(d, confirmed=False), "risk.R1.confirmed"),
        (lambda d: _risk(d, residual_justification=" "), "risk.R1.residual_justification"),
        (lambda d: d.model_copy(update={"risks": (), "measures": ()}), "risks.none"),
        (
            lambda d: d.model_copy(update={"measures": (Measure(id="M2", description="x"),)}),
            "measure.M2.risks",
        ),
    ],
)
def test_each_missing_content_item_is_named(
    draft: DpiaDocument,
    complete: Complete,
    advice: DpoAdvice,
    signatures: tuple[Signature, ...],
    breaks: Callable[[DpiaDocument], DpiaDocument],
    item: str,
) -> None:
    doc = lifecycle.record_advice(breaks(complete(draft)), advice, on_version=2)
    for signature in signatures:
        doc = lifecycle.sign(doc, signature)
    with pytest.raises(LifecycleRefused) as refused:
        lifecycle.adopt(doc)
    assert items(refused) == {item}


def test_a_missing_signature_is_named(
    draft: DpiaDocument, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    owner, _ = signatures
    doc = lifecycle.sign(lifecycle.record_advice(complete(draft), advice, 2), owner)
    with pytest.raises(LifecycleRefused) as refused:
        lifecycle.adopt(doc)
    assert items(refused) == {"signature.dpo.missing"}


def test_a_decision_owner_who_rejects_blocks_adoption(
    draft: DpiaDocument, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    owner, dpo = signatures
    rejecting = owner.model_copy(update={"decision": SignatureDecision.reject})
    doc = lifecycle.record_advice(complete(draft), advice, 2)
    doc = lifecycle.sign(lifecycle.sign(doc, rejecting), dpo)
    with pytest.raises(LifecycleRefused) as refused:
        lifecycle.adopt(doc)
    assert items(refused) == {"signature.decision_owner.rejected"}


def test_signing_comes_after_the_advice(
    draft: DpiaDocument, signatures: tuple[Signature, ...]
) -> None:
    with pytest.raises(LifecycleRefused) as refused:
        lifecycle.sign(draft, signatures[0])
    assert items(refused) == {"dpo_advice.missing"}


def test_signing_again_in_a_role_replaces_the_earlier_signature(
    draft: DpiaDocument, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    owner, dpo = signatures
    doc = lifecycle.record_advice(draft, advice, 2)
    doc = lifecycle.sign(
        lifecycle.sign(lifecycle.sign(doc, dpo), owner),
        owner.model_copy(update={"name": "C. Nieuw"}),
    )
    assert [(s.role, s.name) for s in doc.signatures] == [
        (SignatoryRole.decision_owner, "C. Nieuw"),
        (SignatoryRole.dpo, dpo.name),
    ]


def test_editing_after_advice_returns_to_draft_and_drops_signatures(
    draft: DpiaDocument, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    doc = lifecycle.record_advice(complete(draft), advice, 2)
    doc = lifecycle.sign(doc, signatures[0])
    edited = lifecycle.apply_edit(doc, _section(doc, SectionKey.purposes, "Een ander doel."))
    assert edited.state is DpiaState.draft
    assert edited.signatures == ()
    assert edited.dpo_advice == doc.dpo_advice  # kept, but no longer current:
    refusal_items = {r.item for r in lifecycle.adoption_refusals(edited)}
    assert "dpo_advice.outdated" in refusal_items


def test_an_edit_takes_only_the_content(
    draft: DpiaDocument, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    forged = _section(draft, SectionKey.purposes, "Nieuw doel.").model_copy(
        update={
            "state": DpiaState.adopted,
            "signatures": signatures,
            "dpo_advice": advice,
            "profile_version": 9,
        }
    )
    edited = lifecycle.apply_edit(draft, forged)
    assert edited.section(SectionKey.purposes).text == "Nieuw doel."
    assert (edited.state, edited.signatures, edited.dpo_advice, edited.profile_version) == (
        DpiaState.draft,
        (),
        None,
        draft.profile_version,
    )


def test_an_unchanged_edit_changes_nothing(draft: DpiaDocument) -> None:
    assert lifecycle.apply_edit(draft, draft) is draft


def test_an_adopted_version_is_immutable(
    draft: DpiaDocument, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    doc = adopted(complete(draft), advice, signatures)
    for step in (
        lambda: lifecycle.apply_edit(doc, _section(doc, SectionKey.purposes, "x")),
        lambda: lifecycle.record_advice(doc, advice, 5),
        lambda: lifecycle.sign(doc, signatures[0]),
        lambda: lifecycle.mark_ready_for_advice(doc),
    ):
        with pytest.raises(AdoptedImmutable):
            step()
    with pytest.raises(LifecycleRefused) as refused:
        lifecycle.adopt(doc)
    assert items(refused) == {"state.adopted"}


def test_a_revision_of_an_adopted_version_starts_a_clean_draft(
    draft: DpiaDocument, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> None:
    doc = adopted(complete(draft), advice, signatures)
    revision = lifecycle.start_revision(doc)
    assert (revision.state, revision.dpo_advice, revision.signatures) == (DpiaState.draft, None, ())
    assert revision.content() == doc.content()


def test_ready_for_advice_needs_complete_content(draft: DpiaDocument, complete: Complete) -> None:
    with pytest.raises(LifecycleRefused) as refused:
        lifecycle.mark_ready_for_advice(draft)
    assert "section.residual_risk.empty" in items(refused)
    assert "dpo_advice.missing" not in items(refused)  # that comes after this step
    ready = lifecycle.mark_ready_for_advice(complete(draft))
    assert ready.state is DpiaState.ready_for_advice


def _section(doc: DpiaDocument, key: SectionKey, text: str) -> DpiaDocument:
    sections = tuple(
        s.model_copy(update={"text": text}) if s.key == key else s for s in doc.sections
    )
    return doc.model_copy(update={"sections": sections})


def _risk(doc: DpiaDocument, **update: object) -> DpiaDocument:
    first = doc.risks[0].model_copy(update=update)
    return doc.model_copy(update={"risks": (first, *doc.risks[1:])})
