"""The profile repository: version numbering, retries, assessments, constraints."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, InvalidRequestError
from sqlalchemy.orm import Session, sessionmaker

from sluis.store.repositories import ProfileRepository, VersionConflict
from sluis.store.tables import AssessmentRow, ProfileRow, ProfileVersionRow, utcnow

Sessions = sessionmaker[Session]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def add(sessions: Sessions, profile_id: str, content: str) -> int:
    with sessions.begin() as session:
        row = ProfileRepository(session).add_version(
            profile_id, f"Name {content}", {"id": profile_id, "c": content}, sha(content), "ann"
        )
        return row.version


def count(sessions: Sessions, entity: type) -> int:
    with sessions.begin() as session:
        return session.execute(select(func.count()).select_from(entity)).scalar_one()


def test_versions_are_numbered_per_profile(sessions: Sessions) -> None:
    assert [add(sessions, "a", "1"), add(sessions, "a", "2"), add(sessions, "b", "1")] == [1, 2, 1]
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        profile = repository.get_profile("a")
        assert profile is not None
        assert (profile.latest_version, profile.name) == (2, "Name 2")
        latest = repository.latest("a")
        assert latest is not None
        assert (latest.version, latest.document, latest.author) == (2, {"id": "a", "c": "2"}, "ann")
        first = repository.get_version("a", 1)
        assert first is not None
        assert first.content_sha256 == sha("1")
        assert repository.get_version("a", 3) is None
        assert [p.id for p in repository.list_profiles()] == ["a", "b"]
        assert [v.version for v in repository.list_versions("a")] == [1, 2]


def test_listed_versions_do_not_load_documents(sessions: Sessions) -> None:
    add(sessions, "a", "1")
    with sessions.begin() as session:
        (version,) = ProfileRepository(session).list_versions("a")
        with pytest.raises(InvalidRequestError):
            _ = version.document


def test_an_unknown_profile_has_nothing(sessions: Sessions) -> None:
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        assert repository.get_profile("nope") is None
        assert repository.latest("nope") is None
        assert repository.list_versions("nope") == []
        assert repository.latest_assessment("nope", 1) is None


def test_a_locked_but_abandoned_profile_stays_invisible(sessions: Sessions) -> None:
    with pytest.raises(RuntimeError, match="abandon"), sessions.begin() as session:
        ProfileRepository(session).lock_profile("a", "A")
        raise RuntimeError("abandon")
    with sessions.begin() as session:
        # Even if a bare profile row were committed, it is not a profile until it has a version.
        ProfileRepository(session).lock_profile("b", "B")
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        assert repository.list_profiles() == []
        assert repository.get_profile("b") is None
    assert add(sessions, "b", "1") == 1


def test_a_stale_version_number_is_retried_once(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(sessions, "a", "1")
    real_next_version = ProfileRepository._next_version
    calls: list[int] = []

    def stale_first(self: ProfileRepository, profile_id: str) -> int:
        calls.append(1)
        return 1 if len(calls) == 1 else real_next_version(self, profile_id)

    monkeypatch.setattr(ProfileRepository, "_next_version", stale_first)
    assert add(sessions, "a", "2") == 2
    assert len(calls) == 2


def test_a_second_collision_is_a_clear_error_and_keeps_nothing(
    sessions: Sessions, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(sessions, "a", "1")
    monkeypatch.setattr(ProfileRepository, "_next_version", lambda self, profile_id: 1)
    with pytest.raises(VersionConflict, match="version 1 of profile 'a'") as caught:
        add(sessions, "a", "2")
    assert (caught.value.profile_id, caught.value.version) == ("a", 1)
    assert isinstance(caught.value.__cause__, IntegrityError)
    with sessions.begin() as session:
        profile = ProfileRepository(session).get_profile("a")
        assert profile is not None
        assert profile.latest_version == 1
    assert count(sessions, ProfileVersionRow) == 1


def test_versions_need_an_existing_profile(sessions: Sessions) -> None:
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(
            ProfileVersionRow(
                profile_id="ghost",
                version=1,
                document={},
                content_sha256=sha(""),
                author=None,
                created_at=utcnow(),
            )
        )
    assert count(sessions, ProfileVersionRow) == 0


def test_version_numbers_start_at_one(sessions: Sessions) -> None:
    add(sessions, "a", "1")
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(
            ProfileVersionRow(
                profile_id="a",
                version=0,
                document={},
                content_sha256=sha(""),
                author=None,
                created_at=utcnow(),
            )
        )


def test_assessments_are_kept_per_engine_version(sessions: Sessions) -> None:
    add(sessions, "a", "1")
    add(sessions, "a", "2")
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        v1 = repository.get_version("a", 1)
        assert v1 is not None
        repository.save_assessment(v1.id, "0.1.0", {"verdict": "old"})
        repository.save_assessment(v1.id, "0.2.0", {"verdict": "new"})
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        latest = repository.latest_assessment("a", 1)
        assert latest is not None
        assert (latest.engine_version, latest.result) == ("0.2.0", {"verdict": "new"})
        older = repository.latest_assessment("a", 1, engine_version="0.1.0")
        assert older is not None
        assert older.result == {"verdict": "old"}
        assert repository.latest_assessment("a", 2) is None
        assert repository.latest_assessment("a", 1, engine_version="9.9.9") is None


def test_saving_an_assessment_again_replaces_it(sessions: Sessions) -> None:
    add(sessions, "a", "1")
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        v1 = repository.get_version("a", 1)
        assert v1 is not None
        first = repository.save_assessment(v1.id, "0.1.0", {"n": 1})
        first_at = first.created_at
        repository.save_assessment(v1.id, "0.2.0", {"n": 2})
    with sessions.begin() as session:
        repository = ProfileRepository(session)
        v1 = repository.get_version("a", 1)
        assert v1 is not None
        again = repository.save_assessment(v1.id, "0.1.0", {"n": 3})
        assert again.result == {"n": 3}
        assert again.created_at >= first_at
    with sessions.begin() as session:
        latest = ProfileRepository(session).latest_assessment("a", 1)
        assert latest is not None
        assert (latest.engine_version, latest.result) == ("0.1.0", {"n": 3})
    assert count(sessions, AssessmentRow) == 2
    assert count(sessions, ProfileRow) == 1
