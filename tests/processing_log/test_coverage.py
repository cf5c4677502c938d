"""Every processing of personal data leaves a record (issue 8): opening a review case file,
a review act, a decision notice, each piece of work of the rights desk and the retention
job's erasures. Each record names its operation, the processing activity of the decision's
profile version and the person, encrypted; the file holds no personal data in clear.
SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

import review_desk
import rights_world
from processing_log.world import records
from retention_world import LATELY, LONG_AGO, NOW
from retention_world import decide as decide_at
from rights_world import DECISION_ID, GOOD, POOR, PROFILE_ID, Sink, code_in, smtp_sink
from sluis.gateway.crypto import load_master_key
from sluis.gateway.service import Gateway
from sluis.notices.service import decision_notice
from sluis.processing_log.subject_ids import SubjectIdCipher
from sluis.retention.service import run_retention
from sluis.review import service as review
from sluis.review.facts import OpenedItem
from sluis.review.problems import ReviewRefused
from sluis.rights.desk import RightsDesk
from sluis.rights.handling import (
    decide_objection,
    erase,
    lift_restriction,
    rectify,
    restrict,
)
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.package import access_package
from sluis.rights.verification import set_contact, verify_code

Sessions = sessionmaker[Session]
PERSON = "client-4711"
MAIL = "jan.jansen@example.org"
REASON = "Checked the income statement against the declared household."
SUBJECT_TYPE = "urn:sluis:subject-pseudonym:aes-gcm"


def activity(profile_id: str, version: int = 1) -> str:
    return f"http://127.0.0.1:8000/api/v1/register/art30?profile={profile_id}&version={version}"


def named(gateway: Gateway, name: str) -> list[dict[str, Any]]:
    return [r for r in records(gateway) if r["name"] == name]


def subject_of(gateway: Gateway, record: dict[str, Any]) -> str:
    """The pseudonym a record names, decrypted with the log's key."""
    cipher = SubjectIdCipher(load_master_key(gateway.settings))
    assert record["attributes"]["dpl.core.data_subject_id_type"] == SUBJECT_TYPE
    return cipher.decrypt(record["attributes"]["dpl.core.data_subject_id"])


def log_text(gateway: Gateway) -> str:
    assert gateway.processing_log.flush()
    path = gateway.processing_log.file
    assert path is not None
    return path.read_text(encoding="utf-8")


def assert_about(
    gateway: Gateway, record: dict[str, Any], person: str, profile_id: str, decision: str
) -> None:
    attributes = record["attributes"]
    assert attributes["dpl.core.processing_activity_id"] == activity(profile_id)
    assert attributes["sluis.algorithm"] == profile_id
    assert attributes["sluis.decision"] == decision
    assert subject_of(gateway, record) == gateway.keys.ring.pseudonym(person)


# -- the review desk ---------------------------------------------------------------------


@pytest.fixture
def desk_gateway(sessions: Sessions, tmp_path: Path) -> Gateway:
    return review_desk.set_up_desk(sessions, tmp_path)


def claimed_case(gateway: Gateway, person: str) -> tuple[str, str]:
    decision = gateway.decide(review_desk.PROFILE, review_desk.PENDING, person, review_desk.HIGH)
    case = review.claim_next(gateway.sessions, "anna", review_desk.PROFILE)
    assert case is not None
    return decision.decision_uuid, case.id


def test_opening_a_case_file_is_logged_about_the_decisions_person(
    desk_gateway: Gateway,
) -> None:
    decision, case_id = claimed_case(desk_gateway, "123456782")
    review.case_view(desk_gateway, "anna", case_id)
    (record,) = named(desk_gateway, "review-open-case-file")
    assert record["status"] == "Ok" and record["attributes"]["sluis.case"] == case_id
    assert_about(desk_gateway, record, "123456782", review_desk.PROFILE, decision)


