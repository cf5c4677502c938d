"""``sluis processing-log``: read the local processing log (Logboek Dataverwerkingen).

``show`` lists the records of the JSON-lines file, oldest first, optionally from a date
and of one operation; ``--json`` prints them as they are in the file, one per line. The
person in each record stays as logged (their pseudonym, encrypted): nothing is decrypted.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from typing import Any

import typer

from sluis.cli.common import err
from sluis.i18n import label
from sluis.processing_log.activities import Operation

app = typer.Typer(
    help="The processing log (Logboek Dataverwerkingen): every processing of personal data.",
    no_args_is_help=True,
)


class Language(StrEnum):
    nl = "nl"
    en = "en"


@app.command("show")
def show_command(
    since: datetime | None = typer.Option(
        None,
        "--since",
        formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"],
        help="Only records that started on or after this date (UTC): YYYY-MM-DD[THH:MM:SS].",
    ),
    operation: Operation | None = typer.Option(
        None, "--operation", help="Only records of this operation (the record's name)."
    ),
    as_json: bool = typer.Option(False, "--json", help="The records as JSON, one per line."),
    lang: Language = typer.Option(Language.nl, "--lang", "-l"),
) -> None:
    """Show the records of the local processing log, subject ids as logged (encrypted)."""
    from sluis.processing_log.log import log_file
    from sluis.processing_log.reading import Skipped, Wanted, read_records
    from sluis.settings import Settings

    path = log_file(Settings())
    if not path.exists():
        err.print(label("processing_log.missing", lang.value).format(path=path))
        return
    skipped = Skipped()
    wanted = Wanted(since, None if operation is None else operation.value)
    shown = 0
    for record in read_records(path, wanted, skipped):
        typer.echo(_compact(record) if as_json else _line(record, lang.value))
        shown += 1
    if not as_json:
        key = "processing_log.shown" if shown else "processing_log.none"
        err.print(label(key, lang.value).format(count=shown))
    if skipped.count:
        err.print(label("processing_log.skipped", lang.value).format(count=skipped.count))


def _compact(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _line(record: dict[str, Any], lang: str) -> str:
    attributes = record.get("attributes") or {}
    parts = [
        str(record.get("start_time", "")),
        str(record.get("name", "")),
        str(record.get("status", "")),
        str(attributes.get("sluis.result", "")),
    ]
    algorithm = attributes.get("sluis.algorithm")
    if algorithm:
        parts.append(f"{label('processing_log.algorithm', lang)}={algorithm}")
    subject = attributes.get("dpl.core.data_subject_id")
    if subject:
        parts.append(f"{label('processing_log.subject', lang)}={subject}")
    parts.append(f"{label('processing_log.trace', lang)}={record.get('trace_id', '')}")
    return "  ".join(parts)
