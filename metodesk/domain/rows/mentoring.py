"""The plain rows the mentoring documents are built from (the mentor's plan
and the year's report): the organisation and its head, the pair, the plan
with its marks, the log with the lessons and sheets it names, the summary
and the conclusion. ``services.mentoring_print`` fills them; the reports
``mentoring_plan``, ``mentoring_report`` and ``mentoring_docx`` draw them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PrintedTeacher:
    full_name: str
    short_name: str  # 'Тегі А.Ә.'
    sign_name: str  # 'А.Ә. Тегі'
    position: str  # Position code
    category: str  # Category code
    subjects_kk: tuple[str, ...]
    subjects_ru: tuple[str, ...]
    teaching_since: dt.date | None

    def subjects(self, lang: str) -> tuple[str, ...]:
        return self.subjects_ru if lang == "ru" else self.subjects_kk


@dataclass(frozen=True)
class PrintedActivity:
    number: int
    activity: str
    due_date: dt.date | None
    when_text: str
    completion_form: str
    done_on: dt.date | None
    mark_note: str


@dataclass(frozen=True)
class PrintedLesson:
    kind: str
    topic: str
    subject_kk: str
    subject_ru: str
    grade: int | None
    class_letter: str
    group_name: str
    date: dt.date
    teacher: str  # 'Тегі А.Ә.'


@dataclass(frozen=True)
class PrintedEntry:
    date: dt.date
    kind: str  # MentoringKind code
    topic: str
    minutes: int | None
    notes: str
    lesson: PrintedLesson | None = None
    sheet_observer: str = ""
    sheet_total: int | None = None
    sheet_max: int | None = None


@dataclass(frozen=True)
class MentoringDocData:
    organisation_kk: str
    organisation_ru: str
    organisation_kind: str
    head_name: str
    head_title: str
    year_name: str
    mentor: PrintedTeacher
    mentee: PrintedTeacher
    mentee_kind: str
    order_number: str
    order_date: dt.date | None
    goals: str
    start_date: dt.date | None
    end_date: dt.date | None
    activities: tuple[PrintedActivity, ...]
    entries: tuple[PrintedEntry, ...]
    summary: str
    conclusion: str

    def organisation(self, lang: str) -> str:
        if lang == "ru":
            return self.organisation_ru or self.organisation_kk
        return self.organisation_kk or self.organisation_ru

    @property
    def total_minutes(self) -> int:
        return sum(e.minutes or 0 for e in self.entries)
