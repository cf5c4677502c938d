"""/api/v1/reviews: the review desk over HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from auth_world import as_reviewer, bearer
from review_desk import FINAL, HIGH, PENDING, PROFILE, set_up_desk
from sluis.gateway.service import Gateway

API = "/api/v1/reviews"
REASON = "The payslips confirm the declared income."


@pytest.fixture
def gateway(app: FastAPI, sessions: sessionmaker[Session], tmp_path: Path) -> Gateway:
    return set_up_desk(sessions, tmp_path, app.state.gateway)


def as_(client: TestClient, reviewer: str) -> dict[str, str]:
    """The headers of an account linked to ``reviewer`` with the reviewer role."""
    return as_reviewer(client.app.state.sessions, reviewer)  # type: ignore[attr-defined]


def pending(gateway: Gateway, subject: str = "123456782") -> str:
    return gateway.decide(PROFILE, PENDING, subject, HIGH).decision_uuid


def claim(client: TestClient, reviewer: str = "anna") -> dict[str, Any]:
    answer = client.post(f"{API}/queue/{PROFILE}/claim", headers=as_(client, reviewer))
    assert answer.status_code == 200, answer.text
    case = answer.json()["case"]
    assert case is not None
    return case


def problems(answer: Any) -> set[tuple[str, str]]:
    return {(p["field"], p["rule"]) for p in answer.json()["detail"]["problems"]}


def test_a_reviewer_works_a_case_from_queue_to_decision(
    client: TestClient, gateway: Gateway
) -> None:
    decision_uuid = pending(gateway)
    queue = client.get(f"{API}/queue/{PROFILE}", headers=as_(client, "anna"))
    assert queue.status_code == 200
    assert [c["decision_uuid"] for c in queue.json()["cases"]] == [decision_uuid]
    assert queue.json()["counts"]["open"] == 1
    case = claim(client)
    view = client.get(f"{API}/cases/{case['id']}", headers=as_(client, "anna"))
    assert view.status_code == 200
    assert view.json()["inputs"] == HIGH and view.json()["recommendation"]["outcome"] == "refused"
    opened = client.post(
        f"{API}/cases/{case['id']}/opened",
        json={"item": "explanation"},
        headers=as_(client, "anna"),
    )
    assert opened.json() == {"opened": ["explanation"]}
    decided = client.post(
        f"{API}/cases/{case['id']}/decision",
        json={"action": "override", "outcome": "granted", "reason": REASON},
        headers=as_(client, "anna"),
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["settled"] and decided.json()["outcome"] == "granted"
    record = client.get(f"/api/v1/decisions/{decision_uuid}").json()
    assert (record["status"], record["outcome"]) == ("final", "granted")
    (fact,) = client.get(f"{API}/facts", params={"algorithm": PROFILE}).json()
    assert fact["action"] == "override" and fact["opened"] == ["explanation"]


def test_bad_acts_are_refused_with_the_field_and_the_rule(
    client: TestClient, gateway: Gateway
) -> None:
    pending(gateway)
    (case,) = client.get(f"{API}/queue/{PROFILE}", headers=as_(client, "anna")).json()["cases"]
    url = f"{API}/cases/{case['id']}/decision"
    not_claimed = client.post(
        url, json={"action": "confirm", "reason": REASON}, headers=as_(client, "anna")
    )
    assert not_claimed.status_code == 409
    assert problems(not_claimed) == {("case", "not_claimed")}
    claim(client)
    shape = client.post(
        url, json={"action": "approve", "colour": "red"}, headers=as_(client, "anna")
    )
    assert shape.status_code == 422
    assert problems(shape) == {
        ("action", "enum"),
        ("reason", "missing"),
        ("colour", "extra_forbidden"),
    }
    blank = client.post(
        url,
        json={"action": "override", "outcome": "refused", "reason": ""},
        headers=as_(client, "anna") | {"Accept-Language": "nl"},
    )
    assert blank.status_code == 422
    assert problems(blank) == {("reason", "reason_required"), ("outcome", "outcome_unchanged")}
    messages = [p["message"] for p in blank.json()["detail"]["problems"]]
    assert any("motivering is verplicht" in m for m in messages)
    assert any(
        "GDPR art. 22(3)" in a or "AVG art. 22(3)" in a
        for p in blank.json()["detail"]["problems"]
        for a in p["articles"]
    )
    foreign = client.post(
        url, json={"action": "confirm", "reason": REASON}, headers=as_(client, "dirk")
    )
    assert foreign.status_code == 403 and problems(foreign) == {("reviewer", "not_authorised")}
    ok = client.post(url, json={"action": "confirm", "reason": REASON}, headers=as_(client, "anna"))
    assert ok.status_code == 200
    twice = client.post(
        url, json={"action": "confirm", "reason": REASON}, headers=as_(client, "anna")
    )
    assert twice.status_code == 409 and problems(twice) == {("case", "already_decided")}


def test_the_acting_reviewer_is_the_one_linked_to_the_account(
    client: TestClient, anonymous: TestClient, gateway: Gateway
) -> None:
    assert anonymous.get(f"{API}/queue/{PROFILE}").status_code == 401
    # The administrator may reach the desk's routes but is no reviewer.
    unlinked = client.get(f"{API}/queue/{PROFILE}")
    assert unlinked.status_code == 403
    assert problems(unlinked) == {("reviewer", "reviewer_not_linked")}
    assert client.get(f"{API}/queue/{PROFILE}", headers=as_(client, "dirk")).status_code == 403
    # A reviewer role for another algorithm opens nothing here, whatever the link says.
    elsewhere = bearer(gateway.sessions, "reviewer@another-algorithm", reviewer_id="anna")
    assert client.get(f"{API}/queue/{PROFILE}", headers=elsewhere).status_code == 403
    client.patch(f"{API}/reviewers/anna", json={"active": False})
    inactive = client.get(f"{API}/queue/{PROFILE}", headers=as_(client, "anna"))
    assert inactive.status_code == 403 and problems(inactive) == {("reviewer", "reviewer_inactive")}


def test_reviewers_authorisations_and_policies(client: TestClient, gateway: Gateway) -> None:
    added = client.post(f"{API}/reviewers", json={"id": "eva", "name": "Eva Mulder"})
    assert added.status_code == 201 and added.json()["active"]
    assert client.post(f"{API}/reviewers", json={"id": "eva", "name": "E"}).status_code == 409
    granted = client.put(f"{API}/reviewers/eva/authorisations/{PROFILE}", json={"senior": True})
    assert granted.json()["authorisations"][0] == {
        "profile_id": PROFILE,
        "senior": True,
        "granted_at": granted.json()["authorisations"][0]["granted_at"],
    }
    listed = client.get(f"{API}/reviewers", params={"algorithm": PROFILE}).json()
    assert [r["id"] for r in listed] == ["anna", "bram", "carla", "eva"]
    assert client.delete(f"{API}/reviewers/eva/authorisations/{PROFILE}").status_code == 200
    assert client.get(f"{API}/policies/{PROFILE}").json()["four_eyes"] is False
    bad = client.put(f"{API}/policies/{PROFILE}", json={"due_days": 0, "group_field": "age"})
    assert bad.status_code == 422
    assert problems(bad) == {("due_days", "range"), ("group_field", "field_undeclared")}
    changed = client.put(
        f"{API}/policies/{PROFILE}", json={"four_eyes": True, "group_field": "housing"}
    )
    assert changed.json()["four_eyes"] and changed.json()["group_field"] == "housing"
    cleared = client.put(f"{API}/policies/{PROFILE}", json={"group_field": None})
    assert cleared.json()["group_field"] is None and cleared.json()["four_eyes"]
    assert client.get(f"{API}/policies/nope").status_code == 404


def test_contests_submissions_and_control_cases(client: TestClient, gateway: Gateway) -> None:
    record = gateway.decide(PROFILE, FINAL, "123456782", HIGH)
    document = base64.b64encode(b"%PDF-1.7 assessment").decode()
    contest = client.post(
        f"{API}/contests",
        json={
            "decision_uuid": record.decision_uuid,
            "point_of_view": "My income fell this year.",
            "documents": [
                {
                    "content_base64": document,
                    "filename": "aanslag.pdf",
                    "media_type": "application/pdf",
                }
            ],
        },
    )
    assert contest.status_code == 201, contest.text
    assert contest.json()["kind"] == "contest" and contest.json()["round"] == 1
    again = client.post(f"{API}/contests", json={"decision_uuid": record.decision_uuid})
    assert again.status_code == 409 and problems(again) == {("decision_uuid", "review_open")}
    case = claim(client, "bram")
    view = client.get(f"{API}/cases/{case['id']}", headers=as_(client, "bram")).json()
    pdf = next(s for s in view["submissions"] if s["kind"] == "document")
    download = client.get(
        f"{API}/cases/{case['id']}/submissions/{pdf['id']}", headers=as_(client, "bram")
    )
    assert download.content == b"%PDF-1.7 assessment"
    assert download.headers["content-type"] == "application/pdf"
    text = client.post(
        f"{API}/submissions",
        json={"decision_uuid": record.decision_uuid, "kind": "point_of_view", "text": "Also..."},
    )
    assert text.status_code == 201 and text.json()["text"] == "Also..."
    planted = client.post(
        f"{API}/control-cases",
        json={
            "algorithm": PROFILE,
            "decision": PENDING,
            "inputs": HIGH,
            "expected_outcome": "granted",
            "planted_by": "Priya Privacy",
        },
    )
    assert planted.status_code == 201, planted.text
    assert planted.json()["caught"] is None
    bad = client.post(
        f"{API}/control-cases",
        json={
            "algorithm": PROFILE,
            "decision": PENDING,
            "inputs": {**HIGH, "household": 0},
            "expected_outcome": "granted",
            "planted_by": "Priya Privacy",
        },
    )
    assert bad.status_code == 422 and problems(bad) == {("inputs.household", "minimum")}
    listed = client.get(f"{API}/control-cases", params={"algorithm": PROFILE}).json()
    assert [c["decision_uuid"] for c in listed] == [planted.json()["decision_uuid"]]
