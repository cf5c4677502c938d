"""The web UI in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = pytest.mark.browser


def test_a_privacy_officer_registers_a_profile_and_reads_the_assessment(page: Page) -> None:
    page.goto("/profiles")
    page.get_by_role("link", name="Nieuw profiel").first.click()
    document = (EXAMPLES / "welfare-fraud-risk-selection.yaml").read_text()
    page.get_by_label("Profiel (YAML of JSON)").fill(document)
    page.get_by_test_id("save-profile").click()

    assert page.get_by_test_id("saved-notice").inner_text().startswith("Opgeslagen als versie 1")
    assert page.get_by_test_id("art22-verdict").inner_text() == "Niet van toepassing"
    assert page.get_by_test_id("dpia-required").inner_text() == "Verplicht"
    assert page.locator('[data-safeguard="inform_of_selection"]').count() == 1

    page.get_by_test_id("switch-language").click()
    assert page.get_by_test_id("art22-verdict").inner_text() == "Not applicable"
    assert page.locator("html").get_attribute("lang") == "en"

    pdf = page.request.get(page.get_by_test_id("download-pdf").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body()[:5] == b"%PDF-"


def test_an_invalid_profile_is_explained_and_not_saved(page: Page) -> None:
    page.goto("/profiles/new")
    page.get_by_label("Profiel (YAML of JSON)").fill("id: Bad Id\nname: ''\ncontroller: {}\n")
    page.get_by_test_id("save-profile").click()
    errors = page.get_by_test_id("profile-errors")
    assert errors.is_visible()
    text = errors.inner_text()
    assert "controller.name" in text and "name" in text and "id" in text
    assert page.get_by_label("Profiel (YAML of JSON)").input_value().startswith("id: Bad Id")
    page.goto("/profiles")
    assert page.get_by_test_id("profile-list").count() == 0


def test_editing_makes_a_new_version_on_a_phone_sized_screen(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/profiles/new")
    page.get_by_label("Profiel (YAML of JSON)").fill(
        (EXAMPLES / "bank-online-credit.yaml").read_text()
    )
    page.get_by_test_id("save-profile").click()
    page.get_by_role("link", name="Profiel bewerken").click()
    editor = page.get_by_label("Profiel (YAML of JSON)")
    editor.fill(editor.input_value().replace("Online consumer credit decision", "Herzien krediet"))
    page.get_by_test_id("save-profile").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Herzien krediet"
    assert "versie 2" in page.get_by_test_id("saved-notice").inner_text()
