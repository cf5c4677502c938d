"""The Algoritmekader in the web app (SQLite and PostgreSQL): the overview of what is
imported, a profile's checklist with its forms, and the JSON API."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from kader_mini import write_mini
from sluis.assessment.service import register_and_assess
from sluis.kader.service import import_folder
from sluis.profiles.validation import validate_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WELFARE = "welfare-fraud-risk-selection"
HUMAN_INTERVENTION = "urn:nl:ak:mtr:imp-03"
PROVIDER_MEASURE = "urn:nl:ak:mtr:dat-07"


@pytest.fixture
def kader(sessions: sessionmaker[Session], tmp_path: Path) -> Path:
    """The miniature framework imported twice (the second time with one title changed),
    and the welfare example registered."""
    folder = tmp_path / "kader"
    write_mini(folder)
    import_folder(sessions, folder, source="mini v1")
    org01 = folder / "maatregelen" / "0-org-01-expertise.md"
    org01.write_text(org01.read_text().replace("Genoeg experts", "Voldoende experts"))
    (folder / "maatregelen" / "kapot.md").write_text("geen front matter")
    import_folder(sessions, folder, source="mini v2")
    document = yaml.safe_load((EXAMPLES / f"{WELFARE}.yaml").read_text(encoding="utf-8"))
    register_and_assess(sessions, validate_profile(document))
    return folder


def test_the_overview_before_any_import_says_how_to_import(client: TestClient) -> None:
    page = client.get("/kader?lang=en")
    assert page.status_code == 200
    assert "No Algoritmekader imported yet" in page.text


def test_the_overview_shows_the_last_import_and_its_changes(
    client: TestClient, kader: Path
) -> None:
    page = client.get("/kader?lang=en")
    assert page.status_code == 200
    assert "mini v2" in page.text
    assert "3 requirements, 3 measures" in page.text
    assert "0 added, 1 changed, 5 unchanged, 0 removed" in page.text
    assert "Voldoende experts" in page.text  # the changed item, by its new title
    assert "maatregelen/kapot.md" in page.text and "skipped" in page.text
    assert f"/profiles/{WELFARE}/kader" in page.text
    dutch = client.get("/kader?lang=nl")
    assert "Laatste import" in dutch.text and "gewijzigd" in dutch.text


def test_the_checklist_shows_why_requirements_apply_and_the_assessment(
    client: TestClient, kader: Path
) -> None:
    page = client.get(f"/profiles/{WELFARE}/kader?lang=en")
    assert page.status_code == 200
    text = page.text
    assert "Generated from profile" in text and f"<code>{WELFARE}</code></a>, version 1" in text
    assert 'data-testid="requirement-avg-10"' in text
    assert 'data-testid="requirement-aia-21"' in text
    assert 'data-testid="requirement-aia-03"' not in text  # a provider's duty
    assert "Applies from the design phase" in text
    assert "According to Sluis&#39;s assessment" in text and "assessment.art22.verdict" in text
    assert 'data-testid="measure-imp-03"' in text and 'data-testid="measure-org-01"' in text
    assert 'data-testid="measure-dat-07"' not in text
    assert "Requirements that do not apply (1)" in text
    assert client.get("/profiles/nobody/kader").status_code == 404


def test_the_status_form_saves_and_the_filter_shows_it(client: TestClient, kader: Path) -> None:
    response = client.post(
        f"/profiles/{WELFARE}/kader/measures/{HUMAN_INTERVENTION}?lang=en",
        data={
            "status": "in_progress",
            "owner": "Team Art22",
            "notes": "Werkinstructie",
            "reason": "",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith("#m-imp-03")
    page = client.get(response.headers["location"])
    assert "Saved" in page.text and 'value="Team Art22"' in page.text
    filtered = client.get(f"/profiles/{WELFARE}/kader?lang=en&status=in_progress")
    assert 'data-testid="measure-imp-03"' in filtered.text
    assert 'data-testid="measure-org-01"' not in filtered.text
    assert 'data-testid="count-in_progress">in progress: 1' in filtered.text


def test_not_applicable_without_a_reason_is_refused_on_the_page(
    client: TestClient, kader: Path
) -> None:
    response = client.post(
        f"/profiles/{WELFARE}/kader/measures/{HUMAN_INTERVENTION}?lang=en",
        data={"status": "not_applicable", "owner": "", "notes": "", "reason": ""},
    )
    assert response.status_code == 422
    assert "required_for_not_applicable" in response.text and "<code>reason</code>" in response.text
    json = client.get(f"/api/v1/profiles/{WELFARE}/kader").json()
    assert json["counts"]["not_applicable"] == 0


def test_evidence_upload_on_the_page_and_download(client: TestClient, kader: Path) -> None:
    response = client.post(
        f"/profiles/{WELFARE}/kader/measures/{HUMAN_INTERVENTION}/evidence?lang=en",
        files={"file": ("../werkinstructie.txt", b"stap 1: toets", "text/plain")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = client.get(f"/profiles/{WELFARE}/kader?lang=en")
    assert "werkinstructie.txt" in page.text
    checklist = client.get(f"/api/v1/profiles/{WELFARE}/kader").json()
    (evidence,) = next(m for m in checklist["measures"] if m["urn"] == HUMAN_INTERVENTION)[
        "evidence"
    ]
    download = client.get(evidence["download"])
    assert download.status_code == 200 and download.content == b"stap 1: toets"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert download.headers["x-content-type-options"] == "nosniff"
    empty = client.post(
        f"/profiles/{WELFARE}/kader/measures/{HUMAN_INTERVENTION}/evidence?lang=en",
        files={"file": ("leeg.txt", b"", "text/plain")},
    )
    assert empty.status_code == 422 and "not_empty" in empty.text


# --- JSON API -----------------------------------------------------------------------------


def test_api_lists_items_and_imports(client: TestClient, kader: Path) -> None:
    items = client.get("/api/v1/kader/items").json()
    assert [i["urn"] for i in items] == sorted(i["urn"] for i in items)
    assert len(items) == 6
    measures = client.get("/api/v1/kader/items", params={"kind": "measure"}).json()
    assert {m["code"] for m in measures} == {"imp-03", "org-01", "dat-07"}
    imp03 = next(m for m in measures if m["code"] == "imp-03")
    assert imp03["requirement_codes"] == ["avg-10", "aia-21"]
    assert imp03["facets"]["lifecycle_phases"] == ["implementation"]
    latest = client.get("/api/v1/kader/imports/latest").json()
    assert latest["source"] == "mini v2" and latest["counts"]["changed"] == 1
    assert [c["code"] for c in latest["changes"]] == ["org-01"]
    assert len(client.get("/api/v1/kader/imports").json()) == 2


def test_api_status_put_validates_and_keeps_what_is_left_out(
    client: TestClient, kader: Path
) -> None:
    url = f"/api/v1/profiles/{WELFARE}/kader/measures/{HUMAN_INTERVENTION}"
    saved = client.put(url, json={"status": "done", "owner": "Team", "by": "fg"})
    assert saved.status_code == 200
    assert saved.json()["status"] == "done" and saved.json()["updated_by"] == "fg"
    kept = client.put(url, json={"status": "in_progress"}).json()
    assert kept["owner"] == "Team"
    refused = client.put(url, json={"status": "not_applicable"})
    assert refused.status_code == 422
    assert refused.json()["detail"]["errors"] == [
        {
            "loc": "reason",
            "rule": "required_for_not_applicable",
            "message": "say why the measure does not apply when marking it not_applicable",
        }
    ]
    provider = client.put(
        f"/api/v1/profiles/{WELFARE}/kader/measures/{PROVIDER_MEASURE}", json={"status": "done"}
    )
    assert provider.status_code == 422
    assert provider.json()["detail"]["errors"][0]["rule"] == "not_applicable_to_profile"
    unknown = client.put(
        "/api/v1/profiles/nobody/kader/measures/urn:nl:ak:mtr:imp-03", json={"status": "done"}
    )
    assert unknown.status_code == 404


def test_api_evidence_upload_round_trip(client: TestClient, kader: Path, tmp_path: Path) -> None:
    url = f"/api/v1/profiles/{WELFARE}/kader/measures/{HUMAN_INTERVENTION}/evidence"
    created = client.post(url, files={"file": ("besluit.pdf", b"%PDF-1.4", "application/pdf")})
    assert created.status_code == 201, created.text
    info = created.json()
    assert (info["filename"], info["size"], info["media_type"]) == (
        "besluit.pdf",
        8,
        "application/pdf",
    )
    assert (tmp_path / "evidence" / WELFARE / info["sha256"]).read_bytes() == b"%PDF-1.4"
    again = client.post(url, files={"file": ("besluit.pdf", b"%PDF-1.4", "application/pdf")})
    assert again.status_code == 200 and again.json()["id"] == info["id"]
    assert client.get(info["download"]).content == b"%PDF-1.4"
    other = client.get(f"/api/v1/profiles/someone-else/kader/evidence/{info['id']}")
    assert other.status_code == 404
