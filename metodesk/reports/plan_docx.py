"""The annual plan as a Word document (DOCX), for a methodist to edit in Word or
LibreOffice: the same content as the PDF (``plan_pdf``), with real Word tables.

A portrait A4 section holds the "reviewed / agreed / approved" blocks (a
borderless table), the title and the sections; a landscape A4 section holds
the activities table, whose header row repeats on every page, the meetings'
schedule, the open lessons, mentoring pairs and attestations of the year, and
the leader's signature. The text is set in Times New Roman, the
font Word has everywhere (with every Kazakh letter on Windows); the document's
language is Kazakh or Russian for the spelling checker; the footer numbers the
pages. The words and cell texts come from ``plan_text``, as for the PDF.

Imported only when a document is built: python-docx stays out of start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from metodesk.i18n.dates import short_date
from metodesk.reports import plan_text as words
from metodesk.reports.docx_base import NBSP, WordDocument, fill, set_widths

if TYPE_CHECKING:
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    from metodesk.domain.rows.plan import PlanData

# № | content | form | direction | when | responsible | expected | status: 262 mm, as in the PDF
ACTIVITY_WIDTHS = (9, 64, 30, 37, 24, 34, 37, 27)
MEETING_WIDTHS = (12, 30, 190, 30)


class _Plan:
    def __init__(self, data: PlanData, lang: str) -> None:
        self.data, self.lang, self.w = data, lang, words.LABELS[lang]
        self.word = WordDocument(lang)
        self.doc = self.word.doc

    def paragraph(self, value: str, bold: bool = False, center: bool = False, size: int = 0) -> Paragraph:
        return self.word.paragraph(value, bold=bold, center=center, size=size)

    def block(self, cell: _Cell, block: words.Block | None) -> None:
        if block is None:
            return
        lines = list(block.lines)
        if block.signer is not None:
            lines.append(f"{words.SIGN_LINE} {block.signer.replace(' ', NBSP)}")
        lines.append(block.date)
        fill(cell, block.heading, bold=True, style="Block")
        for line in lines:
            paragraph = cell.add_paragraph(line)
            paragraph._p.style = "Block"

    def signatures(self) -> None:
        d, lang = self.data, self.lang
        table = self.doc.add_table(rows=1, cols=5)
        cells = table.rows[0].cells
        self.block(cells[0], words.review_block(d, lang))
        self.block(cells[2], words.agreement_block(d, lang))
        self.block(cells[4], words.approval_block(d, lang))
        set_widths(table, (50, 4, 54, 4, 53))
        self.doc.add_paragraph()

    def heading(self) -> None:
        d, lang = self.data, self.lang
        self.paragraph(d.organisation(lang), bold=True, center=True)
        for line, is_title in words.heading_lines(d, lang):
            if is_title:
                title = self.paragraph(line, bold=True, center=True, size=14)
                title.paragraph_format.space_before = Pt(8)
                title.paragraph_format.space_after = Pt(8)
            else:
                self.paragraph(line, center=True)
        self.doc.add_paragraph()

    def sections(self) -> None:
        d, w = self.data, self.w
        if d.analysis.strip():
            self.paragraph(w["analysis"], bold=True, center=True)
            for line in d.analysis.split("\n"):
                if line.strip():
                    paragraph = self.paragraph(line.strip())
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                    paragraph.paragraph_format.first_line_indent = Mm(10)
            self.doc.add_paragraph()
        for key, value in (("theme", d.theme), ("goal", d.goal)):
            if value.strip():
                paragraph = self.doc.add_paragraph()
                paragraph.add_run(w[key]).bold = True
                paragraph.add_run(" " + value.strip())
                paragraph.paragraph_format.space_after = Pt(4)
        if d.tasks:
            self.paragraph(w["tasks"], bold=True)
            for number, task in enumerate(d.tasks, start=1):
                paragraph = self.paragraph(f"{number}. {task}")
                paragraph.paragraph_format.left_indent = Mm(7)
                paragraph.paragraph_format.first_line_indent = Mm(-7)

    def grid(
        self, headers: list[str], rows: list[list[str]], widths: tuple[int, ...], centered: set[int]
    ) -> None:
        self.word.grid([headers], rows, widths, centered, align_center=True, keep_numbers=False)

    def activities(self) -> None:
        self.word.landscape_section()
        self.paragraph(self.w["activities"], bold=True, center=True).paragraph_format.space_after = Pt(6)
        columns = words.activity_columns(self.data)
        widths: tuple[int, ...] = ACTIVITY_WIDTHS
        if not self.data.progress:  # for approval: the content takes the status column's room
            widths = (widths[0], widths[1] + widths[7], *widths[2:7])
        rows = []
        for activity in self.data.activities:
            cells = words.activity_cells(activity, self.lang)[: len(columns)]
            if activity.end_date is not None:  # a period: one date a line
                cells[4] = cells[4].replace("–", "–\n")
            rows.append(cells)
        rows = rows or [[""] * len(columns)] * 3
        self.grid(words.headers(columns, self.lang), rows, widths, {0, 4})

    def meetings(self) -> None:
        if not self.data.meetings:
            return
        paragraph = self.paragraph(self.w["meetings"], bold=True, center=True)
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        columns = words.meeting_columns(self.data)
        widths: tuple[int, ...] = MEETING_WIDTHS
        if not self.data.progress:  # for approval: the agenda takes the mark's room
            widths = (*MEETING_WIDTHS[:2], MEETING_WIDTHS[2] + MEETING_WIDTHS[3])
        rows = [
            [
                str(m.number),
                short_date(m.date),
                "\n".join(words.topics(m, self.lang)),
                self.w["held"] if m.held else self.w["planned"],
            ][: len(columns)]
            for m in self.data.meetings
        ]
        self.grid(words.headers(columns, self.lang), rows, widths, {0, 1, 3})

    def schedules(self) -> None:
        """Open lessons, mentoring pairs and attestations of the year, each left out when empty."""
        for heading, columns, rows, widths, centred in words.extra_schedules(self.data, self.lang):
            paragraph = self.paragraph(heading, bold=True, center=True)
            paragraph.paragraph_format.space_before = Pt(12)
            paragraph.paragraph_format.space_after = Pt(6)
            paragraph.paragraph_format.keep_with_next = True
            self.grid(words.headers(columns, self.lang), rows, widths, centred)

    def leader(self) -> None:
        """'ӘБ жетекшісі:  ______  Ә.Б. Тегі', '(қолы)' under the line, as in the PDF."""
        label, name = words.leader_line(self.data, self.lang)
        self.word.signatures([(label, name)], self.w["signature"], (55, 60, 80))

    def build(self) -> bytes:
        self.signatures()
        self.heading()
        self.sections()
        self.activities()
        self.meetings()
        self.schedules()
        self.leader()
        return self.word.save(words.document_title(self.data, self.lang), self.data.year_name)


def build(data: PlanData, lang: str) -> bytes:
    """The plan as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    if lang not in words.LABELS:
        raise ValueError(f"plans are printed in kk or ru, not {lang!r}")
    return _Plan(data, lang).build()
