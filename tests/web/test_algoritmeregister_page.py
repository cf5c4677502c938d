"""The Algoritmeregister page: the document field by field, what is missing and how to fill
it, what Sluis derived, and a download only when the publication is complete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
    settings = Settings(
        data_dir=tmp_path, default_language="nl", algoritmeregister_schema=register_schema_path
    )
    return sign_in(TestClient(create_app(settings, sessions)), sessions)


def register(client: TestClient, name: str, **technology: str | None) -> None:
    """Register an example, with technology facts replaced (``None`` removes one)."""
    doc: dict[str, Any] = yaml.safe_load((ROOT / "examples" / f"{name}.yaml").read_text())
    for key, value in technology.items():
        if value is None:
            doc["technology"].pop(key, None)
        else:
            doc["technology"][key] = value
    assert client.post("/api/v1/profiles", json=doc).status_code in (200, 201)


def test_a_complete_publication_shows_every_field_and_a_download(
    register_client: TestClient,
) -> None:
    register(register_client, "welfare-fraud-risk-selection", supplier="Intern ontwikkeld")
    page = register_client.get("/profiles/welfare-fraud-risk-selection/algoritmeregister")
    assert page.status_code == 200
    html = page.text
    assert 'data-testid="register-valid"' in html
    for label in ("Korte omschrijving", "Menselijke tussenkomst", "Impacttoetsen", "Bron-ID"):
        assert label in html
    assert "sluis:welfare-fraud-risk-selection:v1" in html
    assert "Verantwoord gebruik" in html  # the standard's field groups
    download = "/api/v1/profiles/welfare-fraud-risk-selection/algoritmeregister/export?version=1"
    assert download in html
    assert 'data-testid="register-missing"' not in html


def test_an_incomplete_publication_says_what_to_fill_in_and_offers_no_download(
    register_client: TestClient,
) -> None:
    register(register_client, "recruitment-screening")
    html = register_client.get("/profiles/recruitment-screening/algoritmeregister").text
    assert 'data-testid="register-invalid"' in html
    assert 'data-testid="register-download"' not in html
    assert (
        '<li data-field="contact">' in html and "<code>registration.public_contact</code>" in html
    )
    assert "Contactgegevens" in html and "verplicht, ontbreekt" in html
    assert 'data-testid="register-derived"' in html
    assert "Hoog-risico AI-systeem (Categorie A)" in html
    assert 'data-code="art22_prohibited"' in html


def test_the_page_speaks_english_on_request(register_client: TestClient) -> None:
    register(register_client, "recruitment-screening")
    html = register_client.get("/profiles/recruitment-screening/algoritmeregister?lang=en").text
    assert "What is still missing" in html
    assert "Give a general e-mail address or contact form" in html


def test_an_earlier_version_can_be_shown(register_client: TestClient) -> None:
    register(register_client, "welfare-fraud-risk-selection", supplier=None)
    register(register_client, "welfare-fraud-risk-selection", supplier="Intern ontwikkeld")
    html = register_client.get(
        "/profiles/welfare-fraud-risk-selection/algoritmeregister?version=1"
    ).text
    assert "sluis:welfare-fraud-risk-selection:v1" in html
    assert 'data-testid="register-invalid"' in html


def test_unknown_profile_is_404(register_client: TestClient) -> None:
    assert register_client.get("/profiles/nothing/algoritmeregister").status_code == 404


def test_without_a_schema_the_page_explains_the_setting(
    client: TestClient, example_yaml: str
) -> None:
    client.post("/api/v1/profiles", content=example_yaml, headers={"content-type": "text/yaml"})
    page = client.get("/profiles/bank-online-credit/algoritmeregister")
    assert page.status_code == 503
    assert "SLUIS_ALGORITMEREGISTER_SCHEMA" in page.text
