"""``sluis instrument``: the government's questionnaires (DPIA pre-scan, Model DPIA
Rijksdienst, IAMA) — import definitions, open one for an algorithm, exchange answers with
the government's form tool, see the verdict of the pre-scan's rules, export as PDF or
Markdown. Thin: every command calls ``sluis.instruments.service``."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.i18n import translator
from sluis.instruments import render
from sluis.instruments import service as instruments
from sluis.instruments.answers import AnswersInvalid
from sluis.instruments.exchange import OutputInvalid
from sluis.instruments.loading import DefinitionInvalid, SchemaNotFound
from sluis.instruments.rules import Verdicts
from sluis.profiles.service import ProfileNotFound
from sluis.settings import Settings

app = typer.Typer(
    help="The government's questionnaires: pre-scan, Model DPIA, IAMA.", no_args_is_help=True
)
console = Console()

EXIT_NOT_FOUND = 1
NOT_FOUND = (
    ProfileNotFound,
    instruments.DefinitionNotFound,
    instruments.InstanceNotFound,
    FileNotFoundError,
)


class Language(StrEnum):
    nl = "nl"
    en = "en"


class ExportFormat(StrEnum):
    md = "md"
    pdf = "pdf"


def _schemas() -> Path | None:
    return Settings().par_dpia_schemas


def _fail_not_found(exc: Exception) -> typer.Exit:
    err.print(f"[red]{exc}[/red]")
    return typer.Exit(EXIT_NOT_FOUND)


def _fail_invalid(title: str, errors: list[tuple[str, str]]) -> typer.Exit:
    err.print(f"[red]{title}[/red]")
    for path, message in errors:
        err.print(f"  {path or '/'}: {message}")
    return typer.Exit(EXIT_INVALID)


@app.command("import")
def import_command(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    by: str | None = typer.Option(None, help="Who imports it."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Import a definition (assessment-definition.v2 YAML), checked against its schema."""
    _ = translator(lang.value)
    try:
        stored = instruments.import_definition(open_database(), path, schema_dir=_schemas(), by=by)
    except SchemaNotFound as exc:
        raise _fail_not_found(exc) from None
    except DefinitionInvalid as exc:
        raise _fail_invalid(
            f"{path}: the definition is refused", [(e.path, e.message) for e in exc.errors]
        ) from None
    except instruments.DefinitionConflict as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_INVALID) from None
    key = "instrument.cli.imported" if stored.created else "instrument.cli.unchanged"
    console.print(_(key).format(key=stored.key, name=stored.name))
    notes = instruments.definition_notes_of(stored.definition)
    if notes:  # warnings: the definition is imported all the same
        err.print(f"[yellow]{_('instrument.cli.notes').format(count=len(notes))}[/yellow]")
        for note in notes:
            err.print(f"[yellow]  - {note.text.get(lang.value)}[/yellow]")


