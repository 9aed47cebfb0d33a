"""Teachers service: cleaning and refusing input, archive instead of delete,
folded search, and nothing half-saved."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import associations, organisations, subjects, teachers
from metodesk.services.teachers import TeacherInput
from metodesk.storage.models import Membership, Teacher, teacher_subject

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

TODAY = dt.date(2025, 11, 1)


def _subject(session, name_kk: str) -> int:
    return next(s.id for s in subjects.list_subjects(session) if s.name_kk == name_kk)


def _teacher(session, org: int, surname: str = "Нұрғалиева", **extra) -> int:
    data = TeacherInput(
        surname=surname, first_name=extra.pop("first_name", "Әсел"), organisation_id=org, **extra
    )
    return teachers.save_teacher(session, data, today=TODAY)


def _count(session, column) -> int:
    return session.scalar(select(func.count(column)))


def _association(session, org: int, subject: int | None = None, level: str = "school") -> int:
    from metodesk.services import years

    return associations.save_association(
        session,
        associations.AssociationInput(
            kind="subject" if subject else "primary",
            level=level,
            name_kk="ӘБ",
            subject_id=subject,
            year_id=years.current_year(session).id,  # type: ignore[union-attr]
            organisation_id=org,
        ),
    )


# --- saving ------------------------------------------------------------------------


def test_save_and_read_back(session, ours) -> None:
    kaz, lit = _subject(session, "Қазақ тілі"), _subject(session, "Қазақ әдебиеті")
    teacher_id = teachers.save_teacher(
        session,
        TeacherInput(
            surname="Нұрғалиева",
            first_name="Әсел",
            patronymic="Бауыржанқызы",
            organisation_id=ours,
            subject_ids=[lit, kaz, kaz],  # duplicates are ignored
            position="teacher",
            category="researcher",
            category_date=dt.date(2021, 12, 24),
            teaching_since=dt.date(2008, 9, 1),
            young_specialist=False,
        ),
        today=TODAY,
    )
    row = teachers.get_teacher(session, teacher_id)
    assert row.full_name == "Нұрғалиева Әсел Бауыржанқызы"
    assert row.short_name == "Нұрғалиева Ә.Б."
    assert row.subject_ids == tuple(sorted((kaz, lit)))
    assert row.subjects("kk") == ("Қазақ тілі", "Қазақ әдебиеті")
    assert row.subjects("ru") == ("Казахский язык", "Казахская литература")
    assert row.organisation("ru") == "Школа №1"
    assert row.category == "researcher" and row.category_date == dt.date(2021, 12, 24)
    assert row.experience(dt.date(2025, 9, 1)) == 17
    assert not row.archived


def test_names_are_trimmed_and_inner_spaces_folded(session, ours) -> None:
    teacher_id = teachers.save_teacher(
        session,
        TeacherInput(
            surname="  Нұрғалиева ",
            first_name=" Әсел\t",
            patronymic="  Бауыржан   қызы  ",
            organisation_id=ours,
        ),
        today=TODAY,
    )
    row = teachers.get_teacher(session, teacher_id)
    assert (row.surname, row.first_name, row.patronymic) == ("Нұрғалиева", "Әсел", "Бауыржан қызы")


def test_update_changes_the_same_record(session, ours) -> None:
    teacher_id = _teacher(session, ours)
    math = _subject(session, "Математика")
    same = teachers.save_teacher(
        session,
        TeacherInput(surname="Төлеуова", first_name="Айгүл", organisation_id=ours, subject_ids=[math]),
        teacher_id=teacher_id,
        today=TODAY,
    )
    assert same == teacher_id
    assert _count(session, Teacher.id) == 1
    row = teachers.get_teacher(session, teacher_id)
    assert row.surname == "Төлеуова" and row.subject_ids == (math,)
    assert [t.id for t in teachers.search_teachers(session, "төлеу")] == [teacher_id]
    assert teachers.search_teachers(session, "нұрғ") == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"surname": ""}, "surname"),
        ({"surname": "   \t "}, "surname"),
        ({"first_name": ""}, "first_name"),
        ({"first_name": "  "}, "first_name"),
        ({"surname": "Ж" * 101}, "surname"),
        ({"organisation_id": None}, "organisation_id"),
        ({"organisation_id": 9999}, "organisation_id"),
        ({"category": "grandmaster"}, "category"),
        ({"category": ""}, "category"),
        ({"position": "janitor"}, "position"),
        ({"category": "none", "category_date": dt.date(2024, 5, 1)}, "category_date"),
        ({"category": "expert", "category_date": dt.date(2025, 11, 2)}, "category_date"),
        ({"teaching_since": dt.date(2026, 9, 1)}, "teaching_since"),
        ({"teaching_since": dt.date(1900, 9, 1)}, "teaching_since"),
        ({"subject_ids": [99999]}, "subject_ids"),
    ],
)
def test_bad_input_is_refused_with_its_field(session, ours, changes, field) -> None:
    values = {"surname": "Ким", "first_name": "Виктория", "organisation_id": ours, **changes}
    with pytest.raises(DomainError) as caught:
        teachers.save_teacher(session, TeacherInput(**values), today=TODAY)
    assert caught.value.field == field
    assert str(caught.value).endswith(".")  # a sentence, ready to show
    assert _count(session, Teacher.id) == 0


def test_award_date_today_is_accepted(session, ours) -> None:
    teacher_id = _teacher(session, ours, category="moderator", category_date=TODAY)
    assert teachers.get_teacher(session, teacher_id).category_date == TODAY


@pytest.mark.parametrize("code", ["legacy_highest", "legacy_first", "legacy_second", "master"])
def test_all_category_codes_accepted(session, ours, code) -> None:
    teacher_id = _teacher(session, ours, category=code, category_date=dt.date(2019, 12, 27))
    assert teachers.get_teacher(session, teacher_id).category == code


def test_future_date_refused_against_the_real_today(session, ours) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    data = TeacherInput(
        surname="Ким", first_name="Виктория", organisation_id=ours, category="expert", category_date=tomorrow
    )
    with pytest.raises(DomainError) as caught:
        teachers.save_teacher(session, data)
    assert caught.value.field == "category_date"


def test_updating_a_missing_teacher(session, ours) -> None:
    with pytest.raises(NotFound):
        teachers.save_teacher(
            session, TeacherInput(surname="Ким", first_name="В", organisation_id=ours), teacher_id=4242
        )
    with pytest.raises(DomainError):
        teachers.get_teacher(session, 4242)


# --- listing and searching ---------------------------------------------------------------


def test_search_folds_case_and_latin_i(session, ours) -> None:
    nurg = _teacher(session, ours, "Нұрғалиева", first_name="Әсел")
    ilyas = _teacher(session, ours, "Ибраев", first_name="Ілияс", patronymic="Қанатұлы")
    _teacher(session, ours, "Петренко", first_name="Ольга")

    def found(text: str) -> list[int]:
        return [t.id for t in teachers.search_teachers(session, text)]

    assert found("нұрғ") == [nurg]
    assert found("НҰРҒАЛИЕВА") == [nurg]
    assert found("iлияс") == [ilyas]  # Latin i
    assert found("ІЛИЯС") == [ilyas]
    assert found("ибраев қанат") == [ilyas]
    assert found("ибраев ольга") == []
    assert found("ильяс") == []
    assert len(found("")) == 3


def test_search_treats_like_wildcards_as_text(session, ours) -> None:
    _teacher(session, ours, "Ким")
    assert teachers.search_teachers(session, "%") == []
    assert teachers.search_teachers(session, "_") == []


def test_archived_are_hidden_unless_asked(session, ours) -> None:
    teacher_id = _teacher(session, ours)
    teachers.set_archived(session, teacher_id, True)
    assert teachers.list_teachers(session) == []
    assert [t.id for t in teachers.list_teachers(session, include_archived=True)] == [teacher_id]
    assert teachers.search_teachers(session, "нұрғ") == []
    assert [t.id for t in teachers.search_teachers(session, "нұрғ", include_archived=True)] == [teacher_id]
    teachers.set_archived(session, teacher_id, False)
    assert [t.id for t in teachers.list_teachers(session)] == [teacher_id]


def test_list_by_organisation(session, ours) -> None:
    other = organisations.save_organisation(session, organisations.OrganisationInput(name_kk="Қаратал"))
    mine = _teacher(session, ours, "Бекова")
    _teacher(session, other, "Иванова")
    assert [t.id for t in teachers.list_teachers(session, organisation_id=ours)] == [mine]
    assert len(teachers.list_teachers(session)) == 2


# --- removing -------------------------------------------------------------------------------


def test_remove_unreferenced_teacher_deletes(session, ours) -> None:
    teacher_id = _teacher(session, ours, subject_ids=[_subject(session, "Математика")])
    assert teachers.remove_teacher(session, teacher_id) is True
    assert _count(session, Teacher.id) == 0
    assert _count(session, teacher_subject.c.teacher_id) == 0
    assert teachers.list_teachers(session, include_archived=True) == []


def test_remove_member_archives_and_keeps_membership(session, ours) -> None:
    teacher_id = _teacher(session, ours)
    assoc = _association(session, ours)
    membership = associations.add_member(session, assoc, teacher_id, "leader")
    assert teachers.remove_teacher(session, teacher_id) is False
    row = teachers.get_teacher(session, teacher_id)
    assert row.archived
    assert session.get(Membership, membership) is not None
    detail = associations.get_detail(session, assoc)
    assert [m.teacher_id for m in detail.members] == [teacher_id]
    assert detail.members[0].archived and detail.members[0].role == "leader"


def test_remove_missing_teacher(session) -> None:
    with pytest.raises(NotFound):
        teachers.remove_teacher(session, 31337)


def test_archived_teacher_cannot_join(session, ours) -> None:
    teacher_id = _teacher(session, ours)
    teachers.set_archived(session, teacher_id, True)
    assoc = _association(session, ours)
    with pytest.raises(DomainError) as caught:
        associations.add_member(session, assoc, teacher_id)
    assert caught.value.field == "teacher_id"
    assert _count(session, Membership.id) == 0


# --- one action, one transaction ------------------------------------------------------------------


def _teacher_count(db) -> int:
    with db.reading() as s:
        return _count(s, Teacher.id)


def test_refused_second_save_undoes_the_first(db, ours) -> None:
    with pytest.raises(DomainError):
        with db.transaction() as s:
            _teacher(s, ours, "Бекова")
            _teacher(s, ours, "")
    assert _teacher_count(db) == 0


def test_delete_inside_a_failed_action_is_undone(db, ours) -> None:
    with db.transaction() as s:
        teacher_id = _teacher(s, ours)
    with pytest.raises(DomainError):
        with db.transaction() as s:
            assert teachers.remove_teacher(s, teacher_id) is True
            _teacher(s, ours, "")  # the same action then fails
    assert _teacher_count(db) == 1
    with db.reading() as s:
        assert teachers.get_teacher(s, teacher_id).surname == "Нұрғалиева"


def test_archive_inside_a_failed_action_is_undone(db, ours) -> None:
    with db.transaction() as s:
        teacher_id = _teacher(s, ours)
        associations.add_member(s, _association(s, ours), teacher_id)
    with pytest.raises(DomainError):
        with db.transaction() as s:
            assert teachers.remove_teacher(s, teacher_id) is False
            _teacher(s, ours, "")
    with db.reading() as s:
        assert not teachers.get_teacher(s, teacher_id).archived
        assert _count(s, Membership.id) == 1


def test_a_later_save_in_the_same_action_still_works_after_remove(db, ours) -> None:
    with db.transaction() as s:
        first = _teacher(s, ours)
        second = _teacher(s, ours, "Бекова")
    with db.transaction() as s:
        assert teachers.remove_teacher(s, first) is True
        teachers.save_teacher(
            s, TeacherInput(surname="Бекова", first_name="Жанар", organisation_id=ours), second, today=TODAY
        )
    with db.reading() as s:
        assert [t.full_name for t in teachers.list_teachers(s, include_archived=True)] == ["Бекова Жанар"]
