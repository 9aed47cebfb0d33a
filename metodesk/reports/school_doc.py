"""The school's own documents (the plan of methodical work, the analysis of
the year, the register of reviewed documents) as one neutral outline, drawn
as PDF here and as Word by ``school_doc_docx``, so both print the same.

An outline is a top line (the organisation), an optional block at the top
left (considered at the pedagogical council) and at the top right (БЕКІТЕМІН /
УТВЕРЖДАЮ), the title lines, then parts: headings, text, ruled tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from metodesk.reports.base import (
    FRAME_WIDTH,
    build_pdf,
    grid_style,
    keep_rows_together,
    paragraphs,
    plain_style,
    styles,
    table,
    text,
)

NBSP = "\u00a0"


@dataclass(frozen=True)
class Block:
    """A corner block: heading (bold), lines, and the signer with the line to sign on."""

    heading: str
    lines: tuple[str, ...] = ()
    signer: str = ""  # '' for no signature line
    date: str = ""


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Text:
    text: str  # one paragraph a line
    bold: bool = False
    listed: bool = False  # numbered lines: left-aligned, hanging


@dataclass(frozen=True)
class Grid:
    """A ruled table: its header, its rows, column widths as shares of the
    text width, the columns centred; a row of one cell is a group heading
    across the table."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    centered: tuple[int, ...] = (0,)