def test_a_review_act_is_logged_and_a_refused_one_as_handled(desk_gateway: Gateway) -> None:
    decision, case_id = claimed_case(desk_gateway, "123456782")
    with pytest.raises(ReviewRefused):
        review.decide(desk_gateway, "anna", case_id, "confirm", None, "")  # no reason
    review.record_opened(desk_gateway.sessions, "anna", case_id, OpenedItem.inputs)
    review.decide(desk_gateway, "anna", case_id, "confirm", None, REASON)
    refused, done = named(desk_gateway, "review-decide")
    assert (refused["status"], refused["attributes"]["sluis.result"]) == ("Unset", "refused")
    assert (done["status"], done["attributes"]["sluis.result"]) == ("Ok", "done")
    for record in (refused, done):
        assert_about(desk_gateway, record, "123456782", review_desk.PROFILE, decision)
    text = log_text(desk_gateway)
    assert REASON not in text and "123456782" not in text and "9000" not in text


def test_an_unknown_case_is_logged_as_refused_without_a_person(desk_gateway: Gateway) -> None:
    with pytest.raises(ReviewRefused):
        review.case_view(desk_gateway, "anna", "no-such-case")
    (record,) = named(desk_gateway, "review-open-case-file")
    assert record["status"] == "Unset"
    assert "dpl.core.data_subject_id" not in record["attributes"]


def test_building_a_decision_notice_is_logged(desk_gateway: Gateway) -> None:
    decided = desk_gateway.decide(
        review_desk.PROFILE, review_desk.FINAL, "123456782", review_desk.LOW
    )
    decision_notice(desk_gateway, decided.decision_uuid, "nl")
    (record,) = named(desk_gateway, "build-decision-notice")
    assert record["status"] == "Ok"
    assert_about(desk_gateway, record, "123456782", review_desk.PROFILE, decided.decision_uuid)


# -- the rights desk ---------------------------------------------------------------------


@pytest.fixture
def sink() -> Iterator[Sink]:
    yield from smtp_sink()


@pytest.fixture
def loans(sessions: Sessions, tmp_path: Path) -> Gateway:
    return rights_world.make_gateway(sessions, tmp_path)


@pytest.fixture
def desk(loans: Gateway, tmp_path: Path, sink: Sink) -> RightsDesk:
    return rights_world.make_desk(loans, tmp_path, sink)


def confirmed(desk: RightsDesk, sink: Sink, kind: str, reference: str, **extra: Any) -> str:
    """A portal request by the person, confirmed with the code mailed to them."""
    set_contact(desk, PERSON, MAIL)
    before = len(sink.messages)
    new = NewRequest(kind=kind, reference=reference, email=MAIL, name="Jan Jansen", **extra)  # type: ignore[arg-type]
    request_id = take_in(desk, new).id
    verify_code(desk, request_id, code_in(sink.wait_for(before + 1)[before]))
    return request_id


def assert_request(
    desk: RightsDesk, record: dict[str, Any], request_id: str, decision: str
) -> None:
    assert record["status"] == "Ok"
    assert record["attributes"]["sluis.request"] == request_id
    assert_about(desk.gateway, record, PERSON, PROFILE_ID, decision)


def assert_no_personal_data(gateway: Gateway) -> None:
    text = log_text(gateway)
    for clear in (PERSON, MAIL, "Jan Jansen", "3150.25", "812.75", "9999 ZQ"):
        assert clear not in text
    assert gateway.keys.ring.pseudonym(PERSON) not in text


def test_an_erasure_is_logged_about_the_person_it_erased(
    desk: RightsDesk, loans: Gateway, sink: Sink
) -> None:
    decision = loans.decide(PROFILE_ID, DECISION_ID, PERSON, GOOD).decision_uuid
    request_id = confirmed(desk, sink, "erasure", decision)
    erase(desk, request_id)
    (record,) = named(loans, "rights-erasure")
    assert_request(desk, record, request_id, decision)
    assert_no_personal_data(loans)


def test_restricting_and_lifting_are_each_logged(
    desk: RightsDesk, loans: Gateway, sink: Sink
) -> None:
    decision = loans.decide(PROFILE_ID, DECISION_ID, PERSON, GOOD).decision_uuid
    request_id = confirmed(desk, sink, "restriction", decision)
    restrict(desk, request_id)
    lift_restriction(desk, request_id)
    found = named(loans, "rights-restriction")
    assert len(found) == 2
    for record in found:
        assert_request(desk, record, request_id, decision)
    assert_no_personal_data(loans)


