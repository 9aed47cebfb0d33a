"""The annual plan as PDF, in Kazakh or Russian (docs/domain/documents.md, 'Annual plan').

Page 1 onward (portrait): the "reviewed at" block top left, the agreement in
the middle when there is one, the approval block ("БЕКІТЕМІН / УТВЕРЖДАЮ")
top right; the organisation, the association and the title; the analysis of
the past year, the methodical theme, the goal and the tasks. Then landscape
A4: the activities table with its header row repeated on every page, the
schedule of the association's meetings, of its open lessons, the mentoring
pairs and the attestations of the year, and the leader's signature.

Fonts and page numbers come from ``reports.base``; the words and cell texts
from ``reports.plan_text`` (shared with the Word document).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from metodesk.i18n.dates import short_date
from metodesk.reports import plan_text as words
from metodesk.reports.base import (
    FRAME_WIDTH,
    build_pdf,
    end_block,
    grid_style,
    paragraphs,
    plain_style,
    styles,
    table,
    text,
)

if TYPE_CHECKING:
    from metodesk.domain.rows.plan import PlanData

WIDE_WIDTH, WIDE_HEIGHT = landscape(A4)
WIDE_LEFT, WIDE_RIGHT, WIDE_TOP, WIDE_BOTTOM = 20 * mm, 15 * mm, 15 * mm, 18 * mm
WIDE_FRAME = WIDE_WIDTH - WIDE_LEFT - WIDE_RIGHT
# № | content | form | direction | when | responsible | expected | status (262 mm in all)
ACTIVITY_WIDTHS = [w * mm for w in (9, 64, 30, 37, 24, 34, 37, 27)]
NBSP = "\u00a0"
MEETING_WIDTHS = [w * mm for w in (12, 30, 190, 30)]


_DASHES = re.compile(r"(?<=\w)[-–](?=\w)")


def _fitted(value: str, width: float, style: ParagraphStyle) -> str:
    """Cell markup in which a word too wide for the column breaks after its
    hyphens or dashes ('Нұсқаулық-' / 'әдістемелік', 'сентябрь–' / 'ноябрь'):
    reportlab would cut it mid-word, its own hyphenation knowing no Kazakh."""
    if "-" not in value and "–" not in value:
        return text(value)
    lines = []
    for line in value.split("\n"):
        words = []
        for word in line.split(" "):
            if stringWidth(word, style.fontName, style.fontSize) <= width:
                words.append(escape(word))
            else:
                words.append(_DASHES.sub(lambda m: m.group(0) + "<br/>", escape(word)))
        lines.append(" ".join(words).replace("№ ", "№" + NBSP))
    return "<br/>".join(lines)


def _landscape_template() -> PageTemplate:
    frame = Frame(
        WIDE_LEFT,
        WIDE_BOTTOM,
        WIDE_FRAME,
        WIDE_HEIGHT - WIDE_TOP - WIDE_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="wide",
    )
    return PageTemplate(id="landscape", frames=[frame], pagesize=(WIDE_WIDTH, WIDE_HEIGHT))


class _Plan:
    """Builds the story of one plan in one language."""

    def __init__(self, data: PlanData, lang: str) -> None:
        self.data, self.lang = data, lang
        self.w = words.LABELS[lang]
        self.s = styles()
        self.block_style = ParagraphStyle("block", parent=self.s.plain, fontSize=10, leading=13)
        self.block_head = ParagraphStyle(
            "block_head", parent=self.block_style, fontName=self.s.header.fontName
        )
        self.cell = ParagraphStyle("plan_cell", parent=self.s.cell, fontSize=9, leading=11)
        self.cell_center = ParagraphStyle("plan_cell_center", parent=self.cell, alignment=1)
        self.cell_head = ParagraphStyle("plan_cell_head", parent=self.s.cell_head, fontSize=8.5, leading=10.5)
        self.story: list[Flowable] = []
        if data.progress:
            self.activity_widths = ACTIVITY_WIDTHS
            self.meeting_widths = MEETING_WIDTHS
        else:  # for approval: the content takes the status column's room, the agenda the mark's
            widths = ACTIVITY_WIDTHS
            self.activity_widths = [widths[0], widths[1] + widths[7], *widths[2:7]]
            self.meeting_widths = [*MEETING_WIDTHS[:2], MEETING_WIDTHS[2] + MEETING_WIDTHS[3]]
        self.inner = [w - 8 for w in self.activity_widths]  # less grid_style()'s cell padding

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def block(self, block: words.Block | None) -> list[Flowable]:
        """Heading, lines, '________ А.Ә. Тегі' (the name never split), the date."""
        if block is None:
            return []
        result: list[Flowable] = [Paragraph(escape(block.heading), self.block_head)]
        result += [Paragraph(text(line), self.block_style) for line in block.lines]
        if block.signer is not None:
            signer = text(block.signer).replace(" ", NBSP)
            result.append(Paragraph(f"{words.SIGN_LINE} {signer}", self.block_style))
        result.append(Paragraph(text(block.date).replace(" ", NBSP), self.block_style))
        return result

    def signatures(self) -> None:
        """Reviewed (left), agreed (middle, when any), approved (right), in one row."""
        d, lang = self.data, self.lang
        cells = [
            self.block(words.review_block(d, lang)),
            self.block(words.agreement_block(d, lang)),
            self.block(words.approval_block(d, lang)),
        ]
        gap = 4 * mm
        width = (FRAME_WIDTH - 2 * gap) / 100
        row = table(
            [[cells[0], "", cells[1], "", cells[2]]],
            [31 * width, gap, 34 * width, gap, 35 * width],
            plain_style([("VALIGN", (0, 0), (-1, -1), "TOP")]),
        )
        self.add(row, Spacer(1, 10 * mm))

    def heading(self) -> None:
        d, s, lang = self.data, self.s, self.lang
        self.add(Paragraph(text(d.organisation(lang)), s.header))
        title = ParagraphStyle("t", parent=s.title, spaceBefore=4, spaceAfter=4)
        for line, is_title in words.heading_lines(d, lang):
            self.add(Paragraph(text(line), title if is_title else s.subheader))
        self.add(Spacer(1, 4 * mm))

    def sections(self) -> None:
        d, s, w = self.data, self.s, self.w
        if d.analysis.strip():
            self.add(Paragraph(escape(w["analysis"]), s.heading))
            self.add(*paragraphs(d.analysis, s.indented))
            self.add(Spacer(1, 3 * mm))
        label = ParagraphStyle("label", parent=s.plain, spaceBefore=4, spaceAfter=2)
        for key, value in (("theme", d.theme), ("goal", d.goal)):
            if value.strip():
                self.add(Paragraph(f"<b>{escape(w[key])}</b> {text(value.strip())}", label))
        if d.tasks:
            self.add(Paragraph(f"<b>{escape(w['tasks'])}</b>", label))
            for number, task in enumerate(d.tasks, start=1):
                self.add(Paragraph(f"{number}. {text(task)}", s.hanging))

    def activities(self) -> None:
        s, lang = self.s, self.lang
        self.add(NextPageTemplate("landscape"), PageBreak())
        self.add(Paragraph(escape(self.w["activities"]), s.heading))
        rows: list[list[Any]] = [
            [
                Paragraph(escape(h), self.cell_head)
                for h in words.headers(words.activity_columns(self.data), lang)
            ]
        ]
        count = len(self.activity_widths)
        for activity in self.data.activities:
            cells = words.activity_cells(activity, lang)[:count]
            row = [Paragraph(cells[0], self.cell_center)]
            for column in range(1, count):
                style = self.cell_center if column == 4 else self.cell
                row.append(Paragraph(_fitted(cells[column], self.inner[column], self.cell), style))
            rows.append(row)
        if not self.data.activities:
            rows += [[""] * count for _ in range(3)]
        heights = None if self.data.activities else [None, 9 * mm, 9 * mm, 9 * mm]
        self.add(table(rows, self.activity_widths, grid_style(), repeat=1, row_heights=heights))

    def meetings(self) -> None:
        if not self.data.meetings:
            return
        s, w, lang = self.s, self.w, self.lang
        self.add(CondPageBreak(40 * mm), Paragraph(escape(w["meetings"]), s.heading))
        rows: list[list[Any]] = [
            [
                Paragraph(escape(h), self.cell_head)
                for h in words.headers(words.meeting_columns(self.data), lang)
            ]
        ]
        for meeting in self.data.meetings:
            agenda = "<br/>".join(text(line) for line in words.topics(meeting, lang))
            row = [
                Paragraph(str(meeting.number), self.cell_center),
                Paragraph(short_date(meeting.date), self.cell_center),
                Paragraph(agenda, self.cell),
                Paragraph(escape(w["held"] if meeting.held else w["planned"]), self.cell_center),
            ]
            rows.append(row[: len(self.meeting_widths)])
        self.add(table(rows, self.meeting_widths, grid_style(), repeat=1))

    def schedules(self) -> None:
        """Open lessons, mentoring pairs and attestations of the year, each left out when empty."""
        for heading, columns, rows, widths, centred in words.extra_schedules(self.data, self.lang):
            self.add(CondPageBreak(40 * mm), Paragraph(escape(heading), self.s.heading))
            cells: list[list[Any]] = [
                [Paragraph(escape(h), self.cell_head) for h in words.headers(columns, self.lang)]
            ]
            for row in rows:
                cells.append(
                    [
                        Paragraph(text(value), self.cell_center if column in centred else self.cell)
                        for column, value in enumerate(row)
                    ]
                )
            self.add(table(cells, [w * mm for w in widths], grid_style(), repeat=1))

    def leader(self) -> None:
        label, name = words.leader_line(self.data, self.lang)
        caption = ParagraphStyle("caption", parent=self.s.cell_center, fontSize=7, leading=8)
        rows: list[list[Any]] = [
            [
                Paragraph(escape(label), self.s.plain),
                Paragraph("_" * 22, self.s.sign_line),
                Paragraph(text(name), self.s.plain),
            ],
            ["", Paragraph(escape(self.w["signature"]), caption), ""],
        ]
        signature = table(
            rows,
            [55 * mm, 60 * mm, 80 * mm],
            plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
        )
        signature.hAlign = "LEFT"
        self.add(end_block(Spacer(1, 10 * mm), signature))

    def build(self) -> list[Flowable]:
        self.signatures()
        self.heading()
        self.sections()
        self.activities()
        self.meetings()
        self.schedules()
        self.leader()
        return self.story


def build(data: PlanData, lang: str) -> bytes:
    """The plan as PDF bytes, in ``lang`` ("kk" or "ru")."""
    if lang not in words.LABELS:
        raise ValueError(f"plans are printed in kk or ru, not {lang!r}")
    story = _Plan(data, lang).build()
    return build_pdf(
        story,
        title=words.document_title(data, lang),
        lang=lang,
        subject=data.year_name,
        extra_templates=[_landscape_template()],
    )
