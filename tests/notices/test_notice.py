"""The decision notice (besluitbrief): for real decisions of both worked examples, every
element the law asks for is there and says the right thing for that decision.

Read as the specification of ``sluis.notices.notice`` (through ``sluis.notices.service``,
which feeds it the stored record, profile, explanation and reviews).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from notice_examples import (
    ALLOWANCE,
    ALLOWANCE_DECISION,
    example_profile,
    record_review,
)
from sluis.gateway.service import Gateway
from sluis.notices.notice import (
    DecisionNotice,
    NoticeUnavailable,
    ReviewEvent,
    build_decision_notice,
)
from sluis.notices.service import decision_notice
from sluis.profiles.model import LocalText

TODAY = date(2026, 3, 2)
ALLOWANCE_BASIS = "Verordening energietoeslag Voorbeeldstad 2026, art."


def notice(gateway: Gateway, decision_uuid: str, lang: str = "nl") -> DecisionNotice:
    return decision_notice(gateway, decision_uuid, lang, today=TODAY)


def text_of(n: DecisionNotice, key: str) -> str:
    section = n.section(key)
    assert section is not None, f"no section {key!r}"
    parts = [*section.paragraphs, *(i.text for i in section.items), *section.after]
    return " ".join(parts)


def all_text(n: DecisionNotice) -> str:
    return " ".join(text_of(n, s.key) for s in n.sections)


# -- the allowance: a municipality (bestuursorgaan) refusing under a bound power ---------


def test_a_refusal_states_the_decision_its_date_and_legal_basis(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"])
    assert n.final and n.status == "final"
    assert (n.outcome, n.outcome_label, n.favourable) == (
        "refused",
        "u krijgt geen energietoeslag",
        False,
    )
    decision = text_of(n, "decision")
    assert "Ons besluit: u krijgt geen energietoeslag." in decision
    assert "Participatiewet art. 35 en 36b" in decision
    assert n.section("decision").citations == ("Awb art. 3:46", "Awb art. 3:47")
    assert n.reference == decided["allowance_refused"]
    assert n.letter_date == TODAY


def test_the_reasons_are_the_failed_conditions_with_the_persons_values_and_the_rule(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"])
    reasons = n.section("reasons")
    assert [i.key for i in reasons.items] == ["income_within_limit"]  # only what failed
    (item,) = reasons.items
    assert item.text.startswith("Uw inkomen is niet hoger dan de inkomensgrens: niet voldaan.")
    assert "netto inkomen van het huishouden per maand in euro is 1.900" in item.text
    assert "soort huishouden is alleenstaand" in item.text
    assert "De grens is 1.740." in item.text
    assert item.citation == f"{ALLOWANCE_BASIS} 3(1)"


def test_the_notice_says_what_would_have_changed_the_outcome(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"], "en")
    assert n.counterfactual == (
        "What would have changed the outcome? If net household income per month in euros "
        "had been 1,740 instead of 1,900, the outcome would have been: you get the energy "
        "allowance of 800 euros."
    )
    assert n.counterfactual in n.section("reasons").after


def test_a_decision_without_review_says_so_and_that_a_human_can_be_asked_for(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"])
    algorithm = text_of(n, "algorithm")
    assert "computerprogramma gebruikt" in algorithm and "algoritme" in algorithm
    assert "zonder dat een medewerker ernaar keek" in algorithm
    assert "U kunt vragen dat een medewerker uw zaak opnieuw bekijkt" in algorithm
    assert "Verordening energietoeslag Voorbeeldstad 2026" in algorithm  # the logic
    assert n.reviews == ()
    assert n.to_json_dict()["human_review"] == {"took_place": False, "events": []}


def test_every_input_is_shown_with_the_persons_value_and_its_source(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"])
    rows = {d.field: (d.label, d.shown, d.source) for d in n.data_used}
    assert rows == {
        "resides_in_municipality": ("Woont in Voorbeeldstad", "ja", "van BRP"),
        "household_type": ("Soort huishouden", "alleenstaand", "van BRP"),
        "monthly_household_income": (
            "Netto inkomen van het huishouden per maand in euro",
            "1.900",
            "van u zelf",
        ),
        "household_assets": ("Vermogen van het huishouden in euro", "2.000", "van u zelf"),
        "receives_student_finance": ("Krijgt studiefinanciering", "nee", "van DUO"),
        "allowance_received_this_year": (
            "Kreeg dit jaar al energietoeslag",
            "nee",
            "uit onze eigen administratie",
        ),
    }
    table = n.section("data").table
    assert table is not None and len(table.rows) == 6
    assert "Klopt een gegeven niet?" in text_of(n, "data")


def test_the_consequences_are_the_organisations_words_for_this_outcome(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"])
    consequences = text_of(n, "consequences")
    assert "Dit besluit valt niet in uw voordeel uit." in consequences
    assert "U krijgt dit jaar geen energietoeslag van ons." in consequences
    assert "Bent u het niet eens met dit besluit?" in consequences


def test_an_administrative_body_tells_how_and_where_to_object_within_six_weeks(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"])
    objection = text_of(n, "objection")
    assert "binnen 6 weken na de dag waarop wij deze brief hebben verstuurd" in objection
    assert "t.a.v. Bezwaarschriften, Postbus 1000, 1234 AB Voorbeeldstad" in objection
    assert f"het kenmerk {n.reference}" in objection
    assert "waarom u het niet eens bent met het besluit" in objection
    # Online, the objection lands on the portal's form to contest the decision.
    assert f"/requests/new?ref={n.reference}&right=contest" in objection
    assert "Awb art. 6:7" in n.section("objection").citations
    assert n.to_json_dict()["objection"]["weeks"] == 6


def test_every_right_is_offered_with_its_article_and_a_personal_link(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"])
    rights = {r.key: r for r in n.rights}
    assert list(rights) == [
        "human_intervention",
        "express_view",
        "contest",
        "access",
        "rectification",
        "erasure",
        "restriction",
        "object_processing",  # the basis is a public task: art. 21(1) applies
    ]
    ref = n.reference
    assert rights["access"].link == (
        f"https://mijn.voorbeeldstad.example/requests/new?ref={ref}&right=access"
    )
    assert rights["human_intervention"].citation.label("nl") == "AVG art. 22(3)"
    # An administrative body's decision is contested by objection (bezwaar), not a link.
    assert rights["contest"].link is None
    assert "bezwaar te maken" in rights["contest"].text
    assert rights["contest"].citation.label("nl") == "Awb art. 6:4"
    assert ref in text_of(n, "rights")


def test_the_person_can_complain_to_the_autoriteit_persoonsgegevens(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"], "en")
    complaint = text_of(n, "complaint")
    assert "complain to the Autoriteit Persoonsgegevens" in complaint
    assert "https://autoriteitpersoonsgegevens.nl" in complaint
    assert n.section("complaint").citations == ("GDPR art. 77",)


def test_a_granted_allowance_lists_the_conditions_met_and_no_counterfactual(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_granted"])
    assert n.outcome_label == "u krijgt de energietoeslag van 800 euro"
    assert n.favourable is True
    assert [i.key for i in n.section("reasons").items] == [
        "resident",
        "income_within_limit",
        "assets_within_limit",
        "no_student_finance",
        "first_this_year",
        "amount",
    ]
    assert all(": voldaan." in i.text for i in n.section("reasons").items)
    assert n.counterfactual is None
    assert "Bent u het niet eens" not in text_of(n, "consequences")


# -- the bank: a model, a contract, no administrative body -------------------------------


def test_a_refused_loan_explains_the_score_the_weightiest_data_and_what_would_change_it(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["credit_refused"], "en")
    assert n.outcome_label == "your credit application is refused"
    reasons = n.section("reasons")
    assert reasons.paragraphs[0].startswith("The program gave your case a score of 0.")
    assert "The limit is 0.50." in reasons.paragraphs[0]
    assert 1 <= len(reasons.items) <= 5
    explained = {d.field for d in n.data_used}
    assert {i.key for i in reasons.items} <= explained
    assert all(
        "weighed towards this outcome" in i.text or "weighed against this outcome" in i.text
        for i in reasons.items
    )
    assert n.counterfactual is not None
    assert n.counterfactual.startswith("What would have changed the outcome? If ")
    assert n.counterfactual.endswith(
        "the outcome would have been: your credit application is granted."
    )


def test_a_bank_offers_contesting_by_link_and_no_objection_under_administrative_law(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["credit_refused"])
    assert n.section("objection") is None
    assert n.to_json_dict()["objection"] is None
    rights = {r.key: r for r in n.rights}
    assert "object_processing" not in rights  # a contract: art. 21(1) does not apply
    assert rights["contest"].link == (
        f"https://www.beispielbank.example/privacy/requests/new?ref={n.reference}&right=contest"
    )
    assert rights["contest"].citation.label("en") == "GDPR art. 22(3)"
    assert n.section("decision").citations == ("AVG art. 22(3)", "AVG overweging 71")
    assert "Dat heet profilering." in text_of(n, "algorithm")  # the model profiles


def test_the_bank_has_only_its_own_data_sources_and_the_contact_of_its_dpo(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["credit_granted"])
    assert len(n.data_used) == 16
    assert {d.source for d in n.data_used} == {
        "van u zelf",
        "uit onze eigen administratie",
        "berekend uit andere gegevens",
    }
    contact = text_of(n, "contact")
    assert "dsb@beispielbank.example" in contact
    assert f"Noem altijd uw kenmerk: {n.reference}." in contact
    assert n.organisation.signatory == "M. Schneider, Head of Consumer Credit"


# -- human review, pending decisions and what cannot be noticed -------------------------


def test_a_notice_for_a_decision_under_review_says_so_and_shows_no_outcome(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_pending"])
    assert n.status == "pending_review" and not n.final
    assert (n.outcome, n.outcome_label, n.favourable, n.decided_at) == (None, None, None, None)
    assert n.title == "Uw zaak wordt beoordeeld"
    assert [s.key for s in n.sections] == [
        "status",
        "algorithm",
        "data",
        "rights",
        "complaint",
        "contact",
    ]
    text = all_text(n)
    assert "Er is nog geen besluit over uw zaak." in text
    assert "Een medewerker beoordeelt uw zaak voordat er een besluit komt." in text
    for outcome in ("energietoeslag van 800 euro", "u krijgt geen energietoeslag", "voldaan"):
        assert outcome not in text
    assert n.rights[0].key == "express_view"
    assert "contest" not in {r.key for r in n.rights}
    document = n.to_json_dict()
    assert document["decision"]["outcome"] is None and document["decision"]["final"] is False
    assert document["objection"] is None


def test_a_selection_for_a_check_says_it_is_no_decision(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    record = examples_gateway.get_decision(decided["allowance_pending"], reveal=True)
    selected = dataclasses.replace(record, status="selected_for_review")
    n = build_decision_notice(selected, example_profile(ALLOWANCE), None, (), "en", today=TODAY)
    status = text_of(n, "status")
    assert "Your case was selected for a check by a staff member." in status
    assert "This selection is not a decision." in status
    assert n.outcome is None


def test_a_settled_review_is_described_from_the_audit_trail(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    pending = decided["allowance_pending"]
    record_review(examples_gateway.sessions, pending, "confirm")
    n = notice(examples_gateway, pending)
    assert n.final and n.outcome == "refused"
    assert [r.action for r in n.reviews] == ["confirm"]
    algorithm = n.section("algorithm")
    assert "Een medewerker heeft uw zaak beoordeeld." in " ".join(algorithm.paragraphs)
    (item,) = algorithm.items
    assert "een medewerker heeft de uitkomst van het programma gecontroleerd en bevestigd" in (
        item.text
    )
    assert "zonder dat een medewerker ernaar keek" not in text_of(n, "algorithm")
    assert n.to_json_dict()["human_review"]["took_place"] is True


def test_an_override_names_the_programs_proposal_and_the_humans_decision(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    pending = decided["allowance_pending"]
    record_review(examples_gateway.sessions, pending, "override", outcome="granted")
    n = notice(examples_gateway, pending, "en")
    assert n.outcome == "granted"
    assert n.proposal == "you do not get the energy allowance"
    decision = text_of(n, "decision")
    assert "Our decision: you get the energy allowance of 800 euros." in decision
    assert "The computer program first proposed something else" in decision
    assert "This explains the program's proposal." in text_of(n, "reasons")
    assert n.counterfactual is None  # the program's counterfactual would mislead here
    assert "chose another outcome" in text_of(n, "algorithm")


def test_no_notice_can_be_made_once_the_persons_data_are_erased(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    examples_gateway.shred("household-2")
    with pytest.raises(NoticeUnavailable) as refused:
        notice(examples_gateway, decided["allowance_refused"])
    assert refused.value.reason == "erased"
    assert "1900" not in str(refused.value)


def test_a_decision_taken_needs_its_procedure_to_be_explained_a_pending_one_does_not(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    unbound = Gateway(
        examples_gateway.sessions, examples_gateway.settings, key_ring=examples_gateway.keys.ring
    )
    with pytest.raises(NoticeUnavailable) as refused:
        notice(unbound, decided["allowance_refused"])
    assert refused.value.reason == "no_procedure"
    assert notice(unbound, decided["allowance_pending"]).status == "pending_review"


# -- configuration and readability ----------------------------------------------------


def test_without_notice_settings_the_controllers_facts_and_sluis_wording_are_used(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    record = examples_gateway.get_decision(decided["allowance_refused"], reveal=True)
    bare = example_profile(ALLOWANCE).model_copy(update={"notice": None})
    n = build_decision_notice(record, bare, None, (), "nl", today=TODAY)
    assert n.organisation.name == "College van burgemeester en wethouders van Voorbeeldstad"
    assert n.organisation.web == "https://www.voorbeeldstad.example/contact"
    assert n.organisation.portal_url is None
    assert all(r.link is None for r in n.rights)
    assert n.outcome_label == "refused"  # the declared value, as nothing better is known
    assert {d.label for d in n.data_used} >= {"Monthly household income"}
    assert "Het programma past vaste regels toe." in text_of(n, "algorithm")
    assert "Wij kunnen de berekening niet meer tonen." in text_of(n, "reasons")
    assert n.organisation.objection_weeks == 6


def test_the_objection_period_and_extra_wording_are_configurable(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    record = examples_gateway.get_decision(decided["allowance_refused"], reveal=True)
    profile = example_profile(ALLOWANCE)
    assert profile.notice is not None
    settings = profile.notice.model_copy(
        update={
            "objection_weeks": 8,
            "extra": LocalText(nl="Wij helpen u graag.", en="We are glad to help."),
        }
    )
    n = build_decision_notice(record, profile, None, (), "nl", today=TODAY, settings=settings)
    assert "binnen 8 weken" in text_of(n, "objection")
    assert n.section("contact").after[-1] == "Wij helpen u graag."


@pytest.mark.parametrize("name", ["allowance_refused", "allowance_granted", "credit_refused"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_our_notices_pass_the_readability_check(
    examples_gateway: Gateway, decided: dict[str, str], name: str, lang: str
) -> None:
    report = notice(examples_gateway, decided[name], lang).readability
    assert report.findings == ()
    assert report.average_sentence_words <= 20


def test_wording_that_is_too_long_or_officialese_is_reported_with_the_notice(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    record = examples_gateway.get_decision(decided["allowance_refused"], reveal=True)
    profile = example_profile(ALLOWANCE)
    assert profile.notice is not None
    wordy = (
        "Derhalve delen wij u mede dat het college ingevolge de verordening en na zorgvuldige "
        "afweging van alle betrokken belangen en omstandigheden van het geval, waaronder uw "
        "inkomen, uw vermogen en uw woonsituatie, heeft besloten zoals hierboven vermeld."
    )
    settings = profile.notice.model_copy(update={"extra": LocalText(nl=wordy)})
    n = build_decision_notice(record, profile, None, (), "nl", today=TODAY, settings=settings)
    findings = n.to_json_dict()["readability"]["findings"]
    assert {
        "rule": "long_sentence",
        "section": "contact",
        "words": 37,
        "term": None,
        "excerpt": "Derhalve delen wij u mede dat …",
    } in findings
    assert {f["term"] for f in findings if f["rule"] == "jargon"} == {"derhalve", "ingevolge"}
    assert n.to_json_dict()["readability"]["ok"] is False


def test_reviews_are_shown_oldest_first_and_unknown_actions_generically(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    record = examples_gateway.get_decision(decided["allowance_refused"], reveal=True)
    reviews = [
        ReviewEvent(datetime(2026, 3, 1, 10, tzinfo=UTC), "agree", "second"),
        ReviewEvent(datetime(2026, 2, 27, 9, tzinfo=UTC), "request_information", "first"),
        ReviewEvent(datetime(2026, 3, 1, 9, tzinfo=UTC), "something_new", "first"),
    ]
    n = build_decision_notice(record, example_profile(ALLOWANCE), None, reviews, "en", today=TODAY)
    assert [i.text for i in n.section("algorithm").items] == [
        "27 February 2026: a staff member asked for more information.",
        "1 March 2026: a staff member reviewed the case.",
        "1 March 2026: a second staff member checked the review and agreed with it.",
    ]


def test_the_notice_names_the_profile_version_it_was_made_from(
    examples_gateway: Gateway, decided: dict[str, str]
) -> None:
    n = notice(examples_gateway, decided["allowance_refused"], "en")
    assert n.provenance() == (
        f"Generated from profile {ALLOWANCE} version 1 ({ALLOWANCE_DECISION})."
    )
