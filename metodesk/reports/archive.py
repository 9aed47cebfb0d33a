"""The association-year archive as one PDF, in Kazakh or Russian: a title page
(organisation, association, «ҚҰЖАТТАР МҰРАҒАТЫ» / «АРХИВ ДОКУМЕНТОВ», the
year, how many documents and pages), the contents (each document's title and
the page it starts on; as many pages as it needs), then every document as it
prints on its own, its signature blocks and own page labels kept.

A bookmark (outline item) leads to each document. Every page carries the
archive's own number «N / total» in its top right corner, where archival
practice numbers the sheets of a case and where no document prints anything:
the documents' margins there are at least 10 mm (the observation sheet's), and
their own page labels stand in the bottom margin. Landscape pages (the
lessons schedule, the plan's activities) get it in their own top right corner.

reportlab makes the title, contents and number pages; pypdf puts the parts
together. Both are imported here, when an archive is built.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import TopPadder

from metodesk.domain.archive import ArchiveHead
from metodesk.i18n.dates import official_date
from metodesk.reports.base import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PDF_LANG,
    grid_style,
    styles,
    table,
    text,
)
from metodesk.reports.fonts import SANS, SERIF, register_fonts

WORDS: dict[str, dict[str, str]] = {
    "kk": {
        "archive": "ҚҰЖАТТАР МҰРАҒАТЫ",
        "year": "{year} оқу жылы",
        "documents": "Құжаттар саны: {count}",
        "pages": "Беттер саны: {count}",
        "made": "Жасалған күні: {date}",
        "contents": "МАЗМҰНЫ",
        "no": "№",
        "document": "Құжаттың атауы",
        "page": "Беті",
        "pdf_title": "Құжаттар мұрағаты {year}: {association}",
    },
    "ru": {
        "archive": "АРХИВ ДОКУМЕНТОВ",
        "year": "{year} учебный год",
        "documents": "Количество документов: {count}",
        "pages": "Количество страниц: {count}",
        "made": "Дата составления: {date}",
        "contents": "СОДЕРЖАНИЕ",
        "no": "№",
        "document": "Наименование документа",
        "page": "Стр.",
        "pdf_title": "Архив документов {year}: {association}",
    },
}

STAMP = "{page} / {total}"
STAMP_FONT_SIZE = 8.5
STAMP_FONT = "MetodeskArchivePageNumber"  # a resource name no document uses
STAMP_GLYPHS = "0123456789 /"
STAMP_RIGHT = MARGIN_RIGHT  # the number ends where the documents' text does
STAMP_TOP = 7 * mm  # its baseline, from the top edge: above every document's text (10 mm or more)
NUMBER_WIDTH, PAGE_WIDTH_MM = 12 * mm, 18 * mm


@dataclass(frozen=True)
class Part:
    """One document of the archive: its title (as the contents and the
    bookmark show it) and its PDF."""

    title: str
    pdf: bytes


def assemble(head: ArchiveHead, parts: Sequence[Part], lang: str) -> bytes:
    """The archive's bytes: title page, contents, then ``parts`` in their order,
    with one bookmark per part and «N / total» on every page."""
    register_fonts()
    readers = [PdfReader(io.BytesIO(part.pdf)) for part in parts]
    counts = [len(reader.pages) for reader in readers]
    front = _front(head, [part.title for part in parts], counts, lang)
    front_reader = PdfReader(io.BytesIO(front))
    writer = PdfWriter()
    for page in front_reader.pages:
        writer.add_page(page)
    starts = []
    start = len(front_reader.pages)
    for reader, count in zip(readers, counts, strict=True):
        starts.append(start)
        start += count
        for page in reader.pages:
            writer.add_page(page)
    _number_pages(writer)
    for part, start in zip(parts, starts, strict=True):
        writer.add_outline_item(title=part.title, page_number=start)
    words = WORDS[lang]
    writer.add_metadata(
        {
            "/Title": words["pdf_title"].format(year=head.year_name, association=head.association(lang)),
            "/Author": "metodesk",
            "/Creator": "metodesk",
            "/Producer": "metodesk",
        }
    )
    writer.page_mode = "/UseOutlines"  # the viewer opens with the bookmarks shown
    writer._root_object[NameObject("/Lang")] = TextStringObject(PDF_LANG.get(lang, lang))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _front(head: ArchiveHead, titles: list[str], counts: list[int], lang: str) -> bytes:
    """The title page and the contents, which gives each part's first page.
    The contents may need more than one page (an association of many
    meetings): it is laid out again until the page numbers it prints count
    its own pages (twice at most in practice; the numbers' column is fixed)."""
    contents_pages = 1
    for _attempt in range(5):
        first_pages = _first_pages(1 + contents_pages, counts)
        total = 1 + contents_pages + sum(counts)
        pdf = _front_pdf(head, titles, first_pages, total, lang)
        made = len(PdfReader(io.BytesIO(pdf)).pages) - 1
        if made == contents_pages:
            return pdf
        contents_pages = made
    raise RuntimeError("the contents' length does not settle")  # cannot happen: the layout is monotone


def _first_pages(front_pages: int, counts: list[int]) -> list[int]:
    pages, next_page = [], front_pages + 1
    for count in counts:
        pages.append(next_page)
        next_page += count
    return pages


def _front_pdf(head: ArchiveHead, titles: list[str], first_pages: list[int], total: int, lang: str) -> bytes:
    words, s = WORDS[lang], styles()
    big = ParagraphStyle("archive_big", parent=s.title, fontSize=22, leading=28, spaceBefore=0, spaceAfter=0)
    name = ParagraphStyle("archive_name", parent=s.title, fontSize=16, leading=21, spaceBefore=0, spaceAfter=0)
    year = ParagraphStyle("archive_year", parent=s.subheader, fontSize=14, leading=18)
    facts = ParagraphStyle("archive_facts", parent=s.plain, fontSize=12, leading=16)
    story: list[Flowable] = [
        Paragraph(text(head.organisation(lang)), s.header),
        Spacer(1, 70 * mm),
        Paragraph(text(head.association(lang)), name),
        Spacer(1, 14 * mm),
        Paragraph(words["archive"], big),
        Spacer(1, 8 * mm),
        Paragraph(text(words["year"].format(year=head.year_name)), year),
        TopPadder(
            Paragraph(
                "<br/>".join(
                    text(line)
                    for line in (
                        words["documents"].format(count=len(titles)),
                        words["pages"].format(count=total),
                        words["made"].format(date=official_date(head.made_on, lang)),
                    )
                ),
                facts,
            )
        ),
        PageBreak(),
        Paragraph(words["contents"], s.title),
        Spacer(1, 3 * mm),
    ]
    rows = [[Paragraph(words[key], s.cell_head) for key in ("no", "document", "page")]]
    for number, (title, page) in enumerate(zip(titles, first_pages, strict=True), start=1):
        rows.append(
            [
                Paragraph(str(number), s.cell_center),
                Paragraph(text(title), s.cell),
                Paragraph(str(page), s.cell_center),
            ]
        )
    widths = [NUMBER_WIDTH, FRAME_WIDTH - NUMBER_WIDTH - PAGE_WIDTH_MM, PAGE_WIDTH_MM]
    story.append(table(rows, widths, grid_style(), repeat=1))
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=words["pdf_title"].format(year=head.year_name, association=head.association(lang)),
        author="metodesk",
        creator="metodesk",
        lang=PDF_LANG.get(lang, lang),
        initialFontName=SERIF,
    )
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
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story)
    return buffer.getvalue()


