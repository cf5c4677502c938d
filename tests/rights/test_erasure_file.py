"""After erasure, nothing personal can be read back from the SQLite file itself: not the
request's name, address or message, not the decision's inputs, and not even the destroyed
key. The file and its write-ahead log are read as raw bytes and searched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rights_world import GOOD, Sink, make_desk, make_gateway, smtp_sink
from sluis.rights.handling import erase
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.verification import set_contact
from sluis.store.db import create_engine_for, make_session_factory, migrate
from sluis.store.tables.gateway import SubjectKeyRow

PERSON = "client-31337"
NAME = "Xandrijn Quellenbeek"
MAIL = "xandrijn.quellenbeek@example.org"
MESSAGE = "Verwijder alstublieft alles over mij, kenmerk ZWQ-88412."
INPUTS = {**GOOD, "postcode": "7531 QX"}


@pytest.fixture
def sink() -> Iterator[Sink]:
    yield from smtp_sink()


def raw_bytes(database: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-journal"):
        path = Path(f"{database}{suffix}")
        if path.exists():
            found += path.read_bytes()
    return found


def test_erased_personal_data_are_not_in_the_database_file(tmp_path: Path, sink: Sink) -> None:
    database = tmp_path / "sluis.db"
    engine = create_engine_for(f"sqlite:///{database}")
    migrate(engine)
    sessions = make_session_factory(engine)
    gateway = make_gateway(sessions, tmp_path)
    desk = make_desk(gateway, tmp_path, sink)
    record = gateway.decide("small-loan", "grant-loan", PERSON, INPUTS)
    set_contact(desk, PERSON, MAIL)
    request = take_in(
        desk,
        NewRequest(
            "erasure",
            "letter",
            reference=record.decision_uuid,
            name=NAME,
            email=MAIL,
            message=MESSAGE,
        ),
        identity_checked=True,
    )
    with sessions.begin() as session:
        key_row = session.get(SubjectKeyRow, record_pseudonym(gateway))
        assert key_row is not None and key_row.wrapped_key is not None
        wrapped = bytes(key_row.wrapped_key)
    known = [NAME.encode(), MAIL.encode(), MESSAGE.encode(), b"7531 QX", b"ZWQ-88412"]
    before = raw_bytes(database)
    # Nothing personal is ever stored in the clear: only the key could open it.
    assert not [value for value in known if value in before]
    assert wrapped in before

    erase(desk, request.id)
    # Read while the server still holds its connections (closing the last one would
    # checkpoint the log by itself and hide what a running server leaves behind).
    after = raw_bytes(database)
    assert not [value for value in known if value in after]
    assert wrapped not in after, "the destroyed key is still in the file (free space or log)"
    assert gateway.get_decision(record.decision_uuid).erased
    engine.dispose()


def record_pseudonym(gateway: object) -> str:
    return gateway.keys.ring.pseudonym(PERSON)  # type: ignore[attr-defined]
