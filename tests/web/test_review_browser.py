"""Acceptance: a reviewer walks through the review desk in a real Chromium against a live
server: claim, open the data and the explanation, change the outcome with reasons; the
decision becomes final with the reviewer's outcome, the audit trail holds the review, and
the dashboard counts the change and what was opened. And the form chooses nothing
beforehand, and a hidden recommendation shows only after the reviewer's own view."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from auth_world import browser_login
from review_desk import HIGH, PENDING, PROFILE, set_up_desk
from sluis.audit import read_events
from sluis.gateway.service import Gateway
from sluis.review import service
from sluis.review.facts import OpenedItem, ReviewAction
from sluis.settings import Settings

if TYPE_CHECKING:  # the fixture's type, from tests/web/conftest.py
    from conftest import LiveServer

pytestmark = pytest.mark.browser

REASON = "De loonstroken tonen een lager inkomen dan opgegeven; de toeslag is terecht."


@pytest.fixture
def gateway(live_server: LiveServer, tmp_path: Path) -> Gateway:
    """A gateway beside the server's, on the same database and the same data directory,
    so both use one master key: decisions it records, the server's desk can read."""
    gateway = Gateway(live_server.sessions, Settings(data_dir=tmp_path))
    return set_up_desk(live_server.sessions, tmp_path, gateway)


def work_as(page: Page, gateway: Gateway, reviewer: str) -> None:
    """Sign in through the login page as an account linked to ``reviewer``."""
    browser_login(page, gateway.sessions, "reviewer", reviewer_id=reviewer)
    page.goto("/review")
    expect(page.get_by_test_id("acting-as")).to_contain_text(f"({reviewer})")


def test_a_reviewer_claims_opens_and_overrides_with_reasons(page: Page, gateway: Gateway) -> None:
    decision_uuid = gateway.decide(PROFILE, PENDING, "123456782", HIGH).decision_uuid
    assert gateway.get_decision(decision_uuid).status == "pending_review"
    work_as(page, gateway, "anna")

    # The desk shows the algorithm's queue; the reviewer takes the next case.
    page.get_by_test_id(f"queue-{PROFILE}").click()
    expect(page.get_by_test_id("queue-row")).to_have_count(1)
    page.get_by_test_id("take-next").click()
    expect(page.get_by_test_id("case-state")).to_have_attribute("data-state", "claimed")

    # The data and the explanation are sent only when opened.
    expect(page.get_by_test_id("part-inputs")).to_have_attribute("data-opened", "false")
    expect(page.get_by_test_id("inputs")).to_have_count(0)
    page.get_by_test_id("open-inputs").click()
    expect(page.get_by_test_id("inputs").locator("tr[data-field='income'] td").first).to_have_text(
        "9.000"
    )
    page.get_by_test_id("open-explanation").click()
    expect(page.get_by_test_id("explanation")).to_contain_text("niet voldaan")
    expect(page.get_by_test_id("opened-so-far")).to_contain_text("Gegevens die het besluit")

    # A change without reasons is refused, nothing changes, and what was chosen stays.
    page.get_by_test_id("action-override").check()
    page.get_by_test_id("outcome").select_option("granted")
    page.get_by_test_id("record-decision").click()
    expect(page.get_by_test_id("review-errors")).to_contain_text("motivering")
    expect(page.get_by_test_id("action-override")).to_be_checked()
    expect(page.get_by_test_id("outcome")).to_have_value("granted")
    assert gateway.get_decision(decision_uuid).status == "pending_review"

    # With reasons, the change is recorded and the decision is final.
    page.get_by_test_id("reason").fill(REASON)
    page.get_by_test_id("record-decision").click()
    expect(page.get_by_test_id("act-recorded")).to_have_attribute("data-action", "override")
    expect(page.get_by_test_id("case-state")).to_have_attribute("data-state", "decided")
    assert "loonstroken" not in page.url  # nothing personal in the address

    record = gateway.get_decision(decision_uuid)
    assert (record.status, record.outcome) == ("final", "granted")
    reviewed = [e for e in read_events(gateway.sessions, limit=1000) if e.event == "reviewed"]
    assert [(e.decision_uuid, e.details["action"], e.details["settled"]) for e in reviewed] == [
        (decision_uuid, "override", True)
    ]
    (fact,) = service.review_facts(gateway.sessions, PROFILE)
    assert (fact.action, fact.reviewer_id, fact.final_outcome) == (
        ReviewAction.override,
        "anna",
        "granted",
    )
    assert fact.opened == {OpenedItem.inputs, OpenedItem.explanation}

    # The notice now carries the reviewer's outcome; the dashboard counts the change (the
    # privacy officer reads it: a reviewer works in the desk only).
    browser_login(page, gateway.sessions, "privacy_officer")
    page.goto("/review/dashboard")
    page.get_by_test_id("dashboard-algorithm").select_option(PROFILE)
    page.get_by_test_id("dashboard-show").click()
    section = page.locator(f"section[data-algorithm='{PROFILE}:{PENDING}']")
    anna = section.get_by_test_id("outcomes-reviewer").locator("tr", has_text="anna")
    cells = anna.locator("td")
    expect(cells.nth(0)).to_have_text("1")  # acts
    expect(cells.nth(4)).to_have_text("1")  # changed to the favourable outcome
    effort = section.get_by_test_id("effort-reviewer").locator("tr", has_text="anna").locator("td")
    expect(effort.nth(4)).to_contain_text("1/1")  # opened the data
    expect(effort.nth(5)).to_contain_text("1/1")  # opened the explanation
    expect(effort.nth(6)).to_contain_text("0/1")  # not the submissions
    expect(section.locator("svg").first).to_be_visible()


def test_the_form_chooses_nothing_and_a_hidden_proposal_shows_after_the_own_view(
    page: Page, gateway: Gateway
) -> None:
    service.set_policy(gateway.sessions, PROFILE, hide_recommendation=True)
    gateway.decide(PROFILE, PENDING, "123456782", HIGH)
    work_as(page, gateway, "bram")
    page.goto(f"/review/{PROFILE}")
    page.get_by_test_id("take-next").click()

    # Nothing chosen beforehand: no action, no outcome; the three look alike.
    for action in ("confirm", "override", "request_information"):
        expect(page.get_by_test_id(f"action-{action}")).not_to_be_checked()
    expect(page.get_by_test_id("outcome")).to_have_value("")
    sizes = {
        tuple(round(v) for v in (box["width"], box["height"]))
        for action in ("confirm", "override", "request_information")
        if (box := page.get_by_test_id(f"choice-{action}").bounding_box()) is not None
    }
    assert len(sizes) == 1, sizes

    # The proposal and the explanation wait for the reviewer's own view.
    expect(page.get_by_test_id("recommendation-hidden")).to_be_visible()
    expect(page.get_by_test_id("explanation-hidden")).to_be_visible()
    expect(page.get_by_test_id("proposed-outcome")).to_have_count(0)
    expect(page.get_by_test_id("open-recommendation")).to_have_count(0)
    expect(page.get_by_test_id("first-view")).to_have_value("")
    page.get_by_test_id("first-view").select_option("granted")
    page.get_by_test_id("record-first-view").click()
    expect(page.get_by_test_id("your-first-view")).to_have_text("granted")
    page.get_by_test_id("open-recommendation").click()
    expect(page.get_by_test_id("proposed-outcome")).to_have_text("refused")
    expect(page.get_by_test_id("open-explanation")).to_be_visible()
    assert re.search(r"#part-recommendation$", page.url)
