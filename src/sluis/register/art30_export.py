"""The art. 30 record for people and spreadsheets: cells in Dutch or English, and exports
to JSON, CSV, XLSX and PDF.

Every format is built from :func:`entry_cells`, so the web page, the spreadsheet and the
PDF use the same words. The language is chosen per export.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sluis.i18n import label, translator
from sluis.register.art30 import (
    ART30_FORMAT,
    COLUMNS,
    Art30Entry,
    Column,
    ColumnKind,
    DataCategory,
    ErasureLimit,
    OrganisationRecord,
    SubjectCategory,
)
from sluis.reports.rendering import TEMPLATES, report_environment

ExportFormat = Literal["csv", "xlsx", "pdf"]
Records = OrganisationRecord | Sequence[OrganisationRecord]

MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}

# Excel reads a CSV file without a byte order mark in the legacy Windows code page, which
# garbles "ë", "é" or "€"; the UTF-8 BOM makes it read the file as UTF-8.
BOM = "\ufeff"

# A spreadsheet runs a cell starting with one of these as a formula ("CSV injection");
# profile text comes from users, so such CSV cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

POINTS = tuple(dict.fromkeys(c.point for c in COLUMNS if c.point))
EXTRAS = tuple(c for c in COLUMNS if c.kind is ColumnKind.extra)


def as_records(records: Records) -> tuple[OrganisationRecord, ...]:
    if isinstance(records, OrganisationRecord):
        return (records,)
    return tuple(records)


# --- cells ---------------------------------------------------------------------------


def entry_cells(entry: Art30Entry, lang: str) -> dict[str, tuple[str, ...]]:
    """Every column's values for one entry, in ``lang``; a required fact the profile
    leaves empty shows as "[missing]" (its gap says what to fill in)."""
    _ = translator(lang)
    c = entry.controller
    none_declared = (_("art30.none_declared"),)
    cells: dict[str, tuple[str, ...]] = {
        "algorithm": (entry.name,),
        "profile_id": (entry.profile_id,),
        "version": (version_label(entry, lang),),
        "controller_name": (c.name,),
        "controller_contact": _optional(c.contact),
        "joint_controllers": c.joint_controllers or none_declared,
        "representative": _optional(c.representative)
        if c.representative_needed or c.representative
        else (_("art30.not_needed_eea"),),
        "dpo_contact": _optional(c.dpo_contact),
        "purposes": entry.purposes,
        "data_subjects": tuple(_subject(g, lang) for g in entry.data_subjects),
        "personal_data": tuple(_data_category(d, lang) for d in entry.personal_data),
        "recipients": entry.recipients,
        "transfers": (*entry.transfers, entry.transfer_note.get(lang))
        if entry.transfer_note
        else none_declared,
        "erasure": tuple(_erasure(e, lang) for e in entry.erasure),
        "security_measures": entry.security_measures,
        "legal_basis": _legal_basis(entry, lang),
        "automated_decision": _automated_decision(entry, lang),
    }
    for key, values in cells.items():
        if not values and entry.gaps_for(key):
            cells[key] = (_("art30.missing"),)
    return cells


def gap_lines(entry: Art30Entry, lang: str) -> tuple[str, ...]:
    return tuple(f"{g.profile_path}: {g.reason.get(lang)}" for g in entry.gaps)


def version_label(entry: Art30Entry, lang: str) -> str:
    return str(entry.version) if entry.version is not None else label("art30.unregistered", lang)


def _optional(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def _subject(group: SubjectCategory, lang: str) -> str:
    details = []
    if group.count is not None:
        count = f"{group.count:,}".replace(",", "." if lang == "nl" else ",")
        details.append(f"{count} {label('art30.people', lang)}")
    details.append(label(f"art30.vulnerable.{str(group.vulnerable).lower()}", lang))
    return f"{group.category} ({'; '.join(details)})"


def _data_category(group: DataCategory, lang: str) -> str:
    flags = []
    if group.special_categories:
        kinds = [label(f"art30.special.{s}", lang) for s in group.special_categories]
        flag = f"{label('art30.flag.special', lang)}: {', '.join(kinds)}"
        if group.art9_exceptions:
            flag += "; " + ", ".join(f"art. 9(2)({p})" for p in group.art9_exceptions)
        flags.append(flag)
    if group.criminal_data:
        flags.append(label("art30.flag.criminal", lang))
    if group.national_id:
        flags.append(label("art30.flag.national_id", lang))
    text = f"{group.category}: {', '.join(group.fields)}"
    return text + "".join(f" [{flag}]" for flag in flags)


def _erasure(limit: ErasureLimit, lang: str) -> str:
    if limit.months is None:
        return f"{limit.data_category}: {label('art30.missing', lang)}"
    unit = label("art30.month" if limit.months == 1 else "art30.months", lang)
    text = f"{limit.data_category}: {limit.months} {unit}"
    return text + (f" ({limit.justification})" if limit.justification else "")


def _legal_basis(entry: Art30Entry, lang: str) -> tuple[str, ...]:
    basis = entry.legal_basis
    values = []
    if basis.article6 is not None:
        values.append(label(f"art30.basis.{basis.article6.value}", lang))
    if basis.law:
        values.append(basis.law)
    return tuple(values)


def _automated_decision(entry: Art30Entry, lang: str) -> tuple[str, ...]:
    adm = entry.automated_decision
    if adm is None:
        return (label("art30.not_assessed", lang),)
    applies = label(f"tri.{str(adm.applies).lower()}", lang)
    values = [
        f"{label('art30.adm.applies', lang)}: {applies}",
        label(f"verdict.{adm.verdict}", lang),
    ]
    if adm.exception:
        values.append(
            f"{label('art30.adm.exception', lang)}: {label(f'exception.{adm.exception}', lang)}"
        )
    return tuple(values)


# --- tables (CSV, XLSX) -----------------------------------------------------------------


def headings(lang: str) -> list[str]:
    return [c.heading(lang) for c in COLUMNS] + [label("art30.col.gaps", lang)]


def table_rows(records: Records, lang: str, joiner: str) -> list[list[str]]:
    """One row per algorithm; multi-valued cells joined with ``joiner``."""
    rows = []
    for record in as_records(records):
        for entry in record.entries:
            cells = entry_cells(entry, lang)
            row = [joiner.join(cells[c.key]) for c in COLUMNS]
            rows.append([*row, joiner.join(gap_lines(entry, lang))])
    return rows


def to_csv(records: Records, lang: str) -> str:
    """CSV (RFC 4180: comma-separated, CRLF) starting with a UTF-8 BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headings(lang))
    for row in table_rows(records, lang, joiner="; "):
        writer.writerow([_defused(value) for value in row])
    return BOM + buffer.getvalue()


