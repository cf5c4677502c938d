"""Acceptance: a person walks from their decision notice to a contest, a second reviewer
changes the decision, and the person gets the new notice: in a real Chromium on a phone-
sized screen, against a live server, with mail through a local SMTP server."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Page, expect, sync_playwright

from auth_world import bearer
from rights_world import (
    POOR,
    Sink,
    attachments_of,
    code_in,
    desk_settings,
    free_port,
    make_gateway,
    smtp_sink,
    text_of,
)
from sluis.gateway.service import Gateway
from sluis.review.claims import claim_next
from sluis.review.deciding import decide as review_decide
from sluis.review.staff import add_reviewer, authorise
from sluis.rights.desk import RightsDesk
from sluis.rights.verification import set_contact
from sluis.store.db import create_engine_for, make_session_factory, migrate
from sluis.web.app import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("SLUIS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PERSON = "client-0815"
MAIL = "petra.de.boer@example.org"
REASON = "The applicant's own view shows a second income; the instalment is affordable."


@dataclass
class World:
    url: str
    gateway: Gateway
    desk: RightsDesk
    sink: Sink


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    for sink in smtp_sink():
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        engine = create_engine_for(f"sqlite:///{tmp_path / 'sluis.db'}")
        migrate(engine)
        sessions = make_session_factory(engine)
        gateway = make_gateway(sessions, tmp_path, portal_url=url)
        settings = desk_settings(tmp_path, sink, public_url=url)
        app = create_app(settings, sessions)
        app.state.gateway = gateway
        desk = app.state.rights = RightsDesk(gateway, settings)
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "the test server did not start"
            time.sleep(0.05)
        yield World(url, gateway, desk, sink)
        server.should_exit = True
        thread.join(timeout=10)
        engine.dispose()


@pytest.fixture
def phone(world: World) -> Iterator[Page]:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(
            base_url=world.url, locale="nl-NL", viewport={"width": 390, "height": 844}
        )
        yield context.new_page()
        context.close()
        browser.close()


def fits_the_screen(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_a_person_contests_and_a_second_reviewer_changes_the_decision(
    world: World, phone: Page
) -> None:
    sessions = world.gateway.sessions
    for reviewer in ("anna", "bert"):
        add_reviewer(sessions, reviewer, reviewer.title())
        authorise(sessions, reviewer, "small-loan")
    # The loan is refused after a first human review by Anna.
    record = world.gateway.decide("small-loan", "grant-loan", PERSON, POOR, requested="review")
    first = claim_next(sessions, "anna", "small-loan")
    assert first is not None
    review_decide(
        world.gateway,
        "anna",
        first.id,
        "confirm",
        None,
        "Income too low for the instalment asked for.",
    )
    assert world.gateway.get_decision(record.decision_uuid).outcome == "refused"
    set_contact(world.desk, PERSON, MAIL)

    # The person's notice (sent to them; staff may open it, the person has no account)
    # carries the link to contest the decision, which the person follows.
    staff = bearer(sessions, "privacy_officer")
    notice = httpx.get(f"{world.url}/decisions/{record.decision_uuid}/notice", headers=staff)
    assert notice.status_code == 200
    assert httpx.get(f"{world.url}/decisions/{record.decision_uuid}/notice").status_code == 401
    link = re.search(r'href="([^"]*right=contest[^"]*)"', notice.text)
    assert link is not None and f"ref={record.decision_uuid}" in link.group(1)
    phone.goto(link.group(1).replace("&amp;", "&"))
    expect(phone.get_by_test_id("kind-contest")).to_be_checked()
    expect(phone.get_by_test_id("reference")).to_have_value(record.decision_uuid)
    assert fits_the_screen(phone)
    phone.get_by_test_id("name").fill("Petra de Boer")
    phone.get_by_test_id("email").fill(MAIL)
    phone.get_by_test_id("message").fill("Ik heb ook inkomen uit een tweede baan.")
    phone.get_by_test_id("submit-request").click()

    # The identity check: a code to the address the bank knows.
    expect(phone.get_by_test_id("code-sent")).to_contain_text("p***@example.org")
    mail = world.sink.wait_for(1)[0]
    assert mail["To"] == MAIL
    phone.get_by_test_id("code").fill("000000" if code_in(mail) != "000000" else "111111")
    phone.get_by_test_id("submit-code").click()
    expect(phone.get_by_test_id("verify-errors")).to_contain_text("klopt niet")
    phone.get_by_test_id("code").fill(code_in(mail))
    phone.get_by_test_id("submit-code").click()
    expect(phone.get_by_test_id("request-state")).to_have_attribute("data-state", "in_review")
    expect(phone.get_by_test_id("request-message")).to_contain_text("tweede baan")
    assert fits_the_screen(phone)

    # Anna reviewed it before: she cannot take the contest; Bert can, sees the view, and
    # changes the decision.
    assert claim_next(sessions, "anna", "small-loan") is None
    case = claim_next(sessions, "bert", "small-loan")
    assert case is not None and case.kind.value == "contest"
    review_decide(world.gateway, "bert", case.id, "override", "granted", REASON)

    # The person sees the answer and the new notice; the notice also came by mail.
    phone.reload()
    expect(phone.get_by_test_id("request-state")).to_have_attribute("data-state", "answered")
    expect(phone.get_by_test_id("request-answer")).to_contain_text("Het besluit is veranderd")
    answer = world.sink.to(MAIL)[-1]
    assert "Het besluit is veranderd" in text_of(answer)
    assert attachments_of(answer)[f"notice-{record.decision_uuid}-nl.pdf"].startswith(b"%PDF")
    phone.get_by_test_id("request-notice").click()
    notice = phone.get_by_test_id("decision-notice")
    expect(notice).to_contain_text("granted")
    expect(notice).to_contain_text(record.decision_uuid)


def test_a_person_cannot_open_another_persons_request(world: World, phone: Page) -> None:
    mine = world.gateway.decide("small-loan", "grant-loan", PERSON, POOR)
    theirs = world.gateway.decide("small-loan", "grant-loan", "client-other", POOR)
    set_contact(world.desk, PERSON, MAIL)
    set_contact(world.desk, "client-other", "other@example.org")
    from sluis.rights.intake import NewRequest, take_in

    other = take_in(
        world.desk, NewRequest("access", reference=theirs.decision_uuid, email="other@example.org")
    )
    phone.goto(f"/requests/new?ref={mine.decision_uuid}&right=access")
    phone.get_by_test_id("email").fill(MAIL)
    phone.get_by_test_id("submit-request").click()
    code = code_in(world.sink.to(MAIL)[-1])
    phone.get_by_test_id("code").fill(code)
    phone.get_by_test_id("submit-code").click()
    expect(phone.get_by_test_id("request-state")).to_have_attribute("data-state", "answered")
    # The package is there for the person's own request...
    with phone.expect_download() as download:
        phone.get_by_test_id("package-pdf").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    # ...and nothing of the other person's request opens with this browser's token.
    response = phone.goto(f"/requests/{other.id}")
    assert response is not None and response.status == 403
    expect(phone.get_by_test_id("not-yours")).to_be_visible()
    for path in (f"/requests/{other.id}/package.json", f"/requests/{other.id}/notice"):
        assert phone.request.get(path).status == 403