def test_weighing_an_objection_is_logged(desk: RightsDesk, loans: Gateway, sink: Sink) -> None:
    decision = loans.decide(PROFILE_ID, DECISION_ID, PERSON, GOOD).decision_uuid
    request_id = confirmed(desk, sink, "objection", decision)
    decide_objection(desk, request_id, False, "We must check creditworthiness by law.")
    (record,) = named(loans, "rights-objection")
    assert_request(desk, record, request_id, decision)
    assert "creditworthiness" not in log_text(loans)


def test_a_rectification_is_logged_with_the_new_decision_as_its_child(
    desk: RightsDesk, loans: Gateway, sink: Sink
) -> None:
    decision = loans.decide(PROFILE_ID, DECISION_ID, PERSON, POOR).decision_uuid
    request_id = confirmed(desk, sink, "rectification", decision, message="Mijn inkomen is 2500.")
    rectify(desk, request_id, {"monthly_income": 2500.0}, subject_id=PERSON)
    (record,) = named(loans, "rights-rectification")
    assert_request(desk, record, request_id, decision)
    redecided = [r for r in named(loans, "decide") if r["parent_span_id"] == record["span_id"]]
    assert len(redecided) == 1 and redecided[0]["trace_id"] == record["trace_id"]
    assert subject_of(loans, redecided[0]) == loans.keys.ring.pseudonym(PERSON)
    assert "2500" not in log_text(loans)
    assert_no_personal_data(loans)


def test_an_access_package_is_logged_with_a_notice_per_decision(
    desk: RightsDesk, loans: Gateway, sink: Sink
) -> None:
    first = loans.decide(PROFILE_ID, DECISION_ID, PERSON, GOOD).decision_uuid
    second = loans.decide(PROFILE_ID, DECISION_ID, PERSON, POOR).decision_uuid
    request_id = confirmed(desk, sink, "access", first)
    access_package(desk, request_id)
    (record,) = named(loans, "rights-access-package")
    assert_request(desk, record, request_id, first)
    notices = [
        r for r in named(loans, "build-decision-notice") if r["parent_span_id"] == record["span_id"]
    ]
    assert {r["attributes"]["sluis.decision"] for r in notices} == {first, second}
    assert_no_personal_data(loans)


def test_a_contest_opens_a_review_round_that_is_logged(
    desk: RightsDesk, loans: Gateway, sink: Sink
) -> None:
    decision = loans.decide(PROFILE_ID, DECISION_ID, PERSON, POOR).decision_uuid
    confirmed(desk, sink, "contest", decision, message="Ik verdien meer dan dat.")
    (record,) = named(loans, "rights-contest")
    assert record["status"] == "Ok"
    assert_about(loans, record, PERSON, PROFILE_ID, decision)
    assert "verdien" not in log_text(loans)


# -- the retention job -------------------------------------------------------------------


def test_a_retention_run_is_one_action_with_a_line_per_erased_record(
    sessions: Sessions, loans: Gateway
) -> None:
    old_a = decide_at(loans, "subject-a", LONG_AGO)
    decide_at(loans, "subject-a", LATELY)  # not expired: no line
    old_b = decide_at(loans, "subject-b", LONG_AGO)
    run_retention(sessions, loans, NOW, batch_size=1)
    (run,) = named(loans, "retention-run")
    assert run["status"] == "Ok" and "dpl.core.data_subject_id" not in run["attributes"]
    lines = named(loans, "retention-erasure")
    assert {r["attributes"]["sluis.decision"] for r in lines} == {old_a, old_b}
    assert {r["parent_span_id"] for r in lines} == {run["span_id"]}
    assert {r["trace_id"] for r in lines} == {run["trace_id"]}
    by_decision = {r["attributes"]["sluis.decision"]: r for r in lines}
    for decision, person in ((old_a, "subject-a"), (old_b, "subject-b")):
        assert_about(loans, by_decision[decision], person, PROFILE_ID, decision)
    assert "subject-a" not in log_text(loans)


def test_a_dry_run_logs_nothing(sessions: Sessions, loans: Gateway) -> None:
    decide_at(loans, "subject-a", LONG_AGO)
    run_retention(sessions, loans, NOW, dry_run=True)
    assert not named(loans, "retention-run") and not named(loans, "retention-erasure")
