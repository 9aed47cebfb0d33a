"""What can fulfil an annual-plan activity besides a meeting of the association
(issues 4 and 5): an open lesson of the plan's association and year, or an
entry of a mentoring pair's meeting log in the plan's year.

An activity is tied to one record at most. The link is part of the year's
record of how the plan is carried out, so it may change on an approved plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.errors import DomainError
from metodesk.domain.text import initials_name
from metodesk.i18n import _
from metodesk.services.lesson_views import lessons_for_association_year
from metodesk.services.lessons import LessonRow
from metodesk.services.plans import load_plan
from metodesk.storage.models import Lesson, MentoringLogEntry, MentoringPair, Plan


@dataclass(frozen=True)
class EntryChoice:
    """A mentoring log entry as the "fulfilled by" list offers it."""

    id: int
    date: dt.date
    mentor: str  # 'Тегі А.Ә.'
    mentee: str
    kind: str  # MentoringKind code
    topic: str


def check_single(meeting_id: int | None, lesson_id: int | None, entry_id: int | None) -> None:
    """Refuse an activity tied to two records at once."""
    if sum(x is not None for x in (meeting_id, lesson_id, entry_id)) > 1:
        raise DomainError(
            _("Tie the activity to one record only: a meeting, an open lesson or a mentoring entry."),
            field="lesson_id" if lesson_id is not None else "mentoring_entry_id",
        )


def check_lesson(session: Session, plan: Plan, lesson_id: int | None) -> Lesson | None:
    """An open lesson of the plan's association in the plan's year, or None."""
    if lesson_id is None:
        return None
    lesson = session.get(Lesson, lesson_id)
    if lesson is None:
        raise DomainError(_("The open lesson was not found."), field="lesson_id")
    if lesson.association_id != plan.association_id:
        raise DomainError(
            _("The open lesson belongs to another association: choose a lesson of this association."),
            field="lesson_id",
        )
    if lesson.year_id != plan.year_id:
        raise DomainError(
            _("Choose an open lesson of the academic year {year}.").format(year=plan.year.name),
            field="lesson_id",
        )
    return lesson


def check_entry(session: Session, plan: Plan, entry_id: int | None) -> MentoringLogEntry | None:
    """A mentoring log entry of a pair of the plan's year, or None."""
    if entry_id is None:
        return None
    entry = session.get(MentoringLogEntry, entry_id)
    if entry is None:
        raise DomainError(_("The mentoring entry was not found."), field="mentoring_entry_id")
    if entry.pair.year_id != plan.year_id:
        raise DomainError(
            _("Choose a mentoring entry of the academic year {year}.").format(year=plan.year.name),
            field="mentoring_entry_id",
        )
    return entry


def lesson_choices(session: Session, plan_id: int) -> list[LessonRow]:
    """The association's lessons of the plan's year, by date."""
    plan = load_plan(session, plan_id)
    return lessons_for_association_year(session, plan.association_id, plan.year_id)


def entry_choices(session: Session, plan_id: int) -> list[EntryChoice]:
    """The mentoring log entries of the plan's year, by date; the pairs with a
    member of the association first."""
    plan = load_plan(session, plan_id)
    members = {m.teacher_id for m in plan.association.members}
    query = (
        select(MentoringLogEntry)
        .join(MentoringPair, MentoringLogEntry.pair_id == MentoringPair.id)
        .options(
            selectinload(MentoringLogEntry.pair).selectinload(MentoringPair.mentor),
            selectinload(MentoringLogEntry.pair).selectinload(MentoringPair.mentee),
        )
        .where(MentoringPair.year_id == plan.year_id)
        .order_by(MentoringLogEntry.date, MentoringLogEntry.id)
    )
    entries = list(session.scalars(query))
    entries.sort(key=lambda e: not ({e.pair.mentor_id, e.pair.mentee_id} & members))
    return [
        EntryChoice(
            id=e.id,
            date=e.date,
            mentor=initials_name(e.pair.mentor.surname, e.pair.mentor.first_name, e.pair.mentor.patronymic),
            mentee=initials_name(e.pair.mentee.surname, e.pair.mentee.first_name, e.pair.mentee.patronymic),
            kind=e.kind,
            topic=e.topic,
        )
        for e in entries
    ]
