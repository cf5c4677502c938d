"""The staff pages of the rights desk (SQLite and PostgreSQL): correcting data with a
re-decision on the rectification page, weighing an objection, the answer as a letter for
post, and legal holds shown before erasure. The pages are mounted on their own: who may
reach them is the access table's business (``sluis.web.access``), tested there."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker

from rights_world import POOR, Sink, desk_settings, make_gateway, smtp_sink
from sluis.gateway.service import Gateway
from sluis.retention.holds import place_hold
from sluis.rights.desk import RightsDesk
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.states import RequestState
from sluis.web.pages import rights as rights_pages

PERSON = "client-77"


@pytest.fixture
def sink() -> object:
    yield from smtp_sink()


@pytest.fixture
def world(
    sessions: sessionmaker[Session], tmp_path: Path, sink: Sink
) -> tuple[TestClient, Gateway]:
    settings = desk_settings(tmp_path, sink)
    gateway = make_gateway(sessions, tmp_path)
    app = FastAPI()
    app.include_router(rights_pages.router)
    app.state.settings, app.state.gateway = settings, gateway
    app.state.rights = RightsDesk(gateway, settings)
    return TestClient(app), gateway


def registered(gateway: Gateway, client: TestClient, kind: str) -> tuple[str, str]:
    desk: RightsDesk = client.app.state.rights  # type: ignore[attr-defined]
    ref = gateway.decide("small-loan", "grant-loan", PERSON, POOR).decision_uuid
    new = NewRequest(kind, "letter", reference=ref, name="Piet", lang="en", message="It is wrong.")
    return take_in(desk, new, identity_checked=True).id, ref


def test_staff_correct_the_data_and_a_new_decision_is_taken(
    world: tuple[TestClient, Gateway],
) -> None:
    client, gateway = world
    request_id, ref = registered(gateway, client, "rectification")
    page = client.get(f"/rights/{request_id}?lang=en")
    assert page.status_code == 200
    assert 'data-testid="rectify-form"' in page.text
    assert 'name="field.monthly_income" value="812.75"' in page.text  # the value now
    bad = client.post(
        f"/rights/{request_id}/rectify?lang=en",
        data={"field.monthly_income": "a lot", "subject_id": PERSON},
    )
    assert bad.status_code == 422 and 'data-field="corrections.monthly_income"' in bad.text
    done = client.post(
        f"/rights/{request_id}/rectify?lang=en",
        data={"field.monthly_income": "2 500,00", "field.amount": "4000", "subject_id": PERSON},
        follow_redirects=False,
    )
    assert done.status_code == 303
    desk: RightsDesk = client.app.state.rights  # type: ignore[attr-defined]
    with desk.sessions.begin() as session:
        from sluis.rights.records import request_row, view
        from sluis.rights.timing import today

        found = view(desk, session, request_row(session, request_id), today(), personal=True)
    assert found.state is RequestState.answered
    assert found.personal is not None
    assert found.personal.extra["corrections"] == {"monthly_income": 2500.0}
    new_decision = gateway.get_decision(found.personal.extra["new_decision"], reveal=True)
    assert new_decision.outcome == "granted" and new_decision.decision_uuid != ref
    assert new_decision.payload is not None
    assert new_decision.payload.inputs["monthly_income"] == 2500.0


@pytest.mark.slow
def test_an_objection_is_weighed_on_its_page_and_the_answer_printed(
    world: tuple[TestClient, Gateway],
) -> None:
    client, gateway = world
    request_id, _ = registered(gateway, client, "objection")
    page = client.get(f"/rights/{request_id}?lang=en")
    assert 'data-testid="objection-form"' in page.text and "GDPR art. 21(1)" in page.text
    assert 'data-testid="answer-pdf"' not in page.text  # nothing answered yet
    client.post(
        f"/rights/{request_id}/objection?lang=en",
        data={"upheld": "no", "reasons": "Creditworthiness must be assessed by law."},
    )
    page = client.get(f"/rights/{request_id}?lang=en")
    link = re.search(r'href="(/rights/[^"]+/answer\.pdf[^"]*)"', page.text)
    assert link is not None
    pdf = client.get(link.group(1).replace("&amp;", "&"))
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Creditworthiness must be assessed by law." in " ".join(text.split())


def test_a_legal_hold_is_shown_before_erasure(world: tuple[TestClient, Gateway]) -> None:
    client, gateway = world
    request_id, _ = registered(gateway, client, "erasure")
    desk: RightsDesk = client.app.state.rights  # type: ignore[attr-defined]
    place_hold(desk.sessions, reason="Case 12", placed_by="legal", profile_id="small-loan")
    page = client.get(f"/rights/{request_id}?lang=en")
    assert 'data-testid="holds"' in page.text and "Kleine lening" in page.text
    assert "Case 12" not in page.text
    missing = client.get(f"/rights/{request_id}/answer.pdf?lang=en")
    assert missing.status_code == 409 and "not been answered yet" in missing.text
