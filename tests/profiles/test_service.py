"""Storing versioned profiles, read as a specification of the profile service.

Every test runs on SQLite and on PostgreSQL (see ``tests/conftest.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
import time
from collections.abc import Callable
from datetime import UTC
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.service import (
    ProfileNotFound,
    StoredProfile,
    get_profile,
    latest_assessment,
    list_profiles,
    list_versions,
    record_assessment,
    register_profile,
)
from sluis.profiles.validation import ProfileInvalid, validate_profile
from sluis.store.repositories import ProfileRepository
from sluis.store.tables import AssessmentRow, ProfileRow, ProfileVersionRow

Sessions = sessionmaker[Session]


def make_profile(profile_id: str = "welfare-check", **changes: Any) -> AlgorithmProfile:
    document: dict[str, Any] = {
        "id": profile_id,
        "name": "Bijstand: rechtmatigheidscontrole",
        "description": "Selects files for a closer look by a case worker.",
        "controller": {"name": "Gemeente Voorbeeld", "administrative_body": True},
        "purposes": ["Check the lawfulness of social assistance"],
        "legal_basis": {"article6": "public_task", "law": "Participatiewet art. 53a"},
        "data_subjects": [{"category": "recipients", "vulnerable": True, "count": 4200}],
        "data_fields": [
            {
                "name": "bsn",
                "category": "identity",
                "national_id": True,
                "national_id_basis": "Participatiewet art. 64",
            },
            {"name": "income", "type": "number", "category": "income"},
        ],
        "retention": [{"data_category": "income", "months": 60}],
        "decisions": [
            {
                "id": "select",
                "description": "Select for review",
                "effect": "none",
                "human_involvement": "meaningful",
                "human_stage": "before_effect",
                "uses_fields": ["income"],
            },
        ],
    }
    document.update(changes)
    return validate_profile(document)


def canonical_sha(profile: AlgorithmProfile) -> str:
    document = profile.model_dump(mode="json", exclude_none=True)
    return hashlib.sha256(
        json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()


def row_counts(sessions: Sessions) -> tuple[int, int, int]:
    with sessions.begin() as session:
        return tuple(  # type: ignore[return-value]
            session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (ProfileRow, ProfileVersionRow, AssessmentRow)
        )


# -- versioning ---------------------------------------------------------------------------


def test_the_first_save_is_version_1(sessions: Sessions) -> None:
    profile = make_profile()
    stored = register_profile(sessions, profile, author="a.jansen")
    assert isinstance(stored, StoredProfile)
    assert (stored.profile_id, stored.name, stored.version) == (
        "welfare-check",
        "Bijstand: rechtmatigheidscontrole",
        1,
    )
    assert stored.created is True
    assert stored.author == "a.jansen"
    assert stored.content_sha256 == canonical_sha(profile)
    assert stored.created_at.tzinfo is UTC
    assert stored.profile == profile


def test_stored_profiles_are_plain_frozen_values(sessions: Sessions) -> None:
    stored = register_profile(sessions, make_profile())
    assert dataclasses.is_dataclass(stored)
    with pytest.raises(dataclasses.FrozenInstanceError):
        stored.version = 2  # type: ignore[misc]


def test_an_unchanged_save_returns_the_latest_version(sessions: Sessions) -> None:
    first = register_profile(sessions, make_profile(), author="a.jansen")
    again = register_profile(sessions, make_profile(), author="b.de.vries")
    assert again.created is False
    assert (again.version, again.author, again.created_at) == (1, "a.jansen", first.created_at)
    assert [v.version for v in list_versions(sessions, "welfare-check")] == [1]


def test_a_changed_save_is_the_next_version_and_the_old_one_stays(sessions: Sessions) -> None:
    old = make_profile()
    new = make_profile(name="Bijstand: heronderzoek", purposes=["Re-examine entitlement"])
    first = register_profile(sessions, old, author="a.jansen")
    second = register_profile(sessions, new, author="b.de.vries")
    assert (second.version, second.created, second.name) == (2, True, "Bijstand: heronderzoek")
    assert second.content_sha256 != first.content_sha256
    assert second.created_at >= first.created_at

    latest = get_profile(sessions, "welfare-check")
    assert (latest.version, latest.profile, latest.created) == (2, new, False)
    kept = get_profile(sessions, "welfare-check", version=1)
    assert (kept.version, kept.author, kept.name) == (1, "a.jansen", old.name)
    assert kept.profile == old
    assert kept.content_sha256 == first.content_sha256


def test_going_back_to_earlier_content_is_a_new_version(sessions: Sessions) -> None:
    register_profile(sessions, make_profile())
    register_profile(sessions, make_profile(name="Other"))
    back = register_profile(sessions, make_profile())
    assert (back.version, back.created) == (3, True)


def test_unset_facts_do_not_count_as_a_change(sessions: Sessions) -> None:
    register_profile(sessions, make_profile())
    same = register_profile(sessions, make_profile(technology={"kind": None}))
    assert same.created is False


def test_listing_profiles_and_versions(sessions: Sessions) -> None:
    register_profile(sessions, make_profile("zeta", name="Zeta"))
    register_profile(sessions, make_profile("alpha", name="Alpha"))
    v2 = register_profile(sessions, make_profile("alpha", name="Alpha II"), author="c")

    summaries = list_profiles(sessions)
    assert [(s.profile_id, s.name, s.latest_version) for s in summaries] == [
        ("alpha", "Alpha II", 2),
        ("zeta", "Zeta", 1),
    ]
    assert summaries[0].id == "alpha"
    assert summaries[0].updated_at == v2.created_at
    assert summaries[0].updated_at.tzinfo is UTC

    versions = list_versions(sessions, "alpha")
    assert [(v.profile_id, v.version, v.author) for v in versions] == [
        ("alpha", 1, None),
        ("alpha", 2, "c"),
    ]
    assert versions[1].content_sha256 == v2.content_sha256
    assert versions[1].created_at == v2.created_at


def test_an_empty_store_lists_nothing(sessions: Sessions) -> None:
    assert list_profiles(sessions) == []


# -- not found ----------------------------------------------------------------------------


def test_an_unknown_profile_is_not_found(sessions: Sessions) -> None:
    with pytest.raises(ProfileNotFound, match="no profile 'nope'") as caught:
        get_profile(sessions, "nope")
    assert (caught.value.profile_id, caught.value.version) == ("nope", None)
    assert isinstance(caught.value, LookupError)
    with pytest.raises(ProfileNotFound):
        list_versions(sessions, "nope")


def test_an_unknown_version_is_not_found(sessions: Sessions) -> None:
    register_profile(sessions, make_profile())
    with pytest.raises(ProfileNotFound, match="has no version 7") as caught:
        get_profile(sessions, "welfare-check", version=7)
    assert (caught.value.profile_id, caught.value.version) == ("welfare-check", 7)
    with pytest.raises(ProfileNotFound):
        record_assessment(sessions, "welfare-check", 7, "0.1.0", {})
    with pytest.raises(ProfileNotFound):
        latest_assessment(sessions, "welfare-check", 7)


# -- assessments --------------------------------------------------------------------------


def test_assessments_are_recorded_per_version(sessions: Sessions) -> None:
    register_profile(sessions, make_profile())
    register_profile(sessions, make_profile(name="Changed"))
    assert latest_assessment(sessions, "welfare-check", 1) is None

    record_assessment(sessions, "welfare-check", 1, "0.1.0", {"art22": "applies"})
    record_assessment(sessions, "welfare-check", 1, "0.2.0", {"art22": "does_not_apply"})

    assert latest_assessment(sessions, "welfare-check", 1) == {"art22": "does_not_apply"}
    assert latest_assessment(sessions, "welfare-check", 1, engine_version="0.1.0") == {
        "art22": "applies"
    }
    assert latest_assessment(sessions, "welfare-check", 2) is None


def test_recording_an_assessment_again_replaces_it(sessions: Sessions) -> None:
    register_profile(sessions, make_profile())
    record_assessment(sessions, "welfare-check", 1, "0.1.0", {"n": 1})
    record_assessment(sessions, "welfare-check", 1, "0.1.0", {"n": 2, "nested": {"a": [1, 2]}})
    assert latest_assessment(sessions, "welfare-check", 1) == {"n": 2, "nested": {"a": [1, 2]}}
    assert row_counts(sessions) == (1, 1, 1)


# -- nothing half written -----------------------------------------------------------------


def fail_after(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``ProfileRepository.<name>`` do its work and then raise, mid-transaction."""
    real: Callable[..., Any] = getattr(ProfileRepository, name)

    def work_then_fail(self: ProfileRepository, *args: Any, **kwargs: Any) -> Any:
        real(self, *args, **kwargs)
        self.session.flush()
        raise RuntimeError("injected failure")

    monkeypatch.setattr(ProfileRepository, name, work_then_fail)


