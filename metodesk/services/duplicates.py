"""Records that look like one already saved (issue 19.4): a teacher already
recorded, an association of the same kind, level, subject, year and
organisation. The dialogs warn before saving such a record and offer to open
the existing one instead.

A teacher is the same one when the IIN is the same (whatever the name), or the
full name and the birth date are (in any organisation); with a birth date
missing on either side, the same full name in the same organisation. Names are compared
folded (case, Ё/Е, the Latin "i" old texts put for "і").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from metodesk.domain.text import search_fold
from metodesk.services.associations import AssociationInput
from metodesk.services.teachers import TeacherInput
from metodesk.storage.models import Association, Teacher


@dataclass(frozen=True)
class Existing:
    """The record already saved: its id and how it reads in the warning."""

    id: int
    text: str
    archived: bool = False


def _name_key(*parts: str | None) -> str:
    """The full name folded, with runs of spaces made one."""
    return "|".join(" ".join(search_fold(p or "").split()) for p in parts)


def _existing(teacher: Teacher) -> Existing:
    text = " ".join(p for p in (teacher.surname, teacher.first_name, teacher.patronymic) if p)
    return Existing(teacher.id, text, bool(teacher.archived))


def same_teacher(session: Session, data: TeacherInput, teacher_id: int | None = None) -> Existing | None:
    """Another teacher who is ``data``'s: the same IIN; or the same full name
    and birth date; or the same full name, no birth date on either side and
    the same organisation (or a birth date on one side only)."""
    others = select(Teacher).order_by(Teacher.id)
    if teacher_id is not None:
        others = others.where(Teacher.id != teacher_id)
    iin = "".join(data.iin.split())
    if iin:
        found = session.scalars(others.where(Teacher.iin == iin)).first()
        if found is not None:
            return _existing(found)
    if not data.surname.strip() or not data.first_name.strip():
        return None
    wanted = _name_key(data.surname, data.first_name, data.patronymic)
    # Two known birth dates that differ are two people; the same one is the
    # same person in any organisation; with a birth date missing on a side,
    # the organisation decides, as before birth dates were kept.
    if data.birth_date is not None:
        query = others.where(
            or_(
                Teacher.birth_date == data.birth_date,
                and_(Teacher.birth_date.is_(None), Teacher.organisation_id == data.organisation_id),
            )
        )
    else:
        query = others.where(Teacher.organisation_id == data.organisation_id)
    for teacher in session.scalars(query):
        if _name_key(teacher.surname, teacher.first_name, teacher.patronymic) == wanted:
            return _existing(teacher)
    return None


def same_association(
    session: Session, data: AssociationInput, association_id: int | None = None, lang: str = "kk"
) -> Existing | None:
    """Another association of the same kind, level, subject, year and organisation."""
    query = select(Association).where(
        Association.kind == data.kind,
        Association.level == data.level,
        Association.year_id == data.year_id,
        Association.organisation_id == data.organisation_id,
        Association.subject_id.is_(None) if data.subject_id is None else Association.subject_id == data.subject_id,
    )
    if association_id is not None:
        query = query.where(Association.id != association_id)
    found = session.scalars(query.order_by(Association.id)).first()
    if found is None:
        return None
    return Existing(found.id, found.name_ru if lang == "ru" and found.name_ru else found.name_kk)
