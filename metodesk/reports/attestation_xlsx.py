"""The attestation documents as XLSX for the district (openpyxl): one sheet,
the header row in the document's language (bold, wrapped, frozen), one row
per teacher with the attestation year in its own column, column widths set for
reading, and the title in the workbook's properties. No "None" in any cell:
what is unknown stays empty.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from metodesk.domain.attestation import year_name
from metodesk.domain.text import sort_key
from metodesk.reports.attestation_words import LABELS, LIST_COLUMNS, PLAN_COLUMNS, cells

if TYPE_CHECKING:
    from metodesk.services.attestation_print import AttestationDocData

# characters of width per column key (the "year" column comes first)
WIDTHS = {
    "year": 12,
    "no": 5,
    "name": 34,
    "position": 26,
    "subjects": 26,
    "experience": 10,
    "category": 22,
    "awarded": 24,
    "expiry": 13,
    "target": 22,
    "window": 22,
    "test": 16,
    "note": 20,
}
NUMERIC = {"no", "experience"}


def _workbook(data: AttestationDocData, kind: str, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    if lang not in LABELS:
        raise ValueError(f"attestation documents are written in kk or ru, not {lang!r}")
    w = LABELS[lang]
    columns = ("year", *(PLAN_COLUMNS if kind == "plan" else LIST_COLUMNS))
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook holds one worksheet, the active one
    sheet.title = w["sheet_plan"] if kind == "plan" else w["sheet_list"]
    sheet.append([w[c] for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    number = 0
    for year in data.years:
        for teacher in sorted(year.teachers, key=lambda t: sort_key(t.full_name, lang)):
            number += 1
            values = cells(teacher, number, year.start, lang)
            row: list[object] = [year_name(year.start)]
            for column in columns[1:]:
                value = values[column]
                row.append(int(value) if column in NUMERIC and value.isdigit() else value)
            sheet.append(row)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 32
    if kind == "plan":
        title = w["plan_doc_title"].format(first=year_name(data.first_year), last=year_name(data.last_year))
    else:
        title = w["list_doc_title"].format(year=year_name(data.first_year))
    book.properties.title = title
    book.properties.subject = data.organisation(lang)
    book.properties.creator = "metodesk"
    book.properties.language = lang
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build_plan(data: AttestationDocData, lang: str) -> bytes:
    """The perspective plan as XLSX bytes, headers in ``lang`` ("kk" or "ru")."""
    return _workbook(data, "plan", lang)


def build_list(data: AttestationDocData, lang: str) -> bytes:
    """The list of one attestation year as XLSX bytes, headers in ``lang``."""
    return _workbook(data, "list", lang)
