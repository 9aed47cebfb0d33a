"""The blank attendance sheet for the paper in the room: organisation,
association, meeting number and date, then № | name | signature for every
member, the invited guests, and a few empty rows for whoever else comes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from metodesk.domain.text import sort_key
from metodesk.i18n.dates import official_date
from metodesk.reports.base import (
    BLANK,
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

if TYPE_CHECKING:
    from metodesk.domain.rows.protocol import ProtocolData

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "ҚАТЫСУ ПАРАҒЫ",
        "meeting": "Әдістемелік бірлестік отырысы, № {number} хаттама, {date}",
        "doc_title": "Қатысу парағы, № {number} хаттама: {association}",
        "no": "№",
        "name": "Тегі, аты, әкесінің аты",
        "signature": "Қолы",
        "guests": "Шақырылғандар",
        "secretary": "Хатшы:",
        "school": "Білім беру ұйымы",
        "caption": "(қолы)",
    },
    "ru": {
        "title": "ЛИСТ РЕГИСТРАЦИИ",
        "meeting": "Заседание методического объединения, протокол № {number} от {date}",
        "doc_title": "Лист регистрации, протокол № {number}: {association}",
        "no": "№",
        "name": "Фамилия, имя, отчество",
        "signature": "Подпись",
        "guests": "Приглашённые",
        "secretary": "Секретарь:",
        "school": "Организация образования",
        "caption": "(подпись)",
    },
}

SPARE_ROWS = 3
ROW_HEIGHT = 9 * mm


def _story(data: ProtocolData, lang: str) -> list[Flowable]:
    words, s = LABELS[lang], styles()
    story: list[Flowable] = [
        Paragraph(text(data.organisation(lang)), s.header),
        Paragraph(text(data.association(lang)), s.subheader),
        Paragraph(words["title"], s.title),
        Paragraph(
            words["meeting"].format(number=data.number, date=official_date(data.date, lang)), s.subheader
        ),
        Spacer(1, 5 * mm),
    ]
    # a district association's members come from several schools: each one's is printed
    keys = ("no", "name", "school", "signature") if data.district else ("no", "name", "signature")
    empty = [""] * (len(keys) - 2)
    rows: list[list[Any]] = [[Paragraph(words[k], s.cell_head) for k in keys]]
    heights: list[float | None] = [None]
    extra: list[tuple[Any, ...]] = []
    members = sorted(data.members, key=lambda p: sort_key(p.full_name, lang))
    for number, person in enumerate(members, start=1):
        row = [Paragraph(str(number), s.cell_center), Paragraph(text(person.full_name), s.cell)]
        if data.district:
            row.append(Paragraph(text(person.organisation(lang)), s.cell))
        rows.append([*row, ""])
        heights.append(ROW_HEIGHT if not data.district else None)
    number = len(members)
    if data.guests:
        extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        extra.append(keep_rows_together(len(rows), len(rows) + 1))  # the heading with its first guest
        rows.append([Paragraph(words["guests"], s.cell_head), "", *empty])
        heights.append(None)
        for guest in data.guests:
            number += 1
            described = ", ".join(p for p in (guest.name, guest.job_title, guest.organisation) if p)
            rows.append([Paragraph(str(number), s.cell_center), Paragraph(text(described), s.cell), *empty])
            if data.district:
                extra.append(("SPAN", (1, len(rows) - 1), (2, len(rows) - 1)))
            heights.append(ROW_HEIGHT)
    for _ in range(SPARE_ROWS):
        number += 1
        rows.append([Paragraph(str(number), s.cell_center), "", *empty])
        heights.append(ROW_HEIGHT)
    if data.district:
        widths = [12 * mm, 58 * mm, FRAME_WIDTH - 12 * mm - 58 * mm - 40 * mm, 40 * mm]
        # rows as tall as the school's name needs, with room above and below to sign
        last = len(members)
        extra += [("TOPPADDING", (0, 1), (-1, last), 7), ("BOTTOMPADDING", (0, 1), (-1, last), 7)]
    else:
        widths = [12 * mm, FRAME_WIDTH - 12 * mm - 55 * mm, 55 * mm]
    style = grid_style(extra=[("VALIGN", (0, 1), (-1, -1), "MIDDLE"), *extra])
    story.append(table(rows, widths, style, repeat=1, row_heights=heights))
    secretary = text(data.secretary.sign_name) if data.secretary else BLANK
    caption = ParagraphStyle("caption", parent=s.cell_center, fontSize=7, leading=8)
    signature = table(
        [
            [
                Paragraph(words["secretary"], s.plain),
                Paragraph("_" * 22, s.sign_line),
                Paragraph(secretary, s.plain),
            ],
            ["", Paragraph(words["caption"], caption), ""],
        ],
        [40 * mm, 60 * mm, FRAME_WIDTH - 100 * mm],
        plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
    )
    story.append(end_block(Spacer(1, 10 * mm), signature))
    return story


def build(data: ProtocolData, lang: str) -> bytes:
    """The attendance sheet as PDF bytes, in ``lang`` ("kk" or "ru")."""
    if lang not in LABELS:
        raise ValueError(f"attendance sheets are printed in kk or ru, not {lang!r}")
    title = LABELS[lang]["doc_title"].format(number=data.number, association=data.association(lang))
    return build_pdf(_story(data, lang), title=title, lang=lang, subject=official_date(data.date, lang))
