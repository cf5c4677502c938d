"""The profile's optional ``notice`` section: how notices present the organisation. Its
references to fields, values, decisions and outcomes must exist; every error names the
field and the rule."""

from __future__ import annotations

from typing import Any

import pytest

from sluis.profiles.model import NoticeSettings
from sluis.profiles.validation import ProfileInvalid, validate_profile


def document(notice: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "allowance",
        "name": "Allowance",
        "controller": {"name": "Gemeente", "administrative_body": True},
        "data_fields": [
            {
                "name": "household",
                "type": "category",
                "category": "household",
                "allowed_values": ["single", "couple"],
            }
        ],
        "decisions": [
            {
                "id": "grant",
                "description": "Grant",
                "outcomes": [{"value": "granted", "favourable": True}],
            }
        ],
        "notice": notice,
    }


def test_a_full_notice_section_is_accepted() -> None:
    profile = validate_profile(
        document(
            {
                "organisation": "Gemeente Voorbeeld",
                "portal_url": "https://mijn.example.nl",
                "objection_weeks": 8,
                "field_labels": {"household": {"nl": "Huishouden", "en": "Household"}},
                "value_labels": {"household": {"single": {"nl": "alleenstaand"}}},
                "outcomes": {"granted": {"label": {"nl": "toegekend"}}},
                "logic": {"grant": {"en": "Fixed rules."}},
                "conditions": {"income_ok": {"nl": "Uw inkomen is niet te hoog"}},
            }
        )
    )
    assert profile.notice is not None
    assert profile.notice.objection_weeks == 8
    assert profile.notice.field_labels["household"].get("nl") == "Huishouden"
    assert profile.notice.field_labels["household"].get("en") == "Household"


def test_the_defaults_are_six_weeks_and_no_wording() -> None:
    settings = NoticeSettings()
    assert settings.objection_weeks == 6
    assert settings.field_labels == {} and settings.outcomes == {}
    assert validate_profile(document({})).notice == settings


def test_references_to_unknown_fields_values_decisions_and_outcomes_are_refused() -> None:
    with pytest.raises(ProfileInvalid) as refused:
        validate_profile(
            document(
                {
                    "field_labels": {"income": {"nl": "Inkomen"}},
                    "value_labels": {"household": {"student": {"nl": "student"}}},
                    "logic": {"refuse": {"nl": "..."}},
                    "outcomes": {"refused": {"label": {"nl": "afgewezen"}}},
                }
            )
        )
    assert {(e.loc, e.rule) for e in refused.value.errors} == {
        ("notice.field_labels.income", "unknown_reference"),
        ("notice.value_labels.household", "unknown_reference"),
        ("notice.logic.refuse", "unknown_reference"),
        ("notice.outcomes.refused", "unknown_reference"),
    }


@pytest.mark.parametrize(
    ("notice", "loc"),
    [
        ({"objection_weeks": 0}, "notice.objection_weeks"),
        ({"portal_url": "mijn.example.nl"}, "notice.portal_url"),
        ({"colour": "blue"}, "notice.colour"),
    ],
)
def test_malformed_settings_name_the_field(notice: dict[str, Any], loc: str) -> None:
    with pytest.raises(ProfileInvalid) as refused:
        validate_profile(document(notice))
    assert [e.loc for e in refused.value.errors] == [loc]
