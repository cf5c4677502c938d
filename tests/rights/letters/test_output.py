"""A letter as text, Markdown, PDF (read back with pypdf) and an iCalendar reminder
(parsed back per RFC 5545)."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from sluis.law.holidays import calendar_for
from sluis.rights.letters.draft import Letter, LetterInput, check_input, draft
from sluis.rights.letters.output import Format, file_name, render, to_markdown, to_text


def letter(lang: str) -> Letter:
    given = LetterInput(
        kind="human_intervention",
        to="Gemeente Voorbeeld",
        to_address="Postbus 1\n1000 AA Voorbeeld",
        name="Jan Jansen",
        address="Dorpsstraat 1\n1234 AB Dorp",
        email="jan@example.org",
        reference="Z-77",
        sent="2025-03-18",
        details="Ik wil dat iemand naar mijn situatie kijkt.",
        lang=lang,
    )
    return draft(check_input(given, date(2026, 12, 7)), calendar_for("NL"))


@pytest.mark.slow
def test_the_pdf_holds_the_letter_and_its_deadline() -> None:
    pdf = render(letter("nl"), Format.pdf)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Verzoek om menselijke tussenkomst bij een geautomatiseerd besluit" in text
    assert "Gemeente Voorbeeld" in text and "Postbus 1" in text and "Jan Jansen" in text
    assert "22 april 2025" in text  # Good Friday, weekend and Easter Monday rolled over
    assert "Autoriteit Persoonsgegevens" in text  # the notes: where to complain


def test_the_reminder_is_a_valid_calendar_on_the_due_date() -> None:
    drafted = letter("en")
    parsed = Calendar.from_ical(render(drafted, Format.ics))
    assert str(parsed["VERSION"]) == "2.0" and str(parsed["PRODID"])
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):  # RFC 5545 3.6.1
        assert required in event
    assert event.decoded("DTSTART") == date(2025, 4, 22)
    assert event.decoded("DTEND") == date(2025, 4, 23)
    assert isinstance(event.decoded("DTSTAMP"), datetime)
    assert "Gemeente Voorbeeld" in str(event["SUMMARY"])
    assert "18 June 2025" in str(event["DESCRIPTION"])  # the extended date
    alarms = list(event.walk("VALARM"))
    assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == -timedelta(hours=15)


def test_text_and_markdown_hold_the_same_letter() -> None:
    drafted = letter("en")
    text, markdown = to_text(drafted), to_markdown(drafted)
    for document in (text, markdown):
        assert "Dorpsstraat 1" in document and "reference Z-77" in document
        assert "Ik wil dat iemand naar mijn situatie kijkt." in document
        assert "22 April 2025" in document
    assert markdown.startswith("# Request for human intervention")
    assert "\n- to have the decision judged by a staff member" in markdown
    assert file_name(drafted, Format.ics) == "reminder-2025-03-18.ics"
    assert file_name(drafted, Format.pdf) == "letter-human_intervention-2025-03-18.pdf"
