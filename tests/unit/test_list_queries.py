"""The light list queries the tabs use (plain column selects, aggregate counts)
give exactly what the ORM-graph versions they replaced gave, on a small
district built by bench/district.py (many teachers, subjects, associations,
plans with activities, lessons, archived people)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from metodesk.domain.text import search_fold
from metodesk.services import teachers
from metodesk.services.teachers import TeacherRow
from metodesk.storage.models import Teacher

SPEC = importlib.util.spec_from_file_location("district", Path(__file__).parents[2] / "bench" / "district.py")
assert SPEC and SPEC.loader
district = sys.modules.get("district") or importlib.util.module_from_spec(SPEC)
if "district" not in sys.modules:
    sys.modules["district"] = district
    SPEC.loader.exec_module(district)


@pytest.fixture
def district_db(db):  # type: ignore[no-untyped-def]
    """A tiny district, with a few teachers archived."""
    with db.transaction() as session:
        district.build_district(session, district.TINY)
        for teacher in session.scalars(select(Teacher).order_by(Teacher.id)).all()[::7]:
            teacher.archived = True
    return db


# --- teachers: the reference is the ORM version the list replaced -----------------------


def _orm_teacher_row(t: Teacher) -> TeacherRow:
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


def _orm_teachers(session, *where) -> list[TeacherRow]:  # type: ignore[no-untyped-def]
    query = select(Teacher).options(selectinload(Teacher.subjects), selectinload(Teacher.organisation))
    query = query.where(*where).order_by(Teacher.surname, Teacher.first_name, Teacher.id)
    return [_orm_teacher_row(t) for t in session.scalars(query)]


def test_teacher_rows_equal_the_orm_rows(district_db) -> None:  # type: ignore[no-untyped-def]
    with district_db.reading() as session:
        everyone = teachers.list_teachers(session, include_archived=True)
        assert everyone == _orm_teachers(session)
        assert len(everyone) > 40
        assert any(len(t.subject_ids) > 1 for t in everyone), "some teach several subjects"
        active = teachers.list_teachers(session)
        assert active == _orm_teachers(session, Teacher.archived.is_(False))
        assert 0 < len(active) < len(everyone)
        org = everyone[3].organisation_id
        assert teachers.list_teachers(session, include_archived=True, organisation_id=org) == _orm_teachers(
            session, Teacher.organisation_id == org
        )
        for row in everyone[:5]:
            assert teachers.get_teacher(session, row.id) == row
        word = search_fold(everyone[0].surname[:4])
        found = teachers.search_teachers(session, word, include_archived=True)
        assert found and {t.id for t in found} == {t.id for t in everyone if word in t.search_key}


def test_teacher_without_subjects_has_empty_tuples(session, ours) -> None:  # type: ignore[no-untyped-def]
    teacher_id = teachers.save_teacher(
        session, teachers.TeacherInput(surname="Ким", first_name="Виктория", organisation_id=ours)
    )
    row = teachers.get_teacher(session, teacher_id)
    assert row.subject_ids == () and row.subjects_kk == () and row.subjects_ru == ()
    assert row == _orm_teachers(session, Teacher.id == teacher_id)[0]
