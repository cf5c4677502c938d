"""``sluis assess`` and ``sluis schema``: the command line over the assessment engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from sluis.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CREDIT = EXAMPLES / "bank-online-credit.yaml"
runner = CliRunner()


def test_json_output_has_the_documented_shape() -> None:
    result = runner.invoke(app, ["assess", str(CREDIT), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "sluis.assessment/1"
    assert data["art22"]["verdict"] == "allowed_with_safeguards"
    assert data["art22"]["exception"] == "contract"
    assert set(data["art22"]["conditions"]) == {
        "decision",
        "solely_automated",
        "significant_effect",
    }
    assert data["dpia"]["required"] in {"required", "recommended", "not_required"}
    assert [c["number"] for c in data["dpia"]["criteria"]] == list(range(1, 10))
    finding = data["findings"][0]
    assert set(finding) >= {"id", "severity", "articles", "text"}
    assert set(finding["text"]) == {"nl", "en"}


def test_several_profiles_give_a_json_array() -> None:
    paths = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    result = runner.invoke(app, ["assess", *paths, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == len(paths)


@pytest.mark.parametrize(("lang", "heading"), [("nl", "Art. 22 AVG"), ("en", "GDPR art. 22")])
def test_markdown_report_in_both_languages(lang: str, heading: str) -> None:
    result = runner.invoke(app, ["assess", str(CREDIT), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert heading in result.stdout
    assert ("Toegestaan met waarborgen" if lang == "nl" else "Allowed with safeguards") in (
        result.stdout
    )


def test_html_report_is_a_complete_document(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(
        app, ["assess", str(CREDIT), "-f", "html", "-l", "en", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    html = target.read_text()
    assert html.startswith("<!doctype html>") and 'lang="en"' in html
    assert 'data-safeguard="human_intervention"' in html


@pytest.mark.slow
def test_pdf_report_renders_with_its_verdict(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    result = runner.invoke(app, ["assess", str(CREDIT), "-f", "pdf", "-l", "en", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Allowed with safeguards" in text
    assert "GDPR art. 22(2)(a)" in text


def test_pdf_needs_an_output_path() -> None:
    result = runner.invoke(app, ["assess", str(CREDIT), "-f", "pdf"])
    assert result.exit_code == 2


def test_an_invalid_profile_exits_2_listing_every_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad Id\nname: ''\ncontroller: {}\n")
    result = runner.invoke(app, ["assess", str(bad), str(CREDIT), "--format", "json"])
    assert result.exit_code == 2
    for loc in ("id", "name", "controller.name"):
        assert loc in result.stderr
    assert result.stdout == ""


def test_schema_command_prints_the_profile_schema() -> None:
    result = runner.invoke(app, ["schema", "profile"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"].startswith("Sluis algorithm profile")


@pytest.mark.slow
def test_the_installed_command_uses_exit_code_2_for_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x"}')
    sluis = Path(sys.executable).with_name("sluis")
    done = subprocess.run([str(sluis), "assess", str(bad)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "controller" in done.stderr and "name" in done.stderr
