"""``sluis dpia``: open, show and export a profile's DPIA from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from sluis.assessment.service import register_and_assess
from sluis.cli.main import app
from sluis.dpia_document import service
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
runner = CliRunner()


@pytest.fixture
def db(cli_env: sessionmaker[Session]) -> sessionmaker[Session]:
    for name in (WELFARE, "library-overdue-reminders"):
        register_and_assess(cli_env, parse_profile_text((EXAMPLES / f"{name}.yaml").read_text()))
    return cli_env


def test_open_prefills_a_draft_once(db: sessionmaker[Session]) -> None:
    first = runner.invoke(app, ["dpia", "open", WELFARE, "--by", "anna"])
    assert first.exit_code == 0, first.output
    assert "DPIA opened" in first.stdout
    assert "DPIA-versie 1, status: concept" in " ".join(first.stdout.split())
    again = runner.invoke(app, ["dpia", "open", WELFARE])
    assert again.exit_code == 0 and "already open" in again.stdout
    assert service.get_dpia(db, WELFARE).created_by == "anna"


def test_open_says_why_no_dpia_is_needed(db: sessionmaker[Session]) -> None:
    result = runner.invoke(app, ["dpia", "open", "library-overdue-reminders", "--lang", "en"])
    assert result.exit_code == 3
    assert "calls for no DPIA" in result.stderr
    assert "WP248" in result.stderr
    assert not service.has_dpia(db, "library-overdue-reminders")


def test_unknown_profiles_and_missing_dpias_exit_1(db: sessionmaker[Session]) -> None:
    assert runner.invoke(app, ["dpia", "open", "nobody"]).exit_code == 1
    result = runner.invoke(app, ["dpia", "show", WELFARE])
    assert result.exit_code == 1 and "has no DPIA" in result.stderr


def test_show_lists_risks_and_what_is_missing(db: sessionmaker[Session]) -> None:
    runner.invoke(app, ["dpia", "open", WELFARE])
    result = runner.invoke(app, ["dpia", "show", WELFARE, "--lang", "en"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "R1" in out and "very high" in out
    assert "[section.residual_risk.empty]" in out
    assert "versions: 1 draft" in out
    document = json.loads(runner.invoke(app, ["dpia", "show", WELFARE, "--json"]).stdout)
    assert document["format"] == "sluis.dpia/1" and document["profile_id"] == WELFARE


def test_export_markdown_to_stdout_and_to_a_file(db: sessionmaker[Session], tmp_path: Path) -> None:
    runner.invoke(app, ["dpia", "open", WELFARE])
    result = runner.invoke(app, ["dpia", "export", WELFARE, "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# DPIA: ")
    assert "DPIA version 1, state: draft" in result.stdout
    target = tmp_path / "dpia.md"
    written = runner.invoke(app, ["dpia", "export", WELFARE, "-o", str(target)])
    assert written.exit_code == 0 and "## 12. Vaststelling en ondertekening" in target.read_text()


def test_pdf_export_needs_an_output_file(db: sessionmaker[Session]) -> None:
    runner.invoke(app, ["dpia", "open", WELFARE])
    result = runner.invoke(app, ["dpia", "export", WELFARE, "--format", "pdf"])
    assert result.exit_code == 2 and "--output" in result.stderr


@pytest.mark.slow
def test_export_pdf(db: sessionmaker[Session], tmp_path: Path) -> None:
    runner.invoke(app, ["dpia", "open", WELFARE])
    target = tmp_path / "dpia.pdf"
    result = runner.invoke(app, ["dpia", "export", WELFARE, "-f", "pdf", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:5] == b"%PDF-"
