"""``sluis processing-log show``: the local log's records as written by real processing,
filtered by date and operation, as text or JSON lines; subject ids shown as logged
(encrypted), never decrypted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rights_world import DECISION_ID, GOOD, PROFILE_ID, make_gateway
from sluis.cli.main import app
from sluis.notices.service import decision_notice
from sluis.store.db import create_engine_for, make_session_factory, migrate

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Two decisions and a notice logged to ``tmp_path``'s processing log."""
    engine = create_engine_for(f"sqlite:///{tmp_path / 'sluis.db'}")
    migrate(engine)
    gateway = make_gateway(make_session_factory(engine), tmp_path)
    first = gateway.decide(PROFILE_ID, DECISION_ID, "client-1", GOOD)
    gateway.decide(PROFILE_ID, DECISION_ID, "client-2", GOOD)
    decision_notice(gateway, first.decision_uuid, "nl")
    assert gateway.processing_log.flush()
    engine.dispose()
    return {"SLUIS_DATA_DIR": str(tmp_path)}


def show(env: dict[str, str], *args: str) -> Any:
    return runner.invoke(app, ["processing-log", "show", *args], env=env)


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_json_shows_every_record_as_it_is_in_the_file(env: dict[str, str]) -> None:
    result = show(env, "--json")
    assert result.exit_code == 0
    found = json_lines(result.stdout)
    assert [r["name"] for r in found] == ["decide", "decide", "build-decision-notice"]
    logged = (Path(env["SLUIS_DATA_DIR"]) / "processing-log.jsonl").read_text(encoding="utf-8")
    assert found == json_lines(logged)
    assert "client-1" not in result.output and "client-2" not in result.output


def test_one_operation(env: dict[str, str]) -> None:
    result = show(env, "--operation", "build-decision-notice", "--json")
    (record,) = json_lines(result.stdout)
    assert record["attributes"]["sluis.algorithm"] == PROFILE_ID


def test_text_lines_name_the_operation_and_the_encrypted_subject(env: dict[str, str]) -> None:
    result = show(env, "--operation", "decide", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    logged = json_lines(show(env, "--operation", "decide", "--json").stdout)
    for line, record in zip(lines, logged, strict=True):
        assert line.startswith(record["start_time"])
        assert " decide " in line and " Ok " in line
        assert f"subject={record['attributes']['dpl.core.data_subject_id']}" in line
        assert f"trace={record['trace_id']}" in line
    assert "2 records." in result.stderr


def test_since_a_date_after_everything_shows_nothing(env: dict[str, str]) -> None:
    assert show(env, "--since", "2999-01-01", "--json").stdout == ""
    assert len(json_lines(show(env, "--since", "2000-01-01", "--json").stdout)) == 3
    result = show(env, "--since", "2999-01-01")
    assert "Geen logregels gevonden." in result.stderr


def test_a_malformed_date_or_operation_is_refused_naming_the_option(env: dict[str, str]) -> None:
    bad_date = show(env, "--since", "1 march")
    assert bad_date.exit_code == 2 and "--since" in bad_date.output
    bad_name = show(env, "--operation", "peek")
    assert bad_name.exit_code == 2 and "--operation" in bad_name.output


def test_lines_that_are_not_records_are_counted_not_shown(env: dict[str, str]) -> None:
    path = Path(env["SLUIS_DATA_DIR"]) / "processing-log.jsonl"
    with path.open("a", encoding="utf-8") as log:
        log.write('{"trace_id": "cut sh')
    result = show(env, "--json", "--lang", "en")
    assert result.exit_code == 0 and len(json_lines(result.stdout)) == 3
    assert "1 lines were not records" in result.stderr
    assert "cut sh" not in result.output


def test_without_a_log_it_says_so(tmp_path: Path) -> None:
    result = show({"SLUIS_DATA_DIR": str(tmp_path)}, "--lang", "en")
    assert result.exit_code == 0
    assert "There is no processing log at" in result.stderr and result.stdout == ""


def test_a_log_file_set_elsewhere_is_read(env: dict[str, str], tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.jsonl"
    elsewhere.write_text((tmp_path / "processing-log.jsonl").read_text(encoding="utf-8"))
    moved = {**env, "SLUIS_PROCESSING_LOG_FILE": str(elsewhere), "SLUIS_PROCESSING_LOG": "false"}
    assert len(json_lines(show(moved, "--json").stdout)) == 3
