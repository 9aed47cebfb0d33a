"""What a teacher brings to attestation (docs/domain/order-253.md, 'What a methodist tracks'): professional-
development courses, open lessons given, lessons observed (sheets filled on
colleagues' lessons), reports at association meetings (agenda items heard
with the teacher as speaker), methodical events spoken at or organised,
generalised experience and pupils' prize places at olympiads, all over the
last three years; and the checklist the tab shows beside the case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.attestation import CaseDecision, PortfolioStatus, add_years
from metodesk.domain.errors import DomainError
from metodesk.domain.growth import ContestResult, EventRole, EventRow, ExperienceRow, OlympiadRow
from metodesk.domain.lesson_enums import LessonStatus
from metodesk.domain.text import initials_name
from metodesk.i18n import _
from metodesk.services.attestation import teacher_record
from metodesk.services.attestation_cases import CaseRow
from metodesk.services.common import MAX_TITLE, get_or_fail, limited, reasonable_date, required
from metodesk.storage.models import AgendaItem, Course, Lesson, Meeting, Observation

EVIDENCE_YEARS = 3
MAX_HOURS = 1000


@dataclass(frozen=True)
class CourseRow:
    id: int
    teacher_id: int
    title: str
    provider: str
    start_date: dt.date
    end_date: dt.date
    hours: int
    certificate_number: str


@dataclass
class CourseInput:
    teacher_id: int | None = None
    title: str = ""
    provider: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    hours: int | None = None
    certificate_number: str = ""


@dataclass(frozen=True)
class LessonItem:
    lesson_id: int
    date: dt.date
    topic: str
    kind: str
    teacher: str = ""  # for a lesson observed: whose it was


@dataclass(frozen=True)
class ReportItem:
    meeting_id: int
    date: dt.date
    number: int
    association_kk: str
    association_ru: str
    title: str

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk


@dataclass(frozen=True)
class Evidence:
    teacher_id: int
    since: dt.date
    courses: tuple[CourseRow, ...]
    lessons_given: tuple[LessonItem, ...]
    lessons_observed: tuple[LessonItem, ...]
    reports: tuple[ReportItem, ...]
    events: tuple[EventRow, ...] = ()  # spoken at or organised
    experience: tuple[ExperienceRow, ...] = ()
    olympiads: tuple[OlympiadRow, ...] = ()  # pupils' prize places

    @property
    def course_hours(self) -> int:
        return sum(c.hours for c in self.courses)


@dataclass(frozen=True)
class CheckItem:
    """One line of the checklist: ``code`` names it, ``count`` says how many
    (or the score), ``done`` whether it is met."""

    code: str
    done: bool
    count: int | None = None


def _course_row(c: Course) -> CourseRow:
    return CourseRow(
        c.id, c.teacher_id, c.title, c.provider, c.start_date, c.end_date, c.hours, c.certificate_number
    )


def list_courses(session: Session, teacher_id: int, since: dt.date | None = None) -> list[CourseRow]:
    """The teacher's courses, the latest first; only those ending on or after ``since`` when given."""
    query = select(Course).where(Course.teacher_id == teacher_id)
    if since is not None:
        query = query.where(Course.end_date >= since)
    return [_course_row(c) for c in session.scalars(query.order_by(Course.end_date.desc(), Course.id.desc()))]


def save_course(session: Session, data: CourseInput, course_id: int | None = None) -> int:
    """Add or change a course; every field is checked before anything is written."""
    teacher = teacher_record(session, data.teacher_id)
    title = required(data.title, "title", _("Enter the title of the course."), MAX_TITLE)
    provider = limited(data.provider, "provider", MAX_TITLE)
    if data.start_date is None:
        raise DomainError(_("Enter the date the course began."), field="start_date")
    if data.end_date is None:
        raise DomainError(_("Enter the date the course ended."), field="end_date")
    reasonable_date(data.start_date, "start_date")
    reasonable_date(data.end_date, "end_date")
    if data.end_date < data.start_date:
        raise DomainError(_("A course cannot end before it begins."), field="end_date")
    if data.hours is None or not 1 <= data.hours <= MAX_HOURS:
        raise DomainError(
            _("Enter the hours: a whole number from 1 to {limit}.").format(limit=MAX_HOURS), field="hours"
        )
    certificate = limited(data.certificate_number, "certificate_number", 100)
    course = get_or_fail(session, Course, course_id, _("The course was not found.")) if course_id else None
    if course is None:
        course = Course(teacher_id=teacher.id)
        session.add(course)
    elif course.teacher_id != teacher.id:
        raise DomainError(_("A course cannot move to another teacher."), field="teacher_id")
    course.title, course.provider, course.hours = title, provider, data.hours
    course.start_date, course.end_date, course.certificate_number = (
        data.start_date,
        data.end_date,
        certificate,
    )
    session.flush()
    return course.id


