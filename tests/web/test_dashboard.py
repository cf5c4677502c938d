"""The privacy officer's dashboard (/dashboard, /api/v1/dashboard) and the fairness pages
and API, on real decisions, reviews, requests and audit entries."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

import fairness_world as world
from review_desk import LOW, RULES, profile_document
from sluis.assessment.service import register_and_assess
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.rights.desk import RightsDesk
from sluis.rights.intake import NewRequest, take_in
from sluis.store.tables.base import utcnow
from sluis.store.tables.gateway import AuditEventRow

Sessions = sessionmaker[Session]


def _bound(app: FastAPI, sessions: Sessions) -> Gateway:
    """The monitored allowance algorithm behind the app's own gateway."""
    register_and_assess(sessions, AlgorithmProfile.model_validate(world.monitored_document()))
    gateway: Gateway = app.state.gateway
    gateway.register_procedure(world.PROFILE, world.FINAL, RULES)
    gateway.register_procedure(world.PROFILE, world.PENDING, RULES)
    return gateway


@pytest.fixture
def gateway(app: FastAPI, sessions: Sessions) -> Gateway:
    return _bound(app, sessions)


def _board(client: TestClient) -> dict:
    response = client.get("/api/v1/dashboard")
    assert response.status_code == 200
    return response.json()


def test_an_empty_installation_shows_every_tile(client: TestClient) -> None:
    page = client.get("/dashboard?lang=en")
    assert page.status_code == 200
    for tile in ("algorithms", "review", "rights", "fairness", "chain", "retention"):
        assert f'data-testid="tile-{tile}"' in page.text
    assert 'data-chain-state="unverified"' in page.text
    board = _board(client)
    assert board["totals"]["decisions"] == 0 and board["algorithms"] == []
    assert board["audit_chain"]["state"] == "unverified"


def test_the_counts_come_from_the_records(
    client: TestClient, gateway: Gateway, app: FastAPI
) -> None:
    world.decide_and_label(gateway, 300, seed=1)
    world.decide_and_label(gateway, 40, seed=2, decision=world.PENDING)
    desk = RightsDesk(gateway, app.state.settings)
    decision = gateway.decide(world.PROFILE, world.FINAL, "p-1", LOW)
    today = utcnow().date()
    for days_ago in (60, 29, 3):
        take_in(
            desk,
            NewRequest(
                kind="objection",
                channel="letter",
                reference=decision.decision_uuid,
                message="Zie mijn brief.",
                received_on=today - timedelta(days=days_ago),
            ),
            identity_checked=True,
        )
    board = _board(client)
    tile = board["algorithms"][0]
    assert tile["profile_id"] == world.PROFILE
    assert tile["decisions"] == {"total": 341, "final": 301, "pending_review": 40}
    assert tile["review"]["open"] == 40 and tile["review"]["overdue"] == 0
    assert tile["art22_verdict"] == "allowed_with_safeguards"
    assert tile["dpia_required"] == "required" and tile["dpia_missing"] is True
    assert board["rights"]["open"] == 3
    assert (board["rights"]["overdue"], board["rights"]["due_soon"]) == (1, 1)
    assert board["totals"]["requests_overdue"] == 1
    page = client.get("/dashboard?lang=nl")
    assert 'data-testid="dpia-missing"' in page.text
    assert f'href="/review/{world.PROFILE}?lang=nl"' in page.text
    assert 'href="/rights?view=overdue&lang=nl"' in page.text
    assert page.text.count("<svg") == 5


def test_fairness_alerts_show_after_a_refresh_and_go_stale_with_new_decisions(
    client: TestClient, gateway: Gateway
) -> None:
    world.decide_and_label(gateway, 3000, seed=1, granted={"non-EU": 0.3})
    assert _board(client)["algorithms"][0]["fairness"] is None
    refreshed = client.post("/api/v1/dashboard/refresh")
    assert refreshed.json() == {"snapshots": [world.PROFILE], "audit_chain_ok": True}
    fairness = _board(client)["algorithms"][0]["fairness"]
    assert fairness["alerts_high"] >= 1 and fairness["stale"] is False
    assert any(a["group"] == "non-EU" for a in fairness["alerts"])
    page = client.get("/dashboard?lang=en")
    assert "Group &#39;non-EU&#39; (origin)" in page.text
    assert f'href="/fairness/{world.PROFILE}?lang=en"' in page.text
    world.decide_and_label(gateway, 10, seed=2)
    assert _board(client)["algorithms"][0]["fairness"]["stale"] is True


def test_the_audit_chain_tile_tells_verified_behind_and_broken_apart(
    client: TestClient, gateway: Gateway, sessions: Sessions
) -> None:
    world.decide_and_label(gateway, 20, seed=1)
    client.post("/api/v1/dashboard/refresh")
    chain = _board(client)["audit_chain"]
    assert chain["state"] == "verified" and chain["last_check"]["ok"] is True
    world.decide_and_label(gateway, 5, seed=2)
    chain = _board(client)["audit_chain"]
    assert chain["state"] == "behind" and chain["appended_since_check"] == 2
    with sessions.begin() as session:  # someone edits an entry behind Sluis's back
        session.execute(
            update(AuditEventRow).where(AuditEventRow.seq == 2).values(details={"rows": 1})
        )
    client.post("/api/v1/dashboard/refresh")
    chain = _board(client)["audit_chain"]
    assert chain["state"] == "broken" and chain["last_check"]["first_broken_seq"] == 2
    assert 'data-chain-state="broken"' in client.get("/dashboard").text


