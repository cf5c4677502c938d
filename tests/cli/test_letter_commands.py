"""``sluis letter``: a letter to any organisation on standard output or in a file, a
calendar reminder beside it, and bad input named by its option."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from typer.testing import CliRunner

from sluis.cli.main import app

runner = CliRunner()
BASE = ["--to", "Acme Lending B.V.", "--name", "Jan Jansen", "--sent", "2025-03-27"]


def test_the_letter_goes_to_standard_output_in_the_language_asked() -> None:
    result = runner.invoke(app, ["letter", "access", *BASE, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Subject: Request for access to my personal data" in result.output
    assert "28 April 2025" in result.output  # Sunday 27 April rolled over
    assert "article 15(1)(h)" in result.output


@pytest.mark.slow
def test_a_pdf_and_a_reminder_are_written(tmp_path: Path) -> None:
    pdf, ics = tmp_path / "brief.pdf", tmp_path / "herinnering.ics"
    result = runner.invoke(
        app,
        [
            "letter",
            "objection",
            *BASE,
            "--reference",
            "K-1",
            "--decision-date",
            "2025-03-01",
            "-o",
            str(pdf),
            "--ics",
            str(ics),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2025-04-28" in result.output
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Bezwaar tegen de verwerking van mijn persoonsgegevens" in " ".join(text.split())
    event = next(iter(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")))
    assert event.decoded("DTSTART") == date(2025, 4, 28)


def test_markdown_follows_the_file_name(tmp_path: Path) -> None:
    out = tmp_path / "letter.md"
    result = runner.invoke(app, ["letter", "erasure", *BASE, "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("# Request to erase my personal data")


def test_bad_input_names_each_option_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    result = runner.invoke(
        app,
        [
            "letter",
            "complain",
            "--to",
            "Acme",
            "--sent",
            "2025-02-30",
            "--lang",
            "en",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 2
    assert "KIND: Choose what you want to ask" in result.output
    assert "--name: Fill in your name" in result.output
    assert "--sent: This is not a real date" in result.output
    assert not out.exists()
    odd = runner.invoke(app, ["letter", "access", *BASE, "-o", str(tmp_path / "x.docx")])
    assert odd.exit_code == 2 and "--output:" in odd.output
