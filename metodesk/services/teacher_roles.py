"""What a teacher is to the others (issue 19.7): leader or secretary of which
associations, mentor or mentee in which pairs — so the question before
deleting her names what the deletion touches."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from metodesk.domain.enums import MemberRole
from metodesk.domain.text import initials_name
from metodesk.i18n import _
from metodesk.storage.models import AcademicYear, Association, Membership, MentoringPair, Teacher


def roles_of(session: Session, teacher_id: int, lang: str) -> list[str]:
    """One phrase per role, newest year first: 'leader of «…» (2026-2027)',
    'mentor of Әбдірахманова Ұ.С. (2026-2027)'."""
    phrases: list[str] = []
    led = session.execute(
        select(Membership.role, Association.name_kk, Association.name_ru, AcademicYear.name)
        .join(Association, Association.id == Membership.association_id)
        .join(AcademicYear, AcademicYear.id == Association.year_id)
        .where(
            Membership.teacher_id == teacher_id,
            Membership.role.in_((MemberRole.LEADER.value, MemberRole.SECRETARY.value)),
        )
        .order_by(AcademicYear.start_date.desc(), Association.id)
    )
    for role, name_kk, name_ru, year in led:
        name = name_ru if lang == "ru" and name_ru else name_kk
        if role == MemberRole.LEADER.value:
            phrases.append(_("leader of «{association}» ({year})").format(association=name, year=year))
        else:
            phrases.append(_("secretary of «{association}» ({year})").format(association=name, year=year))
    other = aliased(Teacher)
    sides = (
        (True, MentoringPair.mentor_id, MentoringPair.mentee_id),
        (False, MentoringPair.mentee_id, MentoringPair.mentor_id),
    )
    for is_mentor, column, partner in sides:
        pairs = session.execute(
            select(other.surname, other.first_name, other.patronymic, AcademicYear.name)
            .select_from(MentoringPair)
            .join(other, other.id == partner)
            .join(AcademicYear, AcademicYear.id == MentoringPair.year_id)
            .where(column == teacher_id)
            .order_by(AcademicYear.start_date.desc())
        )
        for surname, first_name, patronymic, year in pairs:
            person = initials_name(surname, first_name, patronymic)
            if is_mentor:
                phrases.append(_("mentor of {person} ({year})").format(person=person, year=year))
            else:
                phrases.append(_("mentee of {person} ({year})").format(person=person, year=year))
    return phrases
