"""The schedule of open lessons for an academic year (ашық сабақтар кестесі /
график открытых уроков), one association's or the whole school's, as PDF in
Kazakh or Russian, on landscape A4 (the table is wide).

One association's schedule is grouped by month; the whole school's by
association (a row names each), then by date. A moved lesson shows the date it
was first planned for; the leader (or the deputy director) signs at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph, Spacer

from metodesk.domain.plan_forms import head_title, signature_name
from metodesk.domain.text import sort_key
from metodesk.i18n.dates import blank_date_line, month_name, short_date
from metodesk.reports.base import build_pdf, end_block, grid_style, plain_style, styles, table, text
from metodesk.reports.fonts import SERIF_BOLD
from metodesk.reports.lesson_words import KINDS, MOVED_FROM, STATUSES, class_text

if TYPE_CHECKING:
    from metodesk.domain.rows.lessons import ScheduleData, ScheduleRow

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "АШЫҚ САБАҚТАР КЕСТЕСІ",
        "year": "{year} оқу жылы",
        "doc_title": "Ашық сабақтар кестесі, {year} оқу жылы",
        "no": "№",
        "date": "Күні",
        "period": "Сабақ",
        "teacher": "Педагог",
        "subject": "Пән",
        "class": "Сынып",
        "topic": "Тақырыбы",
        "kind": "Өткізу түрі",
        "status": "Белгі",
        "none": "Бұл оқу жылына сабақтар жоспарланбаған.",
        "leader": "ӘБ жетекшісі:",
        "deputy": "Директордың оқу ісі жөніндегі орынбасары:",
        "signature": "(қолы)",
        "approve": "БЕКІТЕМІН",
        "cabinet": "Аудандық әдістемелік кабинеттің меңгерушісі",
    },
    "ru": {
        "title": "ГРАФИК ОТКРЫТЫХ УРОКОВ",
        "year": "на {year} учебный год",
        "doc_title": "График открытых уроков на {year} учебный год",
        "no": "№",
        "date": "Дата",
        "period": "Урок",
        "teacher": "Учитель",
        "subject": "Предмет",
        "class": "Класс",
        "topic": "Тема",
        "kind": "Форма проведения",
        "status": "Отметка",
        "none": "На этот учебный год уроки не запланированы.",
        "leader": "Руководитель МО:",
        "deputy": "Заместитель директора по учебной работе:",
        "signature": "(подпись)",
        "approve": "УТВЕРЖДАЮ",
        "cabinet": "Заведующий районным методическим кабинетом",
    },
}

WIDE_WIDTH, WIDE_HEIGHT = landscape(A4)
LEFT, RIGHT, TOP, BOTTOM = 20 * mm, 15 * mm, 15 * mm, 18 * mm
WIDE_FRAME = WIDE_WIDTH - LEFT - RIGHT
# № | date | period | teacher | subject | class | topic | form | mark (262 mm in all)
WIDTHS = [w * mm for w in (9, 24, 16, 34, 30, 19, 58, 40, 32)]
GROUP_SHADE = colors.Color(0.92, 0.92, 0.92)
CANCELLED_GREY = colors.Color(0.45, 0.45, 0.45)


def _landscape() -> PageTemplate:
    frame = Frame(
        LEFT, BOTTOM, WIDE_FRAME, WIDE_HEIGHT - TOP - BOTTOM, 0, 0, 0, 0, id="wide_body"
    )  # no padding: the table is as wide as the frame
    return PageTemplate(id="landscape", frames=[frame], pagesize=(WIDE_WIDTH, WIDE_HEIGHT))


def approval_lines(data: ScheduleData, lang: str) -> list[str]:
    """The approval block's lines as plain text, the PDF's and the Word
    document's: БЕКІТЕМІН / УТВЕРЖДАЮ, the head's title (the district
    methodical cabinet's for a district association), the line to sign with
    the head's name as 'Б.Е. Сейітқали', the date to fill by hand."""
    w = LABELS[lang]
    if data.approver == "cabinet":
        title, name = w["cabinet"], "_" * 20
    else:
        title = head_title(data.head_title, data.organisation_kind, lang)
        name = signature_name(data.head_name) if data.head_name.strip() else "_" * 20
    return [w["approve"], title, f"{'_' * 14} {name}", blank_date_line(lang)]


class _Schedule:
    def __init__(self, data: ScheduleData, lang: str) -> None:
        self.d, self.lang, self.w, self.s = data, lang, LABELS[lang], styles()
        self.cell = self.s.cell
        self.story: list[Flowable] = []

    def mark(self, row: ScheduleRow) -> str:
        status = STATUSES[self.lang].get(row.status, "")
        if row.original_date is not None:
            return f"{status} ({MOVED_FROM[self.lang].format(date=short_date(row.original_date))})"
        return status

    def lesson_cells(self, number: int, row: ScheduleRow) -> list[Any]:
        c, center, lang = self.cell, self.s.cell_center, self.lang
        return [
            Paragraph(str(number), center),
            Paragraph(short_date(row.date), center),
            Paragraph(str(row.period) if row.period else "", center),
            Paragraph(text(row.teacher_short), c),
            Paragraph(text(row.subject(lang)), c),
            Paragraph(text(class_text(row.grade, row.class_letter, row.group_name, lang)), center),
            Paragraph(text(row.topic), c),
            Paragraph(KINDS[lang].get(row.kind, ""), c),
            Paragraph(self.mark(row), c),
        ]

    def groups(self) -> list[tuple[str, list[ScheduleRow]]]:
        """(heading, rows): by association for the whole school, else by month."""
        result: list[tuple[str, list[ScheduleRow]]] = []
        for row in self.d.rows:
            if self.d.whole_school:
                heading = row.association(self.lang)
            else:
                heading = f"{month_name(row.date.month, self.lang).capitalize()} {row.date.year}"
            found = next((rows for name, rows in result if name == heading), None)
            if found is None:
                result.append((heading, [row]))
            else:
                found.append(row)
        if self.d.whole_school:  # associations in alphabetical order, «Қазақ тілі» … under Қ
            result.sort(key=lambda group: sort_key(group[0].lstrip("«\"'„“ "), self.lang))
        return result

    def schedule_table(self) -> Flowable:
        w, s = self.w, self.s
        keys = ("no", "date", "period", "teacher", "subject", "class", "topic", "kind", "status")
        rows: list[list[Any]] = [[Paragraph(w[k], s.cell_head) for k in keys]]
        extra: list[tuple[Any, ...]] = []
        group_style = ParagraphStyle("group", parent=s.cell, fontName=SERIF_BOLD)
        number = 0
        for heading, lessons in self.groups():
            extra += [
                ("SPAN", (0, len(rows)), (-1, len(rows))),
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_SHADE),
                ("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)),  # never a heading alone at a page's foot
            ]
            rows.append([Paragraph(text(heading), group_style)] + [""] * (len(keys) - 1))
            for lesson in lessons:
                number += 1
                if lesson.status == "cancelled":
                    extra.append(("TEXTCOLOR", (0, len(rows)), (-1, len(rows)), CANCELLED_GREY))
                rows.append(self.lesson_cells(number, lesson))
        if number == 0:
            extra.append(("SPAN", (0, 1), (-1, 1)))
            rows.append([Paragraph(w["none"], s.cell_center)] + [""] * (len(keys) - 1))
        return table(rows, WIDTHS, grid_style(extra=extra), repeat=1)

    def signature(self) -> Flowable:
        s = self.s
        caption = ParagraphStyle("caption", parent=s.cell_center, fontSize=7, leading=8)
        label = self.w[self.d.signer_title_code]
        rows: list[list[Any]] = [
            [
                Paragraph(label, s.plain),
                Paragraph("_" * 22, s.sign_line),
                Paragraph(text(self.d.signer_sign) or "_" * 20, s.plain),
            ],
            ["", Paragraph(self.w["signature"], caption), ""],
        ]
        signature = table(
            rows,
            [95 * mm, 60 * mm, 70 * mm],
            plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
        )
        signature.hAlign = "LEFT"
        return end_block(Spacer(1, 10 * mm), signature)

    def approval(self) -> Flowable:
        """БЕКІТЕМІН / УТВЕРЖДАЮ, top right (``approval_lines``)."""
        block = ParagraphStyle("approve", parent=self.s.plain, fontSize=10.5, leading=14)
        first, *others = approval_lines(self.d, self.lang)
        lines = [
            Paragraph(f"<b>{text(first)}</b>", block),
            *(Paragraph(text(line), block) for line in others),
        ]
        holder = table([[line] for line in lines], [95 * mm], plain_style())
        holder.hAlign = "RIGHT"
        return holder

    def build(self) -> list[Flowable]:
        d, s = self.d, self.s
        self.story.append(self.approval())
        self.story.append(Paragraph(text(d.organisation(self.lang)), s.header))
        if not d.whole_school:
            self.story.append(Paragraph(text(d.association(self.lang)), s.subheader))
        self.story.append(Paragraph(self.w["title"], s.title))
        self.story.append(Paragraph(self.w["year"].format(year=d.year_name), s.subheader))
        self.story += [Spacer(1, 4 * mm), self.schedule_table(), self.signature()]
        return self.story


def build(data: ScheduleData, lang: str) -> bytes:
    """The schedule as PDF bytes, in ``lang`` ("kk" or "ru"), landscape A4."""
    if lang not in LABELS:
        raise ValueError(f"schedules are printed in kk or ru, not {lang!r}")
    story = _Schedule(data, lang).build()
    return build_pdf(
        story,
        title=LABELS[lang]["doc_title"].format(year=data.year_name),
        lang=lang,
        subject=data.association(lang) or data.organisation(lang),
        extra_templates=[_landscape()],
        first_template="landscape",
    )
