"""'New plan from last year': the theme, goal, tasks and activities of a plan
copied into the next academic year, dates moved by a year, activities left
unfinished (planned or moved) marked as carried over.

Associations belong to one academic year (``Association.year_id``), so the
copy goes to the association's *counterpart* in the next year: the one of the
same organisation, kind, level and subject (the same name first, when several
match). When there is none it is created with the same names and direction
and the same members (those not archived), roles and leader details — the
association simply carries on into the new year. The analysis of the past year
is not copied: it is the new year's to write. Meeting links are not copied
(meetings belong to their year); cancelled activities are copied as planned
but not marked as carried over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.plan_forms import ActivityStatus, PlanStatus
from metodesk.i18n import _
from metodesk.services import associations
from metodesk.services.plan_fulfilment import effective_status
from metodesk.services.plans import add_event, load_plan
from metodesk.storage.models import AcademicYear, Association, Plan, PlanActivity, PlanTask

UNFINISHED = (ActivityStatus.PLANNED.value, ActivityStatus.MOVED.value)


@dataclass(frozen=True)
class CopyResult:
    plan_id: int
    association_id: int
    year_name: str
    existed: bool  # the next year's plan was there already: nothing was copied
    association_created: bool
    copied: int
    carried_over: int


def next_year(session: Session, year: AcademicYear) -> AcademicYear | None:
    """The academic year that starts next after ``year``."""
    return session.scalars(
        select(AcademicYear)
        .where(AcademicYear.start_date > year.start_date)
        .order_by(AcademicYear.start_date)
        .limit(1)
    ).first()


def counterpart(session: Session, association_id: int, year_id: int) -> Association | None:
    """The association that continues ``association_id`` in the year ``year_id``
    (itself when it belongs to that year)."""
    source = session.get(Association, association_id)
    if source is None or source.year_id == year_id:
        return source
    candidates = list(
        session.scalars(
            select(Association)
            .where(
                Association.year_id == year_id,
                Association.organisation_id == source.organisation_id,
                Association.kind == source.kind,
                Association.level == source.level,
                Association.subject_id.is_(None)
                if source.subject_id is None
                else Association.subject_id == source.subject_id,
            )
            .order_by(Association.id)
        )
    )
    found = [a for a in candidates if a.name_kk == source.name_kk] or candidates
    return found[0] if found else None


def _continue_association(session: Session, source: Association, year_id: int) -> int:
    """Create the counterpart of ``source`` in ``year_id`` with its members."""
    new_id = associations.save_association(
        session,
        associations.AssociationInput(
            kind=source.kind,
            level=source.level,
            name_kk=source.name_kk,
            name_ru=source.name_ru,
            subject_id=source.subject_id,
            direction=source.direction,
            year_id=year_id,
            organisation_id=source.organisation_id,
        ),
    )
    for member in source.members:
        if member.teacher.archived:
            continue
        try:
            membership_id = associations.add_member(session, new_id, member.teacher_id)
        except DomainError:  # moved to another school since: not a member any more
            continue
        if member.role != "member":
            associations.set_role(
                session,
                membership_id,
                member.role,
                member.leader_chosen,
                member.leader_since,
                member.leader_basis,
            )
    return new_id


def shift_year(value: dt.date | None) -> dt.date | None:
    """The same day a year later (29 February becomes 28 February)."""
    if value is None:
        return None
    try:
        return value.replace(year=value.year + 1)
    except ValueError:
        return value.replace(year=value.year + 1, day=28)


def copy_from_last_year(session: Session, plan_id: int, who: str | None = None) -> CopyResult:
    """Start next year's plan from this one (see the module's note). When next
    year's plan exists already, it is returned untouched."""
    source = load_plan(session, plan_id)
    year = next_year(session, source.year)
    if year is None:
        first = source.year.start_date.year + 1
        raise DomainError(
            _("There is no academic year after {year}: add {next} in the settings first.").format(
                year=source.year.name, next=f"{first}-{first + 1}"
            )
        )
    target = counterpart(session, source.association_id, year.id)
    created = target is None
    target_id = _continue_association(session, source.association, year.id) if target is None else target.id
    existing = session.scalar(
        select(Plan.id).where(Plan.association_id == target_id, Plan.year_id == year.id)
    )
    if existing is not None:
        return CopyResult(existing, target_id, year.name, True, created, 0, 0)
    plan = Plan(
        association_id=target_id,
        year_id=year.id,
        status=PlanStatus.DRAFT.value,
        theme=source.theme,
        goal=source.goal,
    )
    session.add(plan)
    for task in source.tasks:
        plan.tasks.append(PlanTask(position=task.position, text=task.text))
    carried = 0
    for position, old in enumerate(source.activities, start=1):
        unfinished = effective_status(old) in UNFINISHED
        carried += unfinished
        plan.activities.append(
            PlanActivity(
                position=position,
                content=old.content,
                form=old.form,
                form_text=old.form_text,
                direction=old.direction,
                start_date=shift_year(old.start_date),
                end_date=shift_year(old.end_date),
                months=old.months,
                responsible=[t for t in old.responsible if not t.archived],
                responsible_text=old.responsible_text,
                expected=old.expected,
                status=ActivityStatus.PLANNED.value,
                carried_over=unfinished,
            )
        )
    add_event(plan, "copied", who, source.year.name)
    session.flush()
    return CopyResult(plan.id, target_id, year.name, False, created, len(source.activities), carried)
