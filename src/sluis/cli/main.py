"""The ``sluis`` command line. Thin: it parses arguments and calls the same services the
web app calls."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from sluis.cli import (
    account_commands,
    audit_commands,
    db_commands,
    deadline_commands,
    decide_commands,
    dpia_commands,
    fairness_commands,
    instrument_commands,
    kader_commands,
    letter_commands,
    notice_commands,
    processing_log_commands,
    profile_commands,
    register_commands,
    retention_commands,
    review_commands,
    reviewer_commands,
    rights_commands,
    serve_commands,
)
from sluis.cli.common import EXIT_INVALID, err, print_profile_errors
from sluis.law.assess import assess
from sluis.law.results import Assessment
from sluis.profiles.schema import profile_json_schema, profile_skeleton
from sluis.profiles.validation import ProfileInvalid, parse_profile_text
from sluis.reports.rendering import render_html, render_json, render_markdown, render_pdf

app = typer.Typer(
    name="sluis",
    help="Sluis: decisions about people, lawful by construction.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(profile_commands.app, name="profile")
app.add_typer(db_commands.app, name="db")
app.add_typer(register_commands.app, name="register")
app.add_typer(kader_commands.app, name="kader")
app.add_typer(dpia_commands.app, name="dpia")
app.add_typer(instrument_commands.app, name="instrument")
app.add_typer(reviewer_commands.app, name="reviewer")
app.add_typer(review_commands.app, name="review")
app.add_typer(rights_commands.app, name="rights")
app.add_typer(fairness_commands.app, name="fairness")
app.add_typer(fairness_commands.dashboard_app, name="dashboard")
app.add_typer(audit_commands.app, name="audit")
app.add_typer(retention_commands.app, name="retention")
app.add_typer(processing_log_commands.app, name="processing-log")
app.add_typer(account_commands.app, name="account")
serve_commands.register(app)
decide_commands.register(app)
notice_commands.register(app)
deadline_commands.register(app)
letter_commands.register(app)


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    pdf = "pdf"


class Language(StrEnum):
    nl = "nl"
    en = "en"


@app.command("assess")
def assess_command(
    profiles: list[Path] = typer.Argument(..., help="Profile files (YAML or JSON)."),
    format: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f"),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write to this file (one profile) or directory (several). Needed for PDF.",
    ),
) -> None:
    """Assess one or more algorithm profiles: art. 22, lawfulness, DPIA, duties."""
    assessments: list[Assessment] = []
    invalid = False
    for path in profiles:
        try:
            profile = parse_profile_text(path.read_text(encoding="utf-8"))
        except ProfileInvalid as exc:
            print_profile_errors(err, str(path), exc)
            invalid = True
            continue
        except OSError as exc:
            err.print(f"[red]{path}: cannot read file ({exc.strerror})[/red]")
            raise typer.Exit(EXIT_INVALID) from None
        assessments.append(assess(profile))
    if invalid:
        raise typer.Exit(EXIT_INVALID)
    if format is ReportFormat.pdf and output is None:
        err.print("[red]--output is required for --format pdf[/red]")
        raise typer.Exit(EXIT_INVALID)
    if format is ReportFormat.json and output is None:
        payload = [a.to_json_dict() for a in assessments]
        document = payload[0] if len(payload) == 1 else payload
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _write_reports(assessments, format, lang.value, output)


def _write_reports(
    assessments: list[Assessment], format: ReportFormat, lang: str, output: Path | None
) -> None:
    renderers = {
        ReportFormat.md: lambda a: render_markdown(a, lang),
        ReportFormat.html: lambda a: render_html(a, lang),
        ReportFormat.json: render_json,
        ReportFormat.pdf: lambda a: render_pdf(a, lang),
    }
    render = renderers[format]
    if output is None:
        typer.echo("\n".join(render(a) for a in assessments))
        return
    targets = (
        [output]
        if len(assessments) == 1 and not output.is_dir()
        else [output / f"{a.profile.id}.{format.value}" for a in assessments]
    )
    if len(targets) > 1:
        output.mkdir(parents=True, exist_ok=True)
    for assessment, target in zip(assessments, targets, strict=True):
        content = render(assessment)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        err.print(f"wrote {target}")


schema_app = typer.Typer(help="Published JSON Schemas.", no_args_is_help=True)
app.add_typer(schema_app, name="schema")


@schema_app.command("skeleton")
def schema_skeleton() -> None:
    """Print a commented starting point for a new profile (YAML)."""
    typer.echo(profile_skeleton(), nl=False)


@schema_app.command("profile")
def schema_profile() -> None:
    """Print the JSON Schema of the algorithm profile."""
    typer.echo(json.dumps(profile_json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    app()
