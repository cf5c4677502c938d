"""Reading the local processing log back: its records, oldest first, filtered by when they
started and by operation. The subject ids stay as they are in the file (encrypted):
reading the log needs no key and reveals no one.

A line that is not a record (cut short by a crash while it was written, say) is skipped
and counted, never shown: the caller says how many there were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sluis.processing_log.lines import timestamp


@dataclass(frozen=True)
class Wanted:
    """Which records to show: started at or after ``since`` (UTC), named ``operation``."""

    since: datetime | None = None
    operation: str | None = None

    def admits(self, record: dict[str, Any]) -> bool:
        if self.operation is not None and record.get("name") != self.operation:
            return False
        # The file's timestamps share one fixed UTC format, so text order is time order.
        return self.since is None or str(record.get("start_time", "")) >= _stamp(self.since)


def _stamp(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return timestamp(int(aware.timestamp() * 1_000_000) * 1_000)


@dataclass
class Skipped:
    """Lines that were not records."""

    count: int = 0


def parse_records(
    lines: Iterable[str], wanted: Wanted, skipped: Skipped
) -> Iterator[dict[str, Any]]:
    """The records among ``lines`` that ``wanted`` admits; others not records counted."""
    for text in lines:
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except ValueError:
            skipped.count += 1
            continue
        if not isinstance(record, dict) or "name" not in record:
            skipped.count += 1
            continue
        if wanted.admits(record):
            yield record


def read_records(path: Path, wanted: Wanted, skipped: Skipped) -> Iterator[dict[str, Any]]:
    """The records of the log file at ``path``, streamed (the log may hold millions)."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        yield from parse_records(lines, wanted, skipped)


__all__ = ["Skipped", "Wanted", "parse_records", "read_records"]
