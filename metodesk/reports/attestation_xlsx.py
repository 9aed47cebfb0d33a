"""The attestation documents as XLSX for the district (openpyxl), made to be
printed as well as sorted: the director's БЕКІТЕМІН / УТВЕРЖДАЮ block, the
organisation and the title above the table; one row per teacher with the
attestation year in its own column, dates as real date cells (dd.mm.yyyy) and
the order number in a column of its own; thin borders, an autofilter and a
frozen header; A4 landscape fitted to the page's width with the header row
repeated on every printed page. No "None" in any cell: what is unknown stays
empty.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING

from metodesk.domain.attestation import year_name
from metodesk.domain.plan_forms import signature_name
from metodesk.domain.text import sort_key
from metodesk.reports.attestation_words import LABELS, LIST_COLUMNS, PLAN_COLUMNS, cells

if TYPE_CHECKING:
    from metodesk.domain.rows.attestation import AttestationDocData, PrintedTeacher

# characters of width per column key (the "year" column comes first)
WIDTHS = {
    "year": 11,
    "no": 5,
    "name": 30,
    "position": 22,
    "subjects": 22,
    "experience": 8,
    "category": 20,
    "award_date": 13,
    "order": 10,
    "expiry": 14,
    "target": 20,
    "window": 18,
    "test": 14,
    "note": 16,
}
NUMERIC = {"no", "experience"}
DATES = {"award_date", "expiry"}
DATE_FORMAT = "DD.MM.YYYY"
APPROVAL_COLUMNS = 4  # the approval block spans the last four columns
TOP_ROWS = 9  # approval (4 rows), a blank, organisation, title, years, a blank: the header is row 10


LINE_HEIGHT = 15  # points per line of wrapped text (spreadsheets do not size rows they did not lay out)


def _lines(value: object, width: int) -> int:
    """How many lines a wrapped cell of ``width`` characters needs (words kept whole)."""
    if not isinstance(value, str) or not value:
        return 1
    total = 0
    for paragraph in value.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > width - 2:
                lines, used = lines + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        total += lines
    return total


def _columns(kind: str) -> tuple[str, ...]:
    """The sheet's columns: the year, then the document's, with the award's
    date and order number in two columns of their own."""
    base = PLAN_COLUMNS if kind == "plan" else LIST_COLUMNS
    out: list[str] = ["year"]
    for column in base:
        out += ["award_date", "order"] if column == "awarded" else [column]
    return tuple(out)


def _values(teacher: PrintedTeacher, number: int, start: int, lang: str) -> dict[str, str | dt.date | None]:
    values: dict[str, str | dt.date | None] = dict(cells(teacher, number, start, lang))
    values["award_date"] = teacher.award_date
    values["order"] = teacher.order_number.removeprefix("№").strip()
    values["expiry"] = teacher.expiry
    return values


def _workbook(data: AttestationDocData, kind: str, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.worksheet import Worksheet

    if lang not in LABELS:
        raise ValueError(f"attestation documents are written in kk or ru, not {lang!r}")
    w = LABELS[lang]
    columns = _columns(kind)
    last = get_column_letter(len(columns))
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's one sheet
    sheet.title = w["sheet_plan"] if kind == "plan" else w["sheet_list"]

    # the approval block, top right
    first_approval = get_column_letter(len(columns) - APPROVAL_COLUMNS + 1)
    head = signature_name(data.head_name) if data.head_name.strip() else "_" * 20
    for row, (value, bold) in enumerate(
        ((w["approve"], True), (w["head"], False), (f"{'_' * 14} {head}", False), (w["date_line"], False)),
        start=1,
    ):
        sheet.merge_cells(f"{first_approval}{row}:{last}{row}")
        cell = sheet[f"{first_approval}{row}"]
        cell.value, cell.font = value, Font(bold=bold)
    if kind == "plan":
        title = w["plan_title"]
        years = w["plan_years"].format(first=year_name(data.first_year), last=year_name(data.last_year))
    else:
        title = w["list_title"].format(year=year_name(data.first_year))
        years = ""
    for row, value, font in (
        (6, data.organisation(lang), Font(bold=True)),
        (7, title, Font(bold=True, size=13)),
        (8, years, Font()),
    ):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet[f"A{row}"]
        cell.value, cell.font = value or None, font
        cell.alignment = Alignment(horizontal="center", wrap_text=True)

    header_row = TOP_ROWS + 1
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=header_row, column=index, value=w[column])
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]
    sheet.row_dimensions[header_row].height = 32

    row = header_row
    number = 0
    for year in data.years:
        for teacher in sorted(year.teachers, key=lambda t: sort_key(t.full_name, lang)):
            number += 1
            row += 1
            values = _values(teacher, number, year.start, lang)
            values["year"] = year_name(year.start)
            sheet.row_dimensions[row].height = LINE_HEIGHT * max(
                _lines(value, WIDTHS[column]) for column, value in values.items() if column in WIDTHS
            )
            for index, column in enumerate(columns, start=1):
                entry: str | int | dt.date | None = values[column]
                if column in NUMERIC and isinstance(entry, str):
                    entry = int(entry) if entry.isdigit() else None
                cell = sheet.cell(row=row, column=index, value=entry if entry != "" else None)
                cell.border = border
                if column in DATES:
                    cell.number_format = DATE_FORMAT
                    cell.alignment = Alignment(vertical="top", horizontal="center")
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")

    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last}{max(row, header_row + 1)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_options.horizontalCentered = True

    if kind == "plan":
        first, last_year = year_name(data.first_year), year_name(data.last_year)
        doc_title = w["plan_doc_title"].format(first=first, last=last_year)
    else:
        doc_title = w["list_doc_title"].format(year=year_name(data.first_year))
    book.properties.title = doc_title
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
