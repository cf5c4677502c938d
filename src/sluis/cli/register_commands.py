"""``sluis register``: the art. 30 record and the Algoritmeregister publication, generated
from a registered profile (by id) or a profile file."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from sluis.cli.common import EXIT_INVALID, err, print_profile_errors
from sluis.cli.context import open_database
from sluis.law.assess import assess
from sluis.profiles.service import ProfileNotFound
from sluis.profiles.validation import ProfileInvalid, parse_profile_text
from sluis.register.algoritmeregister import (
    Publication,
    build_publication,
    publications_csv,
    validate_publication,
)
from sluis.register.art30_export import export_art30
from sluis.register.art30_service import algorithm_record, organisation_record, record_from_profile
from sluis.register.publication_service import (
    PublicationIncomplete,
    RegisterSchemaUnavailable,
    export_publication,
    load_register_schema,
)
from sluis.settings import Settings

app = typer.Typer(help="Registers: art. 30 record, Algoritmeregister.", no_args_is_help=True)


class ExportFormat(StrEnum):
    algoritmeregister = "algoritmeregister"
    algoritmeregister_csv = "algoritmeregister-csv"
    art30_csv = "art30-csv"
    art30_xlsx = "art30-xlsx"
    art30_pdf = "art30-pdf"


class Language(StrEnum):
    nl = "nl"
    en = "en"


@app.command("export")
def export(
    algorithm: str = typer.Argument(..., help="A registered profile id or a profile file."),
    format: ExportFormat = typer.Option(..., "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write."),
    version: int | None = typer.Option(None, min=1, help="A registered version."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l", help="Art. 30 language."),
    schema: Path | None = typer.Option(
        None, help="The Algoritmeregister JSON Schema (default: SLUIS_ALGORITMEREGISTER_SCHEMA)."
    ),
) -> None:
    """Export one algorithm's art. 30 record or Algoritmeregister publication."""
    path = Path(algorithm)
    from_file = path.suffix.lower() in {".yaml", ".yml", ".json"} or path.is_file()
    try:
        if format.value.startswith("art30"):
            record = (
                record_from_profile(path)
                if from_file
                else algorithm_record(open_database(), algorithm, version)
            )
            content = export_art30(record, format.value.removeprefix("art30-"), lang.value)
        else:
            register_schema = load_register_schema(schema or Settings().algoritmeregister_schema)
            publication = (
                _publication_from_file(path, register_schema)
                if from_file
                else export_publication(
                    open_database(), algorithm, version, schema=register_schema
                )[1]
            )
            content = _publication_bytes(publication, format)
    except ProfileInvalid as exc:
        print_profile_errors(err, algorithm, exc)
        raise typer.Exit(EXIT_INVALID) from None
    except (ProfileNotFound, OSError) as exc:
        err.print(f"[red]{algorithm}: {exc}[/red]")
        raise typer.Exit(EXIT_INVALID) from None
    except RegisterSchemaUnavailable as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_INVALID) from None
    except PublicationIncomplete as exc:
        _print_gaps(exc)
        raise typer.Exit(EXIT_INVALID) from None
    _write(content, output, binary=format in {ExportFormat.art30_xlsx, ExportFormat.art30_pdf})


@app.command("art30")
def art30(
    format: str = typer.Option("xlsx", "--format", "-f", help="csv, xlsx or pdf."),
    output: Path | None = typer.Option(None, "--output", "-o"),
    controller: str | None = typer.Option(None, help="Only this controller's record."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Export the whole organisation's art. 30 record (every registered algorithm)."""
    if format not in ("csv", "xlsx", "pdf"):
        err.print("[red]--format: use csv, xlsx or pdf[/red]")
        raise typer.Exit(EXIT_INVALID)
    records = organisation_record(open_database(), controller)
    if not records:
        err.print("[red]no registered algorithms match[/red]")
        raise typer.Exit(EXIT_INVALID)
    _write(export_art30(records, format, lang.value), output, binary=format != "csv")


def _publication_from_file(path: Path, schema: dict[str, Any]) -> Publication:
    profile = parse_profile_text(path.read_text(encoding="utf-8"))
    publication = build_publication(profile, assess(profile), None, schema)
    errors = validate_publication(publication.document, schema)
    if errors or publication.missing:
        raise PublicationIncomplete(profile.id, 0, publication.missing, errors)
    return publication


def _publication_bytes(publication: Publication, format: ExportFormat) -> bytes:
    if format is ExportFormat.algoritmeregister_csv:
        return publications_csv([publication]).encode("utf-8")
    return json.dumps(publication.document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _print_gaps(exc: PublicationIncomplete) -> None:
    err.print(f"[red]{exc.profile_id}: not ready for the Algoritmeregister; nothing written[/red]")
    for missing in exc.missing:
        err.print(
            f"  missing {missing.field}: fill in {missing.profile_path} ({missing.reason_en})"
        )
    for error in exc.schema_errors:
        err.print(f"  {error.path}: {error.message} [{error.rule}]")


def _write(content: bytes, output: Path | None, *, binary: bool) -> None:
    if output is None:
        if binary:
            err.print("[red]--output is required for this format[/red]")
            raise typer.Exit(EXIT_INVALID)
        typer.echo(content.decode("utf-8"), nl=False)
        return
    output.write_bytes(content)
    err.print(f"wrote {output}")
