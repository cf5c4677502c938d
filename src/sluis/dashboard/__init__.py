"""The privacy officer's dashboard: everything to watch on one screen.

``tiles`` reads it all with aggregate queries only (counts per group on indexed columns,
the newest stored snapshot of each slow computation), so the page stays fast on millions
of decisions; ``chain`` keeps the last verification of the audit trail; ``refresh``
recomputes the slow parts (fairness snapshots, the chain check) from a command or a
button, never on a page load.
"""
