"""The rights desk on storage (SQLite and PostgreSQL): requests taken in, identity checked,
each request doing its work, answered by real mail to a local SMTP server."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from rights_world import GOOD, POOR, STAFF_EMAIL, Sink, attachments_of, code_in, text_of
from sluis.audit import read_events, verify_chain
from sluis.gateway.service import Gateway
from sluis.retention.holds import lift_hold, place_hold
from sluis.review.claims import claim_next
from sluis.review.deciding import decide as review_decide
from sluis.review.staff import add_reviewer, authorise
from sluis.rights.desk import RightsDesk
from sluis.rights.handling import (
    decide_objection,
    erase,
    extend,
    follow_reviews,
    lift_restriction,
    rectify,
    refuse,
    restrict,
)
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.package import access_package, package_pdf
from sluis.rights.problems import RightsRefused
from sluis.rights.reminders import list_requests, remind
from sluis.rights.restriction import SubjectRestricted
from sluis.rights.states import RequestState
from sluis.rights.timing import ZONE
from sluis.rights.verification import (
    Method,
    identity_step,
    send_code,
    set_contact,
    verify_code,
    verify_facts,
)
from sluis.store.tables.rights import RightsRequestRow

PERSON = "client-4711"
MAIL = "jan.jansen@example.org"


def portal(desk: RightsDesk, kind: str, ref: str, **extra: object) -> str:
    new = NewRequest(kind=kind, reference=ref, email=MAIL, name="Jan Jansen", **extra)  # type: ignore[arg-type]
    return take_in(desk, new).id


def confirmed(desk: RightsDesk, sink: Sink, kind: str, ref: str, **extra: object) -> str:
    """A portal request whose identity was confirmed with the mailed code."""
    before = len(sink.messages)
    request_id = portal(desk, kind, ref, **extra)
    code = code_in(sink.wait_for(before + 1)[before])
    verify_code(desk, request_id, code)
    return request_id


def erasure_asked(desk: RightsDesk, sink: Sink, ref: str) -> str:
    """An erasure request by the person, confirmed with the code mailed to them."""
    set_contact(desk, PERSON, MAIL)
    return confirmed(desk, sink, "erasure", ref)


class TestIntake:
    def test_a_request_is_due_one_month_after_receipt_by_the_holiday_calendar(
        self, desk: RightsDesk, gateway: Gateway
    ) -> None:
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        # Received Friday 2025-01-31: the month ends Friday 2025-02-28 (1182/71 art. 3(2)(c)).
        request = take_in(
            desk,
            NewRequest("access", "letter", reference=ref, received_on=date(2025, 1, 31)),
        )
        assert request.due_on == date(2025, 2, 28)
        # Received 2025-03-29: the month ends Tuesday 2025-04-29... and 2025-04-26 is a
        # Saturday: received 2025-03-26 ends on Saturday 2025-04-26, rolled to Monday 28th.
        later = take_in(
            desk, NewRequest("access", "phone", reference=ref, received_on=date(2025, 3, 26))
        )
        assert later.due_on == date(2025, 4, 28)

    def test_bad_input_is_refused_naming_every_field_and_nothing_is_stored(
        self, desk: RightsDesk, sessions: object
    ) -> None:
        tomorrow = datetime.now(ZONE).date() + timedelta(days=1)
        with pytest.raises(RightsRefused) as refused:
            take_in(
                desk,
                NewRequest("contest", "letter", email="not-an-address", received_on=tomorrow),
            )
        fields = {p.field: p.rule for p in refused.value.problems}
        assert fields == {
            "reference": "reference_needed",
            "email": "email_form",
            "received_on": "received_in_future",
        }
        with desk.sessions.begin() as session:
            assert session.scalars(select(RightsRequestRow)).first() is None

    def test_an_unknown_reference_is_refused_and_logged_without_it(
        self, desk: RightsDesk, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.INFO, "sluis.rights")
        fake = "01900000-0000-7000-8000-000000000000"
        with pytest.raises(RightsRefused) as refused:
            portal(desk, "contest", fake)
        assert [p.rule for p in refused.value.problems] == ["reference_unknown"]
        assert "unknown reference" in caplog.text and fake not in caplog.text

    def test_a_reference_and_a_subject_that_do_not_belong_together_are_refused(
        self, desk: RightsDesk, gateway: Gateway
    ) -> None:
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        with pytest.raises(RightsRefused) as refused:
            take_in(desk, NewRequest("access", "letter", reference=ref, subject_id="someone-else"))
        assert refused.value.problems[0].rule == "reference_mismatch"

    def test_personal_data_are_stored_sealed_only(self, desk: RightsDesk, gateway: Gateway) -> None:
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        request_id = portal(desk, "contest", ref, message="Mijn inkomen is hoger")
        with desk.sessions.begin() as session:
            row = session.get(RightsRequestRow, request_id)
            assert row is not None
            assert b"Jansen" not in row.sealed and MAIL.encode() not in row.sealed
            assert row.subject_pseudonym == gateway.keys.ring.pseudonym(PERSON)


class TestIdentity:
    def test_a_code_goes_to_the_known_address_and_opens_the_request_once(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        set_contact(desk, PERSON, "known@example.org")
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        request_id = portal(desk, "explanation", ref)
        mail = sink.wait_for(1)[0]
        assert mail["To"] == "known@example.org"  # never the address typed in the form
        code = code_in(mail)
        done = verify_code(desk, request_id, code)
        assert done.state is RequestState.answered  # an explanation is sent at once
        with pytest.raises(RightsRefused) as replay:
            verify_code(desk, request_id, code)
        assert replay.value.problems[0].rule == "code_used"
        # A new code signs the person in again; the request is not started twice.
        send_code(desk, request_id)
        again = verify_code(desk, request_id, code_in(sink.wait_for(3)[-1]))
        assert again.state is RequestState.answered

    def test_wrong_and_replayed_codes_count_and_lock_the_request(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        set_contact(desk, PERSON, "known@example.org")
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        request_id = portal(desk, "access", ref)
        code = code_in(sink.wait_for(1)[0])
        wrong = "000000" if code != "000000" else "111111"
        rules = []
        for _ in range(5):
            with pytest.raises(RightsRefused) as refused:
                verify_code(desk, request_id, wrong)
            rules.append(refused.value.problems[0].rule)
        assert rules == ["code_wrong"] * 4 + ["identity_locked"]
        with pytest.raises(RightsRefused) as locked:
            verify_code(desk, request_id, code)  # even the right code: staff must check now
        assert locked.value.status == 429
        assert identity_step(desk, request_id).state is RequestState.identity_locked

    def test_an_expired_code_is_refused(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        set_contact(desk, PERSON, "known@example.org")
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        request_id = portal(desk, "access", ref)
        code = code_in(sink.wait_for(1)[0])
        later = datetime.now(ZONE) + timedelta(minutes=16)
        with pytest.raises(RightsRefused) as refused:
            verify_code(desk, request_id, code, now=later)
        assert refused.value.problems[0].rule == "code_expired"

    def test_a_code_of_one_request_does_not_open_another(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        set_contact(desk, PERSON, "known@example.org")
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        first = portal(desk, "access", ref)
        second = portal(desk, "explanation", ref)
        first_code = code_in(sink.wait_for(2)[0])
        with pytest.raises(RightsRefused) as refused:
            verify_code(desk, second, first_code)
        assert refused.value.problems[0].rule == "code_wrong"
        assert identity_step(desk, first).state is RequestState.identity_pending

    def test_without_a_known_address_the_person_gives_facts_from_their_decision(
        self, desk: RightsDesk, gateway: Gateway
    ) -> None:
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        request_id = portal(desk, "access", ref)
        step = identity_step(desk, request_id)
        assert step.method is Method.facts
        assert [f for f, _ in step.questions] == ["monthly_income", "amount"]
        with pytest.raises(RightsRefused) as refused:
            verify_facts(desk, request_id, {"monthly_income": "3150,25", "amount": "4000"})
        assert refused.value.problems[0].rule == "facts_wrong"
        done = verify_facts(desk, request_id, {"monthly_income": "3150,25", "amount": " 5000 "})
        assert done.state is RequestState.answered
        with pytest.raises(RightsRefused) as no_address:
            send_code(desk, request_id)
        assert no_address.value.problems[0].rule == "no_known_address"


class TestContest:
    def test_a_contest_is_reviewed_by_another_reviewer_and_the_new_notice_is_sent(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        sessions = desk.sessions
        for reviewer in ("anna", "bert"):
            add_reviewer(sessions, reviewer, reviewer.title())
            authorise(sessions, reviewer, "small-loan")
        refused = gateway.decide("small-loan", "grant-loan", PERSON, POOR)
        assert refused.outcome == "refused"
        set_contact(desk, PERSON, MAIL)
        request_id = confirmed(
            desk, sink, "contest", refused.decision_uuid, message="Ik verdien meer dan dat."
        )
        with desk.sessions.begin() as session:
            row = session.get(RightsRequestRow, request_id)
            assert row is not None and row.state == "in_review" and row.review_case_id
        case = claim_next(sessions, "anna", "small-loan")
        assert case is not None and case.kind.value == "contest"
        review_decide(
            gateway,
            "anna",
            case.id,
            "override",
            "granted",
            "The applicant's point of view shows a higher income; the loan is affordable.",
        )
        # Answered in the same call that settled the review, not when next polled.
        with desk.sessions.begin() as session:
            row = session.get(RightsRequestRow, request_id)
            assert row is not None and row.state == "answered"
        assert follow_reviews(desk) == 0  # once
        answer = sink.to(MAIL)[-1]
        assert "Het besluit is veranderd" in text_of(answer)
        notice = attachments_of(answer)
        assert list(notice) == [f"notice-{refused.decision_uuid}-nl.pdf"]
        assert notice[f"notice-{refused.decision_uuid}-nl.pdf"].startswith(b"%PDF")
        assert gateway.get_decision(refused.decision_uuid).outcome == "granted"


class TestErasure:
    def test_erasure_destroys_the_key_and_reports_what_was_erased(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        record = gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        request_id = erasure_asked(desk, sink, record.decision_uuid)
        done = erase(desk, request_id)
        assert done.state is RequestState.answered
        assert gateway.get_decision(record.decision_uuid).erased
        assert "gewist" in text_of(sink.to(MAIL)[-1])
        assert verify_chain(desk.sessions).ok

    def test_a_retention_duty_keeps_the_data_and_the_answer_says_which(
        self, sessions: object, tmp_path: object, sink: Sink
    ) -> None:
        from rights_world import make_desk, make_gateway

        retention = [
            {"data_category": "income", "months": 24},
            {
                "data_category": "application",
                "months": 84,
                "justification": "Fiscal retention duty",
            },
        ]
        gateway = make_gateway(sessions, tmp_path, retention=retention)  # type: ignore[arg-type]
        desk = make_desk(gateway, tmp_path, sink)  # type: ignore[arg-type]
        record = gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        request_id = erasure_asked(desk, sink, record.decision_uuid)
        done = erase(desk, request_id)
        assert done.state is RequestState.refused and done.refusal == "retention_duty"
        assert not gateway.get_decision(record.decision_uuid).erased
        text = text_of(sink.to(MAIL)[-1])
        assert "Fiscal retention duty" in text and "application" in text
        assert ("klacht" in text and "GDPR art. 77" in text) or "AVG art. 77" in text

    @pytest.mark.parametrize("scope", ["subject", "algorithm"])
    def test_a_legal_hold_keeps_the_data_and_the_answer_says_why(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink, scope: str
    ) -> None:
        record = gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        gateway.decide("small-loan", "grant-loan", "someone-else", GOOD)
        where = (
            {"subject_pseudonym": gateway.keys.ring.pseudonym(PERSON)}
            if scope == "subject"
            else {"profile_id": "small-loan"}
        )
        hold = place_hold(desk.sessions, reason="Case 2025/17", placed_by="legal", **where)
        request_id = erasure_asked(desk, sink, record.decision_uuid)
        done = erase(desk, request_id)
        assert done.state is RequestState.refused and done.refusal == "legal_hold"
        assert not gateway.get_decision(record.decision_uuid).erased
        text = text_of(sink.to(MAIL)[-1])
        assert "AVG art. 17(3)(e)" in text and "legal hold" in text
        assert "Case 2025/17" not in text  # the hold's own reason stays inside
        assert ("Kleine lening" in text) is (scope == "algorithm")
        # Once the hold is lifted, a new request erases.
        lift_hold(desk.sessions, hold.id, lifted_by="legal")
        again = confirmed(desk, sink, "erasure", record.decision_uuid)
        assert erase(desk, again).state is RequestState.answered
        assert gateway.get_decision(record.decision_uuid).erased

    def test_a_hold_on_another_subject_or_a_lifted_hold_does_not_stand_in_the_way(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        record = gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        other = gateway.keys.ring.pseudonym("someone-else")
        place_hold(desk.sessions, reason="Other case", placed_by="legal", subject_pseudonym=other)
        lifted = place_hold(desk.sessions, reason="Old", placed_by="legal", profile_id="small-loan")
        lift_hold(desk.sessions, lifted.id, lifted_by="legal")
        request_id = erasure_asked(desk, sink, record.decision_uuid)
        assert erase(desk, request_id).state is RequestState.answered


class TestRestrictionAndObjection:
    def test_a_restricted_person_gets_no_new_decisions_until_it_is_lifted(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        record = gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        set_contact(desk, PERSON, MAIL)
        request_id = confirmed(desk, sink, "restriction", record.decision_uuid)
        restrict(desk, request_id)
        with pytest.raises(SubjectRestricted):
            gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        gateway.decide("small-loan", "grant-loan", "someone-else", GOOD)  # others go on
        lift_restriction(desk, request_id)
        assert gateway.decide("small-loan", "grant-loan", PERSON, GOOD).outcome == "granted"
        events = [e.event for e in read_events(desk.sessions, limit=1000)]
        assert "subject_restricted" in events and "restriction_lifted" in events

    def test_a_rejected_objection_states_the_grounds_and_the_right_to_complain(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        record = gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        set_contact(desk, PERSON, MAIL)
        request_id = confirmed(desk, sink, "objection", record.decision_uuid)
        with pytest.raises(RightsRefused):
            decide_objection(desk, request_id, False, "  ")
        done = decide_objection(desk, request_id, False, "We must check creditworthiness by law.")
        assert done.state is RequestState.refused
        text = text_of(sink.to(MAIL)[-1])
        assert "dwingende redenen" in text and "by law" in text and "rechter" in text


class TestRectification:
    def test_corrected_data_lead_to_a_new_decision_with_its_notice(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        record = gateway.decide("small-loan", "grant-loan", PERSON, POOR)
        set_contact(desk, PERSON, MAIL)
        request_id = confirmed(
            desk, sink, "rectification", record.decision_uuid, message="Mijn inkomen is 2500."
        )
        with pytest.raises(RightsRefused) as refused:
            rectify(desk, request_id, {"shoe_size": 44}, subject_id=PERSON)
        assert refused.value.problems[0].field == "corrections.shoe_size"
        with pytest.raises(RightsRefused):
            rectify(desk, request_id, {"monthly_income": 2500.0}, subject_id="someone-else")
        done = rectify(desk, request_id, {"monthly_income": 2500.0}, subject_id=PERSON)
        assert done.state is RequestState.answered
        answer = sink.to(MAIL)[-1]
        assert "monthly_income" in text_of(answer)
        assert len(attachments_of(answer)) == 1


class TestDeadlinesAndReminders:
    def test_an_extension_needs_reasons_and_the_first_month(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        request = take_in(
            desk,
            NewRequest(
                "erasure", "letter", reference=ref, email=MAIL, received_on=date(2025, 1, 31)
            ),
            identity_checked=True,
        )
        with pytest.raises(RightsRefused) as late:
            extend(desk, request.id, "Many requests", recorded_on=date(2025, 3, 3))
        assert late.value.problems[0].rule == "extension_too_late"
        done = extend(desk, request.id, "Many requests this month", recorded_on=date(2025, 2, 20))
        assert done.extended and done.due_on == date(2025, 4, 28)
        assert "Many requests this month" in text_of(sink.to(MAIL)[-1])
        with pytest.raises(RightsRefused) as again:
            extend(desk, request.id, "More", recorded_on=date(2025, 2, 21))
        assert again.value.problems[0].rule == "already_extended"

    def test_overdue_requests_are_listed_and_staff_reminded_once_a_day(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        old = take_in(
            desk, NewRequest("erasure", "letter", reference=ref, received_on=date(2025, 1, 6))
        )
        assert [r.id for r in list_requests(desk, "overdue")] == [old.id]
        first = remind(desk)
        assert first.sent and first.listed == 1
        staff = sink.to(STAFF_EMAIL)
        assert len(staff) == 1 and old.id in text_of(staff[0])
        assert "Jan" not in text_of(staff[0])
        second = remind(desk)
        assert not second.sent and second.listed == 0
        assert len(sink.to(STAFF_EMAIL)) == 1


class TestAccessAndRefusal:
    def test_the_access_package_holds_every_decision_with_its_data_and_logic(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        first = gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
        second = gateway.decide("small-loan", "grant-loan", PERSON, POOR)
        gateway.decide("small-loan", "grant-loan", "someone-else", GOOD)
        set_contact(desk, PERSON, MAIL)
        request_id = confirmed(desk, sink, "access", first.decision_uuid)
        package = access_package(desk, request_id)
        assert [d["id"] for d in package["decisions"]] == [
            first.decision_uuid,
            second.decision_uuid,
        ]
        data = {f["field"]: f for f in package["decisions"][0]["data"]}
        assert data["monthly_income"]["value"] == 3150.25
        assert data["postcode"]["source"] == "data_subject"
        assert package["decisions"][0]["algorithm"]["recipients"] == ["Credit registry BKR"]
        assert package["decisions"][0]["retention"][0]["until"]
        assert package["decisions"][0]["notice"] is not None
        assert package["requests"][0]["what_you_wrote"]["email"] == MAIL
        import io

        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(package_pdf(package))).pages)
        assert "9999 ZQ" in text and "Kleine lening" in text

    def test_a_refusal_names_its_article_and_the_right_to_complain(
        self, desk: RightsDesk, gateway: Gateway, sink: Sink
    ) -> None:
        ref = gateway.decide("small-loan", "grant-loan", PERSON, GOOD).decision_uuid
        request = take_in(
            desk, NewRequest("erasure", "email", reference=ref, email=MAIL), identity_checked=True
        )
        with pytest.raises(RightsRefused) as refused:
            refuse(desk, request.id, "excessive")
        assert refused.value.problems[0].rule == "text_needed"
        done = refuse(desk, request.id, "excessive", "This is the twelfth request this month.")
        assert done.state is RequestState.refused and done.refusal == "excessive"
        text = text_of(sink.to(MAIL)[-1])
        assert "buitensporig" in text and "twelfth request" in text
        assert "AVG art. 12(5)" in text and "AVG art. 77" in text and "AVG art. 79" in text
