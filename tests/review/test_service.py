"""The review desk's service, read as its specification. Every test runs on SQLite and on
PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from review_desk import FINAL, HIGH, LOW, PENDING, PROFILE
from sluis.audit import read_events, verify_chain
from sluis.gateway.service import Gateway
from sluis.review import service
from sluis.review.facts import CaseKind, OpenedItem, ReviewAction
from sluis.review.policy import CaseState
from sluis.review.problems import ProblemKind, ReviewRefused
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewActRow, ReviewCaseRow

Sessions = sessionmaker[Session]
REASON = "Checked the income statement against the declared household."


def pending(gateway: Gateway, subject: str = "123456782", inputs: dict[str, Any] = LOW) -> str:
    return gateway.decide(PROFILE, PENDING, subject, inputs).decision_uuid


def case_of(sessions: Sessions, decision_uuid: str, round_: int = 0) -> ReviewCaseRow:
    with sessions.begin() as session:
        row = session.scalars(
            select(ReviewCaseRow).where(
                ReviewCaseRow.decision_uuid == decision_uuid, ReviewCaseRow.round == round_
            )
        ).one()
        session.expunge(row)
        return row


def decision_row(sessions: Sessions, decision_uuid: str) -> DecisionRow:
    with sessions.begin() as session:
        row = session.get(DecisionRow, decision_uuid)
        assert row is not None
        session.expunge(row)
        return row


def count(sessions: Sessions, table: type) -> int:
    with sessions.begin() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def refused(call: Any, *args: Any, **kwargs: Any) -> ReviewRefused:
    with pytest.raises(ReviewRefused) as caught:
        call(*args, **kwargs)
    return caught.value


def rules(refusal: ReviewRefused) -> set[tuple[str, str]]:
    return {(p.field, p.rule) for p in refusal.problems}


def claimed(gateway: Gateway, reviewer: str = "anna") -> str:
    found = service.claim_next(gateway.sessions, reviewer, PROFILE)
    assert found is not None
    return found.id


# -- cases come from the gateway ----------------------------------------------------------


class TestCasesFromTheGateway:
    def test_every_decision_waiting_for_a_human_gets_an_initial_case(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        record = gateway.decide(PROFILE, PENDING, "123456782", HIGH)
        case = case_of(sessions, record.decision_uuid)
        assert (case.kind, case.round, case.state, case.stage) == ("initial", 0, "open", "first")
        assert case.proposed_outcome == record.outcome == "refused"
        assert case.due_at == record.created_at + timedelta(days=14)
        assert not case.escalated and case.claimed_by is None

    def test_a_final_decision_gets_no_case_unless_review_is_asked_for(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        gateway.decide(PROFILE, FINAL, "1", LOW)
        assert count(sessions, ReviewCaseRow) == 0
        asked = gateway.decide(PROFILE, FINAL, "1", LOW, requested="review")
        assert case_of(sessions, asked.decision_uuid).state == "open"

    def test_a_batch_gets_one_case_per_decided_row_with_the_policys_deadline(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        service.set_policy(sessions, PROFILE, due_days=3)
        rows = [{**LOW, "subject_id": str(i)} for i in range(5)]
        rows[2]["household"] = 0  # below the declared minimum: refused, so no case
        result = gateway.decide_batch(PROFILE, PENDING, pd.DataFrame(rows))
        ids = [i for i in result.decision_ids if i is not None]
        assert len(ids) == 4 and count(sessions, ReviewCaseRow) == 4
        for decision_uuid in ids:
            case = case_of(sessions, decision_uuid)
            created = decision_row(sessions, decision_uuid).created_at
            assert case.due_at == created + timedelta(days=3)
            assert case.proposed_outcome == "granted"


# -- the queue and claims ----------------------------------------------------------------


class TestQueue:
    def test_oldest_first_or_by_deadline_and_filtered(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        service.set_policy(sessions, PROFILE, due_days=30)
        older = pending(gateway, "1")
        service.set_policy(sessions, PROFILE, due_days=2)
        newer = pending(gateway, "2")
        oldest = [c.decision_uuid for c in service.queue(sessions, PROFILE)]
        by_deadline = [c.decision_uuid for c in service.queue(sessions, PROFILE, order="deadline")]
        assert oldest == [older, newer] and by_deadline == [newer, older]
        soon = case_of(sessions, newer).due_at
        late = service.queue(sessions, PROFILE, overdue=True, now=soon + timedelta(hours=1))
        assert [c.decision_uuid for c in late] == [newer]
        assert service.queue(sessions, PROFILE, kind=CaseKind.contest) == []
        service.claim_next(sessions, "anna", PROFILE)
        mine = service.queue(sessions, PROFILE, claimed_by="anna")
        assert [c.decision_uuid for c in mine] == [newer]  # the most urgent was claimed
        assert service.queue_counts(sessions, PROFILE)["claimed"] == 1

    def test_the_queue_shows_no_outcome_and_no_personal_data(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway, "123456782", HIGH)
        (item,) = service.queue(sessions, PROFILE)
        text = json.dumps(item.to_json_dict())
        assert "refused" not in text and "9000" not in text


class TestClaims:
    def test_two_reviewers_never_get_the_same_case(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway, "1")
        pending(gateway, "2")
        first = service.claim_next(sessions, "anna", PROFILE)
        second = service.claim_next(sessions, "bram", PROFILE)
        assert first is not None and second is not None and first.id != second.id
        assert service.claim_next(sessions, "carla", PROFILE) is None
        again = service.claim_next(sessions, "anna", PROFILE)  # one case at a time
        assert again is not None and again.id == first.id

    def test_a_claimed_case_cannot_be_taken_until_the_claim_expires(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway)
        case = service.claim_next(sessions, "anna", PROFILE)
        assert case is not None and case.claim_expires_at is not None
        refusal = refused(service.claim, sessions, "bram", case.id)
        assert refusal.kind is ProblemKind.conflict
        assert rules(refusal) == {("case", "claimed_by_other")}
        later = case.claim_expires_at + timedelta(seconds=1)
        taken = service.claim(sessions, "bram", case.id, now=later)
        assert taken.claimed_by == "bram"
        refusal = refused(service.decide, gateway, "anna", case.id, "confirm", None, REASON)
        assert rules(refusal) == {("case", "not_claimed")}

    def test_only_authorised_active_reviewers_claim(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway)
        refusal = refused(service.claim_next, sessions, "dirk", PROFILE)
        assert refusal.kind is ProblemKind.forbidden
        assert rules(refusal) == {("reviewer", "not_authorised")}
        service.set_reviewer_active(sessions, "anna", False)
        refusal = refused(service.claim_next, sessions, "anna", PROFILE)
        assert rules(refusal) == {("reviewer", "reviewer_inactive")}
        assert refused(service.claim_next, sessions, "nobody", PROFILE).kind is (
            ProblemKind.not_found
        )

    def test_releasing_returns_the_case_and_forgets_what_was_opened(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway)
        case_id = claimed(gateway)
        service.record_opened(sessions, "anna", case_id, OpenedItem.inputs)
        released = service.release(sessions, "anna", case_id)
        assert released.state is CaseState.open and released.claimed_by is None
        case_id = claimed(gateway, "bram")
        view = service.case_view(gateway, "bram", case_id)
        assert view.opened == ()


# -- deciding ----------------------------------------------------------------------------


class TestDeciding:
    def test_confirming_makes_the_decision_final_with_the_act_on_record(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        decision_uuid = pending(gateway, inputs=HIGH)
        case_id = claimed(gateway)
        service.record_opened(sessions, "anna", case_id, OpenedItem.inputs)
        service.record_opened(sessions, "anna", case_id, OpenedItem.explanation)
        result = service.decide(gateway, "anna", case_id, ReviewAction.confirm, None, REASON)
        assert result.settled and result.outcome == "refused"
        assert result.case.state is CaseState.decided and result.case.closed_at is not None
        decision = decision_row(sessions, decision_uuid)
        assert decision.status == "final" and decision.outcome == "refused"
        assert decision.decided_at == result.case.closed_at
        with sessions.begin() as session:
            act = session.get(ReviewActRow, result.act_id)
            assert act is not None
            assert act.reviewer_id == "anna" and act.action == "confirm"
            assert act.outcome == "refused" and act.seconds_spent >= 0
            assert act.opened == ["inputs", "explanation"]
            assert REASON.encode() not in act.reason_ciphertext  # sealed with the key
        (event,) = [e for e in read_events(sessions, limit=1000) if e.event == "reviewed"]
        assert event.decision_uuid == decision_uuid
        assert event.details["action"] == "confirm" and event.details["settled"] is True
        assert "refused" not in json.dumps(event.details)  # no outcome, no reason
        assert "Checked" not in json.dumps(event.details)
        assert verify_chain(sessions).ok

    def test_overriding_changes_the_outcome(self, gateway: Gateway, sessions: Sessions) -> None:
        decision_uuid = pending(gateway, inputs=HIGH)
        case_id = claimed(gateway)
        result = service.decide(gateway, "anna", case_id, "override", "granted", REASON)
        assert result.outcome == "granted"
        assert decision_row(sessions, decision_uuid).outcome == "granted"

    def test_an_incomplete_act_is_refused_with_every_problem_and_changes_nothing(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway, inputs=HIGH)
        case_id = claimed(gateway)
        refusal = refused(service.decide, gateway, "anna", case_id, "override", "refused", " ")
        assert refusal.kind is ProblemKind.invalid
        assert rules(refusal) == {("reason", "reason_required"), ("outcome", "outcome_unchanged")}
        refusal = refused(service.decide, gateway, "anna", case_id, "override", "maybe", "ok")
        assert rules(refusal) == {("reason", "reason_too_short"), ("outcome", "outcome_undeclared")}
        assert "granted, refused, deferred" in refusal.problems[1].message("en")
        refusal = refused(service.decide, gateway, "anna", case_id, "confirm", "granted", REASON)
        assert rules(refusal) == {("outcome", "outcome_differs")}
        refusal = refused(service.decide, gateway, "anna", case_id, "escalate", "granted", REASON)
        assert rules(refusal) == {("outcome", "outcome_not_taken")}
        refusal = refused(service.decide, gateway, "anna", case_id, "approve", None, REASON)
        assert rules(refusal) == {("action", "action_unknown")}
        assert count(sessions, ReviewActRow) == 0
        assert service.queue(sessions, PROFILE)[0].claimed_by == "anna"
        assert not [e for e in read_events(sessions, limit=1000) if e.event == "reviewed"]

    def test_deciding_without_a_claim_twice_or_without_authority_is_refused(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway)
        (case,) = service.queue(sessions, PROFILE)
        refusal = refused(service.decide, gateway, "anna", case.id, "confirm", None, REASON)
        assert refusal.kind is ProblemKind.conflict and rules(refusal) == {("case", "not_claimed")}
        refusal = refused(service.decide, gateway, "dirk", case.id, "confirm", None, REASON)
        assert refusal.kind is ProblemKind.forbidden
        service.claim(sessions, "anna", case.id)
        service.decide(gateway, "anna", case.id, "confirm", None, REASON)
        refusal = refused(service.decide, gateway, "anna", case.id, "confirm", None, REASON)
        assert rules(refusal) == {("case", "already_decided")}
        assert count(sessions, ReviewActRow) == 1

    def test_asking_for_information_parks_the_case_until_it_arrives(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        decision_uuid = pending(gateway)
        case_id = claimed(gateway)
        result = service.decide(gateway, "anna", case_id, "request_information", None, REASON)
        assert not result.settled and result.case.state is CaseState.awaiting_information
        assert decision_row(sessions, decision_uuid).status == "pending_review"
        assert service.claim_next(sessions, "bram", PROFILE) is None
        assert rules(refused(service.claim, sessions, "bram", case_id)) == {
            ("case", "awaiting_information")
        }
        service.add_submission(
            gateway,
            decision_uuid,
            "document",
            b"%PDF-1.7 payslip",
            filename="loonstrook.pdf",
            media_type="application/pdf",
        )
        assert case_of(sessions, decision_uuid).state == "open"
        case_id = claimed(gateway, "bram")
        view = service.case_view(gateway, "bram", case_id)
        (document,) = view.submissions
        assert document.filename == "loonstrook.pdf" and document.size == 16
        content = service.submission_content(gateway, "bram", case_id, document.id)
        assert content.content == b"%PDF-1.7 payslip"

    def test_an_escalated_case_goes_to_a_senior(self, gateway: Gateway, sessions: Sessions) -> None:
        pending(gateway)
        case_id = claimed(gateway)
        result = service.decide(gateway, "anna", case_id, "escalate", None, REASON)
        assert result.case.state is CaseState.open and result.case.escalated
        assert service.claim_next(sessions, "bram", PROFILE) is None
        refusal = refused(service.claim, sessions, "bram", case_id)
        assert rules(refusal) == {("reviewer", "senior_required")}
        assert claimed(gateway, "carla") == case_id
        assert service.decide(gateway, "carla", case_id, "confirm", None, REASON).settled


class TestFourEyes:
    def test_a_second_reviewer_must_agree(self, gateway: Gateway, sessions: Sessions) -> None:
        service.set_policy(sessions, PROFILE, four_eyes=True)
        decision_uuid = pending(gateway, inputs=HIGH)
        case_id = claimed(gateway)
        first = service.decide(gateway, "anna", case_id, "override", "granted", REASON)
        assert not first.settled and first.case.state is CaseState.awaiting_second
        assert decision_row(sessions, decision_uuid).status == "pending_review"
        assert service.claim_next(sessions, "anna", PROFILE) is None
        assert rules(refused(service.claim, sessions, "anna", case_id)) == {
            ("reviewer", "same_reviewer")
        }
        assert claimed(gateway, "bram") == case_id
        view = service.case_view(gateway, "bram", case_id)
        assert view.pending_outcome == "granted" and view.acts[0].reason == REASON
        refusal = refused(service.decide, gateway, "bram", case_id, "confirm", None, REASON)
        assert rules(refusal) == {("action", "second_stage_action")}
        second = service.decide(gateway, "bram", case_id, "agree", None, REASON)
        assert second.settled and second.outcome == "granted"
        assert decision_row(sessions, decision_uuid).outcome == "granted"

    def test_a_disagreement_goes_back_to_the_queue_for_a_senior(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        service.set_policy(sessions, PROFILE, four_eyes=True)
        pending(gateway)
        case_id = claimed(gateway)
        service.decide(gateway, "anna", case_id, "confirm", None, REASON)
        service.claim(sessions, "bram", case_id)
        result = service.decide(gateway, "bram", case_id, "disagree", None, REASON)
        assert result.case.state is CaseState.open and result.case.escalated
        assert claimed(gateway, "carla") == case_id


class TestHiddenRecommendation:
    def test_the_proposal_is_withheld_until_a_first_view_is_recorded(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        service.set_policy(sessions, PROFILE, hide_recommendation=True)
        pending(gateway, inputs=HIGH)
        case_id = claimed(gateway)
        view = service.case_view(gateway, "anna", case_id)
        assert view.recommendation_hidden and view.recommendation is None
        assert view.decision["outcome"] is None and view.inputs == HIGH
        assert "low_income" not in json.dumps(view.to_json_dict())  # no trace either
        refusal = refused(
            service.record_opened, sessions, "anna", case_id, OpenedItem.recommendation
        )
        assert rules(refusal) == {("item", "recommendation_hidden")}
        refusal = refused(service.decide, gateway, "anna", case_id, "confirm", None, REASON)
        assert rules(refusal) == {("first_view", "first_view_required")}
        refusal = refused(service.record_first_view, sessions, "anna", case_id, "perhaps")
        assert rules(refusal) == {("outcome", "outcome_undeclared")}
        service.record_first_view(sessions, "anna", case_id, "granted")
        assert rules(refused(service.record_first_view, sessions, "anna", case_id, "refused")) == {
            ("first_view", "first_view_recorded")
        }
        view = service.case_view(gateway, "anna", case_id)
        assert not view.recommendation_hidden and view.recommendation is not None
        assert view.recommendation["outcome"] == "refused"
        service.record_opened(sessions, "anna", case_id, OpenedItem.recommendation)
        service.decide(gateway, "anna", case_id, "confirm", None, REASON)
        (fact,) = service.review_facts(sessions)
        assert fact.first_view == "granted" and fact.final_outcome == "refused"
        assert OpenedItem.recommendation in fact.opened


class TestCaseView:
    def test_the_case_file_holds_the_inputs_explanation_submissions_and_history(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        earlier = gateway.decide(PROFILE, FINAL, "123456782", LOW)
        gateway.decide(PROFILE, FINAL, "someone-else", LOW)
        decision_uuid = pending(gateway, "123456782", HIGH)
        service.add_submission(gateway, decision_uuid, "point_of_view", "My rent went up.")
        case_id = claimed(gateway)
        view = service.case_view(gateway, "anna", case_id)
        assert view.inputs == HIGH and view.recommendation is not None
        assert view.recommendation["explanation"]["kind"] == "rule_trace"
        assert view.decision["route_reasons"][0]["code"] == "human_review_before_effect"
        assert [s.text for s in view.submissions] == ["My rent went up."]
        assert [h.decision_uuid for h in view.history] == [earlier.decision_uuid]
        assert view.declared_outcomes == {"granted": True, "refused": False, "deferred": None}

    def test_only_the_reviewer_holding_the_case_reads_it(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        pending(gateway)
        case_id = claimed(gateway)
        assert rules(refused(service.case_view, gateway, "bram", case_id)) == {
            ("case", "not_claimed")
        }
        assert refused(service.case_view, gateway, "dirk", case_id).kind is ProblemKind.forbidden
        assert refused(service.case_view, gateway, "anna", "no-such-case").kind is (
            ProblemKind.not_found
        )


# -- contests, control cases, erasure ----------------------------------------------------


class TestContests:
    def test_a_contest_goes_to_a_reviewer_who_did_not_decide_before(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        decision_uuid = pending(gateway, inputs=HIGH)
        refusal = refused(service.open_contest, gateway, decision_uuid, point_of_view="No!")
        assert rules(refusal) == {("decision_uuid", "review_open")}
        case_id = claimed(gateway)
        service.decide(gateway, "anna", case_id, "confirm", None, REASON)
        contest = service.open_contest(
            gateway,
            decision_uuid,
            point_of_view="My income is lower than stated.",
            documents=[service.Document(b"scan", "aanslag.pdf", "application/pdf")],
        )
        assert (contest.kind, contest.round, contest.state) == (CaseKind.contest, 1, "open")
        assert contest.due_at <= contest.created_at + timedelta(days=31)
        assert service.claim_next(sessions, "anna", PROFILE) is None
        assert rules(refused(service.claim, sessions, "anna", contest.id)) == {
            ("reviewer", "excluded_reviewer")
        }
        assert claimed(gateway, "bram") == contest.id
        view = service.case_view(gateway, "bram", contest.id)
        assert [s.kind for s in view.submissions] == ["point_of_view", "document"]
        assert [a.reviewer_id for a in view.acts] == ["anna"]
        result = service.decide(gateway, "bram", contest.id, "override", "granted", REASON)
        assert result.settled and decision_row(sessions, decision_uuid).outcome == "granted"
        facts = service.review_facts(sessions)
        assert [(f.kind, f.round, f.model_outcome) for f in facts] == [
            (CaseKind.initial, 0, "refused"),
            (CaseKind.contest, 1, "refused"),
        ]

    def test_a_final_decision_without_review_can_be_contested(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        record = gateway.decide(PROFILE, FINAL, "1", HIGH)
        contest = service.open_contest(gateway, record.decision_uuid)
        assert contest.round == 1 and contest.kind is CaseKind.contest
        assert refused(service.open_contest, gateway, "nope").kind is ProblemKind.not_found


class TestControlCases:
    def test_a_planted_case_looks_ordinary_and_is_scored(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        control = service.plant_control_case(
            gateway, PROFILE, PENDING, HIGH, "granted", "Priya Privacy"
        )
        (item,) = service.queue(sessions, PROFILE)
        assert item.decision_uuid == control.decision_uuid and item.kind is CaseKind.initial
        assert control.caught is None
        case_id = claimed(gateway)
        service.decide(gateway, "anna", case_id, "confirm", None, REASON)  # misses it
        (found,) = service.list_control_cases(sessions, PROFILE)
        assert found.reached == "refused" and found.caught is False
        (fact,) = service.review_facts(sessions)
        assert fact.kind is CaseKind.control and fact.control_expected == "granted"
        refusal = refused(service.plant_control_case, gateway, PROFILE, PENDING, HIGH, "maybe", " ")
        assert rules(refusal) == {
            ("planted_by", "name_length"),
            ("expected_outcome", "outcome_undeclared"),
        }


class TestErasure:
    def test_shredding_wipes_what_the_review_desk_holds_in_the_clear(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        service.set_policy(sessions, PROFILE, group_field="housing")
        decided = pending(gateway, "123456782", HIGH)
        case_id = claimed(gateway)
        service.decide(gateway, "anna", case_id, "confirm", None, REASON)
        still_open = pending(gateway, "123456782", LOW)
        other = pending(gateway, "someone-else", LOW)
        assert [f.group for f in service.review_facts(sessions)] == ["own"]
        gateway.shred("123456782")
        (fact,) = service.review_facts(sessions)
        assert fact.group is None and fact.final_outcome is None and fact.model_outcome is None
        assert case_of(sessions, decided).proposed_outcome is None
        assert case_of(sessions, still_open).state == "erased"
        assert case_of(sessions, other).state == "open"
        assert [c.decision_uuid for c in service.queue(sessions, PROFILE)] == [other]
        assert rules(refused(service.open_contest, gateway, decided)) == {
            ("decision_uuid", "subject_erased")
        }


# -- facts, staff and policies ----------------------------------------------------------


class TestFacts:
    def test_facts_carry_favourability_groups_and_periods(
        self, gateway: Gateway, sessions: Sessions
    ) -> None:
        service.set_policy(sessions, PROFILE, group_field="housing")
        pending(gateway, "1", HIGH)
        pending(gateway, "2", LOW)
        first = claimed(gateway)
        service.decide(gateway, "anna", first, "override", "granted", REASON)
        second = claimed(gateway)
        service.decide(gateway, "anna", second, "escalate", None, REASON)
        facts = service.review_facts(sessions, PROFILE)
        assert [(f.action, f.model_outcome, f.final_outcome) for f in facts] == [
            (ReviewAction.override, "refused", "granted"),
            (ReviewAction.escalate, "granted", None),
        ]
        assert (facts[0].model_favourable, facts[0].final_favourable) == (False, True)
        assert [f.group for f in facts] == ["own", "rent"]
        assert all(f.reviewer_id == "anna" and f.kind is CaseKind.initial for f in facts)
        assert service.review_facts(sessions, since=facts[1].decided_at) == facts[1:]
        assert service.review_facts(sessions, until=facts[0].decided_at) == []
        assert service.review_facts(sessions, "other-profile") == []


class TestStaff:
    def test_reviewers_and_their_authorisations(self, gateway: Gateway, sessions: Sessions) -> None:
        carla = service.get_reviewer(sessions, "carla")
        authorisation = carla.authorised_for(PROFILE)
        assert authorisation is not None and authorisation.senior
        assert [r.id for r in service.list_reviewers(sessions, PROFILE)] == [
            "anna",
            "bram",
            "carla",
        ]
        refusal = refused(service.add_reviewer, sessions, "anna", "Another Anna")
        assert refusal.kind is ProblemKind.conflict
        refusal = refused(service.add_reviewer, sessions, "Not A Slug", "")
        assert rules(refusal) == {("id", "reviewer_id_form"), ("name", "name_length")}
        service.revoke(sessions, "bram", PROFILE)
        assert [r.id for r in service.list_reviewers(sessions, PROFILE)] == ["anna", "carla"]
        assert refused(service.authorise, sessions, "bram", "nope").kind is ProblemKind.not_found

    def test_a_policy_is_validated_whole(self, gateway: Gateway, sessions: Sessions) -> None:
        assert service.get_policy(sessions, PROFILE) == service.Policy()
        refusal = refused(
            service.set_policy,
            sessions,
            PROFILE,
            claim_minutes=0,
            due_days=1000,
            group_field="nationality",
            thresholds={"max_agreement": 2 == 3, "Bad Name": 1},
        )
        assert rules(refusal) == {
            ("claim_minutes", "range"),
            ("due_days", "range"),
            ("group_field", "field_undeclared"),
            ("thresholds.max_agreement", "threshold_value"),
            ("thresholds", "threshold_name"),
        }
        assert service.get_policy(sessions, PROFILE) == service.Policy()
        policy = service.set_policy(
            sessions, PROFILE, four_eyes=True, thresholds={"max_agreement": 0.95}
        )
        assert policy.four_eyes and not policy.hide_recommendation
        assert service.get_policy(sessions, PROFILE) == policy
