"""Demo meetings: every association of the current year with members gets two
held meetings with full protocols and a planned one; Kazakh or Russian text by
the association's language; the protocols build in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from metodesk.reports import build_protocol
from metodesk.services import (
    associations,
    decisions,
    demo,
    demo_meetings,
    meetings,
    protocol_rows,
    reviewed_documents,
    subjects,
    years,
)
from metodesk.storage.models import Teacher

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def demo_db(demo_database):
    """The demo school plus a Russian-language association and an empty one."""
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        year = years.current_year(s).id
        russian = next(x for x in subjects.list_subjects(s) if x.name_ru == "Русский язык")
        org = associations.list_associations(s)[0].organisation_id
        for name, members in (("Русский язык", ("Петренко", "Қасымов", "Оразбекова")), ("Пусто", ())):
            assoc = associations.save_association(
                s,
                associations.AssociationInput(
                    kind="subject",
                    level="school",
                    name_kk=name,
                    name_ru=name,
                    subject_id=russian.id,
                    year_id=year,
                    organisation_id=org,
                ),
            )
            for surname in members:
                teacher = s.scalar(select(Teacher.id).where(Teacher.surname == surname))
                associations.add_member(s, assoc, teacher, "leader" if surname == "Петренко" else "member")
        added = demo_meetings.add_demo_meetings(s, TODAY)
    return db, added


def test_each_association_with_members_gets_three_meetings(demo_db) -> None:
    db, added = demo_db
    assert added % 3 == 0 and added >= 3
    with db.reading() as s:
        for row in associations.list_associations(s):
            listed = meetings.list_meetings(s, row.id)
            if row.member_count == 0:
                assert listed == []
                continue
            assert [(m.number, m.status) for m in listed] == [(1, "held"), (2, "held"), (3, "planned")]
            held = listed[:2]
            assert all(m.present_count and m.unmarked_count == 0 and m.item_count >= 3 for m in held)
            assert listed[2].item_count >= 2 and listed[2].date > listed[1].date
            closed = decisions.decisions_under_review(s, listed[1].id, TODAY)
            assert any(r.done_at_review for r in closed) and any(not r.done_at_review for r in closed)
            assert decisions.open_decisions(s, row.id), "some decisions stay open"
            register = reviewed_documents.register(s, row.id)
            assert register and all(d.reviewed_at("kk").startswith("№ 1 хаттама") for d in register)
    with db.transaction() as s:
        assert demo_meetings.add_demo_meetings(s, TODAY) == 0  # nothing twice


def test_language_of_the_demo_text(demo_db) -> None:
    db, _ = demo_db
    with db.reading() as s:
        rows = {r.name_kk: r for r in associations.list_associations(s)}
        russian = protocol_rows.protocol_data(s, meetings.find_meeting(s, rows["Русский язык"].id, 1).id)
        kazakh_row = next(r for name, r in rows.items() if name.startswith("«Қазақ тілі»"))
        kazakh = protocol_rows.protocol_data(s, meetings.find_meeting(s, kazakh_row.id, 2).id)
    assert "учебный год" in russian.items[0].title
    speech = russian.items[0].speeches[0]  # Russian verbs agree with the speaker
    assert speech.text.startswith("Поддержал " if speech.speaker == "Қасымов Е.Т." else "Поддержала ")
    assert "оқу жылы" in kazakh.items[1].title or "тоқсан" in kazakh.items[1].title
    assert kazakh.items[0].kind == "review" and kazakh.items[0].reviewed
    assert kazakh.absent == () or all(a.reason for a in kazakh.absent)


def test_held_meetings_stay_planned_when_today_comes_before_them(db) -> None:
    early = dt.date(2025, 9, 15)
    with db.transaction() as s:
        demo.fill_demo(s, today=early)
        demo_meetings.add_demo_meetings(s, early)
        for row in associations.list_associations(s):
            assert [m.status for m in meetings.list_meetings(s, row.id)] == ["held", "planned", "planned"]


def test_demo_protocols_build_in_both_languages(demo_db) -> None:
    db, _ = demo_db
    with db.reading() as s:
        datas = [
            protocol_rows.protocol_data(s, m.id)
            for row in associations.list_associations(s)
            for m in meetings.list_meetings(s, row.id)
        ]
    assert len(datas) >= 9
    for data in datas:
        for lang in ("kk", "ru"):
            assert build_protocol(data, lang).startswith(b"%PDF")
