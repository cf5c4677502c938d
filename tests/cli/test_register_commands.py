"""``sluis register export``: the registers from a profile file or a registered id."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sluis.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
WELFARE = ROOT / "examples" / "welfare-fraud-risk-selection.yaml"
RECRUITMENT = ROOT / "examples" / "recruitment-screening.yaml"
runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path, database_url_migrated: str, register_schema_path: Path) -> dict[str, str]:
    return {
        "SLUIS_DATA_DIR": str(tmp_path),
        "SLUIS_DATABASE_URL": database_url_migrated,
        "SLUIS_ALGORITMEREGISTER_SCHEMA": str(register_schema_path),
    }


def test_algoritmeregister_export_of_a_file_validates(
    tmp_path: Path, register_schema_path: Path
) -> None:
    schema = register_schema_path
    target = tmp_path / "publication.json"
    args = ["register", "export", str(WELFARE), "-f", "algoritmeregister", "--schema", str(schema)]
    result = runner.invoke(app, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    document = json.loads(target.read_text())
    jsonschema.Draft7Validator(json.loads(schema.read_text())).validate(document)
    assert document["source_id"] == "sluis:welfare-fraud-risk-selection"


def test_an_incomplete_publication_is_refused_with_its_gaps(
    tmp_path: Path, register_schema_path: Path
) -> None:
    schema = register_schema_path
    target = tmp_path / "publication.json"
    args = ["register", "export", str(RECRUITMENT), "-f", "algoritmeregister"]
    result = runner.invoke(app, [*args, "--schema", str(schema), "-o", str(target)])
    assert result.exit_code == 2
    assert "registration.public_contact" in result.stderr
    assert "registration.start_date" in result.stderr
    assert not target.exists()


def test_without_a_schema_the_setting_is_named(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["register", "export", str(WELFARE), "-f", "algoritmeregister"],
        env={"SLUIS_ALGORITMEREGISTER_SCHEMA": ""},
    )
    assert result.exit_code == 2
    assert "SLUIS_ALGORITMEREGISTER_SCHEMA" in result.stderr


def test_art30_csv_of_a_registered_algorithm_names_its_version(env: dict[str, str]) -> None:
    assert runner.invoke(app, ["profile", "add", str(WELFARE)], env=env).exit_code == 0
    result = runner.invoke(
        app,
        ["register", "export", "welfare-fraud-risk-selection", "-f", "art30-csv", "-l", "en"],
        env=env,
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 1
    assert "Gemeente Voorbeeldstad" in rows[0].values()
    assert rows[0]["Profile version"] == "1"


def test_art30_xlsx_needs_an_output_file_and_writes_a_workbook(
    tmp_path: Path, env: dict[str, str]
) -> None:
    args = ["register", "export", str(WELFARE), "-f", "art30-xlsx"]
    assert runner.invoke(app, args, env=env).exit_code == 2
    target = tmp_path / "record.xlsx"
    assert runner.invoke(app, [*args, "-o", str(target)], env=env).exit_code == 0
    sheet = load_workbook(target).worksheets[0]
    assert any("Gemeente Voorbeeldstad" in str(c.value) for row in sheet.iter_rows() for c in row)


def test_unknown_algorithm_exits_2(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["register", "export", "nope", "-f", "art30-csv"], env=env)
    assert result.exit_code == 2
    assert "nope" in result.stderr


def test_whole_organisation_record(tmp_path: Path, env: dict[str, str]) -> None:
    for example in (WELFARE, RECRUITMENT):
        assert runner.invoke(app, ["profile", "add", str(example)], env=env).exit_code == 0
    result = runner.invoke(app, ["register", "art30", "-f", "csv"], env=env)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 3  # header and two algorithms
