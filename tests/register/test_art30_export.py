"""Exports of the art. 30 record: CSV that Excel and the csv module read back, an XLSX
workbook with its source sheet, a PDF that names the profile version, and JSON."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sluis.law.assess import assess
from sluis.profiles.model import AlgorithmProfile
from sluis.profiles.validation import parse_profile_text, validate_profile
from sluis.register.art30 import COLUMNS, OrganisationRecord, build_entry, group_by_controller
from sluis.register.art30_export import (
    MEDIA_TYPES,
    export_art30,
    export_filename,
    headings,
    to_csv,
    to_json_dict,
    to_xlsx,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AT = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)


def example(name: str) -> AlgorithmProfile:
    return parse_profile_text((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def records(*names: str, version: int = 2) -> list[OrganisationRecord]:
    entries = []
    for name in names:
        p = example(name)
        entries.append(build_entry(p, version, assessment=assess(p, version=version)))
    return group_by_controller(entries, AT)


def sparse(**facts: Any) -> OrganisationRecord:
    p = validate_profile(
        {"id": "sparse", "name": "Sparse", "controller": {"name": "Zoë BV"}, **facts}
    )
    return group_by_controller([build_entry(p, 1)], AT)[0]


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize(
    ("lang", "controller_heading", "gaps_heading"),
    [
        ("nl", "Naam verwerkingsverantwoordelijke [art. 30(1)(a)]", "Ontbrekende gegevens"),
        ("en", "Controller name [art. 30(1)(a)]", "Missing facts"),
    ],
)
def test_csv_parses_back_with_headings_in_the_chosen_language(
    lang: str, controller_heading: str, gaps_heading: str
) -> None:
    recs = records("bank-online-credit", "welfare-fraud-risk-selection", "insurer-health-pricing")
    text = to_csv(recs, lang)

    assert text.startswith("\ufeff")
    rows = read_csv(text)
    assert rows[0] == headings(lang) and len(rows[0]) == len(COLUMNS) + 1
    assert controller_heading in rows[0] and rows[0][-1] == gaps_heading
    assert len(rows) == 1 + 3  # one row per algorithm
    by_id = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    bank = example("bank-online-credit")
    bank_row = by_id["bank-online-credit"]
    assert bank_row[controller_heading] == bank.controller.name
    assert bank_row[rows[0][2]] == "2"  # the profile version
    measures = next(h for h in rows[0] if "(g)" in h)
    assert bank_row[measures] == "; ".join(bank.processing.security_measures)


def test_csv_keeps_accents_and_defuses_formulas() -> None:
    record = sparse(purposes=['=HYPERLINK("http://evil")', "Bëheer"])
    data = export_art30(record, "csv", "nl")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    row = read_csv(data.decode("utf-8"))[1]
    assert "Zoë BV" in row
    purposes = row[headings("nl").index("Verwerkingsdoeleinden [art. 30(1)(b)]")]
    assert purposes == '\'=HYPERLINK("http://evil"); Bëheer'


def test_xlsx_has_the_rows_a_frozen_bold_header_and_the_source_sheet() -> None:
    recs = records("bank-online-credit", "speeding-fine")
    book = load_workbook(io.BytesIO(to_xlsx(recs, "en")))

    assert book.sheetnames == ["Record of processing", "Missing", "Source"]
    sheet = book["Record of processing"]
    assert [c.value for c in sheet[1]] == headings("en")
    assert all(c.font.bold for c in sheet[1]) and sheet.freeze_panes == "A2"
    assert sheet.max_row == 3
    ids = {sheet.cell(row=r, column=2).value for r in (2, 3)}
    assert ids == {"bank-online-credit", "speeding-fine"}
    assert sheet.cell(row=2, column=4).alignment.wrap_text
    widths = [sheet.column_dimensions[letter].width for letter in ("A", "D", "I")]
    assert all(12 <= w <= 60 for w in widths)

    source = [[c.value for c in row] for row in book["Source"].iter_rows()]
    assert source[0][:3] == ["Profile id", "Processing (algorithm)", "Profile version"]
    assert {(r[0], r[2]) for r in source[1:]} == {
        ("bank-online-credit", "2"),
        ("speeding-fine", "2"),
    }
    assert all(r[5] == "2025-03-04 10:30 UTC" for r in source[1:])  # generation time

    gaps = [[c.value for c in row] for row in book["Missing"].iter_rows()][1:]
    assert ("speeding-fine", "controller.dpo_contact") in {(g[0], g[3]) for g in gaps}


def test_xlsx_in_dutch_and_user_text_never_becomes_a_formula() -> None:
    book = load_workbook(io.BytesIO(to_xlsx(sparse(purposes=["=1+1"]), "nl")))
    assert book.sheetnames == ["Verwerkingsregister", "Ontbrekend", "Bron"]
    sheet = book["Verwerkingsregister"]
    column = headings("nl").index("Verwerkingsdoeleinden [art. 30(1)(b)]") + 1
    cell = sheet.cell(row=2, column=column)
    assert cell.value == "=1+1" and cell.data_type == "s"


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "word"), [("nl", "versie"), ("en", "version")])
def test_pdf_names_the_controller_a_purpose_and_the_profile_version(lang: str, word: str) -> None:
    bank = example("bank-online-credit")
    data = export_art30(records("bank-online-credit", version=7), "pdf", lang)

    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert bank.controller.name in text
    assert " ".join(bank.purposes[0].split())[:40] in text
    assert f"{word} 7" in text
    assert "(a)" in text and "(g)" in text


def test_file_names_say_what_the_file_holds() -> None:
    one = records("bank-online-credit")
    assert export_filename(one, "pdf", "nl") == "sluis-art30-bank-online-credit-v2-nl.pdf"
    assert export_filename(records("bank-online-credit", "speeding-fine"), "csv", "en") == (
        "sluis-art30-en.csv"
    )
    two_of_one = group_by_controller(
        [
            build_entry(validate_profile({"id": i, "name": i, "controller": {"name": "Zoë & Co"}}))
            for i in ("a", "b")
        ],
        AT,
    )
    assert export_filename(two_of_one, "xlsx", "nl") == "sluis-art30-zoe-co-nl.xlsx"
    assert set(MEDIA_TYPES) == {"csv", "xlsx", "pdf"}


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="fmt"):
        export_art30(sparse(), "docx", "nl")  # type: ignore[arg-type]


def test_json_lists_columns_with_their_footing_and_entries_with_gaps() -> None:
    data = to_json_dict(sparse())
    assert data["format"] == "sluis.art30/1"
    columns = {c["key"]: c for c in data["columns"]}
    assert columns["recipients"]["point"] == "d"
    assert columns["recipients"]["articles"][0] == "GDPR art. 30(1)(d)"
    assert columns["legal_basis"]["kind"] == "extra"
    (record,) = data["records"]
    assert record["controller"] == "Zoë BV" and record["gap_count"] > 0
    (entry,) = record["entries"]
    gap = next(g for g in entry["gaps"] if g["column"] == "recipients")
    assert gap["profile_path"] == "processing.recipients" and set(gap["reason"]) == {"nl", "en"}