def test_labels_and_ground_truth_through_the_api(client: TestClient, gateway: Gateway) -> None:
    labelled = world.decide_and_label(gateway, 3, seed=1)
    first, second = labelled["decision"][0], labelled["decision"][1]
    bad = client.post(
        f"/api/v1/fairness/{world.PROFILE}/attributes",
        json={
            "items": [
                {"decision": first, "attributes": {"origin": "Atlantis"}},
                {"decision": "nope", "attributes": {"age_band": "35-64"}},
            ]
        },
    )
    assert bad.status_code == 422
    assert {(p["field"], p["rule"]) for p in bad.json()["detail"]["problems"]} == {
        ("items[0].attributes.origin", "group_unknown"),
        ("items[1].decision", "uuid"),
    }
    assert "Atlantis" not in bad.text
    good = client.post(
        f"/api/v1/fairness/{world.PROFILE}/attributes",
        json={"items": [{"decision": first, "attributes": {"origin": "EU", "age_band": None}}]},
    )
    assert good.json() == {"algorithm": world.PROFILE, "recorded": 1}
    truth = client.post(
        f"/api/v1/fairness/{world.PROFILE}/ground-truth",
        json={"items": [{"decision": second, "deserved_favourable": False, "source": "guess"}]},
    )
    assert truth.status_code == 422
    assert [p["field"] for p in truth.json()["detail"]["problems"]] == ["items.0.source"]
    unknown = client.post(
        "/api/v1/fairness/nobody/ground-truth",
        json={"items": [{"decision": second, "deserved_favourable": True, "source": "objection"}]},
    )
    assert unknown.status_code == 404


def test_the_fairness_result_is_computed_once_and_then_read(
    client: TestClient, gateway: Gateway
) -> None:
    world.decide_and_label(gateway, 500, seed=1)
    first = client.get(f"/api/v1/fairness/{world.PROFILE}").json()
    again = client.get(f"/api/v1/fairness/{world.PROFILE}").json()
    assert again["snapshot"] == first["snapshot"] and first["totals"]["decisions"] == 500
    fresh = client.get(f"/api/v1/fairness/{world.PROFILE}?refresh=true").json()
    assert fresh["snapshot"] != first["snapshot"]
    assert client.get("/api/v1/fairness/nobody").status_code == 404


def test_the_fairness_page_computes_and_offers_the_report(
    client: TestClient, gateway: Gateway
) -> None:
    world.decide_and_label(gateway, 3000, seed=1, granted={"non-EU": 0.3})
    before = client.get(f"/fairness/{world.PROFILE}?lang=en")
    assert 'data-testid="no-snapshot"' in before.text
    done = client.post(f"/fairness/{world.PROFILE}/refresh?lang=en", follow_redirects=False)
    assert done.status_code == 303
    page = client.get(f"/fairness/{world.PROFILE}?lang=en")
    assert 'data-testid="fairness-report"' in page.text and "non-EU" in page.text
    pdf = client.get(f"/fairness/{world.PROFILE}/report.pdf?lang=nl")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:4] == b"%PDF"
    markdown = client.get(f"/fairness/{world.PROFILE}/report.md?lang=nl")
    assert "# Eerlijkheidsmonitoring" in markdown.text


def test_an_algorithm_without_monitoring_says_why(client: TestClient, sessions: Sessions) -> None:
    register_and_assess(sessions, AlgorithmProfile.model_validate(profile_document()))
    refused = client.post(f"/fairness/{world.PROFILE}/refresh?lang=en")
    assert refused.status_code == 422
    assert "not_declared" in refused.text


# -- in a real browser -----------------------------------------------------------------------


@pytest.mark.browser
def test_the_privacy_officer_reads_the_dashboard_and_follows_an_alert(
    page: Page, live_server: object, tmp_path: Path
) -> None:
    sessions = live_server.sessions  # type: ignore[attr-defined]
    gateway = world.set_up(sessions, tmp_path / "world")
    world.decide_and_label(gateway, 3000, seed=1, granted={"non-EU": 0.3})
    world.decide_and_label(gateway, 30, seed=2, decision=world.PENDING)
    page.goto("/dashboard")
    expect(page.get_by_role("heading", name="Dashboard van de privacy officer")).to_be_visible()
    expect(page.locator('[data-total="decisions"] strong')).to_have_text("3030")
    expect(page.locator('[data-total="review_open"] strong')).to_have_text("30")
    expect(page.get_by_test_id("tile-fairness")).to_contain_text("Nog niet berekend")
    page.get_by_test_id("refresh").click()
    expect(page.get_by_test_id("refreshed")).to_be_visible()
    expect(page.locator("[data-chain-state]")).to_have_attribute("data-chain-state", "verified")
    fairness = page.get_by_test_id("tile-fairness")
    expect(fairness).to_contain_text("Groep 'non-EU' (origin)")
    fairness.get_by_role("link", name="Energietoeslag").click()
    expect(page.get_by_test_id("fairness-report")).to_be_visible()
    expect(page.locator("[data-alert]").first).to_contain_text("non-EU")
    page.get_by_test_id("switch-language").click()
    expect(
        page.get_by_role("heading", name="Fairness monitoring: Energietoeslag (allowance)")
    ).to_be_visible()
