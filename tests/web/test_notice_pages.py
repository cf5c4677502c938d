"""The notice pages: ``/decisions/{id}/notice`` shows the letter with its downloads and its
readability, ``/profiles/{id}/privacy-notice`` the privacy notice; the profile page links
to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from auth_world import sign_in
from notice_examples import (
    ALLOWANCE,
    ALLOWANCE_BINDING,
    CREDIT,
    CREDIT_BINDING,
    decide_examples,
    register_examples,
)
from sluis.settings import Settings
from sluis.web.app import create_app


@pytest.fixture
def client(sessions: sessionmaker[Session], tmp_path: Path) -> TestClient:
    register_examples(sessions)
    settings = Settings(data_dir=tmp_path, procedures=[CREDIT_BINDING, ALLOWANCE_BINDING])
    return sign_in(TestClient(create_app(settings, sessions)), sessions)


@pytest.fixture
def decided(client: TestClient) -> dict[str, str]:
    return decide_examples(client.app.state.gateway)  # type: ignore[attr-defined]


def test_the_notice_page_shows_the_letter_downloads_and_readability(
    client: TestClient, decided: dict[str, str]
) -> None:
    decision_uuid = decided["allowance_refused"]
    response = client.get(f"/decisions/{decision_uuid}/notice?lang=nl")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    page = response.text
    assert 'data-testid="decision-notice"' in page
    assert "<h1>Besluit over Energietoeslag Voorbeeldstad</h1>" in page
    assert "Ons besluit: u krijgt geen energietoeslag." in page
    assert f"/api/v1/decisions/{decision_uuid}/notice?format=pdf&lang=nl" in page
    assert 'data-testid="notice-readability"' in page
    assert "geen jargon gevonden" in page
    for key in ("decision", "reasons", "algorithm", "data", "objection", "rights", "complaint"):
        assert f'data-section="{key}"' in page


def test_the_page_follows_the_language_asked_for(
    client: TestClient, decided: dict[str, str]
) -> None:
    page = client.get(f"/decisions/{decided['credit_refused']}/notice?lang=en").text
    assert '<html lang="en">' in page
    assert "Our decision: your credit application is refused." in page
    assert 'data-section="objection"' not in page


def test_a_pending_decisions_page_says_it_is_under_review(
    client: TestClient, decided: dict[str, str]
) -> None:
    page = client.get(f"/decisions/{decided['allowance_pending']}/notice?lang=nl").text
    assert "Uw zaak wordt beoordeeld" in page
    assert "Er is nog geen besluit over uw zaak." in page
    assert "u krijgt geen energietoeslag" not in page


def test_unknown_and_erased_decisions_get_an_error_page(
    client: TestClient, decided: dict[str, str]
) -> None:
    unknown = client.get("/decisions/00000000-0000-7000-8000-000000000000/notice?lang=en")
    assert unknown.status_code == 404
    assert "This decision does not exist." in unknown.text
    client.app.state.gateway.shred("applicant-1")  # type: ignore[attr-defined]
    erased = client.get(f"/decisions/{decided['credit_refused']}/notice?lang=nl")
    assert erased.status_code == 410
    assert "De gegevens van dit besluit zijn gewist." in erased.text


def test_the_privacy_notice_page_and_the_link_from_the_profile(client: TestClient) -> None:
    profile_page = client.get(f"/profiles/{CREDIT}?lang=nl").text
    assert f'href="/profiles/{CREDIT}/privacy-notice?version=1&lang=nl"' in profile_page
    page = client.get(f"/profiles/{ALLOWANCE}/privacy-notice?lang=en").text
    assert 'data-testid="privacy-notice"' in page
    assert "Privacy notice: Energietoeslag Voorbeeldstad" in page
    assert f"/api/v1/profiles/{ALLOWANCE}/privacy-notice?format=pdf&lang=en" in page
    assert client.get("/profiles/nope/privacy-notice").status_code == 404
