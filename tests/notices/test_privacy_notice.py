"""The privacy notice of an algorithm (GDPR art. 13 and 14), made from its profile and its
assessment: purposes, legal basis, kinds of data, sources, retention, recipients, the
automated decisions with their logic, and the rights. Unknown facts are said to be unknown.
"""

from __future__ import annotations

from datetime import date

import pytest

from notice_examples import ALLOWANCE, CREDIT, example_profile
from sluis.law.assess import assess
from sluis.notices.privacy_notice import PrivacyNotice, build_privacy_notice
from sluis.profiles.validation import validate_profile

TODAY = date(2026, 3, 2)


def privacy(name: str, lang: str = "en") -> PrivacyNotice:
    profile = example_profile(name)
    return build_privacy_notice(profile, assess(profile), lang, today=TODAY, version=3)


def text_of(n: PrivacyNotice, key: str) -> str:
    section = n.section(key)
    assert section is not None, f"no section {key!r}"
    return " ".join([*section.paragraphs, *(i.text for i in section.items), *section.after])


def test_it_names_who_is_responsible_and_how_to_reach_them_and_the_dpo() -> None:
    n = privacy(ALLOWANCE)
    who = text_of(n, "who")
    assert "Gemeente Voorbeeldstad is responsible for the use of your data." in who
    assert "E-mail: energietoeslag@voorbeeldstad.example" in who
    assert "Data protection officer: fg@voorbeeldstad.example" in who
    assert n.section("who").citations == ("GDPR art. 13(1)(a)", "GDPR art. 13(1)(b)")


def test_it_lists_the_purposes_and_the_legal_basis_with_its_law() -> None:
    n = privacy(ALLOWANCE)
    assert [i.text for i in n.section("purposes").items] == list(
        example_profile(ALLOWANCE).purposes
    )
    basis = text_of(n, "basis")
    assert "We need your data for a task the law gives us." in basis
    assert "Participatiewet art. 35 en 36b" in basis
    assert n.section("basis").citations == ("GDPR art. 6(1)(e)",)
    assert privacy(CREDIT).section("basis").citations == ("GDPR art. 6(1)(b)",)


def test_it_lists_each_kind_of_data_with_its_fields_sources_and_retention() -> None:
    n = privacy(ALLOWANCE)
    categories = {c.category: c for c in n.categories}
    assert set(categories) == {
        "residence",
        "household",
        "income",
        "assets",
        "education",
        "allowance_history",
    }
    assert categories["residence"].fields == ("Lives in Voorbeeldstad",)
    assert categories["residence"].sources == ("from BRP",)
    assert categories["education"].sources == ("from DUO",)
    assert categories["income"].sources == ("from you",)
    assert categories["allowance_history"].sources == ("from our own records",)
    assert {c.retention_months for c in n.categories} == {84}
    table = n.section("data").table
    assert table is not None
    assert ("Income", "Net household income per month in euros", "from you", "84 months") in (
        table.rows
    )
    assert "we receive from the organisations in the table" in text_of(n, "data")


def test_it_names_the_recipients_or_says_there_are_none() -> None:
    credit = privacy(CREDIT)
    assert credit.recipients == ("credit bureau (registration of concluded loans)",)
    assert [i.text for i in credit.section("recipients").items] == list(credit.recipients)
    allowance = privacy(ALLOWANCE)
    assert "We do not pass your data on to others" in text_of(allowance, "recipients")


def test_it_explains_each_automated_decision_its_logic_and_significance() -> None:
    n = privacy(CREDIT)
    (decision,) = n.automated
    assert decision.mode == "solely" and decision.art22_applies is True
    assert decision.outcomes == (
        "your credit application is granted",
        "your credit application is refused",
    )
    automated = text_of(n, "automated")
    assert "Grant or refuse the credit application." in automated
    assert "without a staff member looking at it" in automated
    assert "The decision can have a large effect on your situation." in automated
    assert "The model was made from 1,000 earlier credit applications." in automated
    assert "This is called profiling." in automated
    assert n.section("automated").citations == (
        "GDPR art. 13(2)(f)",
        "GDPR art. 14(2)(g)",
        "GDPR art. 22",
    )


def test_the_rights_follow_the_legal_basis_and_the_automated_decisions() -> None:
    allowance = [r.key for r in privacy(ALLOWANCE).rights]
    assert allowance == [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "object_processing",  # public task: art. 21(1)
        "human_intervention",
        "express_view",
        "contest",
    ]
    credit = privacy(CREDIT)
    assert [r.key for r in credit.rights] == [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",  # contract: art. 20
        "human_intervention",
        "express_view",
        "contest",
    ]
    assert "https://www.beispielbank.example/privacy" in text_of(credit, "rights")
    contest = next(r for r in privacy(ALLOWANCE).rights if r.key == "contest")
    assert contest.citation.label("en") == "Awb art. 6:4"  # by objection (bezwaar)


def test_it_tells_people_they_can_complain_to_the_ap() -> None:
    complaint = text_of(privacy(CREDIT, "nl"), "complaint")
    assert "klacht indienen bij de Autoriteit Persoonsgegevens" in complaint
    assert "https://autoriteitpersoonsgegevens.nl" in complaint


def test_facts_the_profile_does_not_give_are_called_unknown_not_invented() -> None:
    profile = validate_profile(
        {
            "id": "bare",
            "name": "Bare",
            "controller": {"name": "Org"},
            "data_fields": [{"name": "income", "type": "number", "category": "income"}],
        }
    )
    n = build_privacy_notice(profile, assess(profile), "nl", today=TODAY)
    assert "Het doel is nog niet vastgelegd." in text_of(n, "purposes")
    assert "De grondslag is nog niet vastgelegd." in text_of(n, "basis")
    table = n.section("data").table
    assert table is not None
    assert table.rows == (("Income", "Income", "onbekend", "nog niet vastgelegd"),)
    assert n.section("automated") is None
    assert n.organisation.name == "Org"


@pytest.mark.parametrize("name", [ALLOWANCE, CREDIT])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_privacy_notices_of_the_examples_pass_the_readability_check(
    name: str, lang: str
) -> None:
    n = privacy(name, lang)
    assert n.readability.findings == ()
    document = n.to_json_dict()
    assert document["format"] == "sluis.privacy_notice/1"
    assert document["profile_version"] == 3
    assert document["readability"]["ok"] is True
