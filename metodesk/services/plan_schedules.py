"""Schedules that live in other tabs and appear in an annual plan without
retyping (issue 4): the association's open lessons of the year, the mentoring
pairs with a member as mentor or mentee, and the members' attestations of the
year. Plain frozen rows with codes, not words: the plan tab shows them in the
window's language, ``reports.plan_text`` prints them in the document's.

The meetings' schedule is in ``plan_rows`` with the rest of the printed plan.

The row types live in ``metodesk.domain.rows.plan`` (reports import them from there); they are
re-exported here under their old names for the callers that import them from this module.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.attestation import attestation_year
from metodesk.domain.rows.plan import (
    PlanSchedules as PlanSchedules,
)
from metodesk.domain.rows.plan import (
    ScheduledAttestation as ScheduledAttestation,
)
from metodesk.domain.rows.plan import (
    ScheduledLesson as ScheduledLesson,
)
from metodesk.domain.rows.plan import (
    ScheduledPair as ScheduledPair,
)
from metodesk.services.attestation_views import attestation_rows
from metodesk.services.lesson_views import lessons_for_association_year
from metodesk.services.mentoring import short_name
from metodesk.services.plans import load_plan
from metodesk.storage.models import MentoringPair, Plan


def lessons(session: Session, plan: Plan) -> tuple[ScheduledLesson, ...]:
    """The association's lessons of the plan's year, by date (moved ones on their new date)."""
    return tuple(
        ScheduledLesson(
            id=r.id,
            date=r.date,
            teacher=r.teacher_short,
            class_name=r.class_name,
            subject_kk=r.subject_kk,
            subject_ru=r.subject_ru,
            topic=r.topic,
            kind=r.kind,
            status=r.status,
        )
        for r in lessons_for_association_year(session, plan.association_id, plan.year_id)
    )


def _members(plan: Plan) -> set[int]:
    return {m.teacher_id for m in plan.association.members}


def pairs(session: Session, plan: Plan) -> tuple[ScheduledPair, ...]:
    """The pairs of the plan's year with a member as mentor or mentee, by mentee."""
    members = _members(plan)
    if not members:
        return ()
    query = (
        select(MentoringPair)
        .options(selectinload(MentoringPair.mentor), selectinload(MentoringPair.mentee))
        .where(
            MentoringPair.year_id == plan.year_id,
            or_(MentoringPair.mentor_id.in_(members), MentoringPair.mentee_id.in_(members)),
        )
    )
    found = sorted(session.scalars(query), key=lambda p: (p.mentee.surname, p.mentee.first_name, p.id))
    return tuple(
        ScheduledPair(
            p.id, short_name(p.mentor), short_name(p.mentee), p.mentee_kind, p.start_date, p.end_date
        )
        for p in found
    )


def attestations(session: Session, plan: Plan) -> tuple[ScheduledAttestation, ...]:
    """Members with a case in the plan's attestation year, or whose category
    falls due in it or earlier (overdue) with no case under way, by surname."""
    members = _members(plan)
    year = attestation_year(plan.year.start_date)
    rows = []
    for r in attestation_rows(session, plan.year.start_date, plan.association.organisation_id):
        if r.teacher_id not in members:
            continue
        if r.case_id is not None and r.case_year == year:
            rows.append(
                ScheduledAttestation(
                    r.teacher_id, r.short_name, r.category, year, r.case_window, r.case_target, False
                )
            )
        elif not r.in_progress and r.due_year is not None and r.due_year <= year:
            window = (r.due_window or "") if r.due_year == year else ""
            rows.append(
                ScheduledAttestation(
                    r.teacher_id, r.short_name, r.category, year, window, "", r.due_year < year
                )
            )
    return tuple(rows)


def plan_schedules(session: Session, plan_id: int) -> PlanSchedules:
    """All three schedules of one plan."""
    plan = load_plan(session, plan_id)
    return PlanSchedules(lessons(session, plan), pairs(session, plan), attestations(session, plan))