def delete_course(session: Session, course_id: int) -> None:
    course = get_or_fail(session, Course, course_id, _("The course was not found."))
    session.delete(course)
    session.flush()


def evidence(session: Session, teacher_id: int, today: dt.date) -> Evidence:
    """Courses, lessons given and observed, and reports of the last three years."""
    teacher_record(session, teacher_id)
    since = add_years(today, -EVIDENCE_YEARS)
    given = session.scalars(
        select(Lesson)
        .where(
            Lesson.teacher_id == teacher_id,
            Lesson.status == LessonStatus.HELD.value,
            Lesson.date >= since,
            Lesson.date <= today,
        )
        .order_by(Lesson.date.desc())
    )
    observed = session.scalars(
        select(Observation)
        .join(Lesson, Observation.lesson_id == Lesson.id)
        .where(Observation.observer_teacher_id == teacher_id, Lesson.date >= since, Lesson.date <= today)
        .options(selectinload(Observation.lesson).selectinload(Lesson.teacher))
        .order_by(Lesson.date.desc())
    )
    reports = session.scalars(
        select(AgendaItem)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.speaker_teacher_id == teacher_id, Meeting.date >= since, Meeting.date <= today)
        .options(selectinload(AgendaItem.meeting).selectinload(Meeting.association))
        .order_by(Meeting.date.desc(), AgendaItem.position)
    )
    from metodesk.services import growth, growth_events

    events = tuple(
        e
        for e in growth_events.list_events(session, teacher_id=teacher_id)
        if since <= e.start_date <= today
        and any(
            p.teacher_id == teacher_id and p.role in (EventRole.SPEAKER.value, EventRole.ORGANISER.value)
            for p in e.participants
        )
    )
    experience = tuple(
        x
        for x in growth.list_experience(session, teacher_id=teacher_id)
        if x.approved_on is None or since <= x.approved_on <= today
    )
    prizes = tuple(
        r
        for r in growth_events.list_olympiads(session, teacher_id=teacher_id)
        if (r.date is None or since <= r.date <= today)
        and (ContestResult.known(r.result) or ContestResult.PARTICIPANT).is_prize
    )
    return Evidence(
        teacher_id=teacher_id,
        since=since,
        events=events,
        experience=experience,
        olympiads=prizes,
        courses=tuple(list_courses(session, teacher_id, since)),
        lessons_given=tuple(LessonItem(x.id, x.date, x.topic, x.kind) for x in given),
        lessons_observed=tuple(
            LessonItem(
                o.lesson.id,
                o.lesson.date,
                o.lesson.topic,
                o.lesson.kind,
                initials_name(
                    o.lesson.teacher.surname, o.lesson.teacher.first_name, o.lesson.teacher.patronymic
                ),
            )
            for o in observed
        ),
        reports=tuple(
            ReportItem(
                i.meeting.id,
                i.meeting.date,
                i.meeting.number,
                i.meeting.association.name_kk,
                i.meeting.association.name_ru,
                i.title,
            )
            for i in reports
        ),
    )


def checklist(found: Evidence, case: CaseRow | None) -> list[CheckItem]:
    """The evidence lines, then, when there is a case, its stages."""
    items = [
        CheckItem("courses", bool(found.courses), found.course_hours),
        CheckItem("lessons_given", bool(found.lessons_given), len(found.lessons_given)),
        CheckItem("lessons_observed", bool(found.lessons_observed), len(found.lessons_observed)),
        CheckItem("reports", bool(found.reports), len(found.reports)),
        CheckItem("events", bool(found.events), len(found.events)),
        CheckItem("experience", bool(found.experience), len(found.experience)),
        CheckItem("olympiads", bool(found.olympiads), len(found.olympiads)),
    ]
    if case is not None:
        items += [
            CheckItem("application", case.application_date is not None),
            CheckItem("test", case.test_passed is True, case.test_score),
            CheckItem("observations", bool(case.observations), len(case.observations)),
            CheckItem("portfolio", case.portfolio_status == PortfolioStatus.ACCEPTED.value),
            CheckItem("decision", case.decision == CaseDecision.AWARDED.value),
        ]
    return items
