"""Open lessons and mutual visits (docs/domain/order-253.md, 'Open lessons'; Order No. 253 items
10.4, 11.6): who teaches what to which class, when, on what topic, and how
the lesson stands (planned, held, cancelled, moved).

A lesson belongs to an association and so to its academic year; its date lies
inside the year's own days (``academic_year.lesson_window``). Moving a
lesson keeps every earlier date in its moves. Views over many lessons are in
``lesson_views``; observation sheets in ``observations``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain import academic_year
from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.lesson_enums import LAST_GRADE, LessonKind, LessonStatus, grade_ok, period_ok
from metodesk.domain.text import clean, clean_multiline, initials_name
from metodesk.i18n import _
from metodesk.services.common import check_enum, get_or_fail, limited
from metodesk.storage.models import Association, Lesson, LessonMove, Subject, Teacher
from metodesk.storage.versions import expect_version

MAX_TOPIC = 1000
MAX_OBJECTIVES = 5000
MAX_NOTE = 500
MAX_LETTER = 8
MAX_GROUP = 100


@dataclass(frozen=True)
class MoveRow:
    from_date: dt.date
    from_period: int | None
    to_date: dt.date
    to_period: int | None
    reason: str


@dataclass(frozen=True)
class LessonRow:
    """A lesson as lists, the schedule and the sheets show it."""

    id: int
    year_id: int
    year_name: str
    association_id: int
    association_kk: str
    association_ru: str
    organisation_id: int
    teacher_id: int
    teacher_name: str  # full name
    teacher_short: str  # 'Тегі А.Ә.'
    subject_id: int | None
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
    status: str
    note: str
    moves: tuple[MoveRow, ...]
    observation_count: int
    version: int = 0  # the record's version as read: an edit's save names it (issue 20)

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk

    def subject(self, lang: str) -> str:
        return (self.subject_ru or self.subject_kk) if lang == "ru" else (self.subject_kk or self.subject_ru)

    @property
    def class_name(self) -> str:
        """'6 Ә', '11', or the preschool group's name."""
        if self.grade is None:
            return self.group_name
        return f"{self.grade} {self.class_letter}".strip()

    @property
    def original_date(self) -> dt.date | None:
        """The first date the lesson was planned for, when it has been moved."""
        return self.moves[0].from_date if self.moves else None

    @property
    def upcoming(self) -> bool:
        status = LessonStatus.known(self.status)
        return status is not None and status.upcoming


@dataclass
class LessonInput:
    """What the lesson form edits. A subject is chosen from the list, or typed
    (``subject_text``) when it is not there; a class is a grade with a letter,
    or a preschool group's name."""

    association_id: int | None = None
    teacher_id: int | None = None
    subject_id: int | None = None
    subject_text: str = ""
    grade: int | None = None
    class_letter: str = ""
    group_name: str = ""
    date: dt.date | None = None
    period: int | None = None
    topic: str = ""
    objectives: str = ""
    kind: str = LessonKind.OPEN_LESSON.value
    note: str = ""


def full_name(t: Teacher) -> str:
    return " ".join(p for p in (t.surname, t.first_name, t.patronymic) if p)


def lesson_row(lesson: Lesson) -> LessonRow:
    subject = lesson.subject
    teacher = lesson.teacher
    return LessonRow(
        id=lesson.id,
        year_id=lesson.year_id,
        year_name=lesson.year.name,
        association_id=lesson.association_id,
        association_kk=lesson.association.name_kk,
        association_ru=lesson.association.name_ru,
        organisation_id=lesson.association.organisation_id,
        teacher_id=lesson.teacher_id,
        teacher_name=full_name(teacher),
        teacher_short=initials_name(teacher.surname, teacher.first_name, teacher.patronymic),
        subject_id=lesson.subject_id,
        subject_kk=subject.name_kk if subject else lesson.subject_text,
        subject_ru=subject.name_ru if subject else lesson.subject_text,
        grade=lesson.grade,
        class_letter=lesson.class_letter,
        group_name=lesson.group_name,
        date=lesson.date,
        period=lesson.period,
        topic=lesson.topic,
        objectives=lesson.objectives,
        kind=lesson.kind,
        status=lesson.status,
        note=lesson.note,
        moves=tuple(
            MoveRow(m.from_date, m.from_period, m.to_date, m.to_period, m.reason)
            for m in sorted(lesson.moves, key=lambda m: m.id)
        ),
        observation_count=len(lesson.observations),
        version=lesson.version,
    )


