"""/api/v1 Algoritmeregister routes: a preview that is always there, an export only when the
document meets the standard, and a bulk CSV of the complete ones."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from auth_world import sign_in
from sluis.settings import Settings
from sluis.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def register_client(
    sessions: sessionmaker[Session], tmp_path: Path, register_schema_path: Path
) -> TestClient:
    settings = Settings(data_dir=tmp_path, algoritmeregister_schema=register_schema_path)
    return sign_in(TestClient(create_app(settings, sessions)), sessions)


def example(name: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / "examples" / f"{name}.yaml").read_text())


def complete_welfare() -> dict[str, Any]:
    doc = example("welfare-fraud-risk-selection")
    doc["technology"]["supplier"] = "Intern ontwikkeld"
    return doc


def register(client: TestClient, doc: dict[str, Any]) -> int:
    response = client.post("/api/v1/profiles", json=doc)
    assert response.status_code in (200, 201), response.text
    return response.json()["version"]


def test_the_preview_of_an_incomplete_profile_lists_the_gaps(register_client: TestClient) -> None:
    register(register_client, example("recruitment-screening"))
    response = register_client.get("/api/v1/profiles/recruitment-screening/algoritmeregister")
    assert response.status_code == 200
    body = response.json()
    assert (body["profile_id"], body["version"], body["valid"]) == (
        "recruitment-screening",
        1,
        False,
    )
    assert {m["field"]: m["profile_path"] for m in body["missing"]}["contact"] == (
        "registration.public_contact"
    )
    assert all(m["reason"]["nl"] and m["reason"]["en"] for m in body["missing"])
    assert body["derived"][0]["field"] == "publication_category"
    assert {e["rule"] for e in body["schema_errors"]} == {"required"}
    assert body["document"]["source_id"] == "sluis:recruitment-screening:v1"


def test_export_of_an_incomplete_profile_is_422_with_every_gap(register_client: TestClient) -> None:
    register(register_client, example("recruitment-screening"))
    response = register_client.get(
        "/api/v1/profiles/recruitment-screening/algoritmeregister/export"
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert {m["field"] for m in detail["missing"]} == {
        "description_short",
        "start_date",
        "contact",
        "considerations",
        "risk_management",
        "impact_assessments",
    }
    assert len(detail["schema_errors"]) == 6


def test_export_of_a_complete_profile_is_the_bare_document(
    register_client: TestClient, register_schema_path: Path
) -> None:
    doc = complete_welfare()
    register(register_client, doc)
    doc["registration"]["search_terms"] = ["bijstand"]
    assert register(register_client, doc) == 2
    url = "/api/v1/profiles/welfare-fraud-risk-selection/algoritmeregister"
    response = register_client.get(f"{url}/export", params={"version": 1})
    assert response.status_code == 200
    document = response.json()
    jsonschema.Draft7Validator(json.loads(register_schema_path.read_text("utf-8"))).validate(
        document
    )
    assert document["source_id"] == "sluis:welfare-fraud-risk-selection:v1"
    assert (
        'filename="algoritmeregister-welfare-fraud-risk-selection-v1.json"'
        in (response.headers["content-disposition"])
    )
    preview = register_client.get(url).json()
    assert preview["valid"] is True and preview["version"] == 2
    assert preview["document"]["source_id"].endswith(":v2")


def test_bulk_csv_holds_the_complete_ones_and_names_the_skipped(
    register_client: TestClient,
) -> None:
    register(register_client, complete_welfare())
    register(register_client, example("recruitment-screening"))
    register(register_client, example("speeding-fine"))
    response = register_client.get("/api/v1/algoritmeregister.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-sluis-skipped"] == "recruitment-screening"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [r["name"] for r in rows] == [
        "Administratieve boete snelheidsovertreding",
        "Risicoselectie heronderzoek bijstand",
    ]
    assert rows[1]["theme"] == "Sociale zekerheid, Werk"


def test_unknown_profile_is_404(register_client: TestClient) -> None:
    response = register_client.get("/api/v1/profiles/nothing/algoritmeregister")
    assert response.status_code == 404
    response = register_client.get("/api/v1/profiles/nothing/algoritmeregister/export")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "route",
    [
        "/api/v1/profiles/bank-online-credit/algoritmeregister",
        "/api/v1/profiles/bank-online-credit/algoritmeregister/export",
        "/api/v1/algoritmeregister.csv",
    ],
)
def test_without_a_configured_schema_the_routes_say_which_setting_to_fix(
    client: TestClient, example_yaml: str, route: str
) -> None:
    client.post("/api/v1/profiles", content=example_yaml, headers={"content-type": "text/yaml"})
    response = client.get(route)
    assert response.status_code == 503
    assert "SLUIS_ALGORITMEREGISTER_SCHEMA" in response.json()["detail"]["message"]
