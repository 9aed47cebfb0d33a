"""Annual plans: one per association per year, sections and tasks, activities
(validation, order, lock, status tied to a meeting), progress, the live
schedule of meetings, the flags that say what to fix, the copy into next year.

``make_world`` builds a small school of its own (not the demo), so these tests
stay true whatever the demo gains; test_plans_workflow.py uses it too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from metodesk.domain.errors import DomainError
from metodesk.services import (
    agenda,
    associations,
    meetings,
    organisations,
    plan_activities,
    plan_checks,
    plan_copy,
    plan_rows,
    plan_workflow,
    plans,
    subjects,
    teachers,
    years,
)
from metodesk.services.agenda import ItemInput, Speaker
from metodesk.services.meetings import MeetingInput
from metodesk.services.plan_activities import ActivityInput
from metodesk.services.plans import SectionsInput
from metodesk.storage.models import Association, Membership, Plan

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

TODAY = dt.date(2026, 2, 10)
PEOPLE = (
    ("Нұрғалиева", "Әсел", "Бауыржанқызы"),
    ("Ибраев", "Ілияс", "Қанатұлы"),
    ("Төлеуова", "Айгүл", "Маратқызы"),
    ("Петренко", "Ольга", "Викторовна"),
)


@dataclass
class World:
    org: int
    year: int
    association: int
    teachers: list[int]  # PEOPLE's order; the first leads the association
    meetings: list[int]  # No. 1 (28.08.2025, held), No. 2 (05.11.2025, held), No. 3 (14.01.2026, planned)
    outsider: int  # a teacher of the school who is not a member


def make_world(session, kind: str = "school") -> World:
    org = organisations.save_organisation(
        session,
        organisations.OrganisationInput(
            kind=kind,
            name_kk="Ақсу мектебі",
            name_ru="Школа Аксу",
            head_name="Сейітқали Бауыржан Ерланұлы",
            head_title="Мектеп директоры",
            deputy_name="Жақсылықова Гүлнар Серікқызы",
        ),
    )
    organisations.make_ours(session, org)
    year = years.current_year(session).id
    kazakh = next(s.id for s in subjects.list_subjects(session) if s.name_kk == "Қазақ тілі")
    ids = [
        teachers.save_teacher(
            session,
            teachers.TeacherInput(
                surname=s, first_name=f, patronymic=p, organisation_id=org, subject_ids=[kazakh]
            ),
            today=TODAY,
        )
        for s, f, p in (*PEOPLE, ("Қасымов", "Ерлан", "Төлегенұлы"))
    ]
    assoc = associations.save_association(
        session,
        associations.AssociationInput(
            kind="cycle_commission" if kind == "college" else "subject",
            level="school",
            name_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
            name_ru="МО учителей казахского языка",
            subject_id=kazakh,
            year_id=year,
            organisation_id=org,
        ),
    )
    for number, teacher in enumerate(ids[:4]):
        membership = associations.add_member(session, assoc, teacher)
        if number == 0:
            associations.set_role(
                session, membership, "leader", "elected", dt.date(2025, 8, 28), "№ 1 хаттама"
            )
    meeting_ids = []
    for number, (day, status) in enumerate(
        ((dt.date(2025, 8, 28), "held"), (dt.date(2025, 11, 5), "held"), (dt.date(2026, 1, 14), "planned")),
        start=1,
    ):
        meeting = meetings.save_meeting(
            session,
            MeetingInput(association_id=assoc, number=number, date=day, status=status),
            today=TODAY,
            review_previous=False,
        )
        meeting_ids.append(meeting)
    agenda.save_item(
        session, meeting_ids[0], ItemInput("Жылдық жұмыс жоспарын қарау туралы", Speaker(ids[0]))
    )
    agenda.save_item(session, meeting_ids[0], ItemInput("КТЖ қарау туралы", Speaker(ids[1])))
    agenda.save_item(session, meeting_ids[1], ItemInput("", Speaker(ids[0]), kind="review"))
    agenda.save_item(session, meeting_ids[1], ItemInput("І тоқсан нәтижелері", Speaker(ids[1])))
    return World(org, year, assoc, ids[:4], meeting_ids, ids[4])


def activity(**values) -> ActivityInput:
    values.setdefault("content", "Ашық сабақ өткізу")
    return ActivityInput(**values)


@pytest.fixture
def world(session) -> World:
    return make_world(session)


def test_one_plan_per_association_and_year(session, world: World) -> None:
    first = plans.create_plan(session, world.association, who="Әдіскер")
    assert plans.create_plan(session, world.association) == first
    assert plans.find_plan(session, world.association) == first
    assert session.scalars(select(Plan)).all().__len__() == 1
    detail = plans.get_plan(session, first)
    assert detail.row.status == "draft" and detail.row.year_name == "2025-2026"
    assert [e.action for e in plan_workflow.history(session, first)] == ["created"]
    assert plan_workflow.history(session, first)[0].who == "Әдіскер"
    with pytest.raises(DomainError, match="9999"):
        plans.create_plan(session, 9999)


def test_history_names_the_computer_user_when_nobody_signs(session, world: World, monkeypatch) -> None:
    monkeypatch.setattr(plans.getpass, "getuser", lambda: "methodist-pc")
    plan = plans.create_plan(session, world.association)
    assert plan_workflow.history(session, plan)[0].who == "methodist-pc"


def test_sections_and_ordered_tasks(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    plans.save_sections(
        session,
        plan,
        SectionsInput(
            "Өткен жыл  талдауы\n\nекінші абзац", " Тақырып ", "Мақсат", ["Бірінші", " ", "Екінші"]
        ),
    )
    detail = plans.get_plan(session, plan)
    assert detail.analysis == "Өткен жыл талдауы\n\nекінші абзац"
    assert (detail.theme, detail.goal, detail.tasks) == ("Тақырып", "Мақсат", ("Бірінші", "Екінші"))
    plans.save_sections(session, plan, SectionsInput(tasks=["Үшінші"]))
    assert plans.get_plan(session, plan).tasks == ("Үшінші",)
    with pytest.raises(DomainError) as error:
        plans.save_sections(session, plan, SectionsInput(theme="ә" * 20001))
    assert error.value.field == "theme"


def test_activity_is_saved_with_every_column(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    first = plan_activities.save_activity(
        session,
        plan,
        activity(
            form="seminar",
            direction="theory",
            start_date=dt.date(2025, 10, 1),
            end_date=dt.date(2025, 10, 15),
            responsible_ids=[world.teachers[1], world.teachers[0]],
            responsible_text="ӘБ мүшелері",
            expected="Нәтиже",
        ),
    )
    plan_activities.save_activity(
        session, plan, activity(content="Екінші", form_text="Дөңгелек үстел", months=(5, 9))
    )
    rows = plans.get_plan(session, plan).activities
    assert [r.number for r in rows] == [1, 2] and rows[0].id == first
    assert rows[0].responsible == "Ибраев І.Қ., Нұрғалиева Ә.Б., ӘБ мүшелері"
    assert rows[0].when("kk") == "01.10.2025–15.10.2025"
    assert rows[0].form_label == "Seminar" and rows[0].direction_label == "Theory and effective methods"
    assert rows[1].form == "" and rows[1].form_label == "Дөңгелек үстел"
    assert rows[1].months == (9, 5)  # academic order
    assert rows[1].when("kk") == "қыркүйек, мамыр" and rows[1].when("ru") == "сентябрь, май"


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"content": "  "}, "content", "Enter what the activity is"),
        ({"start_date": dt.date(2025, 7, 31)}, "start_date", "between 01.08.2025 and 30.06.2026"),
        ({"start_date": dt.date(2026, 7, 1)}, "start_date", "correct the date"),
        ({"end_date": dt.date(2025, 10, 1)}, "start_date", "start date too"),
        ({"start_date": dt.date(2025, 10, 2), "end_date": dt.date(2025, 10, 1)}, "end_date", "before"),
        ({"start_date": dt.date(2025, 10, 2), "months": (10,)}, "months", "not both"),
        ({"months": (7,)}, "months", "choose months in that period"),
        ({"months": (13,)}, "months", "from the list"),
        ({"form": "party"}, "form", "from the list"),
        ({"direction": "tvet_mentoring"}, "direction", "from the list"),  # item 11 is for colleges
        ({"status": "lost"}, "status", "from the list"),
    ],
)
def test_bad_activity_is_refused_with_a_sentence(session, world: World, values, field, words) -> None:
    plan = plans.create_plan(session, world.association)
    with pytest.raises(DomainError) as error:
        plan_activities.save_activity(session, plan, activity(**values))
    assert error.value.field == field and words in str(error.value)
    assert plans.get_plan(session, plan).activities == ()


def test_college_plans_take_item_11_directions(session) -> None:
    world = make_world(session, kind="college")
    plan = plans.create_plan(session, world.association)
    plan_activities.save_activity(session, plan, activity(direction="tvet_mentoring"))
    with pytest.raises(DomainError):
        plan_activities.save_activity(session, plan, activity(direction="theory"))
    assert plans.get_plan(session, plan).organisation_kind == "college"


def test_responsible_must_be_an_active_member(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    with pytest.raises(DomainError, match="members of the association") as error:
        plan_activities.save_activity(session, plan, activity(responsible_ids=[world.outsider]))
    assert error.value.field == "responsible_ids"
    keeps = plan_activities.save_activity(session, plan, activity(responsible_ids=[world.teachers[1]]))
    teachers.set_archived(session, world.teachers[1], True)
    with pytest.raises(DomainError, match=r"Ибраев І\.Қ\. has left \(archived\)"):
        plan_activities.save_activity(session, plan, activity(responsible_ids=[world.teachers[1]]))
    # An activity that named them before stays editable (and is flagged).
    plan_activities.save_activity(
        session, plan, activity(content="Өзгерді", responsible_ids=[world.teachers[1]]), keeps
    )
    flags = [p.message for p in plan_checks.plan_problems(session, plan, TODAY)]
    assert any("Activity 1: Ибраев І.Қ. has left" in f for f in flags)


def test_move_and_delete_renumber(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    ids = [plan_activities.save_activity(session, plan, activity(content=str(n))) for n in range(1, 4)]
    plan_activities.move_activity(session, ids[2], -5)
    assert [a.content for a in plans.get_plan(session, plan).activities] == ["3", "1", "2"]
    plan_activities.delete_activity(session, ids[0])
    rows = plans.get_plan(session, plan).activities
    assert [(r.number, r.content) for r in rows] == [(1, "3"), (2, "2")]


def test_a_held_meeting_makes_its_activity_done_and_counts_in_progress(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    held = plan_activities.save_activity(session, plan, activity(meeting_id=world.meetings[1]))
    planned = plan_activities.save_activity(session, plan, activity(meeting_id=world.meetings[2]))
    cancelled = plan_activities.save_activity(session, plan, activity())
    plan_activities.save_activity(session, plan, activity())
    plan_activities.set_status(session, cancelled, "cancelled", "қажет болмады")
    rows = {r.id: r for r in plans.get_plan(session, plan).activities}
    assert rows[held].status == "planned" and rows[held].effective_status == "done"
    assert rows[held].meeting_number == 2 and rows[planned].effective_status == "planned"
    row = plans.list_plans(session)[0]
    assert (row.done_count, row.activity_count, row.cancelled_count) == (1, 4, 1)
    assert row.percent == 33  # done among those not cancelled
    meetings.save_meeting(
        session,
        MeetingInput(association_id=world.association, number=3, date=dt.date(2026, 1, 14), status="held"),
        world.meetings[2],
        today=TODAY,
    )
    assert plans.list_plans(session)[0].percent == 67
    plan_activities.link_meeting(session, held, None)
    assert plans.list_plans(session)[0].done_count == 1
    with pytest.raises(DomainError, match="Choose a meeting of this association"):
        plan_activities.link_meeting(session, held, 9999)


def test_an_empty_plan_has_no_progress(session, world: World) -> None:
    plans.create_plan(session, world.association)
    row = plans.list_plans(session, world.year)[0]
    assert row.progress == 0.0 and row.percent == 0
    assert plans.list_plans(session, world.year + 100) == []


def test_live_schedule_reads_the_meetings_and_their_agenda(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    schedule = plan_rows.plan_schedule(session, plan)
    assert [(m.number, m.date, m.held) for m in schedule] == [
        (1, dt.date(2025, 8, 28), True),
        (2, dt.date(2025, 11, 5), True),
        (3, dt.date(2026, 1, 14), False),
    ]
    assert [t.title for t in schedule[0].topics] == ["Жылдық жұмыс жоспарын қарау туралы", "КТЖ қарау туралы"]
    assert [t.kind for t in schedule[1].topics] == ["review", "regular"]
    # Nothing is copied: a new agenda item shows up at once.
    agenda.save_item(session, world.meetings[2], ItemInput("Аттестаттау", Speaker(world.teachers[0])))
    assert [t.title for t in plan_rows.plan_schedule(session, plan)[2].topics] == ["Аттестаттау"]
    assert plan_rows.plan_data(session, plan).meetings[2].topics[0].title == "Аттестаттау"


def test_problems_say_what_to_fix(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    found = {p.field: p.message for p in plan_checks.plan_problems(session, plan, TODAY)}
    assert set(found) == {"theme", "tasks", "activities"}
    plans.save_sections(session, plan, SectionsInput(theme="Тақырып", tasks=["Міндет"]))
    plan_activities.save_activity(session, plan, activity(months=(10,), responsible_ids=[world.teachers[0]]))
    plan_activities.save_activity(session, plan, activity(responsible_text="ӘБ мүшелері"))
    plan_activities.save_activity(session, plan, activity(months=(5,)))
    flags = [(p.number, p.field, p.message) for p in plan_checks.plan_problems(session, plan, TODAY)]
    assert flags == [
        (
            1,
            "status",
            "Activity 1 was due by 31.10.2025 and is still planned: mark it done, moved or cancelled.",
        ),
        (2, "start_date", "Activity 2 has no date or month: enter when it takes place."),
        (3, "responsible_ids", "Activity 3 has nobody responsible: choose members or type a name."),
    ]


def test_approved_plan_refuses_edits_but_keeps_the_year_record(session, world: World) -> None:
    plan = plans.create_plan(session, world.association)
    first = plan_activities.save_activity(session, plan, activity(responsible_ids=[world.teachers[0]]))
    plan_workflow.review(session, plan, world.meetings[0])
    plan_workflow.approve(
        session, plan, "Сейітқали Б.Е.", "Мектеп директоры", dt.date(2025, 8, 29), today=TODAY
    )
    for action in (
        lambda: plans.save_sections(session, plan, SectionsInput(theme="Жаңа")),
        lambda: plan_activities.save_activity(session, plan, activity()),
        lambda: plan_activities.save_activity(session, plan, activity(content="Басқа"), first),
        lambda: plan_activities.move_activity(session, first, 1),
        lambda: plan_activities.delete_activity(session, first),
        lambda: plans.delete_plan(session, plan),
    ):
        with pytest.raises(DomainError, match="approved and locked: reopen it"):
            action()
    # Marking how the year went is not an edit of the plan.
    plan_activities.set_status(session, first, "moved", "сәуірге")
    unchanged = plans.get_plan(session, plan).activities[0]
    plan_activities.save_activity(
        session,
        plan,
        activity(
            content=unchanged.content,
            responsible_ids=[world.teachers[0]],
            status="done",
            meeting_id=world.meetings[1],
        ),
        first,
    )
    row = plans.get_plan(session, plan).activities[0]
    assert (row.status, row.meeting_number, row.content) == ("done", 2, "Ашық сабақ өткізу")


def _plan_with_everything(session, world: World) -> int:
    plan = plans.create_plan(session, world.association)
    plans.save_sections(session, plan, SectionsInput("Талдау", "Тақырып", "Мақсат", ["Бір", "Екі"]))
    done = plan_activities.save_activity(
        session,
        plan,
        activity(content="Өткізілді", start_date=dt.date(2025, 9, 15), responsible_ids=[world.teachers[1]]),
    )
    plan_activities.set_status(session, done, "done")
    plan_activities.save_activity(session, plan, activity(content="Отырыс", meeting_id=world.meetings[0]))
    plan_activities.save_activity(
        session, plan, activity(content="Ауыстырылды", start_date=dt.date(2024 + 2, 2, 28), status="moved")
    )
    plan_activities.save_activity(session, plan, activity(content="Жоспарда", months=(3, 4), form="seminar"))
    cancelled = plan_activities.save_activity(session, plan, activity(content="Бас тартылды"))
    plan_activities.set_status(session, cancelled, "cancelled")
    return plan


def test_copy_from_last_year_creates_the_next_years_association_and_plan(session, world: World) -> None:
    plan = _plan_with_everything(session, world)
    with pytest.raises(DomainError, match="no academic year after 2025-2026: add 2026-2027"):
        plan_copy.copy_from_last_year(session, plan)
    next_year = years.save_year(
        session, years.YearInput("2026-2027", dt.date(2026, 9, 1), dt.date(2027, 5, 25))
    )
    teachers.set_archived(session, world.teachers[3], True)  # left: not carried into the new year
    result = plan_copy.copy_from_last_year(session, plan, who="Әдіскер")
    assert result.association_created and not result.existed
    assert (result.year_name, result.copied, result.carried_over) == ("2026-2027", 5, 2)
    new_assoc = session.get(Association, result.association_id)
    assert (
        new_assoc.year_id == next_year
        and new_assoc.name_kk == plans.get_plan(session, plan).row.association_kk
    )
    members = {
        m.teacher_id: m.role
        for m in session.scalars(select(Membership).where(Membership.association_id == new_assoc.id))
    }
    assert members == {world.teachers[0]: "leader", world.teachers[1]: "member", world.teachers[2]: "member"}
    copy = plans.get_plan(session, result.plan_id)
    assert copy.row.status == "draft" and copy.row.year_name == "2026-2027"
    assert (copy.theme, copy.goal, copy.tasks, copy.analysis) == ("Тақырып", "Мақсат", ("Бір", "Екі"), "")
    rows = {r.content: r for r in copy.activities}
    assert rows["Өткізілді"].start_date == dt.date(2026, 9, 15) and not rows["Өткізілді"].carried_over
    assert rows["Өткізілді"].responsible_ids == (world.teachers[1],)
    assert rows["Отырыс"].meeting_id is None and not rows["Отырыс"].carried_over  # held: done
    assert rows["Ауыстырылды"].carried_over and rows["Ауыстырылды"].start_date == dt.date(2027, 2, 28)
    assert rows["Жоспарда"].carried_over and rows["Жоспарда"].months == (3, 4)
    assert not rows["Бас тартылды"].carried_over
    assert {r.status for r in copy.activities} == {"planned"}
    assert [e.action for e in plan_workflow.history(session, result.plan_id)] == ["copied"]
    # Asking again opens the same plan.
    again = plan_copy.copy_from_last_year(session, plan)
    assert again.existed and again.plan_id == result.plan_id and again.copied == 0


def test_copy_goes_to_an_existing_counterpart(session, world: World) -> None:
    plan = _plan_with_everything(session, world)
    next_year = years.save_year(
        session, years.YearInput("2026-2027", dt.date(2026, 9, 1), dt.date(2027, 5, 25))
    )
    source = session.get(Association, world.association)
    existing = associations.save_association(
        session,
        associations.AssociationInput(
            kind=source.kind,
            level=source.level,
            name_kk=source.name_kk,
            name_ru=source.name_ru,
            subject_id=source.subject_id,
            year_id=next_year,
            organisation_id=source.organisation_id,
        ),
    )
    result = plan_copy.copy_from_last_year(session, plan)
    assert result.association_id == existing and not result.association_created
    assert plan_copy.counterpart(session, world.association, next_year).id == existing


def test_shift_year_keeps_the_day() -> None:
    assert plan_copy.shift_year(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert plan_copy.shift_year(dt.date(2025, 8, 28)) == dt.date(2026, 8, 28)
    assert plan_copy.shift_year(None) is None
