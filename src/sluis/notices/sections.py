"""The building blocks of a notice document: sections of paragraphs, list items and tables.

Both notices (the decision notice and the privacy notice) are built as a title plus an
ordered list of sections in one language. The renderer shows exactly these sections and
the readability check reads exactly their text, so what is checked is what is sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Item:
    """One list item; ``link`` a place to act on it, ``citation`` the article it rests on."""

    text: str
    link: str | None = None
    citation: str | None = None
    key: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "link": self.link, "citation": self.citation}


@dataclass(frozen=True)
class Table:
    """A table of facts (the person's data): cells are data, not prose, so the readability
    check leaves them alone."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_json_dict(self) -> dict[str, Any]:
        return {"columns": list(self.columns), "rows": [list(r) for r in self.rows]}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    table: Table | None = None
    after: tuple[str, ...] = field(default=())
    """Paragraphs shown after the items or table."""
    citations: tuple[str, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "items": [i.to_json_dict() for i in self.items],
            "table": self.table.to_json_dict() if self.table is not None else None,
            "after": list(self.after),
            "citations": list(self.citations),
        }

    def prose(self) -> tuple[str, ...]:
        return (*self.paragraphs, *self.after)


__all__ = ["Item", "Section", "Table"]
