"""Is a notice written in plain language? A pure check of sentence length and jargon.

GDPR art. 12(1) asks for information that is concise, intelligible and in clear and plain
language; for a decision the person must understand which of their data were used and how
(CJEU C-203/22). Two measurable proxies are checked here: sentence length (the average,
and every sentence of running text on its own) and words from a list of officialese and
technical jargon, per language. List items may be longer than a sentence of prose (they
are read one at a time) but are checked for jargon too. Table cells hold data, not prose,
and are not checked.

The findings never quote a whole sentence: only its first words, to find it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sluis.notices.sections import Section

MAX_AVERAGE_WORDS = 20.0
MAX_SENTENCE_WORDS = 30
EXCERPT_WORDS = 6

#: Officialese and technical words a plain-language letter avoids (lower case; phrases
#: are matched as whole words).
JARGON: dict[str, tuple[str, ...]] = {
    "nl": (
        "aanvang",
        "alsmede",
        "betrokkene",
        "coëfficiënt",
        "derhalve",
        "dientengevolge",
        "doch",
        "geautomatiseerde verwerking",
        "ingevolge",
        "inzake",
        "log-odds",
        "logistische regressie",
        "middels",
        "omtrent",
        "onderhavig",
        "onverwijld",
        "reeds",
        "teneinde",
        "ten behoeve van",
        "thans",
        "verwerkingsverantwoordelijke",
        "voornoemd",
    ),
    "en": (
        "aforementioned",
        "coefficient",
        "data subject",
        "forthwith",
        "hereby",
        "hereinafter",
        "heretofore",
        "inter alia",
        "log-odds",
        "logistic regression",
        "notwithstanding",
        "pursuant to",
        "therein",
        "thereof",
        "whereas",
        "whilst",
    ),
}

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"art", "bijv", "ca", "e.g", "enz", "etc", "i.e", "nr", "no", "o.a", "p", "resp", "vs", "lid"}
)
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9À-Ý])")


@dataclass(frozen=True)
class ReadabilityFinding:
    """``long_sentence`` (``words`` over the limit), ``long_average`` (the whole text) or
    ``jargon`` (``term`` found); ``section`` is the key of the section it is in."""

    rule: Literal["long_sentence", "long_average", "jargon"]
    section: str | None
    words: int | None = None
    term: str | None = None
    excerpt: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "section": self.section,
            "words": self.words,
            "term": self.term,
            "excerpt": self.excerpt,
        }


@dataclass(frozen=True)
class ReadabilityReport:
    lang: str
    sentences: int
    words: int
    average_sentence_words: float
    longest_sentence_words: int
    max_average_words: float
    max_sentence_words: int
    findings: tuple[ReadabilityFinding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "lang": self.lang,
            "sentences": self.sentences,
            "words": self.words,
            "average_sentence_words": round(self.average_sentence_words, 1),
            "longest_sentence_words": self.longest_sentence_words,
            "thresholds": {
                "max_average_words": self.max_average_words,
                "max_sentence_words": self.max_sentence_words,
            },
            "findings": [f.to_json_dict() for f in self.findings],
        }


def split_sentences(text: str) -> list[str]:
    """Sentences of running text; a full stop after a known abbreviation (``art.``) or
    inside a number or address (``3.5``, ``example.nl``) does not end one."""
    pieces = _BOUNDARY.split(" ".join(text.split()))
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ends_with_abbreviation(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [s for s in sentences if count_words(s)]


def _ends_with_abbreviation(sentence: str) -> bool:
    last = sentence.rsplit(" ", 1)[-1].lower().lstrip("([")
    return last.endswith(".") and last[:-1] in _ABBREVIATIONS


def count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def find_jargon(text: str, lang: str) -> list[str]:
    """The jargon terms of ``lang`` that occur in ``text`` (each once, in list order)."""
    lowered = text.lower()
    return [term for term in JARGON.get(lang, ()) if _term(term).search(lowered)]


def _term(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])")


def check_texts(
    texts: Iterable[tuple[str | None, str, bool]],
    lang: str,
    *,
    max_average: float = MAX_AVERAGE_WORDS,
    max_sentence: int = MAX_SENTENCE_WORDS,
) -> ReadabilityReport:
    """Check ``(section, text, is_list_item)`` triples of one language."""
    findings: list[ReadabilityFinding] = []
    lengths: list[int] = []
    for section, text, is_item in texts:
        for sentence in split_sentences(text):
            words = count_words(sentence)
            lengths.append(words)
            if words > max_sentence and not is_item:
                findings.append(
                    ReadabilityFinding(
                        "long_sentence", section, words=words, excerpt=_excerpt(sentence)
                    )
                )
        findings.extend(
            ReadabilityFinding("jargon", section, term=term) for term in find_jargon(text, lang)
        )
    average = sum(lengths) / len(lengths) if lengths else 0.0
    if average > max_average:
        findings.insert(0, ReadabilityFinding("long_average", None, words=round(average)))
    return ReadabilityReport(
        lang=lang,
        sentences=len(lengths),
        words=sum(lengths),
        average_sentence_words=average,
        longest_sentence_words=max(lengths, default=0),
        max_average_words=max_average,
        max_sentence_words=max_sentence,
        findings=tuple(findings),
    )


def check_sections(sections: Iterable[Section], lang: str, **thresholds: Any) -> ReadabilityReport:
    """Check the prose and list items of a notice's sections (tables hold data)."""
    texts: list[tuple[str | None, str, bool]] = []
    for section in sections:
        texts += [(section.key, p, False) for p in section.prose()]
        texts += [(section.key, i.text, True) for i in section.items]
    return check_texts(texts, lang, **thresholds)


def _excerpt(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")


__all__ = [
    "JARGON",
    "MAX_AVERAGE_WORDS",
    "MAX_SENTENCE_WORDS",
    "ReadabilityFinding",
    "ReadabilityReport",
    "check_sections",
    "check_texts",
    "count_words",
    "find_jargon",
    "split_sentences",
]
