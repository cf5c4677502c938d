"""Rendering a stored DPIA: Markdown and (slow) PDF, both saying where they come from."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from sluis.dpia_document import lifecycle
from sluis.dpia_document.model import SECTION_SPECS, DpiaDocument, DpiaState, DpoAdvice, Signature
from sluis.dpia_document.render import render_html, render_markdown, render_pdf
from sluis.dpia_document.service import StoredDpia

Complete = Callable[[DpiaDocument], DpiaDocument]
WHEN = datetime(2025, 3, 3, 12, tzinfo=UTC)


def stored(doc: DpiaDocument, version: int = 3) -> StoredDpia:
    return StoredDpia(
        profile_id=doc.profile_id,
        version=version,
        profile_version=doc.profile_version,
        state=doc.state,
        created_at=WHEN,
        created_by=None,
        adopted_at=WHEN if doc.state is DpiaState.adopted else None,
        document=doc,
        created=False,
    )


@pytest.fixture
def adopted(
    draft: DpiaDocument, complete: Complete, advice: DpoAdvice, signatures: tuple[Signature, ...]
) -> StoredDpia:
    doc = lifecycle.record_advice(complete(draft), advice, on_version=2)
    for signature in signatures:
        doc = lifecycle.sign(doc, signature)
    return stored(lifecycle.adopt(doc), version=6)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_has_every_section_and_its_provenance(draft: DpiaDocument, lang: str) -> None:
    text = render_markdown(stored(draft), lang)
    for spec in SECTION_SPECS.values():
        assert f"## {spec.number}. {spec.title.get(lang)}" in text
    if lang == "nl":
        assert (
            "Gemaakt uit profiel welfare-fraud-risk-selection versie 1, DPIA-versie 3, "
            "status: concept" in text
        )
        assert "Voorafgaande raadpleging van de AP nodig" in text
    else:
        assert (
            "Generated from profile welfare-fraud-risk-selection version 1, DPIA version 3, "
            "state: draft" in text
        )
        assert "GDPR art. 36(1)" in text
    for risk in draft.risks:
        assert f"| {risk.id} | {risk.title} |" in text


def test_markdown_of_an_adopted_dpia_shows_advice_and_signatures(adopted: StoredDpia) -> None:
    text = render_markdown(adopted, "nl")
    assert "status: vastgesteld, vastgesteld op 2025-03-03" in text
    assert "F. Gegevens" in text and "B. Besluit" in text
    assert "advies uitgebracht" in text
    assert "| M1 | Kwartaaltoets op ongelijke selectie | Team Data | gepland | R1: kans −1" in text
    assert "| R1 | 3×3 zeer hoog | 2×3 hoog | M1 | Na de maatregel. |" in text


def test_table_cells_cannot_break_the_markdown(draft: DpiaDocument) -> None:
    first = draft.risks[0].model_copy(update={"title": "A | B\nC"})
    doc = draft.model_copy(update={"risks": (first, *draft.risks[1:])})
    assert "| R1 | A \\| B C |" in render_markdown(stored(doc), "en")


def test_html_holds_the_matrix_and_the_warning(draft: DpiaDocument) -> None:
    html = render_html(stored(draft), "en")
    assert "<svg" in html and 'data-kind="inherent"' in html
    assert 'data-testid="prior-consultation-warning"' in html
    assert html.lstrip().startswith("<!doctype html>")


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "state"), [("nl", "vastgesteld"), ("en", "adopted")])
def test_the_pdf_has_section_titles_version_and_signers(
    adopted: StoredDpia, lang: str, state: str
) -> None:
    pdf = render_pdf(adopted, lang)
    assert pdf[:5] == b"%PDF-"
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    for spec in SECTION_SPECS.values():
        assert spec.title.get(lang) in text
    assert ("DPIA-versie 6" if lang == "nl" else "DPIA version 6") in text
    assert state in text
    assert "B. Besluit" in text and "F. Gegevens" in text
