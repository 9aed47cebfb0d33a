"""What the plans list needs, read with plain column selects and one GROUP BY:
a district year has 300 plans and 7,000 activities, and loading them as ORM
objects (each activity with its meeting, lesson and mentoring entry) only to
count them took most of a second.

The counting repeats ``plan_fulfilment.effective_status`` in SQL: an activity
is done when its meeting or open lesson was held or a mentoring entry is
logged for it, and otherwise has its stored status."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Row, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from metodesk.domain.plan_forms import ActivityStatus
from metodesk.storage.models import (
    AcademicYear,
    Association,
    Lesson,
    Meeting,
    MentoringLogEntry,
    Plan,
    PlanActivity,
)


def progress_counts(session: Session, year_id: int | None = None) -> dict[int, tuple[int, int, int]]:
    """Per plan id: its activities, those done and those cancelled (as
    ``effective_status`` says). Plans without activities are absent."""
    held = or_(Meeting.status == "held", Lesson.status == "held", MentoringLogEntry.id.is_not(None))
    done = case((held, 1), (PlanActivity.status == ActivityStatus.DONE.value, 1), else_=0)
    cancelled = case((held, 0), (PlanActivity.status == ActivityStatus.CANCELLED.value, 1), else_=0)
    query = (
        select(PlanActivity.plan_id, func.count(), func.sum(done), func.sum(cancelled))
        .join(Plan, Plan.id == PlanActivity.plan_id)
        .outerjoin(Meeting, Meeting.id == PlanActivity.meeting_id)
        .outerjoin(Lesson, Lesson.id == PlanActivity.lesson_id)
        .outerjoin(MentoringLogEntry, MentoringLogEntry.id == PlanActivity.mentoring_entry_id)
        .group_by(PlanActivity.plan_id)
    )
    if year_id is not None:
        query = query.where(Plan.year_id == year_id)
    return {
        plan_id: (total, done_n or 0, cancelled_n or 0)
        for plan_id, total, done_n, cancelled_n in session.execute(query)
    }


def plan_records(session: Session, year_id: int | None = None) -> Sequence[Row]:  # type: ignore[type-arg]
    """The plans (of a year, or all) with their association, year name and the
    meeting that reviewed them, by year and association."""
    review = aliased(Meeting)
    query = (
        select(
            Plan.id,
            Plan.association_id,
            Association.name_kk,
            Association.name_ru,
            Association.organisation_id,
            Plan.year_id,
            AcademicYear.name.label("year_name"),
            Plan.status,
            review.number.label("review_number"),
            review.date.label("review_date"),
        )
        .join(Association, Association.id == Plan.association_id)
        .join(AcademicYear, AcademicYear.id == Plan.year_id)
        .outerjoin(review, review.id == Plan.review_meeting_id)
        .order_by(Plan.year_id, Plan.association_id)
    )
    if year_id is not None:
        query = query.where(Plan.year_id == year_id)
    return session.execute(query).all()
