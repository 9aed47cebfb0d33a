"""The demo school's attestation records make every view worth opening,
whatever day the demo is made: some due this year, one overdue in our
school, one in progress with a test score and lessons observed, one eligible
for early attestation; histories kept on the teachers' cards; courses."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from metodesk.services import attestation, attestation_evidence, attestation_views, demo, organisations
from metodesk.services.demo_attestation import add_demo_attestation
from metodesk.storage.models import Teacher
from metodesk.storage.models.attestation import CategoryAward


@pytest.mark.parametrize(
    "today", [dt.date(2025, 9, 1), dt.date(2026, 2, 10), dt.date(2026, 7, 30), dt.date(2026, 11, 26)]
)
def test_the_views_are_never_empty(db, today: dt.date) -> None:
    with db.transaction() as s:
        demo.fill_demo(s, today=today)  # includes the attestation records
        assert add_demo_attestation(s, today) == 0  # which are added only once
        written = len(s.scalars(select(CategoryAward)).all())
        ours = organisations.ours(s).id
        rows = attestation_views.attestation_rows(s, today, ours)
    assert written >= 20
    view = lambda name: sorted(r.full_name.split()[0] for r in attestation_views.view_rows(rows, name, today))  # noqa: E731
    assert view("due_this_year") == ["Бекова", "Смағұлова", "Төлеуова"]
    assert view("overdue") == ["Петренко"]
    assert view("in_progress") == ["Төлеуова"]
    assert view("due_next_year") == ["Нұрғалиева"]
    assert "Қасымов" in [r.full_name.split()[0] for r in rows if r.early_eligible]
    toleuova = next(r for r in rows if r.full_name.startswith("Төлеуова"))
    assert (
        toleuova.case_test_score == 78
        and toleuova.case_observations >= 1
        and toleuova.case_target == "expert"
    )
    counts = dict(attestation_views.category_counts(rows))
    assert counts["none"] == 2 and counts["legacy_highest"] == 1 and sum(counts.values()) == len(rows)


def test_histories_match_the_cards_and_courses_are_recent(db) -> None:
    today = dt.date(2026, 2, 10)
    with db.transaction() as s:
        demo.fill_demo(s, today=today)
        for teacher in s.query(Teacher).all():
            history = attestation.list_history(s, teacher.id)
            if teacher.category == "none":
                assert history == []
                continue
            assert (history[0].category, history[0].award_date) == (teacher.category, teacher.category_date)
            assert all(h.award_date <= today for h in history)
        kudaibergenova = s.query(Teacher).filter_by(surname="Құдайбергенова").one()
        history = attestation.list_history(s, kudaibergenova.id)
        assert history[0].case_id is not None and history[0].basis == "early"  # awarded through a case
        kasymov = s.query(Teacher).filter_by(surname="Қасымов").one()
        found = attestation_evidence.evidence(s, kasymov.id, today)
    assert len(found.courses) == 2 and found.course_hours == 108


def test_without_the_demo_teachers_nothing_is_written(db) -> None:
    with db.transaction() as s:
        assert add_demo_attestation(s, dt.date(2026, 2, 10)) == 0
