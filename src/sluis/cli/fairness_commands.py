"""``sluis fairness``: do an algorithm's outcomes, errors or reviews differ between groups of
people? The report for the DPIA, the refresh the dashboard reads, and recording group
labels and ground truth from CSV files. ``sluis dashboard refresh`` recomputes everything
the privacy officer's dashboard shows but does not compute per page load (for cron)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import pandas as pd
import typer
from rich.console import Console
from rich.markup import escape

from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.dashboard.refresh import refresh
from sluis.fairness.records import MonitoringRefused, record_attributes, record_ground_truth
from sluis.fairness.report import render_html, render_markdown, render_pdf
from sluis.fairness.service import Snapshot, latest_snapshot, monitor, monitored_algorithms

app = typer.Typer(
    help="Fairness monitoring: outcomes, errors and reviews per group of people.",
    no_args_is_help=True,
)
dashboard_app = typer.Typer(help="The privacy officer's dashboard.", no_args_is_help=True)
console = Console()

EXIT_NOT_FOUND = 1
EXIT_BROKEN = 1  # the audit chain failed its verification


class Language(StrEnum):
    nl = "nl"
    en = "en"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    pdf = "pdf"


def _refused(exc: MonitoringRefused) -> typer.Exit:
    for problem in exc.problems:
        text = escape(f"{problem.field}: {problem.message} [{problem.rule}]")
        err.print(f"[red]{text}[/red]", highlight=False)
    return typer.Exit(EXIT_NOT_FOUND if exc.status == 404 else EXIT_INVALID)


def _summary(snapshot: Snapshot) -> str:
    return (
        f"{snapshot.result['algorithm']}: {snapshot.decisions} decisions, "
        f"{snapshot.monitored} with group labels, {snapshot.labelled} with a ground truth; "
        f"alerts: {snapshot.alerts_high} high, {snapshot.alerts_medium} medium, "
        f"{snapshot.review_alerts} on human review"
    )


@app.command("report")
def report_command(
    algorithm: str = typer.Argument(..., help="The profile id, or PROFILE:DECISION."),
    format: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f"),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (PDF: needed)."),
    cached: bool = typer.Option(
        False, "--cached", help="Render the newest stored result instead of computing anew."
    ),
) -> None:
    """The fairness report for the DPIA. Computes the monitoring now (and keeps it for
    the dashboard), or with --cached renders the newest stored result."""
    if format is ReportFormat.pdf and output is None:
        err.print("[red]--output is required for --format pdf[/red]")
        raise typer.Exit(EXIT_INVALID)
    sessions = open_database()
    try:
        snapshot = latest_snapshot(sessions, algorithm) if cached else None
        if snapshot is None:
            snapshot = monitor(sessions, algorithm)
    except MonitoringRefused as exc:
        raise _refused(exc) from None
    renderers = {
        ReportFormat.md: render_markdown,
        ReportFormat.html: render_html,
        ReportFormat.pdf: render_pdf,
    }
    content = renderers[format](snapshot.result, snapshot.computed_at.isoformat(), lang.value)
    if output is None:
        typer.echo(content, nl=False)
        return
    if isinstance(content, bytes):
        output.write_bytes(content)
    else:
        output.write_text(content, encoding="utf-8")
    err.print(f"wrote {output}")


@app.command("refresh")
def refresh_command(
    algorithms: list[str] = typer.Argument(None, help="Profile ids (default: every one)."),
) -> None:
    """Compute the monitoring of these algorithms (default: every algorithm that declares
    monitoring) and keep the results for the dashboard."""
    sessions = open_database()
    chosen = algorithms or monitored_algorithms(sessions)
    for algorithm in chosen:
        try:
            console.print(_summary(monitor(sessions, algorithm)), highlight=False)
        except MonitoringRefused as exc:
            raise _refused(exc) from None


def _read_table(path: Path) -> pd.DataFrame:
    try:
        if path.suffix.lower() == ".parquet":
            return pd.read_parquet(path)
        # Labels are text: keep "01" and "1" apart, and empty cells as unknown.
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except (OSError, ValueError) as exc:
        err.print(f"[red]{path}: cannot read the table ({type(exc).__name__})[/red]")
        raise typer.Exit(EXIT_INVALID) from None


@app.command("attributes")
def attributes_command(
    algorithm: str = typer.Argument(..., help="The profile id."),
    table: Path = typer.Argument(
        ..., help="CSV or Parquet: decision, then one column per attribute."
    ),
) -> None:
    """Record the group labels of decisions, kept apart from the decisions."""
    try:
        count = record_attributes(open_database(), algorithm, _read_table(table))
    except MonitoringRefused as exc:
        raise _refused(exc) from None
    console.print(f"recorded group labels of {count} decisions")


@app.command("ground-truth")
def ground_truth_command(
    algorithm: str = typer.Argument(..., help="The profile id."),
    table: Path = typer.Argument(
        ..., help="CSV or Parquet: decision, deserved_favourable (true/false), source."
    ),
) -> None:
    """Record what later checks found (a manual check, an objection upheld)."""
    frame = _read_table(table)
    words = {"true": True, "false": False, "1": True, "0": False}
    if "deserved_favourable" in frame.columns:  # CSV cells are text: true/false, 1/0
        frame["deserved_favourable"] = frame["deserved_favourable"].map(
            lambda v: words.get(v.strip().lower()) if isinstance(v, str) else v
        )
    try:
        count = record_ground_truth(open_database(), algorithm, frame)
    except MonitoringRefused as exc:
        raise _refused(exc) from None
    console.print(f"recorded the ground truth of {count} decisions")


@dashboard_app.command("refresh")
def dashboard_refresh_command(
    chain: bool = typer.Option(True, "--chain/--no-chain", help="Also verify the audit chain."),
) -> None:
    """Recompute what the dashboard shows but does not compute per page load: every
    monitored algorithm's fairness and (by default) the verification of the audit chain.
    Safe to run from cron."""
    done = refresh(open_database(), chain=chain)
    for snapshot in done.snapshots:
        console.print(_summary(snapshot), highlight=False)
    if done.chain is not None:
        state = "intact" if done.chain.ok else f"BROKEN at {done.chain.first_broken_seq}"
        console.print(f"audit chain: {done.chain.entries} entries, {state}")
        if not done.chain.ok:
            raise typer.Exit(EXIT_BROKEN)
