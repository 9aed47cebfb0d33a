"""The mentor's plan and the year's mentoring report as Word documents
(DOCX), laid out as the PDFs (``mentoring_plan``, ``mentoring_report``):
the head's approval top right (the plan), the organisation, the title and
the year, the pair (mentor, mentee, the appointing order, the period, the
goals), the plan's table with its marks, the meeting log (the report) with
the lessons and sheets it names and the total time, the mentee's summary
and the mentor's conclusion (or lines to write them), and both signatures.

The words and cell texts come from the PDF modules (``LABELS``, ``WORDS``
and their helpers; markup turned back into plain text with ``plain``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm

from metodesk.domain.plan_forms import head_title, signature_name
from metodesk.i18n.dates import blank_date_line, short_date
from metodesk.reports.base import BLANK, BLANK_SHORT, styles
from metodesk.reports.docx_base import NBSP, WordDocument, plain, row_height, soft_hyphens
from metodesk.reports.lesson_words import mentioned_lesson_line
from metodesk.reports.mentoring_plan import (
    LABELS,
    document_title,
    first_year,
    mark_cell,
    mentee_words,
    order_line,
    period_line,
    teacher_line,
    when_cell,
)
from metodesk.reports.mentoring_report import LOG_WIDTHS as PDF_LOG_WIDTHS
from metodesk.reports.mentoring_report import WORDS, duration, kind_text, meetings_count

if TYPE_CHECKING:
    from metodesk.domain.rows.mentoring import MentoringDocData, PrintedEntry

PLAN_WIDTHS = (9, 66, 24, 38, 28)  # № | activity | date | form of completion | mark: 165 mm
# № | date | kind | topic | minutes | notes: the PDF's widths, in mm
LOG_WIDTHS = tuple(round(width / mm) for width in PDF_LOG_WIDTHS)
SIGNATURE_WIDTHS = (48, 60, 57)
APPROVAL_WIDTH = 72


class _Mentoring:
    """The pieces both documents share, in one language."""

    def __init__(self, data: MentoringDocData, lang: str) -> None:
        if lang not in LABELS:
            raise ValueError(f"mentoring documents are printed in kk or ru, not {lang!r}")
        self.data, self.lang, self.w = data, lang, LABELS[lang]
        self.m = mentee_words(data.mentee_kind, lang)
        self.word = WordDocument(lang)

    def approval(self) -> None:
        """БЕКІТЕМІН / УТВЕРЖДАЮ top right: the head's title, a line to sign
        with the head's name, the date to write by hand."""
        d, lang = self.data, self.lang
        name = signature_name(d.head_name) if d.head_name.strip() else BLANK_SHORT
        lines = [
            self.w["approve"],
            head_title(d.head_title, d.organisation_kind, lang),
            f"{'_' * 12} {name.replace(' ', NBSP)}",
            blank_date_line(lang, first_year(d.year_name)).replace(" ", NBSP, 1),
        ]
        self.word.approval(lines, APPROVAL_WIDTH)
        self.word.space(14)

    def heading(self, title: str, year_line: str) -> None:
        self.word.header_line(self.data.organisation(self.lang))
        self.word.title(title, after=0)
        self.word.paragraph(year_line, center=True)
        self.word.space(10)

    def pair(self) -> None:
        d, w, word = self.data, self.w, self.word
        word.labelled(w["mentor"], teacher_line(d.mentor, self.lang), before=2)
        word.labelled(self.m["label"], teacher_line(d.mentee, self.lang), before=2)
        word.labelled(w["order"], plain(order_line(d, self.lang)), before=2)
        word.labelled(w["period"], period_line(d), before=2)
        if d.goals.strip():
            lines = [line for line in d.goals.split("\n") if line.strip()]
            word.labelled(w["goals"], lines[0], before=2)
            word.texts("\n".join(lines[1:]), indent=False)
        else:
            word.labelled(w["goals"], BLANK * 2, before=2)
        word.space(8)

    def plan_table(self) -> None:
        w = self.w
        head = [w["no"], w["activity"], w["date"], w["form"], w["mark"]]
        rows = [
            [
                str(a.number),
                a.activity,
                plain(when_cell(a)),
                a.completion_form.strip(),
                plain(mark_cell(a, self.lang)),
            ]
            for a in self.data.activities
        ]
        empty = not rows
        table = self.word.grid([head], rows or [[""] * 5 for _ in range(5)], PLAN_WIDTHS, {0, 2})
        if empty:  # room to write by hand
            for row in table.rows[1:]:
                row_height(row, 9)

    def signatures(self) -> None:
        d, w = self.data, self.w
        people = [
            (label.rstrip(":"), person.sign_name)
            for label, person in ((w["mentor"], d.mentor), (self.m["label"], d.mentee))
        ]
        self.word.signatures(people, w["signature"], SIGNATURE_WIDTHS)


