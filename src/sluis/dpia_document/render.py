"""Render a stored DPIA for people: Markdown, HTML and PDF, in Dutch or English.

Every rendering says which profile version it was prefilled from, which DPIA version it
is and in which state, so a printed DPIA can always be traced back. The HTML template
(``reports/templates/dpia.html``) defines the document as a macro, which the web pages
reuse for earlier versions, so the page and the PDF show the same document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sluis.dpia_document.matrix import (
    IMPACT_LABELS,
    LEVEL_LABELS,
    LIKELIHOOD_LABELS,
    RiskLevel,
    matrix_svg,
)
from sluis.dpia_document.model import (
    PRIOR_CONSULTATION_ARTICLES,
    SECTION_SPECS,
    DpiaDocument,
    SectionKey,
    section_title,
)
from sluis.dpia_document.service import StoredDpia
from sluis.i18n import translator
from sluis.reports.rendering import TEMPLATES, cite, report_environment


def provenance(stored: StoredDpia, lang: str) -> str:
    """ "Generated from profile X version N, DPIA version M, state S" (and the adoption date)."""
    _ = translator(lang)
    line = _("dpia.doc.generated_from").format(
        profile=stored.profile_id,
        profile_version=stored.profile_version,
        version=stored.version,
        state=_(f"dpia.doc.state.{stored.state.value}"),
    )
    if stored.adopted_at is not None:
        line += ", " + _("dpia.doc.adopted_at").format(date=f"{stored.adopted_at:%Y-%m-%d}")
    return line


def level_label(level: RiskLevel | None, lang: str) -> str:
    return "-" if level is None else LEVEL_LABELS[level].get(lang)


def template_context(stored: StoredDpia, lang: str) -> dict[str, Any]:
    """What the ``dpia.html`` macro needs (also used by the web pages)."""
    doc = stored.document
    return {
        "stored": stored,
        "doc": doc,
        "lang": lang,
        "_": translator(lang),
        "provenance": provenance(stored, lang),
        "svg": matrix_svg(doc.plotted(), lang),
        "residuals": {r.risk_id: r for r in doc.residuals()},
        "level_label": level_label,
        "section_title": section_title,
        "prior_articles": cite(PRIOR_CONSULTATION_ARTICLES, lang),
        "cite": cite,
        "specs": SECTION_SPECS,
        "section_keys": SectionKey,
        "likelihood_labels": LIKELIHOOD_LABELS,
        "impact_labels": IMPACT_LABELS,
    }


def render_html(stored: StoredDpia, lang: str) -> str:
    template = report_environment().get_template("dpia.html")
    return template.render(c=template_context(stored, lang))


def render_pdf(stored: StoredDpia, lang: str) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango is slow and only PDF needs it

    return HTML(string=render_html(stored, lang), base_url=str(TEMPLATES)).write_pdf()


def render_markdown(stored: StoredDpia, lang: str) -> str:
    _ = translator(lang)
    doc = stored.document
    lines = [f"# {_('dpia.doc.title')}: {doc.profile_name}", "", f"*{provenance(stored, lang)}*"]
    warning = doc.prior_consultation_warning
    if warning is not None:
        lines += ["", f"> **{_('dpia.doc.prior_title')}.** {warning.get(lang)}"]
    lines += ["", f"**{_('dpia.doc.why')}:**", ""]
    lines += [f"- {r.get(lang)}" for r in doc.dpia_reasons]
    extra: dict[SectionKey, Callable[[DpiaDocument, str], list[str]]] = {
        SectionKey.risks: _risk_lines,
        SectionKey.measures: _measure_lines,
        SectionKey.residual_risk: _residual_lines,
    }
    for section in doc.sections:
        lines += ["", f"## {section_title(section.key, lang)}", ""]
        lines.append(section.text.strip() or f"*{_('dpia.doc.empty_section')}*")
        lines += ["", f"*{_('dpia.doc.source')}: {section.source.get(lang)}*"]
        if section.key in extra:
            lines += ["", *extra[section.key](doc, lang)]
    lines += ["", f"## {section_title(SectionKey.dpo_advice, lang)}", "", *_advice_lines(doc, lang)]
    lines += ["", f"## {section_title(SectionKey.adoption, lang)}", ""]
    lines += _signature_lines(doc, lang)
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _risk_lines(doc: DpiaDocument, lang: str) -> list[str]:
    _ = translator(lang)
    if not doc.risks:
        return [_("dpia.doc.no_risks")]
    lines = [
        f"| Id | {_('dpia.doc.risk_title')} | {_('dpia.doc.likelihood')} | "
        f"{_('dpia.doc.impact')} | {_('dpia.doc.level')} | {_('dpia.doc.rights')} |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in doc.risks:
        rights = "; ".join(r.affected_rights)
        lines.append(
            f"| {r.id} | {_cell(r.title)} | {r.likelihood} | {r.impact} | "
            f"{level_label(r.level, lang)} | {_cell(rights)} |"
        )
    for r in doc.risks:
        state = _("dpia.doc.confirmed") if r.confirmed else _("dpia.doc.unconfirmed")
        lines += ["", f"**{r.id} {r.title}** ({state})"]
        if r.description:
            lines.append(f"{_cell(r.description)}")
        lines.append(f"- {_('dpia.doc.justification')}: {_cell(r.justification) or '-'}")
    return lines


def _measure_lines(doc: DpiaDocument, lang: str) -> list[str]:
    _ = translator(lang)
    if not doc.measures:
        return [_("dpia.doc.no_measures")]
    lines = [
        f"| Id | {_('dpia.doc.measure')} | {_('dpia.doc.owner')} | {_('dpia.doc.status')} | "
        f"{_('dpia.doc.linked_risks')} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for m in doc.measures:
        effects = "; ".join(
            f"{e.risk_id}: "
            + _("dpia.doc.effect").format(
                likelihood=e.likelihood_reduction, impact=e.impact_reduction
            )
            for e in m.effects
        )
        status = _(f"dpia.doc.measure_status.{m.status.value}")
        lines.append(
            f"| {m.id} | {_cell(m.description)} | {_cell(m.owner) or '-'} | {status} | "
            f"{effects or '-'} |"
        )
    return [*lines, "", f"*{_('dpia.doc.measures_rule')}*"]


def _residual_lines(doc: DpiaDocument, lang: str) -> list[str]:
    _ = translator(lang)
    lines = [
        f"**{_('dpia.doc.overall_inherent')}:** {level_label(doc.inherent_level, lang)} · "
        f"**{_('dpia.doc.overall_residual')}:** {level_label(doc.residual_level, lang)}",
        "",
        f"| Id | {_('dpia.doc.inherent')} | {_('dpia.doc.residual')} | "
        f"{_('dpia.doc.measures')} | {_('dpia.doc.residual_justification')} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for risk, res in zip(doc.risks, doc.residuals(), strict=True):
        lines.append(
            f"| {risk.id} | {risk.likelihood}×{risk.impact} {level_label(risk.level, lang)} | "
            f"{res.likelihood}×{res.impact} {level_label(res.level, lang)} | "
            f"{', '.join(res.measure_ids) or '-'} | {_cell(risk.residual_justification) or '-'} |"
        )
    return lines


def _advice_lines(doc: DpiaDocument, lang: str) -> list[str]:
    _ = translator(lang)
    advice = doc.dpo_advice
    if advice is None:
        return [_("dpia.doc.no_advice"), "", f"*{_('dpia.doc.dpo_role_note')}*"]
    lines = [
        f"- {_('dpia.doc.advisor')}: {advice.advisor}",
        f"- {_('dpia.doc.advice_date')}: {advice.date.isoformat()}",
        f"- {_('dpia.doc.advice_on_version')}: {advice.given_on_version or '-'}",
        "",
        advice.text.strip(),
    ]
    if advice.controller_response.strip():
        lines += ["", f"**{_('dpia.doc.controller_response')}:** {advice.controller_response}"]
    return [*lines, "", f"*{_('dpia.doc.dpo_role_note')}*"]


def _signature_lines(doc: DpiaDocument, lang: str) -> list[str]:
    _ = translator(lang)
    if not doc.signatures:
        return [_("dpia.doc.no_signatures")]
    lines = [
        f"| {_('dpia.doc.role')} | {_('dpia.doc.name')} | {_('dpia.doc.function')} | "
        f"{_('dpia.doc.date')} | {_('dpia.doc.decision')} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in doc.signatures:
        lines.append(
            f"| {_('dpia.doc.role.' + s.role.value)} | {_cell(s.name)} | "
            f"{_cell(s.function) or '-'} | {s.date.isoformat()} | "
            f"{_('dpia.doc.decision.' + s.decision.value)} |"
        )
    return lines
