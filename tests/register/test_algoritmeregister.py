"""Mapping a profile onto the Algoritmeregister publication standard 1.0, checked against the
standard's real JSON Schema."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from sluis.law.assess import assess
from sluis.profiles.validation import validate_profile
from sluis.register.algoritmeregister import (
    Publication,
    UnsupportedSchema,
    build_publication,
    check_schema,
    publications_csv,
    truncate,
    validate_publication,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def schema(shared_data: Path) -> dict[str, Any]:
    return json.loads((shared_data / "algoritmeregister" / "schema.json").read_text("utf-8"))


def example(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text())


def complete_welfare() -> dict[str, Any]:
    """The welfare example with the one fact the standard still needs: the supplier."""
    doc = example("welfare-fraud-risk-selection")
    doc["technology"]["supplier"] = "Intern ontwikkeld"
    return doc


def publish(doc: dict[str, Any], schema: dict[str, Any], version: int = 3) -> Publication:
    profile = validate_profile(doc)
    return build_publication(profile, assess(profile, version), version, schema)


def missing_of(publication: Publication) -> list[tuple[str, str]]:
    return [(m.field, m.profile_path) for m in publication.missing]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_fails_the_schema_only_for_the_fields_reported_missing(
    name: str, schema: dict[str, Any]
) -> None:
    publication = publish(example(name), schema)
    errors = validate_publication(publication.document, schema)
    assert {e.rule for e in errors} <= {"required"}, errors
    assert {e.path for e in errors} == {m.field for m in publication.missing}
    assert set(publication.document) <= set(schema["properties"])
    assert None not in publication.document.values()
    if not publication.missing:
        assert errors == []


def test_a_complete_profile_gives_a_document_that_meets_the_standard(
    schema: dict[str, Any],
) -> None:
    publication = publish(complete_welfare(), schema)
    assert publication.missing == ()
    assert validate_publication(publication.document, schema) == []
    doc = publication.document
    assert list(doc) == [k for k in schema["properties"] if k in doc]  # schema order
    assert doc["language"] == "nld" and doc["schema"] == "1.0.0"
    assert doc["status"] == "In gebruik"
    assert doc["theme"] == ["Sociale zekerheid", "Werk"]
    assert doc["publication_category"] == "Hoog-risico AI-systeem (Categorie A)"
    assert doc["source_id"] == "sluis:welfare-fraud-risk-selection:v3"
    assert doc["impact_assessments"] == "DPIA, IAMA"
    assert doc["search_terms"] == "bijstand, heronderzoek, risicoselectie"
    assert doc["legal_basis_title"] == "Participatiewet art. 53a lid 2 en art. 64"
    assert "art. 6 lid 1 onder e AVG" in doc["legal_basis"]
    assert "income_changes_last_year" in doc["data"] and "UWV Polisadministratie" in doc["data"]
    assert "machine learning (zelflerend)" in doc["technical_operation"]
    assert "voordat het besluit gevolgen heeft" in doc["human_intervention"]
    assert "(art. 22 AVG) geldt hier niet" in doc["human_intervention"]
    assert "impact_assessment_explanation" not in doc  # a DPIA is required here
    assert "source_link" not in doc and "data_source_title" not in doc  # nothing to fill them


def test_the_recruitment_example_reports_exactly_what_a_user_must_fill_in(
    schema: dict[str, Any],
) -> None:
    publication = publish(example("recruitment-screening"), schema)
    assert missing_of(publication) == [
        ("description_short", "description"),
        ("start_date", "registration.start_date"),
        ("contact", "registration.public_contact"),
        ("considerations", "registration.considerations"),
        ("risk_management", "registration.risk_management"),
        ("impact_assessments", "registration.impact_assessments_done"),
    ]
    start = next(m for m in publication.missing if m.field == "start_date")
    assert "in ontwikkeling" in start.reason_nl and "in development" in start.reason_en
    assert publication.document["status"] == "In ontwikkeling"
    (derived,) = publication.derived
    assert derived.field == "publication_category"
    assert derived.value == "Hoog-risico AI-systeem (Categorie A)"
    assert "hoog-risico AI-systeem" in derived.reason_nl
    assert {w.code for w in publication.warnings} == {"art22_prohibited"}
    assert "niet volledig geautomatiseerd" in publication.document["human_intervention"]


def test_a_dpia_is_never_claimed_when_none_is_recorded(schema: dict[str, Any]) -> None:
    doc = example("bank-online-credit")
    doc["registration"]["impact_assessments_done"] = []
    publication = publish(doc, schema)
    assert "impact_assessments" not in publication.document
    gap = next(m for m in publication.missing if m.field == "impact_assessments")
    assert gap.profile_path == "registration.impact_assessments_done"
    assert "DPIA verplicht" in gap.reason_nl and "DPIA is required" in gap.reason_en
    assert not any("DPIA" in str(v) for v in publication.document.values())


def test_a_required_dpia_missing_from_the_assessments_done_is_flagged(
    schema: dict[str, Any],
) -> None:
    doc = example("bank-online-credit")
    doc["registration"]["impact_assessments_done"] = ["IAMA"]
    publication = publish(doc, schema)
    assert publication.document["impact_assessments"] == "IAMA"
    assert "dpia_not_listed" in {w.code for w in publication.warnings}


def test_when_no_dpia_is_required_the_explanation_gives_the_assessments_reason(
    schema: dict[str, Any],
) -> None:
    publication = publish(example("library-overdue-reminders"), schema)
    explanation = publication.document["impact_assessment_explanation"]
    assert explanation.startswith("Een DPIA (art. 35 AVG) is volgens de beoordeling niet verplicht")
    assert "WP248" in explanation
    gap = next(m for m in publication.missing if m.field == "impact_assessments")
    assert "'Geen'" in gap.reason_nl  # none done must be said, not assumed


def test_a_long_description_is_cut_at_a_word_boundary_with_a_warning(
    schema: dict[str, Any],
) -> None:
    doc = complete_welfare()
    doc["description"] = " ".join(f"woord{i}" for i in range(120))  # about 900 characters
    publication = publish(doc, schema)
    short = publication.document["description_short"]
    assert len(short) <= schema["properties"]["description_short"]["maxLength"]
    assert short.endswith("…")
    assert doc["description"].startswith(short[:-1] + " ")  # a whole word before the cut
    (warning,) = [w for w in publication.warnings if w.field == "description_short"]
    assert warning.code == "truncated" and warning.profile_path == "description"
    assert validate_publication(publication.document, schema) == []


def test_every_text_field_is_kept_within_its_maximum(schema: dict[str, Any]) -> None:
    doc = complete_welfare()
    doc["name"] = "Een heel lange naam " * 9  # up to 200 characters in a profile
    doc["controller"]["name"] = "Gemeente " + "Voorbeeld" * 20
    doc["registration"]["considerations"] = "afweging " * 440
    doc["registration"]["risk_management"] = "risico " * 560
    doc["technology"]["supplier"] = "Leverancier " * 20
    publication = publish(doc, schema)
    assert validate_publication(publication.document, schema) == []
    truncated = {w.field for w in publication.warnings if w.code == "truncated"}
    assert truncated == {"name", "organization", "considerations", "risk_management", "supplier"}


def test_truncate_keeps_short_text_and_cuts_inside_one_very_long_word() -> None:
    assert truncate("kort", 10) == "kort"
    assert truncate("a" * 50, 10) == "a" * 9 + "…"
    assert truncate("een twee drie vier", 12) == "een twee…"


@pytest.mark.parametrize(
    ("changes", "category", "reason"),
    [
        ({"ai_act_risk_group": "high_risk"}, "Hoog-risico AI-systeem (Categorie A)", "hoog-risico"),
        ({"effect": "legal"}, "Impactvolle algoritmes (Categorie B)", "rechtsgevolgen"),
        ({"effect": "similarly_significant"}, "Impactvolle algoritmes (Categorie B)", "Send"),
        ({}, "Overige algoritmes (Categorie C)", "Geen hoog-risico"),
    ],
)
def test_the_publication_category_is_derived_and_reported_as_derived(
    changes: dict[str, str], category: str, reason: str, schema: dict[str, Any]
) -> None:
    doc = example("library-overdue-reminders")
    del doc["registration"]["publication_category"]
    if "ai_act_risk_group" in changes:
        doc["registration"]["ai_act_risk_group"] = changes["ai_act_risk_group"]
    if "effect" in changes:
        doc["decisions"][0]["effect"] = changes["effect"]
        doc["decisions"][0].pop("denies_right_or_service")
    publication = publish(doc, schema)
    assert publication.document["publication_category"] == category
    (derived,) = publication.derived
    assert derived.value == category and reason in derived.reason_nl


@pytest.mark.parametrize(
    ("technology", "effect", "path"),
    [
        ({"ai_system": True}, "none", "registration.ai_act_risk_group"),
        ({}, None, "decisions[0].effect"),
    ],
)
def test_the_category_is_not_guessed_when_a_fact_is_unknown(
    technology: dict[str, Any], effect: str | None, path: str, schema: dict[str, Any]
) -> None:
    doc = example("library-overdue-reminders")
    del doc["registration"]["publication_category"]
    doc["technology"].update(technology)
    if "ai_system" in technology:
        del doc["registration"]["ai_act_risk_group"]
    if effect is None:
        del doc["decisions"][0]["effect"]
    publication = publish(doc, schema)
    assert "publication_category" not in publication.document
    assert ("publication_category", path) in missing_of(publication)
    assert publication.derived == ()


def test_a_declared_category_wins_but_a_contradiction_is_flagged(schema: dict[str, Any]) -> None:
    doc = complete_welfare()
    doc["registration"]["publication_category"] = "other"
    publication = publish(doc, schema)
    assert publication.document["publication_category"] == "Overige algoritmes (Categorie C)"
    assert publication.derived == ()
    (warning,) = [w for w in publication.warnings if w.code == "category_differs"]
    assert "Categorie A" in warning.text_nl


def test_unknown_human_involvement_leaves_the_field_out_and_names_the_decision(
    schema: dict[str, Any],
) -> None:
    doc = complete_welfare()
    del doc["decisions"][0]["human_involvement"]
    publication = publish(doc, schema)
    assert "human_intervention" not in publication.document
    assert ("human_intervention", "decisions[0].human_involvement") in missing_of(publication)


def test_human_intervention_says_when_no_human_takes_part_and_which_exception_allows_it(
    schema: dict[str, Any],
) -> None:
    text = publish(example("bank-online-credit"), schema).document["human_intervention"]
    assert "Er komt geen mens aan te pas" in text
    assert "art. 22 lid 2 onder a AVG" in text
    assert "De persoon kan het besluit aanvechten." in text  # a safeguard, in Dutch


def test_an_invalid_link_is_left_out_with_a_warning(schema: dict[str, Any]) -> None:
    doc = complete_welfare()
    doc["registration"]["public_page"] = "www.voorbeeldstad.nl/algoritmes"
    doc["registration"]["source_code_link"] = "https://github.com/voorbeeldstad/risicomodel"
    publication = publish(doc, schema)
    assert "link" not in publication.document
    assert publication.document["source_code_link"].endswith("/risicomodel")
    (warning,) = [w for w in publication.warnings if w.code == "invalid_uri"]
    assert warning.field == "link" and warning.profile_path == "registration.public_page"
    assert validate_publication(publication.document, schema) == []


def test_other_checks_of_the_registration_facts(schema: dict[str, Any]) -> None:
    doc = complete_welfare()
    doc["registration"]["end_date"] = "2025-01"  # yet still in use
    doc["registration"]["public_contact"] = "Afdeling Werk en Inkomen"
    publication = publish(doc, schema)
    assert publication.document["end_date"] == "2025-01"
    codes = {w.code for w in publication.warnings}
    assert {"end_date_while_used", "contact_format"} <= codes


def test_validation_reports_each_deviation_with_its_path_and_rule(
    schema: dict[str, Any],
) -> None:
    document = copy.deepcopy(publish(complete_welfare(), schema).document)
    document["link"] = "geen url"
    document["name"] = "x" * 100
    document["status"] = "Actief"
    del document["supplier"]
    errors = {(e.path, e.rule) for e in validate_publication(document, schema)}
    assert errors == {("link", "format"), ("name", "maxLength"), ("status", "enum"),
                      ("supplier", "required")}  # fmt: skip


def test_a_schema_that_is_not_the_standard_is_refused(schema: dict[str, Any]) -> None:
    check_schema(schema)
    other = copy.deepcopy(schema)
    other["properties"]["schema"]["const"] = "2.0.0"
    other["properties"]["status"]["enum"] = ["Actief"]
    with pytest.raises(UnsupportedSchema, match=re.escape("schema is not fixed to '1.0.0'")):
        check_schema(other)
    with pytest.raises(UnsupportedSchema, match="has no 'properties'"):
        check_schema({"type": "object"})


def test_bulk_csv_has_the_schema_fields_as_columns_and_one_row_per_algorithm(
    schema: dict[str, Any],
) -> None:
    welfare = publish(complete_welfare(), schema)
    other = publish(example("speeding-fine"), schema)
    text = publications_csv([welfare, other])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(schema["properties"])
    assert len(rows) == 3
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["theme"] == "Sociale zekerheid, Werk"
    assert record["data"] == welfare.document["data"]  # line breaks survive quoting
    assert record["source_link"] == ""
    assert dict(zip(rows[0], rows[2], strict=True))["source_id"] == "sluis:speeding-fine:v3"


def test_bulk_csv_of_nothing_is_just_the_header(schema: dict[str, Any]) -> None:
    assert publications_csv([], tuple(schema["properties"])).splitlines() == [
        ",".join(schema["properties"])
    ]
