"""The human-involvement report for the DPIA: for one algorithm (or all) and a period, the
stage and degree of human involvement as the profile declares it and as the reviews show
it, the meaningfulness metrics, the alerts, the control-case results and how it was all
measured. Markdown, HTML and PDF (WeasyPrint), in Dutch or English.

``build_report`` is pure (facts and declarations in, a report value out); the renderers
turn that value into text through one language-bound view (:func:`report_view`), so every
format shows the same numbers. The HTML template (``reports/templates/review_report.html``)
defines the document as a macro the web pages can reuse.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sluis.i18n import label, translator
from sluis.reports.rendering import TEMPLATES, report_environment
from sluis.review.alerts import AlertSettings, Evaluation, evaluate
from sluis.review.facts import ReviewFact
from sluis.review.involvement import (
    DeclaredDecision,
    MeasuredInvolvement,
    Note,
    comparison_notes,
    measured_involvement,
)
from sluis.review.metrics import (
    Dimension,
    GroupMetrics,
    MetricsTable,
    Scope,
    algorithm_key,
    metrics_table,
)
from sluis.review.report_tables import GROUPINGS, Table
from sluis.review.report_view import DecisionView, report_view


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included; an open end means no limit."""

    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ValueError("since must not be after until")

    def contains(self, moment: datetime) -> bool:
        day = moment.date()
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def label(self, lang: str) -> str:
        if self.since is None and self.until is None:
            return label("review_metrics.period_all", lang)
        parts = []
        if self.since:
            parts.append(f"{label('review_metrics.period_from', lang)} {self.since.isoformat()}")
        if self.until:
            parts.append(f"{label('review_metrics.period_until', lang)} {self.until.isoformat()}")
        return " ".join(parts)


@dataclass(frozen=True)
class DecisionReport:
    algorithm: str
    declared: DeclaredDecision | None
    table: MetricsTable
    evaluation: Evaluation
    measured: MeasuredInvolvement
    notes: tuple[Note, ...]
    settings: AlertSettings = field(default_factory=AlertSettings)

    @property
    def overall(self) -> GroupMetrics:
        return self.table.overall


@dataclass(frozen=True)
class HumanInvolvementReport:
    profile_id: str | None  # None: every algorithm
    period: Period
    generated_at: datetime
    decisions: tuple[DecisionReport, ...]


def build_report(
    facts: Iterable[ReviewFact],
    declared: Sequence[DeclaredDecision],
    *,
    generated_at: datetime,
    profile_id: str | None = None,
    period: Period | None = None,
    settings: AlertSettings | None = None,
    settings_by_profile: Mapping[str, AlertSettings] | None = None,
) -> HumanInvolvementReport:
    """One section per declared decision (in the order given), then one per decision that
    has reviews but no declaration. Facts outside the period or the profile are ignored.
    Each profile's review policy may set its own thresholds (``settings_by_profile``);
    the others use ``settings`` (the defaults when not given)."""
    period = period or Period()
    default = settings or AlertSettings()
    per_profile = settings_by_profile or {}
    per_algorithm: dict[str, list[ReviewFact]] = {}
    for fact in facts:
        if period.contains(fact.decided_at) and profile_id in (None, fact.profile_id):
            key = algorithm_key(fact.profile_id, fact.decision_id)
            per_algorithm.setdefault(key, []).append(fact)
    known = {d.algorithm: d for d in declared}
    order = [*known, *sorted(per_algorithm.keys() - known.keys())]
    sections = []
    for algorithm in order:
        chosen = per_profile.get(algorithm.split(":", 1)[0], default)
        table = metrics_table(
            per_algorithm.get(algorithm, []),
            GROUPINGS,
            within=Scope(((Dimension.algorithm, algorithm),)),
            config=chosen.metrics,
        )
        evaluation = evaluate(table.all(), chosen.thresholds)
        measured = measured_involvement(table.overall, evaluation)
        decl = known.get(algorithm)
        sections.append(
            DecisionReport(
                algorithm=algorithm,
                declared=decl,
                table=table,
                evaluation=evaluation,
                measured=measured,
                notes=tuple(comparison_notes(decl, table.overall, measured)),
                settings=chosen,
            )
        )
    return HumanInvolvementReport(
        profile_id=profile_id,
        period=period,
        generated_at=generated_at,
        decisions=tuple(sections),
    )


