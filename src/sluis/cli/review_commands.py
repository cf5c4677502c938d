"""``sluis review``: is human review of automated decisions meaningful? The metrics per
reviewer, month or group of people, their alerts, and the human-involvement report for
the DPIA (GDPR art. 22, art. 35)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.i18n import label
from sluis.i18n.numbers import format_percent, format_seconds
from sluis.profiles.service import ProfileNotFound
from sluis.review.facts import OpenedItem
from sluis.review.metrics import Dimension, GroupMetrics
from sluis.review.report import Period, render_html, render_markdown, render_pdf
from sluis.review.report_service import algorithm_metrics, involvement_report
from sluis.review.report_tables import check_label, scope_label
from sluis.review.thresholds import ThresholdsInvalid

app = typer.Typer(help="The review desk: meaningful human intervention.", no_args_is_help=True)
console = Console()

EXIT_NOT_FOUND = 1


class Language(StrEnum):
    nl = "nl"
    en = "en"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


class GroupBy(StrEnum):
    reviewer = "reviewer"
    month = "month"
    group = "group"


_DAY = ["%Y-%m-%d"]


@app.command("report")
def report_command(
    algorithm: str | None = typer.Argument(None, help="The profile id (or use --all)."),
    every: bool = typer.Option(False, "--all", help="Every algorithm."),
    since: datetime | None = typer.Option(None, formats=_DAY, help="First day (UTC)."),
    until: datetime | None = typer.Option(None, formats=_DAY, help="Last day (UTC)."),
    format: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f"),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (PDF: needed)."),
) -> None:
    """The human-involvement report for the DPIA: declared and measured review."""
    if (algorithm is None) == (not every):
        err.print("[red]algorithm: give one profile id, or --all (not both)[/red]")
        raise typer.Exit(EXIT_INVALID)
    if format is ReportFormat.pdf and output is None:
        err.print("[red]--output is required for --format pdf[/red]")
        raise typer.Exit(EXIT_INVALID)
    period = _period(since, until)
    try:
        report = involvement_report(
            open_database(), algorithm, period, now=datetime.now(UTC).replace(microsecond=0)
        )
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_NOT_FOUND) from None
    except ThresholdsInvalid as exc:
        _print_thresholds_invalid(exc)
    renderers = {
        ReportFormat.md: render_markdown,
        ReportFormat.html: render_html,
        ReportFormat.pdf: render_pdf,
    }
    content = renderers[format](report, lang.value)
    if output is None:
        typer.echo(content, nl=False)
        return
    if isinstance(content, bytes):
        output.write_bytes(content)
    else:
        output.write_text(content, encoding="utf-8")
    err.print(f"wrote {output}")


@app.command("metrics")
def metrics_command(
    algorithm: str = typer.Argument(..., help="The profile id, or PROFILE:DECISION."),
    by: GroupBy | None = typer.Option(None, "--by", help="Also per reviewer, month or group."),
    since: datetime | None = typer.Option(None, formats=_DAY, help="First day (UTC)."),
    until: datetime | None = typer.Option(None, formats=_DAY, help="Last day (UTC)."),
    as_json: bool = typer.Option(False, "--json", help="Print everything as JSON."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """The meaningfulness metrics of an algorithm's reviews, with their alerts."""
    period = _period(since, until)
    dimension = Dimension(by.value) if by else None
    try:
        found = algorithm_metrics(open_database(), algorithm, period, dimension)
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_NOT_FOUND) from None
    except ThresholdsInvalid as exc:
        _print_thresholds_invalid(exc)
    if as_json:
        document: dict[str, Any] = {
            "algorithm": algorithm,
            "since": _iso(period.since),
            "until": _iso(period.until),
            "by": by.value if by else None,
            "metrics": [m.to_dict() for m in found.metrics],
            "alerts": [a.to_dict() for a in found.evaluation.alerts],
            "too_few": [t.to_dict() for t in found.evaluation.too_few],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _print_metrics(found.metrics, lang.value)
    for alert in found.evaluation.alerts:
        where = scope_label(alert.scope, lang.value)
        console.print(
            f"[red]⚠ {check_label(alert.code, alert.item, lang.value)}[/red] ({where}): "
            f"{alert.reason.get(lang.value)}",
            highlight=False,
        )
    if not found.metrics:
        console.print(label("review_metrics.verdict.no_reviews", lang.value))


def _print_metrics(metrics: tuple[GroupMetrics, ...], lang: str) -> None:
    def _(key: str) -> str:
        return label(f"review_metrics.{key}", lang)

    table = Table(
        _("dim.algorithm"),
        _("col.decisions"),
        _("col.agreement"),
        _("col.interval"),
        f"{_('col.to_favourable')} / {_('col.to_unfavourable')} / {_('col.other_overrides')}",
        _("col.median"),
        _("col.fast").format(seconds=format_seconds(metrics[0].fast_seconds, lang))
        if metrics
        else "",
        _("col.opened").format(item=_("item.explanation")),
        _("col.catch_rate"),
    )
    for m in metrics:
        bounds = m.agreement.interval
        table.add_row(
            scope_label(m.scope, lang),
            str(m.decisions),
            f"{format_percent(m.agreement.rate, lang)} ({m.agreement.count}/{m.agreement.total})",
            "-" if bounds is None else "–".join(format_percent(b, lang) for b in bounds),
            f"{m.overrides.to_favourable} / {m.overrides.to_unfavourable} / {m.overrides.other}",
            format_seconds(m.time.median, lang),
            format_percent(m.fast.rate, lang),
            format_percent(m.opened[OpenedItem.explanation].rate, lang),
            format_percent(m.control.catch_rate.rate, lang),
        )
    console.print(table)


def _period(since: datetime | None, until: datetime | None) -> Period:
    try:
        return Period(since=since.date() if since else None, until=until.date() if until else None)
    except ValueError as exc:
        err.print(f"[red]--since/--until: {exc}[/red]")
        raise typer.Exit(EXIT_INVALID) from None


def _print_thresholds_invalid(exc: ThresholdsInvalid) -> NoReturn:
    err.print("[red]the algorithm's review policy has thresholds that do not fit:[/red]")
    for problem in exc.problems:
        err.print(f"  {problem}")
    raise typer.Exit(EXIT_INVALID)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