def build_plan(data: MentoringDocData, lang: str) -> bytes:
    """The mentor's plan as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    doc = _Mentoring(data, lang)
    doc.approval()
    doc.heading(doc.m["title"], doc.w["year"].format(year=data.year_name))
    doc.pair()
    doc.plan_table()
    doc.signatures()
    return doc.word.save(document_title(data, lang), data.year_name)


class _Report(_Mentoring):
    def entry_topic(self, e: PrintedEntry) -> str:
        """The topic, the lesson visited and the observation sheet, a line each."""
        lines = [e.topic.strip()]
        if e.lesson is not None:
            lesson = e.lesson
            lines.append(
                mentioned_lesson_line(lesson, self.lang)
            )
        if e.sheet_total is not None:
            lines.append(
                WORDS[self.lang]["sheet"].format(
                    observer=e.sheet_observer, total=e.sheet_total, max=e.sheet_max or 0
                )
            )
        return "\n".join(line for line in lines if line)

    def log(self) -> None:
        w, d, word = WORDS[self.lang], self.data, self.word
        word.heading(w["log"])
        if not d.entries:
            word.paragraph(w["no_log"])
            return
        # a word the PDF's narrow column breaks with a hyphen ('Длитель-ность') may break there in Word too
        keys = ("no", "date", "kind", "topic", "minutes", "notes")
        style = styles().cell_head
        head = [soft_hyphens(w[k], width, style, self.lang) for k, width in zip(keys, LOG_WIDTHS, strict=True)]
        rows = [
            [
                str(number),
                short_date(e.date),
                kind_text(e.kind, d.mentee_kind, self.lang),
                self.entry_topic(e),
                str(e.minutes) if e.minutes else "",
                e.notes,
            ]
            for number, e in enumerate(d.entries, start=1)
        ]
        word.grid([head], rows, LOG_WIDTHS, {0, 1, 4})
        total = w["total"].format(
            count=meetings_count(len(d.entries), self.lang), duration=duration(d.total_minutes, self.lang)
        )
        word.paragraph(total, before=4)

    def written(self, heading: str, value: str) -> None:
        """A section of free text, or lines to write it by hand."""
        self.word.heading(heading)
        if value.strip():
            self.word.texts(value)
        else:
            self.word.write_lines(5)

    def build(self) -> bytes:
        d, w = self.data, WORDS[self.lang]
        title = w.get(f"title_{d.mentee_kind}", w["title_young_specialist"])
        self.heading(title, w["year"].format(year=d.year_name))
        self.pair()
        self.word.heading(w["plan"])
        self.plan_table()
        if d.activities:
            done = sum(a.done_on is not None for a in d.activities)
            self.word.paragraph(w["plan_done"].format(done=done, total=len(d.activities)), before=4)
        self.log()
        gen = self.m["gen"]
        mentee = gen[:1].upper() + gen[1:] if self.lang == "kk" else gen
        self.written(w["summary"].format(mentee=mentee), d.summary)
        self.written(w["conclusion"], d.conclusion)
        self.signatures()
        return self.word.save(
            w["report_title"].format(mentee=d.mentee.short_name, year=d.year_name), d.year_name
        )


def build_report(data: MentoringDocData, lang: str) -> bytes:
    """The year's report as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    return _Report(data, lang).build()
