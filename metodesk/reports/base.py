"""What every metodesk document shares: A4 portrait with a binding margin,
embedded DejaVu fonts, paragraph styles, page numbers ("2-бет / 5",
"стр. 2 из 5"), the title and language in the PDF's metadata, and helpers
that turn user text into safe paragraphs or into a line to fill by hand.

Imported only when a document is built: reportlab stays out of start-up.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from metodesk.reports import hyphenate
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
        # the line to sign on, centred in its column like the "(қолы)" caption under it
        self.sign_line = ParagraphStyle("sign_line", parent=self.body, alignment=TA_CENTER)
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
) -> DocTable:
    """A table that may split between pages at row boundaries, repeating its
    header rows at the top of the next page; a row is cut only when it is
    taller than a whole page."""
    for row in rows:
        for cell, width in zip(row, widths, strict=False):
            if type(cell) is Paragraph:
                cell.__class__ = CellParagraph  # wrapped once per width, not once per page (below)
                if width is not None:
                    _hyphenate_if_too_wide(cell, width - CELL_PADDING)
    result = DocTable(
        rows, colWidths=widths, rowHeights=row_heights, repeatRows=repeat, splitByRow=1, splitInRow=0
    )
    result.setStyle(style)
    return result


CELL_PADDING = 8  # grid_style's left and right padding


class CellParagraph(Paragraph):
    """A table cell's paragraph that breaks its lines once per width.

    reportlab measures every row of a table again each time the table is
    split (the rest of the table is a new table) and once more to draw it,
    so a 120-activity plan broke each cell's lines four times over and a
    district's lessons schedule hundreds of times. The lines depend on the
    width and the paragraph's own text and style only, so the last result is
    kept and given again for the same width: the document is unchanged."""

    _wrapped: tuple[float, Any, list[float], float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept = self._wrapped
        if kept is not None and kept[0] == availWidth and kept[1] is getattr(self, "blPara", None):
            _width, self.blPara, self._wrapWidths, self.height = kept
            self.width = availWidth
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, getattr(self, "blPara", None), list(self._wrapWidths), height)
        return width, height


def _hyphenate_if_too_wide(cell: Paragraph, width: float) -> None:
    """A word wider than its column breaks at a syllable with a hyphen
    (hyphenate.py) instead of being cut anywhere; a cell whose words all fit
    keeps them whole."""
    for frag in getattr(cell, "frags", ()):
        words = getattr(frag, "text", "").split()
        if any(stringWidth(word, frag.fontName, frag.fontSize) > width for word in words):
            break
    else:
        return
    # rare (a few cells a document), so a style of its own each time
    cell.style = ParagraphStyle(
        f"{cell.style.name}_hyphenated",
        parent=cell.style,
        # reportlab takes a callable here (paragraph.py tries it when it is not a
        # string); types-reportlab declares only the string (a pyphen language)
        hyphenationLang=hyphenate.pairs,  # type: ignore[arg-type]
        embeddedHyphenation=2,  # a word that fits no line's end is tried again on a line of its own
    )


def keep_rows_together(first: int, last: int) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """A style command that forbids a page break between rows ``first`` and
    ``last`` (a group heading and its first row)."""
    return ("NOSPLIT", (0, first), (-1, last))


class DocTable(Table):
    """A table that splits only between rows (inside a row only when the row
    alone is taller than an empty page) and that can keep its last rows with
    what follows it: ``tail`` (the signatures) is never left alone on a page.

    When the whole table fits on the page but the tail does not, the table
    says it does not fit, so the frame splits it a tail's height earlier and
    its last rows go to the next page with the tail."""

    tail: Flowable | None = None
    continued = False  # the rest of a split table: it starts on the next page

    # reportlab's own (private) attributes and methods used here, left out of types-reportlab
    _cellvalues: list[list[Any]]
    _rowHeights: list[float]
    _height: float
    _nosplitCmds: list[tuple[Any, ...]]
    if TYPE_CHECKING:

        def _calc(self, availWidth: float, availHeight: float) -> None: ...  # noqa: N803

        def _getFirstPossibleSplitRowPosition(  # noqa: N802
            self, availHeight: float, ignoreSpans: int = 0  # noqa: N803
        ) -> int: ...

    def _tail_height(self, avail_width: float) -> float:
        if self.tail is None:
            return 0.0
        if isinstance(self.tail, EndBlock):
            return self.tail.block_height(avail_width)
        _, height = self.tail.wrap(avail_width, PAGE_HEIGHT)
        return height + self.tail.getSpaceBefore()

    def _at_top(self) -> bool:
        frame = getattr(self, "_frame", None)
        return bool(getattr(frame, "_atTop", False))

    def _leaves_rows(self, height: float) -> bool:
        """Whether a split between rows fits in ``height`` and leaves rows after it."""
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        n = self._getFirstPossibleSplitRowPosition(height)
        return repeat < n < len(self._rowHeights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        width, height = super().wrap(availWidth, availHeight)
        if self.continued and not self._at_top():
            return width, availHeight + height  # never under its own first part
        tail = self._tail_height(availWidth)
        if tail and height <= availHeight < height + tail and self._leaves_rows(availHeight - tail):
            return width, height + tail  # "too tall": the frame will ask to split
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.continued and not self._at_top():
            return []
        self._calc(availWidth, availHeight)
        target = availHeight
        tail = self._tail_height(availWidth)
        if tail and self._height <= availHeight:
            target = availHeight - tail  # leave the last rows for the tail's page
        parts = Table.split(self, availWidth, target)
        if not parts and self._at_top():
            # a row taller than an empty page: only now is it cut, and a group
            # heading kept with it (NOSPLIT) gives way, or nothing could be printed
            kept_together = self._nosplitCmds
            self.splitInRow = 1
            self._nosplitCmds = []
            try:
                parts = Table.split(self, availWidth, availHeight)
            finally:
                self.splitInRow = 0
                self._nosplitCmds = kept_together
        for part in parts:
            if isinstance(part, DocTable):
                part.splitInRow = 0
        if len(parts) == 2 and isinstance(parts[1], DocTable):
            parts[1].tail = self.tail
            parts[1].continued = True
        return parts


class EndBlock(Flowable):
    """What closes a document (the signatures): drawn as one piece, never split,
    and never alone on its page — ``build_pdf`` binds it to the content just
    before it. (Not a KeepTogether: reportlab will not nest one inside the
    group that keeps it with that content.)"""

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__()
        self._content = flowables
        self._sizes: list[tuple[float, float]] = []

    def block_height(self, avail_width: float) -> float:
        """The height the block takes on a page ``avail_width`` wide."""
        return self.wrap(avail_width, PAGE_HEIGHT)[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._sizes = [f.wrap(availWidth, PAGE_HEIGHT) for f in self._content]
        self.width = availWidth
        self.height_ = sum(h for _, h in self._sizes)
        return availWidth, self.height_

    def draw(self) -> None:
        y = self.height_
        for flowable, (width, height) in zip(self._content, self._sizes, strict=True):
            y -= height
            align = getattr(flowable, "hAlign", "LEFT")
            x = {"CENTER": (self.width - width) / 2, "CENTRE": (self.width - width) / 2}.get(align, 0.0)
            if align == "RIGHT":
                x = self.width - width
            flowable.drawOn(self.canv, x, y)


def end_block(*flowables: Flowable) -> EndBlock:
    """The signatures (with the space above them) as a document's ending."""
    return EndBlock(list(flowables))


