"""``sluis profile``: register profiles (each change a new version) and read them back."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from sluis.assessment.service import register_and_assess
from sluis.cli.common import EXIT_INVALID, err, print_profile_errors
from sluis.cli.context import open_database
from sluis.profiles.service import ProfileNotFound, get_profile, list_profiles, list_versions
from sluis.profiles.validation import ProfileInvalid, parse_profile_text

app = typer.Typer(help="Registered algorithm profiles.", no_args_is_help=True)
console = Console()


@app.command("add")
def add(
    paths: list[Path] = typer.Argument(..., help="Profile files (YAML or JSON)."),
    author: str | None = typer.Option(None, help="Who made this change."),
) -> None:
    """Register profiles; a changed profile becomes a new version, an unchanged one not."""
    parsed = []
    for path in paths:
        try:
            parsed.append(parse_profile_text(path.read_text(encoding="utf-8")))
        except ProfileInvalid as exc:
            print_profile_errors(err, str(path), exc)
    if len(parsed) != len(paths):
        err.print("[red]nothing was stored[/red]")
        raise typer.Exit(EXIT_INVALID)
    sessions = open_database()
    for profile in parsed:
        stored, assessment = register_and_assess(sessions, profile, author=author)
        state = "new version" if stored.created else "unchanged"
        console.print(
            f"{stored.profile_id} v{stored.version} ({state}): "
            f"art. 22 {assessment.art22.verdict.value}, DPIA {assessment.dpia.required.value}"
        )


@app.command("list")
def list_command() -> None:
    """List registered profiles."""
    table = Table("id", "name", "latest version", "updated")
    for p in list_profiles(open_database()):
        table.add_row(p.profile_id, p.name, str(p.latest_version), f"{p.updated_at:%Y-%m-%d %H:%M}")
    console.print(table)


@app.command("show")
def show(
    profile_id: str,
    version: int | None = typer.Option(None, min=1),
    versions: bool = typer.Option(False, "--versions", help="List the versions instead."),
) -> None:
    """Print a stored profile as JSON (latest or a given version)."""
    sessions = open_database()
    try:
        stored = get_profile(sessions, profile_id, version)
    except ProfileNotFound as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from None
    if versions:
        for v in list_versions(sessions, profile_id):
            console.print(f"v{v.version}  {v.created_at:%Y-%m-%d %H:%M}  {v.author or ''}")
        return
    document = stored.profile.model_dump(mode="json", exclude_none=True)
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
