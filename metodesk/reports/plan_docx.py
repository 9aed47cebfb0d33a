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

import io
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from metodesk.i18n.dates import short_date
from metodesk.reports import plan_text as words

if TYPE_CHECKING:
    from docx.document import Document as DocumentType
    from docx.section import Section
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    from metodesk.services.plan_rows import PlanData

FONT = "Times New Roman"
LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}
NBSP = "\u00a0"
# № | content | form | direction | when | responsible | expected | status: 262 mm, as in the PDF
ACTIVITY_WIDTHS = (9, 64, 30, 37, 24, 34, 37, 27)
MEETING_WIDTHS = (12, 30, 190, 30)
PAGE_FIELDS = {"kk": ("", "PAGE", "-бет / ", "NUMPAGES", ""), "ru": ("стр. ", "PAGE", " из ", "NUMPAGES", "")}


def _setup_styles(doc: DocumentType, lang: str) -> None:
    """Times New Roman 12 pt for every script, no spacing after paragraphs, the
    document's language; a 10 pt style for table cells."""
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if rpr is not None:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        tag = OxmlElement("w:lang")
        tag.set(qn("w:val"), LANG_TAGS[lang])
        tag.set(qn("w:eastAsia"), LANG_TAGS[lang])
        rpr.append(tag)
    for name, size in (("PlanCell", 10), ("PlanBlock", 11)):
        style = doc.styles.add_style(name, 1)  # 1: a paragraph style
        style.base_style = normal
        style.font.size = Pt(size)


def _page(section: Section, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin, section.right_margin = Mm(20), Mm(15)
        section.top_margin, section.bottom_margin = Mm(15), Mm(18)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)


def _field(paragraph: Paragraph, instruction: str, half_points: int) -> None:
    """A PAGE or NUMPAGES field, its result in the footer's size."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run, properties, size, text = (OxmlElement(tag) for tag in ("w:r", "w:rPr", "w:sz", "w:t"))
    size.set(qn("w:val"), str(half_points))
    properties.append(size)
    text.text = "1"
    run.extend((properties, text))
    field.append(run)
    paragraph._p.append(field)


def _page_numbers(doc: DocumentType, lang: str) -> None:
    """'2-бет / 5' or 'стр. 2 из 5' at the bottom right of every page."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for index, part in enumerate(PAGE_FIELDS[lang]):
        if index % 2:
            _field(paragraph, part, 18)
        elif part:
            paragraph.add_run(part).font.size = Pt(9)


def _rows_stay_whole(table: Table) -> None:
    """The header row repeats on every page; no row is split between pages."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            properties.append(header)


def _widths(table: Table, widths_mm: tuple[int, ...]) -> None:
    """Column widths as Word and LibreOffice both read them (grid and cells)."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        column.w = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _fill(cell: _Cell, value: str, bold: bool = False, center: bool = False, style: str = "PlanCell") -> None:
    """Text in a cell, a paragraph per line. ``style`` is a style id, set on
    the XML directly: python-docx's ``paragraph.style = name`` searches every
    style each time, which made a 120-row table take half a second."""
    lines = value.split("\n")
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = cell.add_paragraph()
        paragraph._p.style = style
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            paragraph.add_run(line).bold = bold or None


