"""/api/v1/rights and the portal pages over HTTP (SQLite and PostgreSQL): bad input named
by field and rule, the person's view closed without the token bound to their request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from auth_world import sign_in
from rights_world import GOOD, Sink, code_in, desk_settings, make_gateway, smtp_sink
from sluis.gateway.service import Gateway
from sluis.rights.desk import RightsDesk
from sluis.rights.verification import set_contact
from sluis.web.app import create_app

MAIL = "klant@example.org"


@pytest.fixture
def sink() -> Iterator[Sink]:
    yield from smtp_sink()


@pytest.fixture
def world(sessions: sessionmaker[Session], tmp_path: Path, sink: Sink) -> tuple[FastAPI, Gateway]:
    settings = desk_settings(tmp_path, sink)
    app = create_app(settings, sessions)
    gateway = make_gateway(sessions, tmp_path)
    app.state.gateway = gateway
    app.state.rights = RightsDesk(gateway, settings)
    return app, gateway


def test_staff_register_a_letter_and_an_impossible_date_is_named(
    world: tuple[FastAPI, Gateway],
) -> None:
    app, gateway = world
    client = sign_in(TestClient(app), gateway.sessions, "privacy_officer")
    ref = gateway.decide("small-loan", "grant-loan", "c-1", GOOD).decision_uuid
    bad = client.post(
        "/api/v1/rights/requests",
        json={
            "kind": "erasure",
            "channel": "letter",
            "reference": ref,
            "received_on": "2025-02-30",
        },
    )
    assert bad.status_code == 422
    assert bad.json()["detail"]["problems"][0]["field"] == "received_on"
    assert bad.json()["detail"]["problems"][0]["rule"] == "date_form"
    made = client.post(
        "/api/v1/rights/requests",
        json={
            "kind": "erasure",
            "channel": "letter",
            "reference": ref,
            "received_on": "2025-01-31",
            "name": "Piet",
            "identity_checked": True,
        },
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["due_on"] == "2025-02-28" and body["state"] == "in_progress"
    listed = client.get("/api/v1/rights/requests", params={"view": "overdue"}).json()
    assert [r["id"] for r in listed] == [body["id"]]
    assert listed[0]["personal"] is None  # lists hold no personal data
    desk_page = client.get("/rights", params={"view": "overdue"})
    assert desk_page.status_code == 200 and body["id"] in desk_page.text


def test_the_portal_refuses_unknown_references_with_the_field_named(
    world: tuple[FastAPI, Gateway],
) -> None:
    app, _ = world
    client = TestClient(app)
    page = client.post(
        "/requests/new?lang=en",
        data={"kind": "contest", "reference": "not-a-decision", "email": MAIL},
    )
    assert page.status_code == 422
    assert 'data-field="reference"' in page.text and "We do not know this reference" in page.text


def test_the_person_view_needs_the_token_of_that_request(
    world: tuple[FastAPI, Gateway], sink: Sink
) -> None:
    app, gateway = world
    client = TestClient(app)
    ref = gateway.decide("small-loan", "grant-loan", "c-2", GOOD).decision_uuid
    set_contact(app.state.rights, "c-2", MAIL)
    made = client.post(
        "/requests/new?lang=nl",
        data={"kind": "explanation", "reference": ref, "email": MAIL},
        follow_redirects=False,
    )
    assert made.status_code == 303
    request_id = made.headers["location"].split("/")[2]
    assert client.get(f"/requests/{request_id}").status_code == 403
    code = code_in(sink.wait_for(1)[0])
    verified = client.post(
        f"/requests/{request_id}/verify", data={"code": code}, follow_redirects=False
    )
    assert verified.status_code == 303
    status = client.get(f"/requests/{request_id}")
    assert status.status_code == 200 and 'data-state="answered"' in status.text
    # A replayed code is refused and counted.
    again = client.post(f"/requests/{request_id}/verify", data={"code": code})
    assert again.status_code == 422 and "al gebruikt" in again.text
    # A forged token opens nothing.
    other = TestClient(app)
    other.cookies.set("sluis_request", f"{request_id}.9999999999.{'0' * 64}", path="/requests")
    assert other.get(f"/requests/{request_id}").status_code == 403
