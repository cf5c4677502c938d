"""Storing definitions and instruments (SQLite and PostgreSQL): versions side by side,
prefilled instruments, answers as versions with who and when, refusals that store nothing,
exchange, verdicts and sign-off."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.dpia_document.lifecycle import LifecycleRefused
from sluis.dpia_document.model import SignatoryRole, Signature, SignatureDecision
from sluis.instruments import service
from sluis.instruments.answers import AnswersInvalid
from sluis.instruments.exchange import OutputInvalid
from sluis.instruments.loading import DefinitionInvalid
from sluis.instruments.record import InstrumentState
from sluis.profiles.service import ProfileNotFound
from sluis.store.tables.instruments import InstrumentDefinitionRow, InstrumentVersionRow

from .answer_sets import full_answers

Sessions = sessionmaker[Session]


def count(sessions: Sessions, table) -> int:
    with sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_definitions_are_kept_per_urn_and_version(imported: Sessions, source_of, tmp_path) -> None:
    keys = [d.key for d in service.list_definitions(imported)]
    assert keys == ["urn:nl:dpia:3.0", "urn:nl:iama:2.0", "urn:nl:prescan:2.0"]
    again = service.import_definition(imported, source_of("prescan"))
    assert not again.created
    # A newer version sits beside the old one; the newest is the default.
    raw = yaml.safe_load(source_of("prescan").read_text(encoding="utf-8"))
    raw["version"] = "2.1"
    newer = tmp_path / "sources" / "prescan.yaml"
    newer.parent.mkdir()
    newer.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    schemas = source_of("prescan").parent.parent / "schemas"
    assert service.import_definition(imported, newer, schema_dir=schemas).created
    assert service.get_definition(imported, "urn:nl:prescan").version == "2.1"
    assert service.get_definition(imported, "urn:nl:prescan:2.0").version == "2.0"
    # The same version with other content is refused; nothing changes.
    raw["name"] = "Changed"
    newer.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(service.DefinitionConflict):
        service.import_definition(imported, newer, schema_dir=schemas)
    assert service.get_definition(imported, "urn:nl:prescan", "2.1").name == "Pre-scan DPIA"
    with pytest.raises(service.DefinitionNotFound):
        service.get_definition(imported, "urn:nl:nothing")


def test_an_invalid_definition_writes_nothing(sessions: Sessions, source_of, tmp_path) -> None:
    raw = yaml.safe_load(source_of("iama").read_text(encoding="utf-8"))
    raw["tasks"][0]["type"] = "open_text"  # must be a list
    del raw["urn"]
    path = tmp_path / "sources" / "iama.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    schemas = source_of("iama").parent.parent / "schemas"
    with pytest.raises(DefinitionInvalid) as caught:
        service.import_definition(sessions, path, schema_dir=schemas)
    assert {e.path for e in caught.value.errors} >= {"", "tasks/0/type"}
    assert count(sessions, InstrumentDefinitionRow) == 0


def test_opening_prefills_from_profile_and_assessment(imported: Sessions, welfare: str) -> None:
    opened = service.open_instance(imported, welfare, "urn:nl:prescan", by="po")
    assert opened.created and opened.version == 1 and opened.state is InstrumentState.draft
    answers, meta = opened.answers, opened.record.meta
    assert answers["0.4"] == "Rechtsgrond taak van algemeen belang"
    assert meta["0.4"].prefill is not None and meta["0.4"].prefill.source == "legal_basis.article6"
    assert "Lijst AP: Fraudebestrijding" in answers["3.1"]
    assert meta["3.1"].prefill.kind == "assessment"
    assert len(answers["4.1"]) >= 2 and meta["4.1"].prefill.source == "dpia.criteria"
    assert answers["6.1.1"] is True
    assert meta["0.4"].edited_by == "po"
    # Opening again returns the same instrument.
    assert not service.open_instance(imported, welfare, "urn:nl:prescan:2.0").created
    with pytest.raises(ProfileNotFound):
        service.open_instance(imported, "no-such-algorithm", "urn:nl:prescan")


def test_the_prescan_carries_forward_into_the_dpia(imported: Sessions, welfare: str) -> None:
    prescan = service.open_instance(imported, welfare, "urn:nl:prescan")
    service.save_answers(
        imported,
        prescan.id,
        prescan.answers | {"0.2": "Eigen beschrijving", "1.2.1": True},
        by="po",
    )
    dpia = service.open_instance(imported, welfare, "urn:nl:dpia")
    assert dpia.answers["1.1"] == "Eigen beschrijving"  # one-to-one, not the profile's text
    assert dpia.record.meta["1.1"].prefill.source == "urn:nl:prescan:2.0#0.2"
    assert dpia.answers["12.1.1"] is True  # pre-fill
    legal = dpia.answers["11.1"][0]["11.1.1"][0]["11.1.1.1"]  # inside two repeatable groups
    assert legal == "Rechtsgrond taak van algemeen belang"
    assert dpia.answers["2.1"][0]["2.1.1"] == "client_id"  # the profile's data fields


def test_answers_are_versions_with_who_and_when(imported: Sessions, welfare: str) -> None:
    opened = service.open_instance(imported, welfare, "urn:nl:prescan")
    saved = service.save_answers(
        imported, opened.id, opened.answers | {"0.4": "Rechtsgrond toestemming"}, by="anna"
    )
    assert saved.version == 2 and saved.created
    assert saved.record.meta["0.4"].edited_by == "anna"
    assert saved.record.meta["0.4"].prefill is None  # edited: no longer Sluis's suggestion
    assert saved.record.meta["3.1"].prefill is not None  # untouched: still marked
    same = service.save_answers(imported, opened.id, saved.answers, by="anna")
    assert not same.created and same.version == 2
    assert service.get_instance(imported, opened.id, 1).answers["0.4"] != "Rechtsgrond toestemming"
    assert [v.version for v in service.list_instance_versions(imported, opened.id)] == [1, 2]
    with pytest.raises(service.InstanceConflict):
        service.save_answers(imported, opened.id, {}, base_version=1)


def test_a_page_replaces_only_its_part(imported: Sessions, welfare: str) -> None:
    opened = service.open_instance(imported, welfare, "urn:nl:prescan")
    saved = service.save_answers(imported, opened.id, {"0.1": True}, scope=["0"])
    assert saved.answers["0.1"] is True
    assert "0.4" not in saved.answers  # part 0 replaced as a whole
    assert saved.answers["3.1"] == opened.answers["3.1"]  # other parts kept


def test_invalid_answers_store_nothing(imported: Sessions, welfare: str) -> None:
    opened = service.open_instance(imported, welfare, "urn:nl:prescan")
    before = count(imported, InstrumentVersionRow)
    with pytest.raises(AnswersInvalid) as caught:
        service.save_answers(imported, opened.id, {"0.4": "x", "77": "y", "1.1.2": "z"})
    assert {e.path for e in caught.value.errors} == {"0.4", "77", "1.1.2"}
    assert count(imported, InstrumentVersionRow) == before


def test_exchange_round_trip_through_storage(imported: Sessions, welfare: str) -> None:
    dpia = service.open_instance(imported, welfare, "urn:nl:dpia")
    answers = full_answers(dpia.definition)
    service.save_answers(imported, dpia.id, answers)
    service.set_completed(imported, dpia.id, ["1", "2"])
    exported = service.export_answers(imported, dpia.id, by_name="Privacy officer")
    service.save_answers(imported, dpia.id, {})
    back = service.import_answers(imported, dpia.id, exported.document, by="po")
    assert back.answers == answers
    assert back.record.completed == ("1", "2")


def test_a_bad_answers_file_imports_nothing(imported: Sessions, welfare: str) -> None:
    prescan = service.open_instance(imported, welfare, "urn:nl:prescan")
    document = service.export_answers(imported, prescan.id).document
    document["answers"]["99.1"] = {"value": "x", "lastEditedAt": "2025-01-01T00:00:00Z"}
    document["answers"]["0.4"] = {"value": "onbekend", "lastEditedAt": "2025-01-01T00:00:00Z"}
    before = count(imported, InstrumentVersionRow)
    with pytest.raises(OutputInvalid) as caught:
        service.import_answers(imported, prescan.id, document)
    assert {e.path for e in caught.value.errors} == {"99.1", "0.4"}
    assert count(imported, InstrumentVersionRow) == before
    document = service.export_answers(imported, prescan.id).document
    document["metadata"]["urn"] = "urn:nl:dpia:3.0"
    with pytest.raises(OutputInvalid):
        service.import_answers(imported, prescan.id, document)


def test_verdict_and_comparison(imported: Sessions, welfare: str) -> None:
    prescan = service.open_instance(imported, welfare, "urn:nl:prescan")
    result = service.verdict(imported, prescan.id)
    dpia = result.verdicts.get("DPIA")
    assert dpia is not None and dpia.level == "required"
    assert {c.id for c in dpia.fired} == {"aplist", "edpblist2"}
    assert result.comparison is not None and result.comparison.agree
    dpia_instance = service.open_instance(imported, welfare, "urn:nl:dpia")
    assert service.verdict(imported, dpia_instance.id).comparison is None


def signature(role: SignatoryRole, decision: SignatureDecision) -> Signature:
    return Signature(role=role, name="N. Naam", date=date(2025, 5, 1), decision=decision)


def test_sign_off_like_the_dpia(imported: Sessions, welfare: str) -> None:
    opened = service.open_instance(imported, welfare, "urn:nl:prescan")
    dpo = signature(SignatoryRole.dpo, SignatureDecision.advice_given)
    owner = signature(SignatoryRole.decision_owner, SignatureDecision.adopt)
    with pytest.raises(LifecycleRefused) as caught:
        service.sign(imported, opened.id, dpo)
    assert "task.0.completed" in {r.item for r in caught.value.refusals}
    every = [t.id for t in opened.definition.tasks]
    service.set_completed(imported, opened.id, every)
    service.sign(imported, opened.id, dpo)
    with pytest.raises(LifecycleRefused) as caught:
        service.adopt(imported, opened.id)
    assert {r.item for r in caught.value.refusals} == {"signature.decision_owner.missing"}
    signed = service.sign(imported, opened.id, owner)
    assert signed.state is InstrumentState.signed
    adopted = service.adopt(imported, opened.id)
    assert adopted.state is InstrumentState.adopted
    # Changing an adopted instrument starts a new draft without signatures.
    edited = service.save_answers(imported, opened.id, adopted.answers | {"0.1": False})
    assert edited.state is InstrumentState.draft and edited.record.signatures == ()
    assert (
        service.get_instance(imported, opened.id, adopted.version).state is InstrumentState.adopted
    )


def test_listing_instruments(imported: Sessions, welfare: str) -> None:
    service.open_instance(imported, welfare, "urn:nl:prescan")
    service.open_instance(imported, welfare, "urn:nl:iama")
    listed = service.list_instances(imported, welfare)
    assert {i.urn for i in listed} == {"urn:nl:prescan", "urn:nl:iama"}
    assert service.list_instances(imported, "someone-else") == []
    with pytest.raises(service.InstanceNotFound):
        service.get_instance(imported, 9999)
