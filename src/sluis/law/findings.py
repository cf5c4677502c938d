"""Findings: what the assessment tells the user, each with severity, citations and text
in Dutch and English."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_serializer

from sluis.law.citations import Citation


class Text(BaseModel):
    """A sentence in both project languages, written in our own words."""

    model_config = ConfigDict(frozen=True)

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


def t(nl: str, en: str) -> Text:
    return Text(nl=nl, en=en)


class Severity(StrEnum):
    """How much a finding matters.

    ``violation``: the processing as designed is unlawful until this is fixed.
    ``warning``: a risk or duty that needs action or a check.
    ``info``: a conclusion or a duty that simply follows.
    """

    info = "info"
    warning = "warning"
    violation = "violation"


class FindingKind(StrEnum):
    conclusion = "conclusion"
    duty = "duty"
    risk = "risk"
    open_question = "open_question"


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    severity: Severity
    kind: FindingKind
    articles: tuple[Citation, ...]
    text: Text
    subject: str | None = None

    @field_serializer("articles")
    def _labels(self, articles: tuple[Citation, ...]) -> list[str]:
        return [c.label("en") for c in articles]


def finding(
    id: str,
    severity: Severity,
    kind: FindingKind,
    articles: list[Citation] | tuple[Citation, ...],
    text: Text,
    subject: str | None = None,
) -> Finding:
    return Finding(
        id=id, severity=severity, kind=kind, articles=tuple(articles), text=text, subject=subject
    )


def open_question(
    id: str, articles: list[Citation], text: Text, subject: str | None = None
) -> Finding:
    """A fact the assessment needs but the profile does not give."""
    return finding(id, Severity.warning, FindingKind.open_question, articles, text, subject)