def template_context(report: HumanInvolvementReport, lang: str) -> dict[str, Any]:
    """What the ``review_report.html`` macro needs (the web dashboard can pass it too)."""
    return {"v": report_view(report, lang), "_": translator(lang), "lang": lang}


def render_html(report: HumanInvolvementReport, lang: str) -> str:
    template = report_environment().get_template("review_report.html")
    return template.render(c=template_context(report, lang))


def render_pdf(report: HumanInvolvementReport, lang: str) -> bytes:
    from weasyprint import HTML  # imported late: loading Pango is slow and only PDF needs it

    return HTML(string=render_html(report, lang), base_url=str(TEMPLATES)).write_pdf()


def render_markdown(report: HumanInvolvementReport, lang: str) -> str:
    _ = translator(lang)
    v = report_view(report, lang)
    lines = [
        f"# {v.title}: {v.scope}",
        "",
        f"*{_('review_metrics.period')}: {v.period} · "
        f"{_('review_metrics.generated_at')} {v.generated_at}*",
        "",
        _("review_metrics.intro"),
        "",
        f"## {v.summary.caption}",
        "",
    ]
    lines += _markdown_table(v.summary) if v.summary.rows else [_("review_metrics.no_decisions")]
    for d in v.decisions:
        lines += _markdown_decision(d, lang)
    lines += ["", f"## {_('review_metrics.method')}", ""]
    lines += [f"- {m}" for m in v.method]
    lines += ["", f"*{_('review_metrics.no_personal_data')}*"]
    return "\n".join(lines) + "\n"


def _markdown_decision(d: DecisionView, lang: str) -> list[str]:
    _ = translator(lang)
    lines = [
        "",
        f"## {_('review_metrics.decision')} {d.heading}",
        "",
        f"`{d.algorithm}`: {_cell(d.description)}",
        "",
        f"| | {_('review_metrics.declared')} | {_('review_metrics.measured')} |",
        "| --- | --- | --- |",
        f"| {_('review_metrics.degree')} | {d.declared_degree} | **{d.verdict}** |",
        f"| {_('review_metrics.stage')} | {d.declared_stage} | {d.measured_stage} |",
        "",
        f"*{_('review_metrics.verdict_caveat')}*",
    ]
    if d.notes:
        lines += ["", f"### {_('review_metrics.notes')}", ""]
        lines += [f"- {n.text} ({n.sources})" for n in d.notes]
    lines += ["", f"### {_('review_metrics.alerts')}", ""]
    if not d.alerts:
        lines.append(_("review_metrics.no_alerts"))
    for a in d.alerts:
        lines.append(
            f"- **{a.title}** ({_('review_metrics.where')}: {a.where}; "
            f"{_('review_metrics.measured_value')} {a.measured}, "
            f"{_('review_metrics.threshold')} {a.threshold}): {a.reason} ({a.sources})"
        )
    if d.too_few:
        lines += ["", f"### {_('review_metrics.too_few')}", "", _("review_metrics.too_few_intro")]
        lines += ["", *(f"- {t}" for t in d.too_few)]
    for heading, tables in d.tables:
        lines += ["", f"### {heading}"]
        for table in tables:
            lines += ["", f"**{table.caption}**", "", *_markdown_table(table)]
    lines += ["", f"### {_('review_metrics.controls')}", ""]
    if d.control_table.rows:
        lines += _markdown_table(d.control_table)
    else:
        lines.append(_("review_metrics.no_controls"))
    if d.first_view_table.rows:
        lines += ["", f"### {d.first_view_table.caption}", ""]
        lines += [_("review_metrics.first_views_intro"), "", *_markdown_table(d.first_view_table)]
    lines += ["", f"**{_('review_metrics.method.thresholds')}:**", ""]
    lines += [f"- {t}" for t in d.thresholds]
    return lines


def _markdown_table(table: Table) -> list[str]:
    lines = [
        "| " + " | ".join(_cell(h) for h in table.headers) + " |",
        "|" + " --- |" * len(table.headers),
    ]
    for row in table.rows:
        cells = [f"**{_cell(c.plain())}** ⚠" if c.flagged else _cell(c.plain()) for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
