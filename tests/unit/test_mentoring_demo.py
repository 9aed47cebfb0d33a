"""The demo school's mentoring: two young specialists with mentors, plans
half done, logs through the autumn with the October visit naming the open
lesson and the mentor's sheet, a third young specialist without a mentor on
the attention list; nothing dated after today; adding it twice adds nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from metodesk.services import demo, mentoring, mentoring_attention, mentoring_log, mentoring_plan, years
from metodesk.services.demo_lessons import add_demo_lessons
from metodesk.services.demo_mentoring import add_demo_mentoring
from metodesk.storage.models import Teacher

LATE = dt.date(2026, 7, 20)  # the year 2025-2026 is over (the demo lives in the year holding its day)


def _demo(db, today: dt.date) -> None:
    """The demo school as the lead's demo builds it, with a third young
    specialist (Ибраев) and the lessons, then the mentoring (idempotent)."""
    with db.transaction() as s:
        demo.fill_demo(s, today)
        add_demo_lessons(s, today)
        s.scalars(select(Teacher).where(Teacher.surname == "Ибраев")).one().young_specialist = True
        add_demo_mentoring(s, today)


def test_two_pairs_half_filled_and_one_young_specialist_left(db) -> None:
    _demo(db, LATE)
    with db.transaction() as s:
        year = years.current_year(s)
        pairs = {p.mentee_short: p for p in mentoring.list_pairs(s, year.id)}
        assert set(pairs) == {"Әбдірахманова Ұ.С.", "Оразбекова Д.Н."}
        first, second = pairs["Әбдірахманова Ұ.С."], pairs["Оразбекова Д.Н."]
        assert (first.mentor_short, first.plan_lang) == ("Смағұлова М.Е.", "kk")
        assert (second.mentor_short, second.plan_lang) == ("Жақсылықова Г.С.", "ru")
        for pair in (first, second):
            assert pair.order_number and pair.order_date == dt.date(2025, 8, 29) and pair.goals
            assert 0 < pair.done_count < pair.activity_count  # half filled
        assert (first.entry_count, second.entry_count) == (6, 4)
        visit = next(e for e in mentoring_log.list_entries(s, first.id) if e.kind == "visit_mentee")
        assert visit.lesson is not None and visit.lesson.teacher_short == "Әбдірахманова Ұ.С."
        assert visit.sheet is not None and visit.sheet.observer == "Смағұлова М.Е."
        assert visit.date == visit.lesson.date
        items = mentoring_attention.attention_list(s, year.id, LATE)
        lonely = [i for i in items if i.kind == "no_mentor"]
        assert [s.get(Teacher, i.teacher_id).surname for i in lonely] == ["Ибраев"]
        assert {i.pair_id for i in items if i.kind == "overdue"} == {first.id, second.id}
        assert add_demo_mentoring(s, LATE) == 0  # again: nothing added
        assert len(mentoring.list_pairs(s, year.id)) == 2


def test_nothing_is_dated_after_today(db) -> None:
    today = dt.date(2025, 10, 10)
    _demo(db, today)
    with db.reading() as s:
        year = years.current_year(s)
        for pair in mentoring.list_pairs(s, year.id):
            entries = mentoring_log.list_entries(s, pair.id)
            assert entries and all(e.date <= today for e in entries)
            done = [a.done_on for a in mentoring_plan.list_activities(s, pair.id) if a.done_on]
            assert done and all(d <= today for d in done)
