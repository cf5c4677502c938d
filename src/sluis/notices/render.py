"""Render notices for people: HTML, PDF (WeasyPrint) and JSON.

The HTML template (``reports/templates/notice.html``) defines the letter as a macro that
the web pages import too, so the page and the PDF show the same document. Both kinds of
notice render through it: a decision notice as a letter with a reference and signature, a
privacy notice as a document of the algorithm.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from sluis.i18n import translator
from sluis.notices.formatting import format_date
from sluis.notices.notice import DecisionNotice
from sluis.notices.privacy_notice import PrivacyNotice
from sluis.reports.rendering import TEMPLATES, report_environment

NoticeFormat = Literal["html", "pdf", "json"]
FORMATS: tuple[str, ...] = ("html", "pdf", "json")
MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json",
}

Notice = DecisionNotice | PrivacyNotice


def document_context(notice: Notice) -> dict[str, Any]:
    """What the ``letter`` macro needs."""
    _ = translator(notice.lang)
    o = notice.organisation
    address = "\n".join(x for x in (o.postal_address, o.email, o.phone) if x)
    context: dict[str, Any] = {
        "lang": notice.lang,
        "title": notice.title,
        "organisation": o,
        "address": address,
        "sections": notice.sections,
        "sources_label": _("articles"),
        "provenance": notice.provenance(),
        "pending": None,
        "signature": None,
    }
    if isinstance(notice, DecisionNotice):
        meta = [
            (_("notices.reference"), notice.reference),
            (_("notices.letter_date"), format_date(notice.letter_date, notice.lang)),
            (_("notices.status"), _(f"notices.status.{notice.status}")),
        ]
        if notice.decided_at is not None:
            meta.insert(
                2, (_("notices.decision_date"), format_date(notice.decided_at, notice.lang))
            )
        context |= {
            "testid": "decision-notice",
            "meta": meta,
            "signature": {"greeting": _("notices.signature"), "signatory": o.signatory},
        }
    else:
        context |= {
            "testid": "privacy-notice",
            "meta": [(_("notices.letter_date"), format_date(notice.generated_on, notice.lang))],
        }
    return context


def render_html(notice: Notice) -> str:
    template = report_environment().get_template("notice.html")
    return template.render(d=document_context(notice))


def render_pdf(notice: Notice) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango is slow and only PDF needs it

    return HTML(string=render_html(notice), base_url=str(TEMPLATES)).write_pdf()


def render_json(notice: Notice) -> str:
    return json.dumps(notice.to_json_dict(), ensure_ascii=False, indent=2)


def render(notice: Notice, fmt: str) -> bytes:
    """The notice in ``fmt`` (html, pdf or json) as bytes."""
    if fmt == "pdf":
        return render_pdf(notice)
    if fmt == "html":
        return render_html(notice).encode("utf-8")
    if fmt == "json":
        return render_json(notice).encode("utf-8")
    raise ValueError(f"format: expected one of {', '.join(FORMATS)}")


def filename(notice: Notice, fmt: str) -> str:
    if isinstance(notice, DecisionNotice):
        return f"notice-{notice.decision_uuid}-{notice.lang}.{fmt}"
    return f"privacy-notice-{notice.profile_id}-{notice.lang}.{fmt}"


__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "document_context",
    "filename",
    "render",
    "render_html",
    "render_json",
    "render_pdf",
]
