"""``sluis kader``: import the Algoritmekader, show a profile's checklist, record statuses
(SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from kader_mini import write_mini
from sluis.assessment.service import register_and_assess
from sluis.cli.main import app
from sluis.kader.service import checklist_for
from sluis.profiles.validation import validate_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
runner = CliRunner()


@pytest.fixture
def cli_db(cli_env: sessionmaker[Session]) -> sessionmaker[Session]:
    """The CLI pointed at the test database; the welfare example registered in it."""
    document = yaml.safe_load((EXAMPLES / f"{WELFARE}.yaml").read_text(encoding="utf-8"))
    register_and_assess(cli_env, validate_profile(document))
    return cli_env


def test_import_prints_counts_and_each_problem_with_its_path(
    cli_db: sessionmaker[Session], tmp_path: Path
) -> None:
    folder = write_mini(tmp_path / "kader", {"maatregelen/kapot.md": "geen front matter"})
    result = runner.invoke(app, ["kader", "import", str(folder), "--source", "test-release"])
    assert result.exit_code == 0, result.output
    assert "6 added, 0 changed, 0 unchanged, 0 removed, 1 files skipped" in result.stdout
    assert "maatregelen/kapot.md: no front matter" in result.stderr
    again = runner.invoke(app, ["kader", "import", str(folder)])
    assert again.exit_code == 0
    assert "0 added, 0 changed, 6 unchanged, 0 removed" in again.stdout


def test_import_of_a_missing_or_empty_folder_exits_2(
    cli_db: sessionmaker[Session], tmp_path: Path
) -> None:
    missing = runner.invoke(app, ["kader", "import", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
    assert "no such folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(app, ["kader", "import", str(tmp_path / "empty")])
    assert empty.exit_code == 2
    assert "no readable requirement or measure files" in empty.stderr


def test_checklist_as_json_and_as_a_table(cli_db: sessionmaker[Session], tmp_path: Path) -> None:
    assert runner.invoke(app, ["kader", "import", str(write_mini(tmp_path))]).exit_code == 0
    result = runner.invoke(app, ["kader", "checklist", WELFARE, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "sluis.kader/1"
    assert data["profile"] == {"id": WELFARE, "name": data["profile"]["name"], "version": 1}
    assert [r["code"] for r in data["requirements"]] == ["aia-21", "avg-10"]
    assert [r["code"] for r in data["excluded_requirements"]] == ["aia-03"]
    assert [m["code"] for m in data["measures"]] == ["imp-03", "org-01"]
    assert data["counts"] == {
        "todo": 2,
        "in_progress": 0,
        "done": 0,
        "not_applicable": 0,
        "total": 2,
    }
    avg10 = data["requirements"][1]
    assert avg10["assessment_link"]["source"] == "assessment.art22.verdict"
    assert avg10["applicability"]["reasons"][0]["en"].startswith("Applies from the design")
    table = runner.invoke(app, ["kader", "checklist", WELFARE])
    assert table.exit_code == 0
    assert "urn:nl:ak:mtr:imp-03" in table.stdout and "aia-21" in table.stdout
    assert "total 2" in table.stdout
    unknown = runner.invoke(app, ["kader", "checklist", "nobody"])
    assert unknown.exit_code == 1


def test_status_command_records_and_refuses_naming_the_field(
    cli_db: sessionmaker[Session], tmp_path: Path
) -> None:
    runner.invoke(app, ["kader", "import", str(write_mini(tmp_path))])
    urn = "urn:nl:ak:mtr:imp-03"
    ok = runner.invoke(
        app, ["kader", "status", WELFARE, urn, "in_progress", "--owner", "Team", "--notes", "n"]
    )
    assert ok.exit_code == 0, ok.output
    assert f"{WELFARE} {urn}: in_progress" in ok.stdout
    refused = runner.invoke(app, ["kader", "status", WELFARE, urn, "not_applicable"])
    assert refused.exit_code == 2
    assert "reason:" in refused.stderr and "required_for_not_applicable" in refused.stderr
    provider = runner.invoke(app, ["kader", "status", WELFARE, "urn:nl:ak:mtr:dat-07", "done"])
    assert provider.exit_code == 2
    assert "not_applicable_to_profile" in provider.stderr
    status = next(m.status for m in checklist_for(cli_db, WELFARE).measures() if m.item.urn == urn)
    assert (status.status.value, status.owner, status.notes) == ("in_progress", "Team", "n")
