"""The course-needs plan as a Word document (DOCX), laid out as the PDF
(``courses_pdf``): organisation, title and years, the three parts as ruled
tables (a shaded row heading each year of the plan) and the signature."""

from __future__ import annotations

from metodesk.domain.courses_plan import CoursesPlanData
from metodesk.reports.courses_text import WORDS, parts, signer, title, years_line
from metodesk.reports.docx_base import WordDocument, merge_row, shade

SIGNATURE_WIDTHS = (75, 50, 40)


def build(data: CoursesPlanData, lang: str) -> bytes:
    """The plan as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    w = WORDS[lang]
    word = WordDocument(lang)
    word.header_line(data.organisation(lang))
    word.title(w["title"], after=0)
    word.paragraph(years_line(data, lang), center=True)
    word.space(8)
    for part in parts(data, lang):
        word.heading(part.heading)
        blank = ("",) * len(part.header)
        rows: list[tuple[str, ...]] = []
        marks: list[tuple[int, str, bool]] = []  # (row index, text, shaded)
        for heading, group in part.groups:
            if heading:
                marks.append((len(rows), heading, True))
                rows.append(blank)
            if not group:
                marks.append((len(rows), w["nobody"], False))
                rows.append(blank)
            rows += group
        table = word.grid([part.header], rows, part.widths, centered=part.centered)
        for index, value, shaded in marks:
            cell = merge_row(table.rows[index + 1], value, bold=shaded, center=shaded)
            if shaded:
                shade(cell)
    label, name = signer(data, lang)
    word.signatures([(label, name)], w["caption"], SIGNATURE_WIDTHS, before=14)
    return word.save(title(data, lang), data.organisation(lang))
