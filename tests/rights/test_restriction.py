"""Restriction (GDPR art. 18) as the gateway sees it, on both databases: a restricted
subject gets no new decision, one at a time or in a batch, where the row is refused with
the same problem and the other rows go on."""

from __future__ import annotations

import pandas as pd
import pytest

from rights_world import GOOD, POOR, Sink
from sluis.audit import read_events
from sluis.gateway.batch import BatchRefused
from sluis.gateway.service import Gateway
from sluis.rights.desk import RightsDesk
from sluis.rights.handling import lift_restriction, restrict
from sluis.rights.intake import NewRequest, take_in
from sluis.rights.restriction import RULE, SubjectRestricted, restricted_among
from sluis.store.dbapi import raw_transaction

PERSON = "client-4711"


def restricted(desk: RightsDesk, gateway: Gateway, subject: str = PERSON) -> str:
    """A restriction request for ``subject``, registered by staff and carried out."""
    ref = gateway.decide("small-loan", "grant-loan", subject, GOOD).decision_uuid
    request = take_in(
        desk, NewRequest("restriction", "letter", reference=ref), identity_checked=True
    )
    restrict(desk, request.id)
    return request.id


def table(*subjects: str) -> pd.DataFrame:
    rows = [{"subject_id": s, **(GOOD if i % 2 == 0 else POOR)} for i, s in enumerate(subjects)]
    return pd.DataFrame(rows)


def test_restricted_among_finds_exactly_the_restricted(
    desk: RightsDesk, gateway: Gateway, sink: Sink
) -> None:
    restricted(desk, gateway, "a")
    restricted(desk, gateway, "b")
    ring = gateway.keys.ring
    with raw_transaction(gateway.engine) as tx:
        asked = [ring.pseudonym(s) for s in ("a", "c")]
        assert restricted_among(tx, asked) == {ring.pseudonym("a")}
        # Fewer subjects asked about than restrictions stand: looked up by subject.
        assert restricted_among(tx, [ring.pseudonym("b")]) == {ring.pseudonym("b")}
        assert restricted_among(tx, []) == set()


def test_a_batch_refuses_only_the_rows_of_a_restricted_subject(
    desk: RightsDesk, gateway: Gateway, sink: Sink
) -> None:
    request_id = restricted(desk, gateway)
    with pytest.raises(SubjectRestricted) as single:
        gateway.decide("small-loan", "grant-loan", PERSON, GOOD)
    result = gateway.decide_batch(
        "small-loan", "grant-loan", table("x-1", PERSON, "x-2", PERSON), chunk_size=3
    )
    assert result.decided == 2
    assert sorted(result.bad_rows) == [1, 3]
    for row in (1, 3):
        (problem,) = result.bad_rows[row]
        assert (problem.field, problem.rule) == ("subject_id", RULE)
        assert problem.message in str(single.value)  # the same problem as one decision
        assert problem.articles == single.value.articles
    assert result.decision_ids[1] is None and result.decision_ids[0] is not None
    refused = [e for e in read_events(desk.sessions, limit=1000) if e.event == "refused_input"]
    assert any(p["rule"] == RULE for e in refused for p in e.details["problems"])
    lift_restriction(desk, request_id)
    again = gateway.decide_batch("small-loan", "grant-loan", table(PERSON))
    assert again.decided == 1 and not again.bad_rows


def test_an_atomic_batch_with_a_restricted_subject_records_nothing(
    desk: RightsDesk, gateway: Gateway, sink: Sink
) -> None:
    restricted(desk, gateway)
    with desk.sessions.begin() as session:
        from sqlalchemy import func, select

        from sluis.store.tables.gateway import DecisionRow

        before = session.scalar(select(func.count()).select_from(DecisionRow))
    with pytest.raises(BatchRefused) as refused:
        gateway.decide_batch("small-loan", "grant-loan", table("y-1", "y-2", PERSON), atomic=True)
    assert list(refused.value.bad_rows) == [2]
    assert refused.value.bad_rows[2][0].rule == RULE
    with desk.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(DecisionRow)) == before