@app.command("list")
def list_command(
    algorithm: str | None = typer.Option(None, "--algorithm", "-a", help="One algorithm's."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The imported definitions and the instruments opened for algorithms."""
    sessions = open_database()
    definitions = instruments.list_definitions(sessions)
    opened = instruments.list_instances(sessions, algorithm)
    if as_json:
        document = {
            "definitions": [
                {"urn": d.urn, "version": d.version, "name": d.name} for d in definitions
            ],
            "instances": [
                {
                    "id": i.id,
                    "algorithm": i.profile_id,
                    "urn": i.urn,
                    "definition_version": i.definition_version,
                    "version": i.version,
                    "state": i.state.value,
                }
                for i in opened
            ],
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    table = Table("urn", "version", "name")
    for d in definitions:
        table.add_row(d.urn, d.version, d.name)
    console.print(table)
    table = Table("id", "algorithm", "instrument", "answers version", "state")
    for i in opened:
        table.add_row(
            str(i.id), i.profile_id, f"{i.urn}:{i.definition_version}", str(i.version), i.state
        )
    console.print(table)


@app.command("open")
def open_command(
    algorithm: str,
    urn: str = typer.Argument(..., help="urn:nl:prescan, or with a version: urn:nl:prescan:2.0"),
    by: str | None = typer.Option(None, help="Who opens it."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Open an instrument for an algorithm, prefilled from its profile, its assessment and
    its other instruments (or show the one already open)."""
    _ = translator(lang.value)
    try:
        stored = instruments.open_instance(open_database(), algorithm, urn, by=by)
    except NOT_FOUND as exc:
        raise _fail_not_found(exc) from None
    key = "instrument.cli.opened" if stored.created else "instrument.cli.exists"
    console.print(_(key).format(id=stored.id, profile=algorithm, key=stored.definition.key))
    prefilled = sorted(k for k, m in stored.record.meta.items() if m.prefill)
    if prefilled:
        console.print(f"prefilled: {', '.join(prefilled)}")


@app.command("answers-export")
def answers_export(
    instance_id: int,
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default stdout)."),
    version: int | None = typer.Option(None, min=1),
    name: str | None = typer.Option(None, help="Name to put in metadata.createdBy."),
) -> None:
    """Write the answers as assessment-output.v2 JSON, for the government's form tool."""
    try:
        exported = instruments.export_answers(
            open_database(), instance_id, version=version, by_name=name
        )
    except NOT_FOUND as exc:
        raise _fail_not_found(exc) from None
    text = json.dumps(exported.document, indent=2, ensure_ascii=False) + "\n"
    if exported.skipped:
        _ = translator(Settings().default_language)
        err.print(_("instrument.cli.skipped").format(ids=", ".join(exported.skipped)))
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


@app.command("answers-import")
def answers_import(
    instance_id: int,
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    by: str | None = typer.Option(None, help="Who imports them."),
) -> None:
    """Replace the answers with those of an assessment-output.v2 JSON file; refused as a
    whole (listing every problem) when any answer does not fit."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail_invalid(f"{file}: not JSON", [("", str(exc))]) from None
    try:
        stored = instruments.import_answers(
            open_database(), instance_id, document, schema_dir=_schemas(), by=by
        )
    except NOT_FOUND as exc:
        raise _fail_not_found(exc) from None
    except (OutputInvalid, AnswersInvalid) as exc:
        raise _fail_invalid(
            f"{file}: refused, nothing imported", [(e.path, e.message) for e in exc.errors]
        ) from None
    what = "imported as version" if stored.created else "unchanged, version"
    console.print(f"instrument {instance_id}: {what} {stored.version}")


@app.command("verdict")
def verdict_command(
    instance_id: int,
    as_json: bool = typer.Option(False, "--json"),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """What the instrument's own rules conclude (which assessments are required or
    recommended, and which criterion fired), next to Sluis's own assessment."""
    try:
        result = instruments.verdict(open_database(), instance_id)
    except NOT_FOUND as exc:
        raise _fail_not_found(exc) from None
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        return
    _ = translator(lang.value)
    if result.differs:
        console.print(f"[bold]{_('instrument.doc.as_published')}[/bold]")
    _print_verdicts(result.verdicts, _)
    if result.differs:
        console.print(f"[bold]{_('instrument.doc.as_intended')}[/bold]")
        _print_verdicts(result.readings.intended, _)
        console.print(_("instrument.doc.readings_differ"))
        for difference in result.readings.differences:
            console.print(f"  - {difference.text.get(lang.value)}")
    if result.comparison is not None:
        console.print(_("instrument.doc.comparison"))
        for reason in result.comparison.reasons:
            console.print(f"  - {reason.get(lang.value)}")


def _print_verdicts(verdicts: Verdicts, _: Callable[[str], str]) -> None:
    for outcome in verdicts.assessments:
        level = _(f"instrument.doc.level.{outcome.level}")
        result = f" — {outcome.result}" if outcome.result else ""
        console.print(f"[bold]{outcome.id}[/bold]: {level}{result}")
        for criterion in outcome.fired:
            console.print(f"  - {criterion.id}: {criterion.explanation}")


@app.command("export")
def export_command(
    instance_id: int,
    format: ExportFormat = typer.Option(ExportFormat.md, "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (PDF: needed)."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
    version: int | None = typer.Option(None, min=1),
) -> None:
    """Write the filled-in instrument as Markdown (stdout without -o) or PDF."""
    if format is ExportFormat.pdf and output is None:
        err.print("[red]--output is required for --format pdf[/red]")
        raise typer.Exit(EXIT_INVALID)
    sessions = open_database()
    try:
        stored = instruments.get_instance(sessions, instance_id, version)
        verdict = instruments.verdict(sessions, instance_id, version)
    except NOT_FOUND as exc:
        raise _fail_not_found(exc) from None
    if format is ExportFormat.pdf:
        assert output is not None
        output.write_bytes(render.render_pdf(stored, lang.value, verdict))
    elif output is None:
        typer.echo(render.render_markdown(stored, lang.value, verdict), nl=False)
        return
    else:
        output.write_text(render.render_markdown(stored, lang.value, verdict), encoding="utf-8")
    err.print(f"wrote {output}")
