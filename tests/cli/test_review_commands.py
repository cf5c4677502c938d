"""``sluis review metrics`` and ``sluis review report`` end to end: decisions through the
gateway, reviews through the review desk, metrics and the report from the database."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from sluis.assessment.service import register_and_assess
from sluis.cli.main import app
from sluis.gateway.crypto import KeyRing
from sluis.gateway.procedures import RuleContext, RuleProcedure
from sluis.gateway.service import Gateway
from sluis.profiles.model import AlgorithmProfile
from sluis.review import service as desk
from sluis.review.facts import OpenedItem
from sluis.settings import Settings

Sessions = sessionmaker[Session]
runner = CliRunner()
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
PROFILE = "allowance-review"


def profile() -> AlgorithmProfile:
    return AlgorithmProfile.model_validate(
        {
            "id": PROFILE,
            "name": "Energietoeslag",
            "controller": {"name": "Gemeente Voorbeeld", "administrative_body": True},
            "legal_basis": {"article6": "public_task", "law": "Verordening energietoeslag"},
            "data_fields": [
                {"name": "income", "type": "number", "category": "income", "minimum": 0},
            ],
            "decisions": [
                {
                    "id": "assess",
                    "description": "Proposal for a case worker",
                    "effect": "legal",
                    "human_involvement": "meaningful",
                    "human_stage": "before_effect",
                    "profiling": False,
                    "bound_power": False,
                    "necessity": "public_task",
                    "outcomes": [
                        {"value": "granted", "favourable": True},
                        {"value": "refused", "favourable": False},
                    ],
                }
            ],
        }
    )


def rules(ctx: RuleContext) -> str:
    low = ctx.check("low_income", ctx["income"] <= 900, "Verordening energietoeslag art. 3")
    return "granted" if low else "refused"


@pytest.fixture
def reviewed(
    database_url_migrated: str,
    sessions: Sessions,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Sessions:
    """anna confirms five proposals and overrides none in 8 s each, opening only the data;
    bram reviews one a month later in 90 s, overriding it. The policy lowers the minimums
    to five decisions so the small history can be judged."""
    monkeypatch.setenv("SLUIS_DATABASE_URL", database_url_migrated)
    register_and_assess(sessions, profile())
    gateway = Gateway(sessions, Settings(data_dir=tmp_path), key_ring=KeyRing(bytes(range(32))))
    gateway.register_procedure(PROFILE, "assess", RuleProcedure(rules, "allowance"))
    for reviewer in ("anna", "bram"):
        desk.add_reviewer(sessions, reviewer, reviewer.title())
        desk.authorise(sessions, reviewer, PROFILE)
    desk.set_policy(
        sessions,
        PROFILE,
        thresholds={
            "min_decisions_for_agreement": 5,
            "min_decisions_for_time": 5,
            "min_decisions_for_opened": 5,
        },
    )
    plan = [("anna", T0 + timedelta(hours=i), 8, "confirm") for i in range(5)]
    plan.append(("bram", T0 + timedelta(days=31), 90, "override"))
    for reviewer, when, seconds, action in plan:
        proposal = gateway.decide(PROFILE, "assess", "123456782", {"income": 2000.0})
        assert proposal.status == "pending_review"
        case = desk.claim_next(sessions, reviewer, PROFILE, now=when)
        assert case is not None
        desk.record_opened(sessions, reviewer, case.id, OpenedItem.inputs)
        outcome = "granted" if action == "override" else None
        desk.decide(
            gateway,
            reviewer,
            case.id,
            action,
            outcome,
            "Weighed the income statement.",
            now=when + timedelta(seconds=seconds),
        )
    return sessions


def invoke(*args: str) -> Any:
    return runner.invoke(app, ["review", *args])


def test_metrics_as_json_count_what_was_reviewed(reviewed: Sessions) -> None:
    result = invoke("metrics", PROFILE, "--by", "reviewer", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    overall, anna, bram = data["metrics"]
    assert overall["scope"] == {"algorithm": f"{PROFILE}:assess"}
    assert overall["agreement"]["count"] == 5 and overall["agreement"]["total"] == 6
    assert overall["overrides"]["to_favourable"] == 1
    assert anna["scope"]["reviewer"] == "anna" and anna["time"]["median"] == pytest.approx(8)
    assert anna["opened"]["inputs"]["rate"] == 1 and anna["opened"]["explanation"]["rate"] == 0
    assert bram["agreement"]["count"] == 0
    anna_alerts = {a["key"] for a in data["alerts"] if a["scope"].get("reviewer") == "anna"}
    assert anna_alerts == {
        "agreement_high",
        "median_time_low",
        "fast_share_high",
        "opened_low.explanation",
    }
    assert any(t["scope"].get("reviewer") == "bram" for t in data["too_few"])


def test_metrics_by_month_and_a_period(reviewed: Sessions) -> None:
    result = invoke("metrics", f"{PROFILE}:assess", "--by", "month", "--json")
    months = [m["scope"].get("month") for m in json.loads(result.stdout)["metrics"]]
    assert months == [None, "2025-03", "2025-04"]
    april = invoke("metrics", PROFILE, "--since", "2025-04-01", "--json")
    (only,) = json.loads(april.stdout)["metrics"]
    assert only["decisions"] == 1


def test_metrics_as_a_table_with_alerts(reviewed: Sessions) -> None:
    result = invoke("metrics", PROFILE, "--by", "reviewer", "--lang", "en")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "anna" in out and "100%" in out
    assert "Agreement with the model too high" in out


def test_report_markdown_for_one_algorithm(reviewed: Sessions) -> None:
    result = invoke("report", PROFILE, "--lang", "en")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith(f"# Human involvement report: {PROFILE}")
    assert "**Signs of rubber-stamping**" in text
    assert "| anna | 5 | 5 | **100% (5/5)** ⚠ |" in text
    assert "from 5 decisions" in text  # the policy's own minimum


@pytest.mark.slow
def test_report_pdf_for_every_algorithm(reviewed: Sessions, tmp_path: Path) -> None:
    target = tmp_path / "review.pdf"
    result = invoke("report", "--all", "-f", "pdf", "-o", str(target), "--lang", "nl")
    assert result.exit_code == 0, result.output
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(target.read_bytes())).pages
    )
    assert "Rapportage menselijke tussenkomst: Alle algoritmes" in text
    assert "Tekenen van afstempelen" in text and "Te vaak eens met het model" in text


def test_bad_requests_exit_2_and_unknown_algorithms_1(reviewed: Sessions) -> None:
    assert invoke("report").exit_code == 2
    assert invoke("report", PROFILE, "--all").exit_code == 2
    assert invoke("report", PROFILE, "-f", "pdf").exit_code == 2
    late = invoke("report", PROFILE, "--since", "2025-05-01", "--until", "2025-04-01")
    assert late.exit_code == 2 and "since" in late.stderr
    assert invoke("report", "nobody").exit_code == 1
    assert invoke("metrics", "nobody").exit_code == 1
