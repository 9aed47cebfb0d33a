"""Teachers: the people every other area refers to. Never deleted once history
refers to them: they are archived instead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from metodesk.domain.enums import Category, Position
from metodesk.domain.errors import DomainError
from metodesk.domain.iin import AGE_MAX, AGE_MIN, birth_date_ok, iin_matches_birth, iin_well_formed
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
from metodesk.storage.models import Organisation, Subject, Teacher, teacher_subject
from metodesk.storage.versions import expect_version


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
    birth_date: dt.date | None = None
    # Personal data: shown in the teacher's card only; kept out of the row's
    # repr so a logged row never carries it.
    iin: str = field(default="", repr=False)
    version: int = 0  # the record's version as read: a save names it (issue 20)

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
    birth_date: dt.date | None = None
    iin: str = field(default="", repr=False)  # personal data: never logged


# The tables' own columns, not the mapped attributes: a statement of these is
# plain SQL and does not make SQLAlchemy configure every mapper first (90 ms),
# so the teachers' list, often the first tab, is filled before that (issue 21).
_TEACHER = Teacher.__table__.c
_ORGANISATION = Organisation.__table__.c
_SUBJECT = Subject.__table__.c

_COLUMNS = (
    _TEACHER.id,
    _TEACHER.surname,
    _TEACHER.first_name,
    _TEACHER.patronymic,
    _TEACHER.organisation_id,
    _ORGANISATION.name_kk,
    _ORGANISATION.name_ru,
    _TEACHER.position,
    _TEACHER.category,
    _TEACHER.category_date,
    _TEACHER.teaching_since,
    _TEACHER.young_specialist,
    _TEACHER.archived,
    _TEACHER.search_key,
    _TEACHER.birth_date,
    _TEACHER.iin,
    _TEACHER.version,
)


Taught = tuple[int, str, str]  # a subject's id, Kazakh and Russian names


def taught_subjects(session: Session, teacher_ids: list[int]) -> dict[int, list[Taught]]:
    """The subjects of these teachers (by subject id), from one plain query;
    a teacher with none is absent."""
    query = (
        select(teacher_subject.c.teacher_id, _SUBJECT.id, _SUBJECT.name_kk, _SUBJECT.name_ru)
        .join(Subject.__table__, _SUBJECT.id == teacher_subject.c.subject_id)
        .order_by(teacher_subject.c.teacher_id, _SUBJECT.id)
    )
    if len(teacher_ids) <= 500:  # a few teachers: ask for theirs; many: read the whole small table
        query = query.where(teacher_subject.c.teacher_id.in_(teacher_ids))
    wanted = set(teacher_ids)
    found: dict[int, list[Taught]] = {}
    for teacher_id, subject_id, name_kk, name_ru in session.execute(query):
        if teacher_id in wanted:
            found.setdefault(teacher_id, []).append((subject_id, name_kk, name_ru))
    return found


def _rows(session: Session, *where: ColumnElement[bool], order: tuple = ()) -> list[TeacherRow]:  # type: ignore[type-arg]
    """Teacher rows from two plain queries (the teachers with their organisation's
    names, then their subjects), not an ORM object graph: a district lists 3,000
    teachers and every tab that picks people reads them."""
    query = select(*_COLUMNS).join(Organisation.__table__, _ORGANISATION.id == _TEACHER.organisation_id)
    records = session.execute(query.where(*where).order_by(*order)).all()
    if not records:
        return []
    # each teacher's subject ids and names as the three tuples a row holds
    subjects = {
        teacher_id: tuple(zip(*taught, strict=True))
        for teacher_id, taught in taught_subjects(session, [r[0] for r in records]).items()
    }
    none: tuple[tuple[Any, ...], ...] = ((), (), ())
    rows = []
    for r in records:
        ids, names_kk, names_ru = subjects.get(r[0], none)
        rows.append(
            TeacherRow(
                id=r[0],
                surname=r[1],
                first_name=r[2],
                patronymic=r[3],
                organisation_id=r[4],
                organisation_kk=r[5],
                organisation_ru=r[6],
                subject_ids=ids,
                subjects_kk=names_kk,
                subjects_ru=names_ru,
                position=r[7],
                category=r[8],
                category_date=r[9],
                teaching_since=r[10],
                young_specialist=bool(r[11]),
                archived=bool(r[12]),
                search_key=r[13],
                birth_date=r[14],
                iin=r[15] or "",
                version=r[16],
            )
        )
    return rows


def list_teachers(
    session: Session, include_archived: bool = False, organisation_id: int | None = None
) -> list[TeacherRow]:
    """Teachers as plain rows, by surname (the UI re-sorts in the user's alphabet)."""
    where: list[ColumnElement[bool]] = []
    if not include_archived:
        where.append(_TEACHER.archived.is_(False))
    if organisation_id is not None:
        where.append(_TEACHER.organisation_id == organisation_id)
    return _rows(session, *where, order=(_TEACHER.surname, _TEACHER.first_name, _TEACHER.id))


@dataclass(frozen=True)
class TeacherName:
    """A teacher as a filter's choice shows them."""

    id: int
    full_name: str
    archived: bool


def teacher_names(session: Session, include_archived: bool = False) -> list[TeacherName]:
    """Every (active) teacher's id and full name, by surname: one light query
    for filter lists, which need neither subjects nor organisations."""
    query = select(Teacher.id, Teacher.surname, Teacher.first_name, Teacher.patronymic, Teacher.archived)
    if not include_archived:
        query = query.where(Teacher.archived.is_(False))
    return [
        TeacherName(teacher_id, " ".join(p for p in (surname, first_name, patronymic) if p), bool(archived))
        for teacher_id, surname, first_name, patronymic, archived in session.execute(
            query.order_by(Teacher.surname, Teacher.first_name, Teacher.id)
        )
    ]


def get_teacher(session: Session, teacher_id: int) -> TeacherRow:
    found = _rows(session, Teacher.id == teacher_id)
    if not found:
        raise DomainError(_("The teacher was not found."))
    return found[0]


def search_teachers(session: Session, text: str, include_archived: bool = False) -> list[TeacherRow]:
    """Teachers whose name contains every word of ``text``, Cyrillic case and i/і folded."""
    where = [Teacher.search_key.contains(word, autoescape=True) for word in search_fold(text).split()]
    if not include_archived:
        where.append(Teacher.archived.is_(False))
    return _rows(session, *where, order=(Teacher.surname, Teacher.id))


def check_identity(
    session: Session, data: TeacherInput, today: dt.date, teacher_id: int | None = None
) -> str | None:
    """The teacher's IIN as stored (None when not given), once the IIN and the
    birth date keep their rules: twelve digits with a right control digit,
    the first six the birth date's, a birth date of a teacher 16 to 100 years
    old, and no other teacher with this IIN."""
    if data.birth_date is not None and not birth_date_ok(data.birth_date, today):
        raise DomainError(
            _("The birth date must make the teacher {low} to {high} years old.").format(low=AGE_MIN, high=AGE_MAX),
            field="birth_date",
        )
    iin = "".join(data.iin.split())
    if not iin:
        return None
    if len(iin) != 12 or not iin.isascii() or not iin.isdigit():
        raise DomainError(_("The IIN must be exactly 12 digits."), field="iin")
    if not iin_well_formed(iin):
        raise DomainError(_("This IIN is not valid: its last digit does not fit the others."), field="iin")
    if data.birth_date is not None and not iin_matches_birth(iin, data.birth_date):
        raise DomainError(_("The first six digits of the IIN do not match the birth date."), field="iin")
    query = select(Teacher.surname, Teacher.first_name, Teacher.patronymic).where(Teacher.iin == iin)
    if teacher_id is not None:
        query = query.where(Teacher.id != teacher_id)
    other = session.execute(query).first()
    if other is not None:
        name = " ".join(p for p in other if p)
        raise DomainError(_("This IIN is already recorded for {name}.").format(name=name), field="iin")
    return iin


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
    version: int | None = None,
) -> int:
    """Create or update a teacher; names are trimmed, empty required fields refused.
    ``version`` is the one the screen showed: a teacher saved by someone else
    since then is not overwritten (ChangedMeanwhile); None checks nothing."""
    today = today or dt.date.today()
    teacher = (
        get_or_fail(session, Teacher, teacher_id, _("The teacher was not found.")) if teacher_id else None
    )
    if teacher is not None:
        expect_version(teacher, version)
    surname, first_name, patronymic, subjects = _validate(session, data, today)
    iin = check_identity(session, data, today, teacher_id)
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
    teacher.birth_date = data.birth_date
    teacher.iin = iin
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
