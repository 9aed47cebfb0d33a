"""What every metodesk Word document (DOCX) shares, as ``base`` does for the
PDFs: A4 sections, portrait with a binding margin or landscape; Times New
Roman (the font Word has everywhere, with every Kazakh letter on Windows;
LibreOffice substitutes the metric-compatible Liberation Serif) for every
script; the document's language (kk-KZ or ru-RU) for the spelling checker;
"2-бет / 5" or "стр. 2 из 5" at the bottom right of every page as PAGE and
NUMPAGES fields; real Word tables whose header rows repeat on every page;
borderless layout tables for the approval block and the signature lines;
ruled lines to write on by hand; the title and language in the file's
properties.

Builders hand plain text (never reportlab markup) to ``WordDocument``; the
words come from the same modules as the PDF's, so both read the same.

Imported only when a document is built: python-docx stays out of start-up.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import unescape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

if TYPE_CHECKING:
    from docx.document import Document as DocumentType
    from docx.section import Section
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph
    from reportlab.lib.styles import ParagraphStyle

FONT = "Times New Roman"
LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}
NBSP = "\u00a0"
SHY = "\u00ad"  # a soft hyphen: where a word may break, with a hyphen, if it must
PAGE_FIELDS = {
    "kk": ("", "PAGE", "-бет / ", "NUMPAGES", ""),
    "ru": ("стр. ", "PAGE", " из ", "NUMPAGES", ""),
}
# left, right, top, bottom in mm, as the PDFs have them (``base`` and the landscape templates)
PORTRAIT_MARGINS = (30, 15, 20, 20)
LANDSCAPE_MARGINS = (20, 15, 15, 18)
PORTRAIT_WIDTH = 210 - 30 - 15  # 165 mm of text
LANDSCAPE_WIDTH = 297 - 20 - 15  # 262 mm of text
SIGN_LINE = "_" * 22  # the line a signature goes on, as the PDFs print it
# Paragraph styles (name, size in points) beside Normal's 12 pt.
STYLES = (("Cell", 10), ("CellSmall", 9), ("CellTiny", 8), ("Block", 11), ("SignCaption", 7))
SHADE = "EBEBEB"  # a group heading row, as the PDFs' light grey


def plain(markup: str) -> str:
    """The plain text of a PDF builder's cell markup (``base.text``: escaped,
    line breaks as <br/>), so a Word document can reuse the same function."""
    return unescape(markup.replace("<br/>", "\n"))


def soft_hyphens(value: str, width_mm: float, style: ParagraphStyle, lang: str) -> str:
    """``value`` with a soft hyphen in each word wider than a PDF cell
    ``width_mm`` wide set in ``style``, at the syllable break (``hyphenate``)
    the PDF uses (``base.table``: the longest head that fits): such a word
    breaks there in Word too instead of anywhere; the others stay whole."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from metodesk.reports import hyphenate
    from metodesk.reports.base import CELL_PADDING

    room = width_mm * mm - CELL_PADDING
    out = []
    for word in value.split(" "):
        if stringWidth(word, style.fontName, style.fontSize) > room:
            # where the PDF breaks it: the longest head that fits with its hyphen
            fits = [
                point
                for point in hyphenate.points(word.rstrip(",.;:"), lang)
                if stringWidth(word[:point] + "-", style.fontName, style.fontSize) <= room
            ]
            if fits:
                word = word[: max(fits)] + SHY + word[max(fits) :]
        out.append(word)
    return " ".join(out)


def tidy(value: str) -> str:
    """No line break between a number and its % sign or between № and its
    number, as the PDFs keep them."""
    return value.replace(" %", NBSP + "%").replace("№ ", "№" + NBSP)


def setup_styles(doc: DocumentType, lang: str) -> None:
    """Times New Roman 12 pt for every script, no spacing after paragraphs, the
    document's language; smaller styles for table cells, blocks and captions."""
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
    for name, size in STYLES:
        style = doc.styles.add_style(name, 1)  # 1: a paragraph style
        style.base_style = normal
        style.font.size = Pt(size)


def set_page(section: Section, landscape: bool) -> None:
    """A4 portrait (binding margin on the left) or A4 landscape."""
    left, right, top, bottom = LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)


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


def page_numbers(doc: DocumentType, lang: str) -> None:
    """'2-бет / 5' or 'стр. 2 из 5' at the bottom right of every page (later
    sections keep the first one's footer)."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for index, part in enumerate(PAGE_FIELDS[lang]):
        if index % 2:
            _field(paragraph, part, 18)
        elif part:
            paragraph.add_run(part).font.size = Pt(9)


def rows_stay_whole(table: Table, header_rows: int = 1) -> None:
    """The header rows repeat on every page; no row is split between pages."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index < header_rows:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            properties.append(header)


