"""Notices over HTTP: ``/api/v1/decisions/{id}/notice`` in JSON, HTML and PDF, the zip of an
algorithm's notices since a date, and ``/api/v1/profiles/{id}/privacy-notice``; bad input
answered with the field and the rule, nothing personal in an error."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker

from auth_world import sign_in
from notice_examples import (
    ALLOWANCE,
    ALLOWANCE_BINDING,
    ALLOWANCE_DECISION,
    CREDIT,
    CREDIT_BINDING,
    HIGH_INCOME,
    decide_examples,
    register_examples,
)
from sluis.settings import Settings
from sluis.web import api
from sluis.web.app import create_app


@pytest.fixture
def client(sessions: sessionmaker[Session], tmp_path: Path) -> TestClient:
    """The app with both examples' procedures bound at start-up."""
    register_examples(sessions)
    settings = Settings(data_dir=tmp_path, procedures=[CREDIT_BINDING, ALLOWANCE_BINDING])
    return sign_in(TestClient(create_app(settings, sessions)), sessions)


@pytest.fixture
def decided(client: TestClient) -> dict[str, str]:
    return decide_examples(client.app.state.gateway)  # type: ignore[attr-defined]


def url(decision_uuid: str) -> str:
    return f"/api/v1/decisions/{decision_uuid}/notice"


