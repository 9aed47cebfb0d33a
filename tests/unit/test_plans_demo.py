"""Demo plans: every school-level association of the demo school gets an
approved 2025-2026 plan of 15-25 activities, some done through its meetings;
the district association a draft; both documents build in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from metodesk.reports import plan_docx, plan_pdf
from metodesk.services import associations, demo, demo_plans, plan_checks, plan_rows, plan_workflow, plans

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def demo_db(demo_database):
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        demo_plans.add_demo_plans(s, TODAY)  # 0 once the demo adds them itself
    yield db
    db.close()


def test_school_associations_get_approved_plans_and_the_district_a_draft(demo_db) -> None:
    with demo_db.reading() as s:
        levels = {a.id: a.level for a in associations.list_associations(s)}
        rows = plans.list_plans(s)
        assert {r.association_id for r in rows} == set(levels)
        for row in rows:
            detail = plans.get_plan(s, row.id)
            if levels[row.association_id] == "school":
                assert row.status == "approved" and 15 <= row.activity_count <= 25
                assert detail.review_number == 1 and detail.approved_on == dt.date(2025, 8, 29)
                assert detail.agreed_name and detail.approved_title == "Мектеп директоры"
                through_meetings = [
                    a for a in detail.activities if a.meeting_id and a.effective_status == "done"
                ]
                assert len(through_meetings) >= 2
                assert any(a.status == "moved" for a in detail.activities)
                assert 0 < row.done_count < row.activity_count
                actions = [e.action for e in plan_workflow.history(s, row.id)]
                assert actions == ["created", "reviewed", "agreed", "approved"]
            else:
                assert row.status == "draft" and row.activity_count < 15
            assert detail.theme and len(detail.tasks) == 5 and detail.analysis.startswith("2024-2025")
            # The activities are valid: nobody has left, nothing outside the year.
            fields = {p.field for p in plan_checks.plan_problems(s, row.id, TODAY)}
            assert not fields & {"responsible_ids", "start_date", "theme", "tasks", "meeting_id"}


def test_adding_again_adds_nothing(demo_db) -> None:
    with demo_db.transaction() as s:
        before = len(plans.list_plans(s))
        assert demo_plans.add_demo_plans(s, TODAY) == 0
        assert len(plans.list_plans(s)) == before == 3


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_demo_plans_print(demo_db, lang: str) -> None:
    with demo_db.reading() as s:
        datas = [plan_rows.plan_data(s, r.id) for r in plans.list_plans(s)]
    for data in datas:
        assert plan_pdf.build(data, lang).startswith(b"%PDF")
        assert plan_docx.build(data, lang)[:2] == b"PK"
    assert datas[0].activities[0].content.startswith("ӘБ № 1 отырысы")  # a Kazakh association


def test_a_russian_association_gets_a_russian_plan(db) -> None:
    from sqlalchemy import select

    from metodesk.services import demo_meetings, subjects, years
    from metodesk.storage.models import Teacher

    with db.transaction() as s:
        demo.fill_demo(s, today=TODAY)
        russian = next(x for x in subjects.list_subjects(s) if x.name_ru == "Русский язык")
        org = associations.list_associations(s)[0].organisation_id
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject",
                level="school",
                name_kk="МО учителей русского языка",
                name_ru="МО учителей русского языка",
                subject_id=russian.id,
                year_id=years.current_year(s).id,
                organisation_id=org,
            ),
        )
        for surname in ("Петренко", "Қасымов", "Оразбекова"):
            teacher = s.scalar(select(Teacher.id).where(Teacher.surname == surname))
            associations.add_member(s, assoc, teacher, "leader" if surname == "Петренко" else "member")
        demo_meetings.add_demo_meetings(s, TODAY)
        demo_plans.add_demo_plans(s, TODAY)
        plan = plans.find_plan(s, assoc)
        detail = plans.get_plan(s, plan)
    assert detail.row.status == "approved"
    assert detail.activities[0].content.startswith("Заседание МО № 1: анализ работы за 2024-2025")
    assert detail.activities[3].responsible_text == "члены МО"
    assert detail.theme.startswith("Повышение качества знаний")


@pytest.mark.parametrize("today", [TODAY, dt.date(2026, 12, 7)])
def test_no_meeting_activity_is_done_unless_its_meeting_was_held(db, today: dt.date) -> None:
    """The demo's progress marks agree with its records: an activity of a meeting
    is done only through a held meeting, never for one that is planned or missing."""
    from metodesk.storage.models import Meeting

    with db.transaction() as s:
        demo.fill_demo(s, today=today)
    with db.reading() as s:
        for row in plans.list_plans(s):
            for a in plans.get_plan(s, row.id).activities:
                if a.form != "association_meeting" or a.effective_status != "done":
                    continue
                assert a.meeting_id is not None, a.content
                assert s.get(Meeting, a.meeting_id).status == "held", a.content
