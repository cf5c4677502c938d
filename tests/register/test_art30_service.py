"""The art. 30 record from stored profiles (SQLite and PostgreSQL): grouped by controller,
always the latest version, one algorithm on request, or a profile file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.service import ProfileNotFound
from sluis.profiles.validation import ProfileInvalid, validate_profile
from sluis.register.art30_service import algorithm_record, organisation_record, record_from_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
Sessions = sessionmaker[Session]


def document(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def changed(doc: dict[str, Any], **facts: Any) -> AlgorithmProfile:
    return validate_profile({**doc, **facts})


def test_an_empty_register_has_no_records(sessions: Sessions) -> None:
    assert organisation_record(sessions) == []


def test_the_organisation_record_groups_by_controller_with_latest_versions(
    sessions: Sessions,
) -> None:
    bank = document("bank-online-credit")
    register_and_assess(sessions, changed(bank))
    register_and_assess(sessions, changed(bank, purposes=["Decide on consumer loans, revised"]))
    # A second algorithm of the same bank, its name spelt in another case.
    register_and_assess(
        sessions,
        changed(
            bank,
            id="bank-card-limits",
            name="Card limits",
            controller={**bank["controller"], "name": bank["controller"]["name"].upper()},
        ),
    )
    register_and_assess(sessions, changed(document("welfare-fraud-risk-selection")))

    records = organisation_record(sessions)

    by_controller = {r.controller.casefold(): r for r in records}
    assert set(by_controller) == {
        bank["controller"]["name"].casefold(),
        document("welfare-fraud-risk-selection")["controller"]["name"].casefold(),
    }
    bank_record = by_controller[bank["controller"]["name"].casefold()]
    versions = {e.profile_id: e.version for e in bank_record.entries}
    assert versions == {"bank-online-credit": 2, "bank-card-limits": 1}
    latest = next(e for e in bank_record.entries if e.profile_id == "bank-online-credit")
    assert latest.purposes == ("Decide on consumer loans, revised",)
    assert latest.saved_at is not None and latest.saved_at.tzinfo is not None
    assert latest.automated_decision is not None and latest.automated_decision.applies is True


def test_one_controller_on_request(sessions: Sessions) -> None:
    register_and_assess(sessions, changed(document("bank-online-credit")))
    register_and_assess(sessions, changed(document("speeding-fine")))
    name = document("speeding-fine")["controller"]["name"]

    (record,) = organisation_record(sessions, controller=f"  {name.lower()} ")
    assert [e.profile_id for e in record.entries] == ["speeding-fine"]
    assert organisation_record(sessions, controller="Nobody") == []


def test_one_algorithm_latest_or_a_given_version(sessions: Sessions) -> None:
    welfare = document("welfare-fraud-risk-selection")
    register_and_assess(sessions, changed(welfare))
    register_and_assess(sessions, changed(welfare, name="Renamed"))

    record = algorithm_record(sessions, "welfare-fraud-risk-selection")
    (entry,) = record.entries
    assert (entry.version, entry.name, record.controller) == (2, "Renamed", entry.controller.name)
    (first,) = algorithm_record(sessions, "welfare-fraud-risk-selection", version=1).entries
    assert (first.version, first.name) == (1, welfare["name"])


def test_an_unknown_algorithm_or_version_is_not_found(sessions: Sessions) -> None:
    with pytest.raises(ProfileNotFound):
        algorithm_record(sessions, "no-such-algorithm")
    register_and_assess(sessions, changed(document("bank-online-credit")))
    with pytest.raises(ProfileNotFound):
        algorithm_record(sessions, "bank-online-credit", version=9)


def test_a_profile_file_needs_no_registration() -> None:
    record = record_from_profile(EXAMPLES / "insurer-health-pricing.yaml")
    (entry,) = record.entries
    assert entry.profile_id == "insurer-health-pricing" and entry.version is None
    assert entry.automated_decision is not None
    assert any(d.special_categories for d in entry.personal_data)
    with_version = record_from_profile(changed(document("bank-online-credit")), version=4)
    assert with_version.entries[0].version == 4


def test_an_invalid_profile_file_names_its_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: Bad Id\nname: x\ncontroller: {name: Org}\n", encoding="utf-8")
    with pytest.raises(ProfileInvalid) as caught:
        record_from_profile(path)
    assert [e.loc for e in caught.value.errors] == ["id"]
