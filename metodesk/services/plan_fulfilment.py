"""When an annual-plan activity counts as done because of the record tied to
it (a held meeting, a held open lesson, a logged mentoring entry), and what
the activities table shows of that record. Apart from ``plans`` so that the
rule stays in one short place."""

from __future__ import annotations

from typing import Any

from metodesk.domain.plan_forms import ActivityStatus
from metodesk.domain.text import initials_name
from metodesk.storage.models import PlanActivity, Teacher


def fulfilled(activity: PlanActivity) -> bool:
    """True when a record tied to the activity shows it was carried out: a held
    meeting, a held open lesson, or a mentoring log entry (an entry is written
    after the meeting of the pair, so its existence means it took place)."""
    if activity.meeting is not None and activity.meeting.status == "held":
        return True
    if activity.lesson is not None and activity.lesson.status == "held":
        return True
    return activity.mentoring_entry is not None


def _short(t: Teacher) -> str:
    return initials_name(t.surname, t.first_name, t.patronymic)


def link_fields(a: PlanActivity) -> dict[str, Any]:
    """What the activities table shows of a tied lesson or mentoring entry."""
    values: dict[str, Any] = {}
    if a.lesson is not None:
        values.update(
            lesson_id=a.lesson.id,
            lesson_date=a.lesson.date,
            lesson_teacher=_short(a.lesson.teacher),
            lesson_topic=a.lesson.topic,
            lesson_held=a.lesson.status == "held",
        )
    entry = a.mentoring_entry
    if entry is not None:
        values.update(
            mentoring_entry_id=entry.id,
            mentoring_date=entry.date,
            mentoring_pair=f"{_short(entry.pair.mentor)} – {_short(entry.pair.mentee)}",
        )
    return values


def effective_status(activity: PlanActivity) -> str:
    """'done' when a tied record fulfilled the activity, else the status as stored."""
    return ActivityStatus.DONE.value if fulfilled(activity) else activity.status
