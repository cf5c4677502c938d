"""Publication use-cases on stored profiles, on SQLite and PostgreSQL: preview any version,
refuse to export an incomplete one, export every complete one as CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.orm import Session, sessionmaker

from sluis.assessment.service import register_and_assess
from sluis.profiles.service import ProfileNotFound
from sluis.profiles.validation import validate_profile
from sluis.register.algoritmeregister import validate_publication
from sluis.register.publication_service import (
    PublicationIncomplete,
    RegisterSchemaUnavailable,
    export_all_csv,
    export_publication,
    load_register_schema,
    publication_for,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

Sessions = sessionmaker[Session]


@pytest.fixture(scope="module")
def schema_path(shared_data: Path) -> Path:
    return shared_data / "algoritmeregister" / "schema.json"


@pytest.fixture(scope="module")
def schema(schema_path: Path) -> dict[str, Any]:
    return load_register_schema(schema_path)


def example(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text())


def store(sessions: Sessions, doc: dict[str, Any]) -> int:
    stored, _ = register_and_assess(sessions, validate_profile(doc))
    return stored.version


def complete_welfare() -> dict[str, Any]:
    doc = example("welfare-fraud-risk-selection")
    doc["technology"]["supplier"] = "Intern ontwikkeld"
    return doc


def test_the_document_names_the_version_it_was_made_from(
    sessions: Sessions, schema: dict[str, Any]
) -> None:
    doc = complete_welfare()
    assert store(sessions, doc) == 1
    doc["registration"]["search_terms"] = ["bijstand"]
    assert store(sessions, doc) == 2
    stored, latest, errors = publication_for(sessions, doc["id"], schema=schema)
    assert stored.version == 2 and latest.version == 2 and errors == []
    assert latest.document["source_id"] == "sluis:welfare-fraud-risk-selection:v2"
    assert latest.document["search_terms"] == "bijstand"
    _, first, _ = publication_for(sessions, doc["id"], 1, schema=schema)
    assert first.document["source_id"] == "sluis:welfare-fraud-risk-selection:v1"
    assert first.document["search_terms"] == "bijstand, heronderzoek, risicoselectie"


def test_export_refuses_an_incomplete_publication_listing_every_gap(
    sessions: Sessions, schema: dict[str, Any]
) -> None:
    store(sessions, example("recruitment-screening"))
    with pytest.raises(PublicationIncomplete) as refused:
        export_publication(sessions, "recruitment-screening", schema=schema)
    gaps = refused.value
    assert (gaps.profile_id, gaps.version) == ("recruitment-screening", 1)
    expected = {
        "description_short",
        "start_date",
        "contact",
        "considerations",
        "risk_management",
        "impact_assessments",
    }
    assert {m.field for m in gaps.missing} == expected
    assert {e.path for e in gaps.schema_errors} == expected
    assert "registration.public_contact" in str(gaps)


def test_export_gives_a_document_that_meets_the_standard(
    sessions: Sessions, schema: dict[str, Any]
) -> None:
    store(sessions, complete_welfare())
    stored, publication = export_publication(
        sessions, "welfare-fraud-risk-selection", schema=schema
    )
    assert stored.version == 1
    assert validate_publication(publication.document, schema) == []


def test_unknown_profiles_and_versions_are_not_found(
    sessions: Sessions, schema: dict[str, Any]
) -> None:
    with pytest.raises(ProfileNotFound):
        publication_for(sessions, "nothing-here", schema=schema)
    store(sessions, complete_welfare())
    with pytest.raises(ProfileNotFound):
        export_publication(sessions, "welfare-fraud-risk-selection", 7, schema=schema)


def test_bulk_export_keeps_the_complete_latest_versions_and_names_the_rest(
    sessions: Sessions, schema: dict[str, Any]
) -> None:
    store(sessions, complete_welfare())
    store(sessions, example("recruitment-screening"))
    bulk = export_all_csv(sessions, schema=schema)
    assert bulk.included == ("welfare-fraud-risk-selection",)
    assert bulk.skipped == ("recruitment-screening",)
    rows = list(csv.DictReader(io.StringIO(bulk.csv)))
    assert [r["source_id"] for r in rows] == ["sluis:welfare-fraud-risk-selection:v1"]


def test_bulk_export_of_an_empty_register_is_a_header(
    sessions: Sessions, schema: dict[str, Any]
) -> None:
    bulk = export_all_csv(sessions, schema=schema)
    assert bulk.csv.splitlines() == [",".join(schema["properties"])]
    assert bulk.included == () and bulk.skipped == ()


def test_no_schema_configured_names_the_setting() -> None:
    with pytest.raises(RegisterSchemaUnavailable, match="SLUIS_ALGORITMEREGISTER_SCHEMA"):
        load_register_schema(None)


def test_an_unreadable_or_foreign_schema_is_refused_clearly(
    tmp_path: Path, schema_path: Path
) -> None:
    with pytest.raises(RegisterSchemaUnavailable, match="cannot be read"):
        load_register_schema(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(RegisterSchemaUnavailable, match="SLUIS_ALGORITMEREGISTER_SCHEMA"):
        load_register_schema(broken)
    foreign = tmp_path / "foreign.json"
    other = json.loads(schema_path.read_text("utf-8"))
    other["properties"]["language"]["const"] = "eng"
    foreign.write_text(json.dumps(other))
    with pytest.raises(RegisterSchemaUnavailable, match="language is not fixed"):
        load_register_schema(foreign)
