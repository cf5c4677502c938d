"""The retention job erases what has expired, keeps what a hold or pending work keeps, and
records what it did (counts only). Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from retention_world import LATELY, LONG_AGO, NOW, age, decide
from review_desk import HIGH, PENDING, PROFILE, set_up_desk
from review_desk import make_gateway as make_allowance_gateway
from review_desk import profile_document as allowance_document
from rights_world import PROFILE_ID, profile_document
from sluis.assessment.service import register_and_assess
from sluis.audit import read_events
from sluis.audit.anchors import AnchorKey, read_anchors
from sluis.audit.verify import verify_trail
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.retention.holds import HoldRefused, lift_hold, list_holds, place_hold
from sluis.retention.service import run_retention
from sluis.review import service as review
from sluis.rights.desk import RightsDesk
from sluis.rights.intake import NewRequest, take_in
from sluis.settings import Settings
from sluis.store.tables.gateway import DecisionRow, SubjectKeyRow
from sluis.store.tables.review import ReviewActRow, ReviewCaseRow
from sluis.store.tables.trust import RetentionErasureRow, RetentionRunRow

Sessions = sessionmaker[Session]


def decision_row(sessions: Sessions, decision_uuid: str) -> DecisionRow:
    with sessions.begin() as session:
        row = session.get(DecisionRow, decision_uuid)
        assert row is not None
        session.expunge(row)
        return row


def key_row(sessions: Sessions, gateway: Gateway, subject: str) -> SubjectKeyRow:
    with sessions.begin() as session:
        row = session.get(SubjectKeyRow, gateway.keys.ring.pseudonym(subject))
        assert row is not None
        session.expunge(row)
        return row


def test_expired_records_are_erased_and_newer_ones_kept(sessions: Sessions, loans: Gateway) -> None:
    old_a = decide(loans, "subject-a", LONG_AGO)
    new_a = decide(loans, "subject-a", LATELY)
    old_b = decide(loans, "subject-b", LONG_AGO)
    report = run_retention(sessions, loans, NOW)
    assert (report.erased, report.keys_destroyed) == (2, 1)
    assert report.by_algorithm == {PROFILE_ID: 2}

    for erased in (old_a, old_b):
        row = decision_row(sessions, erased)
        assert row.payload_ciphertext == b"" and row.outcome is None and row.score is None
        assert row.subject_pseudonym == "" and row.key_id == "" and row.idempotency_key is None
        record = loans.get_decision(erased, reveal=True)
        assert record.erased and record.payload is None
        # the anonymous skeleton stays: what was decided when, with which status
        assert record.profile_id == PROFILE_ID and record.status == "final"
    kept = loans.get_decision(new_a, reveal=True)
    assert not kept.erased and kept.payload is not None and kept.outcome == "granted"
    # a's key still seals a record; b's sealed nothing else and is destroyed
    assert key_row(sessions, loans, "subject-a").wrapped_key is not None
    gone = key_row(sessions, loans, "subject-b")
    assert gone.wrapped_key is None and gone.destroyed_at is not None


def test_the_run_is_recorded_with_counts_only(sessions: Sessions, loans: Gateway) -> None:
    erased = decide(loans, "subject-a", LONG_AGO)
    report = run_retention(sessions, loans, NOW)
    with sessions.begin() as session:
        run = session.get(RetentionRunRow, report.run_id)
        assert run is not None and run.finished and run.finished_at is not None
        assert (run.erased, run.keys_destroyed, run.held, run.waiting) == (1, 1, 0, 0)
        erasures = session.scalars(select(RetentionErasureRow)).all()
        assert [(e.decision_uuid, e.run_id, e.months) for e in erasures] == [
            (erased, report.run_id, 24)
        ]
    event = read_events(sessions)[-1]
    assert event.event == "retention_run" and event.decision_uuid is None
    assert event.details == {
        "erased": 1,
        "keys_destroyed": 1,
        "held": 0,
        "waiting": 0,
        "undetermined": 0,
    }


def test_a_second_run_finds_nothing_left_to_do(sessions: Sessions, loans: Gateway) -> None:
    decide(loans, "subject-a", LONG_AGO)
    decide(loans, "subject-b", LONG_AGO)
    assert run_retention(sessions, loans, NOW).erased == 2
    again = run_retention(sessions, loans, NOW)
    assert (again.erased, again.keys_destroyed) == (0, 0)
    with sessions.begin() as session:
        assert len(session.scalars(select(RetentionErasureRow)).all()) == 2


def test_a_record_goes_the_day_after_its_last_day(sessions: Sessions, loans: Gateway) -> None:
    from datetime import UTC, datetime

    taken = decide(loans, "subject-a", datetime(2023, 6, 15, 23, 59, tzinfo=UTC))
    on_last_day = datetime(2025, 6, 15, 23, 0, tzinfo=UTC)
    assert run_retention(sessions, loans, on_last_day).erased == 0
    next_day = datetime(2025, 6, 16, 0, 0, tzinfo=UTC)
    assert run_retention(sessions, loans, next_day).erased == 1
    assert loans.get_decision(taken).erased


def test_a_dry_run_counts_and_changes_nothing(sessions: Sessions, loans: Gateway) -> None:
    old = decide(loans, "subject-a", LONG_AGO)
    events = len(read_events(sessions))
    report = run_retention(sessions, loans, NOW, dry_run=True)
    assert report.dry_run and report.run_id is None and report.erased == 1
    assert not loans.get_decision(old).erased
    assert len(read_events(sessions)) == events
    with sessions.begin() as session:
        assert session.scalars(select(RetentionRunRow)).all() == []


def test_an_algorithm_hold_keeps_its_records_until_lifted(
    sessions: Sessions, loans: Gateway
) -> None:
    old = decide(loans, "subject-a", LONG_AGO)
    hold = place_hold(
        sessions, profile_id=PROFILE_ID, reason="Case 2025/17: court order", placed_by="Legal"
    )
    report = run_retention(sessions, loans, NOW)
    assert (report.erased, report.held) == (0, 1)
    assert not loans.get_decision(old).erased
    lift_hold(sessions, hold.id, lifted_by="Legal")
    assert run_retention(sessions, loans, NOW).erased == 1
    assert [e.details for e in read_events(sessions) if e.event.startswith("legal_hold")] == [
        {"scope": "algorithm"},
        {"scope": "algorithm"},
    ]


def test_a_subject_hold_keeps_only_that_persons_records(sessions: Sessions, loans: Gateway) -> None:
    held = decide(loans, "subject-a", LONG_AGO)
    other = decide(loans, "subject-b", LONG_AGO)
    place_hold(
        sessions,
        subject_pseudonym=loans.keys.ring.pseudonym("subject-a"),
        reason="Case 2025/18: claim pending",
        placed_by="Legal",
    )
    report = run_retention(sessions, loans, NOW)
    assert (report.erased, report.held) == (1, 1)
    assert not loans.get_decision(held).erased and loans.get_decision(other).erased
    # The audit trail names neither the person nor their pseudonym.
    placed = next(e for e in read_events(sessions) if e.event == "legal_hold_placed")
    assert placed.details == {"scope": "subject"} and placed.profile_id is None


def test_holds_refuse_bad_input_naming_every_field(sessions: Sessions, loans: Gateway) -> None:
    with pytest.raises(HoldRefused) as caught:
        place_hold(sessions, reason=" ", placed_by="", profile_id="no-such-algorithm")
    assert {(p.field, p.rule) for p in caught.value.problems} == {
        ("reason", "required"),
        ("placed_by", "required"),
        ("algorithm", "unknown_profile"),
    }
    with pytest.raises(HoldRefused) as caught:
        place_hold(sessions, reason="x", placed_by="y")
    assert [p.rule for p in caught.value.problems] == ["one_of_algorithm_or_subject"]
    hold = place_hold(sessions, reason="x", placed_by="y", profile_id=PROFILE_ID)
    lift_hold(sessions, hold.id, lifted_by="y")
    with pytest.raises(HoldRefused, match="already_lifted"):
        lift_hold(sessions, hold.id, lifted_by="y")
    assert list_holds(sessions) == [] and len(list_holds(sessions, active_only=False)) == 1


def test_an_open_request_about_a_record_keeps_it_waiting(
    sessions: Sessions, loans: Gateway, tmp_path: Path
) -> None:
    old = decide(loans, "subject-a", LONG_AGO)
    desk = RightsDesk(loans, Settings(data_dir=tmp_path))
    take_in(
        desk,
        NewRequest("access", "letter", reference=old, name="A", received_on=date(2025, 6, 1)),
    )
    report = run_retention(sessions, loans, NOW)
    assert (report.erased, report.waiting) == (0, 1)
    assert not loans.get_decision(old).erased


def test_a_period_missing_for_a_category_erases_nothing(sessions: Sessions, tmp_path: Path) -> None:
    from rights_world import make_gateway

    gateway = make_gateway(sessions, tmp_path, retention=[{"data_category": "income", "months": 1}])
    old = decide(gateway, "subject-a", LONG_AGO)
    report = run_retention(sessions, gateway, NOW)
    assert (report.erased, report.undetermined) == (0, 1)
    assert not gateway.get_decision(old).erased


def test_a_record_follows_the_periods_of_the_profile_version_it_was_taken_under(
    sessions: Sessions, loans: Gateway
) -> None:
    old = decide(loans, "subject-a", LONG_AGO)
    longer = [{"data_category": c, "months": 120} for c in ("income", "application", "address")]
    register_and_assess(
        sessions, AlgorithmProfile.model_validate(profile_document(retention=longer))
    )
    assert run_retention(sessions, loans, NOW).erased == 1
    assert loans.get_decision(old).erased


def test_review_data_goes_with_the_record_once_the_review_is_settled(
    sessions: Sessions, tmp_path: Path
) -> None:
    document = allowance_document()
    document["retention"] = [
        {"data_category": c, "months": 12} for c in ("income", "household", "housing")
    ]
    set_up_desk(sessions, tmp_path)  # registers the allowance without periods: version 1
    register_and_assess(sessions, AlgorithmProfile.model_validate(document))
    gateway = make_allowance_gateway(sessions, tmp_path)  # bound to version 2
    record = gateway.decide(PROFILE, PENDING, "subject-r", HIGH)
    age(sessions, [record.decision_uuid], LONG_AGO)
    report = run_retention(sessions, gateway, NOW)
    assert (report.erased, report.waiting) == (0, 1)  # the case is still open

    case = review.claim_next(sessions, "anna", PROFILE)
    assert case is not None
    review.decide(gateway, "anna", case.id, "confirm", None, "Checked the income statement.")
    report = run_retention(sessions, gateway, NOW)
    assert report.erased == 1
    with sessions.begin() as session:
        case_row = session.get(ReviewCaseRow, case.id)
        assert case_row is not None and case_row.proposed_outcome is None
        act = session.scalars(select(ReviewActRow).where(ReviewActRow.case_id == case.id)).one()
        assert act.reason_ciphertext == b"" and act.outcome is None


def test_a_run_anchors_the_audit_trail(sessions: Sessions, loans: Gateway) -> None:
    decide(loans, "subject-a", LONG_AGO)
    key = AnchorKey.from_master_key(secrets.token_bytes(32))
    report = run_retention(sessions, loans, NOW, anchor_key=key)
    (anchor,) = read_anchors(sessions)
    assert report.anchor_id == anchor.id
    assert read_events(sessions)[-1].seq == anchor.seq
    assert verify_trail(sessions, key).ok
