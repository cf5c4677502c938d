"""The rights desk's pure core: kinds, states, urgency, retention duties, identity checks
and person tokens."""

from __future__ import annotations

from datetime import date

import pytest

from rights_world import profile_document
from sluis.profiles.model import AlgorithmProfile, DataType
from sluis.rights.identity import (
    FactQuestion,
    code_digest,
    fact_matches,
    fact_questions,
    mask_email,
    new_code,
    well_formed_code,
)
from sluis.rights.kinds import RULES, RequestKind, Work, parse_kind
from sluis.rights.retention import HeldDecision, standing_duties
from sluis.rights.states import CLOSED, RequestState, may_move
from sluis.rights.timing import Urgency, urgency
from sluis.rights.tokens import person_token, token_opens


def test_every_kind_cites_its_article_and_the_notice_keys_are_understood() -> None:
    assert {str(RULES[k].article) for k in RequestKind} >= {
        "GDPR art. 15",
        "GDPR art. 16",
        "GDPR art. 17",
        "GDPR art. 18",
        "GDPR art. 21(1)",
        "GDPR art. 22(3)",
        "GDPR recital 71",
    }
    assert parse_kind("object_processing") is RequestKind.objection
    assert parse_kind(" Contest ") is RequestKind.contest
    assert parse_kind("portability") is None
    assert (
        RULES[RequestKind.contest].work is Work.review and RULES[RequestKind.contest].needs_decision
    )


def test_closed_requests_go_nowhere() -> None:
    for closed in CLOSED:
        assert not any(may_move(closed, to) for to in RequestState)
    assert may_move(RequestState.identity_pending, RequestState.identity_locked)
    assert not may_move(RequestState.identity_locked, RequestState.identity_pending)


@pytest.mark.parametrize(
    ("due", "on", "expected"),
    [
        (date(2025, 3, 5), date(2025, 3, 6), Urgency.overdue),
        (date(2025, 3, 5), date(2025, 3, 5), Urgency.due_soon),
        (date(2025, 3, 5), date(2025, 2, 27), Urgency.due_soon),
        (date(2025, 3, 5), date(2025, 2, 26), Urgency.on_time),
    ],
)
def test_urgency(due: date, on: date, expected: Urgency) -> None:
    assert urgency(due, on, closed=False) is expected
    assert urgency(due, on, closed=True) is Urgency.closed


def test_only_justified_retention_periods_that_still_run_stop_erasure() -> None:
    document = profile_document(
        retention=[
            {"data_category": "income", "months": 24},
            {"data_category": "application", "months": 84, "justification": "Fiscal duty"},
            {"data_category": "health", "months": 84, "justification": "Not used by the decision"},
        ]
    )
    profile = AlgorithmProfile.model_validate(document)
    held = [HeldDecision("d-1", profile, "grant-loan", date(2020, 1, 31))]
    (duty,) = standing_duties(held, date(2026, 11, 23))
    assert (duty.data_category, duty.until, str(duty.article)) == (
        "application",
        date(2027, 1, 31),
        "GDPR art. 17(3)(b)",
    )
    assert standing_duties(held, date(2027, 2, 1)) == []


def test_codes_are_six_digits_bound_to_their_request() -> None:
    code = new_code()
    assert well_formed_code(code) and not well_formed_code("12345a")
    secret = bytes(32)
    assert code_digest(secret, "r-1", code) != code_digest(secret, "r-2", code)


def test_facts_are_asked_only_of_what_the_person_gave_and_compared_forgivingly() -> None:
    document = profile_document()
    document["data_fields"].append(
        {
            "name": "bsn",
            "type": "string",
            "category": "identity",
            "source": "data_subject",
            "national_id": True,
            "national_id_basis": "Wet X",
        }
    )
    profile = AlgorithmProfile.model_validate(document)
    asked = fact_questions(
        profile, "grant-loan", {"monthly_income": 10.5, "amount": 500, "bsn": "1"}
    )
    assert [q.field for q in asked] == ["monthly_income", "amount"]
    number = FactQuestion("monthly_income", DataType.number)
    assert fact_matches(number, 3150.25, " 3150,25 ")
    assert not fact_matches(number, 3150.25, "3150")
    assert fact_matches(FactQuestion("postcode", DataType.string), "9999 ZQ", "9999 zq")
    assert mask_email("jan@example.org") == "j***@example.org"


def test_a_token_opens_only_its_own_request_until_it_expires() -> None:
    secret = b"s" * 32
    token = person_token(secret, "request-a", now=1000)
    assert token_opens(secret, token, "request-a", now=1000)
    assert not token_opens(secret, token, "request-b", now=1000)
    assert not token_opens(secret, token, "request-a", now=1000 + 3 * 3600)
    assert not token_opens(b"t" * 32, token, "request-a", now=1000)
    assert not token_opens(secret, token.replace("request-a", "request-b"), "request-b", now=1000)
