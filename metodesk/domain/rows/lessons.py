"""Everything an observation sheet or the open-lessons schedule prints, as
plain frozen rows, and the criterion with its score the sheets keep.

``services.lesson_print`` fills them; ``reports.observation_sheet``,
``observation_docx``, ``lessons_schedule`` and ``lessons_docx`` draw them.
Rows hold both languages of fixed names; the report picks one. A blank sheet
is the same row with no scores and empty observer fields (``filled`` False).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ScoreRow:
    """A criterion as the sheet keeps it, with its score (None: not scored)."""

    position: int
    text_kk: str
    text_ru: str
    score: int | None = None

    def text(self, lang: str) -> str:
        first, other = (self.text_ru, self.text_kk) if lang == "ru" else (self.text_kk, self.text_ru)
        return first or other


@dataclass(frozen=True)
class SheetLesson:
    """The lesson part of a sheet's header (None on a wholly blank form)."""

    teacher_name: str
    teacher_sign: str
    subject_kk: str
    subject_ru: str
    grade: int | None
    class_letter: str
    group_name: str
    date: dt.date
    period: int | None
    topic: str
    objectives: str
    kind: str

    def subject(self, lang: str) -> str:
        return (self.subject_ru or self.subject_kk) if lang == "ru" else (self.subject_kk or self.subject_ru)


@dataclass(frozen=True)
class SheetData:
    """One observation sheet, filled or blank, ready to print in either language."""

    filled: bool
    organisation_kk: str
    organisation_ru: str
    association_kk: str
    association_ru: str
    lesson: SheetLesson | None
    purpose: str
    observer_name: str
    observer_sign: str
    observer_position: str
    observer_position_code: str
    set_name_kk: str
    set_name_ru: str
    scale_min: int
    scale_max: int
    legend_kk: str
    legend_ru: str
    criteria: tuple[ScoreRow, ...]
    strengths: str = ""
    recommendations: str = ""
    conclusion: str = ""
    acknowledged: bool = False
    acknowledged_on: dt.date | None = None

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk

    def legend(self, lang: str) -> str:
        return (self.legend_ru or self.legend_kk) if lang == "ru" else (self.legend_kk or self.legend_ru)

    @property
    def total(self) -> int:
        return sum(c.score for c in self.criteria if c.score is not None)

    @property
    def max_total(self) -> int:
        return self.scale_max * len(self.criteria)


@dataclass(frozen=True)
class ScheduleRow:
    date: dt.date
    period: int | None
    teacher_name: str
    teacher_short: str
    subject_kk: str
    subject_ru: str
    grade: int | None
    class_letter: str
    group_name: str
    topic: str
    kind: str
    status: str
    original_date: dt.date | None
    association_kk: str
    association_ru: str

    def subject(self, lang: str) -> str:
        return (self.subject_ru or self.subject_kk) if lang == "ru" else (self.subject_kk or self.subject_ru)

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk


@dataclass(frozen=True)
class ScheduleData:
    """The open-lessons schedule of a year: one association's, or the whole
    school's (``association_kk`` empty, a column names each row's association)."""

    organisation_kk: str
    organisation_ru: str
    association_kk: str
    association_ru: str
    year_name: str
    signer_title_code: str  # "leader" or "deputy"
    signer_sign: str
    rows: tuple[ScheduleRow, ...]
    # who approves it (БЕКІТЕМІН / УТВЕРЖДАЮ): the organisation's head, or for a
    # district association the district methodical cabinet's ("cabinet", no name known)
    approver: str = "head"
    head_name: str = ""
    head_title: str = ""
    organisation_kind: str = "school"

    @property
    def whole_school(self) -> bool:
        return not self.association_kk

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk
