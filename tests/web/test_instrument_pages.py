"""The questionnaire pages: list per algorithm, a part as a form with every task type, saving
(with the definition's conditions and the interim results re-evaluated), repeatable groups,
errors linked to their fields, the live preview, completion and the downloads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.instruments import service
from sluis.instruments.rules import evaluate_assessments
from sluis.profiles.validation import parse_profile_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BANK = "bank-online-credit"


@pytest.fixture
def sources(shared_data: Path) -> Path:
    return shared_data / "par-dpia-form" / "sources"


@pytest.fixture
def world(sessions: sessionmaker[Session], sources: Path) -> dict[str, Any]:
    profile = parse_profile_text((EXAMPLES / f"{BANK}.yaml").read_text(encoding="utf-8"))
    register_and_assess(sessions, profile)
    for name in ("prescan", "dpia", "iama"):
        service.import_definition(sessions, sources / f"{name}.yaml")
    prescan = service.open_instance(sessions, BANK, "urn:nl:prescan")
    return {"prescan": prescan, "base": f"/profiles/{BANK}/instruments/{prescan.id}"}


def _form(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.text


def test_the_list_shows_every_imported_instrument_and_opens_one(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    page = _form(client, f"/profiles/{BANK}/instruments")
    assert 'data-testid="open-prescan"' in page
    assert 'data-testid="start-dpia"' in page and 'data-testid="start-iama"' in page
    response = client.post(
        f"/profiles/{BANK}/instruments/open",
        data={"urn": "urn:nl:iama", "version": "2.0"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert re.fullmatch(rf"/profiles/{BANK}/instruments/\d+\?lang=nl", response.headers["location"])
    assert 'data-testid="open-iama"' in _form(client, f"/profiles/{BANK}/instruments")


def test_a_part_renders_its_questions_with_labels_fieldsets_and_hidden_follow_ups(
    client: TestClient, world: dict[str, Any]
) -> None:
    page = _form(client, world["base"] + "?part=0")
    # a select, radios in a fieldset with a legend, a textarea, checkboxes of a group
    assert '<select id="q-0-4" name="q:0.4"' in page
    assert re.search(r'<fieldset id="q-0-1" class="in-choices"[^>]*>\s*<legend>0.1 Scope', page)
    assert '<label for="q-0-2">0.2 Beschrijving van de verwerking</label>' in page
    assert '<textarea id="q-0-2" name="q:0.2"' in page
    # 0.5.2 only shows when cloud is used: rendered hidden, with its condition for the script
    follow_up = re.search(r'<div class="in-question[^"]*" data-task="0.5.2"[^>]*>', page).group(0)
    assert " hidden" in follow_up and "data-conditions=" in follow_up
    # links in descriptions survive, other markup does not
    assert 'rel="noopener noreferrer"' in page
    assert "<script" not in page.split("</head>")[1].replace(
        '<script src="/static/instruments.js" defer></script>', ""
    )


def test_saving_keeps_other_parts_reevaluates_visibility_and_the_verdict(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    base = world["base"]
    response = client.post(
        base + "/save",
        data={"part": "0", "base_version": "1", "q:0.1": "true", "q:0.5.1": "true"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = _form(client, response.headers["location"])
    assert 'data-testid="instrument-saved"' in page
    follow_up = re.search(r'<div class="in-question[^"]*" data-task="0.5.2"[^>]*>', page).group(0)
    assert " hidden" not in follow_up
    stored = service.get_instance(sessions, world["prescan"].id)
    assert stored.answers["0.1"] is True
    expected = evaluate_assessments(stored.definition, stored.answers).get("DPIA")
    assert expected.level == "required"
    panel = re.search(
        r'<li class="in-level-required" data-testid="verdict-DPIA".*?</li>\s*</ul>', page, re.S
    )
    assert panel and "DPIA verplicht" in panel.group(0)
    assert "er sprake is van nieuwe wet- of regelgeving" in panel.group(0)
    # the comparison with our own assessment (the bank's DPIA is required there too)
    assert 'data-testid="comparison" data-agree="true"' in page


def test_prefilled_answers_are_marked_with_their_source(
    client: TestClient, world: dict[str, Any]
) -> None:
    stored = world["prescan"]
    prefilled = [k for k, m in stored.record.meta.items() if m.prefill is not None]
    assert prefilled, "the bank's profile prefills some of the pre-scan"
    key = prefilled[0]
    top = stored.definition.ancestors(key)[-1].id
    page = _form(client, world["base"] + f"?part={top}")
    assert f'data-testid="prefill-{key}"' in page
    assert "Vooraf ingevuld door Sluis uit" in page


def test_bad_answers_are_refused_with_a_summary_linked_to_the_fields(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    response = client.post(
        world["base"] + "/save",
        data={"part": "0", "base_version": "1", "q:0.4": "Geen rechtsgrond"},
    )
    assert response.status_code == 422
    assert 'data-testid="instrument-errors"' in response.text
    assert 'href="#q-0-4"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert service.get_instance(sessions, world["prescan"].id).version == 1


def test_a_stale_form_is_refused_not_overwritten(client: TestClient, world: dict[str, Any]) -> None:
    data = {"part": "0", "base_version": "1", "q:0.2": "eerste"}
    assert (
        client.post(world["base"] + "/save", data=data, follow_redirects=False).status_code == 303
    )
    again = client.post(world["base"] + "/save", data={**data, "q:0.2": "tweede"})
    assert again.status_code == 409
    assert 'data-testid="instrument-conflict"' in again.text


def test_repeatable_groups_add_and_remove_elements(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    dpia = service.open_instance(sessions, BANK, "urn:nl:dpia")
    base = f"/profiles/{BANK}/instruments/{dpia.id}"

    def post(data: dict[str, Any]) -> str:
        version = str(service.get_instance(sessions, dpia.id).version)
        response = client.post(
            base + "/save",
            data={"part": "3", "base_version": version, **data},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return response.headers["location"]

    location = post({"action": "add:3.1"})
    assert location.endswith("#q-3-1-0")
    page = _form(client, location)
    assert 'name="q:3.1[0].3.1.1"' in page and 'name="e:3.1[0]"' in page
    post({"e:3.1[0]": "1", "q:3.1[0].3.1.1": "Aanvraag beoordelen", "action": "add:3.1"})
    answers = service.get_instance(sessions, dpia.id).answers
    assert answers["3.1"] == [{"_index": 0, "3.1.1": "Aanvraag beoordelen"}, {"_index": 1}]
    post(
        {
            "e:3.1[0]": "1",
            "q:3.1[0].3.1.1": "Aanvraag beoordelen",
            "e:3.1[1]": "1",
            "action": "remove:3.1[0]",
        }
    )
    assert service.get_instance(sessions, dpia.id).answers["3.1"] == [{"_index": 1}]


def test_the_preview_gives_the_interim_results_for_unsaved_answers(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    response = client.post(
        world["base"] + "/preview", data={"part": "3", "q:3.1": ["Lijst AP: Profilering"]}
    )
    assert response.status_code == 200
    assert 'data-testid="interim-live"' in response.text
    assert 'data-testid="verdict-DPIA" data-level="required"' in response.text
    assert 'data-criterion="aplist"' in response.text
    assert service.get_instance(sessions, world["prescan"].id).version == 1


def test_a_part_is_marked_completed_and_unmarked(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    client.post(world["base"] + "/complete", data={"part": "2", "base_version": "1"})
    assert service.get_instance(sessions, world["prescan"].id).record.completed == ("2",)
    client.post(world["base"] + "/complete", data={"part": "2", "base_version": "2"})
    assert service.get_instance(sessions, world["prescan"].id).record.completed == ()


def test_downloads(client: TestClient, world: dict[str, Any]) -> None:
    exported = client.get(world["base"] + "/export.json")
    assert exported.status_code == 200
    assert json.loads(exported.text)["metadata"]["urn"] == "urn:nl:prescan:2.0"
    markdown = client.get(world["base"] + "/export.md")
    assert markdown.status_code == 200 and "# " in markdown.text


@pytest.mark.slow
def test_pdf_download(client: TestClient, world: dict[str, Any]) -> None:
    pdf = client.get(world["base"] + "/export.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_an_instrument_is_only_reached_under_its_own_algorithm(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    other = parse_profile_text((EXAMPLES / "speeding-fine.yaml").read_text(encoding="utf-8"))
    register_and_assess(sessions, other)
    response = client.get(f"/profiles/speeding-fine/instruments/{world['prescan'].id}")
    assert response.status_code == 404
    assert client.get(f"/profiles/{BANK}/instruments/99999").status_code == 404


def test_pages_in_english(client: TestClient, world: dict[str, Any]) -> None:
    page = _form(client, world["base"] + "?part=3&lang=en")
    assert "Interim results" in page and "Save" in page


def test_the_page_explains_the_definition_and_shows_both_readings_when_they_differ(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    instance = world["prescan"].id
    answers = {
        "1.4.1": [
            "Categorie betrokkenen: Kinderen jonger dan 16 jaar",
            "Categorie betrokkenen: Andere kwetsbare groepen (gehandicapten, minderheden, etc.)",
        ],
        "1.5.1": True,
        "1.5.3": "Continu",
        "1.5.4": "Aantal jaren",
    }
    service.save_answers(sessions, instance, answers)
    page = _form(client, world["base"] + "?part=1&lang=en")
    about = re.search(
        r'<details class="in-about" data-testid="definition-notes">.*?</details>', page, re.S
    )
    assert about is not None and "About this definition (6)" in about.group(0)
    assert 'data-code="unprefixed_weights"' in about.group(0)
    readings = re.search(r'<section class="in-readings".*?</section>', page, re.S).group(0)
    assert re.search(
        r'data-testid="reading-DPIA" class="in-differs">.*?as_published">not needed<.*?'
        r'as_intended">required<',
        readings,
        re.S,
    )
    assert "Score &#39;betrokkenen&#39;: 0 as published, 2 as intended." in readings
    # the verdict shown first is the published one
    assert 'data-testid="verdict-DPIA" data-level="none"' in page

    service.save_answers(sessions, instance, {"0.1": True})
    page = _form(client, world["base"] + "?part=0")
    assert 'data-testid="readings"' not in page
    assert 'data-testid="definition-notes"' in page  # the notes stay: they are the definition's


def test_a_definition_without_notes_has_no_about_box(
    client: TestClient, world: dict[str, Any], sessions
) -> None:
    dpia = service.open_instance(sessions, BANK, "urn:nl:dpia")
    page = _form(client, f"/profiles/{BANK}/instruments/{dpia.id}")
    assert 'data-testid="definition-notes"' not in page
