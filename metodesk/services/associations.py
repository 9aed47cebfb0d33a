"""Methodical associations (Order No. 253 items 21-24, 29): their members,
roles, leader, and the three-teacher check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.enums import (
    AssociationKind,
    AssociationLevel,
    LeaderChosen,
    MemberRole,
)
from metodesk.domain.errors import DomainError
from metodesk.domain.rules import ThreeTeacherCheck, three_teacher_check
from metodesk.domain.text import initials_name
from metodesk.i18n import _
from metodesk.services.association_rows import AssociationRow, association_rows
from metodesk.services.common import (
    MAX_TITLE,
    check_enum,
    get_or_fail,
    limited,
    reasonable_date,
)
from metodesk.storage.models import (
    AcademicYear,
    Association,
    Membership,
    Organisation,
    Subject,
    Teacher,
    teacher_subject,
)
from metodesk.storage.versions import expect_version


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    teacher_id: int
    full_name: str
    short_name: str
    organisation_kk: str
    organisation_ru: str
    role: str
    leader_chosen: str
    leader_since: dt.date | None
    leader_basis: str
    archived: bool


@dataclass(frozen=True)
class AssociationDetail:
    row: AssociationRow
    members: tuple[MemberRow, ...]
    check: ThreeTeacherCheck

    @property
    def leader(self) -> MemberRow | None:
        return next((m for m in self.members if m.role == MemberRole.LEADER.value), None)

    @property
    def secretary(self) -> MemberRow | None:
        return next((m for m in self.members if m.role == MemberRole.SECRETARY.value), None)


@dataclass
class AssociationInput:
    kind: str = AssociationKind.SUBJECT.value
    level: str = AssociationLevel.SCHOOL.value
    name_kk: str = ""
    name_ru: str = ""
    subject_id: int | None = None
    direction: str = ""
    year_id: int | None = None
    organisation_id: int | None = None


_NAMES: dict[str, tuple[str, str]] = {
    "subject": (
        "«{kk}» пәні мұғалімдерінің әдістемелік бірлестігі",
        "Методическое объединение учителей предмета «{ru}»",
    ),
    "primary": (
        "Бастауыш сынып мұғалімдерінің әдістемелік бірлестігі",
        "Методическое объединение учителей начальных классов",
    ),
    "class_teachers": (
        "Сынып жетекшілерінің әдістемелік бірлестігі",
        "Методическое объединение классных руководителей",
    ),
    "preschool": (
        "Тәрбиешілердің әдістемелік бірлестігі",
        "Методическое объединение воспитателей",
    ),
    "boarding": (
        "Мектеп-интернат қызметкерлерінің әдістемелік бірлестігі",
        "Методическое объединение работников интерната",
    ),
    "tvet": (
        "«{kk}» бейіні бойынша оқу-әдістемелік бірлестік",
        "Учебно-методическое объединение по профилю «{ru}»",
    ),
    "cycle_commission": (
        "«{kk}» пәндік-циклдік комиссиясы",
        "Предметно-цикловая комиссия «{ru}»",
    ),
}


def suggest_names(kind: str, level: str, subject_kk: str = "", subject_ru: str = "") -> tuple[str, str]:
    """A Kazakh and a Russian name for a new association, to be edited by the user."""
    kk, ru = _NAMES.get(kind, _NAMES["subject"])
    kk = kk.format(kk=subject_kk or "…")
    ru = ru.format(ru=subject_ru or "…")
    if level == AssociationLevel.DISTRICT.value:
        kk = "Аудандық " + kk[0].lower() + kk[1:] if not kk.startswith("«") else "Аудандық " + kk
        ru = "Районное " + ru[0].lower() + ru[1:] if kind != "cycle_commission" else ru
    return kk, ru


def _query() -> Select[Association]:
    return select(Association).options(
        selectinload(Association.members).selectinload(Membership.teacher).selectinload(Teacher.organisation),
    )


NOT_COUNCIL = Association.kind != AssociationKind.COUNCIL.value  # the council has its own tab


def list_associations(session: Session, year_id: int | None = None) -> list[AssociationRow]:
    """The methodical associations (of a year), without the methodical council."""
    return association_rows(
        session, NOT_COUNCIL, *([Association.year_id == year_id] if year_id is not None else [])
    )


def count_associations(session: Session, year_id: int) -> int:
    """How many associations the year has (without reading them; the council not counted)."""
    return (
        session.scalar(select(func.count(Association.id)).where(Association.year_id == year_id, NOT_COUNCIL))
        or 0
    )


def subject_teacher_count(session: Session, organisation_id: int, subject_id: int) -> int:
    """Active teachers of one organisation who teach the subject (item 23)."""
    return (
        session.scalar(
            select(func.count(func.distinct(Teacher.id)))
            .join(teacher_subject, teacher_subject.c.teacher_id == Teacher.id)
            .where(
                Teacher.organisation_id == organisation_id,
                Teacher.archived.is_(False),
                teacher_subject.c.subject_id == subject_id,
            )
        )
        or 0
    )


def check_for(
    session: Session,
    kind: str,
    level: str,
    organisation_id: int,
    subject_id: int | None,
) -> ThreeTeacherCheck:
    needs_subject = AssociationKind(kind).needs_subject and subject_id is not None
    count = subject_teacher_count(session, organisation_id, subject_id) if needs_subject and subject_id else 0
    return three_teacher_check(level == AssociationLevel.SCHOOL.value, needs_subject, count)


def get_detail(session: Session, association_id: int) -> AssociationDetail:
    assoc = session.scalars(_query().where(Association.id == association_id)).first()
    if assoc is None:
        raise DomainError(_("The association was not found."))
    members = tuple(
        MemberRow(
            membership_id=m.id,
            teacher_id=m.teacher_id,
            full_name=" ".join(
                p for p in (m.teacher.surname, m.teacher.first_name, m.teacher.patronymic) if p
            ),
            short_name=initials_name(m.teacher.surname, m.teacher.first_name, m.teacher.patronymic),
            organisation_kk=m.teacher.organisation.name_kk,
            organisation_ru=m.teacher.organisation.name_ru,
            role=m.role,
            leader_chosen=m.leader_chosen,
            leader_since=m.leader_since,
            leader_basis=m.leader_basis,
            archived=m.teacher.archived,
        )
        for m in sorted(assoc.members, key=lambda m: (m.teacher.surname, m.teacher.first_name))
    )
    check = check_for(session, assoc.kind, assoc.level, assoc.organisation_id, assoc.subject_id)
    return AssociationDetail(
        row=association_rows(session, Association.id == assoc.id)[0], members=members, check=check
    )


def save_association(
    session: Session, data: AssociationInput, association_id: int | None = None, version: int | None = None
) -> int:
    """Create or update an association. The item-23 check never refuses: the
    caller shows ``get_detail(...).check`` as a warning. ``version`` is the one
    the screen showed: an association saved by someone else since then is not
    overwritten (ChangedMeanwhile); None checks nothing."""
    if association_id:
        expect_version(
            get_or_fail(session, Association, association_id, _("The association was not found.")), version
        )
    check_enum(data.kind, AssociationKind, "kind")
    check_enum(data.level, AssociationLevel, "level")
    name_kk = limited(data.name_kk, "name_kk", MAX_TITLE)
    name_ru = limited(data.name_ru, "name_ru", MAX_TITLE)
    if not name_kk and not name_ru:
        raise DomainError(_("Enter the association's name in Kazakh or in Russian."), field="name_kk")
    if AssociationKind(data.kind).needs_subject:
        if data.subject_id is None or session.get(Subject, data.subject_id) is None:
            raise DomainError(_("Choose the subject of the association."), field="subject_id")
    elif data.subject_id is not None and session.get(Subject, data.subject_id) is None:
        raise DomainError(_("The subject was not found."), field="subject_id")
    if data.year_id is None or session.get(AcademicYear, data.year_id) is None:
        raise DomainError(_("Choose the academic year."), field="year_id")
    if data.organisation_id is None or session.get(Organisation, data.organisation_id) is None:
        raise DomainError(_("Choose the organisation."), field="organisation_id")
    direction = limited(data.direction, "direction", MAX_TITLE)
    assoc = (
        get_or_fail(session, Association, association_id, _("The association was not found."))
        if association_id
        else None
    )
    if assoc is not None and data.level == AssociationLevel.SCHOOL.value:
        outsiders = session.scalar(
            select(func.count(Membership.id))
            .join(Teacher, Teacher.id == Membership.teacher_id)
            .where(Membership.association_id == assoc.id, Teacher.organisation_id != data.organisation_id)
        )
        if outsiders:  # the rule add_member keeps, kept when the level or school changes
            raise DomainError(
                _(
                    "Some members of this association work in other schools, "
                    "so it can only be a district association."
                ),
                field="level",
            )
    if assoc is None:
        assoc = Association()
        session.add(assoc)
    assoc.kind, assoc.level = data.kind, data.level
    assoc.name_kk, assoc.name_ru = name_kk or name_ru, name_ru or name_kk
    assoc.subject_id = data.subject_id
    assoc.direction = direction
    assoc.year_id, assoc.organisation_id = data.year_id, data.organisation_id
    session.flush()
    return assoc.id


def delete_association(session: Session, association_id: int) -> None:
    """Delete an association and its member list; refused once records refer to it."""
    get_or_fail(session, Association, association_id, _("The association was not found."))
    try:
        with session.begin_nested():
            session.execute(delete(Membership).where(Membership.association_id == association_id))
            session.execute(delete(Association).where(Association.id == association_id))
    except IntegrityError as exc:
        raise DomainError(
            _("This association already has meetings or plans, so it cannot be deleted.")
        ) from exc
    session.expunge_all()


def add_member(
    session: Session,
    association_id: int,
    teacher_id: int,
    role: str = MemberRole.MEMBER.value,
) -> int:
    """Add a teacher; archived teachers and duplicates are refused."""
    assoc = get_or_fail(session, Association, association_id, _("The association was not found."))
    teacher = get_or_fail(session, Teacher, teacher_id, _("The teacher was not found."))
    check_enum(role, MemberRole, "role")
    if teacher.archived:
        raise DomainError(
            _("An archived teacher cannot be added to an association."),
            field="teacher_id",
        )
    exists = session.scalar(
        select(Membership.id).where(
            Membership.association_id == association_id,
            Membership.teacher_id == teacher_id,
        )
    )
    if exists:
        raise DomainError(_("This teacher is already a member."), field="teacher_id")
    if assoc.level == AssociationLevel.SCHOOL.value and teacher.organisation_id != assoc.organisation_id:
        raise DomainError(
            _(
                "A school association takes teachers of its own school; "
                "for teachers of several schools create a district association."
            ),
            field="teacher_id",
        )
    membership = Membership(
        association_id=association_id,
        teacher_id=teacher_id,
        role=MemberRole.MEMBER.value,
    )
    session.add(membership)
    session.flush()
    if role != MemberRole.MEMBER.value:
        set_role(session, membership.id, role)
    return membership.id


def set_role(
    session: Session,
    membership_id: int,
    role: str,
    chosen: str = "",
    since: dt.date | None = None,
    basis: str = "",
) -> None:
    """Give a member a role. There is one leader and one secretary: the previous
    holder becomes a member. The leader keeps how and when they came, and on what basis."""
    membership = get_or_fail(session, Membership, membership_id, _("The member was not found."))
    check_enum(role, MemberRole, "role")
    if role == MemberRole.LEADER.value and chosen:
        check_enum(chosen, LeaderChosen, "leader_chosen")
    since = reasonable_date(since, "leader_since")
    basis = limited(basis, "leader_basis")  # checked before anyone is demoted
    if role != MemberRole.MEMBER.value:
        for other in session.scalars(
            select(Membership).where(
                Membership.association_id == membership.association_id,
                Membership.role == role,
                Membership.id != membership_id,
            )
        ):
            other.role = MemberRole.MEMBER.value
            other.leader_chosen, other.leader_since, other.leader_basis = "", None, ""
    membership.role = role
    if role == MemberRole.LEADER.value:
        membership.leader_chosen = chosen
        membership.leader_since = since
        membership.leader_basis = basis
    else:
        membership.leader_chosen, membership.leader_since, membership.leader_basis = (
            "",
            None,
            "",
        )
    session.flush()


def remove_member(session: Session, membership_id: int) -> None:
    membership = get_or_fail(session, Membership, membership_id, _("The member was not found."))
    session.delete(membership)
    session.flush()
