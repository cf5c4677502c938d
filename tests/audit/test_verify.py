"""Verifying the audit trail: every change, deletion, reordering or truncation of entries is
found and located, also where the chain alone cannot tell (signed anchors). Every test runs
on SQLite and on PostgreSQL."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from sluis.audit import AuditEvent, append_events, read_events
from sluis.audit.anchors import (
    ANCHOR_EVENT,
    Anchor,
    AnchorKey,
    AnchorKeyError,
    anchor_if_due,
    read_anchors,
    write_anchor,
)
from sluis.audit.chain import canonical_bytes, entry_hash
from sluis.audit.verify import Reason, verify_trail
from sluis.store.dbapi import raw_transaction
from sluis.store.tables.gateway import AuditEventRow
from sluis.store.tables.trust import AuditAnchorRow

Sessions = sessionmaker[Session]


@pytest.fixture
def key() -> AnchorKey:
    return AnchorKey.from_master_key(secrets.token_bytes(32))


def fill(engine: Engine, count: int) -> None:
    details = {"decision_id": "grant", "profile_version": 1, "status": "final", "digest": "b" * 64}
    with raw_transaction(engine) as tx:
        append_events(tx, [AuditEvent("decided", "benefit", None, details) for _ in range(count)])


def rows(sessions: Sessions) -> dict[int, AuditEventRow]:
    with sessions.begin() as session:
        found = session.scalars(select(AuditEventRow)).all()
        session.expunge_all()
    return {row.seq: row for row in found}


def move(sessions: Sessions, moves: dict[int, int]) -> None:
    """Give entries other sequence numbers (through a free range, as the key is unique)."""
    with sessions.begin() as session:
        for old in moves:
            session.execute(
                update(AuditEventRow).where(AuditEventRow.seq == old).values(seq=old + 10_000)
            )
        for old, new in moves.items():
            session.execute(
                update(AuditEventRow).where(AuditEventRow.seq == old + 10_000).values(seq=new)
            )


def rehash_from(sessions: Sessions, start: int, change: dict[str, object]) -> None:
    """Change the entry at ``start`` and recompute every hash from there on, as someone
    who knows the format would."""
    with sessions.begin() as session:
        session.execute(update(AuditEventRow).where(AuditEventRow.seq == start).values(**change))
    with sessions.begin() as session:
        entries = session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)).all()
        prev = entries[start - 2].hash if start > 1 else "0" * 64
        for row in entries[start - 1 :]:
            row.prev_hash = prev
            row.hash = entry_hash(
                prev,
                canonical_bytes(
                    row.seq, row.at, row.event, row.profile_id, row.decision_uuid, row.details
                ),
            )
            prev = row.hash


# -- an intact trail ---------------------------------------------------------------------


def test_an_empty_trail_is_valid_and_has_nothing_to_anchor(sessions: Sessions, key: AnchorKey):
    report = verify_trail(sessions, key)
    assert report.ok and report.entries == 0 and report.head is None
    assert write_anchor(sessions, key) is None


def test_an_intact_trail_with_anchors_verifies(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 4)
    first = write_anchor(sessions, key)
    fill(engine, 3)
    second = write_anchor(sessions, key)
    assert first is not None and second is not None
    assert (first.id, first.seq) == (1, 5) and (second.id, second.seq) == (2, 9)
    report = verify_trail(sessions, key)
    assert report.ok, report.findings
    assert report.entries == 9 and report.anchors == 2 and report.anchors_checked
    assert report.last_anchor_seq == 9 and report.head == (9, rows(sessions)[9].hash)


def test_an_anchor_signs_the_head_including_its_own_event(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 2)
    anchor = write_anchor(sessions, key)
    assert anchor is not None
    last = read_events(sessions)[-1]
    assert last.event == ANCHOR_EVENT and last.details == {"anchor": 1}
    assert (anchor.seq, anchor.hash) == (last.seq, last.hash)
    assert key.verifies(anchor.message(), anchor.signature)
    # Nothing new since: anchoring again changes nothing.
    assert write_anchor(sessions, key) == anchor
    assert len(read_anchors(sessions)) == 1 and len(read_events(sessions)) == 3


def test_anchoring_when_due_waits_for_enough_new_events(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 3)
    assert anchor_if_due(sessions, key, every=5) is None
    fill(engine, 2)
    made = anchor_if_due(sessions, key, every=5)
    assert made is not None and made.seq == 6
    fill(engine, 4)
    assert anchor_if_due(sessions, key, every=5) is None


# -- tampering: changed, deleted, reordered, truncated -----------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"details": {"decision_id": "deny", "profile_version": 1, "status": "final"}},
        {"event": "routed_for_review"},
        {"profile_id": "other"},
        {"decision_uuid": "00000000-0000-0000-0000-000000000000"},
        {"hash": "c" * 64},
        {"prev_hash": "d" * 64},
    ],
    ids=["details", "event", "profile", "decision", "hash", "prev_hash"],
)
def test_a_changed_entry_is_found_at_its_number(
    engine: Engine, sessions: Sessions, key: AnchorKey, change: dict[str, object]
) -> None:
    fill(engine, 6)
    write_anchor(sessions, key)
    with sessions.begin() as session:
        session.execute(update(AuditEventRow).where(AuditEventRow.seq == 4).values(**change))
    report = verify_trail(sessions, key)
    assert not report.ok
    assert report.first_broken_seq == 4
    assert report.first_broken is not None and report.first_broken.reason is Reason.changed


def test_a_changed_time_is_found(engine: Engine, sessions: Sessions, key: AnchorKey) -> None:
    fill(engine, 3)
    with sessions.begin() as session:
        row = session.get(AuditEventRow, 2)
        assert row is not None
        row.at = row.at + timedelta(microseconds=1)
    report = verify_trail(sessions, key)
    assert (report.first_broken_seq, report.findings[0].reason) == (2, Reason.changed)


def test_a_changed_entry_whose_hash_was_recomputed_is_found_at_that_entry(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 5)
    original = rows(sessions)[3]
    forged_details = {**original.details, "profile_version": 7}
    forged = entry_hash(
        original.prev_hash,
        canonical_bytes(3, original.at, original.event, original.profile_id, None, forged_details),
    )
    with sessions.begin() as session:
        session.execute(
            update(AuditEventRow)
            .where(AuditEventRow.seq == 3)
            .values(details=forged_details, hash=forged)
        )
    report = verify_trail(sessions, key)
    assert report.first_broken_seq == 3
    assert report.findings[0].reason is Reason.rehashed


@pytest.mark.parametrize("deleted", [1, 4, 6])
def test_a_deleted_entry_is_found_at_the_missing_number(
    engine: Engine, sessions: Sessions, key: AnchorKey, deleted: int
) -> None:
    fill(engine, 8)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq == deleted))
    report = verify_trail(sessions, key)
    assert report.first_broken_seq == deleted
    assert report.findings[0].reason is Reason.gap


def test_several_deleted_entries_are_found_at_the_first(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 8)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq.in_([3, 4, 7])))
    assert verify_trail(sessions, key).first_broken_seq == 3


@pytest.mark.parametrize(
    ("moves", "first", "follows"),
    [
        ({2: 3, 3: 2}, 2, 3),  # two neighbours swapped
        ({2: 5, 5: 2}, 2, 4),  # two entries apart swapped: the fifth still follows the fourth
        ({1: 2, 2: 1}, 1, 2),  # the very first entry moved
        ({4: 6, 5: 4, 6: 5}, 4, 6),  # three rotated: the fifth follows the fourth, now sixth
    ],
)
def test_reordered_entries_are_found_at_the_first_moved_one(
    engine: Engine,
    sessions: Sessions,
    key: AnchorKey,
    moves: dict[int, int],
    first: int,
    follows: int,
) -> None:
    fill(engine, 7)
    move(sessions, moves)
    report = verify_trail(sessions, key)
    assert not report.ok
    found = report.first_broken
    assert found is not None and found.reason is Reason.reordered
    assert found.seq == first and found.other_seq == follows


def test_a_truncated_trail_is_found_at_the_first_missing_entry(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 5)
    anchor = write_anchor(sessions, key)  # seq 6
    assert anchor is not None
    fill(engine, 2)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq >= 4))
    report = verify_trail(sessions, key)
    assert not report.ok
    found = report.first_broken
    assert found is not None and found.reason is Reason.truncated
    assert found.seq == 4 and found.anchor == anchor.id and found.until_seq == 6


def test_entries_cut_after_the_last_anchor_are_not_claimed_to_be_seen(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    # What was never anchored can be cut unseen: the report says up to where it vouches.
    fill(engine, 3)
    write_anchor(sessions, key)  # seq 4
    fill(engine, 3)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq >= 6))
    report = verify_trail(sessions, key)
    assert report.ok and report.last_anchor_seq == 4 and report.head is not None


def test_a_rewritten_chain_is_found_against_its_anchor(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 3)
    first = write_anchor(sessions, key)  # seq 4
    fill(engine, 4)
    second = write_anchor(sessions, key)  # seq 9
    assert first is not None and second is not None
    rehash_from(sessions, 6, {"profile_id": "forged"})
    report = verify_trail(sessions, key)
    found = report.first_broken
    assert found is not None and found.reason is Reason.anchor_mismatch
    # Somewhere after the last anchor that still matches, up to the one that does not.
    assert (found.seq, found.until_seq, found.anchor) == (5, 9, second.id)


def test_a_chain_replaced_and_truncated_is_found_against_an_anchor_kept_elsewhere(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 4)
    kept = write_anchor(sessions, key)
    assert kept is not None
    kept = Anchor.from_json_dict(kept.to_json_dict())  # as kept in a file
    with sessions.begin() as session:
        session.execute(delete(AuditAnchorRow))
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq >= 3))
    assert verify_trail(sessions, key).ok  # nothing in the database tells
    report = verify_trail(sessions, key, kept=[kept])
    assert report.first_broken_seq == 3
    assert report.findings[0].reason is Reason.truncated


# -- the anchors themselves --------------------------------------------------------------


def test_a_forged_or_altered_anchor_is_refused(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 2)
    write_anchor(sessions, key)
    with sessions.begin() as session:
        session.execute(update(AuditAnchorRow).values(seq=2))
    report = verify_trail(sessions, key)
    assert [(f.reason, f.anchor) for f in report.findings] == [(Reason.anchor_invalid, 1)]


def test_an_anchor_made_with_another_key_is_refused(engine: Engine, sessions: Sessions) -> None:
    fill(engine, 2)
    write_anchor(sessions, AnchorKey.from_master_key(secrets.token_bytes(32)))
    report = verify_trail(sessions, AnchorKey.from_master_key(secrets.token_bytes(32)))
    assert [f.reason for f in report.findings] == [Reason.anchor_invalid]


def test_a_deleted_anchor_is_found(engine: Engine, sessions: Sessions, key: AnchorKey) -> None:
    for _ in range(3):
        fill(engine, 2)
        write_anchor(sessions, key)
    with sessions.begin() as session:
        session.execute(delete(AuditAnchorRow).where(AuditAnchorRow.id.in_([2, 3])))
    report = verify_trail(sessions, key)
    assert {(f.reason, f.anchor) for f in report.findings} == {
        (Reason.anchor_missing, 2),
        (Reason.anchor_missing, 3),
    }


def test_the_public_key_alone_verifies(engine: Engine, sessions: Sessions, key: AnchorKey):
    fill(engine, 2)
    write_anchor(sessions, key)
    public = AnchorKey.from_public_text(key.public_text)
    assert not public.can_sign
    assert verify_trail(sessions, public).ok
    with pytest.raises(AnchorKeyError, match="public key"):
        AnchorKey.from_public_text("not a key")


def test_without_a_key_anchors_still_find_truncation(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 3)
    write_anchor(sessions, key)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq == 4))
    report = verify_trail(sessions, None)
    assert not report.anchors_checked and report.first_broken_seq == 4


def test_the_report_as_json_names_the_first_broken_entry_and_why(
    engine: Engine, sessions: Sessions, key: AnchorKey
) -> None:
    fill(engine, 3)
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq == 2))
    document = verify_trail(sessions, key).to_json_dict()
    assert document["ok"] is False
    assert (document["first_broken_seq"], document["reason"]) == (2, "gap")


def test_verification_pages_through_long_trails(
    engine: Engine, sessions: Sessions, key: AnchorKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sluis.audit.verify as verify

    monkeypatch.setattr(verify, "PAGE", 7)
    fill(engine, 30)
    write_anchor(sessions, key)
    assert verify_trail(sessions, key).entries == 31
    with sessions.begin() as session:
        session.execute(delete(AuditEventRow).where(AuditEventRow.seq == 22))
    assert verify_trail(sessions, key).first_broken_seq == 22
