"""Everything a printed plan needs, as plain frozen rows, and the schedules
that live elsewhere and appear in the plan without retyping: the
association's meetings of the year with their agenda here, the open lessons,
mentoring pairs and attestations from ``plan_schedules``.

The rows hold both languages of the fixed names; ``metodesk.reports.plan_pdf``
and ``plan_docx`` pick one when they build the document.

The row types live in ``metodesk.domain.rows.plan`` (reports import them from there); they are
re-exported here under their old names for the callers that import them from this module.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.attestation import attestation_year
from metodesk.domain.enums import MemberRole
from metodesk.domain.plan_forms import parse_months
from metodesk.domain.rows.plan import (
    PlanData as PlanData,
)
from metodesk.domain.rows.plan import (
    PrintedActivity as PrintedActivity,
)
from metodesk.domain.rows.plan import (
    ScheduledMeeting as ScheduledMeeting,
)
from metodesk.domain.rows.plan import (
    ScheduledTopic as ScheduledTopic,
)
from metodesk.domain.text import initials_name
from metodesk.services import plan_schedules
from metodesk.services.plan_fulfilment import effective_status
from metodesk.services.plans import load_plan
from metodesk.storage.models import Meeting, Plan


def schedule(session: Session, association_id: int, year_id: int) -> tuple[ScheduledMeeting, ...]:
    """The association's meetings of the year, by date, with their agenda topics."""
    query = (
        select(Meeting)
        .options(selectinload(Meeting.items))
        .where(Meeting.association_id == association_id, Meeting.year_id == year_id)
        .order_by(Meeting.date, Meeting.number)
    )
    return tuple(
        ScheduledMeeting(
            id=m.id,
            number=m.number,
            date=m.date,
            held=m.status == "held",
            topics=tuple(ScheduledTopic(i.kind, i.title) for i in m.items),
        )
        for m in session.scalars(query)
    )


def plan_schedule(session: Session, plan_id: int) -> tuple[ScheduledMeeting, ...]:
    plan = load_plan(session, plan_id)
    return schedule(session, plan.association_id, plan.year_id)


def _activities(plan: Plan) -> tuple[PrintedActivity, ...]:
    rows = []
    for number, a in enumerate(plan.activities, start=1):
        people = sorted(a.responsible, key=lambda t: (t.surname, t.first_name))
        try:
            months = parse_months(a.months)
        except ValueError:
            months = ()
        rows.append(
            PrintedActivity(
                number=number,
                content=a.content,
                form=a.form,
                form_text=a.form_text,
                direction=a.direction,
                start_date=a.start_date,
                end_date=a.end_date,
                months=months,
                responsible=tuple(initials_name(t.surname, t.first_name, t.patronymic) for t in people),
                responsible_text=a.responsible_text,
                expected=a.expected,
                status=effective_status(a),
                status_note=a.status_note,
                carried_over=a.carried_over,
                meeting_number=a.meeting.number if a.meeting and a.meeting.status == "held" else None,
                lesson_date=a.lesson.date if a.lesson and a.lesson.status == "held" else None,
                lesson_kind=a.lesson.kind if a.lesson else "",
                mentoring_date=a.mentoring_entry.date if a.mentoring_entry else None,
            )
        )
    return tuple(rows)


def plan_data(session: Session, plan_id: int) -> PlanData:
    plan = load_plan(session, plan_id)
    assoc, org = plan.association, plan.association.organisation
    leader = next((m.teacher for m in assoc.members if m.role == MemberRole.LEADER.value), None)
    meeting = plan.review_meeting
    return PlanData(
        organisation_kk=org.name_kk,
        organisation_ru=org.name_ru,
        organisation_kind=org.kind,
        association_kk=assoc.name_kk,
        association_ru=assoc.name_ru,
        association_kind=assoc.kind,
        year_name=plan.year.name,
        status=plan.status,
        analysis=plan.analysis,
        theme=plan.theme,
        goal=plan.goal,
        tasks=tuple(t.text for t in plan.tasks),
        activities=_activities(plan),
        meetings=schedule(session, plan.association_id, plan.year_id),
        lessons=plan_schedules.lessons(session, plan),
        pairs=plan_schedules.pairs(session, plan),
        attestations=plan_schedules.attestations(session, plan),
        attestation_year=attestation_year(plan.year.start_date),
        review_number=meeting.number if meeting else None,
        review_date=meeting.date if meeting else None,
        agreed_name=plan.agreed_name,
        agreed_title=plan.agreed_title,
        agreed_on=plan.agreed_on,
        approved_name=plan.approved_name,
        approved_title=plan.approved_title,
        approved_on=plan.approved_on,
        head_name=org.head_name,
        head_title=org.head_title,
        deputy_name=org.deputy_name,
        association_level=assoc.level,
        leader=" ".join(p for p in (leader.surname, leader.first_name, leader.patronymic) if p)
        if leader
        else "",
    )