@dataclass(frozen=True)
class Chart:
    """A bar chart: its title, the bars' labels and values (a vector drawing in
    the PDF; in Word, the same figures as a two-column table)."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = ""  # '%' for shares


Part = Heading | Text | Grid | Chart


@dataclass(frozen=True)
class Outline:
    lang: str
    doc_title: str  # the file's title in its properties
    organisation: str
    titles: tuple[str, ...]  # the title lines, centred, bold
    left: Block | None = None
    right: Block | None = None
    parts: tuple[Part, ...] = ()
    signatures: tuple[tuple[str, str], ...] = field(default=())  # (who, name) at the end
    signature_caption: str = ""


SIGN_LINE = "_" * 9


class _Pdf:
    def __init__(self, outline: Outline) -> None:
        self.o = outline
        self.s = styles()
        self.block_head = ParagraphStyle("block_head", parent=self.s.plain, fontName=self.s.header.fontName)
        self.block_style = ParagraphStyle("block_line", parent=self.s.plain, fontSize=10.5, leading=13)
        self.cell = ParagraphStyle("school_cell", parent=self.s.cell, fontSize=9.5, leading=11.5)
        self.cell_center = ParagraphStyle("school_cell_c", parent=self.cell, alignment=1)
        self.cell_head = ParagraphStyle("school_cell_h", parent=self.s.cell_head, fontSize=9.5, leading=11.5)
        self.group = ParagraphStyle("school_group", parent=self.cell, fontName=self.s.header.fontName)
        self.story: list[Flowable] = []

    def block(self, block: Block | None) -> list[Flowable]:
        if block is None:
            return []
        found: list[Flowable] = [Paragraph(escape(block.heading), self.block_head)]
        found += [Paragraph(text(line), self.block_style) for line in block.lines]
        if block.signer:
            found.append(Paragraph(f"{SIGN_LINE} {text(block.signer).replace(' ', NBSP)}", self.block_style))
        if block.date:
            found.append(Paragraph(text(block.date).replace(" ", NBSP), self.block_style))
        return found

    def grid(self, grid: Grid) -> Flowable:
        widths = [FRAME_WIDTH * share for share in grid.widths]
        rows: list[list[object]] = [[Paragraph(text(h), self.cell_head) for h in grid.header]]
        spans: list[tuple[Any, ...]] = []
        for position, row in enumerate(grid.rows):
            if len(row) == 1:
                if position + 1 < len(grid.rows):  # a heading row never ends a page alone
                    spans.append(keep_rows_together(len(rows), len(rows) + 1))
                spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
                spans.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), "#EBEBEB"))
                rows.append([Paragraph(text(row[0]), self.group)] + [""] * (len(widths) - 1))
                continue
            rows.append(
                [
                    Paragraph(text(value), self.cell_center if column in grid.centered else self.cell)
                    for column, value in enumerate(row)
                ]
            )
        return table(rows, widths, grid_style(1, spans), repeat=1)

    def build(self) -> list[Flowable]:
        o, s = self.o, self.s
        self.story.append(Paragraph(text(o.organisation), s.header))
        if o.left or o.right:
            half = FRAME_WIDTH / 2
            corner = table(
                [[self.block(o.left), "", self.block(o.right)]],
                [half - 6 * mm, 12 * mm, half - 6 * mm],
                plain_style([("VALIGN", (0, 0), (-1, -1), "TOP")]),
            )
            self.story += [Spacer(1, 3 * mm), corner, Spacer(1, 6 * mm)]
        for line in o.titles:
            self.story.append(Paragraph(text(line), s.heading))
        self.story.append(Spacer(1, 3 * mm))
        for part in o.parts:
            if isinstance(part, Heading):
                keep = ParagraphStyle("school_heading", parent=s.item, keepWithNext=1)
                self.story.append(Paragraph(text(part.text), keep))
            elif isinstance(part, Text):
                style = s.item if part.bold else (s.hanging if part.listed else s.indented)
                if part.bold:
                    style = ParagraphStyle("school_label", parent=s.item, keepWithNext=1)
                self.story += paragraphs(part.text, style)
            elif isinstance(part, Chart):
                self.story += [Paragraph(text(part.title), s.heading), bar_chart(part), Spacer(1, 3 * mm)]
            else:
                self.story += [self.grid(part), Spacer(1, 2 * mm)]
        if o.signatures:
            caption = ParagraphStyle("school_caption", parent=s.cell_center, fontSize=7, leading=8)
            rows: list[list[object]] = []
            for who, name in o.signatures:
                rows.append([Paragraph(text(who), s.plain), Paragraph("_" * 22, s.sign_line), Paragraph(text(name), s.plain)])
                rows.append(["", Paragraph(escape(o.signature_caption), caption), ""])
            self.story += [
                Spacer(1, 10 * mm),
                table(rows, [60 * mm, 55 * mm, FRAME_WIDTH - 115 * mm], plain_style()),
            ]
        return self.story


def bar_chart(chart: Chart) -> Flowable:
    """The chart as a vector drawing as wide as the text, its values over the bars."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    from metodesk.reports.fonts import SERIF

    width, height = FRAME_WIDTH, 62 * mm
    drawing = Drawing(width, height)
    bars: Any = VerticalBarChart()  # reportlab's attributes are set dynamically
    bars.x, bars.y = 12 * mm, 16 * mm
    bars.width, bars.height = width - 18 * mm, height - 22 * mm
    values = list(chart.values) or [0.0]
    bars.data = [values]
    bars.bars[0].fillColor = colors.HexColor("#4a78a8")
    bars.valueAxis.valueMin = 0
    top = max(values) if max(values) > 0 else 1
    bars.valueAxis.valueMax = 100 if chart.unit == "%" else top * 1.2
    bars.valueAxis.labels.fontName = SERIF
    bars.valueAxis.labels.fontSize = 7
    bars.categoryAxis.categoryNames = [label[:18] for label in chart.labels] or [""]
    bars.categoryAxis.labels.fontName = SERIF
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.labels.angle = 30 if len(chart.labels) > 6 else 0
    bars.categoryAxis.labels.boxAnchor = "ne" if len(chart.labels) > 6 else "n"
    bars.barLabelFormat = "%d" + ("%%" if chart.unit == "%" else "")
    bars.barLabels.fontName = SERIF
    bars.barLabels.fontSize = 7
    bars.barLabels.nudge = 6
    drawing.add(bars)
    return drawing


def build_pdf_outline(outline: Outline) -> bytes:
    """The outline as a PDF (A4 portrait, page numbers, title in its properties)."""
    return build_pdf(_Pdf(outline).build(), title=outline.doc_title, lang=outline.lang)
