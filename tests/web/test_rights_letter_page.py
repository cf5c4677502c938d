"""The public letter page (``/letter``): a letter to any organisation, in Dutch or
English, as a page, a PDF and a calendar reminder; bad input named by field; nothing kept."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar
from pypdf import PdfReader

from sluis.settings import Settings
from sluis.web.pages import rights as rights_pages

FORM = {
    "kind": "contest",
    "to": "Acme Lending B.V.",
    "name": "Jan Jansen",
    "sent": "2025-03-18",
    "reference": "K-2025-9",
    "details": "Mijn inkomen is hoger dan u aannam.",
    "letter_lang": "nl",
}


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    """The rights pages on an app with no database and no gateway at all: the letter page
    needs neither, which is what keeps it from storing anything."""
    app = FastAPI()
    app.include_router(rights_pages.router)
    app.state.settings = Settings(data_dir=tmp_path)
    return app


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


@pytest.mark.parametrize(
    ("lang", "title"),
    [("nl", "Een brief aan een organisatie"), ("en", "A letter to an organisation")],
)
def test_the_form_is_bilingual_phone_ready_and_says_nothing_is_kept(
    client: TestClient, lang: str, title: str
) -> None:
    page = client.get(f"/letter?lang={lang}&kind=access")
    assert page.status_code == 200
    assert title in page.text
    assert 'name="viewport"' in page.text
    assert 'data-testid="letter-privacy"' in page.text
    assert ("bewaart niets" if lang == "nl" else "keeps nothing") in page.text
    assert 'value="access" checked' in page.text


def test_the_letter_comes_back_as_a_page_with_downloads(client: TestClient) -> None:
    page = client.post("/letter?lang=en", data=FORM)
    assert page.status_code == 200
    assert "Ik betwist een geautomatiseerd besluit" in page.text
    assert "22 april 2025" in page.text
    assert page.headers["cache-control"] == "no-store"
    for fmt in ("pdf", "ics", "txt"):
        assert f'data-testid="download-{fmt}"' in page.text


@pytest.mark.slow
def test_pdf_and_reminder_downloads(client: TestClient) -> None:
    pdf = client.post("/letter?lang=en", data=FORM | {"format": "pdf"})
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert "attachment" in pdf.headers["content-disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "K-2025-9" in text
    ics = client.post("/letter?lang=en", data=FORM | {"format": "ics"})
    assert ics.headers["content-type"].startswith("text/calendar")
    event = next(iter(Calendar.from_ical(ics.content).walk("VEVENT")))
    assert event.decoded("DTSTART") == date(2025, 4, 22)


def test_bad_input_is_named_by_field_and_the_form_kept(client: TestClient) -> None:
    bad = FORM | {"kind": "nonsense", "name": "", "sent": "2025-02-30"}
    page = client.post("/letter?lang=en", data=bad)
    assert page.status_code == 422
    for field in ("kind", "name", "sent"):
        assert f'data-field="{field}"' in page.text
    assert "This is not a real date" in page.text
    assert "Acme Lending B.V." in page.text  # what was typed stays in the form
    odd = client.post("/letter?lang=en", data=FORM | {"format": "docx"})
    assert odd.status_code == 422 and 'data-field="format"' in odd.text


def test_nothing_is_kept(app: FastAPI, client: TestClient) -> None:
    assert client.post("/letter?lang=en", data=FORM).status_code == 200
    assert not hasattr(app.state, "rights") and not hasattr(app.state, "gateway")
    assert "set-cookie" not in client.post("/letter", data=FORM).headers
