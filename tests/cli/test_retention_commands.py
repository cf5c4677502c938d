"""``sluis retention``: run (and dry-run) the job, place and lift legal holds, on a real
SQLite file. Output holds counts and ids, never a person's id."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from retention_world import LONG_AGO, decide
from rights_world import MASTER, PROFILE_ID, make_gateway
from sluis.audit.anchors import AnchorKey
from sluis.audit.verify import verify_trail
from sluis.cli.main import app
from sluis.store.db import create_engine_for, make_session_factory, migrate

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    url = f"sqlite:///{tmp_path / 'sluis.db'}"
    engine = create_engine_for(url)
    migrate(engine)
    gateway = make_gateway(make_session_factory(engine), tmp_path)
    decide(gateway, "subject-one", LONG_AGO)
    decide(gateway, "subject-two", LONG_AGO)
    engine.dispose()
    return {
        "SLUIS_DATABASE_URL": url,
        "SLUIS_DATA_DIR": str(tmp_path),
        "SLUIS_MASTER_KEY": base64.b64encode(MASTER).decode(),
        "SLUIS_PROCEDURES": "",
    }


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["retention", *args], env=env, input=stdin)
    return result.exit_code, result.output


def test_a_dry_run_counts_then_a_run_erases_and_anchors(env: dict[str, str]) -> None:
    code, output = run(env, "run", "--dry-run", "--lang", "en")
    assert code == 0 and "Dry run, nothing erased: 2 decision records" in output
    code, output = run(env, "run", "--lang", "en")
    assert code == 0 and "2 decision records erased, 2 keys destroyed" in output
    assert "Audit trail anchored" in output
    code, output = run(env, "run", "--json")
    assert code == 0 and json.loads(output)["erased"] == 0
    engine = create_engine_for(env["SLUIS_DATABASE_URL"])
    assert verify_trail(make_session_factory(engine), AnchorKey.from_master_key(MASTER)).ok
    engine.dispose()


def test_a_hold_on_a_person_read_from_stdin_keeps_their_records(env: dict[str, str]) -> None:
    code, output = run(
        env,
        "hold",
        "--subject",
        "-",
        "--reason",
        "Case 2025/3",
        "--by",
        "Legal",
        stdin="subject-one\n",
    )
    assert code == 0 and "subject-one" not in output
    code, output = run(env, "run", "--json")
    assert (json.loads(output)["erased"], json.loads(output)["held"]) == (1, 1)
    code, output = run(env, "holds", "--json")
    (hold,) = json.loads(output)
    assert hold["scope"] == "subject" and "subject-one" not in output
    code, output = run(env, "release", hold["id"], "--by", "Legal", "--lang", "en")
    assert code == 0 and "lifted" in output
    assert json.loads(run(env, "run", "--json")[1])["erased"] == 1


def test_an_algorithm_hold_and_its_listing(env: dict[str, str]) -> None:
    code, _ = run(env, "hold", "-a", PROFILE_ID, "--reason", "Audit by the AP", "--by", "DPO")
    assert code == 0
    assert json.loads(run(env, "run", "--json")[1])["held"] == 2
    code, output = run(env, "holds")
    assert code == 0 and PROFILE_ID in output and "Audit by the AP" in output


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["hold", "--reason", "x", "--by", "y"], "scope"),
        (["hold", "-a", "no-such", "--reason", "x", "--by", "y"], "algorithm"),
        (["hold", "-a", PROFILE_ID, "--reason", " ", "--by", "y"], "reason"),
        (["release", "no-such-hold", "--by", "y"], "hold"),
    ],
)
def test_bad_input_exits_2_naming_the_field(
    env: dict[str, str], args: list[str], named: str
) -> None:
    code, output = run(env, *args)
    assert code == 2 and named in output