def set_widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Column widths as Word and LibreOffice both read them (grid and cells)."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
        column.w = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def fill(
    cell: _Cell,
    value: str,
    bold: bool = False,
    center: bool = False,
    style: str = "Cell",
    color: RGBColor | None = None,
) -> None:
    """Text in a cell, a paragraph per line. ``style`` is a style id, set on
    the XML directly: python-docx's ``paragraph.style = name`` searches every
    style each time, which made a 120-row table take half a second."""
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(value.split("\n")):
        if index:
            paragraph = cell.add_paragraph()
        paragraph._p.style = style
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line:
            run = paragraph.add_run(line.split(SHY)[0])
            for part in line.split(SHY)[1:]:  # Word's own soft hyphen, then the rest of the word
                run._r.append(OxmlElement("w:softHyphen"))
                run.add_text(part)
            run.bold = bold or None
            if color is not None:
                run.font.color.rgb = color


def merge_row(
    row: _Row,
    value: str,
    *,
    bold: bool = False,
    center: bool = False,
    style: str = "Cell",
    first: int = 0,
    last: int = -1,
) -> _Cell:
    """One cell across columns ``first`` … ``last`` of the row (a group
    heading, a total), holding ``value`` alone."""
    cells = row.cells
    cell: _Cell = cells[first].merge(cells[last])  # typed here: python-docx leaves merge() unannotated
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    for run in cell.paragraphs[0].runs:
        run._r.getparent().remove(run._r)
    cell.paragraphs[0].alignment = None
    fill(cell, tidy(value), bold=bold, center=center, style=style)
    return cell


# What follows w:tcBorders, w:shd and w:tblCellMar in their parents: Word
# wants the schema's order, so each goes in before the first of these.
_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_AFTER_BORDERS = ("w:shd", *_AFTER_SHD)
_AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription")


def shade(cell: _Cell, fill_hex: str = SHADE) -> None:
    """A cell on a light grey ground (a group heading, a score given)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill_hex)
    properties.insert_element_before(shading, *_AFTER_SHD)


def rule_below(cell: _Cell) -> None:
    """A line under the cell: where a value is written by hand."""
    properties = cell._tc.get_or_add_tcPr()
    borders = properties.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        properties.insert_element_before(borders, *_AFTER_BORDERS)
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)


def row_height(row: _Row, height_mm: float, exact: bool = False) -> None:
    row.height = Mm(height_mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST


def cell_margins(table: Table, left: int, right: int, top: int = 0, bottom: int = 0) -> None:
    """The table's cell padding, in points."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblCellMar")):
        properties.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side, points in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(points * 20))  # twentieths of a point
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    properties.insert_element_before(margins, *_AFTER_CELL_MARGINS)


def no_cell_margins(table: Table) -> None:
    """A layout table whose text lines up with the paragraphs around it."""
    cell_margins(table, 0, 0)


