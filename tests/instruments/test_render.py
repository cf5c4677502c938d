"""The filled-in instrument as Markdown and PDF (read back with pypdf), nl and en."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker

from sluis.instruments import render, service


def test_markdown_shows_answers_sources_and_verdict(
    imported: sessionmaker[Session], welfare: str
) -> None:
    opened = service.open_instance(imported, welfare, "urn:nl:prescan")
    verdict = service.verdict(imported, opened.id)
    nl = render.render_markdown(opened, "nl", verdict)
    en = render.render_markdown(opened, "en", verdict)
    assert nl.startswith("# Pre-scan DPIA")
    assert "Algoritme welfare-fraud-risk-selection, urn:nl:prescan versie 2.0" in nl
    assert "Algorithm welfare-fraud-risk-selection, urn:nl:prescan version 2.0" in en
    assert "**0.4 Wat is de grondslag voor de verwerking?**" in en  # questions stay Dutch
    assert "Rechtsgrond taak van algemeen belang" in nl
    assert "Voorgesteld door Sluis uit legal_basis.article6" in nl
    assert "- **DPIA**: required — DPIA verplicht" in en
    assert "er minimaal 1 item op de AP-lijst is geselecteerd" in en
    assert "Sluis reaches the same outcome." in en
    # A question hidden by the definition's conditions is left out.
    assert "0.5.2" not in nl


def test_pdf_reads_back(imported: sessionmaker[Session], welfare: str) -> None:
    opened = service.open_instance(imported, welfare, "urn:nl:dpia")
    pdf = render.render_pdf(opened, "en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "DPIA Rapportagemodel Rijksdienst" in text
    assert "client_id" in text
    assert "Rechtsgrond taak van algemeen belang" in text
    assert "Not signed yet." in text
