"""The teacher's methodical portfolio as PDF, in Kazakh or Russian, on
portrait A4: the organisation and the title, the teacher's card, then the
numbered sections (category history, courses, self-education, experience,
events, open lessons, mentoring, pupils' results) as tables whose header
repeats on a new page, "nothing recorded" under an empty one, and the date it
was put together with the teacher's and the deputy's signatures. The words
come from ``portfolio_text`` (shared with the Word document)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from metodesk.domain.portfolio import PortfolioData
from metodesk.reports.base import FRAME_WIDTH, build_pdf, end_block, grid_style, plain_style, styles, table, text
from metodesk.reports.growth_words import NOTHING
from metodesk.reports.portfolio_text import WORDS, card_lines, printed_line, sections, signers, title

CARD_WIDTHS = [55 * mm, FRAME_WIDTH - 55 * mm]


def build(data: PortfolioData, lang: str) -> bytes:
    """The portfolio as PDF bytes, in ``lang`` ("kk" or "ru")."""
    s, w = styles(), WORDS[lang]
    story: list[Any] = [
        Paragraph(text(data.card.organisation(lang)), s.header),
        Paragraph(escape(w["title"]), s.title),
        Paragraph(text(data.card.full_name), s.subheader),
        Spacer(1, 4 * mm),
        Paragraph(escape(w["card"]), s.heading),
        table(
            [[Paragraph(escape(label), s.cell), Paragraph(text(value), s.cell)] for label, value in card_lines(data, lang)],
            CARD_WIDTHS,
            grid_style(header_rows=0),
        ),
    ]
    for section in sections(data, lang):
        story += [CondPageBreak(25 * mm), Paragraph(escape(section.heading), s.heading)]
        if not section.rows:
            story.append(Paragraph(escape(NOTHING[lang]), s.plain))
            continue
        rows: list[list[Any]] = [[Paragraph(escape(h), s.cell_head) for h in section.header]]
        for values in section.rows:
            rows.append(
                [
                    Paragraph(text(v), s.cell_center if i in section.centered else s.cell)
                    for i, v in enumerate(values)
                ]
            )
        story.append(table(rows, [x * mm for x in section.widths], grid_style(), repeat=1))
    caption = ParagraphStyle("p_caption", parent=s.cell_center, fontSize=7, leading=8)
    signature_rows: list[list[Any]] = []
    for label, name in signers(data, lang):
        signature_rows.append(
            [Paragraph(escape(label), s.plain), Paragraph("_" * 22, s.sign_line), Paragraph(text(name), s.plain)]
        )
        signature_rows.append(["", Paragraph(escape(w["caption"]), caption), ""])
    story.append(
        end_block(
            Spacer(1, 8 * mm),
            Paragraph(escape(printed_line(data, lang)), s.plain),
            Spacer(1, 4 * mm),
            table(
                signature_rows,
                [70 * mm, 55 * mm, FRAME_WIDTH - 125 * mm],
                plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
            ),
        )
    )
    return build_pdf(story, title=title(data, lang), lang=lang, subject=data.card.full_name)
