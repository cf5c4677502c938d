"""Letters to any organisation (pure core): what each kind asks, on which articles, in
Dutch and English, by when the answer is due, and bad input named by field."""

from __future__ import annotations

from datetime import date

import pytest

from sluis.law.holidays import calendar_for
from sluis.rights.letters.draft import (
    COMMON_ARTICLES,
    KIND_ARTICLES,
    Letter,
    LetterInput,
    LetterKind,
    check_input,
    draft,
)
from sluis.rights.letters.output import to_text
from sluis.rights.problems import RightsRefused

TODAY = date(2026, 12, 7)
NL = calendar_for("NL")


def letter(
    kind: str = "access", lang: str = "en", sent: str = "2025-03-27", **extra: str
) -> Letter:
    given = LetterInput(
        kind=kind, to="Acme Lending B.V.", name="Jan Jansen", sent=sent, lang=lang, **extra
    )
    return draft(check_input(given, TODAY), NL)


#: A phrase of the body that cites the kind's own article, per language.
OWN_ARTICLE = {
    LetterKind.access: ("artikel 15, lid 1, onder h", "article 15(1)(h)"),
    LetterKind.human_intervention: ("artikel 22, lid 3", "article 22(3)"),
    LetterKind.express_view: ("artikel 22, lid 3", "article 22(3)"),
    LetterKind.contest: ("artikel 22, lid 3", "article 22(3)"),
    LetterKind.rectification: ("artikel 16 AVG", "article 16 GDPR"),
    LetterKind.erasure: ("artikel 17, lid 1 AVG", "article 17(1) GDPR"),
    LetterKind.restriction: ("artikel 18, lid 1 AVG", "article 18(1) GDPR"),
    LetterKind.objection: ("artikel 21, lid 1 AVG", "article 21(1) GDPR"),
}


@pytest.mark.parametrize("kind", list(LetterKind))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_kind_cites_its_own_articles_and_the_common_ones(kind: LetterKind, lang: str) -> None:
    drafted = letter(kind.value, lang)
    text = to_text(drafted)
    assert OWN_ARTICLE[kind][0 if lang == "nl" else 1] in text
    for article in (*KIND_ARTICLES[kind], *COMMON_ARTICLES):
        assert article in drafted.articles
        assert article.label(lang) in text  # the list of articles under the notes
    # The deadline, the extension rule, the complaint and the court, in every letter.
    assert ("28 april 2025" if lang == "nl" else "28 April 2025") in text
    assert ("twee maanden" if lang == "nl" else "two months") in text
    assert ("artikel 77 AVG" if lang == "nl" else "article 77 GDPR") in text
    assert ("artikel 79 AVG" if lang == "nl" else "article 79 GDPR") in text
    assert drafted.asks, "every letter says what it asks"


def test_the_access_letter_asks_for_the_logic_and_a_copy() -> None:
    text = to_text(letter("access", "en"))
    assert "article 15(3)" in text and "copy" in text
    assert "which of my data counted" in text  # meaningful information about the logic
    assert "consequences" in text  # significance and envisaged consequences
    assert "C-203/22" in text


def test_an_article_22_letter_names_the_decision_and_carries_the_persons_view() -> None:
    text = to_text(
        letter(
            "contest",
            "nl",
            reference="BES-2025-0042",
            decision_date="2025-03-20",
            details="Mijn inkomen is hoger dan u aannam.",
        )
    )
    assert "uw besluit over mij van 20 maart 2025 met kenmerk BES-2025-0042" in text
    assert "Waarom ik het niet eens ben met het besluit:\nMijn inkomen is hoger" in text
    assert "nog niet bij betrokken" in text  # another person reconsiders


@pytest.mark.parametrize(
    ("sent", "due", "extended"),
    [
        # Month end: 31 January to 28 February (1182/71 art. 3(2)(c)), a Friday.
        (date(2025, 1, 31), date(2025, 2, 28), date(2025, 4, 28)),
        # 27 April 2025 is a Sunday: the next working day, Monday 28 April.
        (date(2025, 3, 27), date(2025, 4, 28), date(2025, 6, 27)),
        # 18 April 2025 is Good Friday, then a weekend and Easter Monday: Tuesday 22 April.
        (date(2025, 3, 18), date(2025, 4, 22), date(2025, 6, 18)),
        # 25 December 2025, Boxing Day, a weekend: Monday 29 December.
        (date(2025, 11, 25), date(2025, 12, 29), date(2026, 2, 25)),
    ],
)
def test_the_answer_is_due_one_month_after_sending_rolled_over_holidays(
    sent: date, due: date, extended: date
) -> None:
    drafted = letter(sent=sent.isoformat())
    assert drafted.due.due == due
    assert drafted.extended.due == extended
    assert due.isoformat() != sent.isoformat()


def test_without_a_send_date_the_letter_goes_today() -> None:
    request = check_input(LetterInput(kind="erasure", to="X", name="Y"), TODAY)
    assert request.sent == TODAY


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"kind": "complain"}, {"kind": "letter_kind_unknown"}),
        ({"name": "  "}, {"name": "letter_name_needed"}),
        ({"to": ""}, {"to": "letter_controller_needed"}),
        ({"sent": "2025-02-30"}, {"sent": "date_form"}),
        ({"sent": "30-01-2025"}, {"sent": "date_form"}),
        ({"sent": "2018-05-24"}, {"sent": "letter_sent_before_gdpr"}),
        ({"sent": "2028-01-01"}, {"sent": "letter_sent_far_ahead"}),
        (
            {"sent": "2025-03-01", "decision_date": "2025-03-02"},
            {"decision_date": "letter_decision_after_sent"},
        ),
        ({"email": "jan at home"}, {"email": "email_form"}),
        ({"lang": "de"}, {"lang": "lang_unknown"}),
        (
            {"kind": "x", "name": "", "sent": "2025-13-01"},
            {
                "kind": "letter_kind_unknown",
                "name": "letter_name_needed",
                "sent": "date_form",
            },
        ),
    ],
)
def test_bad_input_is_refused_naming_every_field(
    changes: dict[str, str], expected: dict[str, str]
) -> None:
    values = {"kind": "access", "to": "Acme", "name": "Jan", "lang": "en"} | changes
    with pytest.raises(RightsRefused) as refused:
        check_input(LetterInput(**values), TODAY)
    assert {p.field: p.rule for p in refused.value.problems} == expected
    for problem in refused.value.problems:
        assert problem.message("nl") and problem.message("en")
