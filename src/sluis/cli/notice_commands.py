"""``sluis notice`` and ``sluis privacy-notice``: the letters people get about decisions,
and an algorithm's privacy notice, as PDF, HTML or JSON.

``sluis notice ID`` writes one decision's notice (to standard output for HTML and JSON,
to ``-o FILE`` for PDF); several ids, ``--ids-file`` or ``--algorithm ID --all-since DATE``
write one file per decision into the directory ``-o DIR``. The procedures that explain
decisions are bound from ``SLUIS_PROCEDURES`` and ``--procedure``.

Exit codes: 0 when every notice was written, 1 when some decisions have no notice (each
named with the reason; the others are written), 2 for bad input (nothing written).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from sluis.cli.common import EXIT_INVALID, err
from sluis.settings import Settings

if TYPE_CHECKING:
    from sluis.gateway.service import Gateway
    from sluis.notices.render import Notice

EXIT_SOME_FAILED = 1

#: Why a decision has no notice, for people.
REASONS = {
    "not_found": "no such decision",
    "erased": "its data were erased",
    "no_procedure": "no procedure is bound to explain it (SLUIS_PROCEDURES or --procedure)",
    "not_revealed": "its data could not be read",
}


class Format(StrEnum):
    pdf = "pdf"
    html = "html"
    json = "json"


class Language(StrEnum):
    nl = "nl"
    en = "en"


def register(app: typer.Typer) -> None:
    app.command("notice")(notice)
    app.command("privacy-notice")(privacy_notice_command)


def notice(
    decision_ids: list[str] = typer.Argument(None, help="Decision ids.", show_default=False),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
    format: Format = typer.Option(Format.pdf, "--format", "-f"),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The file (one notice) or directory (several)."
    ),
    algorithm: str | None = typer.Option(
        None, "--algorithm", "-a", help="With --all-since: every decision of this algorithm."
    ),
    all_since: str | None = typer.Option(
        None,
        "--all-since",
        help="With --algorithm: decisions recorded on or after this day (YYYY-MM-DD, UTC).",
    ),
    decision: str | None = typer.Option(
        None, "--decision", "-d", help="With --algorithm: only this decision of the profile."
    ),
    ids_file: Path | None = typer.Option(
        None, "--ids-file", exists=True, dir_okay=False, help="A file with one decision id a line."
    ),
    procedures: list[str] = typer.Option(
        [],
        "--procedure",
        "-p",
        help="Bind a procedure to explain decisions: profile:decision=path/file.py:attribute "
        "(repeatable; added to SLUIS_PROCEDURES).",
    ),
    budget: float = typer.Option(
        2.0, min=0.0, help="Seconds per decision to search what would have changed it."
    ),
) -> None:
    """Write the notice (besluitbrief) of one or more decisions."""
    ids, batch = _selection(decision_ids or [], ids_file, algorithm, all_since, decision)
    if output is None and (batch or format is Format.pdf):
        _refuse("--output is required for PDF and for more than one decision")
    if batch and output is not None and output.exists() and not output.is_dir():
        _refuse(f"--output: {output} is a file; several notices need a directory")
    from sluis.notices.service import notices_for

    gateway = _gateway(procedures)
    if algorithm is not None and all_since is not None:
        ids = _ids_since(gateway, algorithm, all_since, decision)
    if batch and output is not None:
        output.mkdir(parents=True, exist_ok=True)
    written, failed = 0, 0
    for decision_uuid, made, problem in notices_for(
        gateway, ids, lang.value, budget_seconds=budget
    ):
        if made is None:
            failed += 1
            err.print(
                f"[red]{decision_uuid}: no notice: {REASONS.get(problem or '', problem)}[/red]"
            )
            continue
        written += 1
        _write(made, format.value, output, batch)
    if batch:
        err.print(f"{written} notice(s) written to {output}, {failed} without a notice")
    if failed:
        raise typer.Exit(EXIT_INVALID if not batch else EXIT_SOME_FAILED)


def privacy_notice_command(
    algorithm: str = typer.Argument(..., help="A registered profile id."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
    format: Format = typer.Option(Format.pdf, "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="The file to write."),
    version: int | None = typer.Option(None, min=1, help="A stored version (default newest)."),
) -> None:
    """Write the privacy notice (GDPR art. 13 and 14) of a registered algorithm."""
    from sluis.cli.context import open_database
    from sluis.notices.service import privacy_notice
    from sluis.profiles.service import ProfileNotFound

    if output is None and format is Format.pdf:
        _refuse("--output is required for PDF")
    try:
        made = privacy_notice(open_database(), algorithm, lang.value, version=version)
    except ProfileNotFound as exc:
        _refuse(str(exc))
    _write(made, format.value, output, batch=False)


def _selection(
    decision_ids: list[str],
    ids_file: Path | None,
    algorithm: str | None,
    all_since: str | None,
    decision: str | None,
) -> tuple[list[str], bool]:
    """The ids asked for and whether this is a batch (one file per decision in a directory)."""
    ids = [i.strip() for i in decision_ids if i.strip()]
    if ids_file is not None:
        lines = ids_file.read_text(encoding="utf-8").splitlines()
        ids += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    by_algorithm = algorithm is not None or all_since is not None
    if by_algorithm and (algorithm is None or all_since is None):
        _refuse("--algorithm and --all-since go together")
    if decision is not None and algorithm is None:
        _refuse("--decision needs --algorithm")
    if by_algorithm and ids:
        _refuse("give decision ids or --algorithm with --all-since, not both")
    if not by_algorithm and not ids:
        _refuse("give one or more decision ids, --ids-file, or --algorithm with --all-since")
    return ids, by_algorithm or len(ids) > 1


def _ids_since(gateway: Gateway, algorithm: str, all_since: str, decision: str | None) -> list[str]:
    from sluis.notices.service import decision_ids_since
    from sluis.profiles.service import ProfileNotFound

    try:
        since = date.fromisoformat(all_since)
    except ValueError:
        _refuse("--all-since: expected a date as YYYY-MM-DD")
    try:
        return decision_ids_since(gateway.sessions, algorithm, since, decision_id=decision)
    except ProfileNotFound as exc:
        _refuse(f"--algorithm: {exc}")


def _gateway(procedures: list[str]) -> Gateway:
    from sluis.cli.context import open_database
    from sluis.gateway.loading import ProcedureNotLoadable, bind_procedures
    from sluis.gateway.service import Gateway

    settings = Settings()
    gateway = Gateway(open_database(settings), settings)
    try:
        bind_procedures(gateway, [*settings.procedures, *procedures])
    except (ProcedureNotLoadable, LookupError, ValueError) as exc:
        _refuse(f"--procedure: {exc}")
    return gateway


def _write(made: Notice, fmt: str, output: Path | None, batch: bool) -> None:
    from sluis.notices.render import filename, render

    content = render(made, fmt)
    if output is None:
        typer.echo(content.decode("utf-8"), nl=False)
        return
    target = output / filename(made, fmt) if batch else output
    target.write_bytes(content)
    if not batch:
        err.print(f"wrote {target}")


def _refuse(message: str) -> NoReturn:
    err.print(f"[red]{message}[/red]")
    raise typer.Exit(EXIT_INVALID)
