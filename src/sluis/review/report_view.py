"""The human-involvement report in one language: every heading, number and sentence
the formats show, so Markdown, HTML and PDF (and the web dashboard) cannot differ."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sluis.i18n import label, translator
from sluis.i18n.numbers import format_seconds
from sluis.reports.rendering import cite
from sluis.review.facts import CaseKind
from sluis.review.involvement import DeclaredDecision
from sluis.review.metrics import Dimension
from sluis.review.report_tables import (
    GROUPINGS,
    Cell,
    Table,
    agreement_chart,
    alert_value,
    check_label,
    control_table,
    effort_table,
    first_view_table,
    outcome_table,
    scope_label,
    scope_rank,
    share_cell,
    threshold_lines,
    time_chart,
    too_few_lines,
)

if TYPE_CHECKING:
    from sluis.review.report import DecisionReport, HumanInvolvementReport


@dataclass(frozen=True)
class AlertView:
    key: str
    title: str
    where: str
    measured: str
    threshold: str
    reason: str
    sources: str


@dataclass(frozen=True)
class NoteView:
    id: str
    text: str
    sources: str


@dataclass(frozen=True)
class DecisionView:
    algorithm: str
    heading: str
    description: str
    declared_degree: str
    declared_stage: str
    measured_stage: str
    verdict: str
    verdict_key: str
    notes: tuple[NoteView, ...]
    tables: tuple[tuple[str, tuple[Table, ...]], ...]  # (grouping heading, tables)
    control_table: Table
    first_view_table: Table
    agreement_svg: str
    time_svg: str
    alerts: tuple[AlertView, ...]
    too_few: tuple[str, ...]
    thresholds: tuple[str, ...]


@dataclass(frozen=True)
class ReportView:
    lang: str
    title: str
    scope: str
    period: str
    generated_at: str
    summary: Table
    decisions: tuple[DecisionView, ...]
    method: tuple[str, ...]


def report_view(report: HumanInvolvementReport, lang: str) -> ReportView:
    _ = translator(lang)
    return ReportView(
        lang=lang,
        title=_("review_metrics.title"),
        scope=report.profile_id or _("review_metrics.scope_all"),
        period=report.period.label(lang),
        generated_at=_moment(report.generated_at),
        summary=_summary_table(report, lang),
        decisions=tuple(_decision_view(d, lang) for d in report.decisions),
        method=tuple(
            _(f"review_metrics.method.{k}")
            for k in ("decisions", "agreement", "overrides", "controls", "time")
        ),
    )


def _moment(when: datetime) -> str:
    if when.tzinfo is None:
        return f"{when:%Y-%m-%d %H:%M}"
    return f"{when.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def _summary_table(report: HumanInvolvementReport, lang: str) -> Table:
    _ = translator(lang)
    headers = (
        _("review_metrics.dim.algorithm"),
        _("review_metrics.degree"),
        _("review_metrics.stage"),
        _("review_metrics.col.decisions"),
        _("review_metrics.col.agreement"),
        _("review_metrics.col.median"),
        _("review_metrics.alert_count"),
        _("review_metrics.measured"),
    )
    rows = tuple(
        (
            Cell(d.algorithm),
            Cell(_degree(d.declared, lang)),
            Cell(_stage(d.declared, lang)),
            Cell(str(d.overall.decisions)),
            share_cell(d.overall.agreement, lang),
            Cell(format_seconds(d.overall.time.median, lang)),
            Cell(str(len(d.evaluation.alerts)), bool(d.evaluation.alerts)),
            Cell(_(f"review_metrics.verdict.{d.measured.value}")),
        )
        for d in report.decisions
    )
    return Table("summary", _("review_metrics.summary"), headers, rows)


def _degree(declared: DeclaredDecision | None, lang: str) -> str:
    if declared is None:
        return label("review_metrics.undeclared", lang)
    if declared.human_involvement is None:
        return label("review_metrics.not_stated", lang)
    return label(f"review_metrics.involvement.{declared.human_involvement.value}", lang)


def _stage(declared: DeclaredDecision | None, lang: str) -> str:
    if declared is None:
        return label("review_metrics.undeclared", lang)
    if declared.human_stage is None:
        return label("review_metrics.not_stated", lang)
    return label(f"review_metrics.stage.{declared.human_stage.value}", lang)


def _decision_view(d: DecisionReport, lang: str) -> DecisionView:
    _ = translator(lang)
    overall = d.overall
    heading = d.algorithm
    if d.declared is not None:
        heading = f"{d.declared.profile_name}: {d.declared.decision_id}"
    tables = []
    for dimension in GROUPINGS:
        rows = [overall, *d.table.groups.get(dimension, [])]
        tables.append(
            (
                _(f"review_metrics.by.{dimension.value}"),
                (
                    outcome_table(rows, dimension, d.evaluation, lang, f"outcomes-{dimension}"),
                    effort_table(rows, dimension, d.evaluation, lang, f"effort-{dimension}"),
                ),
            )
        )
    by_reviewer = d.table.groups.get(Dimension.reviewer, [])
    order = (Dimension.algorithm, *GROUPINGS)
    return DecisionView(
        algorithm=d.algorithm,
        heading=heading,
        description=d.declared.description if d.declared else _("review_metrics.undeclared"),
        declared_degree=_degree(d.declared, lang),
        declared_stage=_stage(d.declared, lang),
        measured_stage=_("review_metrics.measured_stage").format(
            initial=overall.acts_by_kind.get(CaseKind.initial, 0),
            contest=overall.acts_by_kind.get(CaseKind.contest, 0),
            control=overall.acts_by_kind.get(CaseKind.control, 0),
        ),
        verdict=_(f"review_metrics.verdict.{d.measured.value}"),
        verdict_key=d.measured.value,
        notes=tuple(NoteView(n.id, n.text.get(lang), cite(n.articles, lang)) for n in d.notes),
        tables=tuple(tables),
        control_table=control_table(
            [overall, *by_reviewer], Dimension.reviewer, d.evaluation, lang, "controls"
        ),
        first_view_table=first_view_table([overall, *by_reviewer], Dimension.reviewer, lang),
        agreement_svg=agreement_chart(by_reviewer, d.evaluation, d.settings.thresholds, lang),
        time_svg=time_chart(overall, lang),
        alerts=tuple(
            AlertView(
                key=a.key,
                title=check_label(a.code, a.item, lang),
                where=scope_label(a.scope, lang, skip=(Dimension.algorithm,)),
                measured=alert_value(a, lang),
                threshold=alert_value(a, lang, threshold=True),
                reason=a.reason.get(lang),
                sources=cite(a.articles, lang),
            )
            for a in sorted(d.evaluation.alerts, key=lambda a: scope_rank(a.scope, order))
        ),
        thresholds=tuple(
            threshold_lines(d.settings.thresholds, d.settings.metrics.fast_seconds, lang)
        ),
        too_few=tuple(
            too_few_lines(
                sorted(d.evaluation.too_few, key=lambda t: scope_rank(t.scope, order)), lang
            )
        ),
    )
