"""The schedule of open lessons for an academic year as a Word document
(DOCX) on landscape A4, laid out as the PDF (``lessons_schedule``): the
organisation (and the association), the title and the year, one table whose
header row repeats on every page, a shaded row heading each month (one
association's schedule) or each association (the whole school's), a
cancelled lesson in grey, a moved one with the date first planned, and the
signature of the leader or the deputy director; the head's approval
(БЕКІТЕМІН / УТВЕРЖДАЮ) top right.

The words come from ``lessons_schedule.LABELS`` and ``lesson_words``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.shared import RGBColor

from metodesk.domain.text import sort_key
from metodesk.i18n.dates import month_name, short_date
from metodesk.reports.docx_base import WordDocument, merge_row, shade
from metodesk.reports.lesson_words import KINDS, MOVED_FROM, STATUSES, class_text
from metodesk.reports.lessons_schedule import LABELS, approval_lines

if TYPE_CHECKING:
    from metodesk.domain.rows.lessons import ScheduleData, ScheduleRow

# № | date | period | teacher | subject | class | topic | form | mark: 262 mm, as in the PDF
WIDTHS = (9, 24, 16, 34, 30, 19, 58, 40, 32)
CENTRED = {0, 1, 2, 5}
COLUMNS = ("no", "date", "period", "teacher", "subject", "class", "topic", "kind", "status")
CANCELLED_GREY = RGBColor(0x73, 0x73, 0x73)
APPROVAL_WIDTH = 95  # mm, as the PDF's block


def mark(row: ScheduleRow, lang: str) -> str:
    """The lesson's status, with the date first planned when it was moved."""
    status = STATUSES[lang].get(row.status, "")
    if row.original_date is not None:
        return f"{status} ({MOVED_FROM[lang].format(date=short_date(row.original_date))})"
    return status


def groups(data: ScheduleData, lang: str) -> list[tuple[str, list[ScheduleRow]]]:
    """(heading, rows): by association for the whole school (alphabetical,
    «Қазақ тілі» under Қ), else by month, as the PDF groups them."""
    result: list[tuple[str, list[ScheduleRow]]] = []
    for row in data.rows:
        if data.whole_school:
            heading = row.association(lang)
        else:
            heading = f"{month_name(row.date.month, lang).capitalize()} {row.date.year}"
        found = next((rows for name, rows in result if name == heading), None)
        if found is None:
            result.append((heading, [row]))
        else:
            found.append(row)
    if data.whole_school:
        result.sort(key=lambda group: sort_key(group[0].lstrip("«\"'„“ "), lang))
    return result


def cells(number: int, row: ScheduleRow, lang: str) -> list[str]:
    return [
        str(number),
        short_date(row.date),
        str(row.period) if row.period else "",
        row.teacher_short,
        row.subject(lang),
        class_text(row.grade, row.class_letter, row.group_name, lang),
        row.topic,
        KINDS[lang].get(row.kind, ""),
        mark(row, lang),
    ]


def build(data: ScheduleData, lang: str) -> bytes:
    """The schedule as DOCX bytes, in ``lang`` ("kk" or "ru"), landscape A4."""
    if lang not in LABELS:
        raise ValueError(f"schedules are printed in kk or ru, not {lang!r}")
    w = LABELS[lang]
    word = WordDocument(lang, landscape=True)
    word.approval(approval_lines(data, lang), APPROVAL_WIDTH)
    word.space(8)
    word.header_line(data.organisation(lang))
    if not data.whole_school:
        word.paragraph(data.association(lang), center=True)
    word.title(w["title"], after=0)
    word.paragraph(w["year"].format(year=data.year_name), center=True)
    word.space(10)
    rows: list[list[str]] = []
    headings: list[int] = []
    cancelled: list[int] = []
    number = 0
    for heading, lessons in groups(data, lang):
        headings.append(len(rows))
        rows.append([heading] + [""] * (len(COLUMNS) - 1))
        for lesson in lessons:
            number += 1
            if lesson.status == "cancelled":
                cancelled.append(len(rows))
            rows.append(cells(number, lesson, lang))
    if number == 0:
        rows.append([w["none"]] + [""] * (len(COLUMNS) - 1))
    table = word.grid([[w[k] for k in COLUMNS]], rows, WIDTHS, CENTRED)
    body = table.rows[1:]
    for index in headings:  # never a heading alone at a page's foot
        cell = merge_row(body[index], rows[index][0], bold=True)
        shade(cell)
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
    for index in cancelled:
        for cell in body[index].cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.color.rgb = CANCELLED_GREY
    if number == 0:
        merge_row(body[-1], w["none"], center=True)
    word.signatures(
        [(w[data.signer_title_code], data.signer_sign or "_" * 20)], w["signature"], (95, 60, 70)
    )
    title = w["doc_title"].format(year=data.year_name)
    return word.save(title, data.association(lang) or data.organisation(lang))
