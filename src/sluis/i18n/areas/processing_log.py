"""Wording of ``sluis processing-log``. Placeholders in braces are filled in by
``sluis.cli.processing_log_commands``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # (nl, en)
    "processing_log.missing": (
        "Er is (nog) geen verwerkingslogboek in {path}.",
        "There is no processing log at {path} (yet).",
    ),
    "processing_log.none": ("Geen logregels gevonden.", "No records found."),
    "processing_log.skipped": (
        "{count} regels waren geen logregel en zijn overgeslagen.",
        "{count} lines were not records and were skipped.",
    ),
    "processing_log.shown": ("{count} logregels.", "{count} records."),
    "processing_log.subject": ("betrokkene", "subject"),
    "processing_log.algorithm": ("algoritme", "algorithm"),
    "processing_log.trace": ("verwerking", "trace"),
}
