"""Bad profiles are refused with every error, each naming the field and the rule."""

from __future__ import annotations

import pytest

from sluis.profiles.validation import ProfileInvalid, parse_profile_text, validate_profile

VALID = {"id": "p", "name": "P", "controller": {"name": "C"}}


def errors_of(document: object) -> dict[str, str]:
    with pytest.raises(ProfileInvalid) as caught:
        validate_profile(document)
    return {e.loc: e.rule for e in caught.value.errors}


def test_a_minimal_profile_is_valid() -> None:
    assert validate_profile(VALID).id == "p"


def test_all_structural_errors_are_reported_not_just_the_first() -> None:
    errors = errors_of(
        {
            "id": "Not A Slug",
            "name": "",
            "controller": {},
            "data_fields": [{"name": "x", "category": "c", "type": "colour"}],
            "decisions": [{"id": "d", "description": "D", "effect": "huge"}],
            "surprise": 1,
        }
    )
    assert errors == {
        "id": "string_pattern_mismatch",
        "name": "string_too_short",
        "controller.name": "missing",
        "data_fields[0].type": "enum",
        "decisions[0].effect": "enum",
        "surprise": "extra_forbidden",
    }


def test_contradictions_are_all_reported() -> None:
    errors = errors_of(
        {
            **VALID,
            "data_fields": [
                {"name": "a", "category": "c", "art9_exception": "a"},
                {"name": "a", "category": "c", "art10_basis": "x", "national_id_basis": "y"},
            ],
            "retention": [{"data_category": "nowhere", "months": 3}],
            "decisions": [
                {
                    "id": "d",
                    "description": "D",
                    "human_involvement": "none",
                    "human_stage": "before_effect",
                    "consequences_only_after_review": True,
                    "third_party_score": False,
                    "third_party_score_determining": True,
                    "uses_fields": ["ghost"],
                }
            ],
        }
    )
    assert errors == {
        "data_fields[1].name": "unique",
        "data_fields[0].art9_exception": "contradiction",
        "data_fields[1].art10_basis": "contradiction",
        "data_fields[1].national_id_basis": "contradiction",
        "decisions[0].uses_fields[0]": "unknown_reference",
        "decisions[0].human_stage": "contradiction",
        "decisions[0].consequences_only_after_review": "contradiction",
        "decisions[0].third_party_score_determining": "contradiction",
        "retention[0].data_category": "unknown_reference",
    }


def test_errors_do_not_echo_submitted_values() -> None:
    secret = "Jan Jansen 123456782"
    with pytest.raises(ProfileInvalid) as caught:
        validate_profile({**VALID, "id": secret})
    assert secret not in str(caught.value)


def test_yaml_syntax_errors_name_the_place() -> None:
    with pytest.raises(ProfileInvalid) as caught:
        parse_profile_text("id: [unclosed\nname: x\n")
    (error,) = caught.value.errors
    assert error.rule == "syntax" and "line" in error.message


def test_a_document_that_is_not_a_mapping_is_refused() -> None:
    assert errors_of(["a", "list"]) == {"(document)": "type"}


def test_json_is_accepted_too() -> None:
    assert parse_profile_text('{"id": "p", "name": "P", "controller": {"name": "C"}}').name == "P"


def test_run_time_ranges_must_fit_the_field_type() -> None:
    errors = errors_of(
        {
            **VALID,
            "data_fields": [
                {"name": "age", "category": "c", "type": "integer", "minimum": 9, "maximum": 1},
                {"name": "name", "category": "c", "type": "string", "maximum": 3},
                {"name": "flag", "category": "c", "type": "boolean", "allowed_values": ["x"]},
            ],
        }
    )
    assert errors == {
        "data_fields[0].minimum": "contradiction",
        "data_fields[1].minimum": "type",
        "data_fields[2].allowed_values": "type",
    }
