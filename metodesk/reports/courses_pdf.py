"""The course-needs plan as PDF, in Kazakh or Russian, on portrait A4: the
organisation, the title and the years, then its three parts as tables (the
header repeated on a new page; in the plan a shaded row heads each year and a
year with nobody says so), and the deputy's signature. Words: ``courses_text``."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from metodesk.domain.courses_plan import CoursesPlanData
from metodesk.reports.base import (
    FRAME_WIDTH,
    build_pdf,
    end_block,
    grid_style,
    keep_rows_together,
    plain_style,
    styles,
    table,
    text,
)
from metodesk.reports.courses_text import WORDS, parts, signer, title, years_line

SHADE = colors.Color(0.92, 0.92, 0.92)


def build(data: CoursesPlanData, lang: str) -> bytes:
    """The plan as PDF bytes, in ``lang`` ("kk" or "ru")."""
    s, w = styles(), WORDS[lang]
    story: list[Any] = [
        Paragraph(text(data.organisation(lang)), s.header),
        Paragraph(escape(w["title"]), s.title),
        Paragraph(escape(years_line(data, lang)), s.subheader),
        Spacer(1, 3 * mm),
    ]
    for part in parts(data, lang):
        story += [CondPageBreak(30 * mm), Paragraph(escape(part.heading), s.heading)]
        rows: list[list[Any]] = [[Paragraph(escape(h), s.cell_head) for h in part.header]]
        extra: list[tuple[Any, ...]] = []
        for heading, group in part.groups:
            if heading:
                extra += [
                    ("SPAN", (0, len(rows)), (-1, len(rows))),
                    ("BACKGROUND", (0, len(rows)), (-1, len(rows)), SHADE),
                    keep_rows_together(len(rows), len(rows) + 1),  # a year's heading never ends a page
                ]
                rows.append([Paragraph(f"<b>{escape(heading)}</b>", s.cell_center)] + [""] * (len(part.header) - 1))
            if not group:
                extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
                rows.append([Paragraph(escape(w["nobody"]), s.cell)] + [""] * (len(part.header) - 1))
            for values in group:
                rows.append(
                    [Paragraph(text(v), s.cell_center if i in part.centered else s.cell) for i, v in enumerate(values)]
                )
        story.append(table(rows, [x * mm for x in part.widths], grid_style(extra=extra), repeat=1))
    label, name = signer(data, lang)
    caption = ParagraphStyle("c_caption", parent=s.cell_center, fontSize=7, leading=8)
    story.append(
        end_block(
            Spacer(1, 10 * mm),
            table(
                [
                    [Paragraph(escape(label), s.plain), Paragraph("_" * 22, s.sign_line), Paragraph(text(name), s.plain)],
                    ["", Paragraph(escape(w["caption"]), caption), ""],
                ],
                [75 * mm, 50 * mm, FRAME_WIDTH - 125 * mm],
                plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
            ),
        )
    )
    return build_pdf(story, title=title(data, lang), lang=lang, subject=data.organisation(lang))