def test_the_json_notice_has_the_decision_its_sections_and_readability(
    client: TestClient, decided: dict[str, str]
) -> None:
    response = client.get(url(decided["allowance_refused"]), params={"lang": "nl"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    document = response.json()
    assert document["format"] == "sluis.notice/1"
    assert document["lang"] == "nl"
    assert document["decision"]["outcome"] == "refused"
    assert document["decision"]["outcome_label"] == "u krijgt geen energietoeslag"
    assert document["objection"]["weeks"] == 6
    assert [s["key"] for s in document["sections"]] == [
        "decision",
        "reasons",
        "algorithm",
        "data",
        "consequences",
        "objection",
        "rights",
        "complaint",
        "contact",
    ]
    assert document["readability"]["ok"] is True
    assert document["readability"]["findings"] == []


def test_the_language_comes_from_the_query_or_else_the_browser(
    client: TestClient, decided: dict[str, str]
) -> None:
    english = client.get(url(decided["credit_refused"]), headers={"accept-language": "en-GB"})
    assert english.json()["lang"] == "en"
    assert english.json()["title"].startswith("Decision about")
    dutch = client.get(url(decided["credit_refused"]), params={"lang": "nl"})
    assert dutch.json()["title"].startswith("Besluit over")


def test_the_pdf_is_a_download_with_the_letter(client: TestClient, decided: dict[str, str]) -> None:
    decision_uuid = decided["credit_refused"]
    response = client.get(url(decision_uuid), params={"format": "pdf", "lang": "en"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="notice-{decision_uuid}-en.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Our decision: your credit application is refused." in text
    assert "Autoriteit Persoonsgegevens" in text


def test_the_html_is_the_letter_itself(client: TestClient, decided: dict[str, str]) -> None:
    response = client.get(url(decided["allowance_granted"]), params={"format": "html"})
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-disposition"].startswith("inline;")
    assert 'data-testid="decision-notice"' in response.text
    assert "u krijgt de energietoeslag van 800 euro" in response.text


def test_a_pending_decisions_notice_has_no_outcome(
    client: TestClient, decided: dict[str, str]
) -> None:
    document = client.get(url(decided["allowance_pending"]), params={"lang": "en"}).json()
    assert document["decision"]["status"] == "pending_review"
    assert document["decision"]["final"] is False
    assert document["decision"]["outcome"] is None
    assert document["objection"] is None
    assert document["title"] == "Your case is being reviewed"


def test_unknown_erased_and_malformed_requests_are_refused_plainly(
    client: TestClient, decided: dict[str, str]
) -> None:
    unknown = client.get(url("00000000-0000-7000-8000-000000000000"))
    assert unknown.status_code == 404
    client.app.state.gateway.shred("household-2")  # type: ignore[attr-defined]
    erased = client.get(url(decided["allowance_refused"]))
    assert erased.status_code == 410
    assert erased.json()["detail"]["reason"] == "erased"
    assert "1900" not in erased.text
    bad = client.get(url(decided["credit_refused"]), params={"format": "docx", "lang": "de"})
    assert bad.status_code == 422
    assert {tuple(e["loc"]) for e in bad.json()["detail"]} == {
        ("query", "format"),
        ("query", "lang"),
    }


def test_without_its_procedure_a_decision_taken_cannot_be_explained(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    register_examples(sessions)
    bound = create_app(Settings(data_dir=tmp_path, procedures=[ALLOWANCE_BINDING]), sessions)
    decided = bound.state.gateway.decide(ALLOWANCE, ALLOWANCE_DECISION, "h", HIGH_INCOME)
    unbound = sign_in(TestClient(create_app(Settings(data_dir=tmp_path), sessions)), sessions)
    response = unbound.get(url(decided.decision_uuid))
    assert response.status_code == 409
    assert response.json()["detail"]["reason"] == "no_procedure"
    assert "SLUIS_PROCEDURES" in response.json()["detail"]["message"]


def test_the_notices_of_an_algorithm_since_a_day_come_as_a_zip(
    client: TestClient, decided: dict[str, str]
) -> None:
    client.app.state.gateway.shred("household-1")  # type: ignore[attr-defined]
    today = datetime.now(UTC).date().isoformat()
    response = client.get(
        "/api/v1/notices.zip",
        params={"algorithm": ALLOWANCE, "since": today, "format": "json", "lang": "en"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert names == {
        f"notice-{decided['allowance_refused']}-en.json",
        f"notice-{decided['allowance_pending']}-en.json",
        "problems.json",
    }
    assert json.loads(archive.read("problems.json")) == [
        {"decision": decided["allowance_granted"], "reason": "erased"}
    ]
    refused = json.loads(archive.read(f"notice-{decided['allowance_refused']}-en.json"))
    assert refused["decision"]["outcome"] == "refused"


def test_the_zip_refuses_unknown_algorithms_bad_dates_and_too_many_decisions(
    client: TestClient, decided: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    zip_url = "/api/v1/notices.zip"
    assert client.get(zip_url, params={"algorithm": "nope", "since": "2026-01-01"}).status_code == (
        404
    )
    bad_date = client.get(zip_url, params={"algorithm": CREDIT, "since": "yesterday"})
    assert bad_date.status_code == 422
    assert bad_date.json()["detail"][0]["loc"] == ["query", "since"]
    monkeypatch.setattr(api.notices, "MAX_ZIP_DECISIONS", 1)
    too_many = client.get(zip_url, params={"algorithm": CREDIT, "since": "2000-01-01"})
    assert too_many.status_code == 422
    (problem,) = too_many.json()["detail"]["problems"]
    assert (problem["field"], problem["rule"]) == ("since", "max_decisions")


def test_the_privacy_notice_of_an_algorithm(client: TestClient) -> None:
    document = client.get(
        f"/api/v1/profiles/{ALLOWANCE}/privacy-notice", params={"lang": "en"}
    ).json()
    assert document["format"] == "sluis.privacy_notice/1"
    assert document["legal_basis"]["article6"] == "public_task"
    assert document["automated_decisions"][0]["decision_id"] == "grant-energy-allowance"
    pdf = client.get(f"/api/v1/profiles/{CREDIT}/privacy-notice", params={"format": "pdf"})
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert client.get("/api/v1/profiles/nope/privacy-notice").status_code == 404
    assert client.get(f"/api/v1/profiles/{CREDIT}/privacy-notice?version=7").status_code == 404


def test_the_routes_are_documented_in_the_openapi_schema(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/decisions/{decision_uuid}/notice" in paths
    assert "/api/v1/notices.zip" in paths
    assert "/api/v1/profiles/{profile_id}/privacy-notice" in paths
