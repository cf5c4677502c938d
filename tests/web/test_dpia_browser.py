"""Acceptance: a DPIA can be taken from prefilled draft to signed PDF through the web UI
(Debian's Chromium driven by Playwright, against a live server)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from sluis.assessment.service import register_and_assess
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"

if TYPE_CHECKING:  # the fixture's type, from tests/web/conftest.py
    from conftest import LiveServer

pytestmark = pytest.mark.browser


def test_a_dpia_goes_from_prefilled_draft_to_signed_pdf(
    page: Page, live_server: LiveServer
) -> None:
    profile = parse_profile_text((EXAMPLES / f"{WELFARE}.yaml").read_text(encoding="utf-8"))
    register_and_assess(live_server.sessions, profile)

    # The profile page links to the DPIA; none exists yet, and the assessment calls for one.
    page.goto(f"/profiles/{WELFARE}")
    page.get_by_test_id("doc-dpia").click()
    page.get_by_role("button", name="DPIA openen").click()
    expect(page.get_by_test_id("dpia-provenance")).to_contain_text("DPIA-versie 1, status: concept")
    expect(page.get_by_test_id("prior-consultation-warning")).to_be_visible()

    # Fill the section Sluis could not prefill, and resolve the open points it marked.
    page.get_by_test_id("section-residual_risk").fill(
        "Het restrisico is aanvaardbaar: de selectie leidt nooit zelf tot een gevolg."
    )
    for section in page.locator("textarea[data-testid^='section-']").all():
        text = section.input_value()
        if "[[" in text:
            section.fill(text.replace("[[", "(").replace("]]", ")"))

    # Confirm every suggested risk and say why its residual risk is what it is.
    risk_ids = [f.get_attribute("data-risk") for f in page.locator("fieldset[data-risk]").all()]
    assert "R2" in risk_ids
    for risk_id in risk_ids:
        page.get_by_test_id(f"risk-{risk_id}-confirmed").check()
        page.get_by_test_id(f"risk-{risk_id}-residual_justification").fill(
            "Gevolgd met de kwartaaltoets; zie maatregelen."
        )

    # A measure linked to the discrimination risk, claiming a lower likelihood.
    page.get_by_test_id("measure-new-description").fill(
        "Kwartaaltoets op ongelijke selectie per leeftijdsgroep, huishouden en wijk"
    )
    page.get_by_test_id("measure-new-owner").fill("Team Data")
    page.get_by_test_id("measure-new-risk-R2").check()
    page.get_by_test_id("measure-new-lr-R2").select_option("2")
    page.get_by_test_id("save-draft").click()
    expect(page.get_by_test_id("dpia-saved")).to_have_text("Opgeslagen als DPIA-versie 2.")
    expect(page.get_by_test_id("residual-R2")).to_contain_text("1×4")
    expect(page.locator("fieldset[data-measure='M1']")).to_be_visible()

    # The DPO advises; then the decision owner and the DPO sign.
    advice = page.get_by_test_id("advice-form")
    advice.get_by_label("Adviseur (FG)").fill("Fenna Gegevens")
    advice.get_by_label("Advies", exact=True).fill(
        "Ik adviseer de AP vooraf te raadplegen: het restrisico blijft hoog."
    )
    page.get_by_test_id("record-advice").click()
    expect(page.get_by_test_id("dpia-advice")).to_contain_text("Fenna Gegevens")

    owner = page.get_by_test_id("sign-decision_owner")
    owner.get_by_label("Naam").fill("Bram Besluit")
    owner.get_by_label("Functie").fill("Directeur Werk en Inkomen")
    page.get_by_test_id("sign-decision_owner-submit").click()
    dpo = page.get_by_test_id("sign-dpo")
    dpo.get_by_label("Naam").fill("Fenna Gegevens")
    page.get_by_test_id("sign-dpo-submit").click()
    expect(page.get_by_test_id("dpia-adoptable")).to_be_visible()

    page.get_by_test_id("adopt-dpia").click()
    expect(page.get_by_test_id("dpia-adopted")).to_be_visible()
    expect(page.get_by_test_id("dpia-provenance")).to_contain_text("status: vastgesteld")

    pdf = page.request.get(page.get_by_test_id("download-dpia-pdf").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf.body())).pages
    )
    assert "vastgesteld" in text
    assert "Bram Besluit" in text and "Fenna Gegevens" in text
    assert f"Gemaakt uit profiel {WELFARE} versie 1, DPIA-versie 6" in text