def _number_pages(writer: PdfWriter) -> None:
    """Write «N / total» in each page's top right corner.

    Each page gets one small content stream of its own after its content
    (which is wrapped in q … Q, so whatever state it leaves is undone), and a
    font resource of a name no document uses: nothing of the page is decoded or
    rewritten, which keeps binding a year's documents quick. The number's font
    is DejaVu Sans, embedded once (a subset of the digits, the space and "/",
    which reportlab encodes as themselves)."""
    font = _number_font(writer)
    opening = DecodedStreamObject()
    opening.set_data(b"q\n")
    opening_ref = writer._add_object(opening)
    total = len(writer.pages)
    for number, page in enumerate(writer.pages, start=1):
        box = page.mediabox
        label = STAMP.format(page=number, total=total)
        x = float(box.right) - STAMP_RIGHT - stringWidth(label, SANS, STAMP_FONT_SIZE)
        y = float(box.top) - STAMP_TOP
        stamp = DecodedStreamObject()
        stamp.set_data(
            f"Q\nq BT /{STAMP_FONT} {STAMP_FONT_SIZE} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm ({label}) Tj ET Q\n".encode("ascii")
        )
        contents = page.get("/Contents")
        found = contents.get_object() if contents is not None else None
        old: list[PdfObject] = (
            list(found) if isinstance(found, ArrayObject) else ([contents] if contents is not None else [])
        )
        page[NameObject("/Contents")] = ArrayObject([opening_ref, *old, writer._add_object(stamp)])
        _dictionary(_dictionary(page, "/Resources"), "/Font")[NameObject("/" + STAMP_FONT)] = font


def _dictionary(parent: DictionaryObject, key: str) -> DictionaryObject:
    """``parent[key]`` (followed when it is a reference), made when missing."""
    found = parent.get(key)
    value = found.get_object() if found is not None else None
    if not isinstance(value, DictionaryObject):
        value = DictionaryObject()
        parent[NameObject(key)] = value
    return value


def _number_font(writer: PdfWriter) -> IndirectObject:
    """DejaVu Sans with the glyphs of page numbers, as an object of ``writer``."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setFont(SANS, STAMP_FONT_SIZE)
    canvas.drawString(0, 0, STAMP_GLYPHS)
    canvas.showPage()
    canvas.save()
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    fonts = _dictionary(_dictionary(page, "/Resources"), "/Font")
    source = next(iter(fonts.values())).get_object()
    if source is None:
        raise RuntimeError("reportlab made no font for the page numbers")
    return writer._add_object(source.clone(writer))
