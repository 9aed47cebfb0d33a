"""The activities table of an annual plan: № | content | form | direction |
date or months | responsible | expected result | status.

Content can change only while the plan is not approved. The status of an
activity (done, moved, cancelled) and the meeting, open lesson or mentoring
entry that fulfilled it (``plan_links``) are the
year's record of how the plan is carried out, so they may change any time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.plan_forms import ActivityStatus, WorkForm, directions_for, format_months, month_span
from metodesk.domain.rules import meeting_date_window
from metodesk.domain.text import clean_multiline, initials_name
from metodesk.i18n import _
from metodesk.services import plan_links
from metodesk.services.common import check_enum, get_or_fail, limited
from metodesk.services.plans import check_unlocked, load_plan
from metodesk.storage.models import Meeting, Membership, Plan, PlanActivity, Teacher
from metodesk.storage.versions import expect_version

MAX_CONTENT = 2000
MAX_RESPONSIBLE_TEXT = 300


@dataclass
class ActivityInput:
    """One row of the table as a form fills it. ``form`` is an item-20 code, or
    "" with ``form_text`` the user's own; the time is dates or months, not both."""

    content: str = ""
    form: str = ""
    form_text: str = ""
    direction: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    months: tuple[int, ...] = ()
    responsible_ids: list[int] = field(default_factory=list)
    responsible_text: str = ""
    expected: str = ""
    status: str = ActivityStatus.PLANNED.value
    status_note: str = ""
    meeting_id: int | None = None
    lesson_id: int | None = None
    mentoring_entry_id: int | None = None


def _long(value: str, field_name: str, limit: int) -> str:
    text = clean_multiline(value)
    if len(text) > limit:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=limit), field=field_name
        )
    return text


def _check_time(plan: Plan, data: ActivityInput) -> str:
    """The dates inside the year's working period (1 August to 30 June, as for
    meetings), the end not before the start; months as stored text."""
    start, end = meeting_date_window(plan.year.start_date, plan.year.end_date)
    if data.end_date is not None and data.start_date is None:
        raise DomainError(_("Enter the start date too, or clear the end date."), field="start_date")
    for name, value in (("start_date", data.start_date), ("end_date", data.end_date)):
        if value is not None and not start <= value <= end:
            raise DomainError(
                _(
                    "An activity of the year {year} takes place between {start} and {end}: correct the date."
                ).format(year=plan.year.name, start=start.strftime("%d.%m.%Y"), end=end.strftime("%d.%m.%Y")),
                field=name,
            )
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise DomainError(_("The end date comes before the start date."), field="end_date")
    if data.months and data.start_date is not None:
        raise DomainError(_("Give either dates or months, not both."), field="months")
    if any(not 1 <= m <= 12 for m in data.months):
        raise DomainError(_("Choose months from the list."), field="months")
    for month in data.months:
        first, last = month_span(month, start.year)
        if last < start or first > end:
            raise DomainError(
                _(
                    "The months of the year {year} run from {start} to {end}: choose months in that period."
                ).format(year=plan.year.name, start=start.strftime("%d.%m.%Y"), end=end.strftime("%d.%m.%Y")),
                field="months",
            )
    return format_months(data.months)


def _responsible(
    session: Session, plan: Plan, data: ActivityInput, activity: PlanActivity | None
) -> list[Teacher]:
    """Members of the association; a teacher who has left is refused unless the
    activity already named them (the plan then flags it)."""
    members = set(
        session.scalars(select(Membership.teacher_id).where(Membership.association_id == plan.association_id))
    )
    already = {t.id for t in activity.responsible} if activity is not None else set()
    people: list[Teacher] = []
    for teacher_id in dict.fromkeys(data.responsible_ids):
        teacher = session.get(Teacher, teacher_id)
        if teacher is None:
            raise DomainError(_("The teacher was not found."), field="responsible_ids")
        if teacher_id not in members and teacher_id not in already:
            raise DomainError(
                _("Choose members of the association, or type the responsible person's name."),
                field="responsible_ids",
            )
        if teacher.archived and teacher_id not in already:
            raise DomainError(
                _("{name} has left (archived): choose another responsible person.").format(
                    name=initials_name(teacher.surname, teacher.first_name, teacher.patronymic)
                ),
                field="responsible_ids",
            )
        people.append(teacher)
    return people


def check_meeting(session: Session, plan: Plan, meeting_id: int | None, field_name: str) -> Meeting | None:
    """A meeting of the plan's association in the plan's year, or None."""
    if meeting_id is None:
        return None
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.association_id != plan.association_id or meeting.year_id != plan.year_id:
        raise DomainError(
            _("Choose a meeting of this association in {year}.").format(year=plan.year.name),
            field=field_name,
        )
    return meeting


