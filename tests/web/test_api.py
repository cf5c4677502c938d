"""The versioned JSON API: assessments and registered profiles."""

from __future__ import annotations

import json

import yaml
from fastapi.testclient import TestClient

YAML = {"content-type": "application/yaml"}


def test_assess_a_profile_sent_as_json(client: TestClient, example_yaml: str) -> None:
    response = client.post("/api/v1/assessments", json=yaml.safe_load(example_yaml))
    assert response.status_code == 200
    body = response.json()
    assert body["format"] == "sluis.assessment/1"
    assert body["art22"]["exception"] == "contract"
    assert body["art22"]["verdict"] == "allowed_with_safeguards"
    assert client.get("/api/v1/profiles").json() == []  # nothing stored


def test_assess_a_profile_sent_as_yaml(client: TestClient, example_yaml: str) -> None:
    response = client.post("/api/v1/assessments", content=example_yaml, headers=YAML)
    assert response.status_code == 200
    assert response.json()["profile"]["id"] == "bank-online-credit"


def test_invalid_profile_is_422_with_every_error_and_nothing_stored(client: TestClient) -> None:
    bad = {"id": "BAD", "name": "", "controller": {}, "decisions": [{"id": "d"}]}
    for route in ("/api/v1/assessments", "/api/v1/profiles"):
        response = client.post(route, json=bad)
        assert response.status_code == 422
        locs = {e["loc"]: e["rule"] for e in response.json()["detail"]["errors"]}
        assert locs == {
            "id": "string_pattern_mismatch",
            "name": "string_too_short",
            "controller.name": "missing",
            "decisions[0].description": "missing",
        }
    assert client.get("/api/v1/profiles").json() == []


def test_wrong_media_type_and_broken_yaml_are_named(client: TestClient) -> None:
    response = client.post(
        "/api/v1/assessments", content="x", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 422
    assert response.json()["detail"]["errors"][0]["rule"] == "media_type"
    response = client.post("/api/v1/assessments", content="a: [", headers=YAML)
    assert response.json()["detail"]["errors"][0]["rule"] == "syntax"


def test_registering_keeps_every_change_as_a_new_version(
    client: TestClient, example_yaml: str
) -> None:
    first = client.post("/api/v1/profiles", content=example_yaml, headers=YAML)
    assert first.status_code == 201
    assert first.json()["version"] == 1 and first.json()["created"] is True
    assert first.json()["assessment"]["profile"]["version"] == 1

    again = client.post("/api/v1/profiles", content=example_yaml, headers=YAML)
    assert again.status_code == 200 and again.json()["version"] == 1

    changed = yaml.safe_load(example_yaml)
    changed["name"] = "Online credit, revised"
    second = client.post("/api/v1/profiles", json=changed)
    assert second.status_code == 201 and second.json()["version"] == 2

    versions = client.get("/api/v1/profiles/bank-online-credit/versions").json()
    assert [v["version"] for v in versions] == [1, 2]
    old = client.get("/api/v1/profiles/bank-online-credit", params={"version": 1}).json()
    assert old["document"]["name"] == "Online consumer credit decision"
    latest = client.get("/api/v1/profiles/bank-online-credit").json()
    assert latest["version"] == 2 and latest["document"]["name"] == "Online credit, revised"
    listing = client.get("/api/v1/profiles").json()
    assert [(p["id"], p["latest_version"]) for p in listing] == [("bank-online-credit", 2)]


def test_assessment_of_a_stored_version(client: TestClient, example_yaml: str) -> None:
    client.post("/api/v1/profiles", content=example_yaml, headers=YAML)
    body = client.get("/api/v1/profiles/bank-online-credit/assessment").json()
    assert body["profile"] == {
        "id": "bank-online-credit",
        "name": body["profile"]["name"],
        "version": 1,
    }


def test_unknown_profile_is_404(client: TestClient) -> None:
    assert client.get("/api/v1/profiles/nope").status_code == 404
    assert client.get("/api/v1/profiles/nope/versions").status_code == 404
    assert client.get("/api/v1/profiles/nope/assessment").status_code == 404


def test_the_profile_schema_and_openapi_are_published(client: TestClient) -> None:
    schema = client.get("/api/v1/schemas/profile").json()
    assert "decisions" in schema["properties"]
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/assessments" in spec["paths"]
    assert json.dumps(spec)  # serialisable
