"""The audit trail: an append-only hash chain that reveals tampering, and holds no personal
data. Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit import (
    GENESIS_HASH,
    AuditDetailsRefused,
    AuditEvent,
    append_event,
    append_events,
    chain_head,
    read_events,
    verify_chain,
)
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.dbapi import raw_transaction
from sluis.store.tables.gateway import AuditEventRow

Sessions = sessionmaker[Session]
VERSION = "a" * 64


def decided(n: int) -> dict[str, object]:
    return {"decision_id": "grant", "profile_version": n, "status": "final", "digest": "b" * 64}


def fill(engine: Engine, count: int) -> None:
    with raw_transaction(engine) as tx:
        append_events(
            tx, [AuditEvent("decided", "benefit", None, decided(i)) for i in range(count)]
        )


def test_an_empty_trail_verifies(sessions: Sessions) -> None:
    report = verify_chain(sessions)
    assert report.ok and report.entries == 0 and report.first_broken_seq is None
    assert chain_head(sessions) is None


def test_entries_are_numbered_from_one_and_each_carries_the_previous_hash(
    engine: Engine, sessions: Sessions
) -> None:
    fill(engine, 3)
    with sessions.begin() as session:
        entry = append_event(session, "refused_request", None, None, {"reason": "no_procedure"})
    entries = read_events(sessions)
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert entry == entries[-1]
    assert verify_chain(sessions).ok
    assert chain_head(sessions) == (4, entry.hash)


def test_an_event_rolled_back_with_its_transaction_leaves_no_trace(sessions: Sessions) -> None:
    with pytest.raises(RuntimeError), sessions.begin() as session:
        append_event(session, "refused_request", None, None, {"reason": "no_procedure"})
        raise RuntimeError("the caller's work failed")
    assert read_events(sessions) == []


@pytest.mark.parametrize(
    ("change", "column"),
    [
        (
            {"details": {"decision_id": "grant", "profile_version": 99, "status": "final"}},
            "details",
        ),
        ({"event": "routed_for_review"}, "event"),
        ({"profile_id": "other"}, "profile_id"),
        ({"hash": "c" * 64}, "hash"),
        ({"prev_hash": "d" * 64}, "prev_hash"),
    ],
)
def test_changing_any_part_of_an_entry_breaks_the_chain_at_that_entry(
    engine: Engine, sessions: Sessions, change: dict[str, object], column: str
) -> None:
    fill(engine, 5)
    with sessions.begin() as session:
        session.execute(update(AuditEventRow).where(AuditEventRow.seq == 3).values(**change))
    report = verify_chain(sessions)
    assert not report.ok, column
    assert report.first_broken_seq == 3


def test_changing_the_time_of_an_entry_breaks_the_chain(engine: Engine, sessions: Sessions) -> None:
    fill(engine, 3)
    with sessions.begin() as session:
        row = session.get(AuditEventRow, 2)
        assert row is not None
        row.at = row.at.replace(microsecond=(row.at.microsecond + 1) % 1_000_000)
    assert verify_chain(sessions).first_broken_seq == 2


@pytest.mark.parametrize("deleted", [1, 3])
def test_deleting_an_entry_is_found_at_the_missing_number(
    engine: Engine, sessions: Sessions, deleted: int
) -> None:
    fill(engine, 5)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq == deleted))
    report = verify_chain(sessions)
    assert not report.ok and report.first_broken_seq == deleted


def test_a_cut_off_tail_is_found_against_a_head_kept_elsewhere(
    engine: Engine, sessions: Sessions
) -> None:
    fill(engine, 4)
    head = chain_head(sessions)
    assert head is not None
    assert verify_chain(sessions, expected_head=head).ok
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq >= 3))
    assert verify_chain(sessions).ok  # the chain alone cannot tell
    report = verify_chain(sessions, expected_head=head)
    assert not report.ok and report.first_broken_seq == 3


def test_a_replaced_chain_does_not_match_the_kept_head(engine: Engine, sessions: Sessions) -> None:
    fill(engine, 2)
    head = chain_head(sessions)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow))
    fill(engine, 2)  # a fresh, internally valid chain
    report = verify_chain(sessions, expected_head=head)
    assert not report.ok and report.first_broken_seq == 2


def test_verification_pages_through_long_chains(engine: Engine, sessions: Sessions) -> None:
    import sluis.audit.chain as chain

    fill(engine, 25)
    original = chain._VERIFY_BATCH
    chain._VERIFY_BATCH = 7
    try:
        assert verify_chain(sessions).entries == 25
        with sessions.begin() as session:
            session.execute(delete(AuditEventRow).where(AuditEventRow.seq == 15))
        assert verify_chain(sessions).first_broken_seq == 15
    finally:
        chain._VERIFY_BATCH = original


def test_concurrent_appenders_never_fork_the_chain(
    database_url: str, engine: Engine, sessions: Sessions
) -> None:
    workers, each = 4, 15
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(each):
                with sessions.begin() as session:
                    session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
                    append_event(session, "refused_request", None, None, {"reason": "no_procedure"})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    report = verify_chain(sessions)
    assert report.ok and report.entries == workers * each


@pytest.mark.parametrize(
    ("event", "details", "named"),
    [
        ("decided", {"subject_id": "123456782"}, "subject_id"),
        ("decided", {"income": 1200}, "income"),
        ("decided", {"status": "Jan Jansen"}, "status"),
        ("decided", {"decision_id": "Jan Jansen, Dorpsstraat 1"}, "decision_id"),
        (
            "refused_input",
            {"problems": [{"field": "age", "rule": "minimum", "value": 17}]},
            "problems",
        ),
        (
            "refused_input",
            {"problems": [{"field": "Jan Jansen", "rule": "undeclared"}]},
            "problems",
        ),
        ("batch_decided", {"statuses": {"final": "many"}}, "statuses"),
        ("made_up", {}, "made_up"),
    ],
)
def test_details_off_the_allow_list_are_refused_and_nothing_is_written(
    sessions: Sessions, event: str, details: dict[str, object], named: str
) -> None:
    with pytest.raises(AuditDetailsRefused, match=named) as caught, sessions.begin() as session:
        append_event(session, event, "benefit", None, details)
    assert "Jan" not in str(caught.value) and "17" not in str(caught.value)
    assert read_events(sessions) == []


def test_allowed_details_are_stored_as_given(sessions: Sessions) -> None:
    details = {
        "decision_id": "grant",
        "profile_version": 2,
        "procedure_version": VERSION,
        "problems": [
            {"field": "age", "rule": "minimum", "rows": 3},
            {"field": None, "rule": "undeclared"},
        ],
        "rows": 4,
        "atomic": True,
    }
    with sessions.begin() as session:
        append_event(session, "refused_input", "benefit", None, details)
    with sessions.begin() as session:
        stored = session.scalars(select(AuditEventRow)).one()
        assert stored.details == details
    assert verify_chain(sessions).ok
