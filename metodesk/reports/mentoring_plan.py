"""The mentor's plan of work with a young specialist (or a trainee teacher),
in the shape of the form of Order No. 130 of 06.04.2020, appendix 9, in
Kazakh or Russian: the head's approval top right, the organisation, the
title and year, the pair (mentor, mentee, the appointing order, the period,
the goals), the table № | activity | date | form of completion | mark, and
the signatures of mentor and mentee.

The words live here, not in gettext: a document is printed in its own
language, whatever the window's. ``mentoring_report`` builds the year's
report from the same pieces. Fields left empty print as lines to fill by hand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from metodesk.domain.plan_forms import head_title, signature_name
from metodesk.i18n.dates import blank_date_line, official_date_dated, short_date
from metodesk.reports.base import (
    BLANK,
    BLANK_SHORT,
    FRAME_WIDTH,
    build_pdf,
    end_block,
    grid_style,
    labelled,
    paragraphs,
    plain_style,
    styles,
    table,
    text,
)
from metodesk.reports.lesson_words import POSITIONS

if TYPE_CHECKING:
    from metodesk.domain.rows.mentoring import MentoringDocData, PrintedActivity, PrintedTeacher

YS, TRAINEE = "young_specialist", "trainee"

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "approve": "БЕКІТЕМІН",
        "year": "{year} оқу жылы",
        "mentor": "Тәлімгер:",
        "order": "Тағайындау туралы бұйрық:",
        "order_text": "{date} № {number}",  # the label already says бұйрық
        "period": "Тәлімгерлік мерзімі:",
        "goals": "Мақсаты мен міндеттері:",
        "no": "№",
        "activity": "Іс-шаралар",
        "date": "Мерзімі",
        "form": "Аяқтау нысаны",
        "mark": "Белгі",
        "done": "орындалды, {date}",
        "signature": "(қолы)",
        "doc_title": "Тәлімгердің жұмыс жоспары: {mentee}, {year} оқу жылы",
    },
    "ru": {
        "approve": "УТВЕРЖДАЮ",
        "year": "на {year} учебный год",
        "mentor": "Наставник:",
        "order": "Приказ о назначении:",
        "order_text": "№ {number} {date}",  # the label already says приказ
        "period": "Срок наставничества:",
        "goals": "Цели и задачи:",
        "no": "№",
        "activity": "Мероприятия",
        "date": "Сроки",
        "form": "Форма завершения",
        "mark": "Отметка",
        "done": "выполнено, {date}",
        "signature": "(подпись)",
        "doc_title": "План работы наставника: {mentee}, {year} учебный год",
    },
}

# The mentee in the forms a sentence needs, by kind: the label before a name,
# the title's "with …", the genitive ("the … 's lesson") and, in Russian, the
# agent of a passive ("visited by …").
MENTEE: dict[str, dict[str, dict[str, str]]] = {
    "kk": {
        YS: {"label": "Жас маман:", "title": "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫС ЖОСПАРЫ", "gen": "жас маманның"},
        TRAINEE: {
            "label": "Педагог-стажер:",
            "title": "ТӘЛІМГЕРДІҢ ПЕДАГОГ-СТАЖЕРМЕН ЖҰМЫС ЖОСПАРЫ",
            "gen": "педагог-стажердің",
        },
    },
    "ru": {
        YS: {
            "label": "Молодой специалист:",
            "title": "ПЛАН РАБОТЫ НАСТАВНИКА С МОЛОДЫМ СПЕЦИАЛИСТОМ",
            "gen": "молодого специалиста",
            "agent": "молодым специалистом",
        },
        TRAINEE: {
            "label": "Педагог-стажёр:",
            "title": "ПЛАН РАБОТЫ НАСТАВНИКА С ПЕДАГОГОМ-СТАЖЁРОМ",
            "gen": "педагога-стажёра",
            "agent": "педагогом-стажёром",
        },
    },
}

CATEGORIES: dict[str, dict[str, str]] = {
    "kk": {
        "pedagog": "педагог",
        "moderator": "педагог-модератор",
        "expert": "педагог-сарапшы",
        "researcher": "педагог-зерттеуші",
        "master": "педагог-шебер",
        "legacy_highest": "жоғары санат",
        "legacy_first": "бірінші санат",
        "legacy_second": "екінші санат",
    },
    "ru": {
        "pedagog": "педагог",
        "moderator": "педагог-модератор",
        "expert": "педагог-эксперт",
        "researcher": "педагог-исследователь",
        "master": "педагог-мастер",
        "legacy_highest": "высшая категория",
        "legacy_first": "первая категория",
        "legacy_second": "вторая категория",
    },
}

# № | activity | date | form of completion | mark: 165 mm, the frame's width
PLAN_WIDTHS = [w * mm for w in (9, 66, 24, 38, 28)]


def mentee_words(kind: str, lang: str) -> dict[str, str]:
    return MENTEE[lang].get(kind, MENTEE[lang][YS])


def teacher_line(t: PrintedTeacher, lang: str) -> str:
    """'Тегі Аты Әкесінің аты, бастауыш сынып мұғалімі (Сауат ашу), педагог-модератор'."""
    position = POSITIONS[lang].get(t.position, "")
    subjects = ", ".join(t.subjects(lang))
    if position and subjects:
        position = f"{position} ({subjects})"
    parts = [t.full_name, position or subjects, CATEGORIES[lang].get(t.category, "")]
    return ", ".join(p for p in parts if p)


def order_line(data: MentoringDocData, lang: str) -> str:
    """'2025 жылғы 29 тамыздағы № 45 бұйрық' / 'приказ № 45 от 29 августа 2025 г.',
    blanks where a part is missing, one long blank when both are."""
    if not data.order_number and data.order_date is None:
        return BLANK
    when = (
        official_date_dated(data.order_date, lang)
        if data.order_date is not None
        else ("от " if lang == "ru" else "") + blank_date_line(lang)
    )
    number = escape(data.order_number) if data.order_number else "____"
    return LABELS[lang]["order_text"].format(date=escape(when), number=number).replace("№ ", "№\u00a0")


def period_line(data: MentoringDocData) -> str:
    start = short_date(data.start_date) if data.start_date else BLANK_SHORT
    end = short_date(data.end_date) if data.end_date else BLANK_SHORT
    return f"{start} – {end}"


def when_cell(a: PrintedActivity) -> str:
    if a.when_text.strip():
        return text(a.when_text.strip())
    return short_date(a.due_date) if a.due_date else BLANK_SHORT


def mark_cell(a: PrintedActivity, lang: str) -> str:
    """'орындалды, 12.10.2025' with the note after it; the note alone, or
    nothing (room to mark by hand) while not done."""
    parts = [LABELS[lang]["done"].format(date=short_date(a.done_on))] if a.done_on else []
    if a.mark_note.strip():
        parts.append(text(a.mark_note.strip()))
    return ", ".join(parts)


_DASHES = re.compile(r"(?<=\w)[-–](?=\w)")


def fitted(value: str, width: float, style: ParagraphStyle) -> str:
    """Cell markup in which a word too wide for the column breaks after its
    hyphen ('педагога-' / 'стажёра') instead of being cut mid-word: reportlab's
    own hyphenation knows no Kazakh or Russian."""
    lines = []
    for line in value.split("\n"):
        words = []
        for word in line.split(" "):
            if "-" in word or "–" in word:
                if stringWidth(word, style.fontName, style.fontSize) > width:
                    words.append(_DASHES.sub(lambda m: m.group(0) + "<br/>", escape(word)))
                    continue
            words.append(escape(word))
        lines.append(" ".join(words).replace("№ ", "№\u00a0"))
    return "<br/>".join(lines)


def first_year(year_name: str) -> int | None:
    head = year_name[:4]
    return int(head) if head.isdigit() else None


class MentoringStory:
    """The pieces both mentoring documents share, in one language."""

    def __init__(self, data: MentoringDocData, lang: str) -> None:
        if lang not in LABELS:
            raise ValueError(f"mentoring documents are printed in kk or ru, not {lang!r}")
        self.data, self.lang = data, lang
        self.w = LABELS[lang]
        self.m = mentee_words(data.mentee_kind, lang)
        self.s = styles()
        self.small = ParagraphStyle("m_small", parent=self.s.plain, fontSize=10, leading=13)
        self.small_bold = ParagraphStyle("m_small_bold", parent=self.small, fontName=self.s.header.fontName)
        self.label = ParagraphStyle("m_label", parent=self.s.plain, spaceBefore=2, spaceAfter=1)
        self.story: list[Flowable] = []

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def approval(self) -> None:
        """БЕКІТЕМІН / УТВЕРЖДАЮ top right: the head's title, a line to sign
        with the head's name, the date to write by hand."""
        d, lang = self.data, self.lang
        name = signature_name(d.head_name) if d.head_name.strip() else BLANK_SHORT
        block = [
            Paragraph(escape(self.w["approve"]), self.small_bold),
            Paragraph(text(head_title(d.head_title, d.organisation_kind, lang)), self.small),
            Paragraph(f"{'_' * 12} {text(name).replace(' ', chr(0xA0))}", self.small),
            Paragraph(blank_date_line(lang, first_year(d.year_name)).replace(" ", "\u00a0", 1), self.small),
        ]
        right = 72 * mm
        self.add(
            table(
                [["", block]],
                [FRAME_WIDTH - right, right],
                plain_style([("VALIGN", (0, 0), (-1, -1), "TOP")]),
            ),
            Spacer(1, 6 * mm),
        )

    def heading(self, title: str, year_line: str) -> None:
        s = self.s
        self.add(Paragraph(text(self.data.organisation(self.lang)), s.header))
        self.add(Paragraph(escape(title), ParagraphStyle("m_title", parent=s.title, spaceAfter=0)))
        self.add(Paragraph(escape(year_line), s.subheader), Spacer(1, 4 * mm))

    def pair(self) -> None:
        d, w = self.data, self.w
        self.add(labelled(w["mentor"], text(teacher_line(d.mentor, self.lang)), self.label))
        self.add(labelled(self.m["label"], text(teacher_line(d.mentee, self.lang)), self.label))
        self.add(labelled(w["order"], order_line(d, self.lang), self.label))
        self.add(labelled(w["period"], period_line(d), self.label))
        if d.goals.strip():
            lines = [line for line in d.goals.split("\n") if line.strip()]
            self.add(labelled(w["goals"], text(lines[0]), self.label))
            self.add(*paragraphs("\n".join(lines[1:]), self.s.plain))
        else:
            self.add(labelled(w["goals"], BLANK * 2, self.label))
        self.add(Spacer(1, 3 * mm))

    def plan_table(self) -> Flowable:
        s, w = self.s, self.w
        head = [w["no"], w["activity"], w["date"], w["form"], w["mark"]]
        rows: list[list[Any]] = [[Paragraph(escape(h), s.cell_head) for h in head]]
        inner = [w - 8 for w in PLAN_WIDTHS]  # less grid_style()'s cell padding
        for a in self.data.activities:
            rows.append(
                [
                    Paragraph(str(a.number), s.cell_center),
                    Paragraph(fitted(a.activity, inner[1], s.cell), s.cell),
                    Paragraph(when_cell(a), s.cell_center),
                    Paragraph(fitted(a.completion_form.strip(), inner[3], s.cell), s.cell),
                    Paragraph(mark_cell(a, self.lang), s.cell),
                ]
            )
        empty = not self.data.activities
        if empty:
            rows += [[""] * 5 for _ in range(5)]
        heights = [None, *([9 * mm] * 5)] if empty else None
        return table(rows, PLAN_WIDTHS, grid_style(), repeat=1, row_heights=heights)

    def signatures(self) -> None:
        d, w = self.data, self.w
        caption = ParagraphStyle("m_caption", parent=self.s.cell_center, fontSize=7, leading=8)
        rows: list[list[Any]] = []
        for label, person in ((w["mentor"], d.mentor), (self.m["label"], d.mentee)):
            rows.append(
                [
                    Paragraph(escape(label.rstrip(":")), self.s.plain),
                    Paragraph("_" * 22, self.s.sign_line),
                    Paragraph(text(person.sign_name), self.s.plain),
                ]
            )
            rows.append(["", Paragraph(escape(w["signature"]), caption), ""])
        signature_table = table(
            rows,
            [48 * mm, 60 * mm, FRAME_WIDTH - 108 * mm],
            plain_style([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]),
        )
        self.add(end_block(Spacer(1, 10 * mm), signature_table))


def document_title(data: MentoringDocData, lang: str, key: str = "doc_title") -> str:
    return LABELS[lang][key].format(mentee=data.mentee.short_name, year=data.year_name)


def build(data: MentoringDocData, lang: str) -> bytes:
    """The mentor's plan as PDF bytes, in ``lang`` ("kk" or "ru")."""
    story = MentoringStory(data, lang)
    story.approval()
    story.heading(story.m["title"], story.w["year"].format(year=data.year_name))
    story.pair()
    story.add(story.plan_table())
    story.signatures()
    return build_pdf(story.story, title=document_title(data, lang), lang=lang, subject=data.year_name)
