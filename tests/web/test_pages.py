"""The HTML pages: create, upload, edit and read an assessment, in Dutch and English."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader


def save(client: TestClient, document: str, **extra: str):
    return client.post("/profiles", data={"document": document, **extra}, follow_redirects=False)


def test_home_leads_to_the_list(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/profiles"
    assert "Nog geen algoritmes" in client.get("/profiles").text


def test_saving_a_profile_shows_its_assessment(client: TestClient, example_yaml: str) -> None:
    response = save(client, example_yaml)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    assert 'data-testid="art22-verdict"' in page.text
    assert "Toegestaan met waarborgen" in page.text
    assert "Opgeslagen als versie 1" in page.text


def test_english_on_request(client: TestClient, example_yaml: str) -> None:
    save(client, example_yaml)
    page = client.get("/profiles/bank-online-credit?lang=en")
    assert "Allowed with safeguards" in page.text and '<html lang="en">' in page.text
    assert client.get("/profiles/bank-online-credit").text.count("Allowed with safeguards") >= 1


def test_uploading_a_file(client: TestClient, example_yaml: str) -> None:
    response = client.post(
        "/profiles",
        data={"document": ""},
        files={"upload": ("profile.yaml", example_yaml.encode(), "application/yaml")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "bank-online-credit" in response.headers["location"]


def test_invalid_profile_shows_every_error_and_keeps_the_text(client: TestClient) -> None:
    response = save(client, "id: Bad Id\nname: ''\ncontroller: {}\n")
    assert response.status_code == 422
    for loc in ("<code>id</code>", "<code>name</code>", "<code>controller.name</code>"):
        assert loc in response.text
    assert "id: Bad Id" in response.text
    assert "Nog geen algoritmes" in client.get("/profiles").text


def test_editing_creates_a_new_version(client: TestClient, example_yaml: str) -> None:
    save(client, example_yaml)
    form = client.get("/profiles/bank-online-credit/edit")
    assert "bank-online-credit" in form.text and "<textarea" in form.text
    changed = example_yaml.replace("Online consumer credit decision", "Revised credit decision")
    location = save(client, changed).headers["location"]
    page = client.get(location)
    assert "Revised credit decision" in page.text and "versie 2" in page.text
    old = client.get("/profiles/bank-online-credit?version=1")
    assert "Online consumer credit decision" in old.text


@pytest.mark.slow
def test_pdf_download(client: TestClient, example_yaml: str) -> None:
    save(client, example_yaml)
    response = client.get("/profiles/bank-online-credit/report.pdf?lang=en")
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Allowed with safeguards" in text


def test_unknown_profile_page_is_404(client: TestClient) -> None:
    response = client.get("/profiles/nope")
    assert response.status_code == 404
    assert "bestaat niet" in response.text and "<html" in response.text