def lesson_query() -> Select[Lesson]:
    """Lessons with everything a row needs, loaded in a few queries."""
    return select(Lesson).options(
        selectinload(Lesson.year),
        selectinload(Lesson.association),
        selectinload(Lesson.teacher),
        selectinload(Lesson.subject),
        selectinload(Lesson.moves),
        selectinload(Lesson.observations),
    )


def _lesson(session: Session, lesson_id: int) -> Lesson:
    return get_or_fail(session, Lesson, lesson_id, _("There is no lesson with id {id}.").format(id=lesson_id))


def get_lesson(session: Session, lesson_id: int) -> LessonRow:
    found = session.scalars(lesson_query().where(Lesson.id == lesson_id)).first()
    if found is None:
        raise NotFound(_("There is no lesson with id {id}.").format(id=lesson_id))
    return lesson_row(found)


def date_window(assoc: Association) -> tuple[dt.date, dt.date]:
    """The dates a lesson of the association's year may carry: the year's own
    days (a lesson on 13.06.2027, after the last day, is refused)."""
    return academic_year.lesson_window(assoc.year.start_date, assoc.year.end_date)


def _check_date(assoc: Association, value: dt.date | None, field: str = "date") -> dt.date:
    if value is None:
        raise DomainError(_("Enter the date of the lesson."), field=field)
    start, end = date_window(assoc)
    if not start <= value <= end:
        raise DomainError(
            _("A lesson of the year {year} takes place between {start} and {end}.").format(
                year=assoc.year.name, start=start.strftime("%d.%m.%Y"), end=end.strftime("%d.%m.%Y")
            ),
            field=field,
        )
    return value


def _check_period(period: int | None, field: str = "period") -> int | None:
    if not period_ok(period):
        raise DomainError(_("The lesson period is a number from 1 to 8."), field=field)
    return period


def proposed_lesson(session: Session, association_id: int, today: dt.date) -> LessonInput:
    """What a new lesson form starts with: the association's subject, today
    kept inside its year, an open lesson."""
    assoc = get_or_fail(
        session,
        Association,
        association_id,
        _("There is no association with id {id}.").format(id=association_id),
    )
    start, end = date_window(assoc)
    return LessonInput(association_id=assoc.id, subject_id=assoc.subject_id, date=min(max(today, start), end))


def _validate_class(data: LessonInput) -> tuple[int | None, str, str]:
    letter, group = clean(data.class_letter).upper(), clean(data.group_name)
    if data.grade is None and not group:
        raise DomainError(_("Enter the grade (0 to 12) or the preschool group."), field="grade")
    if data.grade is not None and group:
        raise DomainError(_("Enter either a grade or a preschool group, not both."), field="group_name")
    if not grade_ok(data.grade):
        raise DomainError(_("The grade is a number from 0 to {last}.").format(last=LAST_GRADE), field="grade")
    return data.grade, limited(letter, "class_letter", MAX_LETTER), limited(group, "group_name", MAX_GROUP)


def _validate(session: Session, data: LessonInput, lesson: Lesson | None) -> tuple[Association, Teacher]:
    if data.association_id is None:
        raise DomainError(_("Choose the association."), field="association_id")
    assoc = get_or_fail(
        session,
        Association,
        data.association_id,
        _("There is no association with id {id}.").format(id=data.association_id),
    )
    if data.teacher_id is None:
        raise DomainError(_("Choose the teacher who gives the lesson."), field="teacher_id")
    teacher = session.get(Teacher, data.teacher_id)
    if teacher is None:
        raise DomainError(
            _("There is no teacher with id {id}.").format(id=data.teacher_id), field="teacher_id"
        )
    if teacher.archived and (lesson is None or lesson.teacher_id != teacher.id):
        raise DomainError(_("This teacher is archived; choose a current one."), field="teacher_id")
    if data.subject_id is not None and session.get(Subject, data.subject_id) is None:
        raise DomainError(_("Choose a subject from the list."), field="subject_id")
    if data.subject_id is None and not clean(data.subject_text) and assoc.subject_id is None:
        raise DomainError(_("Choose the subject of the lesson or type it."), field="subject_id")
    check_enum(data.kind, LessonKind, "kind")
    return assoc, teacher


