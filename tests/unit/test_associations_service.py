"""Associations service: subject required, the item-23 check, one leader and one
secretary, who may join a school or a district association, deleting, and
nothing half-saved."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import associations, organisations, subjects, teachers, years
from metodesk.services.associations import AssociationInput
from metodesk.storage.models import Association, Membership

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

TODAY = dt.date(2025, 11, 1)


def _subject(session, name_kk: str) -> int:
    return next(s.id for s in subjects.list_subjects(session) if s.name_kk == name_kk)


def _org(session, name: str = "Қаратал мектебі") -> int:
    return organisations.save_organisation(
        session, organisations.OrganisationInput(kind="small_school", name_kk=name)
    )


def _teacher(session, org: int, surname: str, *subject_ids: int) -> int:
    return teachers.save_teacher(
        session,
        teachers.TeacherInput(
            surname=surname, first_name="Айгүл", organisation_id=org, subject_ids=list(subject_ids)
        ),
        today=TODAY,
    )


def _data(session, org: int, **changes) -> AssociationInput:
    values = {
        "kind": "subject",
        "level": "school",
        "name_kk": "Математика ӘБ",
        "name_ru": "МО математики",
        "subject_id": _subject(session, "Математика"),
        "year_id": years.current_year(session).id,  # type: ignore[union-attr]
        "organisation_id": org,
    }
    values.update(changes)
    return AssociationInput(**values)


def _assoc(session, org: int, **changes) -> int:
    return associations.save_association(session, _data(session, org, **changes))


def _count(session, column) -> int:
    return session.scalar(select(func.count(column)))


# --- saving -------------------------------------------------------------------------------


def test_save_and_list(session, ours) -> None:
    assoc = _assoc(session, ours, name_kk="  Математика   ӘБ ")
    (row,) = associations.list_associations(session)
    assert row.id == assoc
    assert row.name("kk") == "Математика ӘБ" and row.name("ru") == "МО математики"
    assert row.subject("ru") == "Математика" and row.year_name == "2025-2026"
    assert row.organisation("ru") == "Школа №1"
    assert row.member_count == 0 and row.leader == ""


def test_one_name_is_enough(session, ours) -> None:
    assoc = _assoc(session, ours, name_kk="", name_ru="МО математики")
    row = associations.get_detail(session, assoc).row
    assert row.name_kk == row.name_ru == "МО математики"


def test_list_by_year(session, ours) -> None:
    other_year = years.save_year(
        session,
        years.YearInput(name="2026-2027", start_date=dt.date(2026, 9, 1), end_date=dt.date(2027, 5, 25)),
    )
    current = _assoc(session, ours)
    _assoc(session, ours, year_id=other_year)
    current_id = years.current_year(session).id  # type: ignore[union-attr]
    assert [a.id for a in associations.list_associations(session, current_id)] == [current]
    assert len(associations.list_associations(session)) == 2


@pytest.mark.parametrize("kind", ["subject", "cycle_commission"])
def test_subject_required_for_subject_kinds(session, ours, kind) -> None:
    with pytest.raises(DomainError) as caught:
        _assoc(session, ours, kind=kind, subject_id=None)
    assert caught.value.field == "subject_id"
    assert _count(session, Association.id) == 0


@pytest.mark.parametrize("kind", ["primary", "class_teachers", "preschool", "boarding", "tvet"])
def test_other_kinds_need_no_subject(session, ours, kind) -> None:
    assoc = _assoc(session, ours, kind=kind, subject_id=None, direction="Бастауыш сынып")
    detail = associations.get_detail(session, assoc)
    assert detail.row.subject_id is None and detail.row.direction == "Бастауыш сынып"
    assert not detail.check.applies and detail.check.satisfied


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name_kk": "", "name_ru": "  "}, "name_kk"),
        ({"kind": "chess_club"}, "kind"),
        ({"level": "national"}, "level"),
        ({"year_id": None}, "year_id"),
        ({"year_id": 999}, "year_id"),
        ({"organisation_id": 999}, "organisation_id"),
        ({"subject_id": 999}, "subject_id"),
        ({"kind": "primary", "subject_id": 999}, "subject_id"),
        ({"name_kk": "Ә" * 301}, "name_kk"),
        ({"direction": "Ә" * 301}, "direction"),
    ],
)
def test_bad_input_refused_with_field(session, ours, changes, field) -> None:
    with pytest.raises(DomainError) as caught:
        _assoc(session, ours, **changes)
    assert caught.value.field == field
    assert _count(session, Association.id) == 0


def test_refused_update_leaves_the_record_as_it_was(session, ours) -> None:
    assoc = _assoc(session, ours, direction="Алгебра")
    with pytest.raises(DomainError):
        associations.save_association(
            session, _data(session, ours, name_kk="Жаңа атау", direction="Ә" * 301), assoc
        )
    row = associations.get_detail(session, assoc).row
    assert (row.name_kk, row.direction) == ("Математика ӘБ", "Алгебра")


def test_suggested_names(session) -> None:
    kk, ru = associations.suggest_names("subject", "school", "Математика", "Математика")
    assert kk == "«Математика» пәні мұғалімдерінің әдістемелік бірлестігі"
    assert ru == "Методическое объединение учителей предмета «Математика»"
    kk, ru = associations.suggest_names("primary", "district")
    assert kk == "Аудандық бастауыш сынып мұғалімдерінің әдістемелік бірлестігі"
    assert ru == "Районное методическое объединение учителей начальных классов"


# --- item 23 ---------------------------------------------------------------------------------


def test_item_23_counts_active_teachers_of_the_subject_in_the_school(session, ours) -> None:
    math, phys = _subject(session, "Математика"), _subject(session, "Физика")
    neighbour = _org(session)
    _teacher(session, ours, "Бекова", math)
    _teacher(session, ours, "Қасымов", math, phys)
    _teacher(session, ours, "Оразбекова", phys)  # another subject
    _teacher(session, neighbour, "Серікбаев", math)  # another school
    archived = _teacher(session, ours, "Жақсылықова", math)
    teachers.set_archived(session, archived, True)
    assoc = _assoc(session, ours)

    check = associations.get_detail(session, assoc).check
    assert check.applies
    assert check.teachers_of_subject == 2
    assert not check.satisfied

    third = _teacher(session, ours, "Смағұлова", math)
    assert associations.get_detail(session, assoc).check.satisfied
    assert associations.get_detail(session, assoc).check.teachers_of_subject == 3
    teachers.set_archived(session, third, True)
    assert not associations.get_detail(session, assoc).check.satisfied
    teachers.set_archived(session, archived, False)
    assert associations.get_detail(session, assoc).check.teachers_of_subject == 3


def test_item_23_never_refuses_saving(session, ours) -> None:
    assoc = _assoc(session, ours)
    assert not associations.get_detail(session, assoc).check.satisfied
    assert _count(session, Association.id) == 1


def test_item_23_district_level_is_exempt(session, ours) -> None:
    _teacher(session, ours, "Бекова", _subject(session, "Математика"))
    assoc = _assoc(session, ours, level="district")
    check = associations.get_detail(session, assoc).check
    assert not check.applies and check.satisfied


def test_check_for_before_saving(session, ours) -> None:
    math = _subject(session, "Математика")
    for name in ("Бекова", "Қасымов", "Смағұлова"):
        _teacher(session, ours, name, math)
    assert associations.check_for(session, "subject", "school", ours, math).satisfied
    assert not associations.check_for(session, "subject", "school", _org(session), math).satisfied
    assert associations.check_for(session, "subject", "district", _org(session, "Б"), math).satisfied
    assert associations.subject_teacher_count(session, ours, math) == 3


# --- members and roles ---------------------------------------------------------------------------


def test_school_association_takes_only_its_own_teachers(session, ours) -> None:
    outsider = _teacher(session, _org(session), "Иванова")
    assoc = _assoc(session, ours)
    with pytest.raises(DomainError) as caught:
        associations.add_member(session, assoc, outsider)
    assert caught.value.field == "teacher_id"
    assert _count(session, Membership.id) == 0


def test_district_association_takes_several_schools(session, ours) -> None:
    mine = _teacher(session, ours, "Бекова")
    theirs = _teacher(session, _org(session), "Иванова")
    assoc = _assoc(session, ours, level="district")
    associations.add_member(session, assoc, mine)
    associations.add_member(session, assoc, theirs)
    detail = associations.get_detail(session, assoc)
    assert {m.teacher_id for m in detail.members} == {mine, theirs}
    assert {m.organisation_kk for m in detail.members} == {"№1 мектеп", "Қаратал мектебі"}
    assert detail.row.member_count == 2


def test_district_with_outside_members_cannot_become_a_school_one(session, ours) -> None:
    mine = _teacher(session, ours, "Бекова")
    other_school = _org(session)
    assoc = _assoc(session, ours, level="district")
    associations.add_member(session, assoc, mine)
    associations.add_member(session, assoc, _teacher(session, other_school, "Иванова"))
    for changes in ({"level": "school"}, {"level": "school", "organisation_id": other_school}):
        with pytest.raises(DomainError) as caught:
            associations.save_association(session, _data(session, ours, **changes), assoc)
        assert caught.value.field == "level"
    assert associations.get_detail(session, assoc).row.level == "district"
    # Renaming it, or keeping it at district level, is fine.
    associations.save_association(session, _data(session, ours, level="district", name_kk="Жаңа"), assoc)
    assert associations.get_detail(session, assoc).row.name_kk == "Жаңа"


def test_school_association_with_own_members_may_change_level(session, ours) -> None:
    assoc = _assoc(session, ours, level="district")
    associations.add_member(session, assoc, _teacher(session, ours, "Бекова"))
    associations.save_association(session, _data(session, ours, level="school"), assoc)
    assert associations.get_detail(session, assoc).row.level == "school"
    with pytest.raises(DomainError) as caught:  # moving it to another school strands its members
        associations.save_association(session, _data(session, _org(session), level="school"), assoc)
    assert caught.value.field == "level"


def test_duplicate_member_refused(session, ours) -> None:
    teacher = _teacher(session, ours, "Бекова")
    assoc = _assoc(session, ours)
    associations.add_member(session, assoc, teacher)
    with pytest.raises(DomainError) as caught:
        associations.add_member(session, assoc, teacher)
    assert caught.value.field == "teacher_id"
    assert _count(session, Membership.id) == 1


def test_teacher_may_belong_to_several_associations(session, ours) -> None:
    teacher = _teacher(session, ours, "Бекова")
    first, second = _assoc(session, ours), _assoc(session, ours, kind="class_teachers", subject_id=None)
    associations.add_member(session, first, teacher, "leader")
    associations.add_member(session, second, teacher, "leader")
    assert associations.get_detail(session, first).leader.teacher_id == teacher  # type: ignore[union-attr]
    assert associations.get_detail(session, second).leader.teacher_id == teacher  # type: ignore[union-attr]


def test_unknown_role_refused(session, ours) -> None:
    assoc = _assoc(session, ours)
    with pytest.raises(DomainError) as caught:
        associations.add_member(session, assoc, _teacher(session, ours, "Бекова"), "chairman")
    assert caught.value.field == "role"


def test_one_leader_one_secretary(session, ours) -> None:
    a, b, c = (_teacher(session, ours, name) for name in ("Бекова", "Қасымов", "Смағұлова"))
    assoc = _assoc(session, ours)
    ma = associations.add_member(session, assoc, a)
    mb = associations.add_member(session, assoc, b)
    mc = associations.add_member(session, assoc, c, "secretary")
    associations.set_role(session, ma, "leader", "elected", dt.date(2025, 8, 28), "  № 1  хаттама ")

    detail = associations.get_detail(session, assoc)
    leader = detail.leader
    assert leader is not None and leader.teacher_id == a
    assert (leader.leader_chosen, leader.leader_since, leader.leader_basis) == (
        "elected",
        dt.date(2025, 8, 28),
        "№ 1 хаттама",
    )
    assert detail.secretary is not None and detail.secretary.teacher_id == c
    assert detail.row.leader == "Бекова А."

    # A new leader demotes the old one, who loses the leader's details.
    associations.set_role(session, mb, "leader", "appointed", dt.date(2025, 9, 5), "№ 112 бұйрық")
    detail = associations.get_detail(session, assoc)
    roles = {m.membership_id: m for m in detail.members}
    assert [m.membership_id for m in detail.members if m.role == "leader"] == [mb]
    assert roles[ma].role == "member"
    assert (roles[ma].leader_chosen, roles[ma].leader_since, roles[ma].leader_basis) == ("", None, "")
    assert roles[mb].leader_chosen == "appointed"

    # A new secretary demotes the old one; the leader stays.
    associations.set_role(session, ma, "secretary")
    detail = associations.get_detail(session, assoc)
    assert [m.membership_id for m in detail.members if m.role == "secretary"] == [ma]
    assert {m.membership_id: m.role for m in detail.members}[mc] == "member"
    assert detail.leader is not None and detail.leader.membership_id == mb


def test_leader_becoming_member_loses_details(session, ours) -> None:
    assoc = _assoc(session, ours)
    m = associations.add_member(session, assoc, _teacher(session, ours, "Бекова"))
    associations.set_role(session, m, "leader", "elected", dt.date(2025, 8, 28), "№ 1 хаттама")
    associations.set_role(session, m, "member")
    (member,) = associations.get_detail(session, assoc).members
    assert (member.role, member.leader_chosen, member.leader_since, member.leader_basis) == (
        "member",
        "",
        None,
        "",
    )
    assert associations.get_detail(session, assoc).leader is None


def test_roles_are_per_association(session, ours) -> None:
    a, b = _teacher(session, ours, "Бекова"), _teacher(session, ours, "Қасымов")
    first, second = _assoc(session, ours), _assoc(session, ours, kind="primary", subject_id=None)
    associations.add_member(session, first, a, "leader")
    associations.add_member(session, second, b, "leader")
    assert associations.get_detail(session, first).leader.teacher_id == a  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("leader", "voted"), "leader_chosen"),
        (("leader", "elected", dt.date(1900, 1, 1)), "leader_since"),
        (("leader", "elected", None, "х" * 201), "leader_basis"),
        (("boss",), "role"),
    ],
)
def test_bad_role_input(session, ours, args, field) -> None:
    assoc = _assoc(session, ours)
    m = associations.add_member(session, assoc, _teacher(session, ours, "Бекова"))
    with pytest.raises(DomainError) as caught:
        associations.set_role(session, m, *args)
    assert caught.value.field == field


def test_refused_role_demotes_nobody(session, ours) -> None:
    assoc = _assoc(session, ours)
    leader = associations.add_member(session, assoc, _teacher(session, ours, "Бекова"), "leader")
    other = associations.add_member(session, assoc, _teacher(session, ours, "Қасымов"))
    with pytest.raises(DomainError) as caught:
        associations.set_role(session, other, "leader", "elected", None, "х" * 201)
    assert caught.value.field == "leader_basis"
    roles = {m.membership_id: m.role for m in associations.get_detail(session, assoc).members}
    assert roles == {leader: "leader", other: "member"}


def test_remove_member(session, ours) -> None:
    assoc = _assoc(session, ours)
    teacher = _teacher(session, ours, "Бекова")
    m = associations.add_member(session, assoc, teacher)
    associations.remove_member(session, m)
    assert associations.get_detail(session, assoc).members == ()
    assert teachers.get_teacher(session, teacher).id == teacher  # the teacher stays
    with pytest.raises(NotFound):
        associations.remove_member(session, m)


# --- deleting ------------------------------------------------------------------------------------


def test_delete_association_with_members(session, ours) -> None:
    assoc = _assoc(session, ours)
    teacher = _teacher(session, ours, "Бекова")
    associations.add_member(session, assoc, teacher, "leader")
    keep = _assoc(session, ours, kind="primary", subject_id=None)
    associations.delete_association(session, assoc)
    assert [a.id for a in associations.list_associations(session)] == [keep]
    assert _count(session, Membership.id) == 0
    assert teachers.get_teacher(session, teacher).id == teacher
    with pytest.raises(DomainError):
        associations.get_detail(session, assoc)
    with pytest.raises(NotFound):
        associations.delete_association(session, assoc)


# --- one action, one transaction -------------------------------------------------------------------


def _counts(db) -> tuple[int, int]:
    with db.reading() as s:
        return _count(s, Association.id), _count(s, Membership.id)


def test_refused_member_undoes_the_new_association(db, ours) -> None:
    with db.transaction() as s:
        outsider = _teacher(s, _org(s), "Иванова")
    with pytest.raises(DomainError):
        with db.transaction() as s:
            assoc = _assoc(s, ours)
            associations.add_member(s, assoc, _teacher(s, ours, "Бекова"))
            associations.add_member(s, assoc, outsider)  # refused: another school
    assert _counts(db) == (0, 0)
    with db.reading() as s:
        assert [t.surname for t in teachers.list_teachers(s)] == ["Иванова"]


def test_delete_inside_a_failed_action_is_undone(db, ours) -> None:
    with db.transaction() as s:
        assoc = _assoc(s, ours)
        associations.add_member(s, assoc, _teacher(s, ours, "Бекова"), "leader")
    with pytest.raises(DomainError):
        with db.transaction() as s:
            associations.delete_association(s, assoc)
            _assoc(s, ours, name_kk="", name_ru="")  # the same action then fails
    assert _counts(db) == (1, 1)
    with db.reading() as s:
        assert associations.get_detail(s, assoc).leader is not None


def test_role_change_inside_a_failed_action_is_undone(db, ours) -> None:
    with db.transaction() as s:
        assoc = _assoc(s, ours)
        first = associations.add_member(s, assoc, _teacher(s, ours, "Бекова"), "leader")
        second = associations.add_member(s, assoc, _teacher(s, ours, "Қасымов"))
    with pytest.raises(DomainError):
        with db.transaction() as s:
            associations.set_role(s, second, "leader", "elected")
            associations.set_role(s, first, "leader", "voted")
    with db.reading() as s:
        leader = associations.get_detail(s, assoc).leader
        assert leader is not None and leader.membership_id == first
