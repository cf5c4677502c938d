"""Deadlines for answering data subjects: the holiday calendar in force (built-in calendars
adjusted by the configured holiday file) and the wording of each computation step. The
arithmetic itself is pure and lives in ``sluis.law.deadlines``."""
