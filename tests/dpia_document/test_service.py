"""Storing DPIAs, on SQLite and PostgreSQL: every change a version, adopted versions
untouched, refusals that store nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.dpia_document import service
from sluis.dpia_document.lifecycle import AdoptedImmutable, LifecycleRefused
from sluis.dpia_document.model import DpiaDocument, DpiaState, DpoAdvice, SectionKey, Signature
from sluis.dpia_document.prefill import DpiaNotNeeded
from sluis.dpia_document.service import DpiaConflict, DpiaNotFound
from sluis.dpia_document.validation import DpiaInvalid
from sluis.profiles.service import ProfileNotFound
from sluis.profiles.validation import parse_profile_text
from sluis.store.tables.dpia import DpiaVersionRow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
Sessions = sessionmaker[Session]
Complete = Callable[[DpiaDocument], DpiaDocument]


def register(sessions: Sessions, name: str = WELFARE) -> None:
    register_and_assess(sessions, parse_profile_text((EXAMPLES / f"{name}.yaml").read_text()))


def with_purpose(doc: DpiaDocument, text: str) -> DpiaDocument:
    sections = tuple(
        s.model_copy(update={"text": text}) if s.key == SectionKey.purposes else s
        for s in doc.sections
    )
    return doc.model_copy(update={"sections": sections})


def adopt_complete(
    sessions: Sessions, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> service.StoredDpia:
    opened = service.open_dpia(sessions, WELFARE, by="privacy officer")
    service.save_draft(sessions, WELFARE, complete(opened.document), by="privacy officer")
    service.record_advice(sessions, WELFARE, advice, by="dpo")
    for signature in signatures:
        service.sign(sessions, WELFARE, signature)
    return service.adopt(sessions, WELFARE, by="privacy officer")


def test_opening_stores_a_prefilled_draft_as_version_one(sessions: Sessions) -> None:
    register(sessions)
    opened = service.open_dpia(sessions, WELFARE, by="anna", language="en")
    assert (opened.version, opened.state, opened.created) == (1, DpiaState.draft, True)
    assert (opened.profile_version, opened.created_by) == (1, "anna")
    assert opened.document.language == "en"
    again = service.open_dpia(sessions, WELFARE)
    assert (again.version, again.created) == (1, False)
    assert again.document == opened.document
    assert service.has_dpia(sessions, WELFARE)


def test_no_dpia_is_opened_when_none_is_needed(sessions: Sessions) -> None:
    register(sessions, "library-overdue-reminders")
    with pytest.raises(DpiaNotNeeded) as refused:
        service.open_dpia(sessions, "library-overdue-reminders")
    assert refused.value.reasons
    assert not service.has_dpia(sessions, "library-overdue-reminders")
    with pytest.raises(DpiaNotFound):
        service.get_dpia(sessions, "library-overdue-reminders")


def test_unknown_profiles_and_versions_are_not_found(sessions: Sessions) -> None:
    with pytest.raises(ProfileNotFound):
        service.open_dpia(sessions, "nobody")
    register(sessions)
    service.open_dpia(sessions, WELFARE)
    with pytest.raises(DpiaNotFound, match="version 7"):
        service.get_dpia(sessions, WELFARE, 7)


def test_every_saved_draft_is_kept_as_a_version(sessions: Sessions) -> None:
    register(sessions)
    doc = service.open_dpia(sessions, WELFARE).document
    second = service.save_draft(sessions, WELFARE, with_purpose(doc, "Doel A."), by="anna")
    third = service.save_draft(sessions, WELFARE, with_purpose(doc, "Doel B."), by="bram")
    assert (second.version, third.version) == (2, 3)
    assert (
        service.get_dpia(sessions, WELFARE, 2).document.section(SectionKey.purposes).text
        == "Doel A."
    )
    assert (
        service.get_dpia(sessions, WELFARE).document.section(SectionKey.purposes).text == "Doel B."
    )
    assert [(v.version, v.created_by) for v in service.list_versions(sessions, WELFARE)] == [
        (1, None),
        (2, "anna"),
        (3, "bram"),
    ]


def test_saving_unchanged_content_stores_nothing(sessions: Sessions) -> None:
    register(sessions)
    doc = service.open_dpia(sessions, WELFARE).document
    same = service.save_draft(sessions, WELFARE, doc)
    assert (same.version, same.created) == (1, False)
    assert len(service.list_versions(sessions, WELFARE)) == 1


def test_a_change_made_on_an_old_version_is_refused(sessions: Sessions) -> None:
    register(sessions)
    doc = service.open_dpia(sessions, WELFARE).document
    service.save_draft(sessions, WELFARE, with_purpose(doc, "Eerst."), base_version=1)
    with pytest.raises(DpiaConflict) as conflict:
        service.save_draft(sessions, WELFARE, with_purpose(doc, "Later."), base_version=1)
    assert conflict.value.current_version == 2
    assert len(service.list_versions(sessions, WELFARE)) == 2


def test_a_document_of_another_profile_is_refused(sessions: Sessions) -> None:
    register(sessions)
    doc = service.open_dpia(sessions, WELFARE).document
    with pytest.raises(DpiaInvalid) as refused:
        service.save_draft(sessions, WELFARE, doc.model_copy(update={"profile_id": "other"}))
    assert refused.value.errors[0].loc == "profile_id"


def test_a_refused_adoption_stores_nothing(sessions: Sessions) -> None:
    register(sessions)
    service.open_dpia(sessions, WELFARE)
    with pytest.raises(LifecycleRefused) as refused:
        service.adopt(sessions, WELFARE)
    assert "section.residual_risk.empty" in {r.item for r in refused.value.refusals}
    assert service.get_dpia(sessions, WELFARE).state is DpiaState.draft
    assert len(service.list_versions(sessions, WELFARE)) == 1


def test_the_full_lifecycle_ends_in_an_adopted_version(
    sessions: Sessions,
    complete: Complete,
    advice: DpoAdvice,
    signatures: tuple[Signature, ...],
) -> None:
    register(sessions)
    adopted = adopt_complete(sessions, complete, advice, signatures)
    assert adopted.state is DpiaState.adopted and adopted.version == 6
    assert adopted.adopted_at is not None
    assert adopted.document.dpo_advice is not None
    assert adopted.document.dpo_advice.given_on_version == 2
    states = [v.state.value for v in service.list_versions(sessions, WELFARE)]
    assert states == ["draft", "draft", "advised", "advised", "advised", "adopted"]


def test_editing_an_adopted_dpia_starts_a_new_draft_and_keeps_the_adopted_one(
    sessions: Sessions,
    complete: Complete,
    advice: DpoAdvice,
    signatures: tuple[Signature, ...],
) -> None:
    register(sessions)
    adopted = adopt_complete(sessions, complete, advice, signatures)
    revised = service.save_draft(
        sessions, WELFARE, with_purpose(adopted.document, "Herzien doel."), by="anna"
    )
    assert (revised.version, revised.state) == (7, DpiaState.draft)
    assert revised.document.dpo_advice is None and revised.document.signatures == ()
    kept = service.get_dpia(sessions, WELFARE, adopted.version)
    assert kept.state is DpiaState.adopted
    assert kept.document == adopted.document
    assert kept.adopted_at == adopted.adopted_at
    # The adopted row itself was never rewritten.
    with sessions() as session:
        rows = session.scalar(select(func.count()).select_from(DpiaVersionRow))
    assert rows == 7


def test_unchanged_save_of_an_adopted_dpia_keeps_it_adopted(
    sessions: Sessions,
    complete: Complete,
    advice: DpoAdvice,
    signatures: tuple[Signature, ...],
) -> None:
    register(sessions)
    adopted = adopt_complete(sessions, complete, advice, signatures)
    same = service.save_draft(sessions, WELFARE, adopted.document)
    assert (same.version, same.state, same.created) == (adopted.version, DpiaState.adopted, False)
    with pytest.raises(AdoptedImmutable):
        service.sign(sessions, WELFARE, signatures[0])


def test_an_author_name_longer_than_the_column_is_refused(sessions: Sessions) -> None:
    register(sessions)
    with pytest.raises(ValueError, match="longer than 200"):
        service.open_dpia(sessions, WELFARE, by="x" * 201)
    assert not service.has_dpia(sessions, WELFARE)


def test_concurrent_saves_get_consecutive_versions(sessions: Sessions) -> None:
    register(sessions)
    doc = service.open_dpia(sessions, WELFARE).document
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def save(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            service.save_draft(sessions, WELFARE, with_purpose(doc, f"Doel {n}."))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(n,), daemon=True) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert [v.version for v in service.list_versions(sessions, WELFARE)] == [1, 2, 3, 4, 5]
