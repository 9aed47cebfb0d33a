"""The log of a mentoring pair's meetings (docs/domain/order-253.md, 'Meeting log': "a meeting log
is what people ask for"): date, kind, topic, length in minutes, notes.

A lesson visit may name the open-lesson record it was (the mentee's lesson
when the mentor visits, the mentor's when the mentee does) and the
observation sheet filled there. The log records what took place: an entry
is never dated after today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import LessonStatus
from metodesk.domain.mentoring_enums import MentoringKind as MentoringKind
from metodesk.domain.text import initials_name
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services.common import check_enum, get_or_fail
from metodesk.services.lessons import LessonRow, lesson_query, lesson_row
from metodesk.services.mentoring import full_name, in_window, long_text, pair_record
from metodesk.services.observations import ObservationRow, list_observations
from metodesk.storage.models import Lesson, MentoringLogEntry, MentoringPair, Observation

MAX_TOPIC = 1000
MAX_MINUTES = 600


@dataclass(frozen=True)
class SheetLink:
    """The observation sheet a visit names, as a line can show it."""

    id: int
    observer: str  # 'Тегі А.Ә.' or the name typed in
    total: int
    max_total: int


@dataclass(frozen=True)
class EntryRow:
    id: int
    pair_id: int
    date: dt.date
    kind: str
    topic: str
    minutes: int | None
    notes: str
    lesson: LessonRow | None
    sheet: SheetLink | None


@dataclass
class EntryInput:
    date: dt.date | None = None
    kind: str = MentoringKind.CONSULTATION.value
    topic: str = ""
    minutes: int | None = None
    notes: str = ""
    lesson_id: int | None = None
    observation_id: int | None = None


def _sheet(o: Observation | None) -> SheetLink | None:
    if o is None:
        return None
    teacher = o.observer_teacher
    observer = (
        initials_name(teacher.surname, teacher.first_name, teacher.patronymic) if teacher else o.observer_name
    )
    scores = [s.score for s in o.scores]
    return SheetLink(o.id, observer, sum(s for s in scores if s is not None), o.scale_max * len(scores))


def list_entries(session: Session, pair_id: int) -> list[EntryRow]:
    """The pair's log, earliest first."""
    pair_record(session, pair_id)
    entries = list(
        session.scalars(
            select(MentoringLogEntry)
            .where(MentoringLogEntry.pair_id == pair_id)
            .options(selectinload(MentoringLogEntry.observation).selectinload(Observation.scores))
            .options(selectinload(MentoringLogEntry.observation).selectinload(Observation.observer_teacher))
            .order_by(MentoringLogEntry.date, MentoringLogEntry.id)
        )
    )
    lesson_ids = {e.lesson_id for e in entries if e.lesson_id is not None}
    lessons = (
        {
            lesson.id: lesson_row(lesson)
            for lesson in session.scalars(lesson_query().where(Lesson.id.in_(lesson_ids)))
        }
        if lesson_ids
        else {}
    )
    return [
        EntryRow(
            id=e.id,
            pair_id=e.pair_id,
            date=e.date,
            kind=e.kind,
            topic=e.topic,
            minutes=e.minutes,
            notes=e.notes,
            lesson=lessons.get(e.lesson_id) if e.lesson_id is not None else None,
            sheet=_sheet(e.observation),
        )
        for e in entries
    ]


def visited_teacher(pair: MentoringPair, kind: str) -> int | None:
    """Whose lesson a visit of ``kind`` is: the mentee's or the mentor's."""
    if kind == MentoringKind.VISIT_MENTEE.value:
        return pair.mentee_id
    if kind == MentoringKind.VISIT_MENTOR.value:
        return pair.mentor_id
    return None


def lesson_choices(session: Session, pair_id: int, kind: str) -> list[LessonRow]:
    """The lessons a visit of ``kind`` may name: the visited teacher's lessons
    of the pair's year that were not cancelled, by date."""
    pair = pair_record(session, pair_id)
    teacher_id = visited_teacher(pair, kind)
    if teacher_id is None:
        return []
    query = lesson_query().where(
        Lesson.teacher_id == teacher_id,
        Lesson.year_id == pair.year_id,
        Lesson.status != LessonStatus.CANCELLED.value,
    )
    return [lesson_row(lesson) for lesson in session.scalars(query.order_by(Lesson.date, Lesson.id))]


def sheet_choices(session: Session, lesson_id: int) -> list[ObservationRow]:
    """The observation sheets filled at a lesson."""
    return list_observations(session, lesson_id)


