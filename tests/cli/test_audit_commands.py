"""``sluis audit verify`` and ``sluis audit anchor`` on a real SQLite file: exit 0 when the
trail is intact, 1 when it is broken (naming the entry and why), 2 on bad input."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import delete
from typer.testing import CliRunner

from sluis.audit import AuditEvent, append_events
from sluis.audit.anchors import AnchorKey
from sluis.cli.main import app
from sluis.store.db import create_engine_for, make_session_factory, migrate
from sluis.store.dbapi import raw_transaction
from sluis.store.tables.gateway import AuditEventRow
from sluis.store.tables.trust import AuditAnchorRow

runner = CliRunner()
MASTER = bytes(range(32))


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'sluis.db'}"
    engine = create_engine_for(url)
    migrate(engine)
    with raw_transaction(engine) as tx:
        append_events(
            tx,
            [AuditEvent("refused_request", None, None, {"reason": "no_procedure"})] * 5,
        )
    engine.dispose()
    return url


@pytest.fixture
def env(url: str, tmp_path: Path) -> dict[str, str]:
    return {
        "SLUIS_DATABASE_URL": url,
        "SLUIS_DATA_DIR": str(tmp_path),
        "SLUIS_MASTER_KEY": base64.b64encode(MASTER).decode(),
    }


def run(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["audit", *args], env=env)
    return result.exit_code, result.output


def tamper(url: str, statement: object) -> None:
    engine = create_engine_for(url)
    with make_session_factory(engine).begin() as session:
        session.execute(statement)  # type: ignore[call-overload]
    engine.dispose()


def test_an_intact_trail_verifies_with_exit_0(env: dict[str, str]) -> None:
    code, output = run(env, "verify", "--lang", "en")
    assert code == 0, output
    assert "intact: 5 entries" in output
    assert "No anchors yet" in output


def test_anchor_signs_the_head_once_and_verify_uses_it(env: dict[str, str]) -> None:
    code, output = run(env, "anchor", "--lang", "en")
    assert code == 0 and "Anchor 1 made: entry 6" in output
    code, output = run(env, "anchor", "--lang", "en")
    assert code == 0 and "Nothing new since anchor 1" in output
    code, output = run(env, "verify", "--json")
    report = json.loads(output)
    assert code == 0 and report["ok"] and report["anchors"] == 1 and report["anchors_checked"]
    assert report["last_anchor_seq"] == 6


def test_anchor_every_n_waits_until_enough_entries(env: dict[str, str]) -> None:
    code, output = run(env, "anchor", "--every", "10", "--lang", "en")
    assert code == 0 and "No anchor due yet" in output
    code, output = run(env, "anchor", "--every", "5", "--json")
    assert code == 0 and json.loads(output)["seq"] == 6


def test_a_deleted_entry_exits_1_naming_it(env: dict[str, str], url: str) -> None:
    tamper(url, delete(AuditEventRow).where(AuditEventRow.seq == 3))
    code, output = run(env, "verify")
    assert code == 1
    assert "Eerste fout bij regel 3" in output and "Regel 3 ontbreekt" in output
    code, output = run(env, "verify", "--json")
    report = json.loads(output)
    assert code == 1 and (report["first_broken_seq"], report["reason"]) == (3, "gap")


def test_truncation_is_found_with_an_anchor_kept_in_a_file(
    env: dict[str, str], url: str, tmp_path: Path
) -> None:
    code, output = run(env, "anchor", "--json")
    kept = tmp_path / "anchor.json"
    kept.write_text(output)
    tamper(url, delete(AuditAnchorRow))
    tamper(url, delete(AuditEventRow).where(AuditEventRow.seq >= 4))
    assert run(env, "verify")[0] == 0  # the database alone no longer tells
    code, output = run(env, "verify", "--anchor", str(kept), "--lang", "en")
    assert code == 1
    assert "First broken entry: 4" in output and "cut short: entries 4 to 6" in output


def test_the_public_key_verifies_without_the_master_key(
    env: dict[str, str], tmp_path: Path
) -> None:
    code, public = run(env, "anchor", "--public-key")
    assert code == 0
    assert public.strip() == AnchorKey.from_master_key(MASTER).public_text
    run(env, "anchor")
    without = {k: v for k, v in env.items() if k != "SLUIS_MASTER_KEY"}
    code, output = run(without, "verify", "--lang", "en")
    assert code == 0 and "signatures were not checked" in output
    key_file = tmp_path / "anchors.pub"
    key_file.write_text(public)
    code, output = run(without, "verify", "--json", "--public-key", str(key_file))
    assert code == 0 and json.loads(output)["anchors_checked"]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["verify", "--anchor", "missing.json"], "cannot read file"),
        (["verify", "--public-key", "bm90IGEga2V5"], "public key"),
    ],
)
def test_bad_input_exits_2(env: dict[str, str], args: list[str], named: str) -> None:
    code, output = run(env, *args)
    assert code == 2 and named in output


def test_a_malformed_kept_anchor_exits_2_naming_the_field(
    env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "anchor.json"
    bad.write_text(json.dumps({"format": "sluis.audit.anchor/1", "id": 1, "seq": "six"}))
    code, output = run(env, "verify", "--anchor", str(bad))
    assert code == 2 and "seq" in output
    bad.write_text("{not json")
    assert run(env, "verify", "--anchor", str(bad))[0] == 2
