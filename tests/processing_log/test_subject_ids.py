"""The person's id in the log: encrypted, a new nonce each time, readable with the key."""

from __future__ import annotations

import os

import pytest

from sluis.processing_log.subject_ids import SubjectIdCipher, SubjectIdUnreadable

PSEUDONYM = "ab" * 32


def test_round_trip_and_nothing_readable() -> None:
    cipher = SubjectIdCipher(os.urandom(32))
    logged = cipher.encrypt(PSEUDONYM)
    assert PSEUDONYM not in logged
    assert cipher.decrypt(logged) == PSEUDONYM


def test_the_same_person_looks_different_in_every_record() -> None:
    cipher = SubjectIdCipher(os.urandom(32))
    many = cipher.encrypt_many([PSEUDONYM] * 3)
    assert len(set(many)) == 3
    assert {cipher.decrypt(m) for m in many} == {PSEUDONYM}


def test_another_master_key_reads_nothing() -> None:
    logged = SubjectIdCipher(os.urandom(32)).encrypt(PSEUDONYM)
    with pytest.raises(SubjectIdUnreadable):
        SubjectIdCipher(os.urandom(32)).decrypt(logged)


def test_an_altered_record_reads_nothing() -> None:
    cipher = SubjectIdCipher(os.urandom(32))
    logged = cipher.encrypt(PSEUDONYM)
    altered = logged[:-2] + ("A" if logged[-2] != "A" else "B") + logged[-1]
    with pytest.raises(SubjectIdUnreadable):
        cipher.decrypt(altered)
