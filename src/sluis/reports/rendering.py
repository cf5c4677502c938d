"""Render an assessment for people: Markdown, HTML and PDF, in Dutch or English.

The HTML template is shared with the web UI, so the report a privacy officer downloads and
the page they read are the same document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from sluis.i18n import label, translator
from sluis.law.citations import Citation
from sluis.law.results import Assessment, Reasoned

TEMPLATES = Path(__file__).parent / "templates"


def tri(value: bool | None, lang: str) -> str:
    return label(f"tri.{str(value).lower()}", lang)


@cache
def report_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(("html",)),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["tri"] = tri
    env.globals["cite"] = cite
    return env


def render_json(assessment: Assessment) -> str:
    return json.dumps(assessment.to_json_dict(), ensure_ascii=False, indent=2)


def render_html(assessment: Assessment, lang: str) -> str:
    template = report_environment().get_template("report.html")
    return template.render(a=assessment, lang=lang, _=translator(lang))


def render_pdf(assessment: Assessment, lang: str) -> bytes:
    return pdf_from_html(render_html(assessment, lang))


def pdf_from_html(html: str) -> bytes:
    """A PDF of a document rendered from these templates (fonts and links resolved here)."""
    from weasyprint import HTML  # imported late: loading Pango is slow and only PDF needs it

    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()


def render_markdown(assessment: Assessment, lang: str) -> str:
    _ = translator(lang)
    a = assessment
    lines = [
        f"# {_('assessment.title')}: {a.profile.name}",
        "",
        f"*{_('assessment.profile')}: `{a.profile.id}`"
        + (f", {_('assessment.version')} {a.profile.version}" if a.profile.version else "")
        + f" · {_('assessment.engine')} {a.engine_version}*",
        "",
        f"## {_('art22.title')}",
        "",
        f"- **{_('art22.verdict')}:** {_('verdict.' + a.art22.verdict.value)}",
        f"- **{_('art22.applies')}:** {tri(a.art22.applies, lang)}",
        f"- **{_('art22.exception')}:** "
        + _("exception." + (a.art22.exception.value if a.art22.exception else "none")),
    ]
    for decision in a.art22.decisions:
        lines += ["", f"### {_('art22.decision')} `{decision.decision_id}`", ""]
        lines.append(f"**{_('art22.verdict')}:** {_('verdict.' + decision.verdict.value)}")
        lines.append("")
        for key in ("decision", "solely_automated", "significant_effect"):
            lines.append(
                _condition_line(
                    _(f"art22.condition.{key}"), getattr(decision.conditions, key), lang
                )
            )
        lines.append(_condition_line(_("art22.exception"), decision.exception_reasoning, lang))
        if decision.safeguards:
            lines += ["", f"**{_('art22.safeguards')}:**", ""]
            lines += [
                f"- {s.text.get(lang)} ({cite(s.articles, lang)})" for s in decision.safeguards
            ]
    lines += [
        "",
        f"## {_('dpia.title')}",
        "",
        f"**{_('dpia.required')}:** " + _("dpia.verdict." + a.dpia.required.value),
        "",
    ]
    lines += [f"- {r.get(lang)}" for r in a.dpia.reasons]
    lines += ["", f"### {_('dpia.criteria')}", ""]
    for c in a.dpia.criteria:
        reasons = " ".join(r.get(lang) for r in c.reasons)
        lines.append(f"{c.number}. **{c.title.get(lang)}**: {tri(c.met, lang)}. {reasons}")
    if a.dpia.nl_list:
        lines += ["", f"### {_('dpia.nl_list')}", ""]
        lines += [f"- {c.number}. {c.title.get(lang)}" for c in a.dpia.nl_list]
    lines += [
        "",
        f"## {_('prior.title')}",
        "",
        f"**{tri(a.prior_consultation.required, lang)}**. "
        + " ".join(r.get(lang) for r in a.prior_consultation.reasons),
    ]
    lines += ["", f"## {_('transparency.title')}", ""]
    lines += [f"- {d.text.get(lang)} ({cite(d.articles, lang)})" for d in a.transparency]
    lines += ["", f"## {_('findings.title')}", ""]
    for f in a.findings:
        lines.append(
            f"- **{_('severity.' + f.severity.value)}** `{f.id}`: {f.text.get(lang)} "
            f"({cite(f.articles, lang)})"
        )
    if not a.findings:
        lines.append(_("findings.none"))
    return "\n".join(lines) + "\n"


def cite(articles: Iterable[Citation], lang: str) -> str:
    return "; ".join(c.label(lang) for c in articles)


def _condition_line(name: str, reasoned: Reasoned, lang: str) -> str:
    reasons = " ".join(r.get(lang) for r in reasoned.reasons)
    return f"- {name}: **{tri(reasoned.value, lang)}**. {reasons} ({cite(reasoned.articles, lang)})"
