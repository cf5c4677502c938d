"""Records of the gateway's decisions in the local processing log (JSON lines): the
standard's fields, the person encrypted, one record per person of a batch, refusals, the
audit trail's link, and nothing at all when switched off."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy.orm import Session, sessionmaker

from processing_log.world import (
    ALLOWANCE,
    GRANT,
    HOUSEHOLD,
    allowance_gateway,
    records,
    settings_for,
)
from sluis.audit import read_events
from sluis.gateway.contract import InputsRefused
from sluis.gateway.crypto import load_master_key
from sluis.processing_log.subject_ids import SubjectIdCipher

STANDARD_FIELDS = {
    "trace_id",
    "span_id",
    "parent_span_id",
    "name",
    "start_time",
    "end_time",
    "status",
    "resource",
    "attributes",
}
ACTIVITY = f"http://127.0.0.1:8000/api/v1/register/art30?profile={ALLOWANCE}&version=1"


def test_a_decision_is_one_record_with_the_standards_fields(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    gateway = allowance_gateway(sessions, settings_for(tmp_path))
    decided = gateway.decide(ALLOWANCE, GRANT, "burger-1", HOUSEHOLD)
    (record,) = records(gateway)
    assert set(record) == STANDARD_FIELDS
    assert len(record["trace_id"]) == 32 and len(record["span_id"]) == 16
    assert record["parent_span_id"] is None
    assert record["name"] == "decide"
    assert record["status"] == "Ok"
    assert record["start_time"] <= record["end_time"]
    assert record["resource"]["attributes"]["service.name"] == "sluis"
    attributes = record["attributes"]
    assert attributes["dpl.core.processing_activity_id"] == ACTIVITY
    assert attributes["dpl.core.data_subject_id_type"] == "urn:sluis:subject-pseudonym:aes-gcm"
    assert attributes["sluis.decision"] == decided.decision_uuid
    assert attributes["sluis.result"] == "done"


def test_the_person_is_unreadable_in_the_log_but_decrypts_with_the_key(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    settings = settings_for(tmp_path)
    gateway = allowance_gateway(sessions, settings)
    gateway.decide(ALLOWANCE, GRANT, "burger-7731", HOUSEHOLD)
    (record,) = records(gateway)
    text = gateway.processing_log.file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    pseudonym = gateway.keys.ring.pseudonym("burger-7731")
    assert "burger-7731" not in text
    assert pseudonym not in text
    assert "1523.45" not in text  # nor any input
    cipher = SubjectIdCipher(load_master_key(settings))
    assert cipher.decrypt(record["attributes"]["dpl.core.data_subject_id"]) == pseudonym


def test_the_decisions_audit_event_carries_the_records_trace(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    gateway = allowance_gateway(sessions, settings_for(tmp_path))
    decided = gateway.decide(ALLOWANCE, GRANT, "burger-1", HOUSEHOLD)
    (record,) = records(gateway)
    (event,) = [e for e in read_events(sessions) if e.decision_uuid == decided.decision_uuid]
    assert event.details["trace_id"] == record["trace_id"]


def test_refused_inputs_are_logged_as_handled_not_as_a_fault(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    gateway = allowance_gateway(sessions, settings_for(tmp_path))
    with pytest.raises(InputsRefused):
        gateway.decide(ALLOWANCE, GRANT, "burger-1", {**HOUSEHOLD, "household_assets": "lots"})
    (record,) = records(gateway)
    assert record["status"] == "Unset"
    assert record["attributes"]["sluis.result"] == "refused"
    assert "sluis.decision" not in record["attributes"]


def test_a_batch_is_one_action_with_a_child_record_per_person(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    settings = settings_for(tmp_path)
    gateway = allowance_gateway(sessions, settings)
    people = [f"burger-{n}" for n in range(5)]
    frame = pd.DataFrame([HOUSEHOLD] * 5)
    frame.insert(0, "subject_id", people)
    result = gateway.decide_batch(ALLOWANCE, GRANT, frame, chunk_size=2)
    found = records(gateway)
    (batch,) = [r for r in found if r["name"] == "decide-batch"]
    rows = [r for r in found if r["name"] == "decide-row"]
    assert batch["attributes"]["sluis.batch"] == result.batch_id
    assert len(rows) == 5
    assert {r["trace_id"] for r in rows} == {batch["trace_id"]}
    assert {r["parent_span_id"] for r in rows} == {batch["span_id"]}
    assert len({r["span_id"] for r in rows}) == 5
    assert {r["attributes"]["sluis.decision"] for r in rows} == set(result.decision_ids)
    assert all(r["attributes"]["dpl.core.processing_activity_id"] == ACTIVITY for r in rows)
    cipher = SubjectIdCipher(load_master_key(settings))
    logged = {cipher.decrypt(r["attributes"]["dpl.core.data_subject_id"]) for r in rows}
    assert logged == set(gateway.keys.ring.pseudonyms(people))


def test_switched_off_nothing_is_written(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    gateway = allowance_gateway(sessions, settings_for(tmp_path, processing_log=False))
    decided = gateway.decide(ALLOWANCE, GRANT, "burger-1", HOUSEHOLD)
    frame = pd.DataFrame([HOUSEHOLD])
    frame.insert(0, "subject_id", ["burger-2"])
    gateway.decide_batch(ALLOWANCE, GRANT, frame)
    assert gateway.processing_log.flush()
    assert not list(tmp_path.glob("*.jsonl"))
    (event,) = [e for e in read_events(sessions) if e.decision_uuid == decided.decision_uuid]
    assert "trace_id" not in event.details


def test_the_log_file_can_be_placed_elsewhere(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "logs" / "ldv.jsonl"
    gateway = allowance_gateway(sessions, settings_for(tmp_path, processing_log_file=elsewhere))
    gateway.decide(ALLOWANCE, GRANT, "burger-1", HOUSEHOLD)
    assert gateway.processing_log.flush()
    assert len(elsewhere.read_text(encoding="utf-8").splitlines()) == 1
    assert elsewhere.stat().st_mode & 0o077 == 0
