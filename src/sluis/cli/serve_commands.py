"""``sluis serve`` and ``sluis demo``: run the web UI."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from sluis.assessment.service import register_and_assess
from sluis.cli.common import EXIT_INVALID, print_profile_errors
from sluis.cli.context import open_database
from sluis.cli.decide_commands import demo_decisions
from sluis.cli.reviewer_commands import demo_review_cases
from sluis.profiles.validation import ProfileInvalid, parse_profile_text
from sluis.settings import Settings

console = Console()
REPO_EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)


def serve(
    host: str | None = typer.Option(None, help="Interface to listen on."),
    port: int | None = typer.Option(None, help="Port to listen on."),
) -> None:
    """Serve the web UI and the JSON API on the configured database."""
    settings = Settings()
    _run(settings, host, port)


def demo(
    examples: Path = typer.Option(REPO_EXAMPLES, help="Folder of example profiles to seed."),
    host: str | None = typer.Option(None),
    port: int | None = typer.Option(None),
    seed_only: bool = typer.Option(False, "--seed-only", help="Seed, then exit."),
) -> None:
    """Seed the example algorithms, then serve the web UI."""
    settings = Settings()
    sessions = open_database(settings)
    files = sorted(examples.glob("*.yaml")) if examples.is_dir() else []
    if not files:
        console.print(f"[red]no example profiles found in {examples}[/red]")
        raise typer.Exit(EXIT_INVALID)
    for path in files:
        try:
            stored, assessment = register_and_assess(
                sessions, parse_profile_text(path.read_text(encoding="utf-8")), author="demo"
            )
        except ProfileInvalid as exc:
            print_profile_errors(console, str(path), exc)
            raise typer.Exit(EXIT_INVALID) from None
        console.print(
            f"seeded {stored.profile_id} v{stored.version}: "
            f"art. 22 {assessment.art22.verdict.value}, DPIA {assessment.dpia.required.value}"
        )
    settings = demo_decisions(settings, examples, console)  # binds them in the served app
    demo_review_cases(settings, examples, console)
    _demo_sign_in(settings, host, port)
    if not seed_only:
        _run(settings, host, port)


def _demo_sign_in(settings: Settings, host: str | None, port: int | None) -> None:
    """Every page needs an account: on the first run an administrator (who also acts as
    the demo reviewer) with a generated password, printed this once."""
    from sluis.accounts.service import first_administrator
    from sluis.cli.reviewer_commands import DEMO_REVIEWER

    password = first_administrator(open_database(settings), "admin", DEMO_REVIEWER[0])
    url = f"http://{host or settings.host}:{port or settings.port}/login"
    if password is not None:
        console.print(
            f"Sign in at {url} as [bold]admin[/bold] with password [bold]{password}[/bold] "
            "(shown only now; change it with `sluis account set-password admin`)."
        )
    else:
        console.print(
            f"Sign in at {url} with your account (`sluis account list`; new ones with "
            "`sluis account create`)."
        )


def _run(settings: Settings, host: str | None, port: int | None) -> None:
    import uvicorn

    from sluis.web.app import create_app

    sessions = open_database(settings)
    app = create_app(settings, sessions)
    host, port = host or settings.host, port or settings.port
    console.print(f"Sluis is serving on http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
