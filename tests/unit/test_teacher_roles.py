"""Issue 19.7: the roles a teacher holds, named before she is deleted, and an
archived leader marked in the associations' list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from metodesk.services import associations, demo, teachers
from metodesk.services.teacher_roles import roles_of
from metodesk.storage.models import Teacher


def test_a_leader_and_mentor_has_her_roles_named(db) -> None:
    with db.transaction() as s:
        demo.fill_demo(s, today=dt.date(2026, 2, 10))
    with db.reading() as s:
        leader = s.scalars(select(Teacher).where(Teacher.surname == "Смағұлова")).one()
        roles = roles_of(s, leader.id, "ru")
        mentee = s.scalars(select(Teacher).where(Teacher.surname == "Әбдірахманова")).one()
        mentee_roles = roles_of(s, mentee.id, "kk")
    assert any(r.startswith("leader of «Методическое объединение учителей начальных классов»") for r in roles)
    assert "mentor of Әбдірахманова Ұ.С. (2025-2026)" in roles
    assert mentee_roles == ["mentee of Смағұлова М.Е. (2025-2026)"]


def test_an_archived_leader_is_marked_in_the_list(db) -> None:
    with db.transaction() as s:
        demo.fill_demo(s, today=dt.date(2026, 2, 10))
        leader = s.scalars(select(Teacher).where(Teacher.surname == "Смағұлова")).one()
        teachers.set_archived(s, leader.id, True)
    with db.reading() as s:
        rows = associations.list_associations(s)
    marked = [r for r in rows if r.leader == "Смағұлова М.Е."]
    assert marked and all(r.leader_archived for r in marked)
    assert not any(r.leader_archived for r in rows if r.leader != "Смағұлова М.Е.")
