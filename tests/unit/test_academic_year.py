"""Issue 19.1: the academic year follows the day, not a fixed 2025-2026."""

from __future__ import annotations

import datetime as dt

import pytest

from metodesk.domain import academic_year
from metodesk.services import years
from metodesk.services.setup import prepare_database, seed_defaults

D = dt.date


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2026, 12, 7), "2026-2027"),
        (D(2026, 8, 1), "2026-2027"),
        (D(2026, 7, 31), "2025-2026"),
        (D(2027, 5, 25), "2026-2027"),
    ],
)
def test_the_year_of_a_day_begins_on_1_august(day: dt.date, name: str) -> None:
    assert academic_year.name_of(day) == name


def test_the_standard_calendar_moves_the_quarters_and_skips_a_weekend_start() -> None:
    year = academic_year.standard_year(2026)
    assert (year.name, year.start_date, year.end_date) == ("2026-2027", D(2026, 9, 1), D(2027, 5, 25))
    assert [(t.start_date, t.end_date) for t in year.terms][-1] == (D(2027, 3, 30), D(2027, 5, 25))
    assert academic_year.standard_year(2024).start_date == D(2024, 9, 2)  # 1 September 2024 was a Sunday


def test_today_can_be_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("METODESK_TODAY", "2030-02-03")
    assert academic_year.today() == D(2030, 2, 3)
    monkeypatch.setenv("METODESK_TODAY", "not a date")
    assert academic_year.today() == dt.date.today()


def test_a_new_database_seeds_the_year_holding_today(tmp_path, monkeypatch) -> None:
    """On 07.12.2026 the status bar and new records lived in 2025-2026."""
    monkeypatch.setenv("METODESK_TODAY", "2026-12-07")
    db = prepare_database(tmp_path / "x.sqlite3")
    try:
        with db.reading() as s:
            rows = years.list_years(s)
            assert [(y.name, y.is_current) for y in rows] == [("2026-2027", True)]
            assert rows[0].end_date == D(2027, 5, 25) and len(rows[0].terms) == 4
    finally:
        db.close()


def test_seeding_leaves_existing_years_alone(session) -> None:
    seed_defaults(session, D(2030, 9, 1))
    assert [y.name for y in years.list_years(session)] == ["2025-2026"]


def test_the_new_year_is_offered_once_and_started_with_its_terms_and_plans(db, ours) -> None:
    from metodesk.services import associations, plans, subjects
    from metodesk.services.plan_activities import ActivityInput, save_activity

    with db.transaction() as s:
        old = years.current_year(s)
        subject = subjects.list_subjects(s)[0]
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject", level="school", name_kk="ӘБ", name_ru="МО",
                subject_id=subject.id, year_id=old.id, organisation_id=ours,
            ),
        )
        plan_id = plans.create_plan(s, assoc, "test")
        save_activity(s, plan_id, ActivityInput(content="Семинар", months=(3,)))
    with db.reading() as s:
        assert years.year_to_offer(s, D(2026, 7, 31)) is None  # still 2025-2026
        assert years.year_to_offer(s, D(2026, 8, 1)) == "2026-2027"
    with db.transaction() as s:
        result = years.begin_year(s, D(2026, 12, 7), copy_plans=True)
    assert (result.name, result.plans_copied, result.carried_over) == ("2026-2027", 1, 1)
    with db.reading() as s:
        current = years.current_year(s)
        assert current.name == "2026-2027" and len(current.terms) == 4
        assert current.terms[0].start_date == D(2026, 9, 1)
        assert years.year_to_offer(s, D(2026, 12, 8)) is None
    with db.transaction() as s:  # back to the old year: the new one is not offered again
        years.set_current(s, old.id)
    with db.reading() as s:
        assert years.year_to_offer(s, D(2026, 12, 9)) is None


def test_a_declined_year_is_not_offered_again(db) -> None:
    with db.transaction() as s:
        years.mark_offered(s, "2026-2027")
    with db.reading() as s:
        assert years.year_to_offer(s, D(2026, 9, 1)) is None
        assert years.year_to_offer(s, D(2027, 9, 1)) == "2027-2028"


