"""``sluis decide``: run a file of cases (CSV or Parquet) through the decision gateway.

The file is streamed a few chunks at a time, each read one batch through the gateway, so
memory stays bounded whatever the file's size; ``--output`` writes every row's result as
it goes. With ``--atomic`` the whole file is one batch,
refused as a whole when any row is bad: it is read into memory first (the gateway checks
every row before it records any). The work is done in ``sluis.cli.decide_run``, imported
only when the command runs.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from sluis.settings import Settings

CHUNK_SIZE = 50_000  # the gateway's own default batch chunk


class Requested(StrEnum):
    auto = "auto"
    final = "final"
    review = "review"


def register(app: typer.Typer) -> None:
    app.command("decide")(decide)


def decide(
    algorithm: str = typer.Argument(..., help="The profile id of the algorithm."),
    decision: str = typer.Option(..., "--decision", "-d", help="The profile's decision id."),
    procedure: str | None = typer.Option(
        None,
        "--procedure",
        "-p",
        help="The decision procedure: path/to/file.py:attribute or package.module:attribute "
        "(an object or a function returning it). Default: the one bound to the decision in "
        "SLUIS_PROCEDURES.",
    ),
    input: Path = typer.Option(
        ..., "--input", "-i", exists=True, dir_okay=False, help="The cases: .csv or .parquet."
    ),
    subject_column: str = typer.Option("subject_id", help="The column with the subject's id."),
    idempotency_column: str | None = typer.Option(
        None, help="A column of idempotency keys: re-running the file decides only the rest."
    ),
    atomic: bool = typer.Option(
        False, "--atomic", help="Refuse the whole file when any row is bad (read into memory)."
    ),
    requested: Requested = typer.Option(Requested.auto, help="Ask for final or review."),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write one line per row (.csv or .parquet): row number, subject id, decision "
        "id, status, outcome, score, whether it replayed an earlier decision, and the "
        "problems of a refused row.",
    ),
    chunk_size: int = typer.Option(
        CHUNK_SIZE, min=1, help="Rows per chunk (one transaction and one audit event each)."
    ),
) -> None:
    """Decide every row of a file through the gateway, with a progress bar.

    Exit code 0 when every row was decided, 1 when some rows were refused (the others are
    recorded), 2 when nothing could be recorded (bad procedure, unknown algorithm, or an
    atomic file with bad rows).
    """
    from sluis.cli.decide_run import run_file

    run_file(
        algorithm,
        decision,
        procedure,
        input,
        subject_column=subject_column,
        idempotency_column=idempotency_column,
        atomic=atomic,
        requested=requested.value,
        output=output,
        chunk_size=chunk_size,
    )


def demo_decisions(settings: Settings, folder: Path, console: Console) -> Settings:
    """Take the worked examples' sample cases through the gateway (``sluis demo``); the
    settings returned bind their procedures in the served app."""
    from sluis.cli.decide_run import demo_decisions as run_demo

    return run_demo(settings, folder, console)
