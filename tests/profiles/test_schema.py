"""The profile's JSON Schema is published, current, and every example validates against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from sluis.law.assess import assess
from sluis.profiles.schema import profile_json_schema, profile_skeleton
from sluis.profiles.validation import parse_profile_text

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "schemas" / "profile.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def test_the_published_schema_file_is_current() -> None:
    assert json.loads(PUBLISHED.read_text()) == profile_json_schema(), (
        "regenerate with: sluis schema profile > schemas/profile.schema.json"
    )


def test_the_schema_is_itself_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(profile_json_schema())


def test_there_are_at_least_six_examples() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_validates_against_the_schema(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(profile_json_schema())
    errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


def test_the_schema_rejects_what_the_model_rejects() -> None:
    validator = jsonschema.Draft202012Validator(profile_json_schema())
    assert not validator.is_valid({"id": "x", "name": "X", "controller": {"name": "C"}, "extra": 1})


def test_the_skeleton_for_new_profiles_validates_and_asks_the_open_questions() -> None:
    assessment = assess(parse_profile_text(profile_skeleton()))
    assert assessment.art22.verdict.value == "unknown"
    assert assessment.open_questions
