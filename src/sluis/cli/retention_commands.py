"""``sluis retention``: enforce retention periods, and place or lift legal holds.

``run`` erases the decision records whose retention period has run out (cron-safe, also on
many instances at once: no record is erased twice), records the run and anchors the audit
trail; ``--dry-run`` only counts. ``hold`` pauses it for an algorithm or a person,
``release`` lifts a hold, ``holds`` lists them. A person's id is read from standard input
with ``--subject -`` (so it stays out of the shell's history) and is never printed.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum

import typer
from rich.console import Console

from sluis.cli.common import EXIT_INVALID, err
from sluis.i18n import label

app = typer.Typer(
    help="Retention periods and legal holds (GDPR art. 5(1)(e)).", no_args_is_help=True
)
out = Console()

SUBJECT_ID_LENGTH = 1_000


class Language(StrEnum):
    nl = "nl"
    en = "en"


def _settings():  # type: ignore[no-untyped-def]
    from sluis.settings import Settings

    return Settings()


def _master_key(settings) -> bytes:  # type: ignore[no-untyped-def]
    from sluis.gateway.crypto import MasterKeyError, load_master_key

    try:
        return load_master_key(settings)
    except MasterKeyError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_INVALID) from None


def _problems(exc, lang: str) -> None:  # type: ignore[no-untyped-def]
    for problem in exc.problems:
        message = label(f"retention.problem.{problem.rule}", lang)
        err.print(f"[red]{problem.field}: {message}[/red] [dim]\\[{problem.rule}][/dim]")
    raise typer.Exit(EXIT_INVALID)


@app.command("run")
def run_command(
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Count what would be erased; change nothing."
    ),
    batch: int = typer.Option(500, "--batch", min=1, max=10_000, help="Records per transaction."),
    as_json: bool = typer.Option(False, "--json", help="The counts as JSON."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Erase the decision records whose retention period has run out (cron-safe)."""
    from sluis.audit.anchors import AnchorKey
    from sluis.cli.context import open_database
    from sluis.gateway.service import Gateway
    from sluis.retention.service import run_retention

    settings = _settings()
    sessions = open_database(settings)
    anchor_key = None if dry_run else AnchorKey.from_master_key(_master_key(settings))
    report = run_retention(
        sessions,
        Gateway(sessions, settings),
        dry_run=dry_run,
        batch_size=batch,
        anchor_key=anchor_key,
    )
    if as_json:
        typer.echo(json.dumps(report.to_json_dict(), indent=2))
        return
    text = label("retention.run.dry" if dry_run else "retention.run.done", lang.value)
    out.print(text.format(erased=report.erased, keys=report.keys_destroyed))
    for name in ("held", "waiting", "undetermined"):
        count = getattr(report, name)
        if count:
            out.print(label(f"retention.run.{name}", lang.value).format(count=count))
    if report.anchor_id is not None:
        out.print(label("retention.run.anchor", lang.value).format(anchor=report.anchor_id))


def _pseudonym(subject: str, lang: str) -> str:
    from sluis.gateway.crypto import KeyRing
    from sluis.retention.holds import HoldRefused, Problem

    text = (sys.stdin.readline() if subject == "-" else subject).strip()
    if not text or len(text) > SUBJECT_ID_LENGTH:
        _problems(HoldRefused([Problem("subject", "subject_id")]), lang)
    return KeyRing(_master_key(_settings())).pseudonym(text)


@app.command("hold")
def hold_command(
    reason: str = typer.Option(..., "--reason", help="A case reference and why; no personal data."),
    by: str = typer.Option(..., "--by", help="Who places the hold."),
    algorithm: str | None = typer.Option(None, "--algorithm", "-a", help="Hold an algorithm."),
    subject: str | None = typer.Option(
        None, "--subject", help="Hold a person's records: their id, or - to read it from stdin."
    ),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Place a legal hold: the retention job erases none of its records until it is lifted."""
    from sluis.cli.context import open_database
    from sluis.retention.holds import HoldRefused, place_hold

    pseudonym = None if subject is None else _pseudonym(subject, lang.value)
    try:
        hold = place_hold(
            open_database(_settings()),
            reason=reason,
            placed_by=by,
            profile_id=algorithm,
            subject_pseudonym=pseudonym,
        )
    except HoldRefused as exc:
        _problems(exc, lang.value)
    out.print(label("retention.hold.placed", lang.value).format(id=hold.id))


@app.command("release")
def release_command(
    hold_id: str = typer.Argument(..., help="The hold's id."),
    by: str = typer.Option(..., "--by", help="Who lifts the hold."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Lift a legal hold."""
    from sluis.cli.context import open_database
    from sluis.retention.holds import HoldRefused, lift_hold

    try:
        hold = lift_hold(open_database(_settings()), hold_id, lifted_by=by)
    except HoldRefused as exc:
        _problems(exc, lang.value)
    out.print(label("retention.hold.lifted", lang.value).format(id=hold.id))


@app.command("holds")
def holds_command(
    every: bool = typer.Option(False, "--all", help="Lifted holds too."),
    as_json: bool = typer.Option(False, "--json"),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """List the legal holds (standing ones unless --all)."""
    from sluis.cli.context import open_database
    from sluis.retention.holds import list_holds

    found = list_holds(open_database(_settings()), active_only=not every)
    if as_json:
        typer.echo(json.dumps([h.to_json_dict() for h in found], indent=2, ensure_ascii=False))
        return
    if not found:
        out.print(label("retention.hold.none", lang.value))
    for hold in found:
        scope = hold.profile_id if hold.profile_id is not None else hold.scope
        lifted = label("retention.hold.lifted_on", lang.value)
        state = "" if hold.lifted_at is None else f" ({lifted} {hold.lifted_at:%Y-%m-%d})"
        out.print(f"{hold.id}  {scope}  {hold.placed_at:%Y-%m-%d}  {hold.reason}{state}")


__all__ = ["app"]
