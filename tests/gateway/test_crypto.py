"""Encryption at rest: the master key, pseudonyms, subject keys and crypto-shredding.

The tests that store keys run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import base64
import hmac
import os
import stat
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.gateway.crypto import (
    MASTER_KEY_FILENAME,
    KeyRing,
    MasterKeyError,
    PayloadUnreadable,
    generate_master_key,
    load_master_key,
)
from sluis.gateway.subject_keys import SubjectKeys
from sluis.settings import Settings
from sluis.store.dbapi import raw_transaction
from sluis.store.tables.gateway import SubjectKeyRow

MASTER = bytes(range(32))


def settings_for(tmp_path: Path, master_key: str | None = None) -> Settings:
    return Settings(data_dir=tmp_path / "data", master_key=master_key)


# -- the master key ----------------------------------------------------------------------


def test_the_master_key_comes_from_the_settings_when_given(tmp_path: Path) -> None:
    encoded = base64.b64encode(MASTER).decode()
    assert load_master_key(settings_for(tmp_path, encoded)) == MASTER
    assert not (tmp_path / "data" / MASTER_KEY_FILENAME).exists()


@pytest.mark.parametrize("bad", ["not base64!", base64.b64encode(b"short").decode()])
def test_a_malformed_master_key_is_refused_without_echoing_it(tmp_path: Path, bad: str) -> None:
    with pytest.raises(MasterKeyError, match="SLUIS_MASTER_KEY") as caught:
        load_master_key(settings_for(tmp_path, bad))
    assert bad not in str(caught.value)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_without_a_configured_key_a_private_key_file_is_made_once(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    first = load_master_key(settings)
    path = tmp_path / "data" / MASTER_KEY_FILENAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first) == 32
    assert load_master_key(settings) == first
    assert list(path.parent.iterdir()) == [path]  # no temporary files left behind


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    load_master_key(settings)
    path = tmp_path / "data" / MASTER_KEY_FILENAME
    path.chmod(0o644)
    with pytest.raises(MasterKeyError, match="chmod 600"):
        load_master_key(settings)


def test_processes_starting_together_end_up_with_one_key(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    barrier = threading.Barrier(4)
    keys: list[bytes] = []

    def start() -> None:
        barrier.wait(timeout=10)
        keys.append(load_master_key(settings))

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(keys) == 4 and len(set(keys)) == 1


def test_a_generated_master_key_is_accepted(tmp_path: Path) -> None:
    key = generate_master_key()
    assert len(load_master_key(settings_for(tmp_path, key))) == 32


# -- pseudonyms and payloads -------------------------------------------------------------


def test_pseudonyms_are_stable_distinct_and_keyed() -> None:
    ring = KeyRing(MASTER)
    assert ring.pseudonym("123456782") == ring.pseudonym("123456782")
    assert ring.pseudonym("123456782") != ring.pseudonym("123456783")
    assert KeyRing(bytes(32)).pseudonym("123456782") != ring.pseudonym("123456782")
    assert len(ring.pseudonym("x")) == 64
    assert "123456782" not in ring.pseudonym("123456782")
    assert ring.pseudonyms(["a", "b"]) == [ring.pseudonym("a"), ring.pseudonym("b")]


def test_pseudonyms_in_bulk_are_the_standard_hmac_of_each_id() -> None:
    ring = KeyRing(MASTER)
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"sluis/gateway/pseudonyms/v1"
    ).derive(MASTER)
    ids = ["", "a", "Ünïcode-ß", "x" * 200, "applicant-00000001"]
    expected = [hmac.new(key, i.encode("utf-8"), "sha256").hexdigest() for i in ids]
    assert ring.pseudonyms(ids) == expected == [ring.pseudonym(i) for i in ids]


def test_a_payload_decrypts_only_with_its_key_and_its_record_id() -> None:
    ring = KeyRing(MASTER)
    key = ring.new_key(ring.pseudonym("alice")).key
    other = ring.new_key(ring.pseudonym("bob")).key
    sealed = ring.encrypt(key, b'{"income": 1200}', b"decision-1")
    assert b"1200" not in sealed
    assert ring.decrypt(key, sealed, b"decision-1") == b'{"income": 1200}'
    with pytest.raises(PayloadUnreadable):
        ring.decrypt(other, sealed, b"decision-1")
    with pytest.raises(PayloadUnreadable):
        ring.decrypt(key, sealed, b"decision-2")  # copied onto another record
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(PayloadUnreadable):
        ring.decrypt(key, tampered, b"decision-1")


def test_a_wrapped_key_unwraps_only_for_its_own_subject_and_master_key() -> None:
    ring = KeyRing(MASTER)
    alice = ring.pseudonym("alice")
    new = ring.new_key(alice)
    fresh = KeyRing(MASTER)  # another process: nothing cached
    key = fresh.unwrap(alice, new.key.key_id, new.wrapped)
    sealed = ring.encrypt(new.key, b"data", b"d")
    assert fresh.decrypt(key, sealed, b"d") == b"data"
    with pytest.raises(PayloadUnreadable):
        KeyRing(MASTER).unwrap(ring.pseudonym("bob"), new.key.key_id, new.wrapped)
    with pytest.raises(PayloadUnreadable):
        KeyRing(bytes(32)).unwrap(alice, new.key.key_id, new.wrapped)


def test_the_cache_of_unwrapped_keys_is_bounded() -> None:
    ring = KeyRing(MASTER, cache_size=2)
    made = [ring.new_key(ring.pseudonym(str(i))) for i in range(3)]
    assert len(ring._cache) == 2
    assert made[0].key.key_id not in ring._cache  # least recently used went first
    made = ring.new_keys([ring.pseudonym(str(i)) for i in range(10, 15)])
    assert len(ring._cache) == 2
    assert all(new.key.key_id not in ring._cache for new in made)  # a batch keeps its own


def test_a_key_ring_refuses_a_master_key_of_the_wrong_size() -> None:
    with pytest.raises(MasterKeyError):
        KeyRing(b"short")


# -- stored keys -------------------------------------------------------------------------


def test_a_subject_gets_one_key_and_keeps_it(
    engine: Engine, sessions: sessionmaker[Session]
) -> None:
    keys = SubjectKeys(KeyRing(MASTER))
    alice = keys.ring.pseudonym("alice")
    with raw_transaction(engine) as tx:
        first = keys.key_for(tx, alice)
    with raw_transaction(engine) as tx:
        again = SubjectKeys(KeyRing(MASTER)).key_for(tx, alice)  # unwrapped from storage
    assert first is not None and again is not None
    assert again.key_id == first.key_id
    sealed = KeyRing.encrypt(first, b"payload", b"d")
    assert KeyRing.decrypt(again, sealed, b"d") == b"payload"
    with sessions.begin() as session:
        row = session.scalars(select(SubjectKeyRow)).one()
        assert row.pseudonym == alice and row.destroyed_at is None
        assert row.wrapped_key is not None and len(row.wrapped_key) == 12 + 32 + 16


def test_shredding_destroys_the_key_and_a_later_decision_gets_a_new_one(
    engine: Engine, sessions: sessionmaker[Session]
) -> None:
    keys = SubjectKeys(KeyRing(MASTER))
    alice = keys.ring.pseudonym("alice")
    with raw_transaction(engine) as tx:
        old = keys.key_for(tx, alice)
    assert old is not None
    with raw_transaction(engine) as tx:
        assert keys.destroy(tx, alice) == old.key_id
        assert keys.destroy(tx, alice) is None  # nothing left to destroy
    with sessions.begin() as session:
        row = session.scalars(select(SubjectKeyRow)).one()
        assert row.wrapped_key is None and row.destroyed_at is not None
    with raw_transaction(engine) as tx:
        assert keys.key_for(tx, alice, create=False) is None
        new = keys.key_for(tx, alice)
    assert new is not None and new.key_id != old.key_id
    assert old.key_id not in keys.ring._cache


def test_many_subjects_get_their_keys_in_one_go(
    engine: Engine, sessions: sessionmaker[Session]
) -> None:
    keys = SubjectKeys(KeyRing(MASTER))
    ring = keys.ring
    existing = ring.pseudonym("existing")
    shredded = ring.pseudonym("shredded")
    with raw_transaction(engine) as tx:
        kept = keys.key_for(tx, existing)
        keys.key_for(tx, shredded)
        keys.destroy(tx, shredded)
    assert kept is not None
    with sessions.begin() as session:
        known = {
            r.pseudonym: (r.key_id, r.wrapped_key) for r in session.scalars(select(SubjectKeyRow))
        }
    wanted = [existing, shredded, ring.pseudonym("new-1"), ring.pseudonym("new-1")]
    with raw_transaction(engine) as tx:
        got = keys.keys_for(tx, known, wanted)
    assert set(got) == set(wanted)
    assert got[existing].key_id == kept.key_id
    with sessions.begin() as session:
        rows = {r.pseudonym: r for r in session.scalars(select(SubjectKeyRow))}
    assert len(rows) == 3
    assert rows[shredded].wrapped_key is not None and rows[shredded].destroyed_at is None
    assert rows[shredded].key_id == got[shredded].key_id
