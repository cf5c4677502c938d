"""The notices as documents: for both worked examples, in Dutch and English, the notice is
rendered to a real PDF (WeasyPrint) whose extracted text holds every element the notice
must give for that decision; HTML and JSON carry the same.

Rendering does not depend on the database, so these tests take their decisions once, on
SQLite (the notice content is tested on both backends in ``test_notice.py``).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from notice_examples import (
    ALLOWANCE,
    CREDIT,
    bind_examples,
    decide_examples,
    example_profile,
    register_examples,
)
from sluis.gateway.crypto import KeyRing
from sluis.gateway.service import Gateway
from sluis.law.assess import assess
from sluis.notices.notice import DecisionNotice
from sluis.notices.privacy_notice import PrivacyNotice, build_privacy_notice
from sluis.notices.render import filename, render, render_html, render_json, render_pdf
from sluis.notices.service import decision_notice
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory, migrate

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    folder = tmp_path_factory.mktemp("notices")
    engine = create_engine_for(f"sqlite:///{folder / 'sluis.db'}")
    migrate(engine)
    sessions = make_session_factory(engine)
    register_examples(sessions)
    gateway = Gateway(sessions, Settings(data_dir=folder), key_ring=KeyRing(bytes(range(32))))
    bind_examples(gateway)
    yield gateway
    engine.dispose()


@pytest.fixture(scope="module")
def decided(gateway: Gateway) -> dict[str, str]:
    return decide_examples(gateway)


def pdf_text(pdf: bytes) -> str:
    """The text of every page, whitespace collapsed; a word broken after its hyphen at
    the end of a line is joined again."""
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return re.sub(r"(?<=\w)- (?=\w)", "-", text)


def shows(text: str, phrase: str) -> bool:
    """Whether the words of ``phrase`` appear in order. Table cells that wrap come out of a
    PDF interleaved with their neighbours, line by line, so a few other words may sit in
    between (never more than twelve)."""
    words = [re.escape(w) for w in phrase.split()]
    return re.search(r"\s+(?:\S+\s+){0,12}?".join(words), text) is not None


def shows_link(text: str, link: str) -> bool:
    """Links wrap anywhere: compare without whitespace."""
    return "".join(link.split()) in "".join(text.split())


def elements(n: DecisionNotice) -> list[str]:
    """Every phrase the decision notice must show, taken from its content model (which
    ``test_notice.py`` checks against the decision)."""
    phrases = [n.title, n.organisation.name, *(title for title in section_titles(n))]
    for section in n.sections:
        phrases += [*section.paragraphs, *section.after]
        phrases += [item.text for item in section.items]
        phrases += [c for c in section.citations]
    for data in n.data_used:
        phrases += [data.label, data.shown, data.source]
    return [p for p in phrases if "http" not in p and n.reference not in p]


def section_titles(n: DecisionNotice | PrivacyNotice) -> list[str]:
    return [s.title for s in n.sections]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["allowance_refused", "credit_refused"])
def test_a_refusal_renders_to_a_pdf_showing_every_element(
    gateway: Gateway, decided: dict[str, str], name: str, lang: str
) -> None:
    n = decision_notice(gateway, decided[name], lang, today=TODAY)
    text = pdf_text(render_pdf(n))
    missing = [p for p in elements(n) if not shows(text, p)]
    assert missing == []
    assert shows_link(text, n.reference)
    for right in n.rights:
        if right.link is not None:
            assert shows_link(text, right.link), right.key
    assert shows(text, n.outcome_label or "-")
    assert n.counterfactual is not None and shows(text, n.counterfactual)
    assert shows_link(text, "https://autoriteitpersoonsgegevens.nl")
    assert n.organisation.signatory is not None and shows(text, n.organisation.signatory)


def test_the_municipal_letter_states_the_objection_period_and_address_in_the_pdf(
    gateway: Gateway, decided: dict[str, str]
) -> None:
    n = decision_notice(gateway, decided["allowance_refused"], "nl", today=TODAY)
    text = pdf_text(render_pdf(n))
    assert shows(text, "Bezwaar maken")
    assert shows(text, "Doe dat binnen 6 weken na de dag waarop wij deze brief hebben verstuurd.")
    assert shows(text, "t.a.v. Bezwaarschriften, Postbus 1000, 1234 AB Voorbeeldstad")
    assert shows(text, "Awb art. 6:7")
    assert shows(text, "Datum van deze brief 2 maart 2026")


def test_the_banks_letter_has_no_objection_under_administrative_law(
    gateway: Gateway, decided: dict[str, str]
) -> None:
    n = decision_notice(gateway, decided["credit_refused"], "en", today=TODAY)
    text = pdf_text(render_pdf(n))
    assert not shows(text, "Making an objection")
    assert shows(text, "Contest the decision: tell us that you disagree.")
    assert shows(text, "Date of this letter 2 March 2026")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_pending_decisions_pdf_says_it_is_under_review_without_an_outcome(
    gateway: Gateway, decided: dict[str, str], lang: str
) -> None:
    n = decision_notice(gateway, decided["allowance_pending"], lang, today=TODAY)
    text = pdf_text(render_pdf(n))
    expected = {
        "nl": ("Uw zaak wordt beoordeeld", "Er is nog geen besluit over uw zaak."),
        "en": ("Your case is being reviewed", "No decision has been taken on your case yet."),
    }[lang]
    assert all(shows(text, p) for p in expected)
    for label in ("energietoeslag van 800 euro", "geen energietoeslag", "energy allowance of 800"):
        assert label not in text
    assert not shows(text, "Bezwaar maken") and not shows(text, "Making an objection")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", [ALLOWANCE, CREDIT])
def test_the_privacy_notice_renders_to_a_pdf_with_every_element(name: str, lang: str) -> None:
    profile = example_profile(name)
    n = build_privacy_notice(profile, assess(profile), lang, today=TODAY, version=1)
    text = pdf_text(render_pdf(n))
    phrases = [n.title, *section_titles(n)]
    for section in n.sections:
        phrases += [*section.paragraphs, *section.after, *(i.text for i in section.items)]
        if section.table is not None:
            phrases += [cell for row in section.table.rows for cell in row]
    missing = [p for p in phrases if "http" not in p and not shows(text, p)]
    assert missing == []
    assert all(shows(text, purpose) for purpose in profile.purposes)


def test_html_and_json_carry_the_same_notice(gateway: Gateway, decided: dict[str, str]) -> None:
    n = decision_notice(gateway, decided["allowance_refused"], "en", today=TODAY)
    html = render_html(n)
    assert html.startswith("<!doctype html>") and '<html lang="en">' in html
    assert 'data-testid="decision-notice"' in html
    assert all(f'data-section="{s.key}"' in html for s in n.sections)
    document = json.loads(render_json(n))
    assert document == json.loads(render(n, "json"))
    assert document["format"] == "sluis.notice/1"
    assert document["decision"]["outcome"] == "refused"
    assert [s["key"] for s in document["sections"]] == [s.key for s in n.sections]
    assert document["data_used"][2]["value"] == 1900.0
    assert filename(n, "pdf") == f"notice-{n.reference}-en.pdf"
    with pytest.raises(ValueError, match="format"):
        render(n, "docx")


def test_the_templates_ship_with_the_package() -> None:
    templates = Path(__file__).resolve().parents[2] / "src/sluis/reports/templates"
    assert (templates / "notice.html").is_file()
