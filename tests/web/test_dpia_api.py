"""/api/v1/profiles/{id}/dpia: the same lifecycle as the pages, as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
API = f"/api/v1/profiles/{WELFARE}/dpia"


def register(sessions: sessionmaker[Session], name: str = WELFARE) -> None:
    register_and_assess(sessions, parse_profile_text((EXAMPLES / f"{name}.yaml").read_text()))


def completed(document: dict[str, Any]) -> dict[str, Any]:
    for section in document["sections"]:
        section["text"] = section["text"].replace("[[", "(").replace("]]", ")") or "Aanvaardbaar."
    for risk in document["risks"]:
        risk["confirmed"] = True
        risk["residual_justification"] = "Bewaakt per kwartaal."
    document["measures"] = [
        {
            "id": "M1",
            "description": "Kwartaaltoets",
            "owner": "Team Data",
            "effects": [{"risk_id": "R1", "likelihood_reduction": 1, "impact_reduction": 1}],
        }
    ]
    return document


@pytest.fixture
def opened(client: TestClient, sessions: sessionmaker[Session]) -> dict[str, Any]:
    register(sessions)
    response = client.post(API)
    assert response.status_code == 201
    return response.json()


def test_open_then_read(client: TestClient, opened: dict[str, Any]) -> None:
    assert (opened["version"], opened["state"], opened["profile_version"]) == (1, "draft", 1)
    assert client.post(API).status_code == 200  # already open
    body = client.get(API).json()
    assert body["document"] == opened["document"]
    computed = body["computed"]
    assert computed["residual_level"] == "very_high"
    assert "36(1)" in computed["prior_consultation_warning"]["en"]
    items = {r["item"] for r in computed["adoption_refusals"]}
    assert "dpo_advice.missing" in items
    assert {r["risk_id"] for r in computed["risks"]} == {r["id"] for r in body["document"]["risks"]}


def test_no_dpia_is_opened_when_none_is_needed(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    register(sessions, "library-overdue-reminders")
    response = client.post("/api/v1/profiles/library-overdue-reminders/dpia")
    assert response.status_code == 409
    assert response.json()["detail"]["reasons"][0]["en"]
    assert client.get("/api/v1/profiles/library-overdue-reminders/dpia").status_code == 404


def test_put_saves_a_new_version_and_recomputes(client: TestClient, opened: dict[str, Any]) -> None:
    saved = client.put(f"{API}?base_version=1", json=completed(opened["document"]))
    assert saved.status_code == 200
    body = saved.json()
    assert (body["version"], body["created"]) == (2, True)
    r1 = next(r for r in body["computed"]["risks"] if r["risk_id"] == "R1")
    assert (r1["residual_likelihood"], r1["measure_ids"]) == (2, ["M1"])
    stale = client.put(f"{API}?base_version=1", json=opened["document"])
    assert stale.status_code == 409 and stale.json()["detail"]["current_version"] == 2


def test_invalid_documents_name_the_field(client: TestClient, opened: dict[str, Any]) -> None:
    document = opened["document"]
    document["measures"] = [{"id": "M1", "description": "x", "effects": [{"risk_id": "R77"}]}]
    response = client.put(API, json=document)
    assert response.status_code == 422
    [error] = response.json()["detail"]["errors"]
    assert error["loc"] == "measures[0].effects[0].risk_id"


def test_the_whole_lifecycle(client: TestClient, opened: dict[str, Any]) -> None:
    client.put(API, json=completed(opened["document"]))
    early = client.post(f"{API}/adopt")
    assert early.status_code == 422
    assert {r["item"] for r in early.json()["detail"]["refusals"]} == {
        "dpo_advice.missing",
        "signature.decision_owner.missing",
        "signature.dpo.missing",
    }
    advice = client.post(
        f"{API}/advice",
        json={"text": "Raadpleeg de AP.", "advisor": "F. Gegevens", "date": "2025-03-01"},
    )
    assert advice.json()["state"] == "advised"
    wrong = client.post(
        f"{API}/sign",
        json={"role": "dpo", "name": "F. Gegevens", "date": "2025-03-02", "decision": "adopt"},
    )
    assert wrong.status_code == 422
    for role, name, decision in (
        ("decision_owner", "B. Besluit", "adopt"),
        ("dpo", "F. Gegevens", "advice_given"),
    ):
        signed = client.post(
            f"{API}/sign",
            json={"role": role, "name": name, "date": "2025-03-02", "decision": decision},
        )
        assert signed.status_code == 200
    adopted = client.post(f"{API}/adopt")
    assert adopted.status_code == 200
    assert adopted.json()["state"] == "adopted" and adopted.json()["adopted_at"]
    versions = client.get(f"{API}/versions").json()
    assert [v["state"] for v in versions] == [
        "draft",
        "draft",
        "advised",
        "advised",
        "advised",
        "adopted",
    ]
    markdown = client.get(f"/api/v1/profiles/{WELFARE}/dpia.md?lang=en")
    assert "DPIA version 6, state: adopted" in markdown.text
    assert client.get(f"{API}?version=1").json()["state"] == "draft"


def test_a_profile_without_dpia_is_404(client: TestClient, sessions: sessionmaker[Session]) -> None:
    register(sessions)
    assert client.get(API).status_code == 404
    assert client.post(f"{API}/adopt").status_code == 404
    assert client.get("/api/v1/profiles/nobody/dpia").status_code == 404


def test_the_routes_are_documented(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/profiles/{profile_id}/dpia",
        "/api/v1/profiles/{profile_id}/dpia/adopt",
        "/api/v1/profiles/{profile_id}/dpia.pdf",
    ):
        assert path in paths