def test_a_failing_first_save_leaves_nothing(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_after(monkeypatch, "add_version")
    with pytest.raises(RuntimeError, match="injected failure"):
        register_profile(sessions, make_profile())
    assert row_counts(sessions) == (0, 0, 0)
    assert list_profiles(sessions) == []
    with pytest.raises(ProfileNotFound):
        get_profile(sessions, "welfare-check")


def test_a_failing_later_save_keeps_the_previous_state(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = register_profile(sessions, make_profile())
    before = list_profiles(sessions)
    fail_after(monkeypatch, "add_version")
    with pytest.raises(RuntimeError, match="injected failure"):
        register_profile(sessions, make_profile(name="Changed"))
    assert list_profiles(sessions) == before
    assert get_profile(sessions, "welfare-check") == first.__class__(
        **{**dataclasses.asdict(first), "created": False, "profile": first.profile}
    )
    assert row_counts(sessions) == (1, 1, 0)


def test_a_failing_assessment_is_not_kept(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_profile(sessions, make_profile())
    fail_after(monkeypatch, "save_assessment")
    with pytest.raises(RuntimeError, match="injected failure"):
        record_assessment(sessions, "welfare-check", 1, "0.1.0", {"n": 1})
    assert latest_assessment(sessions, "welfare-check", 1) is None


def test_an_inconsistent_profile_is_refused_before_anything_is_written(
    sessions: Sessions,
) -> None:
    valid = make_profile()
    # Built without validate_profile: a decision uses a field that does not exist.
    inconsistent = valid.model_copy(
        update={"decisions": [valid.decisions[0].model_copy(update={"uses_fields": ["x"]})]}
    )
    with pytest.raises(ProfileInvalid, match="uses_fields"):
        register_profile(sessions, inconsistent)
    assert row_counts(sessions) == (0, 0, 0)


# -- concurrency --------------------------------------------------------------------------


def run_together(*calls: Callable[[], StoredProfile]) -> list[StoredProfile]:
    """Run the calls in threads released at the same moment; re-raise their errors."""
    barrier = threading.Barrier(len(calls))
    results: list[StoredProfile | None] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call: Callable[[], StoredProfile]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, c), daemon=True) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a save hung"
    if errors:
        raise errors[0]
    return [r for r in results if r is not None]


@pytest.fixture
def slow_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Widen the race window: pause after reading the latest version, inside the lock."""
    real_latest = ProfileRepository.latest

    def latest_then_pause(self: ProfileRepository, profile_id: str) -> Any:
        row = real_latest(self, profile_id)
        time.sleep(0.05)
        return row

    monkeypatch.setattr(ProfileRepository, "latest", latest_then_pause)


@pytest.mark.usefixtures("slow_reads")
@pytest.mark.parametrize("existing", [False, True], ids=["new-profile", "existing-profile"])
def test_concurrent_saves_get_distinct_consecutive_versions(
    sessions: Sessions, existing: bool
) -> None:
    start = 0
    if existing:
        start = register_profile(sessions, make_profile(name="Start")).version
    for round_number in range(3):
        profiles = [make_profile(name=f"Round {round_number} writer {w}") for w in (1, 2)]
        stored = run_together(*(lambda p=p: register_profile(sessions, p) for p in profiles))
        versions = sorted(s.version for s in stored)
        assert versions == [start + 1, start + 2]
        assert all(s.created for s in stored)
        for s in stored:  # each version holds the content its writer saved
            assert get_profile(sessions, "welfare-check", s.version).profile == s.profile
        start += 2
    assert [v.version for v in list_versions(sessions, "welfare-check")] == list(
        range(1, start + 1)
    )
    assert list_profiles(sessions)[0].latest_version == start


@pytest.mark.usefixtures("slow_reads")
def test_concurrent_identical_saves_store_one_version(sessions: Sessions) -> None:
    profile = make_profile()
    stored = run_together(
        lambda: register_profile(sessions, profile), lambda: register_profile(sessions, profile)
    )
    assert sorted(s.created for s in stored) == [False, True]
    assert {s.version for s in stored} == {1}
    assert row_counts(sessions) == (1, 1, 0)


def test_many_concurrent_writers(sessions: Sessions) -> None:
    writers = 6
    profiles = [make_profile(name=f"Writer {w}") for w in range(writers)]
    stored = run_together(*(lambda p=p: register_profile(sessions, p) for p in profiles))
    assert sorted(s.version for s in stored) == list(range(1, writers + 1))


def test_overlong_author_and_engine_version_are_refused_on_every_backend(
    sessions: Sessions,
) -> None:
    with pytest.raises(ValueError, match="author"):
        register_profile(sessions, make_profile(), author="x" * 201)
    assert row_counts(sessions) == (0, 0, 0)
    register_profile(sessions, make_profile(), author="x" * 200)
    with pytest.raises(ValueError, match="engine_version"):
        record_assessment(sessions, "welfare-check", 1, "v" * 41, {})
    assert row_counts(sessions) == (1, 1, 0)
