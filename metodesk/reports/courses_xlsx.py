"""The course-needs plan as XLSX (openpyxl), made to be sorted and printed:
the first sheet is the plan, one row per planned course with its academic
year in a column of its own; the second and third list who has had no course
in three years and who falls due for attestation without one. Dates are date
cells (dd.mm.yyyy), hours numbers; thin borders, an autofilter, a frozen
header, A4 landscape fitted to the page's width with the header repeated.
What is unknown stays empty, never "None"."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from metodesk.domain.attestation import year_name
from metodesk.domain.courses_plan import CoursesPlanData, NeedRow
from metodesk.reports.attestation_words import CATEGORIES
from metodesk.reports.courses_text import WORDS, title, years_line

SHEETS = {
    "kk": ("Жоспар", "Курссыз 3 жыл", "Аттестаттауға дейін"),
    "ru": ("План", "Без курсов 3 года", "До аттестации"),
}
DATE_FORMAT = "DD.MM.YYYY"
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_ROW = 4


def _row(r: NeedRow, lang: str) -> list[Any]:
    return [
        r.full_name,
        ", ".join(r.subjects(lang)),
        CATEGORIES[lang].get(r.category, r.category),
        r.last_course,
        r.last_course_end,
        r.hours_in_three_years,
        r.attestation_due,
    ]


def _sheet(ws: Worksheet, data: CoursesPlanData, lang: str, heading: str, header: list[str],
           rows: list[list[Any]], widths: list[int]) -> None:
    ws["A1"] = data.organisation(lang)
    ws["A2"] = heading
    ws["A3"] = years_line(data, lang)
    for cell in (ws["A1"], ws["A2"]):
        cell.font = Font(bold=True)
    for column, value in enumerate(header, start=1):
        cell = ws.cell(HEADER_ROW, column, value)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
    for index, values in enumerate(rows, start=HEADER_ROW + 1):
        for column, item in enumerate(values, start=1):
            cell = ws.cell(index, column, item if item not in (None, "") else None)
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if hasattr(item, "isoformat"):
                cell.number_format = DATE_FORMAT
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    last = get_column_letter(len(header))
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(rows), 1)}"
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True


def build(data: CoursesPlanData, lang: str) -> bytes:
    """The plan as XLSX bytes, in ``lang`` ("kk" or "ru")."""
    w = WORDS[lang]
    columns = [w["name"], w["subjects"], w["category"], w["last"], w["last"], w["hours"], w["due"]]
    columns[4] = {"kk": "Аяқталған күні", "ru": "Дата окончания"}[lang]
    columns[3] = {"kk": "Соңғы курс", "ru": "Последний курс"}[lang]
    widths = [32, 24, 20, 40, 13, 10, 13]
    book = Workbook()
    plan = book.active
    assert plan is not None
    plan.title = SHEETS[lang][0]
    plan_rows = [
        [year_name(y.start), n, *_row(r, lang), w[f"{r.reason}_note"]]
        for y in data.years
        for n, r in enumerate(y.teachers, start=1)
    ]
    _sheet(plan, data, lang, w["plan"][3:], [w["year_column"], w["no"], *columns, w["note"]],
           plan_rows, [12, 5, *widths, 22])
    for sheet_title, heading, rows in (
        (SHEETS[lang][1], w["no_course"][3:], data.no_course),
        (SHEETS[lang][2], w["before"][3:], data.before_attestation),
    ):
        ws = book.create_sheet(sheet_title)
        _sheet(ws, data, lang, heading, [w["no"], *columns],
               [[n, *_row(r, lang)] for n, r in enumerate(rows, start=1)], [5, *widths])
    book.properties.title = title(data, lang)
    book.properties.creator = "metodesk"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
