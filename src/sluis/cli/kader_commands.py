"""``sluis kader``: import the Algoritmekader and keep a profile's checklist."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.kader.documents import checklist_document
from sluis.kader.records import KaderFileProblem
from sluis.kader.service import (
    KaderFolderInvalid,
    KaderInputInvalid,
    checklist_for,
    import_folder,
    set_measure_status,
)
from sluis.profiles.service import ProfileNotFound

app = typer.Typer(
    help="The Algoritmekader: import its requirements and measures, track a checklist.",
    no_args_is_help=True,
)
console = Console()


class ChecklistFormat(StrEnum):
    table = "table"
    json = "json"


def _print_problems(problems: tuple[KaderFileProblem, ...]) -> None:
    for problem in problems:
        state = "skipped" if problem.skipped else "warning"
        err.print(f"  {problem.path}: {problem.problem} [dim]\\[{state}][/dim]", highlight=False)


@app.command("import")
def import_command(
    path: Path = typer.Argument(..., help="Folder with the vereisten and maatregelen files."),
    source: str | None = typer.Option(None, help="A label for this import, e.g. a release."),
) -> None:
    """Import (or re-import) the Algoritmekader; statuses are kept, changes recorded."""
    sessions = open_database()
    try:
        report = import_folder(sessions, path, source)
    except KaderFolderInvalid as exc:
        err.print(f"[red]{exc}; nothing was imported[/red]", highlight=False)
        _print_problems(exc.problems)
        raise typer.Exit(EXIT_INVALID) from None
    console.print(
        f"import {report.import_id}: {len(report.added)} added, {len(report.changed)} "
        f"changed, {len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.skipped)} files skipped",
        highlight=False,
    )
    _print_problems(report.problems)


@app.command("checklist")
def checklist_command(
    profile_id: str,
    format: ChecklistFormat = typer.Option(ChecklistFormat.table, "--format", "-f"),
) -> None:
    """Show the requirements that apply to a profile and its measures' statuses."""
    sessions = open_database()
    try:
        checklist = checklist_for(sessions, profile_id)
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    if format is ChecklistFormat.json:
        typer.echo(json.dumps(checklist_document(checklist), ensure_ascii=False, indent=2))
        return
    if checklist.kader_import is None:
        err.print("[yellow]no Algoritmekader imported yet: run `sluis kader import`[/yellow]")
    console.print(
        f"{checklist.profile_name} ({checklist.profile_id} v{checklist.version}): "
        f"{len(checklist.requirements)} requirements apply",
        highlight=False,
    )
    requirements = Table("code", "requirement", "certain", "assessment")
    for entry in checklist.requirements:
        link = entry.link.status.value if entry.link else ""
        certain = "yes" if entry.applicability.certain else "unless ..."
        requirements.add_row(entry.item.code, entry.item.title, certain, link)
    console.print(requirements)
    measures = Table("measure", "title", "status", "owner", "evidence")
    for measure in checklist.measures():
        measures.add_row(
            measure.item.urn,
            measure.item.title,
            measure.status.status.value,
            measure.status.owner or "",
            str(len(measure.evidence)),
        )
    console.print(measures)
    counts = ", ".join(f"{key} {value}" for key, value in checklist.counts.items())
    console.print(counts, highlight=False)


@app.command("status")
def status_command(
    profile_id: str,
    measure_urn: str,
    status: str = typer.Argument(..., help="todo, in_progress, done or not_applicable"),
    reason: str | None = typer.Option(None, help="Why; required for not_applicable."),
    owner: str | None = typer.Option(None, help="Who carries the measure out."),
    notes: str | None = typer.Option(None),
    by: str | None = typer.Option(None, help="Who records this change."),
) -> None:
    """Record a profile's status on one measure."""
    sessions = open_database()
    try:
        saved = set_measure_status(
            sessions, profile_id, measure_urn, status, reason, owner, notes, by
        )
    except KaderInputInvalid as exc:
        err.print("[red]the status was not recorded[/red]")
        for error in exc.errors:
            err.print(
                f"  {error.loc}: {error.message} [dim]\\[{error.rule}][/dim]", highlight=False
            )
        raise typer.Exit(EXIT_INVALID) from None
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    console.print(f"{profile_id} {saved.measure_urn}: {saved.status.value}", highlight=False)
