"""Views over many lessons: the filtered list, the year's schedule by month
and by association, one teacher's year (lessons given and observed), the
lessons of a date (for a batch of blank sheets), and the lessons an annual
plan can point to (``lessons_for_association_year``).

Every view returns plain rows in date order (then lesson period)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import LessonKind, LessonStatus
from metodesk.domain.text import initials_name, sort_key
from metodesk.i18n import _
from metodesk.services.common import check_enum, get_or_fail
from metodesk.services.lessons import LessonRow, MoveRow, lesson_query, lesson_row
from metodesk.storage.models import (
    AcademicYear,
    Association,
    Lesson,
    LessonMove,
    Observation,
    Subject,
    Teacher,
)

if TYPE_CHECKING:
    from sqlalchemy import Select
    from typing_extensions import Unpack

_Query = TypeVar("_Query", bound="Select[Unpack[tuple[Any, ...]]]")


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
    organisation_id: int | None = None  # the lessons of this organisation's associations


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


def _order(query: _Query) -> _Query:
    return query.order_by(Lesson.date, Lesson.period.is_(None), Lesson.period, Lesson.id)


# Columns of mixed types, read by position below.
_COLUMNS: tuple[Any, ...] = (
    Lesson.id,
    Lesson.year_id,
    AcademicYear.name,
    Lesson.association_id,
    Association.name_kk,
    Association.name_ru,
    Association.organisation_id,
    Lesson.teacher_id,
    Teacher.surname,
    Teacher.first_name,
    Teacher.patronymic,
    Lesson.subject_id,
    Subject.name_kk,
    Subject.name_ru,
    Lesson.subject_text,
    Lesson.grade,
    Lesson.class_letter,
    Lesson.group_name,
    Lesson.date,
    Lesson.period,
    Lesson.topic,
    Lesson.objectives,
    Lesson.kind,
    Lesson.status,
    Lesson.note,
    Lesson.version,
)


def _light_rows(session: Session, where: list) -> list[LessonRow]:  # type: ignore[type-arg]
    """The lessons matching ``where`` (conditions on Lesson's own columns) as
    rows equal to ``lesson_row``'s, in date and period order, from three plain
    queries (lessons with their names, moves, sheet counts) instead of an ORM
    graph: a district year has 1,200 lessons."""
    query = (
        select(*_COLUMNS)
        .join(AcademicYear, AcademicYear.id == Lesson.year_id)
        .join(Association, Association.id == Lesson.association_id)
        .join(Teacher, Teacher.id == Lesson.teacher_id)
        .outerjoin(Subject, Subject.id == Lesson.subject_id)
        .where(*where)
    )
    records = session.execute(_order(query)).all()
    if not records:
        return []
    moves: dict[int, list[MoveRow]] = {}
    moved = (
        select(
            LessonMove.lesson_id,
            LessonMove.from_date,
            LessonMove.from_period,
            LessonMove.to_date,
            LessonMove.to_period,
            LessonMove.reason,
        )
        .join(Lesson, Lesson.id == LessonMove.lesson_id)
        .where(*where)
        .order_by(LessonMove.id)
    )
    for lesson_id, from_date, from_period, to_date, to_period, reason in session.execute(moved):
        moves.setdefault(lesson_id, []).append(MoveRow(from_date, from_period, to_date, to_period, reason))
    sheets = (
        select(Observation.lesson_id, func.count())
        .join(Lesson, Lesson.id == Observation.lesson_id)
        .where(*where)
        .group_by(Observation.lesson_id)
    )
    counts: dict[int, int] = dict(session.execute(sheets).all())
    rows = []
    for r in records:
        (lesson_id, year_id, year_name, assoc_id, assoc_kk, assoc_ru, org_id, teacher_id) = r[:8]
        surname, first_name, patronymic, subject_id, subject_kk, subject_ru, subject_text = r[8:15]
        rows.append(
            LessonRow(
                id=lesson_id,
                year_id=year_id,
                year_name=year_name,
                association_id=assoc_id,
                association_kk=assoc_kk,
                association_ru=assoc_ru,
                organisation_id=org_id,
                teacher_id=teacher_id,
                teacher_name=" ".join(p for p in (surname, first_name, patronymic) if p),
                teacher_short=initials_name(surname, first_name, patronymic),
                subject_id=subject_id,
                subject_kk=subject_kk if subject_kk is not None else subject_text,
                subject_ru=subject_ru if subject_ru is not None else subject_text,
                grade=r[15],
                class_letter=r[16],
                group_name=r[17],
                date=r[18],
                period=r[19],
                topic=r[20],
                objectives=r[21],
                kind=r[22],
                status=r[23],
                note=r[24],
                moves=tuple(moves.get(lesson_id, ())),
                observation_count=counts.get(lesson_id, 0),
                version=r[25],
            )
        )
    return rows


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
    where = []
    if flt.year_id is not None:
        where.append(Lesson.year_id == flt.year_id)
    if flt.association_id is not None:
        where.append(Lesson.association_id == flt.association_id)
    if flt.teacher_id is not None:
        where.append(Lesson.teacher_id == flt.teacher_id)
    if flt.subject_id is not None:
        where.append(Lesson.subject_id == flt.subject_id)
    if flt.kind:
        check_enum(flt.kind, LessonKind, "kind")
        where.append(Lesson.kind == flt.kind)
    if flt.status == UPCOMING:
        where.append(Lesson.status.in_([LessonStatus.PLANNED.value, LessonStatus.MOVED.value]))
    elif flt.status:
        check_enum(flt.status, LessonStatus, "status")
        where.append(Lesson.status == flt.status)
    if flt.month is not None:
        where.append(extract("month", Lesson.date) == flt.month)
    if flt.date is not None:
        where.append(Lesson.date == flt.date)
    if flt.organisation_id is not None:  # in SQL: a district year has 1,200 lessons of 150 schools
        where.append(
            Lesson.association_id.in_(
                select(Association.id).where(Association.organisation_id == flt.organisation_id)
            )
        )
    return _light_rows(session, where)


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
    query = query.where(Observation.observer_teacher_id == teacher_id)
    if year_id is not None:
        query = query.where(Lesson.year_id == year_id)
    with_sheet = query.add_columns(Observation.id)
    observed = [
        ObservedLesson(lesson_row(lesson), observation_id)
        for lesson, observation_id in session.execute(_order(with_sheet).order_by(Observation.id))
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
