"""The attestation documents as Word (DOCX) on landscape A4, laid out as the
PDFs (``attestation_plan``): the director's approval top right, the
organisation and the title, one table whose header row repeats on every
page — the perspective plan with a shaded row heading each year, the list
for one year with the test result — an overdue teacher in dark red, and the
deputy director's signature.

The words and cells come from ``attestation_words`` (shared with the PDF and
the XLSX).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.shared import RGBColor

from metodesk.domain.attestation import year_name
from metodesk.domain.text import sort_key
from metodesk.reports.attestation_words import (
    LABELS,
    LIST_COLUMNS,
    PLAN_COLUMNS,
    approval_lines,
    cells,
    signer,
)
from metodesk.reports.docx_base import WordDocument, merge_row, shade

if TYPE_CHECKING:
    from metodesk.domain.rows.attestation import AttestationDocData

# widths in mm (262 in all), as in the PDF
WIDTHS = {
    "plan": dict(zip(PLAN_COLUMNS, (7, 38, 26, 27, 12, 26, 23, 25, 26, 24, 28), strict=True)),
    "list": dict(zip(LIST_COLUMNS, (7, 28, 24, 26, 12, 26, 23, 25, 26, 22, 20, 23), strict=True)),
}
CENTERED = {"no", "experience", "expiry", "awarded", "window", "test"}
OVERDUE_RED = RGBColor(0xA6, 0x00, 0x00)
APPROVAL_WIDTH = 92


def title(data: AttestationDocData, kind: str, lang: str) -> str:
    """The title in the file's properties, as the PDF's."""
    w = LABELS[lang]
    if kind == "plan":
        return w["plan_doc_title"].format(first=year_name(data.first_year), last=year_name(data.last_year))
    return w["list_doc_title"].format(year=year_name(data.first_year))


def _build(data: AttestationDocData, kind: str, lang: str) -> bytes:
    if lang not in LABELS:
        raise ValueError(f"attestation documents are printed in kk or ru, not {lang!r}")
    w = LABELS[lang]
    columns = PLAN_COLUMNS if kind == "plan" else LIST_COLUMNS
    word = WordDocument(lang, landscape=True)
    word.approval(approval_lines(data, lang), APPROVAL_WIDTH)
    word.space(8)
    word.header_line(data.organisation(lang))
    if kind == "plan":
        word.title(w["plan_title"], after=0)
        first, last = year_name(data.first_year), year_name(data.last_year)
        word.paragraph(w["plan_years"].format(first=first, last=last), center=True)
    else:
        word.title(w["list_title"].format(year=year_name(data.first_year)), after=0)
    word.space(10)
    rows: list[list[str]] = []
    headings: list[int] = []
    nobody: list[int] = []
    overdue: list[int] = []
    number = 0
    for year in data.years:
        if kind == "plan":
            headings.append(len(rows))
            rows.append([w["year_row"].format(year=year_name(year.start))] + [""] * (len(columns) - 1))
        teachers = sorted(year.teachers, key=lambda t: sort_key(t.full_name, lang))
        if not teachers:
            nobody.append(len(rows))
            rows.append([w["nobody"]] + [""] * (len(columns) - 1))
        for teacher in teachers:
            number += 1
            values = cells(teacher, number, year.start, lang)
            if teacher.overdue:
                overdue.append(len(rows))
            rows.append([values[c] for c in columns])
    widths = [WIDTHS[kind][c] for c in columns]
    centred = {i for i, c in enumerate(columns) if c in CENTERED}
    table = word.grid(
        [[w[c] for c in columns]], rows, widths, centred, style="CellSmall", head_style="CellTiny"
    )
    body = table.rows[1:]
    for index in headings:  # never a year heading alone at a page's foot
        cell = merge_row(body[index], rows[index][0], bold=True, style="CellSmall")
        shade(cell)
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
    for index in nobody:
        merge_row(body[index], rows[index][0], center=True, style="CellSmall")
    for index in overdue:
        for cell in body[index].cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.color.rgb = OVERDUE_RED
    word.signatures([(w["prepared"], signer(data.deputy_name))], w["signature"], (110, 55, 80))
    return word.save(title(data, kind, lang), data.organisation(lang))


def build_plan(data: AttestationDocData, lang: str) -> bytes:
    """The perspective plan as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    return _build(data, "plan", lang)


def build_list(data: AttestationDocData, lang: str) -> bytes:
    """The list of one attestation year as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    return _build(data, "list", lang)