def save_lesson(
    session: Session,
    data: LessonInput,
    lesson_id: int | None = None,
    today: dt.date | None = None,
    version: int | None = None,
) -> int:
    """Plan a new lesson or correct one. Correcting the date here is not a
    move (use ``move_lesson`` to keep the old date); a held lesson cannot get
    a date still to come. ``version`` is the one the screen showed: a lesson
    saved by someone else since then is not overwritten (ChangedMeanwhile);
    None checks nothing."""
    lesson = _lesson(session, lesson_id) if lesson_id is not None else None
    if lesson is not None:
        expect_version(lesson, version)
    assoc, teacher = _validate(session, data, lesson)
    grade, letter, group = _validate_class(data)
    day = _check_date(assoc, data.date)
    period = _check_period(data.period)
    topic = clean_multiline(data.topic).replace("\n", " ")
    if not topic:
        raise DomainError(_("Enter the topic of the lesson."), field="topic")
    topic = limited(topic, "topic", MAX_TOPIC)
    objectives = clean_multiline(data.objectives)
    if len(objectives) > MAX_OBJECTIVES:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=MAX_OBJECTIVES),
            field="objectives",
        )
    note = limited(data.note, "note", MAX_NOTE)
    if lesson is None:
        lesson = Lesson(status=LessonStatus.PLANNED.value)
        session.add(lesson)
    elif lesson.status == LessonStatus.HELD.value and day > (today or dt.date.today()):
        raise DomainError(_("A held lesson cannot have a date in the future."), field="date")
    lesson.association_id, lesson.year_id = assoc.id, assoc.year_id
    lesson.teacher_id = teacher.id
    lesson.subject_id = data.subject_id if data.subject_id is not None else None
    lesson.subject_text = "" if data.subject_id is not None else limited(data.subject_text, "subject_text")
    if data.subject_id is None and not lesson.subject_text:
        lesson.subject_id = assoc.subject_id
    lesson.grade, lesson.class_letter, lesson.group_name = grade, letter, group
    lesson.date, lesson.period = day, period
    lesson.topic, lesson.objectives, lesson.kind, lesson.note = topic, objectives, data.kind, note
    session.flush()
    return lesson.id


def set_status(
    session: Session, lesson_id: int, status: str, today: dt.date | None = None, reason: str = ""
) -> None:
    """Mark a lesson held, cancelled, or planned again.

    Held needs its day to have come. A lesson with filled observation sheets
    was held: it can be neither cancelled nor planned again. Planned again
    after a move shows as moved. Moving needs a date: ``move_lesson``."""
    lesson = _lesson(session, lesson_id)
    check_enum(status, LessonStatus, "status")
    today = today or dt.date.today()
    if status == LessonStatus.MOVED.value:
        raise DomainError(_("Give the new date to move the lesson."), field="date")
    if status == LessonStatus.HELD.value and lesson.date > today:
        raise DomainError(_("A lesson in the future cannot be marked as held."), field="status")
    if status != LessonStatus.HELD.value and lesson.observations:
        raise DomainError(
            _("This lesson has filled observation sheets, so it was held; delete them first."),
            field="status",
        )
    if status == LessonStatus.PLANNED.value and lesson.moves:
        status = LessonStatus.MOVED.value
    if status == LessonStatus.CANCELLED.value and clean(reason):
        lesson.note = limited(reason, "reason", MAX_NOTE)
    lesson.status = status
    session.flush()


def cancel_lesson(session: Session, lesson_id: int, reason: str = "") -> None:
    """Cancel a lesson that was not held; the reason goes into its note."""
    set_status(session, lesson_id, LessonStatus.CANCELLED.value, reason=reason)


def move_lesson(
    session: Session,
    lesson_id: int,
    new_date: dt.date | None,
    new_period: int | None = None,
    reason: str = "",
    keep_period: bool = True,
) -> None:
    """Move a lesson that was not held to a new date (and period), keeping the
    old one in its moves; a cancelled lesson moved this way is back on."""
    lesson = _lesson(session, lesson_id)
    if lesson.status == LessonStatus.HELD.value:
        raise DomainError(_("A held lesson cannot be moved; correct its date instead."), field="date")
    day = _check_date(lesson.association, new_date)
    period = lesson.period if keep_period and new_period is None else _check_period(new_period)
    if day == lesson.date and period == lesson.period:
        raise DomainError(_("The new date is the same as the old one."), field="date")
    lesson.moves.append(
        LessonMove(
            from_date=lesson.date,
            from_period=lesson.period,
            to_date=day,
            to_period=period,
            reason=limited(reason, "reason", MAX_NOTE),
        )
    )
    lesson.date, lesson.period = day, period
    lesson.status = LessonStatus.MOVED.value
    session.flush()


def delete_lesson(session: Session, lesson_id: int) -> None:
    """Delete a lesson entered by mistake; one with filled sheets is refused."""
    lesson = _lesson(session, lesson_id)
    if lesson.observations:
        raise DomainError(_("This lesson has filled observation sheets; delete them first."))
    session.delete(lesson)
    session.flush()
