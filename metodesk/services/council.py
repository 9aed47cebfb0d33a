"""The school's methodical council (Order No. 253 items 2.2, 27, 31): one per
organisation and academic year, set by the director's order (№, date), with
a chair (usually the deputy for methodical work), a secretary and members.

The council is kept as an ``association`` row of kind "council", created on
demand: its members are memberships (the chair holds the leader's role), and
its meetings, agenda, decisions, attendance, protocols and the register of
reviewed documents are the associations' own, served by the same services
and the same meeting editor. The associations' list leaves it out
(``associations.list_associations``); this module finds and describes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.council import COUNCIL_KIND, COUNCIL_NAMES
from metodesk.domain.enums import AssociationLevel
from metodesk.domain.errors import DomainError, NotFound
from metodesk.i18n import _
from metodesk.services import associations
from metodesk.services.associations import AssociationDetail, MemberRow
from metodesk.services.common import get_or_fail, limited, reasonable_date
from metodesk.services.meetings import MeetingRow, list_meetings
from metodesk.storage.models import AcademicYear, Association, CouncilBasis, Organisation

MAX_ORDER_NUMBER = 50


@dataclass(frozen=True)
class CouncilDetail:
    """The council of a year: its association row with members, and its basis."""

    detail: AssociationDetail
    order_number: str
    order_date: dt.date | None

    @property
    def association_id(self) -> int:
        return self.detail.row.id

    @property
    def chair(self) -> MemberRow | None:
        return self.detail.leader

    @property
    def secretary(self) -> MemberRow | None:
        return self.detail.secretary

    @property
    def members(self) -> tuple[MemberRow, ...]:
        return self.detail.members


def our_organisation(session: Session) -> int:
    """The organisation metodesk keeps the council for: the one marked as ours,
    else the first; a sentence when there is none yet."""
    found = session.scalar(
        select(Organisation.id).order_by(Organisation.is_ours.desc(), Organisation.id).limit(1)
    )
    if found is None:
        raise DomainError(_("Add the organisation in Settings first."))
    return found


def find_council(session: Session, year_id: int, organisation_id: int | None = None) -> int | None:
    """The id of the council of an organisation (ours by default) in a year, or None."""
    org = organisation_id if organisation_id is not None else our_organisation(session)
    return session.scalar(
        select(Association.id)
        .where(
            Association.kind == COUNCIL_KIND,
            Association.year_id == year_id,
            Association.organisation_id == org,
        )
        .order_by(Association.id)
        .limit(1)
    )


def ensure_council(session: Session, year_id: int, organisation_id: int | None = None) -> int:
    """The council of the year, created (with no members yet) when it is not there."""
    if session.get(AcademicYear, year_id) is None:
        raise NotFound(_("The academic year was not found."))
    org = organisation_id if organisation_id is not None else our_organisation(session)
    found = find_council(session, year_id, org)
    if found is not None:
        return found
    council = Association(
        kind=COUNCIL_KIND,
        level=AssociationLevel.SCHOOL.value,
        name_kk=COUNCIL_NAMES[0],
        name_ru=COUNCIL_NAMES[1],
        year_id=year_id,
        organisation_id=org,
    )
    session.add(council)
    session.flush()
    return council.id


def _council(session: Session, association_id: int) -> Association:
    assoc = get_or_fail(session, Association, association_id, _("The methodical council was not found."))
    if assoc.kind != COUNCIL_KIND:
        raise NotFound(_("The methodical council was not found."))
    return assoc


def get_council(session: Session, association_id: int) -> CouncilDetail:
    """The council with its members and the order that set it."""
    _council(session, association_id)
    basis = session.scalar(select(CouncilBasis).where(CouncilBasis.association_id == association_id))
    return CouncilDetail(
        associations.get_detail(session, association_id),
        basis.order_number if basis else "",
        basis.order_date if basis else None,
    )


def set_basis(session: Session, association_id: int, order_number: str, order_date: dt.date | None) -> None:
    """Record the director's order that set the council's composition (№ and date)."""
    _council(session, association_id)
    number = limited(order_number, "order_number", MAX_ORDER_NUMBER).removeprefix("№").strip()
    day = reasonable_date(order_date, "order_date")
    basis = session.scalar(select(CouncilBasis).where(CouncilBasis.association_id == association_id))
    if basis is None:
        basis = CouncilBasis(association_id=association_id)
        session.add(basis)
    basis.order_number, basis.order_date = number, day
    session.flush()


def council_meetings(session: Session, year_id: int, organisation_id: int | None = None) -> list[MeetingRow]:
    """The council's meetings in the year, by number; none when it has no council."""
    found = find_council(session, year_id, organisation_id)
    return list_meetings(session, found, year_id) if found is not None else []


def find_council_meeting(session: Session, year_id: int, number: int) -> int:
    """The id of the council's meeting No. ``number`` in the year; a sentence when there is none."""
    for row in council_meetings(session, year_id):
        if row.number == number:
            return row.id
    raise NotFound(_("The methodical council has no meeting No. {number} in this year.").format(number=number))


def set_up_council(session: Session, year_id: int) -> int:
    """Create the year's council with its first members: last year's council's
    members (still working here) with their roles, or else the school's deputies
    and methodists, the first of them as chair. The director's order of the new
    year is entered anew."""
    from metodesk.domain.enums import MemberRole, Position
    from metodesk.storage.models import Membership, Teacher

    year = session.get(AcademicYear, year_id)
    if year is None:
        raise NotFound(_("The academic year was not found."))
    org = our_organisation(session)
    existing = find_council(session, year_id, org)
    if existing is not None:
        return existing
    council_id = ensure_council(session, year_id, org)
    before = session.scalar(
        select(Association.id)
        .join(AcademicYear, AcademicYear.id == Association.year_id)
        .where(
            Association.kind == COUNCIL_KIND,
            Association.organisation_id == org,
            AcademicYear.start_date < year.start_date,
        )
        .order_by(AcademicYear.start_date.desc())
        .limit(1)
    )
    people: list[tuple[int, str]] = []
    if before is not None:
        people = [
            (m.teacher_id, m.role)
            for m in session.scalars(
                select(Membership)
                .join(Teacher, Teacher.id == Membership.teacher_id)
                .where(
                    Membership.association_id == before,
                    Teacher.archived.is_(False),
                    Teacher.organisation_id == org,
                )
                .order_by(Membership.id)
            )
        ]
    if not people:
        leading = session.scalars(
            select(Teacher.id)
            .where(
                Teacher.organisation_id == org,
                Teacher.archived.is_(False),
                Teacher.position.in_((Position.DEPUTY.value, Position.METHODIST.value)),
            )
            .order_by(Teacher.id)
        ).all()
        people = [
            (teacher_id, MemberRole.LEADER.value if index == 0 else MemberRole.MEMBER.value)
            for index, teacher_id in enumerate(leading)
        ]
    for teacher_id, role in people:
        associations.add_member(session, council_id, teacher_id, role)
    return council_id
