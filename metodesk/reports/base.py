"""What every metodesk document shares: A4 portrait with a binding margin,
embedded DejaVu fonts, paragraph styles, page numbers ("2-бет / 5",
"стр. 2 из 5"), the title and language in the PDF's metadata, and helpers
that turn user text into safe paragraphs or into a line to fill by hand.

Imported only when a document is built: reportlab stays out of start-up.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from metodesk.reports.fonts import SANS, SERIF, SERIF_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
# Binding on the left (a year's protocols are bound), as official papers do.
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

BLANK = "_" * 24  # a line to fill by hand
BLANK_SHORT = "_" * 12

PAGE_LABELS = {"kk": "{page}-бет / {total}", "ru": "стр. {page} из {total}", "en": "page {page} of {total}"}
PDF_LANG = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en"}


class Styles:
    """The paragraph styles of a document, built once fonts are registered."""

    def __init__(self, size: float = 11) -> None:
        lead = size * 1.32
        self.body = ParagraphStyle("body", fontName=SERIF, fontSize=size, leading=lead, alignment=TA_JUSTIFY)
        self.plain = ParagraphStyle("plain", parent=self.body, alignment=TA_LEFT)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.indented = ParagraphStyle("indented", parent=self.body, firstLineIndent=10 * mm)
        self.hanging = ParagraphStyle(
            "hanging", parent=self.plain, leftIndent=7 * mm, firstLineIndent=-7 * mm, spaceAfter=1
        )
        self.header = ParagraphStyle(
            "header", parent=self.body, fontName=SERIF_BOLD, alignment=TA_CENTER, spaceAfter=2
        )
        self.subheader = ParagraphStyle("subheader", parent=self.body, alignment=TA_CENTER)
        self.title = ParagraphStyle(
            "title",
            parent=self.body,
            fontName=SERIF_BOLD,
            fontSize=size + 3,
            leading=(size + 3) * 1.3,
            alignment=TA_CENTER,
            spaceBefore=8,
            spaceAfter=8,
        )
        self.heading = ParagraphStyle(
            "heading", parent=self.body, fontName=SERIF_BOLD, alignment=TA_CENTER, spaceBefore=8, spaceAfter=4
        )
        self.item = ParagraphStyle(
            "item", parent=self.body, fontName=SERIF_BOLD, alignment=TA_LEFT, spaceBefore=9, spaceAfter=3
        )
        self.cell = ParagraphStyle("cell", fontName=SERIF, fontSize=size - 1.5, leading=(size - 1.5) * 1.25)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell, fontName=SERIF_BOLD, alignment=TA_CENTER
        )


_styles: Styles | None = None


def styles() -> Styles:
    """Shared styles (fonts registered on first use)."""
    global _styles
    register_fonts()
    if _styles is None:
        _styles = Styles()
    return _styles


def text(value: str) -> str:
    """User text made safe for a Paragraph: markup escaped, line breaks kept,
    and no line break between a number and its % sign or between № and its number."""
    safe = escape(value).replace(" %", "\u00a0%").replace("№ ", "№\u00a0")
    return safe.replace("\n", "<br/>")


def or_blank(value: str | None, blank: str = BLANK) -> str:
    """Escaped text, or a line to fill by hand when there is none."""
    value = (value or "").strip()
    return text(value) if value else blank


def labelled(label: str, value_markup: str, style: ParagraphStyle) -> Paragraph:
    """'<b>Label:</b> value' as one paragraph."""
    return Paragraph(f"<b>{escape(label)}</b> {value_markup}", style)


def paragraphs(value: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per line of a long text, so it wraps and splits across pages."""
    return [Paragraph(text(line), style) for line in value.split("\n") if line.strip()]


def grid_style(header_rows: int = 1, extra: Iterable[tuple[Any, ...]] = ()) -> TableStyle:
    """A ruled table in the document's fonts (tables default to Helvetica otherwise)."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands += [
            ("FONTNAME", (0, 0), (-1, header_rows - 1), SERIF_BOLD),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
    return TableStyle([*commands, *extra])


def plain_style(extra: Iterable[tuple[Any, ...]] = ()) -> TableStyle:
    """A table without rules, for layout (date and place on one line, signatures)."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SERIF),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )


def table(
    rows: list[list[Any]],
    widths: list[float],
    style: TableStyle,
    repeat: int = 0,
    row_heights: list[float | None] | None = None,
) -> Table:
    """A table that may split between pages, repeating its header rows, and
    split inside a row when a cell is taller than what is left of the page."""
    result = Table(
        rows, colWidths=widths, rowHeights=row_heights, repeatRows=repeat, splitByRow=1, splitInRow=1
    )
    result.setStyle(style)
    return result


class WriteLine(Flowable):
    """A ruled line across the frame: room to write by hand."""

    def __init__(self, height: float = 7 * mm) -> None:
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 1, self.width, 1)


def _numbered_canvas(label: str) -> type[Canvas]:
    """A canvas that holds its pages until the end, so each can say 'page N of M'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        # _startPage, _pagesize and _pageNumber are reportlab's own; its stubs omit private members.
        def showPage(self) -> None:  # noqa: N802  (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(SANS, 8.5)
                self.setFillColor(colors.black)
                width = self._pagesize[0]  # type: ignore[attr-defined]  # the page's own: some are landscape
                page = self._pageNumber  # type: ignore[attr-defined]
                self.drawRightString(width - MARGIN_RIGHT, MARGIN_BOTTOM / 2, label.format(page=page, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    lang: str,
    subject: str = "",
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    extra_templates: Iterable[PageTemplate] = (),
    first_template: str = "page",
) -> bytes:
    """Lay the story out on A4 pages and return the PDF's bytes. The first page
    is portrait; ``extra_templates`` (a landscape one, say) are there for the
    story to switch to with ``NextPageTemplate``, or to start with when
    ``first_template`` names one."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author="metodesk",
        creator="metodesk",
        lang=PDF_LANG.get(lang, lang),
        initialFontName=SERIF,
    )
    # No frame padding: tables as wide as FRAME_WIDTH line up with the text.
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    templates = [PageTemplate(id="page", frames=[frame], onPage=on_page or _no_decoration), *extra_templates]
    # reportlab starts with the first template in the list
    templates.sort(key=lambda t: t.id != first_template)
    doc.addPageTemplates(templates)
    doc.build(story, canvasmaker=_numbered_canvas(PAGE_LABELS[lang]))
    return buffer.getvalue()


def _no_decoration(canvas: Canvas, doc: BaseDocTemplate) -> None:
    return None
