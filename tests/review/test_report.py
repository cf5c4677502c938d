"""The human-involvement report: built from constructed histories, rendered as Markdown,
HTML and (slow) PDF in both languages, with the numbers the histories were built to give."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from review_histories import DECISION, PROFILE, T0, control, fact, reviewer_history
from sluis.profiles.model import HumanInvolvement, HumanStage
from sluis.profiles.validation import parse_profile_text
from sluis.review.alerts import AlertCode
from sluis.review.facts import CaseKind, ReviewFact
from sluis.review.involvement import (
    DeclaredDecision,
    MeasuredInvolvement,
    declared_decisions,
    worth_reporting,
)
from sluis.review.report import (
    HumanInvolvementReport,
    Period,
    build_report,
    render_html,
    render_markdown,
    render_pdf,
)
from sluis.review.thresholds import AlertSettings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WHEN = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
ALGORITHM = f"{PROFILE}:{DECISION}"


@pytest.fixture
def declared() -> list[DeclaredDecision]:
    profile = parse_profile_text((EXAMPLES / f"{PROFILE}.yaml").read_text(encoding="utf-8"))
    return declared_decisions(profile, version=3)


def rubber_stamp_history() -> list[ReviewFact]:
    """anna agrees 199/200 in 8 s; bram overrides 30% in 90 s; carla decided 5 cases;
    anna caught 3 of 4 planted errors."""
    return [
        *reviewer_history("anna", decisions=200, overrides=1, seconds=8, group="north"),
        *reviewer_history("bram", decisions=200, overrides=60, seconds=90, group="south"),
        *reviewer_history("carla", decisions=5, overrides=1, start=T0 + timedelta(days=31)),
        *(control("anna", caught=True) for _ in range(3)),
        control("anna", caught=False),
    ]


def careful_history() -> list[ReviewFact]:
    return reviewer_history("bram", decisions=200, overrides=60, seconds=90)


def report_of(
    facts: list[ReviewFact], declared: list[DeclaredDecision], **kwargs: object
) -> HumanInvolvementReport:
    return build_report(facts, declared, generated_at=WHEN, profile_id=PROFILE, **kwargs)  # type: ignore[arg-type]


def test_the_example_profile_declares_meaningful_review_before_effect(
    declared: list[DeclaredDecision],
) -> None:
    (decision,) = declared
    assert decision.algorithm == ALGORITHM
    assert decision.human_involvement is HumanInvolvement.meaningful
    assert decision.human_stage is HumanStage.before_effect
    assert decision.profile_version == 3


def test_rubber_stamping_contradicts_the_declared_meaningful_review(
    declared: list[DeclaredDecision],
) -> None:
    report = report_of(rubber_stamp_history(), declared)
    (section,) = report.decisions
    assert section.measured is MeasuredInvolvement.warning_signs
    assert [n.id for n in section.notes] == ["declared_meaningful_but_warning_signs"]
    anna = [a for a in section.evaluation.alerts if a.scope.key().endswith("reviewer=anna")]
    assert {a.key for a in anna} == {"agreement_high", "median_time_low", "fast_share_high"}
    assert not any(a.scope.key().endswith("reviewer=bram") for a in section.evaluation.alerts)
    carla = [t for t in section.evaluation.too_few if t.scope.key().endswith("reviewer=carla")]
    assert {t.key for t in carla} >= {"agreement_high", "median_time_low"}
    assert section.overall.control.catch_rate.rate == 0.75


def test_careful_review_shows_no_warning_signs(declared: list[DeclaredDecision]) -> None:
    (section,) = report_of(careful_history(), declared).decisions
    assert section.evaluation.alerts == ()
    assert section.measured is MeasuredInvolvement.no_warning_signs
    assert section.notes == ()


def test_a_handful_of_reviews_is_too_few_to_judge(declared: list[DeclaredDecision]) -> None:
    history = reviewer_history("carla", decisions=5, overrides=0, seconds=3)
    (section,) = report_of(history, declared).decisions
    assert section.evaluation.alerts == ()
    assert section.measured is MeasuredInvolvement.too_few_to_judge


def test_declared_review_without_any_reviews_is_pointed_out(
    declared: list[DeclaredDecision],
) -> None:
    (section,) = report_of([], declared).decisions
    assert section.measured is MeasuredInvolvement.no_reviews
    assert [n.id for n in section.notes] == ["declared_meaningful_but_no_reviews"]


def test_reviews_of_an_undeclared_decision_get_their_own_section(
    declared: list[DeclaredDecision],
) -> None:
    facts = [*careful_history(), fact(decision="retired-decision")]
    report = report_of(facts, declared)
    assert [d.algorithm for d in report.decisions] == [ALGORITHM, f"{PROFILE}:retired-decision"]
    assert report.decisions[1].declared is None
    assert [n.id for n in report.decisions[1].notes] == ["undeclared_decision"]


def test_declared_stage_is_compared_with_when_reviews_happen() -> None:
    after = DeclaredDecision(
        PROFILE, "Welfare", 1, DECISION, "d", HumanInvolvement.meaningful, HumanStage.after_effect
    )
    (section,) = report_of(careful_history(), [after]).decisions
    assert [n.id for n in section.notes] == ["stage_after_declared_but_before"]
    before = DeclaredDecision(
        PROFILE, "Welfare", 1, DECISION, "d", HumanInvolvement.meaningful, HumanStage.before_effect
    )
    contests = [fact(kind=CaseKind.contest) for _ in range(3)]
    (section,) = report_of(contests, [before]).decisions
    assert "stage_before_declared_only_contests" in [n.id for n in section.notes]


def test_declared_none_with_reviews_and_token_involvement_are_noted() -> None:
    none = DeclaredDecision(PROFILE, "W", 1, DECISION, "d", HumanInvolvement.none, None)
    (section,) = report_of(careful_history(), [none]).decisions
    assert "declared_none_but_reviews" in [n.id for n in section.notes]
    token = DeclaredDecision(PROFILE, "W", 1, DECISION, "d", HumanInvolvement.token, None)
    (section,) = report_of(careful_history(), [token]).decisions
    assert "declared_token" in [n.id for n in section.notes]


def test_only_facts_in_the_period_and_the_profile_count(declared: list[DeclaredDecision]) -> None:
    march = reviewer_history("anna", decisions=3, overrides=0)  # 2025-03-03
    april = reviewer_history("anna", decisions=2, overrides=2, start=T0 + timedelta(days=31))
    other = [fact(profile="someone-else")]
    period = Period(since=date(2025, 4, 1), until=date(2025, 4, 30))
    (section,) = report_of(march + april + other, declared, period=period).decisions
    assert section.overall.acts == 2 and section.overall.agreement.count == 0
    whole = build_report(march + april + other, declared, generated_at=WHEN)
    assert [d.overall.acts for d in whole.decisions] == [5, 1]
    with pytest.raises(ValueError, match="since"):
        Period(since=date(2025, 5, 1), until=date(2025, 4, 1))
    assert Period(until=date(2025, 3, 3)).contains(T0 + timedelta(hours=14))


def test_worth_reporting_when_reviewed_or_declared(declared: list[DeclaredDecision]) -> None:
    (decision,) = declared
    assert worth_reporting(decision, [])  # declared meaningful
    silent = DeclaredDecision("p", "P", 1, "d", "d", HumanInvolvement.none, None)
    assert not worth_reporting(silent, [])
    assert worth_reporting(silent, ["p:d"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_holds_the_verdict_alerts_tables_and_method(
    declared: list[DeclaredDecision], lang: str
) -> None:
    text = render_markdown(report_of(rubber_stamp_history(), declared), lang)
    if lang == "en":
        assert text.startswith(f"# Human involvement report: {PROFILE}")
        assert "**Signs of rubber-stamping**" in text
        assert "| anna | 204 | 204 | **99.5% (199/200)** ⚠ |" in text
        assert "| bram | 200 | 200 | 70% (140/200) |" in text
        assert "Agreement with the model too high** (where: Reviewer anna; measured 99.5%" in text
        assert "Reviewer carla: agreement with the model: 5 of at least 200" in text
        assert "| All | 4 | 3 | 1 | 75% (3/4) |" in text  # control cases, whole decision
        assert "alert above 98% agreement with the model, from 200 decisions" in text
        assert "CJEU C-634/21 (SCHUFA)" in text
    else:
        assert text.startswith(f"# Rapportage menselijke tussenkomst: {PROFILE}")
        assert "**Tekenen van afstempelen**" in text
        assert "| anna | 204 | 204 | **99,5% (199/200)** ⚠ |" in text
        assert "| Alle | 4 | 3 | 1 | 75% (3/4) |" in text
        assert "HvJ EU C-634/21 (SCHUFA)" in text
    assert "voordat het besluit gevolg heeft" in text or "before the decision takes" in text
    assert "2025-05-01 12:00 UTC" in text


def test_markdown_is_deterministic(declared: list[DeclaredDecision]) -> None:
    facts = rubber_stamp_history()
    assert render_markdown(report_of(facts, declared), "en") == render_markdown(
        report_of(list(reversed(facts)), declared), "en"
    )


def test_an_empty_report_says_there_is_nothing() -> None:
    report = build_report([], [], generated_at=WHEN)
    assert "There are no decisions with human involvement" in render_markdown(report, "en")
    assert "Er zijn geen besluiten" in render_html(report, "nl")


def test_html_inlines_accessible_charts_and_flags_cells(declared: list[DeclaredDecision]) -> None:
    html = render_html(report_of(rubber_stamp_history(), declared), "en")
    assert html.count("<svg") == 2
    assert 'role="img"' in html and "<title" in html
    assert 'data-label="anna"' in html and 'data-flagged="true"' in html
    assert 'data-alert="agreement_high"' in html
    assert 'data-note="declared_meaningful_but_warning_signs"' in html
    assert re.search(r'class="num flagged">99\.5% ⚠<small>199/200</small>', html)
    assert "<script" not in html


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_shows_the_findings_as_text(declared: list[DeclaredDecision], lang: str) -> None:
    pdf = render_pdf(report_of(rubber_stamp_history(), declared), lang)
    assert pdf.startswith(b"%PDF")
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    if lang == "en":
        assert "Human involvement report" in text
        assert "Signs of rubber-stamping" in text
        assert "Agreement with the model too high" in text
        assert "99.5%" in text and "199/200" in text
        assert "Too few to judge" in text
    else:
        assert "Rapportage menselijke tussenkomst" in text
        assert "Tekenen van afstempelen" in text
        assert "99,5%" in text
        assert "Te weinig gegevens om te beoordelen" in text
    assert "75%" in text  # anna caught 3 of 4 planted errors
    assert "C-634/21" in text


def test_each_profile_is_judged_by_its_own_policy_thresholds(
    declared: list[DeclaredDecision],
) -> None:
    history = reviewer_history("anna", decisions=50, overrides=0, seconds=60)
    facts = [*history, *reviewer_history("anna", decisions=50, overrides=0, profile="other")]
    strict = AlertSettings.from_mapping({"min_decisions_for_agreement": 50})
    report = build_report(facts, declared, generated_at=WHEN, settings_by_profile={PROFILE: strict})
    mine, other = report.decisions
    assert any(a.code is AlertCode.agreement_high for a in mine.evaluation.alerts)
    assert other.evaluation.alerts == () and other.settings == AlertSettings()
    text = render_markdown(report, "en")
    assert "alert above 98% agreement with the model, from 50 decisions" in text
    assert "alert above 98% agreement with the model, from 200 decisions" in text


def test_first_views_get_a_section_only_when_recorded(declared: list[DeclaredDecision]) -> None:
    assert "First views before the advice" not in render_markdown(
        report_of(careful_history(), declared), "en"
    )
    blind = [fact(reviewer="anna", first_view="granted") for _ in range(4)]
    blind.append(fact(reviewer="anna", first_view="refused"))
    text = render_markdown(report_of(blind, declared), "en")
    assert "### First views before the advice" in text
    assert "| anna | 20% (1/5) | 100% (4/4) |" in text
