"""Routing by the assessment: final only where the law allows a solely automated decision."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sluis.gateway.routing import RouteStatus, route
from sluis.law.art22_verdict import assess_decision
from sluis.law.results import Art22Verdict
from sluis.profiles.model import AlgorithmProfile, Decision

AUTOMATED = {
    "id": "d",
    "description": "A decision",
    "effect": "legal",
    "human_involvement": "none",
    "profiling": False,
    "bound_power": True,
    "necessity": "none",
    "explicit_consent": False,
    "risk_selection": False,
    "third_party_score": False,
}
SELECTION = {
    **AUTOMATED,
    "risk_selection": True,
    "human_involvement": "meaningful",
    "human_stage": "before_effect",
    "consequences_only_after_review": True,
}


def judged(**changes: Any):
    profile = AlgorithmProfile.model_validate(
        {
            "id": "p",
            "name": "Profile",
            "controller": {"name": "C", "administrative_body": True, "country": "NL"},
            "decisions": [{**AUTOMATED, **changes}],
        }
    )
    decision = profile.decisions[0]
    return assess_decision(profile, decision)[0], decision


def routed(requested: str = "auto", **changes: Any):
    assessment, decision = judged(**changes)
    return route(assessment, requested, decision=decision)  # type: ignore[arg-type]


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


class TestWhereTheLawSendsADecision:
    def test_an_exception_of_art_22_2_makes_it_final(self) -> None:
        result = routed(necessity="contract")
        assert result.status is RouteStatus.final and result.finalisable and result.is_final
        assert codes(result) == ["exception_allows"]
        assert "GDPR art. 22(2)(a)" in [a.label() for a in result.articles]

    def test_the_dutch_art_40_route_makes_a_bound_public_decision_final(self) -> None:
        result = routed(necessity="public_task")
        assert result.status is RouteStatus.final
        assert "UAVG art. 40(1)" in [a.label() for a in result.articles]

    def test_no_significant_effect_makes_it_final(self) -> None:
        result = routed(effect="none")
        assert result.status is RouteStatus.final
        assert codes(result) == ["no_significant_effect"]

    def test_the_ban_without_exception_waits_for_a_human(self) -> None:
        assessment, decision = judged()
        assert assessment.verdict is Art22Verdict.prohibited
        result = route(assessment, decision=decision)
        assert result.status is RouteStatus.pending_review and not result.finalisable
        assert codes(result) == ["prohibited"]

    def test_missing_facts_wait_for_a_human(self) -> None:
        result = routed(human_involvement=None, necessity="contract")
        assert result.status is RouteStatus.pending_review
        assert codes(result) == ["unknown"]

    def test_a_human_deciding_before_effect_turns_the_outcome_into_a_proposal(self) -> None:
        result = routed(human_involvement="meaningful", human_stage="before_effect", effect="none")
        assert result.status is RouteStatus.pending_review
        assert codes(result) == ["human_review_before_effect"]

    def test_token_review_does_not_count(self) -> None:
        result = routed(human_involvement="token", human_stage="before_effect")
        assert result.status is RouteStatus.pending_review
        assert codes(result) == ["prohibited"]

    def test_a_risk_selection_only_selects(self) -> None:
        result = routed(**{k: v for k, v in SELECTION.items() if k != "id"})
        assert result.status is RouteStatus.selected_for_review
        assert codes(result) == ["risk_selection"]

    def test_a_risk_selection_outside_the_doctrine_never_takes_effect_either(self) -> None:
        # Automatic side effects take it out of the AP's doctrine, and a contract exception
        # would allow it under art. 22 — yet a selection never carries a consequence itself.
        assessment, decision = judged(
            risk_selection=True,
            automatic_side_effects=["card blocked"],
            consequences_only_after_review=False,
            necessity="contract",
        )
        assert assessment.verdict is Art22Verdict.allowed_with_safeguards
        result = route(assessment, decision=decision)
        assert result.status is RouteStatus.selected_for_review
        assert codes(result) == ["risk_selection_outside_doctrine"]


class TestWhatTheCallerAsks:
    def test_final_is_refused_where_the_law_does_not_allow_it(self) -> None:
        result = routed("final")
        assert result.status is RouteStatus.pending_review
        assert result.refused_final and codes(result) == ["prohibited", "refused_final"]

    def test_final_for_a_selection_stays_a_selection(self) -> None:
        result = routed("final", **{k: v for k, v in SELECTION.items() if k != "id"})
        assert result.status is RouteStatus.selected_for_review and result.refused_final

    def test_final_is_granted_where_the_law_allows_it(self) -> None:
        result = routed("final", necessity="contract")
        assert result.status is RouteStatus.final and not result.refused_final

    def test_a_human_may_always_be_asked_for(self) -> None:
        result = routed("review", necessity="contract")
        assert result.status is RouteStatus.pending_review
        assert result.finalisable and not result.refused_final
        assert codes(result) == ["exception_allows", "review_requested"]

    def test_unknown_requests_are_refused(self) -> None:
        assessment, _ = judged()
        with pytest.raises(ValueError, match="requested"):
            route(assessment, "now")  # type: ignore[arg-type]


def test_every_reason_is_bilingual_and_cited_in_json() -> None:
    data = routed("final").to_json_dict()
    json.dumps(data)
    assert data["status"] == "pending_review" and data["requested"] == "final"
    for reason in data["reasons"]:
        assert reason["text"]["nl"] and reason["text"]["en"] and reason["articles"]
    assert data["articles"] == ["GDPR art. 22(1)"]


def test_without_the_decision_the_doctrine_still_governs() -> None:
    assessment, decision = judged(**{k: v for k, v in SELECTION.items() if k != "id"})
    assert isinstance(decision, Decision)
    assert route(assessment).status is RouteStatus.selected_for_review
