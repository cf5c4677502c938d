"""What an answer to a request says. Pure: no I/O.

An answer is a short letter: a greeting, what was asked and when, what was done or why
not, the articles it rests on, and, when anything is refused, the right to complain to the
supervisory authority and to go to court (GDPR art. 12(4), 77, 79). The wording lives in
the ``rights`` i18n area, written for the person in plain language (art. 12(1)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sluis.i18n import label
from sluis.law.citations import Citation
from sluis.notices.formatting import format_date
from sluis.rights.kinds import RequestKind, rule_of
from sluis.rights.refusals import REMEDIES, RefusalReason, refusal_rule


@dataclass(frozen=True)
class Sender:
    """Who answers and where the person can complain."""

    organisation: str
    authority: str
    authority_url: str | None


@dataclass(frozen=True)
class Answer:
    subject: str
    paragraphs: tuple[str, ...]
    articles: tuple[Citation, ...]
    lang: str
    refused: bool = False

    def text(self) -> str:
        sources = ", ".join(a.label(self.lang) for a in self.articles)
        tail = label("rights.answer.articles", self.lang).format(articles=sources)
        return "\n\n".join((*self.paragraphs, tail))

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "paragraphs": list(self.paragraphs),
            "articles": [a.label(self.lang) for a in self.articles],
            "refused": self.refused,
        }


@dataclass(frozen=True)
class Letter:
    """The facts every answer starts from."""

    kind: RequestKind
    reference: str
    received_on: date
    due_on: date
    lang: str
    sender: Sender
    name: str | None = None
    link: str | None = None
    extra_articles: tuple[Citation, ...] = field(default_factory=tuple)


def _t(key: str, lang: str, **values: Any) -> str:
    return label(f"rights.answer.{key}", lang).format(**values)


def compose(
    letter: Letter,
    body: Sequence[str],
    *,
    subject_key: str,
    refusal: RefusalReason | None = None,
    remedies: bool = False,
) -> Answer:
    """The answer around ``body`` (paragraphs already in the letter's language)."""
    lang = letter.lang
    kind_text = label(rule_of(letter.kind).message_key, lang)
    greeting = _t("greeting_named", lang, name=letter.name) if letter.name else _t("greeting", lang)
    intro = _t(
        "intro",
        lang,
        kind=kind_text.lower(),
        received=format_date(letter.received_on, lang),
        reference=letter.reference,
    )
    paragraphs = [greeting, intro, *body]
    articles = [rule_of(letter.kind).article, *letter.extra_articles]
    if refusal is not None:
        rule = refusal_rule(refusal)
        paragraphs.append(label(rule.message_key, lang))
        articles += rule.articles
        remedies = True
    if remedies:
        paragraphs.append(
            _t(
                "remedies",
                lang,
                authority=letter.sender.authority,
                url=letter.sender.authority_url or "",
            ).replace(" ()", "")
        )
        articles += REMEDIES
    if letter.link:
        paragraphs.append(_t("follow", lang, link=letter.link))
    paragraphs.append(_t("closing", lang, organisation=letter.sender.organisation))
    subject = label(f"rights.mail.subject.{subject_key}", lang).format(kind=kind_text)
    return Answer(
        subject,
        tuple(paragraphs),
        tuple(dict.fromkeys(articles)),
        lang,
        refused=refusal is not None,
    )


def line(key: str, lang: str, **values: Any) -> str:
    """One paragraph of the ``rights.answer`` wording, filled in."""
    return _t(key, lang, **values)


__all__ = ["Answer", "Letter", "Sender", "compose", "line"]
