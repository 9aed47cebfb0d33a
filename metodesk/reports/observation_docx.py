"""The lesson observation sheet as a Word document (DOCX), filled or blank,
laid out as the PDF (``observation_sheet``): organisation and association,
the title, the header (label | value | label | value, a ruled line where a
value is to be written), the criteria table with a column for each value of
the scale (the given score shaded), the total and the scale's legend, the
observer's texts (or ruled lines), the signatures and the date. Several
sheets go into one document, each from a new page.

The words come from ``observation_sheet.LABELS`` and ``lesson_words``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH

from metodesk.i18n.dates import blank_date_line, official_date
from metodesk.reports.docx_base import (
    PORTRAIT_WIDTH,
    WordDocument,
    fill,
    merge_row,
    row_height,
    rule_below,
    shade,
)
from metodesk.reports.lesson_words import KINDS, POSITIONS, class_text, period_text
from metodesk.reports.observation_sheet import LABELS, MAX_BOX_COLUMNS, WRITE_LINES, _title

if TYPE_CHECKING:
    from metodesk.domain.rows.lessons import SheetData

HEADER_WIDTHS = (50, 60, 18, 37)  # label | value | label | value: 165 mm
BOX = 12  # mm: one score column, wide enough to tick or circle by hand
WIDE_BOX = 24  # the one column of a scale too long for boxes
NUMBER = 9
LINE = 8  # mm: a ruled line to write on
SCORE_SHADE = "D9D9D9"


class _Sheet:
    def __init__(self, word: WordDocument, data: SheetData, lang: str) -> None:
        self.word, self.d, self.lang, self.w = word, data, lang, LABELS[lang]

    def header(self) -> None:
        d, w, lang, word = self.d, self.w, self.lang, self.word
        lesson = d.lesson
        if d.organisation(lang):
            word.header_line(d.organisation(lang))
        if d.association(lang):
            word.paragraph(d.association(lang), center=True)
        word.title(w["title"])
        rows: list[tuple[str, str, str, str, int]] = []  # label, value, label, value, lines

        def wide(label: str, value: str, lines: int = 1) -> None:
            rows.append((label, value, "", "", lines if not value else 1))

        wide(w["teacher"], lesson.teacher_name if lesson else "")
        grade_label = w["group"] if lesson and lesson.grade is None else w["class"]
        rows.append(
            (
                w["subject"],
                lesson.subject(lang) if lesson else "",
                grade_label,
                class_text(lesson.grade, lesson.class_letter, lesson.group_name, lang) if lesson else "",
                0,
            )
        )
        rows.append(
            (
                w["date"],
                official_date(lesson.date, lang) if lesson else "",
                w["period"],
                period_text(lesson.period, lang) if lesson else "",
                0,
            )
        )
        wide(w["kind"], KINDS[lang].get(lesson.kind, "") if lesson else "")
        wide(w["topic"], lesson.topic if lesson else "", 2)
        wide(w["objectives"], lesson.objectives if lesson else "", 2)
        wide(w["purpose"], d.purpose, 2)
        wide(w["observer"], d.observer_name)
        wide(w["position"], d.observer_position or POSITIONS[lang].get(d.observer_position_code, ""))
        count = sum(max(r[4], 1) for r in rows)
        table = word.layout([[""] * 4 for _ in range(count)], HEADER_WIDTHS, style="Cell")
        index = 0
        for label, value, label2, value2, lines in rows:
            for n in range(max(lines, 1)):
                row = table.rows[index]
                index += 1
                blank = not value or (not lines and not value2)
                if blank:
                    row_height(row, 7)
                for cell in row.cells:
                    cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM if blank else WD_ALIGN_VERTICAL.TOP
                if n == 0:
                    fill(row.cells[0], label, bold=True)
                if lines:  # one value across the row
                    cell = merge_row(row, value if n == 0 else "", first=1)
                    if not value:
                        rule_below(cell)
                    continue
                fill(row.cells[1], value)
                fill(row.cells[2], label2, bold=True)
                fill(row.cells[3], value2)
                for column, text in ((1, value), (3, value2)):
                    if not text:
                        rule_below(row.cells[column])
        word.space(8)

    def criteria(self) -> None:
        d, w, lang, word = self.d, self.w, self.lang, self.word
        scale = list(range(d.scale_min, d.scale_max + 1))
        boxes = len(scale) <= MAX_BOX_COLUMNS
        columns = len(scale) if boxes else 1
        score_width = BOX if boxes else WIDE_BOX
        widths = (NUMBER, PORTRAIT_WIDTH - NUMBER - score_width * columns, *([score_width] * columns))
        header = [[w["no"], w["criteria"], w["score"]] + [""] * (columns - 1)]
        if boxes:
            header.append(["", "", *(str(v) for v in scale)])
        rows = []
        for number, criterion in enumerate(d.criteria, start=1):
            score = criterion.score if d.filled else None
            if boxes:
                marks = [str(v) if score == v else "" for v in scale]
            else:
                marks = [str(score) if score is not None else ""]
            rows.append([str(number), criterion.text(lang), *marks])
        total = f"{d.total} / {d.max_total}" if d.filled else f"_____ / {d.max_total}"
        rows.append([w["total"], "", total] + [""] * (columns - 1))
        rows.append([""] * (columns + 2))  # the legend
        table = word.grid(header, rows, widths, centered={0, *range(2, columns + 2)})
        top = table.rows[0]
        if columns > 1:
            merge_row(top, w["score"], bold=True, center=True, first=2)
        if boxes:
            for column in (0, 1):
                merged = top.cells[column].merge(table.rows[1].cells[column])
                merged.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                for paragraph in merged.paragraphs[1:]:
                    paragraph._p.getparent().remove(paragraph._p)
        first = len(header)
        for row in table.rows[first : first + len(d.criteria)]:
            row_height(row, 7)
            for column, cell in enumerate(row.cells):
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                if column >= 2 and cell.text:  # the score given, bold on grey
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
                    if boxes:
                        shade(cell, SCORE_SHADE)
        total_row, legend_row = table.rows[-2], table.rows[-1]
        merge_row(total_row, w["total"], bold=True, last=1)
        merge_row(total_row, total, bold=True, center=True, first=2)  # row.cells: one per grid column
        row_height(total_row, LINE)
        for cell in total_row.cells:
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        legend = d.legend(lang) or w["scale_plain"].format(low=d.scale_min, high=d.scale_max)
        cell = merge_row(legend_row, "", style="CellSmall")
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.add_run(w["scale"]).bold = True
        paragraph.add_run(" " + legend)
        for row in table.rows[-3:-1]:  # the last criterion and the total stay with the legend
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        word.space(8)

    def remarks(self) -> None:
        d, w, word = self.d, self.w, self.word
        for key in ("strengths", "recommendations", "conclusion"):
            value: str = getattr(d, key)
            word.paragraph(w[key], bold=True, before=4, keep=True)
            if value.strip():
                for line in value.split("\n"):
                    if line.strip():
                        word.paragraph(line.strip())
            else:
                word.write_lines(WRITE_LINES[key], LINE)

    def signatures(self) -> None:
        d, w, word = self.d, self.w, self.word
        lesson = d.lesson
        if d.acknowledged and d.acknowledged_on is not None:
            when = official_date(d.acknowledged_on, self.lang)
        else:
            when = blank_date_line(self.lang, lesson.date.year if lesson else None)
        people = [
            (w["observer_sign"], d.observer_sign or "_" * 18),
            (w["acknowledged"], lesson.teacher_sign if lesson else "_" * 18),
        ]
        table = word.signatures(people, w["signature"], (34, 58, PORTRAIT_WIDTH - 92), before=20)
        row_height(table.rows[2], 14)  # room to sign between the two
        when_row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
        merge_row(when_row, when, style="Normal", first=1)
        row_height(when_row, 9)
        for cell in when_row.cells:
            cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM

    def build(self) -> None:
        self.header()
        self.criteria()
        self.remarks()
        self.signatures()


def build(sheets: SheetData | list[SheetData], lang: str) -> bytes:
    """One sheet, or several (each from a new page), as DOCX bytes in ``lang``."""
    if lang not in LABELS:
        raise ValueError(f"observation sheets are printed in kk or ru, not {lang!r}")
    batch = [sheets] if not isinstance(sheets, list) else sheets
    if not batch:
        raise ValueError("no observation sheet to print")
    word = WordDocument(lang)
    for number, sheet in enumerate(batch):
        if number:
            word.page_break()
        _Sheet(word, sheet, lang).build()
    subject = batch[0].set_name_ru if lang == "ru" else batch[0].set_name_kk
    return word.save(_title(batch, lang), subject)
