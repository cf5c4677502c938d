"""``sluis rights``: the rights desk from the command line.

``list`` shows requests (open, due soon, overdue, closed, all), ``show`` one request with
its history, ``remind`` answers the requests whose review was settled and mails staff the
list of what is due soon or overdue: safe to run from cron (each request is in at most one
reminder a day). Output never holds personal data unless ``show --personal`` asks for it.
"""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from sluis.cli.common import EXIT_INVALID, err
from sluis.rights.reminders import VIEWS

app = typer.Typer(help="Requests of data subjects (GDPR art. 12-22).", no_args_is_help=True)
out = Console()


def _desk():  # type: ignore[no-untyped-def]
    from sluis.cli.context import open_database
    from sluis.gateway.loading import ProcedureNotLoadable, bind_procedures
    from sluis.gateway.service import Gateway
    from sluis.rights.desk import RightsDesk
    from sluis.settings import Settings

    settings = Settings()
    gateway = Gateway(open_database(settings), settings)
    try:
        bind_procedures(gateway, settings.procedures)
    except (ProcedureNotLoadable, LookupError, ValueError) as exc:
        err.print(f"[yellow]procedures not bound ({exc}); notices may be unavailable[/yellow]")
    return RightsDesk(gateway, settings)


@app.command("list")
def list_command(
    view: str = typer.Option("open", "--view", "-v", help="open, due_soon, overdue, closed or all"),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a table."),
) -> None:
    """List requests, earliest due first."""
    if view not in VIEWS:
        err.print(f"[red]--view: expected one of {', '.join(VIEWS)}[/red]")
        raise typer.Exit(EXIT_INVALID)
    from sluis.rights.reminders import list_requests

    found = list_requests(_desk(), view)
    if as_json:
        typer.echo(json.dumps([r.to_json_dict() for r in found], indent=2))
        return
    table = Table("due", "urgency", "kind", "state", "channel", "received", "id")
    for r in found:
        table.add_row(
            r.due_on.isoformat(),
            r.urgency.value,
            r.kind.value,
            r.state.value,
            r.channel.value,
            r.received_on.isoformat(),
            r.id,
        )
    out.print(table)


@app.command("show")
def show_command(
    request_id: str = typer.Argument(..., help="The request's id."),
    personal: bool = typer.Option(False, "--personal", help="Include name, address, message."),
) -> None:
    """One request with its history, as JSON."""
    from sluis.rights.problems import RightsRefused
    from sluis.rights.records import request_row, view
    from sluis.rights.timing import today

    desk = _desk()
    try:
        with desk.sessions.begin() as session:
            found = view(
                desk,
                session,
                request_row(session, request_id),
                today(),
                personal=personal,
                events=True,
            )
    except RightsRefused as exc:
        for problem in exc.problems:
            err.print(
                f"[red]{problem.field}: {problem.message('en')}[/red] [dim]\\[{problem.rule}][/dim]"
            )
        raise typer.Exit(EXIT_INVALID) from None
    document = found.to_json_dict()
    if not personal:
        document.pop("personal")
        for event in document["events"]:
            event.pop("text")
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


@app.command("remind")
def remind_command() -> None:
    """Answer settled reviews and mail staff what is due soon or overdue (cron-safe)."""
    from sluis.rights.reminders import remind

    desk = _desk()
    if not desk.settings.staff_email:
        err.print("[yellow]SLUIS_STAFF_EMAIL is not set: no reminder is mailed[/yellow]")
    result = remind(desk)
    typer.echo(
        f"answered {result.answered}; due soon or overdue {result.listed}; "
        f"reminder {'sent' if result.sent else 'not sent'}"
    )


__all__ = ["app"]
