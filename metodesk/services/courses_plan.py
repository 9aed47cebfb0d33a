"""The course-needs plan of an organisation (docs/domain/order-253.md,
'Courses'): who has had no course in the last three years, who falls due for
attestation without a course in the three years before it, and the courses
planned by year over several years (``domain.courses_plan`` holds the rule)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.attestation import add_years
from metodesk.domain.courses_plan import (
    COURSE_YEARS,
    NO_COURSE,
    CoursesPlanData,
    NeedRow,
    NeedYear,
    needs_before,
    planned_years,
)
from metodesk.domain.errors import DomainError
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.services import organisations
from metodesk.services.attestation_print import MAX_PLAN_YEARS
from metodesk.services.attestation_views import AttestationRow, attestation_rows
from metodesk.storage.models import Course


def organisation_of(session: Session, organisation_id: int | None) -> organisations.OrganisationRow:
    """The organisation asked for, else ours; a sentence when ours is not set."""
    if organisation_id is not None:
        return organisations.get_organisation(session, organisation_id)
    org = organisations.ours(session)
    if org is None:
        raise DomainError(_("Our organisation is not set yet: choose it in Settings first."))
    return org


def plan_data(
    session: Session, first_year: int, count: int, today: dt.date, organisation_id: int | None = None
) -> CoursesPlanData:
    """The plan from the academic year starting in ``first_year`` for ``count`` years."""
    if not 1 <= count <= MAX_PLAN_YEARS:
        raise DomainError(
            _("A course-needs plan covers 1 to {limit} years.").format(limit=MAX_PLAN_YEARS), field="years"
        )
    org = organisation_of(session, organisation_id)
    people = attestation_rows(session, today, org.id)
    courses: dict[int, list[Course]] = {}
    ids = [p.teacher_id for p in people]
    for course in session.scalars(
        select(Course).where(Course.teacher_id.in_(ids)).order_by(Course.end_date.desc(), Course.id.desc())
    ):
        courses.setdefault(course.teacher_id, []).append(course)
    since = add_years(today, -COURSE_YEARS)
    horizon_end = dt.date(first_year + count, 7, 31)
    no_course: list[NeedRow] = []
    before: list[NeedRow] = []
    by_year: dict[int, list[NeedRow]] = {y: [] for y in range(first_year, first_year + count)}
    for p in sorted(people, key=lambda r: sort_key(r.full_name, "kk")):
        own = courses.get(p.teacher_id, [])
        last = own[0] if own else None
        last_end = last.end_date if last is not None else None
        due = p.expiry

        def row(reason: str, p: AttestationRow = p, last: Course | None = last, own: list[Course] = own) -> NeedRow:
            return NeedRow(
                teacher_id=p.teacher_id,
                full_name=p.full_name,
                position=p.position,
                subjects_kk=p.subjects_kk,
                subjects_ru=p.subjects_ru,
                category=p.category,
                last_course=last.title if last is not None else "",
                last_course_end=last.end_date if last is not None else None,
                hours_in_three_years=sum(c.hours for c in own if c.end_date >= since),
                attestation_due=p.expiry,
                reason=reason,
            )

        if last_end is None or last_end < since:
            no_course.append(row(NO_COURSE))
        if due is not None and due <= horizon_end and needs_before(last_end, due):
            before.append(row("before_attestation"))
        for year, reason in planned_years(last_end, due, first_year, count, today):
            by_year[year].append(row(reason))
    return CoursesPlanData(
        organisation_kk=org.name_kk,
        organisation_ru=org.name_ru,
        head_name=org.head_name,
        deputy_name=org.deputy_name,
        made_on=today,
        no_course=tuple(no_course),
        before_attestation=tuple(before),
        years=tuple(NeedYear(y, tuple(rows)) for y, rows in by_year.items()),
    )
