"""Many reviewers at once, each on a connection of their own (as in many app instances):
no case is decided twice and none is lost, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from review_desk import LOW, MASTER, PENDING, PROFILE, set_up_desk
from sluis.audit import read_events, verify_chain
from sluis.gateway.crypto import KeyRing
from sluis.gateway.service import Gateway
from sluis.review import service
from sluis.review.problems import ReviewRefused
from sluis.settings import Settings
from sluis.store.db import create_engine_for, make_session_factory
from sluis.store.tables.gateway import DecisionRow
from sluis.store.tables.review import ReviewActRow, ReviewCaseRow

pytestmark = pytest.mark.slow

REVIEWERS = [f"reviewer-{n}" for n in range(8)]
CASES = 60
REASON = "Checked every document in the file."
DEADLINE_SECONDS = 120


@pytest.fixture
def desk(database_url: str, sessions: sessionmaker[Session], tmp_path: Path) -> Iterator[str]:
    """CASES pending decisions, REVIEWERS authorised; yields the database URL."""
    gateway = set_up_desk(sessions, tmp_path)
    for reviewer in REVIEWERS:
        service.add_reviewer(sessions, reviewer, reviewer.title())
        service.authorise(sessions, reviewer, PROFILE)
    rows = pd.DataFrame([{**LOW, "subject_id": f"applicant-{n}"} for n in range(CASES)])
    assert gateway.decide_batch(PROFILE, PENDING, rows).decided == CASES
    yield database_url


def reviewers_at_work(
    url: str, data_dir: Path, work: Callable[[Gateway, str], list[str]]
) -> tuple[dict[str, list[str]], list[BaseException]]:
    """Run ``work(gateway, reviewer)`` in one thread per reviewer, each with an engine (and
    so connections) of its own, started together."""
    done: dict[str, list[str]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(REVIEWERS))

    def run(reviewer: str) -> None:
        engine = create_engine_for(url)
        try:
            gateway = Gateway(
                make_session_factory(engine), Settings(data_dir=data_dir), key_ring=KeyRing(MASTER)
            )
            start.wait()
            done[reviewer] = work(gateway, reviewer)
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run, args=(r,)) for r in REVIEWERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE_SECONDS)
    assert not any(t.is_alive() for t in threads), "reviewers still at work"
    return done, errors


def unsettled(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        return int(
            session.scalar(select(func.count()).where(ReviewCaseRow.state != "decided")) or 0
        )


def work_through_queue(gateway: Gateway, reviewer: str) -> list[str]:
    """Claim and decide until nothing is left (a case held by another reviewer is theirs:
    only when every case is settled is the work done)."""
    decided: list[str] = []
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        case = service.claim_next(gateway.sessions, reviewer, PROFILE)
        if case is None:
            if unsettled(gateway.sessions) == 0:
                return decided
            time.sleep(0.01)
            continue
        action = "agree" if case.stage.value == "second" else "confirm"
        service.decide(gateway, reviewer, case.id, action, None, REASON)
        decided.append(case.id)
    raise TimeoutError(f"{reviewer} did not finish")


def acts_by_case(sessions: sessionmaker[Session]) -> dict[str, list[tuple[str, str]]]:
    with sessions.begin() as session:
        rows = session.execute(
            select(ReviewActRow.case_id, ReviewActRow.reviewer_id, ReviewActRow.stage).order_by(
                ReviewActRow.decided_at
            )
        ).all()
    found: dict[str, list[tuple[str, str]]] = {}
    for case_id, reviewer, stage in rows:
        found.setdefault(case_id, []).append((reviewer, stage))
    return found


def all_settled(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as session:
        states = Counter(session.scalars(select(ReviewCaseRow.state)))
        statuses = Counter(session.scalars(select(DecisionRow.status)))
    assert states == {"decided": CASES}
    assert statuses == {"final": CASES}
    assert verify_chain(sessions).ok


def test_parallel_reviewers_decide_every_case_exactly_once(
    desk: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    done, errors = reviewers_at_work(desk, tmp_path, work_through_queue)
    assert errors == []
    decided = [case for cases in done.values() for case in cases]
    assert len(decided) == CASES and len(set(decided)) == CASES  # none twice, none lost
    acts = acts_by_case(sessions)
    assert len(acts) == CASES and all(len(a) == 1 for a in acts.values())
    all_settled(sessions)
    reviewed = [e for e in read_events(sessions, limit=10_000) if e.event == "reviewed"]
    assert len(reviewed) == CASES


def test_parallel_reviewers_under_four_eyes_always_pair_two_people(
    desk: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    service.set_policy(sessions, PROFILE, four_eyes=True)
    done, errors = reviewers_at_work(desk, tmp_path, work_through_queue)
    assert errors == []
    assert sum(len(cases) for cases in done.values()) == 2 * CASES
    acts = acts_by_case(sessions)
    assert len(acts) == CASES
    for pair in acts.values():
        (first, first_stage), (second, second_stage) = pair
        assert (first_stage, second_stage) == ("first", "second") and first != second
    all_settled(sessions)


def test_racing_for_one_case_only_one_reviewer_wins(
    desk: str, sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    (target, *_) = service.queue(sessions, PROFILE)

    def grab(gateway: Gateway, reviewer: str) -> list[str]:
        try:
            return [service.claim(gateway.sessions, reviewer, target.id).id]
        except ReviewRefused as refusal:
            assert [p.rule for p in refusal.problems] == ["claimed_by_other"]
            return []

    done, errors = reviewers_at_work(desk, tmp_path, grab)
    assert errors == []
    winners = [reviewer for reviewer, won in done.items() if won]
    assert len(winners) == 1
    (case,) = service.queue(sessions, PROFILE, claimed_by=winners[0])
    assert case.id == target.id
