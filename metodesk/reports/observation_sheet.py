"""The lesson observation sheet (сабақты бақылау парағы / лист наблюдения
урока, docs/domain/documents.md, 'Observation sheet') as PDF, in Kazakh or Russian, filled or blank.

Layout: organisation and association; the title; the header (teacher,
subject, class, date, lesson period, form, topic, learning objectives,
purpose of the visit, observer); the criteria table with a column for each
value of the scale; the total and the scale's legend; strengths,
recommendations and the observer's conclusion; the observer's signature and
the teacher's "Танысты / Ознакомлен" line.

A blank sheet is for the pen: every missing value is a ruled line, each
score column an empty box big enough to tick, and the texts get ruled lines.
Several sheets (a batch for one date) go into one PDF, each on new pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from metodesk.i18n.dates import blank_date_line, official_date
from metodesk.reports.base import (
    FRAME_WIDTH,
    WriteLine,
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
from metodesk.reports.fonts import SERIF_BOLD
from metodesk.reports.lesson_words import KINDS, POSITIONS, class_text, period_text

if TYPE_CHECKING:
    from metodesk.domain.rows.lessons import SheetData

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ",
        "doc_title": "Сабақты бақылау парағы: {teacher}, {date}",
        "doc_title_blank": "Сабақты бақылау парағы (бос үлгі)",
        "doc_title_batch": "Сабақты бақылау парақтары, {date}",
        "teacher": "Педагог (аты-жөні):",
        "subject": "Пән:",
        "class": "Сынып:",
        "group": "Топ:",
        "date": "Күні:",
        "period": "Сабақ:",
        "kind": "Өткізу түрі:",
        "topic": "Сабақтың тақырыбы:",
        "objectives": "Оқу мақсаттары:",
        "purpose": "Сабаққа қатысу мақсаты:",
        "observer": "Бақылаушы (аты-жөні):",
        "position": "Лауазымы:",
        "no": "№",
        "criteria": "Критерийлер",
        "score": "Балл",
        "total": "Жалпы балл",
        "scale": "Бағалау шкаласы:",
        "scale_plain": "{low} – {high} балл",
        "strengths": "Сабақтың күшті жақтары:",
        "recommendations": "Ұсыныстар:",
        "conclusion": "Бақылаушының қорытындысы:",
        "observer_sign": "Бақылаушы:",
        "acknowledged": "Танысты:",
        "signature": "(қолы)",
    },
    "ru": {
        "title": "ЛИСТ НАБЛЮДЕНИЯ УРОКА",
        "doc_title": "Лист наблюдения урока: {teacher}, {date}",
        "doc_title_blank": "Лист наблюдения урока (бланк)",
        "doc_title_batch": "Листы наблюдения уроков, {date}",
        "teacher": "Учитель (ФИО):",
        "subject": "Предмет:",
        "class": "Класс:",
        "group": "Группа:",
        "date": "Дата:",
        "period": "Урок:",
        "kind": "Форма проведения:",
        "topic": "Тема урока:",
        "objectives": "Цели обучения:",
        "purpose": "Цель посещения:",
        "observer": "Наблюдатель (ФИО):",
        "position": "Должность:",
        "no": "№",
        "criteria": "Критерии",
        "score": "Баллы",
        "total": "Итого баллов",
        "scale": "Шкала оценивания:",
        "scale_plain": "от {low} до {high} баллов",
        "strengths": "Сильные стороны урока:",
        "recommendations": "Рекомендации:",
        "conclusion": "Выводы наблюдателя:",
        "observer_sign": "Наблюдатель:",
        "acknowledged": "Ознакомлен(а):",
        "signature": "(подпись)",
    },
}

WRITE_LINE = 6 * mm  # the remarks' lines
TOTAL_ROW = 6.5 * mm  # room to write the total by hand
BOX = 10 * mm  # one score column, wide enough to tick or circle by hand
MAX_BOX_COLUMNS = 6  # a longer scale gets one column to write the number in
BLANK_ROW_TOP = 2.5 * mm  # above a ruled line in the header: room for handwriting
WRITE_LINES = {"strengths": 3, "recommendations": 2, "conclusion": 2}
# The sheet is one A4 page, filled or blank: narrower top and bottom margins.
SHEET_MARGINS = (10 * mm, 12 * mm)
SHADE = colors.Color(0.85, 0.85, 0.85)


class _Sheet:
    """Builds the story of one sheet in one language."""

    def __init__(self, data: SheetData, lang: str) -> None:
        self.d, self.lang, self.w, self.s = data, lang, LABELS[lang], styles()
        self.cell = ParagraphStyle("sheet_cell", parent=self.s.cell, fontSize=9, leading=11)
        self.title = ParagraphStyle(
            "sheet_title", parent=self.s.title, fontSize=13, leading=16, spaceBefore=1, spaceAfter=3
        )
        self.text = ParagraphStyle("sheet_text", parent=self.s.plain, fontSize=10, leading=12.5)
        self.line = ParagraphStyle("sheet_line", parent=self.text, alignment=1)  # centred over its caption
        self.label = ParagraphStyle("sheet_label", parent=self.cell, fontName=SERIF_BOLD)
        self.story: list[Flowable] = []

    def value(self, markup: str) -> Paragraph:
        return Paragraph(markup, self.cell)

    def header_widths(self) -> list[float]:
        """label | value | label | value: each label column as wide as its
        longest label (up to a limit), the values share the rest."""
        w = self.w
        first = [
            w[k] for k in ("teacher", "subject", "date", "kind", "topic", "objectives", "purpose", "observer")
        ]
        first.append(w["position"])
        second = [w["class"], w["group"], w["period"], w["position"]]

        def widest(labels: list[str], limit: float) -> float:
            size = max(stringWidth(label, SERIF_BOLD, self.label.fontSize) for label in labels)
            return min(size + 8, limit)

        left, right = widest(first, 62 * mm), widest(second, 30 * mm)
        values = FRAME_WIDTH - left - right
        return [left, values * 0.52, right, values * 0.48]

    def header_rows(self) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
        """The header as a 4-column table; empty values become ruled lines."""
        d, w, lang = self.d, self.w, self.lang
        lesson = d.lesson
        rows: list[list[Any]] = []
        style: list[tuple[Any, ...]] = []

        def wide(label: str, value: str, lines: int = 1) -> None:
            for n in range(lines if not value else 1):
                row = len(rows)
                rows.append([Paragraph(label, self.label) if n == 0 else "", self.value(value), "", ""])
                style.append(("SPAN", (1, row), (3, row)))
                if not value:
                    style.append(("LINEBELOW", (1, row), (3, row), 0.5, colors.black))
                    style.append(("TOPPADDING", (0, row), (-1, row), BLANK_ROW_TOP))
                    style.append(("VALIGN", (0, row), (-1, row), "BOTTOM"))

        def pair(label1: str, value1: str, label2: str, value2: str) -> None:
            row = len(rows)
            rows.append(
                [
                    Paragraph(label1, self.label),
                    self.value(value1),
                    Paragraph(label2, self.label),
                    self.value(value2),
                ]
            )
            for col, value in ((1, value1), (3, value2)):
                if not value:
                    style.append(("LINEBELOW", (col, row), (col, row), 0.5, colors.black))
            if not (value1 and value2):
                style.append(("TOPPADDING", (0, row), (-1, row), BLANK_ROW_TOP))
                style.append(("VALIGN", (0, row), (-1, row), "BOTTOM"))

        wide(w["teacher"], text(lesson.teacher_name) if lesson else "")
        grade_label = w["group"] if lesson and lesson.grade is None else w["class"]
        pair(
            w["subject"],
            text(lesson.subject(lang)) if lesson else "",
            grade_label,
            text(class_text(lesson.grade, lesson.class_letter, lesson.group_name, lang)) if lesson else "",
        )
        pair(
            w["date"],
            official_date(lesson.date, lang) if lesson else "",
            w["period"],
            period_text(lesson.period, lang) if lesson else "",
        )
        wide(w["kind"], KINDS[lang].get(lesson.kind, "") if lesson else "")
        wide(w["topic"], text(lesson.topic) if lesson else "", 2)
        wide(w["objectives"], text(lesson.objectives) if lesson else "", 2)
        wide(w["purpose"], text(d.purpose))
        pair(w["observer"], text(d.observer_name), w["position"], text(self.position()))
        return rows, style

    def position(self) -> str:
        """The position typed on the sheet, or the observing teacher's own."""
        d = self.d
        return d.observer_position or POSITIONS[self.lang].get(d.observer_position_code, "")

    def header(self) -> None:
        d, w, s = self.d, self.w, self.s
        if d.organisation(self.lang):
            self.story.append(Paragraph(text(d.organisation(self.lang)), s.header))
        if d.association(self.lang):
            self.story.append(Paragraph(text(d.association(self.lang)), s.subheader))
        self.story.append(Paragraph(w["title"], self.title))
        rows, extra = self.header_rows()
        widths = self.header_widths()
        style = plain_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (0, -1), 3),
                ("LEFTPADDING", (2, 0), (2, -1), 6),
                ("LEFTPADDING", (1, 0), (1, -1), 2),
                ("LEFTPADDING", (3, 0), (3, -1), 2),
                *extra,
            ]
        )
        self.story += [table(rows, widths, style), Spacer(1, 2 * mm)]

    def criteria(self) -> None:
        d, w, lang = self.d, self.w, self.lang
        scale = list(range(d.scale_min, d.scale_max + 1))
        boxes = len(scale) <= MAX_BOX_COLUMNS
        score_cols = scale if boxes else [None]
        col_width = BOX if boxes else 24 * mm
        text_width = FRAME_WIDTH - 9 * mm - col_width * len(score_cols)
        head = ParagraphStyle("score_head", parent=self.s.cell_head, fontSize=9, leading=11)
        center = ParagraphStyle("score_cell", parent=head, fontSize=10, leading=11)
        rows: list[list[Any]] = [
            [Paragraph(w["no"], head), Paragraph(w["criteria"], head), Paragraph(w["score"], head)]
            + [""] * (len(score_cols) - 1)
        ]
        extra: list[tuple[Any, ...]] = [("SPAN", (2, 0), (-1, 0))]
        header_rows = 1
        if boxes:
            rows.append(["", ""] + [Paragraph(str(v), head) for v in scale])
            extra += [
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (1, 1)),
                ("FONTNAME", (0, 1), (-1, 1), SERIF_BOLD),
            ]
            header_rows = 2
        heights: list[float | None] = [None] * header_rows
        for number, criterion in enumerate(d.criteria, start=1):
            row: list[Paragraph | str] = [
                Paragraph(str(number), self.s.cell_center),
                Paragraph(text(criterion.text(lang)), self.cell),
            ]
            score = criterion.score if d.filled else None
            if boxes:
                for col, value in enumerate(scale, start=2):
                    marked = score is not None and score == value
                    row.append(Paragraph(f"<b>{value}</b>", center) if marked else "")
                    if marked:
                        extra.append(("BACKGROUND", (col, len(rows)), (col, len(rows)), SHADE))
            else:
                row.append(Paragraph(f"<b>{score}</b>", center) if score is not None else "")
            rows.append(row)
            heights.append(None)
        total = f"{d.total} / {d.max_total}" if d.filled else f"_____ / {d.max_total}"
        rows.append(
            [Paragraph(w["total"], self.label), "", Paragraph(total, center)] + [""] * (len(score_cols) - 1)
        )
        last = len(rows) - 1
        extra += [("SPAN", (0, last), (1, last)), ("SPAN", (2, last), (-1, last))]
        heights.append(TOTAL_ROW)
        # the scale's legend closes the table, so it never drifts to the next page alone
        legend = d.legend(lang) or w["scale_plain"].format(low=d.scale_min, high=d.scale_max)
        small = ParagraphStyle("legend", parent=self.cell, fontSize=8.5, leading=10)
        rows.append([labelled(w["scale"], text(legend), small)] + [""] * (len(score_cols) + 1))
        heights.append(None)
        extra += [
            ("SPAN", (0, last + 1), (-1, last + 1)),
            ("ALIGN", (0, last + 1), (-1, last + 1), "LEFT"),
            ("TOPPADDING", (0, last + 1), (-1, last + 1), 2),
            ("BOTTOMPADDING", (0, last + 1), (-1, last + 1), 3),
            ("NOSPLIT", (0, last - 1), (-1, last + 1)),  # the last criterion, the total, the legend
        ]
        style = grid_style(
            header_rows,
            [
                ("VALIGN", (0, header_rows), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 0), (-1, -1), "CENTER"),
                # a one-line criterion still gets a row 5 mm high, room for a tick
                ("TOPPADDING", (0, header_rows), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, header_rows), (-1, -1), 2),
                *extra,
            ],
        )
        widths = [9 * mm, text_width] + [col_width] * len(score_cols)
        self.story.append(table(rows, widths, style, repeat=header_rows, row_heights=heights))
        self.story.append(Spacer(1, 1 * mm))

    def remarks(self) -> None:
        d, w = self.d, self.w
        label_style = ParagraphStyle("remark_label", parent=self.text, fontName=SERIF_BOLD, spaceBefore=3)
        for key in ("strengths", "recommendations", "conclusion"):
            value: str = getattr(d, key)
            block: list[Flowable] = [Paragraph(w[key], label_style)]
            if value.strip():
                block += paragraphs(value, self.text)
            else:
                block += [WriteLine(WRITE_LINE) for _ in range(WRITE_LINES[key])]
            self.story.append(KeepTogether(block))

    def signatures(self) -> None:
        """The observer and the observed teacher side by side (label, the line
        to sign with the name after it, the caption centred under the line),
        then the date the teacher read the sheet."""
        d, w, s = self.d, self.w, self.s
        lesson = d.lesson
        caption = ParagraphStyle("caption", parent=s.cell_center, fontSize=7, leading=8)
        if d.acknowledged and d.acknowledged_on is not None:
            when = official_date(d.acknowledged_on, self.lang)
        else:
            when = blank_date_line(self.lang, lesson.date.year if lesson else None)
        observer = text(d.observer_sign) or "_" * 16
        teacher = text(lesson.teacher_sign) if lesson else "_" * 16
        half = FRAME_WIDTH / 2
        line, name = 34 * mm, half - 34 * mm - 4 * mm
        rows = [
            [
                Paragraph(w["observer_sign"], self.text),
                "",
                "",
                Paragraph(w["acknowledged"], self.text),
                "",
                "",
            ],
            [
                Paragraph("_" * 17, self.line),
                Paragraph(observer, self.text),
                "",
                Paragraph("_" * 17, self.line),
                Paragraph(teacher, self.text),
                "",
            ],
            [Paragraph(w["signature"], caption), "", "", Paragraph(w["signature"], caption), "", ""],
            ["", "", "", Paragraph(when, self.text), "", ""],
        ]
        style = plain_style(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 1), (-1, 1), 3 * mm),
                ("TOPPADDING", (0, 3), (-1, 3), 1 * mm),
                ("LEFTPADDING", (1, 1), (1, 1), 2 * mm),
                ("LEFTPADDING", (4, 1), (4, 1), 2 * mm),
                ("SPAN", (0, 0), (2, 0)),
                ("SPAN", (3, 0), (5, 0)),
                ("SPAN", (3, 3), (5, 3)),
            ]
        )
        signature = table(rows, [line, name, 4 * mm, line, name, 4 * mm], style)
        self.story.append(end_block(Spacer(1, 4 * mm), signature))

    def build(self) -> list[Flowable]:
        self.header()
        self.criteria()
        self.remarks()
        self.signatures()
        return self.story


def _title(sheets: list[SheetData], lang: str) -> str:
    words = LABELS[lang]
    first = sheets[0]
    if len(sheets) > 1 and first.lesson is not None:
        return words["doc_title_batch"].format(date=official_date(first.lesson.date, lang))
    if first.lesson is None:
        return words["doc_title_blank"]
    return words["doc_title"].format(
        teacher=first.lesson.teacher_name, date=official_date(first.lesson.date, lang)
    )


def build(sheets: SheetData | list[SheetData], lang: str) -> bytes:
    """One sheet, or several (each from a new page), as PDF bytes in ``lang``."""
    if lang not in LABELS:
        raise ValueError(f"observation sheets are printed in kk or ru, not {lang!r}")
    batch = [sheets] if not isinstance(sheets, list) else sheets
    if not batch:
        raise ValueError("no observation sheet to print")
    story: list[Flowable] = []
    for number, sheet in enumerate(batch):
        if number:
            story.append(PageBreak())
        story += _Sheet(sheet, lang).build()
    title = _title(batch, lang)
    subject = batch[0].set_name_ru if lang == "ru" else batch[0].set_name_kk
    return build_pdf(story, title=title, lang=lang, subject=subject, margins=SHEET_MARGINS)
