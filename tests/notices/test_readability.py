"""The plain-language check: sentence length and jargon, per language, on exactly the text
a notice shows (prose strictly, list items for jargon only, tables not at all)."""

from __future__ import annotations

import pytest

from sluis.notices.readability import (
    check_sections,
    check_texts,
    count_words,
    find_jargon,
    split_sentences,
)
from sluis.notices.sections import Item, Section, Table


def test_sentences_end_at_full_stops_but_not_after_abbreviations_or_in_numbers() -> None:
    text = (
        "Dit steunt op art. 22 AVG. Uw inkomen was 1.900,50 euro. Zie bijv. de tabel! "
        "Kijk op mijn.example.nl voor meer."
    )
    assert split_sentences(text) == [
        "Dit steunt op art. 22 AVG.",
        "Uw inkomen was 1.900,50 euro.",
        "Zie bijv. de tabel!",
        "Kijk op mijn.example.nl voor meer.",
    ]


def test_words_are_tokens_with_a_letter_or_digit() -> None:
    assert count_words("Uw gegeven: 1.740 – zie https://x.example/a?b=c .") == 5


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("nl", "Wij hebben derhalve besloten.", ["derhalve"]),
        ("nl", "Dit geldt ten behoeve van u.", ["ten behoeve van"]),
        ("nl", "De betrokkenen krijgen een brief.", []),  # a whole word, not a part
        ("en", "Pursuant to the law, the data subject ...", ["data subject", "pursuant to"]),
        ("en", "We therefore decided.", []),
    ],
)
def test_jargon_is_found_as_whole_words_per_language(
    lang: str, text: str, found: list[str]
) -> None:
    assert find_jargon(text, lang) == found


def test_a_long_sentence_of_running_text_is_a_finding_with_its_first_words_only() -> None:
    long = " ".join(["woord"] * 31) + "."
    report = check_texts([("reasons", long, False)], "nl")
    (finding,) = [f for f in report.findings if f.rule == "long_sentence"]
    assert finding.section == "reasons"
    assert finding.words == 31
    assert finding.excerpt == "woord woord woord woord woord woord …"
    assert not report.ok


def test_a_long_list_item_is_allowed_but_its_jargon_is_not() -> None:
    long = " ".join(["woord"] * 40) + " derhalve."
    report = check_texts([("rights", long, True)], "nl", max_average=100)
    assert [(f.rule, f.term) for f in report.findings] == [("jargon", "derhalve")]


def test_the_average_sentence_length_has_a_threshold_of_its_own() -> None:
    texts = [(None, " ".join(["woord"] * 25) + ".", False)] * 3
    report = check_texts(texts, "nl")
    assert report.average_sentence_words == 25
    assert [f.rule for f in report.findings] == ["long_average"]
    assert check_texts(texts, "nl", max_average=25).ok


def test_sections_are_checked_on_prose_and_items_but_not_on_table_cells() -> None:
    section = Section(
        "data",
        "Gegevens",
        paragraphs=("Dit zijn uw gegevens.",),
        items=(Item("Teneinde te controleren."),),
        table=Table(("a",), (("derhalve " * 40,),)),
        after=("Klopt iets niet? Meld het.",),
    )
    report = check_sections([section], "nl")
    assert report.sentences == 4
    assert [(f.rule, f.term) for f in report.findings] == [("jargon", "teneinde")]
    assert report.to_json_dict()["thresholds"] == {
        "max_average_words": 20.0,
        "max_sentence_words": 30,
    }
