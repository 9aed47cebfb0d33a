"""The attestation documents as PDF, in Kazakh or Russian, on landscape A4
(docs/domain/documents.md, 'Attestation plan'): the perspective plan (who is attested in each of the
next years, a shaded row heading each year) and the list for one year.

Top right, the director's approval ("БЕКІТЕМІН / УТВЕРЖДАЮ") with a line to
sign and a date to fill; then the organisation, the title and the table with
its header repeated on every page; the deputy director signs at the end.
Fonts and page numbers come from ``reports.base``; the words from
``reports.attestation_words`` (shared with the XLSX).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph, Spacer

from metodesk.domain.attestation import year_name
from metodesk.domain.text import sort_key
from metodesk.reports.attestation_words import (
    LABELS,
    LIST_COLUMNS,
    PLAN_COLUMNS,
    approval_lines,
    cells,
    signer,
)
from metodesk.reports.base import build_pdf, end_block, grid_style, plain_style, styles, table, text
from metodesk.reports.fonts import SERIF_BOLD

if TYPE_CHECKING:
    from metodesk.domain.rows.attestation import AttestationDocData, PlanYear

WIDE_WIDTH, WIDE_HEIGHT = landscape(A4)
LEFT, RIGHT, TOP, BOTTOM = 20 * mm, 15 * mm, 15 * mm, 18 * mm
WIDE_FRAME = WIDE_WIDTH - LEFT - RIGHT  # 262 mm
WIDTHS = {
    "plan": dict(zip(PLAN_COLUMNS, (7, 38, 26, 27, 12, 26, 23, 25, 26, 24, 28), strict=True)),
    "list": dict(zip(LIST_COLUMNS, (7, 28, 24, 26, 12, 26, 23, 25, 26, 22, 20, 23), strict=True)),
}
CENTERED = {"no", "experience", "expiry", "awarded", "window", "test"}
PADDING = 8  # grid_style's left and right cell padding, in points
GROUP_SHADE = colors.Color(0.92, 0.92, 0.92)
OVERDUE_RED = colors.Color(0.65, 0.0, 0.0)
_BREAK_AFTER = re.compile(r"(?<=\w)([-–])(?=\w)")


def _landscape() -> PageTemplate:
    frame = Frame(LEFT, BOTTOM, WIDE_FRAME, WIDE_HEIGHT - TOP - BOTTOM, 0, 0, 0, 0, id="wide_body")
    return PageTemplate(id="landscape", frames=[frame], pagesize=(WIDE_WIDTH, WIDE_HEIGHT))


def _fitted(value: str, width: float, style: ParagraphStyle) -> str:
    """Cell markup in which a word too wide for the column breaks after its
    hyphen or dash ('педагог-' / 'исследователь', 'тамыз–' / 'желтоқсан')
    instead of in the middle; line breaks kept."""
    lines = []
    for line in value.split("\n"):
        words = []
        for word in line.split(" "):
            if stringWidth(word, style.fontName, style.fontSize) > width:
                words.append(_BREAK_AFTER.sub(r"\1<br/>", escape(word)))
            else:
                words.append(escape(word))
        lines.append(" ".join(words).replace("№ ", "№\u00a0").replace(" %", "\u00a0%"))
    return "<br/>".join(lines)


class _Document:
    """The story of the plan (``kind`` "plan") or the list ("list") in one language."""

    def __init__(self, data: AttestationDocData, kind: str, lang: str) -> None:
        self.d, self.kind, self.lang, self.w = data, kind, lang, LABELS[lang]
        self.s = styles()
        self.columns = PLAN_COLUMNS if kind == "plan" else LIST_COLUMNS
        self.widths = [WIDTHS[kind][c] * mm for c in self.columns]
        self.cell = ParagraphStyle("att_cell", parent=self.s.cell, fontSize=8.5, leading=10.5)
        self.center = ParagraphStyle("att_center", parent=self.cell, alignment=1)
        self.head = ParagraphStyle("att_head", parent=self.s.cell_head, fontSize=7.5, leading=9.2)
        self.group = ParagraphStyle("att_group", parent=self.cell, fontName=SERIF_BOLD)
        self.cell_late = ParagraphStyle("att_cell_late", parent=self.cell, textColor=OVERDUE_RED)
        self.center_late = ParagraphStyle("att_center_late", parent=self.center, textColor=OVERDUE_RED)

    def approval(self) -> Flowable:
        """The director's approval block, top right."""
        s = self.s
        block = ParagraphStyle("approve", parent=s.plain, fontSize=10.5, leading=14)
        first, *others = approval_lines(self.d, self.lang)
        lines = [
            Paragraph(f"<b>{text(first)}</b>", block),
            *(Paragraph(text(line), block) for line in others),
        ]
        holder = table([[line] for line in lines], [92 * mm], plain_style())
        holder.hAlign = "RIGHT"
        return holder

    def titles(self) -> list[Flowable]:
        s, w, d = self.s, self.w, self.d
        story: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(text(d.organisation(self.lang)), s.header)]
        if self.kind == "plan":
            story.append(Paragraph(w["plan_title"], s.title))
            first, last = year_name(d.first_year), year_name(d.last_year)
            story.append(Paragraph(w["plan_years"].format(first=first, last=last), s.subheader))
        else:
            story.append(Paragraph(w["list_title"].format(year=year_name(d.first_year)), s.title))
        story.append(Spacer(1, 4 * mm))
        return story

    def year_rows(
        self, year: PlanYear, rows: list[list[Any]], extra: list[tuple[Any, ...]], number: int
    ) -> int:
        """Append one year's teachers (alphabetical in the document's language;
        an overdue one in dark red)."""
        ordered = sorted(year.teachers, key=lambda t: sort_key(t.full_name, self.lang))
        if not ordered:
            extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
            rows.append([Paragraph(self.w["nobody"], self.center)] + [""] * (len(self.columns) - 1))
            return number
        for teacher in ordered:
            number += 1
            values = cells(teacher, number, year.start, self.lang)
            row = []
            for column, width in zip(self.columns, self.widths, strict=True):
                if column in CENTERED:
                    style = self.center_late if teacher.overdue else self.center
                else:
                    style = self.cell_late if teacher.overdue else self.cell
                row.append(Paragraph(_fitted(values[column], width - PADDING, style), style))
            rows.append(row)
        return number

    def grid(self) -> Flowable:
        rows: list[list[Any]] = [
            [
                Paragraph(_fitted(self.w[c], width - PADDING, self.head), self.head)
                for c, width in zip(self.columns, self.widths, strict=True)
            ]
        ]
        extra: list[tuple[Any, ...]] = []
        number = 0
        for year in self.d.years:
            if self.kind == "plan":
                extra += [
                    ("SPAN", (0, len(rows)), (-1, len(rows))),
                    ("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_SHADE),
                    (
                        "NOSPLIT",
                        (0, len(rows)),
                        (-1, len(rows) + 1),
                    ),  # never a year heading alone at a page's foot
                ]
                heading = self.w["year_row"].format(year=year_name(year.start))
                rows.append([Paragraph(text(heading), self.group)] + [""] * (len(self.columns) - 1))
            number = self.year_rows(year, rows, extra, number)
        return table(rows, self.widths, grid_style(extra=extra), repeat=1)

    def signature(self) -> Flowable:
        s = self.s
        caption = ParagraphStyle("caption", parent=s.cell_center, fontSize=7, leading=8)
        name = text(signer(self.d.deputy_name))
        rows: list[list[Any]] = [
            [
                Paragraph(self.w["prepared"], s.plain),
                Paragraph("_" * 22, s.sign_line),
                Paragraph(name, s.plain),
            ],
            ["", Paragraph(self.w["signature"], caption), ""],
        ]
        signature = table(
            rows,
            [110 * mm, 55 * mm, 80 * mm],
            plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
        )
        signature.hAlign = "LEFT"
        return end_block(Spacer(1, 10 * mm), signature)

    def build(self) -> list[Flowable]:
        return [self.approval(), *self.titles(), self.grid(), self.signature()]


def _build(data: AttestationDocData, kind: str, lang: str) -> bytes:
    if lang not in LABELS:
        raise ValueError(f"attestation documents are printed in kk or ru, not {lang!r}")
    w = LABELS[lang]
    if kind == "plan":
        title = w["plan_doc_title"].format(first=year_name(data.first_year), last=year_name(data.last_year))
    else:
        title = w["list_doc_title"].format(year=year_name(data.first_year))
    return build_pdf(
        _Document(data, kind, lang).build(),
        title=title,
        lang=lang,
        subject=data.organisation(lang),
        extra_templates=[_landscape()],
        first_template="landscape",
    )


def build_plan(data: AttestationDocData, lang: str) -> bytes:
    """The perspective plan as PDF bytes, in ``lang`` ("kk" or "ru")."""
    return _build(data, "plan", lang)


def build_list(data: AttestationDocData, lang: str) -> bytes:
    """The list of one attestation year as PDF bytes, in ``lang`` ("kk" or "ru")."""
    return _build(data, "list", lang)
