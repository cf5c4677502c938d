"""Drafting a letter to any organisation: what each kind of letter asks, on which
articles, and by when the answer is due. Pure: no I/O (the holiday calendar is given).

The letter is the person's own, written in the first person. The articles it rests on:

- access: GDPR art. 15(1) (whether and which data, purposes, recipients, retention,
  source), 15(1)(h) (automated decision-making: that it happens, meaningful information
  about the logic, its significance and envisaged consequences), 15(3) (a copy), read with
  CJEU C-203/22 (the explanation must let the person check and contest);
- human intervention, point of view, contest: art. 22(3), with 22(1) for when it applies
  and 22(2)(b) for decisions that rest on a law;
- rectification 16, erasure 17(1), restriction 18(1) (18(3): told before it is lifted),
  each with 19 (recipients told); objection 21(1), and 21(2)-(3) for direct marketing;
- every letter: 12(3) (one month, two more only when the person is told in time, with
  reasons), 12(5) (free of charge), 12(6) (identity checks only as needed), 77 and 79
  (complaint and court). The answer's due date is counted by Regulation 1182/71 from the
  day the letter is received (``sluis.law.deadlines``); the send date stands in for it,
  and the notes tell the person that post arrives later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sluis.i18n import label
from sluis.law.citations import DUN_AND_BRADSTREET, Citation, gdpr, uavg
from sluis.law.deadlines import Deadline, answer_due, extended_due
from sluis.law.holidays import HolidayCalendar, parse_day
from sluis.notices.formatting import format_date
from sluis.rights.identity import is_email_address
from sluis.rights.problems import Problem, RightsRefused, invalid

GDPR_START = date(2018, 5, 25)  # art. 99(2): the GDPR applies from this day
MAX_AHEAD_DAYS = 366
MAX_SHORT = 200
MAX_LONG = 5_000
LANGUAGES = ("nl", "en")


class LetterKind(StrEnum):
    access = "access"
    human_intervention = "human_intervention"
    express_view = "express_view"
    contest = "contest"
    rectification = "rectification"
    erasure = "erasure"
    restriction = "restriction"
    objection = "objection"


#: The articles each kind rests on, and the asks (message ids under ``letters.``) it lists.
_ART22 = (gdpr("22(1)"), gdpr("22(3)"), gdpr("22(2)(b)"))
KIND_ARTICLES: dict[LetterKind, tuple[Citation, ...]] = {
    LetterKind.access: (gdpr("15(1)"), gdpr("15(1)(h)"), gdpr("15(3)"), DUN_AND_BRADSTREET),
    LetterKind.human_intervention: _ART22,
    LetterKind.express_view: _ART22,
    LetterKind.contest: (*_ART22, gdpr("15(1)(h)")),
    LetterKind.rectification: (gdpr("16"), gdpr("19")),
    LetterKind.erasure: (gdpr("17(1)"), gdpr("17(3)"), gdpr("19")),
    LetterKind.restriction: (gdpr("18(1)"), gdpr("18(3)"), gdpr("19")),
    LetterKind.objection: (gdpr("21(1)"), gdpr("21(2)"), gdpr("21(3)")),
}
_ASKS: dict[LetterKind, tuple[str, ...]] = {
    LetterKind.access: (
        "access.ask.copy",
        "access.ask.purposes",
        "access.ask.automated",
        "access.ask.logic",
        "access.ask.consequences",
    ),
    LetterKind.human_intervention: (
        "human_intervention.ask.human",
        "human_intervention.ask.outcome",
    ),
    LetterKind.express_view: ("express_view.ask.weigh", "express_view.ask.outcome"),
    LetterKind.contest: ("contest.ask.reconsider", "contest.ask.explain", "contest.ask.outcome"),
    LetterKind.rectification: (
        "rectification.ask.correct",
        "rectification.ask.redecide",
        "recipients",
    ),
    LetterKind.erasure: ("erasure.ask.erase", "erasure.ask.keep", "recipients"),
    LetterKind.restriction: ("restriction.ask.stop", "restriction.ask.tell", "recipients"),
    LetterKind.objection: ("objection.ask.stop", "objection.ask.grounds"),
}
_ARTICLE_22 = frozenset(
    {LetterKind.human_intervention, LetterKind.express_view, LetterKind.contest}
)
#: What every letter rests on: the deadline, free of charge, identity, complaint, court.
COMMON_ARTICLES = (gdpr("12(3)"), gdpr("12(5)"), gdpr("12(6)"), gdpr("77"), gdpr("79"))
#: What the notes add for the Netherlands: an answer of a public body is a decision open
#: to objection; against a company, the district court.
NOTE_ARTICLES = (uavg("34"), uavg("35"))


@dataclass(frozen=True)
class LetterInput:
    """What the person fills in, as text (from a form or the command line)."""

    kind: str
    to: str
    name: str
    to_address: str = ""
    address: str = ""
    email: str = ""
    reference: str = ""
    decision_date: str = ""
    sent: str = ""
    details: str = ""
    lang: str = "nl"


@dataclass(frozen=True)
class LetterRequest:
    """Checked input: the kind, the parties, the dates."""

    kind: LetterKind
    to: str
    name: str
    sent: date
    lang: str
    to_address: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    email: str | None = None
    reference: str | None = None
    decision_date: date | None = None
    details: str | None = None


@dataclass(frozen=True)
class Letter:
    """A drafted letter: the frame, the body (``asks`` as a list), the notes for the
    person (not part of the letter), the articles and the deadlines."""

    request: LetterRequest
    subject: str
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    date_line: str
    salutation: str
    paragraphs: tuple[str, ...]
    asks_lead: str
    asks: tuple[str, ...]
    details_lead: str | None
    after: tuple[str, ...]
    closing: str
    notes: tuple[str, ...]
    articles: tuple[Citation, ...]
    due: Deadline
    extended: Deadline

    @property
    def lang(self) -> str:
        return self.request.lang

    def t(self, key: str, **values: object) -> str:
        return _t(key, self.lang, **values)


def _t(key: str, lang: str, **values: object) -> str:
    return label(f"letters.{key}", lang).format(**values)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.replace("\r", "").split("\n") if line.strip())


def _text(value: str, field: str, limit: int, problems: list[Problem]) -> str:
    text = value.strip()
    if len(text) > limit:
        problems.append(invalid(field, "too_long", max=limit))
    return text


def _day(value: str, field: str, problems: list[Problem]) -> date | None:
    if not value.strip():
        return None
    day = parse_day(value)
    if day is None:
        problems.append(invalid(field, "date_form"))
    return day


def check_input(given: LetterInput, today: date) -> LetterRequest:
    """The checked request; every problem at once, each naming its field, otherwise."""
    problems: list[Problem] = []
    kind = next((k for k in LetterKind if k.value == given.kind.strip().lower()), None)
    if kind is None:
        allowed = ", ".join(k.value for k in LetterKind)
        problems.append(invalid("kind", "letter_kind_unknown", allowed=allowed))
    lang = given.lang.strip().lower()
    if lang not in LANGUAGES:
        problems.append(invalid("lang", "lang_unknown"))
    to = _text(given.to, "to", MAX_SHORT, problems)
    if not to:
        problems.append(invalid("to", "letter_controller_needed"))
    name = _text(given.name, "name", MAX_SHORT, problems)
    if not name:
        problems.append(invalid("name", "letter_name_needed"))
    email = _text(given.email, "email", MAX_SHORT, problems)
    if email and not is_email_address(email):
        problems.append(invalid("email", "email_form"))
    sent = _day(given.sent, "sent", problems) or today
    if sent < GDPR_START:
        problems.append(invalid("sent", "letter_sent_before_gdpr"))
    elif sent > today + timedelta(days=MAX_AHEAD_DAYS):
        problems.append(invalid("sent", "letter_sent_far_ahead", today=today.isoformat()))
    decided = _day(given.decision_date, "decision_date", problems)
    if decided is not None and decided > sent:
        problems.append(
            invalid("decision_date", "letter_decision_after_sent", sent=sent.isoformat())
        )
    texts = {
        "to_address": _text(given.to_address, "to_address", MAX_SHORT * 2, problems),
        "address": _text(given.address, "address", MAX_SHORT * 2, problems),
        "reference": _text(given.reference, "reference", MAX_SHORT, problems),
        "details": _text(given.details, "details", MAX_LONG, problems),
    }
    if problems or kind is None:
        raise RightsRefused(problems)
    return LetterRequest(
        kind=kind,
        to=to,
        name=name,
        sent=sent,
        lang=lang,
        to_address=_lines(texts["to_address"]),
        address=_lines(texts["address"]),
        email=email or None,
        reference=texts["reference"] or None,
        decision_date=decided,
        details=texts["details"] or None,
    )


def draft(request: LetterRequest, calendar: HolidayCalendar) -> Letter:
    """The letter for ``request``, its answer due by the deadline of art. 12(3) counted
    on ``calendar`` from the day it is sent."""
    lang, kind = request.lang, request.kind
    due = answer_due(request.sent, calendar)
    extended = extended_due(request.sent, calendar)
    sent_text, due_text = format_date(request.sent, lang), format_date(due.due, lang)
    paragraphs = [_t("intro", lang)]
    if request.reference or request.decision_date:
        paragraphs.append(_about_decision(request))
    paragraphs.append(_t(f"{_lead(kind)}.lead", lang))
    if kind is LetterKind.access:
        paragraphs.append(_t("access.dun", lang))
    if kind in _ARTICLE_22:
        paragraphs.append(_t("art22.law", lang))
    after = (
        _t("free", lang),
        _t("deadline", lang, sent=sent_text, due=due_text),
        _t("no_answer", lang),
    )
    articles = (*KIND_ARTICLES[kind], *COMMON_ARTICLES)
    notes = (
        _t("notes.send", lang),
        _t("notes.due", lang, due=due_text, sent=sent_text),
        _t("notes.receipt", lang),
        _t("notes.extended", lang, due=format_date(extended.due, lang)),
        _t("notes.no_answer", lang),
        _t("notes.government", lang),
    )
    return Letter(
        request=request,
        subject=_t(f"subject.{kind.value}", lang),
        sender=(request.name, *request.address, *((request.email,) if request.email else ())),
        recipient=(request.to, *request.to_address),
        date_line=_t("date", lang, date=sent_text),
        salutation=_t("salutation", lang),
        paragraphs=tuple(paragraphs),
        asks_lead=_t("asks", lang),
        asks=tuple(_t(key, lang) for key in _ASKS[kind]),
        details_lead=_t(f"details.{kind.value}", lang) if request.details else None,
        after=after,
        closing=_t("closing", lang),
        notes=notes,
        articles=tuple(dict.fromkeys((*articles, *NOTE_ARTICLES))),
        due=due,
        extended=extended,
    )


def _lead(kind: LetterKind) -> str:
    return "art22" if kind in _ARTICLE_22 else kind.value


def _about_decision(request: LetterRequest) -> str:
    lang = request.lang
    dated = (
        _t("about_decision.dated", lang, date=format_date(request.decision_date, lang))
        if request.decision_date
        else ""
    )
    referenced = (
        _t("about_decision.referenced", lang, reference=request.reference)
        if request.reference
        else ""
    )
    return _t("about_decision", lang, dated=dated, referenced=referenced)


__all__ = [
    "COMMON_ARTICLES",
    "KIND_ARTICLES",
    "Letter",
    "LetterInput",
    "LetterKind",
    "LetterRequest",
    "check_input",
    "draft",
]