def _values(
    session: Session, plan: Plan, data: ActivityInput, activity: PlanActivity | None
) -> dict[str, Any]:
    content = _long(data.content, "content", MAX_CONTENT)
    if not content:
        raise DomainError(_("Enter what the activity is."), field="content")
    if data.form:
        check_enum(data.form, WorkForm, "form")
    form_text = "" if data.form else limited(data.form_text, "form_text")
    if data.direction:
        check_enum(data.direction, directions_for(plan.association.organisation.kind), "direction")
    check_enum(data.status, ActivityStatus, "status")
    plan_links.check_single(data.meeting_id, data.lesson_id, data.mentoring_entry_id)
    return {
        "content": content,
        "form": data.form,
        "form_text": form_text,
        "direction": data.direction,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "months": _check_time(plan, data),
        "responsible": _responsible(session, plan, data, activity),
        "responsible_text": limited(data.responsible_text, "responsible_text", MAX_RESPONSIBLE_TEXT),
        "expected": _long(data.expected, "expected", MAX_CONTENT),
        "status": data.status,
        "status_note": limited(data.status_note, "status_note"),
        "meeting": check_meeting(session, plan, data.meeting_id, "meeting_id"),
        "lesson": plan_links.check_lesson(session, plan, data.lesson_id),
        "mentoring_entry": plan_links.check_entry(session, plan, data.mentoring_entry_id),
    }


TRACKING = (
    "status",
    "status_note",
    "meeting",
    "lesson",
    "mentoring_entry",
)  # what may change on an approved plan


def _content_changed(activity: PlanActivity, values: dict[str, Any]) -> bool:
    for name, value in values.items():
        if name in TRACKING:
            continue
        current = getattr(activity, name)
        if name == "responsible":
            if {t.id for t in current} != {t.id for t in value}:
                return True
        elif current != value:
            return True
    return False


def _activity(session: Session, activity_id: int) -> PlanActivity:
    return get_or_fail(session, PlanActivity, activity_id, _("The activity was not found."))


def save_activity(
    session: Session,
    plan_id: int,
    data: ActivityInput,
    activity_id: int | None = None,
    version: int | None = None,
) -> int:
    """Add an activity at the end of the table, or edit one. On an approved plan
    only the status, its note and the fulfilling record may change. ``version``
    is the one the screen showed: an activity saved by someone else since then
    is not overwritten (ChangedMeanwhile); None checks nothing."""
    plan = load_plan(session, plan_id)
    activity = _activity(session, activity_id) if activity_id else None
    if activity is not None and activity.plan_id != plan_id:
        raise NotFound(_("The activity was not found."))
    if activity is not None:
        expect_version(activity, version)
    values = _values(session, plan, data, activity)
    if activity is None or _content_changed(activity, values):
        check_unlocked(plan)
    if activity is None:
        activity = PlanActivity(position=max((a.position for a in plan.activities), default=0) + 1)
        plan.activities.append(activity)
    for name, value in values.items():
        setattr(activity, name, value)
    session.flush()
    return activity.id


def set_status(session: Session, activity_id: int, status: str, note: str = "") -> None:
    """Mark how an activity went (allowed on an approved plan: it is the year's record)."""
    activity = _activity(session, activity_id)
    check_enum(status, ActivityStatus, "status")
    activity.status, activity.status_note = status, limited(note, "status_note")
    session.flush()


def link_meeting(session: Session, activity_id: int, meeting_id: int | None) -> None:
    """Tie the activity to the meeting that carries it out (None unties it)."""
    activity = _activity(session, activity_id)
    activity.meeting = check_meeting(session, activity.plan, meeting_id, "meeting_id")
    if meeting_id is not None:
        activity.lesson = activity.mentoring_entry = None
    session.flush()


def link_lesson(session: Session, activity_id: int, lesson_id: int | None) -> None:
    """Tie the activity to the open lesson that carries it out (None unties it)."""
    activity = _activity(session, activity_id)
    activity.lesson = plan_links.check_lesson(session, activity.plan, lesson_id)
    if lesson_id is not None:
        activity.meeting = activity.mentoring_entry = None
    session.flush()


def link_mentoring_entry(session: Session, activity_id: int, entry_id: int | None) -> None:
    """Tie the activity to the mentoring log entry that carries it out (None unties it)."""
    activity = _activity(session, activity_id)
    activity.mentoring_entry = plan_links.check_entry(session, activity.plan, entry_id)
    if entry_id is not None:
        activity.meeting = activity.lesson = None
    session.flush()


def _renumber(ordered: list[PlanActivity]) -> None:
    for position, activity in enumerate(ordered, start=1):
        activity.position = position


def move_activity(session: Session, activity_id: int, offset: int) -> None:
    """Move an activity up (negative) or down the table; the others close ranks."""
    activity = _activity(session, activity_id)
    plan = activity.plan
    check_unlocked(plan)
    ordered = sorted(plan.activities, key=lambda a: a.position)
    index = ordered.index(activity)
    target = min(max(index + offset, 0), len(ordered) - 1)
    ordered.insert(target, ordered.pop(index))
    _renumber(ordered)
    session.flush()
    session.expire(plan, ["activities"])  # reload the collection in its new order


def delete_activity(session: Session, activity_id: int) -> None:
    activity = _activity(session, activity_id)
    plan = activity.plan
    check_unlocked(plan)
    plan.activities.remove(activity)
    session.flush()
    _renumber(sorted(plan.activities, key=lambda a: a.position))
    session.flush()
