"""A drafted letter as plain text, Markdown, HTML, PDF, and the deadline as an iCalendar
reminder (RFC 5545). Nothing is stored: each function returns the document."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sluis.law.citations import Citation
from sluis.notices.formatting import format_date
from sluis.reports.rendering import cite, pdf_from_html, report_environment
from sluis.rights.letters.draft import Letter

#: The reminder goes off at 09:00 the day before the due date (an all-day event starts at
#: midnight: fifteen hours before it).
ALARM_BEFORE = timedelta(hours=15)
PRODID = "-//Sluis//rights letters//EN"


class Format(StrEnum):
    txt = "txt"
    md = "md"
    html = "html"
    pdf = "pdf"
    ics = "ics"


MEDIA_TYPES = {
    Format.txt: "text/plain; charset=utf-8",
    Format.md: "text/markdown; charset=utf-8",
    Format.html: "text/html; charset=utf-8",
    Format.pdf: "application/pdf",
    Format.ics: "text/calendar; charset=utf-8",
}


def _articles(articles: tuple[Citation, ...], lang: str) -> str:
    return cite(articles, lang)


def to_text(letter: Letter, *, notes: bool = True) -> str:
    """The letter as plain text, ready to paste into an e-mail; the notes follow a rule."""
    parts = [
        "\n".join(letter.sender),
        "\n".join(letter.recipient),
        letter.date_line,
        letter.t("subject_line", subject=letter.subject),
        letter.salutation,
        *letter.paragraphs,
        letter.asks_lead + "\n" + "\n".join(f"- {a}" for a in letter.asks),
    ]
    if letter.details_lead and letter.request.details:
        parts.append(letter.details_lead + "\n" + letter.request.details)
    parts += [*letter.after, f"{letter.closing}\n\n{letter.request.name}"]
    if notes:
        parts += ["-" * 60, letter.t("notes.title"), *(f"- {n}" for n in letter.notes)]
        parts.append(letter.t("notes.articles", articles=_articles(letter.articles, letter.lang)))
    return "\n\n".join(parts) + "\n"


def to_markdown(letter: Letter) -> str:
    def lines(values: tuple[str, ...]) -> str:
        return "  \n".join(values)

    parts = [
        f"# {letter.subject}",
        lines(letter.sender),
        lines(letter.recipient),
        letter.date_line,
        f"**{letter.t('subject_line', subject=letter.subject)}**",
        letter.salutation,
        *letter.paragraphs,
        letter.asks_lead + "\n\n" + "\n".join(f"- {a}" for a in letter.asks),
    ]
    if letter.details_lead and letter.request.details:
        quoted = "\n".join(f"> {line}" for line in letter.request.details.splitlines())
        parts.append(f"{letter.details_lead}\n\n{quoted}")
    parts += [*letter.after, f"{letter.closing}  \n{letter.request.name}"]
    parts += [f"## {letter.t('notes.title')}", "\n".join(f"- {n}" for n in letter.notes)]
    parts.append(
        f"*{letter.t('notes.articles', articles=_articles(letter.articles, letter.lang))}*"
    )
    return "\n\n".join(parts) + "\n"


def to_html_fragment(letter: Letter) -> str:
    """The letter and its notes as an HTML fragment (for a page)."""
    template = report_environment().get_template("rights_letter_body.html")
    return template.render(l=letter)


def to_html(letter: Letter) -> str:
    """The letter as a printable HTML document."""
    return report_environment().get_template("rights_letter.html").render(l=letter)


def to_pdf(letter: Letter) -> bytes:
    return pdf_from_html(to_html(letter))


def to_ics(letter: Letter, *, now: datetime | None = None) -> bytes:
    """A calendar with one all-day event on the due date and an alarm the day before."""
    from icalendar import Alarm, Calendar, Event  # late: only the reminder needs it

    lang, due = letter.lang, letter.due.due
    kind = letter.t(f"kind.{letter.request.kind.value}")
    controller = letter.request.to
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@sluis")
    event.add("dtstamp", now or datetime.now(UTC))
    event.add("dtstart", due)
    event.add("dtend", due + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("summary", letter.t("ics.summary", controller=controller, kind=kind))
    event.add(
        "description",
        letter.t(
            "ics.description",
            controller=controller,
            sent=format_date(letter.request.sent, lang),
            extended=format_date(letter.extended.due, lang),
        ),
    )
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -ALARM_BEFORE)
    alarm.add("description", letter.t("ics.alarm", controller=controller))
    event.add_component(alarm)
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def render(letter: Letter, fmt: Format) -> bytes:
    """The letter in ``fmt`` as bytes (text formats in UTF-8)."""
    if fmt is Format.pdf:
        return to_pdf(letter)
    if fmt is Format.ics:
        return to_ics(letter)
    text = {Format.txt: to_text, Format.md: to_markdown, Format.html: to_html}[fmt](letter)
    return text.encode("utf-8")


def file_name(letter: Letter, fmt: Format) -> str:
    stem = "reminder" if fmt is Format.ics else f"letter-{letter.request.kind.value}"
    return f"{stem}-{letter.request.sent.isoformat()}.{fmt.value}"


__all__ = [
    "MEDIA_TYPES",
    "Format",
    "file_name",
    "render",
    "to_html",
    "to_html_fragment",
    "to_ics",
    "to_markdown",
    "to_pdf",
    "to_text",
]
