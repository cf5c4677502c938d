"""Acceptance: the real DPIA pre-scan is filled in through the web UI (Debian's Chromium
driven by Playwright, against a live server, signed in through the login page); questions
appear as they are answered, and the verdict shown is the one the pre-scan's own rules give."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from auth_world import PASSWORD, account
from sluis.assessment.service import register_and_assess
from sluis.instruments import service
from sluis.instruments.rules import evaluate_assessments
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LIBRARY = "library-overdue-reminders"

if TYPE_CHECKING:  # the fixture's type, from tests/web/conftest.py
    from conftest import LiveServer

pytestmark = pytest.mark.browser


def test_the_prescan_is_filled_in_and_shows_the_verdict_its_rules_give(
    page: Page, live_server: LiveServer, shared_data: Path
) -> None:
    sessions = live_server.sessions
    profile = parse_profile_text((EXAMPLES / f"{LIBRARY}.yaml").read_text(encoding="utf-8"))
    register_and_assess(sessions, profile)
    service.import_definition(sessions, shared_data / "par-dpia-form/sources/prescan.yaml")
    login = account(sessions, "administrator")

    page.goto("/login")
    page.get_by_test_id("login-name").fill(login)
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()

    page.goto(f"/profiles/{LIBRARY}/instruments")
    page.get_by_test_id("start-prescan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pre-scan DPIA")
    expect(page.get_by_test_id("verdict-DPIA")).to_have_attribute("data-level", "none")

    # A follow-up question appears as soon as it applies, by keyboard, before saving.
    follow_up = page.locator('.in-question[data-task="0.5.2"]')
    expect(follow_up).to_be_hidden()
    cloud = page.locator("#q-0-5-1").get_by_label("Ja")
    cloud.focus()
    page.keyboard.press("Space")
    expect(cloud).to_be_checked()
    expect(follow_up).to_be_visible()
    page.get_by_label("Cloudopslag van data").check()
    page.get_by_test_id("save-instrument").click()
    expect(page.get_by_test_id("instrument-saved")).to_be_visible()
    expect(follow_up).to_be_visible()

    # The Dutch DPA's list: one ticked kind of processing requires a DPIA under the
    # pre-scan's rules; the interim results follow before the answers are saved.
    page.get_by_test_id("part-3").click()
    page.get_by_label("Lijst AP: Profilering").check()
    expect(page.get_by_test_id("interim-live")).to_be_visible()
    expect(page.get_by_test_id("verdict-DPIA")).to_have_attribute("data-level", "required")
    page.get_by_test_id("save-instrument").click()
    expect(page.get_by_test_id("instrument-saved")).to_be_visible()

    instance = service.list_instances(sessions, LIBRARY)[0]
    stored = service.get_instance(sessions, instance.id)
    expected = evaluate_assessments(stored.definition, stored.answers).get("DPIA")
    assert expected.level == "required"
    assert [c.id for c in expected.fired] == ["aplist"]

    shown = page.get_by_test_id("verdict-DPIA")
    expect(shown).to_have_attribute("data-level", expected.level)
    expect(page.get_by_test_id("verdict-DPIA-result")).to_have_text(expected.result)
    expect(shown.locator("[data-criterion]")).to_have_count(1)
    expect(shown.locator('[data-criterion="aplist"]')).to_have_text(expected.fired[0].explanation)

    # Our own assessment of the library's reminders needs no DPIA: the page says both differ.
    comparison = page.get_by_test_id("comparison")
    expect(comparison).to_have_attribute("data-agree", "false")
    expect(comparison).to_contain_text("AP-lijst")
