"""Importing an Algoritmekader folder, and reading what was imported.

An import compares every parsed item with the stored one by URN and content hash and
records what it added, changed and removed, in one transaction. Statuses and evidence are
keyed by URN, so they survive a re-import of a newer release. An item missing from the new
folder is flagged ``removed`` (never deleted) — except when its file is still there but
could not be read this time: then the stored version stays, and the problem is reported.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sluis.kader.parsing import ItemKind, KaderFileProblem, KaderItem, parse_folder
from sluis.kader.records import (
    ImportReport,
    ImportSummary,
    ItemChange,
    KaderFolderInvalid,
    item_from_row,
    load_items,
)
from sluis.store.db import SQLITE_BEGIN_IMMEDIATE
from sluis.store.tables.kader import (
    SOURCE_LENGTH,
    KaderImportRow,
    KaderItemChangeRow,
    KaderItemRow,
)

Sessions = sessionmaker[Session]


def import_folder(sessions: Sessions, folder: Path, source: str | None = None) -> ImportReport:
    """Import the requirement and measure files under ``folder``.

    Files that cannot be read are reported with their path and skipped; the rest is
    imported in one transaction. Raises :class:`KaderFolderInvalid` (writing nothing) when
    the folder is missing or yields no item at all.
    """
    if not folder.is_dir():
        raise KaderFolderInvalid(f"{folder}: no such folder")
    items, problems = parse_folder(folder)
    if not items:
        raise KaderFolderInvalid(
            f"{folder}: no readable requirement or measure files", tuple(problems)
        )
    label = (source or str(folder))[:SOURCE_LENGTH]
    with sessions.begin() as session:
        session.connection(execution_options={SQLITE_BEGIN_IMMEDIATE: True})
        record = KaderImportRow(
            source=label,
            added=0,
            changed=0,
            unchanged=0,
            removed=0,
            problems=[p.as_dict() for p in problems],
        )
        session.add(record)
        session.flush()
        outcome = _apply(session, record.id, items, problems)
        record.added, record.changed = len(outcome["added"]), len(outcome["changed"])
        record.unchanged, record.removed = len(outcome["unchanged"]), len(outcome["removed"])
        return ImportReport(
            import_id=record.id,
            added=tuple(outcome["added"]),
            changed=tuple(outcome["changed"]),
            unchanged=tuple(outcome["unchanged"]),
            removed=tuple(outcome["removed"]),
            problems=tuple(problems),
        )


def _apply(
    session: Session, import_id: int, items: list[KaderItem], problems: list[KaderFileProblem]
) -> dict[str, list[str]]:
    existing = {row.urn: row for row in session.scalars(select(KaderItemRow))}
    outcome: dict[str, list[str]] = {"added": [], "changed": [], "unchanged": [], "removed": []}
    changes: list[KaderItemChangeRow] = []
    for item in items:
        row = existing.get(item.urn)
        if row is None:
            session.add(_new_row(item, import_id))
            outcome["added"].append(item.urn)
            changes.append(_change(import_id, item.urn, "added", None, item.body_sha256))
            continue
        before = row.body_sha256
        if row.removed or before != item.body_sha256:
            kind = "added" if row.removed else "changed"
            outcome[kind].append(item.urn)
            changes.append(_change(import_id, item.urn, kind, before, item.body_sha256))
        else:
            outcome["unchanged"].append(item.urn)
        _update_row(row, item, import_id)
    unreadable = {p.path for p in problems if p.skipped}
    present = {item.urn for item in items}
    for urn, row in sorted(existing.items()):
        if urn in present or row.removed or row.source_path in unreadable:
            continue
        row.removed = True
        outcome["removed"].append(urn)
        changes.append(_change(import_id, urn, "removed", row.body_sha256, None))
    session.flush()  # the items first: the changes refer to them
    session.add_all(changes)
    session.flush()
    return outcome


def _new_row(item: KaderItem, import_id: int) -> KaderItemRow:
    row = KaderItemRow(urn=item.urn, first_import_id=import_id)
    _update_row(row, item, import_id)
    return row


def _update_row(row: KaderItemRow, item: KaderItem, import_id: int) -> None:
    row.kind = item.kind.value
    row.code = item.code
    row.title = item.title
    row.summary = item.summary
    row.facets = {key: list(values) for key, values in item.facets.items()}
    row.requirement_codes = list(item.requirement_codes)
    row.body_sha256 = item.body_sha256
    row.source_path = item.source_path
    row.last_import_id = import_id
    row.removed = False


def _change(
    import_id: int, urn: str, change: str, before: str | None, after: str | None
) -> KaderItemChangeRow:
    return KaderItemChangeRow(
        import_id=import_id, urn=urn, change=change, before_sha256=before, after_sha256=after
    )


def list_items(
    sessions: Sessions, kind: ItemKind | None = None, include_removed: bool = False
) -> list[tuple[KaderItem, bool]]:
    """Imported items ordered by URN, each with whether a later import removed it."""
    with sessions.begin() as session:
        query = select(KaderItemRow).order_by(KaderItemRow.urn)
        if kind is not None:
            query = query.where(KaderItemRow.kind == kind.value)
        if not include_removed:
            query = query.where(KaderItemRow.removed.is_(False))
        return [(item_from_row(row), row.removed) for row in session.scalars(query)]


def current_items(sessions: Sessions) -> list[KaderItem]:
    """The items of the framework as last imported (removed ones left out)."""
    with sessions.begin() as session:
        return load_items(session)


def list_imports(sessions: Sessions) -> list[ImportSummary]:
    """Every import, newest first, without their changes."""
    with sessions.begin() as session:
        rows = session.scalars(select(KaderImportRow).order_by(KaderImportRow.id.desc()))
        return [_summary(row) for row in rows]


def latest_import(sessions: Sessions) -> ImportSummary | None:
    """The newest import with what it changed, or ``None`` before the first import."""
    with sessions.begin() as session:
        row = session.scalars(
            select(KaderImportRow).order_by(KaderImportRow.id.desc()).limit(1)
        ).first()
        if row is None:
            return None
        changes = session.execute(
            select(KaderItemChangeRow, KaderItemRow)
            .join(KaderItemRow, KaderItemRow.urn == KaderItemChangeRow.urn)
            .where(KaderItemChangeRow.import_id == row.id)
            .order_by(KaderItemChangeRow.change, KaderItemChangeRow.urn)
        ).all()
        return _summary(
            row,
            tuple(
                ItemChange(
                    urn=change.urn,
                    code=item.code,
                    title=item.title,
                    kind=ItemKind(item.kind),
                    change=change.change,
                    before_sha256=change.before_sha256,
                    after_sha256=change.after_sha256,
                )
                for change, item in changes
            ),
        )


def _summary(row: KaderImportRow, changes: tuple[ItemChange, ...] = ()) -> ImportSummary:
    return ImportSummary(
        id=row.id,
        imported_at=row.imported_at,
        source=row.source,
        added=row.added,
        changed=row.changed,
        unchanged=row.unchanged,
        removed=row.removed,
        problems=tuple(
            KaderFileProblem(p["path"], p["problem"], bool(p.get("skipped", True)))
            for p in row.problems
        ),
        changes=changes,
    )
