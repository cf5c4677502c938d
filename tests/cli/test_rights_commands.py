"""``sluis rights``: list, show and a cron-safe remind, against a real SQLite file and a
local SMTP server."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rights_world import (
    GOOD,
    MASTER,
    STAFF_EMAIL,
    Sink,
    make_desk,
    make_gateway,
    smtp_sink,
    text_of,
)
from sluis.cli.main import app
from sluis.rights.intake import NewRequest, take_in
from sluis.store.db import create_engine_for, make_session_factory, migrate

runner = CliRunner()


@pytest.fixture
def sink() -> Iterator[Sink]:
    yield from smtp_sink()


@pytest.fixture
def setup(tmp_path: Path, sink: Sink) -> tuple[dict[str, str], str]:
    url = f"sqlite:///{tmp_path / 'sluis.db'}"
    engine = create_engine_for(url)
    migrate(engine)
    gateway = make_gateway(make_session_factory(engine), tmp_path)
    desk = make_desk(gateway, tmp_path, sink)
    ref = gateway.decide("small-loan", "grant-loan", "client-1", GOOD).decision_uuid
    old = take_in(
        desk,
        NewRequest(
            "erasure", "letter", reference=ref, name="Gerrit Geheim", received_on=date(2025, 1, 6)
        ),
    )
    engine.dispose()
    env = {
        "SLUIS_DATABASE_URL": url,
        "SLUIS_DATA_DIR": str(tmp_path),
        "SLUIS_MASTER_KEY": base64.b64encode(MASTER).decode(),
        "SLUIS_SMTP_HOST": "127.0.0.1",
        "SLUIS_SMTP_PORT": str(sink.port),
        "SLUIS_STAFF_EMAIL": STAFF_EMAIL,
        "SLUIS_HOLIDAYS": "",
        "SLUIS_PROCEDURES": "",
    }
    return env, old.id


def test_list_shows_overdue_requests_without_personal_data(
    setup: tuple[dict[str, str], str],
) -> None:
    env, request_id = setup
    result = runner.invoke(app, ["rights", "list", "--view", "overdue", "--json"], env=env)
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert [r["id"] for r in found] == [request_id]
    assert found[0]["urgency"] == "overdue" and "Gerrit" not in result.output


def test_a_bad_view_exits_2(setup: tuple[dict[str, str], str]) -> None:
    env, _ = setup
    result = runner.invoke(app, ["rights", "list", "--view", "late"], env=env)
    assert result.exit_code == 2


def test_show_reveals_personal_data_only_when_asked(setup: tuple[dict[str, str], str]) -> None:
    env, request_id = setup
    plain = runner.invoke(app, ["rights", "show", request_id], env=env)
    assert plain.exit_code == 0 and "Gerrit" not in plain.output
    personal = runner.invoke(app, ["rights", "show", request_id, "--personal"], env=env)
    assert personal.exit_code == 0 and "Gerrit Geheim" in personal.output
    unknown = runner.invoke(app, ["rights", "show", "no-such-request"], env=env)
    assert unknown.exit_code == 2 and "request_unknown" in unknown.output


def test_remind_mails_staff_once_a_day(setup: tuple[dict[str, str], str], sink: Sink) -> None:
    env, request_id = setup
    first = runner.invoke(app, ["rights", "remind"], env=env)
    assert first.exit_code == 0 and "reminder sent" in first.output
    second = runner.invoke(app, ["rights", "remind"], env=env)
    assert second.exit_code == 0 and "reminder not sent" in second.output
    staff = sink.to(STAFF_EMAIL)
    assert len(staff) == 1 and request_id in text_of(staff[0])
