"""The art. 30 record on the web: JSON API, CSV/XLSX/PDF downloads and the HTML page, in
Dutch and English."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pypdf import PdfReader

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register(client: TestClient, *names: str) -> None:
    for name in names:
        text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
        response = client.post(
            "/api/v1/profiles", content=text, headers={"content-type": "application/yaml"}
        )
        assert response.status_code == 201, response.text


def test_the_json_record_groups_entries_by_controller_with_gaps(client: TestClient) -> None:
    register(client, "bank-online-credit", "speeding-fine", "welfare-fraud-risk-selection")

    body = client.get("/api/v1/register/art30").json()

    assert body["format"] == "sluis.art30/1"
    assert len(body["records"]) == 3
    entries = {e["profile_id"]: e for r in body["records"] for e in r["entries"]}
    assert set(entries) == {"bank-online-credit", "speeding-fine", "welfare-fraud-risk-selection"}
    assert entries["welfare-fraud-risk-selection"]["gaps"] == []
    paths = {g["profile_path"] for g in entries["speeding-fine"]["gaps"]}
    assert "controller.dpo_contact" in paths
    assert entries["bank-online-credit"]["version"] == 1


def test_the_json_record_of_one_algorithm_or_one_controller(client: TestClient) -> None:
    register(client, "bank-online-credit", "speeding-fine")

    one = client.get("/api/v1/register/art30", params={"profile": "speeding-fine"}).json()
    assert [e["profile_id"] for r in one["records"] for e in r["entries"]] == ["speeding-fine"]
    bank = client.get("/api/v1/register/art30", params={"controller": "voorbeeldbank n.v."}).json()
    assert [e["profile_id"] for r in bank["records"] for e in r["entries"]] == [
        "bank-online-credit"
    ]


def test_an_unknown_algorithm_is_404(client: TestClient) -> None:
    for route in ("/api/v1/register/art30", "/api/v1/register/art30.csv"):
        response = client.get(route, params={"profile": "nope"})
        assert response.status_code == 404 and "nope" in response.json()["detail"]["message"]
    assert client.get("/register/art30", params={"profile": "nope"}).status_code == 404


def test_a_bad_language_names_the_parameter(client: TestClient) -> None:
    response = client.get("/api/v1/register/art30.csv", params={"lang": "de"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "lang"]


def test_csv_download(client: TestClient) -> None:
    register(client, "bank-online-credit")
    response = client.get(
        "/api/v1/register/art30.csv", params={"profile": "bank-online-credit", "lang": "en"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        'attachment; filename="sluis-art30-bank-online-credit-v1-en.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Processing (algorithm)" and rows[1][1] == "bank-online-credit"


def test_xlsx_download_in_the_language_of_the_cookie(client: TestClient) -> None:
    register(client, "bank-online-credit", "speeding-fine")
    client.cookies.set("lang", "en")
    response = client.get("/api/v1/register/art30.xlsx")
    assert response.headers["content-type"] == XLSX
    assert response.headers["content-disposition"] == 'attachment; filename="sluis-art30-en.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Record of processing", "Missing", "Source"]
    assert book["Record of processing"].max_row == 3


@pytest.mark.slow
def test_pdf_download(client: TestClient) -> None:
    register(client, "welfare-fraud-risk-selection")
    response = client.get(
        "/api/v1/register/art30.pdf",
        params={"profile": "welfare-fraud-risk-selection", "lang": "nl"},
    )
    assert response.headers["content-type"] == "application/pdf"
    assert (
        "sluis-art30-welfare-fraud-risk-selection-v1-nl.pdf"
        in (response.headers["content-disposition"])
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Gemeente Voorbeeldstad" in text and "versie 1" in text


def test_the_page_shows_the_organisation_with_gaps_to_fill(client: TestClient) -> None:
    register(client, "speeding-fine", "welfare-fraud-risk-selection")

    page = client.get("/register/art30")

    assert page.status_code == 200
    assert "<h1>Register van verwerkingsactiviteiten</h1>" in page.text
    assert page.text.count('data-testid="art30-controller"') == 2
    assert page.text.count('data-testid="art30-entry"') == 2
    assert page.text.count('data-testid="art30-gaps"') == 1  # only the speeding fine misses facts
    assert 'data-gap="controller.dpo_contact"' in page.text
    assert 'data-missing="dpo_contact"' in page.text
    assert "/profiles/speeding-fine/edit?lang=nl" in page.text
    assert "Opgesteld uit profiel <code>speeding-fine</code>, versie 1" in page.text
    for fmt in ("csv", "xlsx", "pdf"):
        assert f'href="/api/v1/register/art30.{fmt}?lang=nl"' in page.text
        assert f"/api/v1/register/art30.{fmt}?profile=speeding-fine&amp;lang=nl" in page.text


def test_the_page_of_one_algorithm_in_english(client: TestClient) -> None:
    register(client, "speeding-fine", "bank-online-credit")

    page = client.get("/register/art30", params={"profile": "speeding-fine", "lang": "en"})

    assert '<html lang="en">' in page.text
    assert "Art. 30 record of one algorithm" in page.text
    assert page.text.count('data-testid="art30-entry"') == 1
    assert "Generated from profile <code>speeding-fine</code>, version 1" in page.text
    assert "controller.dpo_contact" in page.text and "Missing facts" in page.text
    assert "bank-online-credit" not in page.text
    assert "/api/v1/register/art30.pdf?profile=speeding-fine&amp;lang=en" in page.text


def test_the_page_of_an_empty_register(client: TestClient) -> None:
    page = client.get("/register/art30", params={"lang": "en"})
    assert page.status_code == 200 and 'data-testid="art30-empty"' in page.text
