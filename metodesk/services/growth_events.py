"""Methodical events with their participants, and pupils' olympiad and
competition results (docs/domain/order-253.md, 'Professional growth'; Order No. 253 items 10.5, 20).

An event may fulfil one activity of an annual plan of its year, as an open
lesson or a mentoring entry does (services/plan_links.py): the event keeps the
link, and an event that has taken place marks the activity done in the same
transaction. Every field is checked before anything is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.academic_year import start_year
from metodesk.domain.academic_year import today as today_date
from metodesk.domain.errors import DomainError
from metodesk.domain.growth import (
    GRADE_MAX,
    GRADE_MIN,
    LEVEL_ORDER,
    ContestKind,
    ContestResult,
    EventForm,
    EventRole,
    EventRow,
    GrowthLevel,
    OlympiadRow,
    ParticipantRow,
)
from metodesk.domain.plan_forms import ActivityStatus
from metodesk.i18n import _
from metodesk.services.common import MAX_NAME, MAX_TITLE, check_enum, get_or_fail, limited, reasonable_date, required
from metodesk.services.growth import MAX_MATERIALS, long_text, short_name, teacher_of, year_record
from metodesk.storage.models import (
    AcademicYear,
    EventParticipant,
    GrowthEvent,
    OlympiadResult,
    Plan,
    PlanActivity,
    Subject,
)

MAX_PARTICIPANT_RESULT = 200
MAX_EVENT_DAYS = 366
ACTIVITY_PREVIEW = 120  # characters of an activity's content shown beside an event


def _in_year(day: dt.date, year: AcademicYear, field_name: str) -> None:
    """A day of the academic year (1 August to 31 July) the record belongs to."""
    if f"{start_year(day)}-{start_year(day) + 1}" != year.name:
        raise DomainError(
            _("Choose a date of the academic year {year}.").format(year=year.name), field=field_name
        )


# --- events --------------------------------------------------------------------------


@dataclass
class ParticipantInput:
    teacher_id: int | None = None
    role: str = EventRole.PARTICIPANT.value
    result: str = ""


@dataclass
class EventInput:
    year_id: int | None = None
    title: str = ""
    form: str = EventForm.SEMINAR.value
    level: str = GrowthLevel.SCHOOL.value
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    organiser: str = ""
    result: str = ""
    materials: str = ""
    participants: list[ParticipantInput] = field(default_factory=list)
    plan_activity_id: int | None = None


def _activity_text(activity: PlanActivity | None) -> str:
    if activity is None:
        return ""
    text = " ".join(activity.content.split())
    return text if len(text) <= ACTIVITY_PREVIEW else text[: ACTIVITY_PREVIEW - 1] + "…"


def _event_row(e: GrowthEvent) -> EventRow:
    return EventRow(
        id=e.id,
        year_id=e.year_id,
        year=e.year.name,
        title=e.title,
        form=e.form,
        level=e.level,
        start_date=e.start_date,
        end_date=e.end_date,
        organiser=e.organiser,
        result=e.result,
        materials=e.materials,
        participants=tuple(
            ParticipantRow(p.teacher_id, short_name(p.teacher), p.role, p.result) for p in e.participants
        ),
        plan_activity_id=e.plan_activity_id,
        plan_activity=_activity_text(e.plan_activity),
    )


def list_events(
    session: Session,
    year_id: int | None = None,
    teacher_id: int | None = None,
    form: str = "",
    level: str = "",
) -> list[EventRow]:
    """Events by date: of a year, of a teacher (as a participant), of a form or a level."""
    query = select(GrowthEvent).options(
        selectinload(GrowthEvent.year),
        selectinload(GrowthEvent.plan_activity),
        selectinload(GrowthEvent.participants).selectinload(EventParticipant.teacher),
    )
    if year_id is not None:
        query = query.where(GrowthEvent.year_id == year_id)
    if teacher_id is not None:
        query = query.where(
            GrowthEvent.id.in_(select(EventParticipant.event_id).where(EventParticipant.teacher_id == teacher_id))
        )
    if form:
        query = query.where(GrowthEvent.form == form)
    if level:
        query = query.where(GrowthEvent.level == level)
    return [_event_row(e) for e in session.scalars(query.order_by(GrowthEvent.start_date, GrowthEvent.id))]


def get_event(session: Session, event_id: int) -> EventRow:
    return _event_row(get_or_fail(session, GrowthEvent, event_id, _("The event was not found.")))


def _check_activity(session: Session, activity_id: int | None, year: AcademicYear, event_id: int | None) -> None:
    if activity_id is None:
        return
    activity = session.get(PlanActivity, activity_id)
    if activity is None:
        raise DomainError(_("The plan activity was not found."), field="plan_activity_id")
    plan = session.get(Plan, activity.plan_id)
    if plan is None or plan.year_id != year.id:
        raise DomainError(
            _("Choose an activity of a plan of the academic year {year}.").format(year=year.name),
            field="plan_activity_id",
        )
    if activity.meeting_id is not None or activity.lesson_id is not None or activity.mentoring_entry_id is not None:
        raise DomainError(
            _("This activity is already fulfilled by a meeting, an open lesson or a mentoring entry."),
            field="plan_activity_id",
        )
    other = session.scalar(
        select(GrowthEvent.title).where(
            GrowthEvent.plan_activity_id == activity_id, GrowthEvent.id != (event_id or 0)
        )
    )
    if other is not None:
        raise DomainError(
            _("This activity is already fulfilled by the event “{title}”.").format(title=other),
            field="plan_activity_id",
        )


def _participants(session: Session, items: list[ParticipantInput]) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    seen: set[int] = set()
    for item in items:
        teacher = teacher_of(session, item.teacher_id, "participants")
        if teacher.id in seen:
            raise DomainError(
                _("{name} is listed twice among the participants.").format(name=short_name(teacher)),
                field="participants",
            )
        seen.add(teacher.id)
        role = check_enum(item.role, EventRole, "participants")
        result = limited(item.result, "participants", MAX_PARTICIPANT_RESULT)
        found.append((teacher.id, role, result))
    return found


def save_event(
    session: Session, data: EventInput, event_id: int | None = None, today: dt.date | None = None
) -> int:
    """Add or change an event with its participants; a held event tied to a
    plan activity marks the activity done."""
    year = year_record(session, data.year_id)
    title = required(data.title, "title", _("Enter the title of the event."), MAX_TITLE)
    form = check_enum(data.form, EventForm, "form")
    level = check_enum(data.level, GrowthLevel, "level")
    if data.start_date is None:
        raise DomainError(_("Enter the date of the event."), field="start_date")
    reasonable_date(data.start_date, "start_date")
    _in_year(data.start_date, year, "start_date")
    end = data.end_date if data.end_date != data.start_date else None
    if end is not None:
        reasonable_date(end, "end_date")
        if end < data.start_date:
            raise DomainError(_("An event cannot end before it begins."), field="end_date")
        if (end - data.start_date).days > MAX_EVENT_DAYS:
            raise DomainError(_("An event lasts at most a year: check the dates."), field="end_date")
    organiser = limited(data.organiser, "organiser", MAX_TITLE)
    result = limited(data.result, "result", MAX_TITLE)
    materials = long_text(data.materials, "materials", MAX_MATERIALS)
    people = _participants(session, data.participants)
    _check_activity(session, data.plan_activity_id, year, event_id)
    event = get_or_fail(session, GrowthEvent, event_id, _("The event was not found.")) if event_id else None
    if event is None:
        event = GrowthEvent()
        session.add(event)
    event.year_id, event.title, event.form, event.level = year.id, title, form, level
    event.start_date, event.end_date = data.start_date, end
    event.organiser, event.result, event.materials = organiser, result, materials
    event.plan_activity_id = data.plan_activity_id
    kept = {p.teacher_id: p for p in event.participants}
    wanted = {teacher_id for teacher_id, _role, _note in people}
    for participant in list(event.participants):
        if participant.teacher_id not in wanted:
            event.participants.remove(participant)
    for teacher_id, role, note in people:
        found = kept.get(teacher_id)
        if found is None:
            found = EventParticipant(teacher_id=teacher_id)
            event.participants.append(found)
        found.role, found.result = role, note
    session.flush()
    if data.plan_activity_id is not None and data.start_date <= (today or today_date()):
        activity = session.get(PlanActivity, data.plan_activity_id)
        if activity is not None:
            activity.status = ActivityStatus.DONE.value
    session.flush()
    return event.id


def delete_event(session: Session, event_id: int) -> None:
    """Delete an event and its list of participants (the plan activity stays as it is)."""
    event = get_or_fail(session, GrowthEvent, event_id, _("The event was not found."))
    session.delete(event)
    session.flush()


@dataclass(frozen=True)
class ActivityChoice:
    id: int
    association_kk: str
    association_ru: str
    content: str

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk


def activity_choices(session: Session, year_id: int, event_id: int | None = None) -> list[ActivityChoice]:
    """Plan activities of the year an event may fulfil: not tied to a meeting,
    a lesson, a mentoring entry or another event."""
    taken = select(GrowthEvent.plan_activity_id).where(
        GrowthEvent.plan_activity_id.is_not(None), GrowthEvent.id != (event_id or 0)
    )
    query = (
        select(PlanActivity)
        .join(Plan, Plan.id == PlanActivity.plan_id)
        .options(selectinload(PlanActivity.plan).selectinload(Plan.association))
        .where(
            Plan.year_id == year_id,
            PlanActivity.meeting_id.is_(None),
            PlanActivity.lesson_id.is_(None),
            PlanActivity.mentoring_entry_id.is_(None),
            PlanActivity.id.not_in(taken),
        )
        .order_by(Plan.id, PlanActivity.position)
    )
    return [
        ActivityChoice(a.id, a.plan.association.name_kk, a.plan.association.name_ru, _activity_text(a))
        for a in session.scalars(query)
    ]


# --- olympiads -----------------------------------------------------------------------


@dataclass
class OlympiadInput:
    year_id: int | None = None
    kind: str = ContestKind.OLYMPIAD.value
    title: str = ""
    date: dt.date | None = None
    pupil: str = ""
    grade: int | None = None
    subject_id: int | None = None
    level: str = GrowthLevel.SCHOOL.value
    result: str = ContestResult.PARTICIPANT.value
    teacher_id: int | None = None


def _olympiad_row(r: OlympiadResult) -> OlympiadRow:
    return OlympiadRow(
        id=r.id,
        year_id=r.year_id,
        year=r.year.name,
        kind=r.kind,
        title=r.title,
        date=r.date,
        pupil=r.pupil,
        grade=r.grade,
        subject_id=r.subject_id,
        subject_kk=r.subject.name_kk if r.subject else "",
        subject_ru=r.subject.name_ru if r.subject else "",
        level=r.level,
        result=r.result,
        teacher_id=r.teacher_id,
        teacher=short_name(r.teacher),
    )


def list_olympiads(
    session: Session,
    year_id: int | None = None,
    teacher_id: int | None = None,
    level: str = "",
    result: str = "",
) -> list[OlympiadRow]:
    """Results by year, level, date, pupil: of a year, of a preparing teacher, of a level."""
    query = select(OlympiadResult).options(
        selectinload(OlympiadResult.year),
        selectinload(OlympiadResult.subject),
        selectinload(OlympiadResult.teacher),
    )
    if year_id is not None:
        query = query.where(OlympiadResult.year_id == year_id)
    if teacher_id is not None:
        query = query.where(OlympiadResult.teacher_id == teacher_id)
    if level:
        query = query.where(OlympiadResult.level == level)
    if result:
        query = query.where(OlympiadResult.result == result)
    rows = [_olympiad_row(r) for r in session.scalars(query)]
    return sorted(
        rows, key=lambda r: (r.year, LEVEL_ORDER.get(r.level, 99), r.date or dt.date.min, r.pupil, r.id)
    )


def save_olympiad(session: Session, data: OlympiadInput, record_id: int | None = None) -> int:
    """Add or change a pupil's result."""
    year = year_record(session, data.year_id)
    kind = check_enum(data.kind, ContestKind, "kind")
    title = limited(data.title, "title", MAX_TITLE)
    if data.date is not None:
        reasonable_date(data.date, "date")
        _in_year(data.date, year, "date")
    pupil = required(data.pupil, "pupil", _("Enter the pupil's name."), MAX_NAME)
    if data.grade is None or not GRADE_MIN <= data.grade <= GRADE_MAX:
        raise DomainError(
            _("Enter the grade: a whole number from {low} to {high}.").format(low=GRADE_MIN, high=GRADE_MAX),
            field="grade",
        )
    if data.subject_id is not None and session.get(Subject, data.subject_id) is None:
        raise DomainError(_("The subject was not found."), field="subject_id")
    if data.subject_id is None and not title:
        raise DomainError(_("Choose the subject or enter the title of the competition."), field="subject_id")
    level = check_enum(data.level, GrowthLevel, "level")
    result = check_enum(data.result, ContestResult, "result")
    teacher = teacher_of(session, data.teacher_id)
    record = (
        get_or_fail(session, OlympiadResult, record_id, _("The olympiad result was not found."))
        if record_id is not None
        else None
    )
    if record is None:
        record = OlympiadResult()
        session.add(record)
    record.year_id, record.kind, record.title, record.date = year.id, kind, title, data.date
    record.pupil, record.grade, record.subject_id = pupil, data.grade, data.subject_id
    record.level, record.result, record.teacher_id = level, result, teacher.id
    session.flush()
    return record.id


def delete_olympiad(session: Session, record_id: int) -> None:
    record = get_or_fail(session, OlympiadResult, record_id, _("The olympiad result was not found."))
    session.delete(record)
    session.flush()
