"""Teachers: the people every other area refers to. Never deleted once history
refers to them: they are archived instead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.enums import Category, Position
from metodesk.domain.errors import DomainError
from metodesk.domain.rules import experience_years
from metodesk.domain.text import initials_name, search_fold
from metodesk.i18n import _
from metodesk.services.common import (
    check_enum,
    get_or_fail,
    limited,
    reasonable_date,
    required,
)
from metodesk.storage.models import Organisation, Subject, Teacher


@dataclass(frozen=True)
class TeacherRow:
    """A teacher as lists and documents show them."""

    id: int
    surname: str
    first_name: str
    patronymic: str
    organisation_id: int
    organisation_kk: str
    organisation_ru: str
    subject_ids: tuple[int, ...]
    subjects_kk: tuple[str, ...]
    subjects_ru: tuple[str, ...]
    position: str
    category: str
    category_date: dt.date | None
    teaching_since: dt.date | None
    young_specialist: bool
    archived: bool
    search_key: str

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.surname, self.first_name, self.patronymic) if p)

    @property
    def short_name(self) -> str:
        return initials_name(self.surname, self.first_name, self.patronymic)

    def experience(self, today: dt.date | None = None) -> int | None:
        return experience_years(self.teaching_since, today or dt.date.today())

    def organisation(self, lang: str) -> str:
        return self.organisation_ru if lang == "ru" else self.organisation_kk

    def subjects(self, lang: str) -> tuple[str, ...]:
        return self.subjects_ru if lang == "ru" else self.subjects_kk


@dataclass
class TeacherInput:
    surname: str = ""
    first_name: str = ""
    patronymic: str = ""
    organisation_id: int | None = None
    subject_ids: list[int] = field(default_factory=list)
    position: str = Position.TEACHER.value
    category: str = Category.NONE.value
    category_date: dt.date | None = None
    teaching_since: dt.date | None = None
    young_specialist: bool = False


def _row(t: Teacher) -> TeacherRow:
    subjects = sorted(t.subjects, key=lambda s: s.id)
    return TeacherRow(
        id=t.id,
        surname=t.surname,
        first_name=t.first_name,
        patronymic=t.patronymic,
        organisation_id=t.organisation_id,
        organisation_kk=t.organisation.name_kk,
        organisation_ru=t.organisation.name_ru,
        subject_ids=tuple(s.id for s in subjects),
        subjects_kk=tuple(s.name_kk for s in subjects),
        subjects_ru=tuple(s.name_ru for s in subjects),
        position=t.position,
        category=t.category,
        category_date=t.category_date,
        teaching_since=t.teaching_since,
        young_specialist=t.young_specialist,
        archived=t.archived,
        search_key=t.search_key,
    )


def _query():  # type: ignore[no-untyped-def]
    return select(Teacher).options(selectinload(Teacher.subjects), selectinload(Teacher.organisation))


def list_teachers(
    session: Session, include_archived: bool = False, organisation_id: int | None = None
) -> list[TeacherRow]:
    """Teachers as plain rows, by surname (the UI re-sorts in the user's alphabet)."""
    query = _query().order_by(Teacher.surname, Teacher.first_name)
    if not include_archived:
        query = query.where(Teacher.archived.is_(False))
    if organisation_id is not None:
        query = query.where(Teacher.organisation_id == organisation_id)
    return [_row(t) for t in session.scalars(query)]


def get_teacher(session: Session, teacher_id: int) -> TeacherRow:
    teacher = session.scalars(_query().where(Teacher.id == teacher_id)).first()
    if teacher is None:
        raise DomainError(_("The teacher was not found."))
    return _row(teacher)


def search_teachers(session: Session, text: str, include_archived: bool = False) -> list[TeacherRow]:
    """Teachers whose name contains every word of ``text``, Cyrillic case and i/і folded."""
    query = _query().order_by(Teacher.surname)
    for word in search_fold(text).split():
        query = query.where(Teacher.search_key.contains(word, autoescape=True))
    if not include_archived:
        query = query.where(Teacher.archived.is_(False))
    return [_row(t) for t in session.scalars(query)]


def _validate(session: Session, data: TeacherInput, today: dt.date) -> tuple[str, str, str, list[Subject]]:
    surname = required(data.surname, "surname", _("Enter the surname."), 100)
    first_name = required(data.first_name, "first_name", _("Enter the first name."), 100)
    patronymic = limited(data.patronymic, "patronymic", 100)
    if data.organisation_id is None or session.get(Organisation, data.organisation_id) is None:
        raise DomainError(_("Choose the teacher's organisation."), field="organisation_id")
    check_enum(data.position, Position, "position")
    check_enum(data.category, Category, "category")
    for name in ("category_date", "teaching_since"):
        value = reasonable_date(getattr(data, name), name)
        if value is not None and value > today:
            raise DomainError(_("This date is in the future."), field=name)
    if data.category == Category.NONE.value and data.category_date is not None:
        raise DomainError(_("A teacher without a category has no award date."), field="category_date")
    subjects = []
    for subject_id in dict.fromkeys(data.subject_ids):
        subject = session.get(Subject, subject_id)
        if subject is None:
            raise DomainError(_("The subject was not found."), field="subject_ids")
        subjects.append(subject)
    return surname, first_name, patronymic, subjects


def save_teacher(
    session: Session,
    data: TeacherInput,
    teacher_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """Create or update a teacher; names are trimmed, empty required fields refused."""
    surname, first_name, patronymic, subjects = _validate(session, data, today or dt.date.today())
    teacher = (
        get_or_fail(session, Teacher, teacher_id, _("The teacher was not found.")) if teacher_id else None
    )
    if teacher is None:
        teacher = Teacher(archived=False)
        session.add(teacher)
    teacher.surname, teacher.first_name, teacher.patronymic = (
        surname,
        first_name,
        patronymic,
    )
    teacher.search_key = search_fold(f"{surname} {first_name} {patronymic}")
    teacher.organisation_id = data.organisation_id  # type: ignore[assignment]
    teacher.position = data.position
    teacher.category = data.category
    teacher.category_date = data.category_date
    teacher.teaching_since = data.teaching_since
    teacher.young_specialist = bool(data.young_specialist)
    teacher.subjects = subjects
    session.flush()
    return teacher.id


def set_archived(session: Session, teacher_id: int, archived: bool) -> None:
    teacher = get_or_fail(session, Teacher, teacher_id, _("The teacher was not found."))
    teacher.archived = archived
    session.flush()


def remove_teacher(session: Session, teacher_id: int) -> bool:
    """Delete a teacher no record refers to; archive one that history refers to.
    Returns True when deleted, False when archived."""
    get_or_fail(session, Teacher, teacher_id, _("The teacher was not found."))
    try:
        with session.begin_nested():
            session.execute(delete(Teacher).where(Teacher.id == teacher_id))
    except IntegrityError:
        set_archived(session, teacher_id, True)
        return False
    session.expunge_all()
    return True