class WordDocument:
    """One Word document in one language, built top to bottom."""

    def __init__(self, lang: str, landscape: bool = False) -> None:
        if lang not in LANG_TAGS:
            raise ValueError(f"documents are printed in kk or ru, not {lang!r}")
        self.lang = lang
        self.doc = Document()
        setup_styles(self.doc, lang)
        set_page(self.doc.sections[0], landscape)
        page_numbers(self.doc, lang)
        self.width = LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH

    def paragraph(
        self,
        value: str = "",
        *,
        bold: bool = False,
        center: bool = False,
        justify: bool = False,
        size: float = 0,
        style: str = "",
        before: float = 0,
        after: float = 0,
        keep: bool = False,
    ) -> Paragraph:
        """A paragraph of plain text; ``before``/``after`` in points, ``keep``
        keeps it on the page of the paragraph after it."""
        paragraph = self.doc.add_paragraph()
        if style:
            paragraph._p.style = style
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif justify:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if value:
            run = paragraph.add_run(tidy(value))
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
        formatting = paragraph.paragraph_format
        if before:
            formatting.space_before = Pt(before)
        if after:
            formatting.space_after = Pt(after)
        if keep:
            formatting.keep_with_next = True
        return paragraph

    def header_line(self, value: str) -> Paragraph:
        """The organisation: bold, centred."""
        return self.paragraph(value, bold=True, center=True, after=2)

    def title(self, value: str, after: float = 8) -> Paragraph:
        """The document's title: bold, 14 pt, centred."""
        return self.paragraph(value, bold=True, center=True, size=14, before=8, after=after)

    def heading(self, value: str) -> Paragraph:
        """A section heading: bold, centred, kept with what follows."""
        return self.paragraph(value, bold=True, center=True, before=8, after=4, keep=True)

    def labelled(self, label: str, value: str, *, before: float = 0, keep: bool = False) -> Paragraph:
        """'**Label:** value' as one paragraph."""
        paragraph = self.paragraph(before=before, keep=keep)
        paragraph.add_run(label).bold = True
        if value:
            paragraph.add_run(" " + tidy(value))
        return paragraph

    def hanging(self, value: str) -> Paragraph:
        """A numbered line whose continuation lines sit under its text."""
        paragraph = self.paragraph(value, after=1)
        paragraph.paragraph_format.left_indent = Mm(7)
        paragraph.paragraph_format.first_line_indent = Mm(-7)
        return paragraph

    def texts(self, value: str, indent: bool = True) -> list[Paragraph]:
        """One justified paragraph per non-empty line of a long text (the
        first line indented, as the PDFs do)."""
        found = []
        for line in value.split("\n"):
            if line.strip():
                paragraph = self.paragraph(line.strip(), justify=indent)
                if indent:
                    paragraph.paragraph_format.first_line_indent = Mm(10)
                found.append(paragraph)
        return found

    def space(self, points: float = 6) -> Paragraph:
        """An empty paragraph ``points`` high."""
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.line_spacing = Pt(points)
        return paragraph

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def landscape_section(self) -> None:
        """What follows goes on landscape pages (the footer carries on)."""
        set_page(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape=True)
        self.width = LANDSCAPE_WIDTH

    def keep_last_with_next(self) -> None:
        """The last paragraph, or a table's last row, stays on the page of
        what comes next."""
        body = self.doc.element.body
        last = body[-2] if len(body) > 1 else None  # body[-1] is the section's properties
        if last is None:
            return
        if last.tag == qn("w:tbl"):
            last = last.tr_lst[-1]
        for p in last.iter(qn("w:p")):
            p.get_or_add_pPr().keepNext_val = True

    def grid(
        self,
        header: Sequence[Sequence[str]],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        centered: Iterable[int] = (),
        style: str = "Cell",
        head_style: str = "",
        align_center: bool = False,
        keep_numbers: bool = True,
    ) -> Table:
        """A ruled table: ``header`` rows (bold, centred, repeated on every
        page) then ``rows``; columns ``centered`` are centred; widths in mm;
        ``keep_numbers``: '№ 1' and '5 %' never broken (``tidy``).
        Group headings, totals and shading are the caller's, on the result."""
        centred = set(centered)
        table: Table = self.doc.add_table(rows=len(header) + len(rows), cols=len(widths))
        table.style = self.doc.styles["Table Grid"]
        cell_margins(table, 4, 4, 2, 2)  # as the PDFs pad their cells
        table.alignment = WD_TABLE_ALIGNMENT.CENTER if align_center else WD_TABLE_ALIGNMENT.LEFT
        all_rows = table.rows
        for row, values in zip(all_rows, header, strict=False):
            for cell, value in zip(row.cells, values, strict=True):
                fill(cell, value, bold=True, center=True, style=head_style or style)
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        for row, values in zip(all_rows[len(header) :], rows, strict=True):
            for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                fill(cell, tidy(value) if keep_numbers else value, center=column in centred, style=style)
        rows_stay_whole(table, len(header))
        set_widths(table, widths)
        return table

    def layout(self, rows: Sequence[Sequence[str]], widths: Sequence[float], style: str = "") -> Table:
        """A borderless table for layout (label and value side by side,
        signatures), its text in line with the paragraphs around it."""
        table: Table = self.doc.add_table(rows=len(rows), cols=len(widths))
        no_cell_margins(table)
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                if value:
                    fill(cell, value, style=style or "Normal")
        set_widths(table, widths)
        return table

    def write_lines(self, count: int, height_mm: float = 7) -> Table:
        """Ruled lines across the text width: room to write by hand."""
        table: Table = self.doc.add_table(rows=count, cols=1)
        no_cell_margins(table)
        for row in table.rows:
            row_height(row, height_mm, exact=True)
            rule_below(row.cells[0])
        set_widths(table, (self.width,))
        return table

    def approval(self, lines: Sequence[str], width_mm: float, style: str = "Block") -> Table:
        """БЕКІТЕМІН / УТВЕРЖДАЮ at the top right: the first line bold, the
        others (title, signature line and name, date) under it."""
        table: Table = self.doc.add_table(rows=1, cols=2)
        no_cell_margins(table)
        cell = table.rows[0].cells[1]
        fill(cell, lines[0], bold=True, style=style)
        for line in lines[1:]:
            paragraph = cell.add_paragraph(tidy(line))
            paragraph._p.style = style
        set_widths(table, (self.width - width_mm, width_mm))
        return table

    def signatures(
        self,
        people: Sequence[tuple[str, str]],
        caption: str,
        widths: Sequence[float],
        before: float = 24,
    ) -> Table:
        """'Label  ______________________  А.Ә. Тегі' for each person, the
        caption '(қолы)' / '(подпись)' small under the line; kept together."""
        rows: list[list[str]] = []
        for label, name in people:
            rows += [[label, SIGN_LINE, name], ["", "", ""]]
        self.keep_last_with_next()  # never the signatures alone on a last page
        self.space(before).paragraph_format.keep_with_next = True
        table = self.layout(rows, widths)
        for index, row in enumerate(table.rows):
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            if index % 2:
                fill(row.cells[1], caption, center=True, style="SignCaption")
            else:  # the line centred over its caption, as the PDFs print it
                row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for cell in row.cells:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
                if index < len(rows) - 1:
                    cell.paragraphs[0].paragraph_format.keep_with_next = True
        return table

    def save(self, title: str, subject: str = "") -> bytes:
        """The document's bytes, its title, subject and language in its properties."""
        properties = self.doc.core_properties
        properties.title = title[:255]  # Word's limit for a core property
        properties.subject = subject[:255]
        properties.language = LANG_TAGS[self.lang]
        properties.author = properties.last_modified_by = "metodesk"
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
