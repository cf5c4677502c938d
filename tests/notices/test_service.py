"""The notice service on storage: reviews read from the audit trail, decisions selected by
algorithm and date, and a batch that names every decision it could not make a notice for.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from notice_examples import (
    ALLOWANCE,
    ALLOWANCE_DECISION,
    CREDIT,
    record_review,
)
from sluis.gateway.service import Gateway
from sluis.notices.service import (
    decision_ids_since,
    notices_for,
    privacy_notice,
    review_events,
)
from sluis.profiles.service import ProfileNotFound


def test_reviews_are_read_from_the_audit_trail_of_that_decision_only(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    sessions = examples_gateway.sessions
    pending = decided["allowance_pending"]
    assert review_events(sessions, pending) == ()
    record_review(sessions, pending, "confirm", stage="first")
    record_review(sessions, pending, "agree", stage="second")
    reviews = review_events(sessions, pending)
    assert [(r.action, r.stage, r.round) for r in reviews] == [
        ("confirm", "first", 0),
        ("agree", "second", 0),
    ]
    assert all(r.at.tzinfo is not None for r in reviews)
    assert review_events(sessions, decided["allowance_refused"]) == ()


def test_decisions_are_selected_by_algorithm_day_and_decision(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    sessions = examples_gateway.sessions
    today = datetime.now(UTC).date()
    names = ("allowance_granted", "allowance_refused", "allowance_pending")
    allowance = {decided[k] for k in names}
    assert set(decision_ids_since(sessions, ALLOWANCE, today)) == allowance
    assert set(decision_ids_since(sessions, ALLOWANCE, today, decision_id=ALLOWANCE_DECISION)) == (
        allowance
    )
    assert decision_ids_since(sessions, ALLOWANCE, today, decision_id="other") == []
    assert decision_ids_since(sessions, ALLOWANCE, today + timedelta(days=1)) == []
    assert len(decision_ids_since(sessions, CREDIT, date(2000, 1, 1))) == 2
    with pytest.raises(ProfileNotFound):
        decision_ids_since(sessions, "no-such-algorithm", today)


def test_a_batch_makes_every_notice_it_can_and_names_the_rest_with_the_reason(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    examples_gateway.shred("household-1")
    unknown = "00000000-0000-7000-8000-000000000000"
    ids = [decided["allowance_granted"], decided["allowance_refused"], unknown]
    results = list(notices_for(examples_gateway, ids, "nl"))
    assert [(i, n is not None, problem) for i, n, problem in results] == [
        (ids[0], False, "erased"),
        (ids[1], True, None),
        (ids[2], False, "not_found"),
    ]


def test_the_privacy_notice_of_a_stored_version(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = privacy_notice(examples_gateway.sessions, CREDIT, "en", version=1)
    assert (n.profile_id, n.profile_version) == (CREDIT, 1)
    with pytest.raises(ProfileNotFound):
        privacy_notice(examples_gateway.sessions, CREDIT, "en", version=9)