class _Plan:
    def __init__(self, data: PlanData, lang: str) -> None:
        self.data, self.lang, self.w = data, lang, words.LABELS[lang]
        self.doc = Document()
        _setup_styles(self.doc, lang)
        _page(self.doc.sections[0], landscape=False)
        _page_numbers(self.doc, lang)

    def paragraph(self, value: str, bold: bool = False, center: bool = False, size: int = 0) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(value)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        return paragraph

    def block(self, cell: _Cell, block: words.Block | None) -> None:
        if block is None:
            return
        lines = list(block.lines)
        if block.signer is not None:
            lines.append(f"{words.SIGN_LINE} {block.signer.replace(' ', NBSP)}")
        lines.append(block.date)
        _fill(cell, block.heading, bold=True, style="PlanBlock")
        for line in lines:
            paragraph = cell.add_paragraph(line)
            paragraph._p.style = "PlanBlock"

    def signatures(self) -> None:
        d, lang = self.data, self.lang
        table = self.doc.add_table(rows=1, cols=5)
        cells = table.rows[0].cells
        self.block(cells[0], words.review_block(d, lang))
        self.block(cells[2], words.agreement_block(d, lang))
        self.block(cells[4], words.approval_block(d, lang))
        _widths(table, (50, 4, 54, 4, 53))
        self.doc.add_paragraph()

    def heading(self) -> None:
        d, lang = self.data, self.lang
        self.paragraph(d.organisation(lang), bold=True, center=True)
        self.paragraph(d.association(lang), center=True)
        self.paragraph(
            words.title(d, lang), bold=True, center=True, size=14
        ).paragraph_format.space_before = Pt(8)
        self.paragraph(words.subtitle(d, lang), center=True)
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
        table = self.doc.add_table(rows=len(rows) + 1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        all_rows = table.rows
        for cell, header in zip(all_rows[0].cells, headers, strict=True):
            _fill(cell, header, bold=True, center=True)
        for row, values in zip(all_rows[1:], rows, strict=True):
            for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                _fill(cell, value, center=column in centered)
        _rows_stay_whole(table)
        _widths(table, widths)

    def activities(self) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=True)
        self.paragraph(self.w["activities"], bold=True, center=True).paragraph_format.space_after = Pt(6)
        rows = []
        for activity in self.data.activities:
            cells = words.activity_cells(activity, self.lang)
            if activity.end_date is not None:  # a period: one date a line
                cells[4] = cells[4].replace("–", "–\n")
            rows.append(cells)
        rows = rows or [[""] * 8] * 3
        headers = words.headers(words.ACTIVITY_COLUMNS, self.lang)
        self.grid(headers, rows, ACTIVITY_WIDTHS, {0, 4})

    def meetings(self) -> None:
        if not self.data.meetings:
            return
        paragraph = self.paragraph(self.w["meetings"], bold=True, center=True)
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        rows = [
            [
                str(m.number),
                short_date(m.date),
                "\n".join(words.topics(m, self.lang)),
                self.w["held"] if m.held else self.w["planned"],
            ]
            for m in self.data.meetings
        ]
        self.grid(words.headers(words.MEETING_COLUMNS, self.lang), rows, MEETING_WIDTHS, {0, 1, 3})

    def schedules(self) -> None:
        """Open lessons, mentoring pairs and attestations of the year, each left out when empty."""
        for heading, columns, rows, widths, centred in words.extra_schedules(self.data, self.lang):
            paragraph = self.paragraph(heading, bold=True, center=True)
            paragraph.paragraph_format.space_before = Pt(12)
            paragraph.paragraph_format.space_after = Pt(6)
            paragraph.paragraph_format.keep_with_next = True
            self.grid(words.headers(columns, self.lang), rows, widths, centred)

    def leader(self) -> None:
        label, name = words.leader_line(self.data, self.lang)
        self.doc.add_paragraph()
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.add_run(f"{label}  {'_' * 22}  {name}")

    def build(self) -> bytes:
        self.signatures()
        self.heading()
        self.sections()
        self.activities()
        self.meetings()
        self.schedules()
        self.leader()
        properties = self.doc.core_properties
        properties.title = words.document_title(self.data, self.lang)
        properties.subject = self.data.year_name
        properties.language = LANG_TAGS[self.lang]
        properties.author = properties.last_modified_by = "metodesk"
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def build(data: PlanData, lang: str) -> bytes:
    """The plan as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    if lang not in words.LABELS:
        raise ValueError(f"plans are printed in kk or ru, not {lang!r}")
    return _Plan(data, lang).build()
