"""Views over many lessons: the filtered list, the year's schedule by month
and by association, one teacher's year (lessons given and observed), the
lessons of a date (for a batch of blank sheets), and the lessons an annual
plan can point to (``lessons_for_association_year``).

Every view returns plain rows in date order (then lesson period)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import LessonKind, LessonStatus
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.services.common import check_enum, get_or_fail
from metodesk.services.lessons import LessonRow, lesson_query, lesson_row
from metodesk.storage.models import Association, Lesson, Observation, Teacher


@dataclass(frozen=True)
class LessonFilter:
    """What the list shows; None means any. ``status`` may also be "upcoming"
    (planned or moved)."""

    year_id: int | None = None
    association_id: int | None = None
    teacher_id: int | None = None
    subject_id: int | None = None
    kind: str | None = None
    status: str | None = None
    month: int | None = None
    date: dt.date | None = None


UPCOMING = "upcoming"


@dataclass(frozen=True)
class MonthGroup:
    year: int
    month: int
    lessons: tuple[LessonRow, ...]


@dataclass(frozen=True)
class AssociationGroup:
    association_id: int
    name_kk: str
    name_ru: str
    lessons: tuple[LessonRow, ...]

    def name(self, lang: str) -> str:
        return (self.name_ru or self.name_kk) if lang == "ru" else self.name_kk


@dataclass(frozen=True)
class ObservedLesson:
    """A lesson a teacher observed, with the sheet they filled."""

    lesson: LessonRow
    observation_id: int


@dataclass(frozen=True)
class TeacherYear:
    teacher_id: int
    given: tuple[LessonRow, ...]
    observed: tuple[ObservedLesson, ...]


def _order(query):  # type: ignore[no-untyped-def]
    return query.order_by(Lesson.date, Lesson.period.is_(None), Lesson.period, Lesson.id)


def list_lessons(session: Session, flt: LessonFilter | None = None) -> list[LessonRow]:
    """Lessons matching every given filter, in date and period order."""
    flt = flt or LessonFilter()
    if flt.teacher_id is not None:
        get_or_fail(
            session, Teacher, flt.teacher_id, _("There is no teacher with id {id}.").format(id=flt.teacher_id)
        )
    if flt.association_id is not None:
        get_or_fail(
            session,
            Association,
            flt.association_id,
            _("There is no association with id {id}.").format(id=flt.association_id),
        )
    query = lesson_query()
    if flt.year_id is not None:
        query = query.where(Lesson.year_id == flt.year_id)
    if flt.association_id is not None:
        query = query.where(Lesson.association_id == flt.association_id)
    if flt.teacher_id is not None:
        query = query.where(Lesson.teacher_id == flt.teacher_id)
    if flt.subject_id is not None:
        query = query.where(Lesson.subject_id == flt.subject_id)
    if flt.kind:
        check_enum(flt.kind, LessonKind, "kind")
        query = query.where(Lesson.kind == flt.kind)
    if flt.status == UPCOMING:
        query = query.where(Lesson.status.in_([LessonStatus.PLANNED.value, LessonStatus.MOVED.value]))
    elif flt.status:
        check_enum(flt.status, LessonStatus, "status")
        query = query.where(Lesson.status == flt.status)
    if flt.month is not None:
        query = query.where(extract("month", Lesson.date) == flt.month)
    if flt.date is not None:
        query = query.where(Lesson.date == flt.date)
    return [lesson_row(lesson) for lesson in session.scalars(_order(query))]


def schedule_by_month(session: Session, year_id: int, flt: LessonFilter | None = None) -> list[MonthGroup]:
    """The year's lessons grouped by calendar month, September first."""
    base = flt or LessonFilter()
    rows = list_lessons(session, replace(base, year_id=year_id))
    groups: dict[tuple[int, int], list[LessonRow]] = {}
    for row in rows:
        groups.setdefault((row.date.year, row.date.month), []).append(row)
    return [MonthGroup(y, m, tuple(lessons)) for (y, m), lessons in sorted(groups.items())]


def schedule_by_association(
    session: Session, year_id: int, flt: LessonFilter | None = None, lang: str = "kk"
) -> list[AssociationGroup]:
    """The year's lessons grouped by association, associations in the
    alphabetical order of ``lang`` (opening quotes aside)."""
    base = flt or LessonFilter()
    rows = list_lessons(session, replace(base, year_id=year_id))
    groups: dict[int, list[LessonRow]] = {}
    for row in rows:
        groups.setdefault(row.association_id, []).append(row)
    result = [
        AssociationGroup(aid, lessons[0].association_kk, lessons[0].association_ru, tuple(lessons))
        for aid, lessons in groups.items()
    ]
    # «Қазақ тілі» пәні … files under Қ, not before every letter
    return sorted(result, key=lambda g: sort_key(g.name(lang).lstrip("«\"'„“ "), lang))


def teacher_year(session: Session, teacher_id: int, year_id: int | None = None) -> TeacherYear:
    """The lessons a teacher gave and the lessons they observed (in a year,
    or in every year when ``year_id`` is None)."""
    get_or_fail(session, Teacher, teacher_id, _("There is no teacher with id {id}.").format(id=teacher_id))
    given = list_lessons(session, LessonFilter(year_id=year_id, teacher_id=teacher_id))
    query = lesson_query().join(Observation, Observation.lesson_id == Lesson.id)
    query = query.where(Observation.observer_teacher_id == teacher_id).add_columns(Observation.id)
    if year_id is not None:
        query = query.where(Lesson.year_id == year_id)
    observed = [
        ObservedLesson(lesson_row(lesson), observation_id)
        for lesson, observation_id in session.execute(_order(query).order_by(Observation.id))
    ]
    return TeacherYear(teacher_id, tuple(given), tuple(observed))


def lessons_for_association_year(
    session: Session, association_id: int, year_id: int | None = None
) -> list[LessonRow]:
    """An association's lessons of a year (its own year by default), for the
    annual plan's "fulfilled by" choice and its open-lessons schedule."""
    assoc = get_or_fail(
        session,
        Association,
        association_id,
        _("There is no association with id {id}.").format(id=association_id),
    )
    return list_lessons(
        session,
        LessonFilter(year_id=year_id if year_id is not None else assoc.year_id, association_id=assoc.id),
    )


def lessons_on_date(
    session: Session, day: dt.date, association_id: int | None = None, include_cancelled: bool = False
) -> list[LessonRow]:
    """The lessons of one day (a batch of blank sheets for the observers)."""
    rows = list_lessons(session, LessonFilter(date=day, association_id=association_id))
    return [r for r in rows if include_cancelled or r.status != LessonStatus.CANCELLED.value]


def year_months(year_start: dt.date, year_end: dt.date) -> list[tuple[int, int]]:
    """(year, month) from the first month of the year's window to the last,
    for a month filter on screen."""
    if year_end < year_start:
        raise DomainError(_("The year ends before it starts."))
    months, y, m = [], year_start.year, year_start.month
    while (y, m) <= (year_end.year, year_end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def teacher_ids_with_lessons(session: Session, year_id: int) -> list[int]:
    """Teachers who give a lesson in the year (a teacher filter's choices)."""
    return list(session.scalars(select(Lesson.teacher_id).where(Lesson.year_id == year_id).distinct()))
