"""The fairness report for the DPIA: one algorithm's monitoring result (a stored snapshot,
``service``) as Markdown, HTML or PDF (WeasyPrint), in Dutch or English.

All formats go through one language-bound view (:func:`report_view`), so they show the same
numbers; the HTML template (``reports/templates/fairness_report.html``) defines the
document as a macro the web page reuses. Only aggregates appear: counts and shares per
group, never a label of one person.
"""

from __future__ import annotations

from typing import Any

from sluis.fairness.report_view import ReportView, report_view
from sluis.i18n import translator
from sluis.reports.rendering import TEMPLATES, report_environment
from sluis.review.report_tables import Table

Result = dict[str, Any]


def template_context(result: Result, computed_at: str, lang: str) -> dict[str, Any]:
    return {"v": report_view(result, computed_at, lang), "_": translator(lang), "lang": lang}


def render_html(result: Result, computed_at: str, lang: str) -> str:
    template = report_environment().get_template("fairness_report.html")
    return template.render(c=template_context(result, computed_at, lang))


def render_pdf(result: Result, computed_at: str, lang: str) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango is slow and only PDF needs it

    html = render_html(result, computed_at, lang)
    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()


def render_markdown(result: Result, computed_at: str, lang: str) -> str:
    _ = translator(lang)
    v = report_view(result, computed_at, lang)
    lines = [f"# {v.title}: {v.algorithm}", "", f"*{v.meta}*", "", _("fairness.intro"), ""]
    lines += [f"## {_('fairness_report.alerts')}", ""]
    if not v.alerts:
        lines.append(_("fairness_report.no_alerts"))
    for a in v.alerts:
        lines.append(f"- **{a.severity} · {a.title}** (`{a.id}`): {a.text} ({a.sources})")
    lines += ["", f"## {_('fairness_report.data')}", "", *(f"- {x}" for x in v.data)]
    lines += ["", f"### {_('fairness_report.basis')}", "", *(f"- {x}" for x in v.basis)]
    lines += ["", *_table(v.attributes)]
    lines += ["", f"### {_('fairness_report.thresholds')}", "", *(f"- {x}" for x in v.thresholds)]
    lines += ["", v.method]
    for d in v.decisions:
        lines += ["", f"## {_('fairness_report.decision')} `{d.decision_id}`", "", d.description]
        lines += ["", *(f"- {x}" for x in d.facts)]
        if not d.attributes:
            lines += ["", _("fairness_report.no_judged")]
        for a in d.attributes:
            lines += ["", f"### {_('fairness.attribute')} `{a.attribute}`"]
            for table in a.tables:
                lines += ["", *_table(table)]
            lines += ["", *(f"- {n}" for n in a.notes)] if a.notes else []
        lines += ["", f"### {_('fairness_report.cluster')}", "", *d.cluster]
        if d.cluster_table is not None:
            lines += ["", *_table(d.cluster_table)]
    lines += ["", f"## {_('fairness_report.reviewers')}", ""]
    if not v.reviewers:
        lines.append(_("fairness_report.reviewers_none"))
    for table in v.reviewers:
        lines += [*_table(table), ""]
    if v.review_alerts:
        lines += [
            "",
            f"## {_('fairness_report.review_alerts')}",
            "",
            _("fairness_report.review_alerts_intro"),
            "",
        ]
        lines += [f"- **{a.title}** (`{a.id}`): {a.text} ({a.sources})" for a in v.review_alerts]
    lines += ["", f"## {v.months.caption}", "", *_table(v.months), "", f"*{v.footer}*"]
    return "\n".join(lines) + "\n"


def _table(table: Table) -> list[str]:
    lines = [
        f"**{table.caption}**",
        "",
        "| " + " | ".join(_cell(h) for h in table.headers) + " |",
        "|" + " --- |" * len(table.headers),
    ]
    for row in table.rows:
        cells = [f"**{_cell(c.plain())}** ⚠" if c.flagged else _cell(c.plain()) for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


__all__ = ["ReportView", "render_html", "render_markdown", "render_pdf", "report_view"]
