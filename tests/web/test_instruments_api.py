"""/api/v1/instruments: definitions, an algorithm's instruments, answers, exchange, verdict
and documents, as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from auth_world import sign_in
from sluis.assessment.service import register_and_assess
from sluis.instruments.service import import_definition
from sluis.profiles.validation import parse_profile_text
from sluis.settings import Settings
from sluis.web.app import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
API = "/api/v1/instruments"


@pytest.fixture
def schemas(shared_data: Path) -> Path:
    return shared_data / "par-dpia-form" / "schemas"


@pytest.fixture
def api(sessions: sessionmaker[Session], tmp_path: Path, schemas: Path) -> TestClient:
    settings = Settings(data_dir=tmp_path, default_language="nl", par_dpia_schemas=schemas)
    app: FastAPI = create_app(settings, sessions)
    for name in ("prescan", "dpia"):
        import_definition(sessions, schemas.parent / "sources" / f"{name}.yaml")
    register_and_assess(sessions, parse_profile_text((EXAMPLES / f"{WELFARE}.yaml").read_text()))
    # An administrator's API token: the routes' access rules live in sluis.web.access.
    return sign_in(TestClient(app), sessions)


@pytest.fixture
def prescan(api: TestClient) -> dict[str, Any]:
    response = api.post(f"{API}/algorithms/{WELFARE}", json={"urn": "urn:nl:prescan"})
    assert response.status_code == 201, response.text
    return response.json()


def test_definitions_and_their_task_tree(api: TestClient, schemas: Path) -> None:
    listed = api.get(f"{API}/definitions").json()
    assert [d["key"] for d in listed] == ["urn:nl:dpia:3.0", "urn:nl:prescan:2.0"]
    tree = api.get(f"{API}/definitions/urn:nl:prescan").json()
    assert tree["tasks"][0]["id"] == "0"
    assert tree["tasks"][0]["tasks"][0]["options"] == [
        {"value": True, "label": "Ja"},
        {"value": False, "label": "Nee"},
    ]
    assert [a["id"] for a in tree["assessments"]] == ["DPIA", "DTIA", "KIA", "IAMA"]
    text = (schemas.parent / "sources" / "iama.yaml").read_text(encoding="utf-8")
    created = api.post(
        f"{API}/definitions", content=text, headers={"content-type": "application/yaml"}
    )
    assert created.status_code == 201 and created.json()["key"] == "urn:nl:iama:2.0"
    assert api.post(f"{API}/definitions", content=text).status_code == 200
    broken = api.post(f"{API}/definitions", content="name: x\ntasks: []\n")
    assert broken.status_code == 422
    assert any(
        "'urn' is a required property" in e["message"] for e in broken.json()["detail"]["errors"]
    )
    assert api.get(f"{API}/definitions/urn:nl:nothing").status_code == 404


def test_open_answer_and_progress(api: TestClient, prescan: dict[str, Any]) -> None:
    assert prescan["answers"]["0.4"] == "Rechtsgrond taak van algemeen belang"
    assert prescan["meta"]["0.4"]["prefill"]["source"] == "legal_basis.article6"
    assert prescan["progress"]["answered"] >= 10
    again = api.post(f"{API}/algorithms/{WELFARE}", json={"urn": "urn:nl:prescan"})
    assert again.status_code == 200 and again.json()["id"] == prescan["id"]
    url = f"{API}/instances/{prescan['id']}"
    saved = api.put(
        f"{url}/answers?base_version=1", json={"answers": {"0.1": "true"}, "scope": ["0"]}
    )
    assert saved.status_code == 200 and saved.json()["answers"]["0.1"] is True
    assert api.put(f"{url}/answers?base_version=1", json={"answers": {}}).status_code == 409
    bad = api.put(f"{url}/answers", json={"answers": {"0.4": "nee", "5.5.5": "x"}})
    assert bad.status_code == 422
    assert {e["path"] for e in bad.json()["detail"]["errors"]} == {"0.4", "5.5.5"}
    assert api.get(f"{API}/algorithms/{WELFARE}").json()[0]["version"] == 2
    assert [v["version"] for v in api.get(f"{url}/versions").json()] == [1, 2]


def test_verdict_exchange_and_documents(api: TestClient, prescan: dict[str, Any]) -> None:
    url = f"{API}/instances/{prescan['id']}"
    verdict = api.get(f"{url}/verdict").json()
    assert verdict["assessments"][0]["level"] == "required"
    assert verdict["comparison"]["agree"] is True
    exported = api.get(f"{url}/output")
    assert exported.status_code == 200
    document = exported.json()
    assert document["metadata"]["urn"] == "urn:nl:prescan:2.0"
    back = api.put(f"{url}/output", json=document)
    assert back.status_code == 200 and back.json()["answers"] == prescan["answers"]
    document["answers"]["1.1.2"] = {"value": "Logging", "lastEditedAt": "2025-01-01T00:00:00Z"}
    refused = api.put(f"{url}/output", json=document)
    assert refused.status_code == 422
    assert refused.json()["detail"]["errors"][0]["path"] == "1.1.2"
    markdown = api.get(f"{url}/document?format=md&lang=en")
    assert markdown.status_code == 200 and "# Pre-scan DPIA" in markdown.text
    pdf = api.get(f"{url}/document?format=pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert api.get(f"{API}/instances/999").status_code == 404


def test_sign_off_refusals_are_listed(api: TestClient, prescan: dict[str, Any]) -> None:
    url = f"{API}/instances/{prescan['id']}"
    body = {"role": "dpo", "name": "F. G.", "date": "2025-05-01", "decision": "advice_given"}
    refused = api.post(f"{url}/sign", json=body)
    assert refused.status_code == 422
    assert "task.0.completed" in {r["item"] for r in refused.json()["detail"]["refusals"]}
    done = api.put(f"{url}/completed", json={"completed": ["0", "1", "2", "3", "4", "5", "6", "7"]})
    assert done.status_code == 200
    assert api.post(f"{url}/sign", json=body).json()["state"] == "signed"


CHILDREN = "Categorie betrokkenen: Kinderen jonger dan 16 jaar"
VULNERABLE = "Categorie betrokkenen: Andere kwetsbare groepen (gehandicapten, minderheden, etc.)"
THREE = {"1.5.1": True, "1.5.3": "Continu", "1.5.4": "Aantal jaren"}


def test_the_definition_carries_its_notes_as_warnings(api: TestClient) -> None:
    notes = api.get(f"{API}/definitions/urn:nl:prescan").json()["notes"]
    codes = sorted({n["code"] for n in notes})
    assert codes == [
        "misplaced_calculation",
        "quoted_condition",
        "renamed_task",
        "unprefixed_weights",
    ]
    assert all(n["text"]["nl"] and n["text"]["en"] and n["readings_differ"] for n in notes)
    assert api.get(f"{API}/definitions/urn:nl:dpia").json()["notes"] == []


def test_the_verdict_is_the_published_one_with_the_intended_beside_it(
    api: TestClient, prescan: dict[str, Any]
) -> None:
    url = f"{API}/instances/{prescan['id']}"
    answers = {**THREE, "1.4.1": [CHILDREN, VULNERABLE]}
    assert api.put(f"{url}/answers", json={"answers": answers}).status_code == 200
    verdict = api.get(f"{url}/verdict").json()
    dpia = next(a for a in verdict["assessments"] if a["id"] == "DPIA")
    assert (verdict["reading"], dpia["level"]) == ("as_published", "none")
    intended = verdict["readings"]["as_intended"]["assessments"]
    assert next(a for a in intended if a["id"] == "DPIA")["level"] == "required"
    assert verdict["differs"] is True and verdict["readings"]["differs"] is True
    kinds = {d["kind"] for d in verdict["readings"]["differences"]}
    assert {"level", "criterion", "score"} <= kinds
    assert [n["code"] for n in verdict["readings"]["notes"]] == ["unprefixed_weights"]
    assert verdict["comparison"]["prescan"] == "not_required"

    agreed = {**THREE, "0.1": True}
    assert api.put(f"{url}/answers", json={"answers": agreed}).status_code == 200
    verdict = api.get(f"{url}/verdict").json()
    assert verdict["differs"] is False and verdict["readings"]["differences"] == []
