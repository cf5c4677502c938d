"""Art. 22 GDPR: every branch of the conditions, exceptions and verdicts."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from sluis.law.art22_verdict import assess_art22, assess_decision
from sluis.law.results import Art22Exception, Art22Verdict
from sluis.profiles.model import AlgorithmProfile

AUTOMATED_LEGAL = {
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


def make_profile(
    decision: dict[str, Any] | None = None,
    *,
    decisions: list[dict[str, Any]] | None = None,
    administrative_body: bool = False,
    country: str = "NL",
    fields: list[dict[str, Any]] | None = None,
) -> AlgorithmProfile:
    return AlgorithmProfile.model_validate(
        {
            "id": "p",
            "name": "Profile",
            "controller": {
                "name": "Controller",
                "administrative_body": administrative_body,
                "country": country,
            },
            "data_fields": fields or [],
            "decisions": decisions
            if decisions is not None
            else [{**AUTOMATED_LEGAL, **(decision or {})}],
        }
    )


def judge(decision: dict[str, Any] | None = None, **kwargs: Any):
    profile = make_profile(decision, **kwargs)
    return assess_decision(profile, profile.decisions[0])


def finding_ids(findings) -> set[str]:
    return {f.id for f in findings}


class TestConditions:
    def test_all_three_met_without_exception_is_prohibited(self) -> None:
        result, findings = judge()
        assert result.applies is True
        assert result.conditions.decision.value is True
        assert result.conditions.solely_automated.value is True
        assert result.conditions.significant_effect.value is True
        assert result.verdict is Art22Verdict.prohibited
        assert result.exception is None
        assert result.safeguards == ()
        assert "art22.d.verdict" in finding_ids(findings)

    def test_no_significant_effect_means_not_applicable(self) -> None:
        result, _ = judge({"effect": "none"})
        assert result.conditions.significant_effect.value is False
        assert result.applies is False
        assert result.verdict is Art22Verdict.not_applicable

    def test_similarly_significant_effect_counts(self) -> None:
        result, _ = judge({"effect": "similarly_significant"})
        assert result.conditions.significant_effect.value is True
        assert "22(1)" in str(result.conditions.significant_effect.articles[0])

    def test_meaningful_review_before_effect_is_not_solely_automated(self) -> None:
        result, _ = judge({"human_involvement": "meaningful", "human_stage": "before_effect"})
        assert result.conditions.solely_automated.value is False
        assert result.verdict is Art22Verdict.not_applicable

    def test_token_review_is_still_solely_automated(self) -> None:
        result, _ = judge({"human_involvement": "token", "human_stage": "before_effect"})
        assert result.conditions.solely_automated.value is True
        assert result.verdict is Art22Verdict.prohibited
        cited = {str(c) for c in result.conditions.solely_automated.articles}
        assert any("WP251" in c for c in cited)

    def test_review_only_after_the_effect_does_not_count(self) -> None:
        result, _ = judge({"human_involvement": "meaningful", "human_stage": "after_effect"})
        assert result.conditions.solely_automated.value is True
        assert result.verdict is Art22Verdict.prohibited

    def test_unknown_involvement_is_an_open_question_not_an_assumption(self) -> None:
        result, findings = judge({"human_involvement": None})
        assert result.conditions.solely_automated.value is None
        assert result.applies is None
        assert result.verdict is Art22Verdict.unknown
        assert "art22.d.open.human_involvement" in finding_ids(findings)

    def test_meaningful_review_without_stage_asks_for_the_stage(self) -> None:
        result, findings = judge({"human_involvement": "meaningful"})
        assert result.conditions.solely_automated.value is None
        assert "art22.d.open.human_stage" in finding_ids(findings)

    def test_unknown_effect_is_an_open_question(self) -> None:
        result, findings = judge({"effect": None})
        assert result.conditions.significant_effect.value is None
        assert "art22.d.open.effect" in finding_ids(findings)

    def test_automatic_side_effects_are_significant_even_without_declared_effect(self) -> None:
        result, _ = judge({"effect": "none", "automatic_side_effects": ["payment suspended"]})
        assert result.conditions.significant_effect.value is True
        assert "payment suspended" in result.conditions.significant_effect.reasons[0].en


class TestSchufa:
    def test_determining_third_party_score_is_a_decision_and_automated(self) -> None:
        result, findings = judge(
            {
                "human_involvement": "meaningful",
                "human_stage": "before_effect",
                "third_party_score": True,
                "third_party_score_determining": True,
            }
        )
        assert result.conditions.decision.value is True
        assert result.conditions.solely_automated.value is True
        assert any("C-634/21" in str(c) for c in result.conditions.decision.articles)
        assert "art22.d.schufa_review_conflict" in finding_ids(findings)
        assert result.verdict is Art22Verdict.prohibited


class TestRiskSelection:
    SELECTION: ClassVar[dict[str, Any]] = {
        "risk_selection": True,
        "human_involvement": "meaningful",
        "human_stage": "before_effect",
        "consequences_only_after_review": True,
        "profiling": True,
    }

    def test_selection_with_review_before_any_consequence_is_outside_art22(self) -> None:
        result, findings = judge(self.SELECTION)
        assert result.risk_selection_doctrine is True
        assert result.applies is False
        assert result.verdict is Art22Verdict.not_applicable
        assert result.conditions.significant_effect.value is False
        assert {s.id for s in result.safeguards} == {
            "meaningful_review_before_consequence",
            "inform_of_selection",
        }
        assert "art22.d.risk_selection_profiling" in finding_ids(findings)

    def test_selection_with_automatic_side_effect_falls_under_art22(self) -> None:
        result, _ = judge({**self.SELECTION, "automatic_side_effects": ["benefit paused"]})
        assert result.risk_selection_doctrine is False
        assert result.conditions.significant_effect.value is True

    def test_selection_with_token_review_is_not_saved_by_the_doctrine(self) -> None:
        result, _ = judge({**self.SELECTION, "human_involvement": "token"})
        assert result.risk_selection_doctrine is False
        assert result.verdict is Art22Verdict.prohibited

    def test_selection_where_consequences_follow_without_review(self) -> None:
        result, _ = judge(
            {**self.SELECTION, "consequences_only_after_review": False, "human_involvement": "none"}
        )
        assert result.risk_selection_doctrine is False
        assert result.verdict is Art22Verdict.prohibited

    def test_unknown_consequence_path_is_asked(self) -> None:
        _, findings = judge({**self.SELECTION, "consequences_only_after_review": None})
        assert "art22.d.open.consequences_only_after_review" in finding_ids(findings)


class TestExceptions:
    def test_contract_exception_brings_the_three_rights_and_explanation(self) -> None:
        result, _ = judge({"necessity": "contract"})
        assert result.exception is Art22Exception.contract
        assert result.verdict is Art22Verdict.allowed_with_safeguards
        assert {s.id for s in result.safeguards} == {
            "human_intervention",
            "express_point_of_view",
            "contest",
            "explanation",
        }

    def test_explicit_consent_exception(self) -> None:
        result, _ = judge({"explicit_consent": True})
        assert result.exception is Art22Exception.explicit_consent
        assert "contest" in {s.id for s in result.safeguards}

    def test_consent_by_an_administrative_body_is_flagged(self) -> None:
        _, findings = judge({"explicit_consent": True}, administrative_body=True)
        assert "art22.d.consent_imbalance" in finding_ids(findings)

    def test_uavg40_for_an_administrative_body_relies_on_awb_protection(self) -> None:
        result, _ = judge({"necessity": "legal_obligation"}, administrative_body=True)
        assert result.exception is Art22Exception.law
        ids = {s.id for s in result.safeguards}
        assert {"awb_protection", "dpia_awb_sufficiency", "suitable_measures"} <= ids
        assert "human_intervention" not in ids
        assert any(str(c) == "UAVG art. 40(1)" for c in result.exception_reasoning.articles)

    def test_uavg40_for_other_controllers_needs_the_three_rights(self) -> None:
        result, _ = judge({"necessity": "public_task"}, administrative_body=False)
        assert result.exception is Art22Exception.law
        ids = {s.id for s in result.safeguards}
        assert {"human_intervention", "express_point_of_view", "contest"} <= ids
        assert "awb_protection" not in ids

    def test_uavg40_never_covers_profiling(self) -> None:
        result, _ = judge({"necessity": "public_task", "profiling": True}, administrative_body=True)
        assert result.exception is None
        assert result.verdict is Art22Verdict.prohibited
        assert any("profiling" in r.en for r in result.exception_reasoning.reasons)

    def test_uavg40_is_for_bound_powers_only(self) -> None:
        result, _ = judge({"necessity": "public_task", "bound_power": False})
        assert result.verdict is Art22Verdict.prohibited

    def test_uavg40_unknown_discretion_is_asked(self) -> None:
        result, findings = judge({"necessity": "public_task", "bound_power": None})
        assert result.verdict is Art22Verdict.unknown
        assert "art22.d.open.bound_power" in finding_ids(findings)

    def test_uavg40_only_in_the_netherlands(self) -> None:
        result, _ = judge({"necessity": "public_task"}, country="BE")
        assert result.verdict is Art22Verdict.prohibited

    def test_sector_law_with_safeguards_authorises_even_profiling_when_it_says_so(self) -> None:
        result, _ = judge(
            {
                "necessity": "public_task",
                "profiling": True,
                "authorising_law": {
                    "name": "Wet X",
                    "lays_down_safeguards": True,
                    "permits_profiling": True,
                },
            },
            country="BE",
        )
        assert result.exception is Art22Exception.law
        assert {s.id for s in result.safeguards} == {"suitable_measures", "explanation"}

    def test_sector_law_without_safeguards_does_not_carry(self) -> None:
        result, _ = judge(
            {"authorising_law": {"name": "Wet X", "lays_down_safeguards": False}}, country="BE"
        )
        assert result.verdict is Art22Verdict.prohibited

    def test_unknown_necessity_and_consent_leave_the_verdict_open(self) -> None:
        result, findings = judge({"necessity": None, "explicit_consent": None})
        assert result.verdict is Art22Verdict.unknown
        assert {"art22.d.open.necessity", "art22.d.open.explicit_consent"} <= finding_ids(findings)


class TestSpecialCategories:
    def field(self, exception: str | None) -> dict[str, Any]:
        field: dict[str, Any] = {
            "name": "health",
            "category": "health",
            "special_category": "health",
        }
        if exception:
            field["art9_exception"] = exception
        return field

    def test_explicit_consent_under_9_2_a_allows_with_extra_safeguards(self) -> None:
        result, _ = judge({"necessity": "contract"}, fields=[self.field("a")])
        assert result.verdict is Art22Verdict.allowed_with_safeguards
        assert "special_category_safeguards" in {s.id for s in result.safeguards}

    def test_substantial_public_interest_9_2_g_allows(self) -> None:
        result, _ = judge({"necessity": "contract"}, fields=[self.field("g")])
        assert result.verdict is Art22Verdict.allowed_with_safeguards

    def test_other_art9_grounds_do_not_suffice_for_automated_decisions(self) -> None:
        result, findings = judge({"necessity": "contract"}, fields=[self.field("h")])
        assert result.verdict is Art22Verdict.prohibited
        assert "art22.d.special_category.health" in finding_ids(findings)

    def test_unstated_art9_ground_leaves_the_verdict_open(self) -> None:
        result, _ = judge({"necessity": "contract"}, fields=[self.field(None)])
        assert result.verdict is Art22Verdict.unknown

    def test_fields_the_decision_does_not_use_do_not_count(self) -> None:
        other = {"name": "income", "category": "income"}
        result, _ = judge(
            {"necessity": "contract", "uses_fields": ["income"]},
            fields=[self.field("h"), other],
        )
        assert result.verdict is Art22Verdict.allowed_with_safeguards


class TestWholeAlgorithm:
    def test_the_gravest_decision_governs(self) -> None:
        harmless = {**AUTOMATED_LEGAL, "id": "info", "effect": "none"}
        banned = {**AUTOMATED_LEGAL, "id": "refuse"}
        result, _ = assess_art22(make_profile(decisions=[harmless, banned]))
        assert result.verdict is Art22Verdict.prohibited
        assert result.governing_decision == "refuse"
        assert result.applies is True
        assert [d.decision_id for d in result.decisions] == ["info", "refuse"]

    def test_no_decisions_is_an_open_question(self) -> None:
        result, findings = assess_art22(make_profile(decisions=[]))
        assert result.verdict is Art22Verdict.unknown
        assert result.applies is None
        assert "art22.open.decisions" in finding_ids(findings)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_reason_is_written_in_both_languages(lang: str) -> None:
    result, findings = judge({"necessity": "contract"})
    texts = [r.get(lang) for r in result.conditions.solely_automated.reasons]
    texts += [s.text.get(lang) for s in result.safeguards]
    texts += [f.text.get(lang) for f in findings]
    assert texts and all(text.strip() for text in texts)
    dutch = result.safeguards[0].text
    assert dutch.nl != dutch.en
