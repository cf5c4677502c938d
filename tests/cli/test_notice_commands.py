"""``sluis notice`` and ``sluis privacy-notice``: one decision's notice to a file or standard
output, many into a directory (by id, from a file of ids, or an algorithm's decisions
since a day), and bad input refused with exit code 2 before anything is written."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from notice_examples import (
    ALLOWANCE,
    ALLOWANCE_BINDING,
    CREDIT,
    CREDIT_BINDING,
    bind_examples,
    decide_examples,
    register_examples,
)
from sluis.cli.main import app
from sluis.gateway.service import Gateway
from sluis.settings import Settings

runner = CliRunner()
UNKNOWN = "00000000-0000-7000-8000-000000000000"


@pytest.fixture
def decided(
    database_url_migrated: str,
    sessions: sessionmaker[Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, str]:
    """Decisions taken with the key the CLI will use (same data directory), and the
    procedures bound through SLUIS_PROCEDURES as the CLI reads them."""
    monkeypatch.setenv("SLUIS_DATABASE_URL", database_url_migrated)
    monkeypatch.setenv("SLUIS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SLUIS_PROCEDURES", f"{CREDIT_BINDING},{ALLOWANCE_BINDING}")
    register_examples(sessions)
    gateway = Gateway(sessions, Settings())
    bind_examples(gateway)
    return decide_examples(gateway)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_one_notice_as_pdf_to_a_file(decided: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    result = runner.invoke(
        app, ["notice", decided["allowance_refused"], "--lang", "nl", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(target)
    assert "Ons besluit: u krijgt geen energietoeslag." in text
    assert "Bezwaar maken" in text


def test_one_notice_as_json_to_standard_output(decided: dict[str, str]) -> None:
    result = runner.invoke(
        app, ["notice", decided["credit_refused"], "--format", "json", "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["decision"]["outcome_label"] == "your credit application is refused"
    assert document["readability"]["ok"] is True


def test_several_ids_write_one_file_each_into_a_directory(
    decided: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    ids = [decided["credit_granted"], decided["allowance_pending"]]
    result = runner.invoke(app, ["notice", *ids, "-f", "html", "-l", "en", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"notice-{i}-en.html" for i in ids)
    pending = (folder / f"notice-{ids[1]}-en.html").read_text()
    assert "Your case is being reviewed" in pending


def test_an_algorithms_decisions_since_a_day(decided: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    today = datetime.now(UTC).date().isoformat()
    result = runner.invoke(
        app,
        ["notice", "--algorithm", ALLOWANCE, "--all-since", today, "-f", "json", "-o", str(folder)],
    )
    assert result.exit_code == 0, result.output
    names = {p.name for p in folder.iterdir()}
    expected = ("allowance_granted", "allowance_refused", "allowance_pending")
    assert names == {f"notice-{decided[k]}-nl.json" for k in expected}
    assert "3 notice(s) written" in result.stderr


def test_a_file_of_ids_and_a_batch_with_missing_decisions_exits_1_naming_them(
    decided: dict[str, str], tmp_path: Path
) -> None:
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text(f"# to send\n{decided['allowance_granted']}\n{UNKNOWN}\n")
    folder = tmp_path / "some"
    result = runner.invoke(app, ["notice", "--ids-file", str(ids_file), "-o", str(folder)])
    assert result.exit_code == 1
    assert f"{UNKNOWN}: no notice: no such decision" in result.stderr
    assert [p.name for p in folder.iterdir()] == [f"notice-{decided['allowance_granted']}-nl.pdf"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["notice"], "give one or more decision ids"),
        (["notice", UNKNOWN, "--algorithm", CREDIT, "--all-since", "2026-01-01"], "not both"),
        (["notice", "--algorithm", CREDIT], "--algorithm and --all-since go together"),
        (["notice", "--algorithm", CREDIT, "--all-since", "soon", "-o", "x"], "--all-since"),
        (["notice", "--algorithm", "nope", "--all-since", "2026-01-01", "-o", "x"], "nope"),
        (["notice", UNKNOWN], "--output is required"),
        (["notice", UNKNOWN, "-f", "json"], "no such decision"),
        (["notice", UNKNOWN, "-p", "credit:x=nowhere.py:procedure", "-f", "json"], "--procedure"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    decided: dict[str, str],
    args: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())
    assert not (tmp_path / "x").exists()


def test_without_a_bound_procedure_a_decision_taken_has_no_notice(
    decided: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLUIS_PROCEDURES", "")
    refused = runner.invoke(app, ["notice", decided["allowance_refused"], "-f", "json"])
    assert refused.exit_code == 2
    assert "no procedure is bound" in " ".join(refused.stderr.split())
    with_option = runner.invoke(
        app, ["notice", decided["allowance_refused"], "-f", "json", "-p", ALLOWANCE_BINDING]
    )
    assert with_option.exit_code == 0, with_option.output


def test_the_privacy_notice_of_an_algorithm(decided: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "privacy.pdf"
    result = runner.invoke(app, ["privacy-notice", CREDIT, "-l", "en", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Privacy notice: Consumptief krediet" in pdf_text(target)
    as_json = runner.invoke(app, ["privacy-notice", ALLOWANCE, "-f", "json"])
    assert json.loads(as_json.stdout)["legal_basis"]["article6"] == "public_task"
    unknown = runner.invoke(app, ["privacy-notice", "nope", "-f", "json"])
    assert unknown.exit_code == 2