def test_a_sunday_a_holiday_and_a_break_are_warned_about() -> None:
    """Issue 19.5: a Sunday or a holiday gets a warning (saved all the same)."""
    year = academic_year.standard_year(2026)
    terms = [(t.start_date, t.end_date) for t in year.terms]

    def warn(day: dt.date) -> str:
        return academic_year.day_warning(day, year.start_date, year.end_date, terms)

    assert warn(D(2027, 2, 14)) == "14.02.2027 is a Sunday."
    assert warn(D(2026, 12, 16)) == "16.12.2026 is a public holiday (Independence Day)."
    assert warn(D(2027, 3, 22)) == "22.03.2027 is a public holiday (Nauryz)."
    assert warn(D(2026, 10, 29)) == "29.10.2026 falls in the break between terms."
    assert warn(D(2026, 12, 8)) == ""
    assert warn(None) == ""  # type: ignore[arg-type]


def test_lessons_keep_to_the_year_and_meetings_may_start_in_august() -> None:
    start, end = D(2026, 9, 1), D(2027, 5, 25)
    assert academic_year.lesson_window(start, end) == (start, end)
    assert academic_year.meeting_window(start, end) == (D(2026, 8, 1), end)


def test_a_lesson_on_sunday_13_june_2027_is_refused(tmp_path, monkeypatch) -> None:
    """The issue's own case: after the year's last day (25.05.2027)."""
    from metodesk.domain.errors import DomainError
    from metodesk.services import associations, lessons, organisations, subjects, teachers

    monkeypatch.setenv("METODESK_TODAY", "2026-12-07")
    db = prepare_database(tmp_path / "x.sqlite3")
    try:
        with db.transaction() as s:
            org = organisations.save_organisation(
                s, organisations.OrganisationInput(kind="school", name_kk="Мектеп", name_ru="Школа")
            )
            subject = subjects.list_subjects(s)[0]
            assoc = associations.save_association(
                s,
                associations.AssociationInput(
                    kind="subject", level="school", name_kk="ӘБ", name_ru="МО", subject_id=subject.id,
                    year_id=years.current_year(s).id, organisation_id=org,
                ),
            )
            teacher = teachers.save_teacher(s, teachers.TeacherInput(surname="Ким", first_name="Ли", organisation_id=org))
            associations.add_member(s, assoc, teacher)
            data = lessons.proposed_lesson(s, assoc, D(2026, 12, 7))
            data.teacher_id, data.grade, data.class_letter, data.topic = teacher, 5, "А", "Тақырып"
            data.date = D(2027, 6, 13)
            with pytest.raises(DomainError, match="between 01.09.2026 and 25.05.2027"):
                lessons.save_lesson(s, data, today=D(2026, 12, 7))
    finally:
        db.close()


def test_open_decisions_carry_into_the_new_year(db, ours) -> None:
    """Issue 19.1: starting the new year copies the plans (the association
    carries on) and last year's open decisions come up at its first review."""
    from metodesk.services import agenda, associations, decisions, meetings, plans, subjects, teachers
    from metodesk.services.decisions import DecisionInput

    with db.transaction() as s:
        old = years.current_year(s)
        subject = subjects.list_subjects(s)[0]
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject", level="school", name_kk="ӘБ", name_ru="МО",
                subject_id=subject.id, year_id=old.id, organisation_id=ours,
            ),
        )
        leader = teachers.save_teacher(s, teachers.TeacherInput(surname="Ким", first_name="Ли", organisation_id=ours))
        associations.add_member(s, assoc, leader, "leader")
        meeting = meetings.save_meeting(
            s, meetings.MeetingInput(assoc, 1, D(2026, 4, 10), chair_id=leader, status="held"), today=D(2026, 4, 20)
        )
        item = agenda.save_item(s, meeting, agenda.ItemInput(title="Олимпиада туралы"))
        open_id = decisions.save_decision(s, item, DecisionInput("Олимпиадаға дайындалу", deadline=D(2026, 9, 30)))
        done = decisions.save_decision(s, item, DecisionInput("Кесте құру", status="done", done_date=D(2026, 4, 15)))
        plans.create_plan(s, assoc, "test")
    with db.transaction() as s:
        years.begin_year(s, D(2026, 8, 20), copy_plans=True)
    with db.transaction() as s:
        new_year = years.current_year(s)
        new_assoc = [a for a in associations.list_associations(s, new_year.id)][0].id
        assert [d.id for d in decisions.open_decisions(s, new_assoc)] == [open_id]
        first = meetings.save_meeting(
            s, meetings.MeetingInput(new_assoc, 1, D(2026, 8, 28), chair_id=leader), today=D(2026, 8, 20)
        )
        reviewed = {r.decision.id: r.done_at_review for r in decisions.decisions_under_review(s, first)}
        assert reviewed == {open_id: False, done: True}  # and the one done since the last meeting
        decisions.close_at_meeting(s, first, open_id)
    with db.reading() as s:
        assert decisions.open_decisions(s, new_assoc) == []
