"""``sluis fairness`` and ``sluis dashboard refresh`` end to end: decisions through the
gateway, group labels from a CSV file, the report from the database."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

import fairness_world as world
from sluis.cli.main import app
from sluis.fairness.service import latest_snapshot
from sluis.gateway.service import Gateway

Sessions = sessionmaker[Session]
runner = CliRunner()


@pytest.fixture
def gateway(
    database_url_migrated: str, sessions: Sessions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Gateway:
    monkeypatch.setenv("SLUIS_DATABASE_URL", database_url_migrated)
    monkeypatch.setenv("SLUIS_DATA_DIR", str(tmp_path))
    return world.set_up(sessions, tmp_path)


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args))


def test_the_report_names_the_planted_disparity_and_keeps_the_result(gateway: Gateway) -> None:
    world.decide_and_label(gateway, 3000, seed=1, granted={"non-EU": 0.3})
    result = invoke("fairness", "report", world.PROFILE, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Group 'non-EU' (origin): favourable outcomes" in result.output
    assert "## Decision `grant`" in result.output
    assert latest_snapshot(gateway.sessions, world.PROFILE) is not None


def test_the_report_as_pdf_needs_a_file(gateway: Gateway, tmp_path: Path) -> None:
    world.decide_and_label(gateway, 300, seed=1)
    assert invoke("fairness", "report", world.PROFILE, "-f", "pdf").exit_code == 2
    target = tmp_path / "fairness.pdf"
    done = invoke("fairness", "report", world.PROFILE, "-f", "pdf", "-o", str(target))
    assert done.exit_code == 0, done.output
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Eerlijkheidsmonitoring" in text and "Energietoeslag" in text


def test_cached_renders_the_stored_result_without_computing(gateway: Gateway) -> None:
    world.decide_and_label(gateway, 300, seed=1)
    assert invoke("fairness", "refresh").exit_code == 0
    stored = latest_snapshot(gateway.sessions, world.PROFILE)
    world.decide_and_label(gateway, 100, seed=2)
    cached = invoke("fairness", "report", world.PROFILE, "--cached", "--lang", "en")
    assert cached.exit_code == 0 and "Decisions: 300" in cached.output
    assert latest_snapshot(gateway.sessions, world.PROFILE) == stored


def test_an_unknown_algorithm_exits_with_1(gateway: Gateway) -> None:
    result = invoke("fairness", "report", "nobody")
    assert result.exit_code == 1 and "unknown_profile" in result.output


def test_labels_from_a_csv_file_are_checked_before_anything_is_written(
    gateway: Gateway, tmp_path: Path
) -> None:
    inputs, _ = world.applicants(3, seed=4)
    ids = gateway.decide_batch(world.PROFILE, world.FINAL, inputs).decision_ids
    table = tmp_path / "labels.csv"
    table.write_text(
        f"decision,origin,age_band\n{ids[0]},NL,18-34\n{ids[1]},Mars,\n{ids[2]},EU,65+\n",
        encoding="utf-8",
    )
    refused = invoke("fairness", "attributes", world.PROFILE, str(table))
    assert refused.exit_code == 2
    assert "items[1].attributes.origin" in refused.output and "Mars" not in refused.output
    table.write_text(table.read_text().replace("Mars", "non-EU"), encoding="utf-8")
    done = invoke("fairness", "attributes", world.PROFILE, str(table))
    assert done.exit_code == 0 and "3 decisions" in done.output


def test_ground_truth_from_a_csv_file(gateway: Gateway, tmp_path: Path) -> None:
    labelled = world.decide_and_label(gateway, 2, seed=4)
    table = tmp_path / "truth.csv"
    rows = [f"{d},{v},objection" for d, v in zip(labelled["decision"], ("true", "no"), strict=True)]
    table.write_text("decision,deserved_favourable,source\n" + "\n".join(rows), encoding="utf-8")
    refused = invoke("fairness", "ground-truth", world.PROFILE, str(table))
    assert refused.exit_code == 2 and "items[1].deserved_favourable" in refused.output
    table.write_text(table.read_text().replace(",no,", ",false,"), encoding="utf-8")
    assert invoke("fairness", "ground-truth", world.PROFILE, str(table)).exit_code == 0


def test_the_dashboard_refresh_computes_every_monitored_algorithm_and_checks_the_chain(
    gateway: Gateway,
) -> None:
    world.decide_and_label(gateway, 300, seed=1)
    result = invoke("dashboard", "refresh")
    assert result.exit_code == 0, result.output
    assert f"{world.PROFILE}: 300 decisions" in result.output
    assert "audit chain:" in result.output and "intact" in result.output
