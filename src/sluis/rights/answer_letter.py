"""The answer to a request as a letter for post: the text the person was sent (or, when
mail could not go, would have been sent), with the organisation, the date, the reference
and the subject, as a printable PDF. Staff download it from the request's page.

The text is the one kept with the request, sealed with the person's key; after erasure it
is gone (the answer to an erasure is never kept), and the letter can no longer be made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sluis.i18n import label, translator
from sluis.notices.formatting import format_date
from sluis.reports.rendering import pdf_from_html, report_environment
from sluis.rights.desk import RightsDesk
from sluis.rights.handling import sender_for
from sluis.rights.kinds import rule_of
from sluis.rights.problems import conflict
from sluis.rights.records import request_row, view
from sluis.rights.timing import ZONE, today

#: The events whose text is the whole answer (an extension's text is only its reasons).
ANSWERS = ("answered", "refused")


@dataclass(frozen=True)
class AnswerLetter:
    reference: str
    lang: str
    organisation: str
    name: str | None
    dated: date
    subject: str
    paragraphs: tuple[str, ...]

    @property
    def date_text(self) -> str:
        return format_date(self.dated, self.lang)


def answer_letter(desk: RightsDesk, request_id: str) -> AnswerLetter:
    """The request's answer as a letter; refused (409) while there is none, or when its
    text was not kept."""
    with desk.sessions.begin() as session:
        row = request_row(session, request_id)
        found = view(desk, session, row, today(), personal=True, events=True)
    answer = next((e for e in reversed(found.events) if e.event in ANSWERS), None)
    if answer is None:
        raise conflict("request", "no_answer_yet")
    if answer.text is None:
        raise conflict("request", "answer_not_kept")
    lang = found.lang
    kind = label(rule_of(found.kind).message_key, lang)
    return AnswerLetter(
        reference=found.id,
        lang=lang,
        organisation=sender_for(desk, found.decision_uuid, lang).organisation,
        name=found.personal.name if found.personal else None,
        dated=answer.at.astimezone(ZONE).date(),
        subject=label(f"rights.mail.subject.{answer.event}", lang).format(kind=kind),
        paragraphs=tuple(p for p in answer.text.split("\n\n") if p.strip()),
    )


def answer_html(letter: AnswerLetter) -> str:
    template = report_environment().get_template("rights_answer.html")
    return template.render(a=letter, lang=letter.lang, _=translator(letter.lang))


def answer_pdf(letter: AnswerLetter) -> bytes:
    return pdf_from_html(answer_html(letter))


__all__ = ["ANSWERS", "AnswerLetter", "answer_html", "answer_letter", "answer_pdf"]
