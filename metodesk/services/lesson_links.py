"""Which agenda item of an association meeting discussed which lesson
(Order No. 253 item 11.6: open lessons and their discussion). The protocol
names the lesson under that item (``protocol_rows``).

The link lives in its own table (``agenda_item_lesson``) so the meetings'
tables stay as they are; deleting the item or the lesson drops the link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import LessonStatus
from metodesk.i18n import _
from metodesk.services.common import get_or_fail
from metodesk.services.lessons import LessonRow, lesson_query, lesson_row
from metodesk.storage.models import AgendaItem, Lesson, Meeting, agenda_item_lesson


@dataclass(frozen=True)
class DiscussedAt:
    """A meeting's agenda item that discussed a lesson."""

    meeting_id: int
    association_id: int
    meeting_number: int
    meeting_date: dt.date
    item_id: int
    item_position: int
    item_title: str


def link_lesson(session: Session, item_id: int, lesson_id: int) -> None:
    """Record that the agenda item discussed the lesson (once; again is a no-op).
    A lesson is discussed after it was given: a cancelled one, or one dated
    after the meeting, is refused."""
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found."))
    lesson = get_or_fail(
        session, Lesson, lesson_id, _("There is no lesson with id {id}.").format(id=lesson_id)
    )
    if lesson.status == LessonStatus.CANCELLED.value:
        raise DomainError(_("A cancelled lesson cannot be discussed."), field="lesson_id")
    meeting = session.get(Meeting, item.meeting_id)
    if meeting is not None and lesson.date > meeting.date:
        raise DomainError(
            _("The lesson on {date} comes after this meeting; choose a lesson given before it.").format(
                date=lesson.date.strftime("%d.%m.%Y")
            ),
            field="lesson_id",
        )
    exists = session.execute(
        select(agenda_item_lesson.c.lesson_id).where(
            agenda_item_lesson.c.agenda_item_id == item_id, agenda_item_lesson.c.lesson_id == lesson_id
        )
    ).first()
    if exists is None:
        session.execute(insert(agenda_item_lesson).values(agenda_item_id=item_id, lesson_id=lesson_id))
        session.flush()


def unlink_lesson(session: Session, item_id: int, lesson_id: int) -> None:
    session.execute(
        delete(agenda_item_lesson).where(
            agenda_item_lesson.c.agenda_item_id == item_id, agenda_item_lesson.c.lesson_id == lesson_id
        )
    )
    session.flush()


def lessons_by_item(session: Session, meeting_id: int) -> dict[int, list[LessonRow]]:
    """The lessons each agenda item of a meeting discussed, by item id."""
    pairs = session.execute(
        select(agenda_item_lesson.c.agenda_item_id, agenda_item_lesson.c.lesson_id)
        .join(AgendaItem, AgendaItem.id == agenda_item_lesson.c.agenda_item_id)
        .where(AgendaItem.meeting_id == meeting_id)
    ).all()
    if not pairs:
        return {}
    lessons = {
        lesson.id: lesson_row(lesson)
        for lesson in session.scalars(lesson_query().where(Lesson.id.in_({lid for _, lid in pairs})))
    }
    result: dict[int, list[LessonRow]] = {}
    for item_id, lesson_id in pairs:
        result.setdefault(item_id, []).append(lessons[lesson_id])
    for rows in result.values():
        rows.sort(key=lambda r: (r.date, r.period or 0, r.id))
    return result


def lessons_for_item(session: Session, item_id: int) -> list[LessonRow]:
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found."))
    return lessons_by_item(session, item.meeting_id).get(item_id, [])


def discussed_at(session: Session, lesson_id: int) -> list[DiscussedAt]:
    """The meetings and items that discussed a lesson, earliest first."""
    rows = session.execute(
        select(Meeting, AgendaItem)
        .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .join(agenda_item_lesson, agenda_item_lesson.c.agenda_item_id == AgendaItem.id)
        .where(agenda_item_lesson.c.lesson_id == lesson_id)
        .order_by(Meeting.date, AgendaItem.position)
    ).all()
    return [DiscussedAt(m.id, m.association_id, m.number, m.date, i.id, i.position, i.title) for m, i in rows]
