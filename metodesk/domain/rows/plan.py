"""Everything a printed annual plan needs, as plain frozen rows: the plan
with its activities, and the schedules that live in other tabs and appear in
the plan without retyping (the association's meetings with their agenda, the
open lessons, mentoring pairs and attestations of the year).

``services.plan_rows`` and ``services.plan_schedules`` fill them; the plan
tab shows the schedules in the window's language, ``reports.plan_pdf`` and
``plan_docx`` print them in the document's. Codes, not words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduledLesson:
    id: int
    date: dt.date
    teacher: str  # 'Тегі А.Ә.'
    class_name: str  # '6 Ә', '11', or a preschool group
    subject_kk: str
    subject_ru: str
    topic: str
    kind: str  # LessonKind code
    status: str  # LessonStatus code


@dataclass(frozen=True)
class ScheduledPair:
    id: int
    mentor: str  # 'Тегі А.Ә.'
    mentee: str
    mentee_kind: str  # MenteeKind code
    start_date: dt.date | None
    end_date: dt.date | None


@dataclass(frozen=True)
class ScheduledAttestation:
    teacher_id: int
    teacher: str  # 'Тегі А.Ә.'
    category: str  # the category held now (Category code)
    year_start: int  # the attestation year it falls in (2025 for 2025-2026)
    window: str  # 'aug_dec', 'jan_may' or '' when not known
    target: str  # the category applied for ('' while no case is open)
    overdue: bool


@dataclass(frozen=True)
class PlanSchedules:
    lessons: tuple[ScheduledLesson, ...] = ()
    pairs: tuple[ScheduledPair, ...] = ()
    attestations: tuple[ScheduledAttestation, ...] = ()


@dataclass(frozen=True)
class PrintedActivity:
    number: int
    content: str
    form: str  # WorkForm code, or "" with form_text
    form_text: str
    direction: str
    start_date: dt.date | None
    end_date: dt.date | None
    months: tuple[int, ...]
    responsible: tuple[str, ...]  # 'Тегі А.Ә.'
    responsible_text: str
    expected: str
    status: str  # effective: 'done' when the tied meeting was held
    status_note: str = ""
    carried_over: bool = False
    meeting_number: int | None = None
    lesson_date: dt.date | None = None  # the held open lesson that fulfilled it
    lesson_kind: str = ""
    mentoring_date: dt.date | None = None  # the mentoring entry that fulfilled it


@dataclass(frozen=True)
class ScheduledTopic:
    kind: str  # 'regular', or 'review' (an empty title prints the usual wording)
    title: str


@dataclass(frozen=True)
class ScheduledMeeting:
    id: int
    number: int
    date: dt.date
    held: bool
    topics: tuple[ScheduledTopic, ...]


@dataclass(frozen=True)
class PlanData:
    """One plan, ready to print in either language."""

    organisation_kk: str
    organisation_ru: str
    organisation_kind: str
    association_kk: str
    association_ru: str
    association_kind: str
    year_name: str
    status: str
    analysis: str
    theme: str
    goal: str
    tasks: tuple[str, ...]
    activities: tuple[PrintedActivity, ...]
    meetings: tuple[ScheduledMeeting, ...] = ()
    lessons: tuple[ScheduledLesson, ...] = ()
    pairs: tuple[ScheduledPair, ...] = ()
    attestations: tuple[ScheduledAttestation, ...] = ()
    attestation_year: int = 0  # the first calendar year of the plan's attestation year
    review_number: int | None = None
    review_date: dt.date | None = None
    agreed_name: str = ""
    agreed_title: str = ""
    agreed_on: dt.date | None = None
    approved_name: str = ""
    approved_title: str = ""
    approved_on: dt.date | None = None
    head_name: str = ""  # the organisation's, for the approval block of a plan not yet approved
    head_title: str = ""
    deputy_name: str = ""
    leader: str = ""  # 'Тегі Аты Әкесінің аты' of the association's leader
    progress: bool = True  # False: printed for approval, without the columns of what was done
    association_level: str = "school"  # "district": approved by the district methodical cabinet

    def organisation(self, lang: str) -> str:
        return (self.organisation_ru or self.organisation_kk) if lang == "ru" else self.organisation_kk

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    def for_approval(self) -> PlanData:
        """The same plan printed for approval: no "Орындалуы / Выполнение" column
        (nor the marks of meetings and lessons held), since nothing is done yet."""
        return dataclasses.replace(self, progress=False)
