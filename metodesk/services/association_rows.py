"""The associations list as plain rows, read with column selects and counts
(apart from ``associations`` to keep both modules short): a district year has
300 associations and 3,000 memberships, and loading every member, teacher and
organisation as ORM objects only to count members and name the leader took
most of the Associations tab's time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from metodesk.domain.enums import MemberRole
from metodesk.domain.text import initials_name
from metodesk.storage.models import AcademicYear, Association, Membership, Organisation, Subject, Teacher


@dataclass(frozen=True)
class AssociationRow:
    id: int
    kind: str
    level: str
    name_kk: str
    name_ru: str
    subject_id: int | None
    subject_kk: str
    subject_ru: str
    direction: str
    year_id: int
    year_name: str
    organisation_id: int
    organisation_kk: str
    organisation_ru: str
    leader: str
    member_count: int
    leader_archived: bool = False  # shown as "(archived)", as Mentoring shows its people
    version: int = 0  # the record's version as read: an edit's save names it (issue 20)

    def name(self, lang: str) -> str:
        return self.name_ru if lang == "ru" else self.name_kk

    def subject(self, lang: str) -> str:
        return self.subject_ru if lang == "ru" else self.subject_kk

    def organisation(self, lang: str) -> str:
        return self.organisation_ru if lang == "ru" else self.organisation_kk


def association_rows(session: Session, *where: ColumnElement[bool]) -> list[AssociationRow]:
    """Association rows from plain queries: the associations with their subject,
    year and organisation names, then member counts (GROUP BY) and leaders;
    no ORM graph of every member, teacher and organisation (a district year
    has 300 associations and 3,000 memberships)."""
    named = (
        select(
            Association.id,
            Association.kind,
            Association.level,
            Association.name_kk,
            Association.name_ru,
            Association.subject_id,
            Subject.name_kk,
            Subject.name_ru,
            Association.direction,
            Association.year_id,
            AcademicYear.name,
            Association.organisation_id,
            Organisation.name_kk,
            Organisation.name_ru,
            Association.version,
        )
        .outerjoin(Subject, Subject.id == Association.subject_id)
        .join(AcademicYear, AcademicYear.id == Association.year_id)
        .join(Organisation, Organisation.id == Association.organisation_id)
        .where(*where)
        .order_by(Association.id)
    )
    records = session.execute(named).all()
    if not records:
        return []
    members = (
        select(Membership.association_id, func.count())
        .join(Association, Association.id == Membership.association_id)
        .where(*where)
        .group_by(Membership.association_id)
    )
    counts: dict[int, int] = dict(session.execute(members).all())
    leaders: dict[int, str] = {}
    led = (
        select(
            Membership.association_id, Teacher.surname, Teacher.first_name, Teacher.patronymic, Teacher.archived
        )
        .join(Association, Association.id == Membership.association_id)
        .join(Teacher, Teacher.id == Membership.teacher_id)
        .where(Membership.role == MemberRole.LEADER.value, *where)
        .order_by(Membership.id)
    )
    archived_leaders: set[int] = set()
    for assoc_id, surname, first_name, patronymic, archived in session.execute(led):
        if assoc_id not in leaders and archived:
            archived_leaders.add(assoc_id)
        leaders.setdefault(assoc_id, initials_name(surname, first_name, patronymic))
    return [
        AssociationRow(
            id=r[0],
            kind=r[1],
            level=r[2],
            name_kk=r[3],
            name_ru=r[4],
            subject_id=r[5],
            subject_kk=r[6] or "",
            subject_ru=r[7] or "",
            direction=r[8],
            year_id=r[9],
            year_name=r[10],
            organisation_id=r[11],
            organisation_kk=r[12],
            organisation_ru=r[13],
            leader=leaders.get(r[0], ""),
            member_count=counts.get(r[0], 0),
            leader_archived=r[0] in archived_leaders,
            version=r[14],
        )
        for r in records
    ]