def _defused(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_xlsx(records: Records, lang: str) -> bytes:
    """A workbook: the record (one row per algorithm), the missing facts, and the source
    of every row (profile id, version, when generated)."""
    from openpyxl import Workbook

    records = as_records(records)
    entries = [e for r in records for e in r.entries]
    generated = when(records[0].generated_at) if records else ""
    _ = translator(lang)
    book = Workbook()
    _fill_sheet(
        book.active, _("art30.sheet.record"), headings(lang), table_rows(records, lang, "\n")
    )
    gap_rows = [
        [
            e.profile_id,
            version_label(e, lang),
            label(f"art30.col.{g.column}", lang),
            g.profile_path,
            g.reason.get(lang),
        ]
        for e in entries
        for g in e.gaps
    ]
    gap_headings = [
        _("art30.col.profile_id"),
        _("art30.col.version"),
        _("art30.column"),
        _("art30.profile_path"),
        _("art30.reason"),
    ]
    _fill_sheet(book.create_sheet(), _("art30.sheet.gaps"), gap_headings, gap_rows)
    source_rows = [
        [
            e.profile_id,
            e.name,
            version_label(e, lang),
            when(e.saved_at),
            e.controller.name,
            generated,
            e.automated_decision.engine_version if e.automated_decision else "",
        ]
        for e in entries
    ]
    source_headings = [
        _("art30.col.profile_id"),
        _("art30.col.algorithm"),
        _("art30.col.version"),
        _("art30.source.saved_at"),
        _("art30.controller"),
        _("art30.generated_at"),
        _("art30.source.engine"),
    ]
    _fill_sheet(book.create_sheet(), _("art30.sheet.source"), source_headings, source_rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill_sheet(sheet: Any, title: str, head: list[str], rows: list[list[str]]) -> None:
    """Bold, frozen header row; wrapped text; widths that fit the longest line, capped."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.title = title
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = wrap
            # openpyxl stores a string starting with "=" as a formula; user text never is one.
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6EE")
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
    # Headings wrap, so they count for at most 30 characters; long cells wrap at 60.
    for index, (heading, *values) in enumerate(zip(head, *rows, strict=False), start=1):
        longest = max((len(line) for v in values for line in str(v).splitlines()), default=0)
        width = max(longest, min(len(heading), 30)) + 2
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 12), 60)


# --- JSON ------------------------------------------------------------------------------


def to_json_dict(records: Records) -> dict[str, Any]:
    """The JSON form (``sluis.art30/1``): the columns with their legal footing, then the
    records with their entries and gaps."""
    records = as_records(records)
    return {
        "format": ART30_FORMAT,
        "generated_at": records[0].generated_at.isoformat() if records else None,
        "columns": [
            {
                "key": c.key,
                "kind": c.kind.value,
                "point": c.point,
                "articles": [a.label("en") for a in c.articles],
                "heading": {"nl": c.heading("nl"), "en": c.heading("en")},
            }
            for c in COLUMNS
        ],
        "records": [
            {
                "controller": r.controller,
                "generated_at": r.generated_at.isoformat(),
                "gap_count": r.gap_count,
                "entries": [e.model_dump(mode="json") for e in r.entries],
            }
            for r in records
        ],
    }


# --- HTML and PDF ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One labelled line of an entry, as the page and the PDF show it."""

    column: Column
    heading: str
    values: tuple[str, ...]
    missing: bool


@dataclass(frozen=True)
class Point:
    letter: str | None  # the art. 30(1) point, None for the extra columns
    title: str
    rows: tuple[Row, ...]


def entry_points(entry: Art30Entry, lang: str) -> tuple[Point, ...]:
    """The entry as points (a)-(g) of art. 30(1), then the extra columns."""
    cells = entry_cells(entry, lang)

    def rows(columns: Sequence[Column]) -> tuple[Row, ...]:
        return tuple(
            Row(c, label(f"art30.col.{c.key}", lang), cells[c.key], bool(entry.gaps_for(c.key)))
            for c in columns
        )

    points = [
        Point(p, label(f"art30.point.{p}", lang), rows([c for c in COLUMNS if c.point == p]))
        for p in POINTS
    ]
    points.append(Point(None, label("art30.extras", lang), rows(EXTRAS)))
    return tuple(points)


def to_html(records: Records, lang: str) -> str:
    template = report_environment().get_template("art30.html")
    return template.render(
        records=as_records(records),
        lang=lang,
        _=translator(lang),
        points=entry_points,
        version_label=version_label,
        when=when,
    )


def to_pdf(records: Records, lang: str) -> bytes:
    """Landscape A4 PDF, rendered with WeasyPrint from the ``art30.html`` template."""
    from weasyprint import HTML  # imported late: loading Pango is slow and only PDF needs it

    return HTML(string=to_html(records, lang), base_url=str(TEMPLATES)).write_pdf()


def when(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M %Z").strip()


# --- one entry point for the CLI and the downloads -------------------------------------


def export_art30(records: Records, fmt: ExportFormat, lang: str) -> bytes:
    """The record in ``fmt`` as bytes (CSV as UTF-8 with BOM)."""
    if fmt == "csv":
        return to_csv(records, lang).encode("utf-8")
    if fmt == "xlsx":
        return to_xlsx(records, lang)
    if fmt == "pdf":
        return to_pdf(records, lang)
    raise ValueError(f"fmt: unknown export format {fmt!r}; use csv, xlsx or pdf")


def export_filename(records: Records, fmt: ExportFormat, lang: str) -> str:
    """A safe ASCII file name that says what the file holds: one algorithm with its
    version, one controller, or the whole organisation."""
    records = as_records(records)
    entries = [e for r in records for e in r.entries]
    if len(entries) == 1:
        entry = entries[0]
        version = f"-v{entry.version}" if entry.version is not None else ""
        return f"sluis-art30-{entry.profile_id}{version}-{lang}.{fmt}"
    if len(records) == 1:
        return f"sluis-art30-{slug(records[0].controller)}-{lang}.{fmt}"
    return f"sluis-art30-{lang}.{fmt}"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "controller"
