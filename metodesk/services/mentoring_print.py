"""The plain rows the mentoring documents are built from (the mentor's plan
and the year's report): the organisation and its head, the pair, the plan
with its marks, the log with the lessons and sheets it names, the summary
and the conclusion. Reports never see a Session; they get this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.i18n import _
from metodesk.services.mentoring import full_name, short_name
from metodesk.services.mentoring_log import list_entries
from metodesk.services.mentoring_plan import list_activities
from metodesk.storage.models import MentoringPair, Organisation, Teacher


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


def sign_name(t: Teacher) -> str:
    initials = "".join(f"{p[0]}." for p in (t.first_name, t.patronymic) if p)
    return f"{initials} {t.surname}".strip()


def _teacher(t: Teacher) -> PrintedTeacher:
    subjects = sorted(t.subjects, key=lambda s: s.id)
    return PrintedTeacher(
        full_name=full_name(t),
        short_name=short_name(t),
        sign_name=sign_name(t),
        position=t.position,
        category=t.category,
        subjects_kk=tuple(s.name_kk for s in subjects),
        subjects_ru=tuple(s.name_ru or s.name_kk for s in subjects),
        teaching_since=t.teaching_since,
    )


def mentoring_data(session: Session, pair_id: int) -> MentoringDocData:
    """Everything both documents print about one pair."""
    from metodesk.domain.errors import NotFound

    pair = session.scalars(
        select(MentoringPair)
        .where(MentoringPair.id == pair_id)
        .options(
            selectinload(MentoringPair.year),
            selectinload(MentoringPair.mentor).selectinload(Teacher.subjects),
            selectinload(MentoringPair.mentee).selectinload(Teacher.subjects),
        )
    ).first()
    if pair is None:
        raise NotFound(_("There is no mentoring pair with id {id}.").format(id=pair_id))
    org = session.scalars(select(Organisation).where(Organisation.is_ours.is_(True))).first()
    if org is None:
        org = pair.mentee.organisation
    activities = tuple(
        PrintedActivity(
            a.number, a.activity, a.due_date, a.when_text, a.completion_form, a.done_on, a.mark_note
        )
        for a in list_activities(session, pair.id)
    )
    entries = []
    for e in list_entries(session, pair.id):
        lesson = (
            PrintedLesson(
                e.lesson.kind,
                e.lesson.topic,
                e.lesson.subject_kk,
                e.lesson.subject_ru,
                e.lesson.grade,
                e.lesson.class_letter,
                e.lesson.group_name,
                e.lesson.date,
                e.lesson.teacher_short,
            )
            if e.lesson is not None
            else None
        )
        entries.append(
            PrintedEntry(
                e.date,
                e.kind,
                e.topic,
                e.minutes,
                e.notes,
                lesson,
                e.sheet.observer if e.sheet else "",
                e.sheet.total if e.sheet else None,
                e.sheet.max_total if e.sheet else None,
            )
        )
    return MentoringDocData(
        organisation_kk=org.name_kk,
        organisation_ru=org.name_ru,
        organisation_kind=org.kind,
        head_name=org.head_name,
        head_title=org.head_title,
        year_name=pair.year.name,
        mentor=_teacher(pair.mentor),
        mentee=_teacher(pair.mentee),
        mentee_kind=pair.mentee_kind,
        order_number=pair.order_number,
        order_date=pair.order_date,
        goals=pair.goals,
        start_date=pair.start_date,
        end_date=pair.end_date,
        activities=activities,
        entries=tuple(entries),
        summary=pair.summary,
        conclusion=pair.conclusion,
    )
