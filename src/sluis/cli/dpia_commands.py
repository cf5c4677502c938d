"""``sluis dpia``: open a profile's DPIA, show where it stands, export it as PDF or Markdown.

Editing, advice, signatures and adoption happen in the web UI or through the JSON API;
the command line covers what scripts and a privacy officer at a terminal need.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.dpia_document.lifecycle import adoption_refusals
from sluis.dpia_document.matrix import LEVEL_LABELS
from sluis.dpia_document.prefill import DpiaNotNeeded
from sluis.dpia_document.render import provenance, render_markdown, render_pdf
from sluis.dpia_document.service import get_dpia, list_versions, open_dpia
from sluis.profiles.service import ProfileNotFound

app = typer.Typer(help="DPIA documents (GDPR art. 35).", no_args_is_help=True)
console = Console()

EXIT_NOT_FOUND = 1
EXIT_NOT_NEEDED = 3  # the assessment calls for no DPIA: not an error in the input


class Language(StrEnum):
    nl = "nl"
    en = "en"


class ExportFormat(StrEnum):
    md = "md"
    pdf = "pdf"


@app.command("open")
def open_command(
    profile_id: str,
    lang: Language = typer.Option(Language.nl, "--lang", "-l", help="Language to write in."),
    by: str | None = typer.Option(None, help="Who opens it."),
) -> None:
    """Open the profile's DPIA, prefilled from its newest version (or show the open one)."""
    try:
        stored = open_dpia(open_database(), profile_id, by=by, language=lang.value)
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_NOT_FOUND) from None
    except DpiaNotNeeded as exc:
        err.print(f"[yellow]{profile_id}: the assessment calls for no DPIA[/yellow]")
        for reason in exc.reasons:
            err.print(f"  {reason.get(lang.value)}")
        raise typer.Exit(EXIT_NOT_NEEDED) from None
    what = "opened" if stored.created else "already open"
    console.print(f"{profile_id}: DPIA {what}. {provenance(stored, lang.value)}")


@app.command("show")
def show(
    profile_id: str,
    version: int | None = typer.Option(None, min=1, help="A given version (default newest)."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole document as JSON."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Where the DPIA stands: state, risks before and after measures, what is missing."""
    sessions = open_database()
    try:
        stored = get_dpia(sessions, profile_id, version)
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_NOT_FOUND) from None
    doc = stored.document
    if as_json:
        typer.echo(json.dumps(doc.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    console.print(provenance(stored, lang.value))
    table = Table("risk", "title", "L×I", "level", "residual", "measures")
    for risk, res in zip(doc.risks, doc.residuals(), strict=True):
        table.add_row(
            risk.id,
            risk.title,
            f"{risk.likelihood}×{risk.impact}",
            LEVEL_LABELS[risk.level].get(lang.value),
            f"{res.likelihood}×{res.impact} {LEVEL_LABELS[res.level].get(lang.value)}",
            ", ".join(res.measure_ids) or "-",
        )
    console.print(table)
    if doc.prior_consultation_warning is not None:
        console.print(f"[red]{doc.prior_consultation_warning.get(lang.value)}[/red]")
    refusals = adoption_refusals(doc)
    for refusal in refusals:
        console.print(f"  - {refusal.text.get(lang.value)} [dim]\\[{refusal.item}][/dim]")
    versions = ", ".join(
        f"{v.version} {v.state.value}" for v in list_versions(sessions, profile_id)
    )
    console.print(f"versions: {versions}")


@app.command("export")
def export(
    profile_id: str,
    format: ExportFormat = typer.Option(ExportFormat.md, "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (PDF: needed)."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
    version: int | None = typer.Option(None, min=1, help="A given version (default newest)."),
) -> None:
    """Write the DPIA as Markdown (to stdout without -o) or PDF."""
    if format is ExportFormat.pdf and output is None:
        err.print("[red]--output is required for --format pdf[/red]")
        raise typer.Exit(EXIT_INVALID)
    try:
        stored = get_dpia(open_database(), profile_id, version)
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_NOT_FOUND) from None
    if format is ExportFormat.pdf:
        assert output is not None
        output.write_bytes(render_pdf(stored, lang.value))
    elif output is None:
        typer.echo(render_markdown(stored, lang.value), nl=False)
        return
    else:
        output.write_text(render_markdown(stored, lang.value), encoding="utf-8")
    err.print(f"wrote {output}")
