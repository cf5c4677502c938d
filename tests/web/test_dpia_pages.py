"""The DPIA pages: open, edit with plain forms, advise, sign, adopt and download."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.dpia_document import service
from sluis.dpia_document.model import DpiaDocument, DpiaState
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
PAGE = f"/profiles/{WELFARE}/dpia"


def register(sessions: sessionmaker[Session], name: str = WELFARE) -> None:
    register_and_assess(sessions, parse_profile_text((EXAMPLES / f"{name}.yaml").read_text()))


@pytest.fixture
def opened(client: TestClient, sessions: sessionmaker[Session]) -> DpiaDocument:
    register(sessions)
    assert client.post(f"{PAGE}/open", follow_redirects=False).status_code == 303
    return service.get_dpia(sessions, WELFARE).document


def editor_form(doc: DpiaDocument, version: int, complete: bool = False) -> dict[str, Any]:
    """What the editor form posts for ``doc`` (optionally with every gap filled)."""
    form: dict[str, Any] = {"base_version": str(version), "risk-ids": [r.id for r in doc.risks]}
    for s in doc.sections:
        text = s.text
        if complete:
            text = text.replace("[[", "(").replace("]]", ")") or "Het restrisico is aanvaardbaar."
        form[f"section-{s.key.value}"] = text
    for r in doc.risks:
        p = f"risk-{r.id}-"
        form |= {
            f"{p}title": r.title,
            f"{p}description": r.description,
            f"{p}rights": "\n".join(r.affected_rights),
            f"{p}likelihood": str(r.likelihood),
            f"{p}impact": str(r.impact),
            f"{p}justification": r.justification,
            f"{p}residual_justification": "Blijft bewaakt." if complete else "",
        }
        if complete or r.confirmed:
            form[f"{p}confirmed"] = "1"
    return form


def test_a_profile_that_needs_no_dpia_says_why(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    register(sessions, "library-overdue-reminders")
    page = client.get("/profiles/library-overdue-reminders/dpia")
    assert page.status_code == 200
    assert 'data-testid="dpia-not-needed"' in page.text
    assert 'data-testid="open-dpia"' not in page.text
    refused = client.post("/profiles/library-overdue-reminders/dpia/open")
    assert refused.status_code == 409
    assert not service.has_dpia(sessions, "library-overdue-reminders")


def test_a_profile_that_needs_one_offers_to_open_it(
    client: TestClient, sessions: sessionmaker[Session]
) -> None:
    register(sessions)
    page = client.get(PAGE)
    assert 'data-testid="dpia-needed"' in page.text and 'data-testid="open-dpia"' in page.text
    opened = client.post(f"{PAGE}/open?lang=en", follow_redirects=False)
    assert opened.headers["location"] == f"{PAGE}?lang=en"
    editor = client.get(f"{PAGE}?lang=en")
    assert (
        "Generated from profile welfare-fraud-risk-selection version 1, DPIA version 1, "
        "state: draft" in editor.text
    )
    assert editor.text.count('data-testid="section-') == 10
    assert 'data-testid="prior-consultation-warning"' in editor.text
    assert "<svg" in editor.text


def test_a_newer_profile_version_is_pointed_out(
    client: TestClient, sessions: sessionmaker[Session], opened: DpiaDocument
) -> None:
    profile = parse_profile_text((EXAMPLES / f"{WELFARE}.yaml").read_text())
    register_and_assess(sessions, profile.model_copy(update={"name": "Herziene selectie"}))
    page = client.get(PAGE)
    assert 'data-testid="profile-newer"' in page.text
    assert "versie 2" in page.text and "versie 1" in page.text


def test_an_unknown_profile_is_a_404_page(client: TestClient) -> None:
    page = client.get("/profiles/nobody/dpia")
    assert page.status_code == 404 and "<html" in page.text


def test_a_linked_measure_lowers_the_residual_risk_on_save(
    client: TestClient, sessions: sessionmaker[Session], opened: DpiaDocument
) -> None:
    r1 = opened.risks[0]
    form = editor_form(opened, 1) | {
        "measure-new-description": "Behandelaar ziet geen score",
        "measure-new-owner": "Team Handhaving",
        "measure-new-status": "implemented",
        "measure-new-risks": [r1.id],
        "measure-new-lr-" + r1.id: "2",
        "measure-new-ir-" + r1.id: "1",
    }
    saved = client.post(f"{PAGE}/save", data=form, follow_redirects=False)
    assert saved.headers["location"].endswith("saved=2")
    page = client.get(saved.headers["location"])
    assert "Opgeslagen als DPIA-versie 2." in page.text
    residual = re.search(rf'data-testid="residual-{r1.id}">([^<]+)<', page.text)
    assert residual is not None
    assert residual.group(1).startswith(f"{r1.likelihood - 2}×{r1.impact - 1}")
    measure = service.get_dpia(sessions, WELFARE).document.measure("M1")
    assert measure is not None and measure.risk_ids == (r1.id,)
    assert measure.status.value == "implemented"


def test_risks_can_be_added_changed_and_deleted(
    client: TestClient, sessions: sessionmaker[Session], opened: DpiaDocument
) -> None:
    gone = opened.risks[-1].id
    form = editor_form(opened, 1) | {
        f"risk-{opened.risks[0].id}-likelihood": "1",
        f"risk-{opened.risks[0].id}-confirmed": "1",
        "risk-delete": [gone],
        "risk-new-title": "Functieverschuiving",
        "risk-new-likelihood": "3",
        "risk-new-impact": "2",
        "risk-new-justification": "Verleidelijk voor andere doelen.",
        "risk-new-confirmed": "1",
    }
    client.post(f"{PAGE}/save", data=form)
    doc = service.get_dpia(sessions, WELFARE).document
    assert doc.risks[0].likelihood == 1 and doc.risks[0].confirmed
    assert doc.risk(gone) is None
    added = doc.risks[-1]
    assert (added.id, added.title, added.confirmed, added.origin) == (
        opened.next_risk_id(),
        "Functieverschuiving",
        True,
        None,
    )


def test_invalid_input_is_refused_naming_the_field(
    client: TestClient, sessions: sessionmaker[Session], opened: DpiaDocument
) -> None:
    form = editor_form(opened, 1) | {f"risk-{opened.risks[0].id}-likelihood": "9"}
    page = client.post(f"{PAGE}/save", data=form)
    assert page.status_code == 422
    assert "risks[0].likelihood" in page.text
    assert len(service.list_versions(sessions, WELFARE)) == 1


def test_a_stale_form_is_refused_not_overwriting(
    client: TestClient, sessions: sessionmaker[Session], opened: DpiaDocument
) -> None:
    client.post(f"{PAGE}/save", data=editor_form(opened, 1) | {"section-purposes": "Eerste."})
    page = client.post(f"{PAGE}/save", data=editor_form(opened, 1) | {"section-purposes": "Oud."})
    assert page.status_code == 409
    assert 'data-testid="dpia-conflict"' in page.text
    assert service.get_dpia(sessions, WELFARE).document.section("purposes").text == "Eerste."


def test_adopting_too_early_lists_what_is_missing(client: TestClient, opened: DpiaDocument) -> None:
    page = client.post(f"{PAGE}/adopt", data={"base_version": "1"})
    assert page.status_code == 422
    refusals = page.text[page.text.index('data-testid="dpia-refusals"') :]
    for item in (
        "section.residual_risk.empty",
        "dpo_advice.missing",
        "signature.decision_owner.missing",
        f"risk.{opened.risks[0].id}.confirmed",
    ):
        assert f'data-item="{item}"' in refusals


def test_signing_before_the_advice_is_refused(client: TestClient, opened: DpiaDocument) -> None:
    page = client.post(
        f"{PAGE}/sign",
        data={
            "base_version": "1",
            "sign-role": "decision_owner",
            "sign-name": "B. Besluit",
            "sign-date": "2025-03-01",
            "sign-decision": "adopt",
        },
    )
    assert page.status_code == 422
    assert 'data-item="dpo_advice.missing"' in page.text


def test_from_prefilled_draft_to_adopted_with_forms(
    client: TestClient, sessions: sessionmaker[Session], opened: DpiaDocument
) -> None:
    client.post(
        f"{PAGE}/save",
        data=editor_form(opened, 1, complete=True)
        | {
            "measure-new-description": "Kwartaaltoets",
            "measure-new-risks": [opened.risks[0].id],
            f"measure-new-lr-{opened.risks[0].id}": "1",
        },
    )
    client.post(
        f"{PAGE}/advice",
        data={
            "base_version": "2",
            "advice-advisor": "F. Gegevens",
            "advice-date": "2025-03-01",
            "advice-text": "Akkoord met de maatregelen; raadpleeg de AP.",
        },
    )
    client.post(
        f"{PAGE}/sign",
        data={
            "base_version": "3",
            "sign-role": "decision_owner",
            "sign-name": "B. Besluit",
            "sign-date": "2025-03-02",
            "sign-decision": "adopt",
        },
    )
    client.post(
        f"{PAGE}/sign",
        data={
            "base_version": "4",
            "sign-role": "dpo",
            "sign-name": "F. Gegevens",
            "sign-date": "2025-03-02",
            "sign-decision": "advice_given",
        },
    )
    done = client.post(f"{PAGE}/adopt", data={"base_version": "5"}, follow_redirects=False)
    assert done.status_code == 303
    stored = service.get_dpia(sessions, WELFARE)
    assert (stored.version, stored.state) == (6, DpiaState.adopted)
    page = client.get(PAGE)
    assert 'data-testid="dpia-adopted"' in page.text
    assert 'data-testid="adopt-dpia"' not in page.text
    markdown = client.get(f"{PAGE}/document.md")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "DPIA-versie 6, status: vastgesteld" in markdown.text
    assert "B. Besluit" in markdown.text
    old = client.get(f"{PAGE}?version=1")
    assert 'data-testid="old-version"' in old.text and "DPIA-versie 1" in old.text
    assert client.get(f"{PAGE}?version=99").status_code == 404


@pytest.mark.slow
def test_the_pdf_download(client: TestClient, opened: DpiaDocument) -> None:
    pdf = client.get(f"{PAGE}/document.pdf?lang=en")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content[:5] == b"%PDF-"
    assert (
        'filename="dpia-welfare-fraud-risk-selection-v1-en.pdf"'
        in (pdf.headers["content-disposition"])
    )
