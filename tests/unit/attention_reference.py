"""The attention list as metodesk built it before the plain-column queries:
ORM entities with their relationships, filtered partly in Python. Kept
verbatim (names qualified) so a test can show the plain-query version
returns the same items on the demo school."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.attestation import attestation_year
from metodesk.domain.council import COUNCIL_KIND
from metodesk.domain.text import initials_name
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import attention
from metodesk.services.common import get_or_fail
from metodesk.storage.models import (
    AcademicYear,
    AgendaItem,
    Association,
    Course,
    Decision,
    Lesson,
    Meeting,
    Membership,
    Organisation,
    Plan,
    SchoolPlan,
    Teacher,
)


def orm_attention(session: Session, year_id: int, today: dt.date) -> list[attention.AttentionRow]:
    """The year's attention list, area by area, each area by date."""
    from metodesk.i18n import language
    from metodesk.services import mentoring_attention
    from metodesk.services.attestation_views import attestation_rows
    from metodesk.services.council import our_organisation

    year = get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))
    ru = language() == "ru"
    org_id = our_organisation(session)
    rows: list[attention.AttentionRow] = []
    for decision, meeting in session.execute(
        select(Decision, Meeting)
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.year_id == year_id, Decision.status == "open", Decision.deadline < today)
        .options(selectinload(Meeting.association), selectinload(Decision.item))
        .order_by(Decision.deadline)
    ):
        rows.append(
            attention.AttentionRow(
                "decisions",
                _("{body}, protocol No. {number}: decision {code} was due on {date}: “{text}”.").format(
                    body=attention._body(meeting.association, ru),
                    number=meeting.number,
                    code=f"{decision.item.position}.{decision.number}",
                    date=short_date(decision.deadline),
                    text=attention._quoted(decision.text),
                ),
                "meeting",
                meeting.id,
                decision.deadline,
                meeting.association_id,
            )
        )
    for meeting in session.scalars(
        select(Meeting)
        .where(Meeting.year_id == year_id, Meeting.status == "planned", Meeting.date < today)
        .options(selectinload(Meeting.association))
        .order_by(Meeting.date)
    ):
        rows.append(
            attention.AttentionRow(
                "meetings",
                _("{body}: meeting No. {number} of {date} is not marked as held.").format(
                    body=attention._body(meeting.association, ru), number=meeting.number, date=short_date(meeting.date)
                ),
                "meeting",
                meeting.id,
                meeting.date,
                meeting.association_id,
            )
        )
    for lesson in session.scalars(
        select(Lesson)
        .where(Lesson.year_id == year_id, Lesson.status.in_(("planned", "moved")), Lesson.date < today)
        .options(selectinload(Lesson.teacher))
        .order_by(Lesson.date)
    ):
        teacher = lesson.teacher
        rows.append(
            attention.AttentionRow(
                "lessons",
                _("The lesson of {teacher} on {date} is not marked as held: “{topic}”.").format(
                    teacher=initials_name(teacher.surname, teacher.first_name, teacher.patronymic),
                    date=short_date(lesson.date),
                    topic=attention._quoted(lesson.topic),
                ),
                "lesson",
                lesson.id,
                lesson.date,
            )
        )
    deadline = dt.date(year.start_date.year, *attention.PLANS_BY)
    if today > deadline:
        for plan in session.scalars(
            select(Plan)
            .where(Plan.year_id == year_id, Plan.status != "approved")
            .options(selectinload(Plan.association))
            .order_by(Plan.id)
        ):
            rows.append(
                attention.AttentionRow(
                    "plans",
                    _("The annual plan of {body} is not approved yet (plans are approved by {date}).").format(
                        body=attention._body(plan.association, ru), date=short_date(deadline)
                    ),
                    "plan",
                    plan.id,
                    deadline,
                    plan.association_id,
                )
            )
        school = session.scalars(
            select(SchoolPlan).where(SchoolPlan.year_id == year_id, SchoolPlan.organisation_id == org_id)
        ).first()
        if school is None or school.status != "approved":
            rows.append(
                attention.AttentionRow(
                    "plans",
                    _("The school's plan of methodical work is not approved yet (plans are approved by {date}).").format(
                        date=short_date(deadline)
                    ),
                    "school_plan",
                    school.id if school else 0,
                    deadline,
                )
            )
    counts = dict(
        session.execute(
            select(Membership.association_id, func.count()).group_by(Membership.association_id)
        ).all()
    )
    for assoc in session.scalars(
        select(Association)
        .where(Association.year_id == year_id, Association.level == "school", Association.kind != COUNCIL_KIND)
        .order_by(Association.id)
    ):
        members = counts.get(assoc.id, 0)
        if members < 3:
            rows.append(
                attention.AttentionRow(
                    "associations",
                    ngettext(
                        "{body} has {n} member; a school association needs at least three (item 23).",
                        "{body} has {n} members; a school association needs at least three (item 23).",
                        members,
                    ).format(body=attention._body(assoc, ru), n=members),
                    "association",
                    assoc.id,
                    None,
                    assoc.id,
                )
            )
    for item in mentoring_attention.attention_list(session, year_id, today):
        if item.kind == mentoring_attention.NO_MENTOR and item.teacher_id is not None:
            rows.append(attention.AttentionRow("mentoring", item.message, "teacher", item.teacher_id, item.date))
        elif item.pair_id is not None:
            rows.append(attention.AttentionRow("mentoring", item.message, "pair", item.pair_id, item.date))
    this_year = attestation_year(today)
    for row in attestation_rows(session, today, org_id):
        if row.overdue:
            text = _("{name}: the attestation is overdue (the category expired on {date}).").format(
                name=row.short_name, date=short_date(row.expiry)
            )
        elif row.due_year == this_year and not row.in_progress:
            text = _("{name}: the attestation falls due this year and no case is open.").format(name=row.short_name)
        else:
            continue
        rows.append(attention.AttentionRow("attestation", text, "teacher", row.teacher_id, row.expiry))
    since = dt.date(today.year - attention.COURSE_YEARS, today.month, min(today.day, 28))
    recent = set(session.scalars(select(Course.teacher_id).where(Course.end_date >= since)))
    for teacher in session.scalars(
        select(Teacher)
        .join(Organisation, Organisation.id == Teacher.organisation_id)
        .where(Organisation.id == org_id, Teacher.archived.is_(False))
        .order_by(Teacher.surname, Teacher.first_name)
    ):
        if teacher.id not in recent:
            rows.append(
                attention.AttentionRow(
                    "courses",
                    _("{name} has had no professional development course in three years.").format(
                        name=initials_name(teacher.surname, teacher.first_name, teacher.patronymic)
                    ),
                    "teacher",
                    teacher.id,
                )
            )
    return rows