SMALL_TABLE = 3  # a table with at most this many body rows moves whole with the ending


def _bind_endings(story: list[Flowable]) -> None:
    """Make each ``EndBlock`` share its page with the end of the content before
    it: the last rows of a table, or the last paragraph (or block)."""
    for index, flowable in enumerate(story):
        if not isinstance(flowable, EndBlock):
            continue
        before = index - 1
        # spacing and lines to write on go with the ending, and so does what
        # they follow (the heading of an empty section)
        while before >= 0 and isinstance(story[before], (Spacer, WriteLine)):
            story[before].keepWithNext = 1
            before -= 1
        if before < 0:
            continue
        previous = story[before]
        if isinstance(previous, DocTable):
            repeat = previous.repeatRows if isinstance(previous.repeatRows, int) else len(previous.repeatRows)
            if len(previous._cellvalues) - repeat <= SMALL_TABLE:
                previous.keepWithNext = 1
            else:
                previous.tail = flowable
        else:
            previous.keepWithNext = 1


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
    margins: tuple[float, float] = (MARGIN_TOP, MARGIN_BOTTOM),
) -> bytes:
    """Lay the story out on A4 pages and return the PDF's bytes. The first page
    is portrait; ``extra_templates`` (a landscape one, say) are there for the
    story to switch to with ``NextPageTemplate``, or to start with when
    ``first_template`` names one. ``margins`` (top, bottom) of the portrait
    page are narrower for a form that must fit one sheet."""
    top, bottom = margins
    register_fonts()
    _bind_endings(story)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=top,
        bottomMargin=bottom,
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
        bottom,
        FRAME_WIDTH,
        PAGE_HEIGHT - top - bottom,
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
    hyphenate.allow_kazakh_letters()
    with hyphenate.language(lang):
        doc.build(story, canvasmaker=_numbered_canvas(PAGE_LABELS[lang]))
    return buffer.getvalue()


def _no_decoration(canvas: Canvas, doc: BaseDocTemplate) -> None:
    return None
