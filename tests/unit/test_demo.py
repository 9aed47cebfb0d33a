"""The demo school: three small schools, about fifteen teachers, three
associations (one at district level) with leader and secretary; refused on a
database that already holds data, and never left half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from metodesk.domain.enums import Category
from metodesk.domain.errors import DomainError
from metodesk.services import associations, demo, organisations, subjects, teachers, years
from metodesk.storage.models import AcademicYear, Association, Membership, Organisation, Subject, Teacher

TODAY = dt.date(2025, 11, 1)


def _counts(session) -> dict[str, int]:
    models = {
        "organisations": Organisation,
        "teachers": Teacher,
        "associations": Association,
        "memberships": Membership,
        "subjects": Subject,
        "years": AcademicYear,
    }
    return {name: session.scalar(select(func.count(model.id))) for name, model in models.items()}


@pytest.fixture
def filled(db):
    with db.transaction() as s:
        summary = demo.fill_demo(s, today=TODAY)
    return db, summary


def test_demo_counts(filled) -> None:
    db, summary = filled
    with db.reading() as s:
        counts = _counts(s)
    assert counts["organisations"] == 3
    assert 13 <= counts["teachers"] <= 17
    assert counts["associations"] == 3 + 1  # and the methodical council, an association row of its own kind
    assert counts["subjects"] == 31 and counts["years"] == 1
    assert summary == "3 organisations, 15 teachers, 3 associations, 9 meetings."


def test_demo_organisations(filled) -> None:
    db, _ = filled
    with db.reading() as s:
        orgs = organisations.list_organisations(s)
        ours = organisations.ours(s)
    assert ours is not None and orgs[0] == ours
    assert all(o.kind == "small_school" for o in orgs)
    assert all(o.name_kk and o.name_ru and o.name_kk != o.name_ru for o in orgs)
    assert all(o.district and o.region and o.head_name for o in orgs)
    assert ours.deputy_name


def test_demo_teachers_are_varied(filled) -> None:
    db, _ = filled
    with db.reading() as s:
        rows = teachers.list_teachers(s)
    assert len({t.organisation_id for t in rows}) == 3
    assert all(t.subject_ids and t.teaching_since for t in rows)
    categories = {t.category for t in rows}
    assert Category.NONE.value in categories
    assert any(Category(c).is_legacy for c in categories)
    assert len(categories - {"none"}) >= 4
    assert any(t.young_specialist for t in rows)
    assert all((t.category == "none") == (t.category_date is None) for t in rows)
    # Kazakh names with the Kazakh letters, and Russian ones.
    names = " ".join(t.full_name for t in rows)
    assert set("әғқөұүі") <= set(names.lower())
    assert {"Петренко Ольга Викторовна", "Иванова Светлана Николаевна"} <= {t.full_name for t in rows}


def test_demo_associations(filled) -> None:
    db, _ = filled
    with db.reading() as s:
        year = years.current_year(s)
        rows = associations.list_associations(s)
        details = [associations.get_detail(s, a.id) for a in rows]
    assert year is not None and year.name == "2025-2026"
    assert all(a.year_id == year.id for a in rows)
    assert [a.level for a in rows].count("district") == 1
    for detail in details:
        assert detail.leader is not None and detail.secretary is not None
        assert detail.leader.teacher_id != detail.secretary.teacher_id
        assert detail.leader.leader_chosen == "elected"
        assert detail.leader.leader_since == dt.date(2025, 8, 28)
        assert detail.leader.leader_basis
        assert detail.row.name_kk and detail.row.name_ru
        assert detail.check.satisfied  # the demo is a good example
    district = next(d for d in details if d.row.level == "district")
    assert len({m.organisation_kk for m in district.members}) == 3
    for detail in details:
        if detail.row.level == "school":
            assert {m.organisation_kk for m in detail.members} == {detail.row.organisation_kk}


def test_demo_search_finds_kazakh_names(filled) -> None:
    db, _ = filled
    with db.reading() as s:
        assert [t.surname for t in teachers.search_teachers(s, "нұрғ")] == ["Нұрғалиева"]
        assert [t.first_name for t in teachers.search_teachers(s, "iлияс")] == ["Ілияс"]


def test_demo_refuses_a_database_with_data(db, ours) -> None:
    with db.reading() as s:
        before = _counts(s)
    with pytest.raises(DomainError) as caught:
        with db.transaction() as s:
            demo.fill_demo(s, today=TODAY)
    assert "empty" in str(caught.value)
    with db.reading() as s:
        assert _counts(s) == before
        assert [o.name_kk for o in organisations.list_organisations(s)] == ["№1 мектеп"]


def test_demo_refuses_to_run_twice(filled) -> None:
    db, _ = filled
    with db.reading() as s:
        before = _counts(s)
    with pytest.raises(DomainError):
        with db.transaction() as s:
            demo.fill_demo(s, today=TODAY)
    with db.reading() as s:
        assert _counts(s) == before


def test_a_demo_failing_half_way_leaves_nothing(db, monkeypatch) -> None:
    """A demo failing in its last part (the plans) has written organisations,
    teachers and a year before: the transaction must take all of it back."""

    def fail(*_args):
        raise DomainError("the plans failed")

    monkeypatch.setattr(demo, "add_demo_plans", fail)
    with db.reading() as s:
        before = _counts(s)
    with pytest.raises(DomainError):
        with db.transaction() as s:
            demo.fill_demo(s, today=dt.date(2027, 1, 10))  # a year not in the database yet
    with db.reading() as s:
        assert _counts(s) == before
        assert organisations.ours(s) is None


def test_demo_on_an_unseeded_session_seeds_first(db) -> None:
    with db.transaction() as s:
        for row in subjects.list_subjects(s, include_archived=True):
            subjects.delete_subject(s, row.id)
    with db.transaction() as s:
        demo.fill_demo(s, today=TODAY)
    with db.reading() as s:
        assert len(subjects.list_subjects(s)) == 31


@pytest.mark.parametrize("today", [dt.date(2026, 12, 7), dt.date(2027, 5, 20), dt.date(2026, 8, 3)])
def test_demo_is_dated_around_today(db, today) -> None:
    """Issue 19.1: on 07.12.2026 the demo lived in 2025-2026 with everything
    overdue. Its year is the one holding today, current, and nothing in it is
    stale: meetings after today are planned, some are held, and
    every lesson lies within the year."""
    from metodesk.domain.academic_year import name_of
    from metodesk.storage.models import Lesson, Meeting

    with db.transaction() as s:
        demo.fill_demo(s, today=today)
    with db.reading() as s:
        current = years.current_year(s)
        assert current is not None and current.name == name_of(today)
        for meeting in s.scalars(select(Meeting)):
            assert current.start_date.year - 1 < meeting.date.year <= current.end_date.year
            if meeting.date > today:
                assert meeting.status == "planned", meeting.date
        held = [m for m in s.scalars(select(Meeting)) if m.status == "held"]
        assert held if today.month != 8 else not held  # August: the year's meetings are ahead
        for lesson in s.scalars(select(Lesson)):
            assert current.start_date <= lesson.date <= current.end_date
        young = teachers.search_teachers(s, "Оразбекова")[0]
        assert young.teaching_since is None or young.teaching_since <= today
