"""``sluis instrument``: import, list, open, exchange answers, verdict and export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from sluis.assessment.service import register_and_assess
from sluis.cli.main import app
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
runner = CliRunner()


@pytest.fixture
def sources(shared_data: Path) -> Path:
    return shared_data / "par-dpia-form" / "sources"


@pytest.fixture
def db(cli_env: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> sessionmaker[Session]:
    monkeypatch.delenv("SLUIS_PAR_DPIA_SCHEMAS", raising=False)
    register_and_assess(cli_env, parse_profile_text((EXAMPLES / f"{WELFARE}.yaml").read_text()))
    return cli_env


def test_the_whole_flow(db: sessionmaker[Session], sources: Path, tmp_path: Path) -> None:
    for name in ("prescan", "dpia"):
        result = runner.invoke(app, ["instrument", "import", str(sources / f"{name}.yaml")])
        assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["instrument", "import", str(sources / "prescan.yaml"), "-l", "en"])
    assert "Already there, unchanged: urn:nl:prescan:2.0" in again.stdout

    opened = runner.invoke(app, ["instrument", "open", WELFARE, "urn:nl:prescan:2.0"])
    assert opened.exit_code == 0, opened.output
    assert "Instrument 1 geopend" in opened.stdout and "prefilled:" in opened.stdout

    listed = json.loads(runner.invoke(app, ["instrument", "list", "--json"]).stdout)
    assert listed["instances"][0]["urn"] == "urn:nl:prescan"

    out = tmp_path / "answers.json"
    exported = runner.invoke(app, ["instrument", "answers-export", "1", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    document = json.loads(out.read_text())
    assert document["metadata"]["urn"] == "urn:nl:prescan:2.0"
    document["answers"]["0.1"] = {"value": "true", "lastEditedAt": "2025-05-01T10:00:00Z"}
    out.write_text(json.dumps(document))
    imported = runner.invoke(app, ["instrument", "answers-import", "1", str(out), "--by", "po"])
    assert imported.exit_code == 0, imported.output
    assert "imported as version 2" in imported.stdout

    verdict = json.loads(runner.invoke(app, ["instrument", "verdict", "1", "--json"]).stdout)
    dpia = next(a for a in verdict["assessments"] if a["id"] == "DPIA")
    assert dpia["level"] == "required"
    assert "wetgeving" in {c["id"] for c in dpia["criteria"]}  # new legislation, from 0.1

    markdown = runner.invoke(app, ["instrument", "export", "1", "-l", "en"])
    assert markdown.exit_code == 0 and "# Pre-scan DPIA" in markdown.stdout
    pdf = tmp_path / "prescan.pdf"
    assert (
        runner.invoke(app, ["instrument", "export", "1", "-f", "pdf", "-o", str(pdf)]).exit_code
        == 0
    )
    assert "Pre-scan DPIA" in PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()


def test_refusals_list_every_problem(
    db: sessionmaker[Session], sources: Path, tmp_path: Path
) -> None:
    raw = yaml.safe_load((sources / "prescan.yaml").read_text(encoding="utf-8"))
    del raw["name"]
    raw["tasks"][0]["repeatable"] = "yes"
    folder = tmp_path / "sources"
    folder.mkdir()
    broken = folder / "prescan.yaml"
    broken.write_text(yaml.safe_dump(raw, allow_unicode=True))
    schemas = sources.parent / "schemas"
    result = runner.invoke(
        app, ["instrument", "import", str(broken)], env={"SLUIS_PAR_DPIA_SCHEMAS": str(schemas)}
    )
    assert result.exit_code == 2
    assert "'name' is a required property" in result.stderr
    assert "tasks/0/repeatable" in result.stderr

    runner.invoke(app, ["instrument", "import", str(sources / "prescan.yaml")])
    runner.invoke(app, ["instrument", "open", WELFARE, "urn:nl:prescan"])
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "$schema": "https://github.com/MinBZK/par-dpia-form/blob/main/schemas/assessment-output.v2.schema.json",
                "metadata": {"urn": "urn:nl:prescan:2.0", "createdAt": "2025-05-01T10:00:00Z"},
                "answers": {
                    "42.1": {"value": "x", "lastEditedAt": "2025-05-01T10:00:00Z"},
                    "0.4": {"value": "geen", "lastEditedAt": "2025-05-01T10:00:00Z"},
                },
            }
        )
    )
    refused = runner.invoke(app, ["instrument", "answers-import", "1", str(bad)])
    assert refused.exit_code == 2
    assert "42.1:" in refused.stderr and "0.4:" in refused.stderr
    missing = runner.invoke(app, ["instrument", "verdict", "99"])
    assert missing.exit_code == 1


def test_import_warns_about_the_definitions_slips_and_verdict_shows_both_readings(
    db: sessionmaker[Session], sources: Path
) -> None:
    imported = runner.invoke(
        app, ["instrument", "import", str(sources / "prescan.yaml"), "-l", "en"]
    )
    assert imported.exit_code == 0, imported.output
    assert "Imported" in imported.stdout or "urn:nl:prescan:2.0" in imported.stdout
    warnings = " ".join(imported.stderr.split())  # Rich wraps long lines
    assert "this definition's rules carry 6 note(s)" in warnings
    assert "never worked out" in warnings and "0.5.1" in warnings
    quiet = runner.invoke(app, ["instrument", "import", str(sources / "dpia.yaml")])
    assert quiet.exit_code == 0 and "opmerking" not in quiet.stderr

    assert runner.invoke(app, ["instrument", "open", WELFARE, "urn:nl:prescan"]).exit_code == 0
    from sluis.instruments import service

    answers = {
        "1.5.1": True,
        "1.5.3": "Continu",
        "1.5.4": "Aantal jaren",
        "7.1.1": True,
        "7.1.2": True,
    }
    service.save_answers(db, 1, answers)
    shown = runner.invoke(app, ["instrument", "verdict", "1", "-l", "en"])
    assert shown.exit_code == 0, shown.output
    text = " ".join(shown.stdout.split())
    published, _, intended = text.partition("as evidently intended")
    assert "as published" in published and "DPIA: not needed" in published
    assert "DPIA: required" in intended
    assert "Score 'digitaledienst_minderjarig'" in intended
    document = json.loads(runner.invoke(app, ["instrument", "verdict", "1", "--json"]).stdout)
    assert document["differs"] is True
    markdown = runner.invoke(app, ["instrument", "export", "1", "-l", "en"]).stdout
    assert "Verdict of the definition as evidently intended" in markdown
