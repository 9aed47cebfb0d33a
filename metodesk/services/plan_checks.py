"""What a plan still lacks or got wrong, each as one sentence that says what to
fix: an empty theme, no activities, an activity without a date, a date outside
the year, a responsible teacher who has left, an activity overdue and still
planned, a review whose meeting was deleted.

These are flags shown beside the plan; the rules that refuse input outright
are in ``plan_activities`` and ``plan_workflow``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from metodesk.domain.plan_forms import (
    ACADEMIC_MONTHS,
    ActivityStatus,
    PlanStatus,
    month_span,
    parse_months,
)
from metodesk.domain.rules import meeting_date_window
from metodesk.domain.text import initials_name
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services.plan_fulfilment import effective_status
from metodesk.services.plans import load_plan
from metodesk.storage.models import PlanActivity, Teacher


@dataclass(frozen=True)
class Problem:
    """A flag: the activity it is about (None for the whole plan), the field to
    fix, and the sentence."""

    activity_id: int | None
    number: int | None
    field: str
    message: str


def left_message(number: int, teacher: Teacher) -> str:
    return _("Activity {number}: {name} has left (archived); choose another responsible person.").format(
        number=number, name=initials_name(teacher.surname, teacher.first_name, teacher.patronymic)
    )


def _last_day(activity: PlanActivity, first_year: int) -> dt.date | None:
    """The day by which the activity should have taken place."""
    if activity.start_date is not None:
        return activity.end_date or activity.start_date
    try:
        months = parse_months(activity.months)
    except ValueError:
        return None
    if not months:
        return None
    return month_span(max(months, key=ACADEMIC_MONTHS.index), first_year)[1]


def _activity_problems(
    a: PlanActivity, number: int, window: tuple[dt.date, dt.date], year: str, today: dt.date
) -> list[Problem]:
    found: list[Problem] = []
    for teacher in a.responsible:
        if teacher.archived:
            found.append(Problem(a.id, number, "responsible_ids", left_message(number, teacher)))
    if not a.responsible and not a.responsible_text:
        found.append(
            Problem(
                a.id,
                number,
                "responsible_ids",
                _("Activity {number} has nobody responsible: choose members or type a name.").format(
                    number=number
                ),
            )
        )
    if a.start_date is None and not a.months:
        found.append(
            Problem(
                a.id,
                number,
                "start_date",
                _("Activity {number} has no date or month: enter when it takes place.").format(number=number),
            )
        )
    for value in (a.start_date, a.end_date):
        if value is not None and not window[0] <= value <= window[1]:
            found.append(
                Problem(
                    a.id,
                    number,
                    "start_date",
                    _("Activity {number} is dated {date}, outside the year {year}: correct the date.").format(
                        number=number, date=short_date(value), year=year
                    ),
                )
            )
            break
    due = _last_day(a, window[0].year)
    if effective_status(a) == ActivityStatus.PLANNED.value and due is not None and due < today:
        found.append(
            Problem(
                a.id,
                number,
                "status",
                _(
                    "Activity {number} was due by {date} and is still planned: "
                    "mark it done, moved or cancelled."
                ).format(number=number, date=short_date(due)),
            )
        )
    return found


def plan_problems(session: Session, plan_id: int, today: dt.date) -> list[Problem]:
    """Every flag of the plan, the plan's own first, then by activity number."""
    plan = load_plan(session, plan_id)
    found: list[Problem] = []
    if not plan.theme.strip():
        found.append(Problem(None, None, "theme", _("The methodical theme is empty: enter it.")))
    if not plan.tasks:
        found.append(Problem(None, None, "tasks", _("The plan has no tasks yet: add them.")))
    if not plan.activities:
        found.append(Problem(None, None, "activities", _("The plan has no activities yet: add them.")))
    if PlanStatus.known(plan.status) is not PlanStatus.DRAFT and plan.review_meeting is None:
        found.append(
            Problem(
                None,
                None,
                "meeting_id",
                _("The meeting that reviewed the plan was deleted: record the review again."),
            )
        )
    window = meeting_date_window(plan.year.start_date, plan.year.end_date)
    for number, activity in enumerate(plan.activities, start=1):
        found.extend(_activity_problems(activity, number, window, plan.year.name, today))
    return found
