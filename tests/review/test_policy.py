"""The review desk's rules, without storage: who may take and decide a case, and what
follows each act."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from sluis.review.facts import CaseKind, OpenedItem, ReviewAction
from sluis.review.policy import (
    DEFAULT_POLICY,
    CaseFacts,
    CaseState,
    Reviewer,
    Stage,
    act_problems,
    add_month,
    claim_problems,
    claim_stage,
    due_at,
    opened_problems,
    recommendation_visible,
    transition,
)
from sluis.review.problems import ProblemKind, ReviewRefused

NOW = datetime(2025, 1, 31, 12, 0, tzinfo=UTC)
ANNA = Reviewer("anna", active=True, authorised=True)
BRAM = Reviewer("bram", active=True, authorised=True)
SENIOR = Reviewer("carla", active=True, authorised=True, senior=True)
OPEN = CaseFacts(CaseState.open, Stage.first, escalated=False, proposed_outcome="refused")
HELD = replace(OPEN, state=CaseState.claimed, claimed_by="anna", claim_expires_at=NOW)
DECLARED = ["granted", "refused"]
REASON = "The documents support the proposal."
FOUR_EYES = replace(DEFAULT_POLICY, four_eyes=True)
HIDDEN = replace(DEFAULT_POLICY, hide_recommendation=True)


def rules(problems: list) -> set[str]:
    return {p.rule for p in problems}


class TestWhoMayClaim:
    def test_an_open_case_is_free_for_an_authorised_reviewer(self) -> None:
        assert claim_problems(OPEN, ANNA, NOW) == []

    @pytest.mark.parametrize(
        ("reviewer", "rule"),
        [
            (Reviewer("x", active=False, authorised=True), "reviewer_inactive"),
            (Reviewer("x", active=True, authorised=False), "not_authorised"),
        ],
    )
    def test_no_authority_is_forbidden(self, reviewer: Reviewer, rule: str) -> None:
        (problem,) = claim_problems(OPEN, reviewer, NOW)
        assert problem.rule == rule and problem.kind is ProblemKind.forbidden
        assert problem.articles  # every rule cites its source

    def test_escalated_cases_need_a_senior(self) -> None:
        escalated = replace(OPEN, escalated=True)
        assert rules(claim_problems(escalated, ANNA, NOW)) == {"senior_required"}
        assert claim_problems(escalated, SENIOR, NOW) == []

    def test_a_contest_excludes_who_took_part_before(self) -> None:
        contest = replace(OPEN, excluded=frozenset({"anna"}))
        (problem,) = claim_problems(contest, ANNA, NOW)
        assert problem.rule == "excluded_reviewer"
        assert "GDPR art. 22(3)" in [a.label() for a in problem.articles]
        assert claim_problems(contest, BRAM, NOW) == []

    def test_four_eyes_needs_another_reviewer(self) -> None:
        waiting = replace(OPEN, state=CaseState.awaiting_second, first_reviewer="anna")
        assert rules(claim_problems(waiting, ANNA, NOW)) == {"same_reviewer"}
        assert claim_problems(waiting, BRAM, NOW) == []
        assert claim_stage(waiting) is Stage.second

    def test_a_claim_holds_until_it_expires(self) -> None:
        assert rules(claim_problems(HELD, BRAM, NOW - timedelta(minutes=1))) == {"claimed_by_other"}
        assert claim_problems(HELD, BRAM, NOW) == []
        assert claim_problems(HELD, ANNA, NOW - timedelta(minutes=1)) == []  # renewing

    @pytest.mark.parametrize(
        ("state", "rule"),
        [
            (CaseState.decided, "already_decided"),
            (CaseState.erased, "case_erased"),
            (CaseState.awaiting_information, "awaiting_information"),
        ],
    )
    def test_a_case_not_in_the_queue_cannot_be_claimed(self, state: CaseState, rule: str) -> None:
        (problem,) = claim_problems(replace(OPEN, state=state), ANNA, NOW)
        assert problem.rule == rule and problem.kind is ProblemKind.conflict


class TestActs:
    def test_confirm_and_override_are_on_equal_footing(self) -> None:
        for action, outcome in [(ReviewAction.confirm, None), (ReviewAction.override, "granted")]:
            problems = act_problems(HELD, DEFAULT_POLICY, ANNA, action, outcome, REASON, DECLARED)
            assert problems == []
            for reason in ("", "ok"):
                problems = act_problems(
                    HELD, DEFAULT_POLICY, ANNA, action, outcome, reason, DECLARED
                )
                assert rules(problems) <= {"reason_required", "reason_too_short"} and problems

    def test_every_problem_of_an_act_is_listed(self) -> None:
        problems = act_problems(
            HELD, DEFAULT_POLICY, ANNA, ReviewAction.override, "maybe", "", DECLARED
        )
        assert rules(problems) == {"reason_required", "outcome_undeclared"}
        assert {p.field for p in problems} == {"reason", "outcome"}

    def test_the_reviewer_must_hold_the_case(self) -> None:
        problems = act_problems(OPEN, DEFAULT_POLICY, ANNA, ReviewAction.confirm, None, "", [])
        assert rules(problems) == {"not_claimed"}  # state first: no point listing the rest

    def test_the_most_fundamental_kind_answers(self) -> None:
        problems = act_problems(
            OPEN, DEFAULT_POLICY, Reviewer("x", True, False), ReviewAction.confirm, None, "", []
        )
        refusal = ReviewRefused(problems)
        assert refusal.kind is ProblemKind.forbidden
        assert [p.rule for p in refusal.problems] == ["not_authorised"]

    def test_a_hidden_recommendation_needs_a_first_view_before_deciding(self) -> None:
        assert not recommendation_visible(HIDDEN, HELD)
        problems = act_problems(HELD, HIDDEN, ANNA, ReviewAction.confirm, None, REASON, DECLARED)
        assert rules(problems) == {"first_view_required"}
        asked = act_problems(
            HELD, HIDDEN, ANNA, ReviewAction.request_information, None, REASON, DECLARED
        )
        assert asked == []  # asking for more does not need a view of one's own
        viewed = replace(HELD, first_view="granted")
        assert recommendation_visible(HIDDEN, viewed)
        assert act_problems(viewed, HIDDEN, ANNA, ReviewAction.confirm, None, REASON, []) == []
        assert rules(opened_problems(HELD, "anna", OpenedItem.recommendation, HIDDEN)) == {
            "recommendation_hidden"
        }

    def test_the_second_stage_only_agrees_or_disagrees(self) -> None:
        second = replace(HELD, stage=Stage.second, claimed_by="bram", first_reviewer="anna")
        assert rules(
            act_problems(second, FOUR_EYES, BRAM, ReviewAction.confirm, None, REASON, [])
        ) == {"second_stage_action"}
        assert act_problems(second, FOUR_EYES, BRAM, ReviewAction.agree, None, REASON, []) == []


class TestTransitions:
    def test_a_single_reviewer_settles_the_case(self) -> None:
        step = transition(HELD, DEFAULT_POLICY, "anna", ReviewAction.override, "granted")
        assert (step.state, step.settles, step.act_outcome) == (
            CaseState.decided,
            "granted",
            "granted",
        )

    def test_four_eyes_waits_for_a_second_who_settles_or_escalates(self) -> None:
        first = transition(HELD, FOUR_EYES, "anna", ReviewAction.confirm, None)
        assert first.state is CaseState.awaiting_second and first.settles is None
        assert (first.pending_outcome, first.first_reviewer) == ("refused", "anna")
        second = replace(HELD, stage=Stage.second, pending_outcome="refused", first_reviewer="anna")
        agreed = transition(second, FOUR_EYES, "bram", ReviewAction.agree, None)
        assert agreed.state is CaseState.decided and agreed.settles == "refused"
        disagreed = transition(second, FOUR_EYES, "bram", ReviewAction.disagree, None)
        assert disagreed.state is CaseState.open and disagreed.escalated
        assert disagreed.stage is Stage.first and disagreed.first_reviewer is None

    def test_asking_for_information_and_escalating_decide_nothing(self) -> None:
        asked = transition(HELD, DEFAULT_POLICY, "anna", ReviewAction.request_information, None)
        assert asked.state is CaseState.awaiting_information and asked.settles is None
        escalated = transition(HELD, DEFAULT_POLICY, "anna", ReviewAction.escalate, None)
        assert escalated.state is CaseState.open and escalated.escalated


class TestDeadlines:
    def test_an_initial_case_is_due_after_the_policys_days(self) -> None:
        assert due_at(CaseKind.initial, NOW, 60) == NOW + timedelta(days=60)

    def test_a_contest_is_due_within_one_month(self) -> None:
        assert due_at(CaseKind.contest, NOW, 60) == datetime(2025, 2, 28, 12, tzinfo=UTC)
        assert due_at(CaseKind.contest, NOW, 5) == NOW + timedelta(days=5)

    def test_a_month_ends_on_the_same_day_or_the_months_last(self) -> None:
        assert add_month(datetime(2024, 1, 31, tzinfo=UTC)).day == 29  # leap year
        assert add_month(datetime(2024, 12, 15, tzinfo=UTC)) == datetime(2025, 1, 15, tzinfo=UTC)


def test_every_rule_the_review_desk_refuses_with_has_a_message_in_both_languages() -> None:
    import re
    from pathlib import Path

    from sluis.i18n.catalog import message_keys

    sources = Path(__file__).resolve().parents[2] / "src" / "sluis"
    files = [*(sources / "review").glob("*.py"), sources / "web" / "api" / "reviews.py"]
    call = re.compile(
        r"(?:_problem|_invalid|Problem|not_found)\(\s*(?:f?\"[^\"]*\"|[A-Za-z_.]+),\s*\"([a-z_]+)\""
    )
    found = {rule for path in files for rule in call.findall(path.read_text(encoding="utf-8"))}
    found |= {"first_stage_action", "second_stage_action", "first_view_required"}  # via names
    assert len(found) > 40
    missing = {rule for rule in found if f"review.problem.{rule}" not in message_keys()}
    # The API's own shape problems (json, base64, max_size) carry English text of their own.
    assert missing <= {"json", "base64", "max_size"}