def _check_link(
    session: Session, pair: MentoringPair, data: EntryInput, day: dt.date
) -> tuple[int | None, int | None]:
    """The lesson and sheet a visit names, checked: the visited teacher's
    lesson, of the pair's year, not cancelled, on the visit's day; the sheet
    filled at that lesson."""
    lesson_id, observation_id = data.lesson_id, data.observation_id
    if lesson_id is None and observation_id is None:
        return None, None
    if not MentoringKind(data.kind).is_visit:
        raise DomainError(_("Only a lesson visit can name a lesson."), field="lesson_id")
    observation = None
    if observation_id is not None:
        observation = get_or_fail(
            session,
            Observation,
            observation_id,
            _("There is no observation sheet with id {id}.").format(id=observation_id),
        )
        lesson_id = observation.lesson_id if lesson_id is None else lesson_id
    lesson = session.get(Lesson, lesson_id) if lesson_id is not None else None
    if lesson is None:
        raise DomainError(_("There is no lesson with id {id}.").format(id=lesson_id), field="lesson_id")
    if observation is not None and observation.lesson_id != lesson.id:
        raise DomainError(_("This observation sheet was filled at another lesson."), field="observation_id")
    teacher_id = visited_teacher(pair, data.kind)
    if lesson.teacher_id != teacher_id:
        whose = pair.mentee if data.kind == MentoringKind.VISIT_MENTEE.value else pair.mentor
        raise DomainError(
            _("This lesson was given by {teacher}, not by {visited}; choose a lesson of {visited}.").format(
                teacher=full_name(lesson.teacher), visited=full_name(whose)
            ),
            field="lesson_id",
        )
    if lesson.year_id != pair.year_id:
        raise DomainError(_("This lesson belongs to another academic year."), field="lesson_id")
    if lesson.status == LessonStatus.CANCELLED.value:
        raise DomainError(_("This lesson was cancelled, so it could not be visited."), field="lesson_id")
    if lesson.date != day:
        raise DomainError(
            _("The lesson took place on {date}; give the visit the same date.").format(
                date=short_date(lesson.date)
            ),
            field="date",
        )
    return lesson.id, observation.id if observation is not None else None


def save_entry(
    session: Session,
    pair_id: int,
    data: EntryInput,
    entry_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """Log a meeting of the pair, or correct one. Every field is checked first."""
    pair = pair_record(session, pair_id)
    entry = (
        get_or_fail(session, MentoringLogEntry, entry_id, _("The log entry was not found."))
        if entry_id is not None
        else None
    )
    if entry is not None and entry.pair_id != pair.id:
        raise DomainError(_("The log entry was not found."))
    if data.date is None:
        raise DomainError(_("Enter the date of the mentor's meeting."), field="date")
    day = in_window(
        pair.year,
        data.date,
        "date",
        # TRANSLATORS: a meeting of a mentor and a young teacher: "кездесу" / "встреча", not an association's "отырыс".
        _("A mentor's meeting of the year {year} takes place between {start} and {end}."),
    )
    assert day is not None
    if day > (today or dt.date.today()):
        raise DomainError(
            _("The log records meetings that took place; this date is still to come."), field="date"
        )
    check_enum(data.kind, MentoringKind, "kind")
    topic = long_text(data.topic, "topic", MAX_TOPIC).replace("\n", " ")
    if not topic:
        raise DomainError(_("Enter the topic of the meeting."), field="topic")
    if data.minutes is not None and not 1 <= data.minutes <= MAX_MINUTES:
        raise DomainError(
            _("The length is a number of minutes from 1 to {limit}.").format(limit=MAX_MINUTES),
            field="minutes",
        )
    notes = long_text(data.notes, "notes")
    lesson_id, observation_id = _check_link(session, pair, data, day)
    if entry is None:
        entry = MentoringLogEntry(pair_id=pair.id)
        session.add(entry)
    entry.date, entry.kind, entry.topic, entry.minutes, entry.notes = (
        day,
        data.kind,
        topic,
        data.minutes,
        notes,
    )
    entry.lesson_id, entry.observation_id = lesson_id, observation_id
    session.flush()
    return entry.id


def get_entry_input(session: Session, entry_id: int) -> EntryInput:
    """A stored entry as the form edits it."""
    e = get_or_fail(session, MentoringLogEntry, entry_id, _("The log entry was not found."))
    return EntryInput(e.date, e.kind, e.topic, e.minutes, e.notes, e.lesson_id, e.observation_id)


def delete_entry(session: Session, entry_id: int) -> None:
    entry = get_or_fail(session, MentoringLogEntry, entry_id, _("The log entry was not found."))
    session.delete(entry)
    session.flush()
