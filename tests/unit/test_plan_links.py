"""Links between areas in the annual plan: an activity fulfilled by an open
lesson or a mentoring log entry (tied and held means done), the refusals of a
record of another association or year, and the live schedules of open
lessons, mentoring pairs and attestations, on screen rows and in the PDF and
DOCX in Kazakh and Russian."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader
from test_plans import World, activity, make_world

from metodesk.domain.errors import DomainError
from metodesk.reports import plan_docx, plan_pdf, plan_text
from metodesk.services import (
    associations,
    plan_activities,
    plan_links,
    plan_rows,
    plan_schedules,
    plans,
    subjects,
)
from metodesk.storage.models import (
    AcademicYear,
    AttestationCase,
    Lesson,
    MentoringLogEntry,
    MentoringPair,
    PlanActivity,
)


@pytest.fixture
def world(session) -> World:
    return make_world(session)


def _lesson(session, world: World, association_id: int | None = None, **values) -> int:
    values.setdefault("date", dt.date(2025, 10, 22))
    values.setdefault("status", "planned")
    lesson = Lesson(
        year_id=values.pop("year_id", world.year),
        association_id=association_id or world.association,
        teacher_id=values.pop("teacher_id", world.teachers[1]),
        grade=6,
        class_letter="Ә",
        topic=values.pop("topic", "Зат есімнің септелуі"),
        kind=values.pop("kind", "open_lesson"),
        **values,
    )
    session.add(lesson)
    session.flush()
    return lesson.id


def _pair(session, world: World, mentor: int, mentee: int, year_id: int | None = None) -> int:
    pair = MentoringPair(
        year_id=year_id or world.year,
        mentor_id=mentor,
        mentee_id=mentee,
        start_date=dt.date(2025, 9, 1),
        end_date=dt.date(2026, 5, 25),
    )
    session.add(pair)
    session.flush()
    return pair.id


def _entry(session, pair_id: int, day: dt.date = dt.date(2025, 10, 1)) -> int:
    entry = MentoringLogEntry(pair_id=pair_id, date=day, topic="ҚМЖ құру", minutes=40)
    session.add(entry)
    session.flush()
    return entry.id


def _plan(session, world: World) -> int:
    return plans.create_plan(session, world.association)


def _other_association(session, world: World) -> int:
    return associations.save_association(
        session,
        associations.AssociationInput(
            kind="subject",
            level="school",
            name_kk="Математика пәні мұғалімдерінің әдістемелік бірлестігі",
            name_ru="МО учителей математики",
            subject_id=next(x.id for x in subjects.list_subjects(session) if x.name_kk == "Математика"),
            year_id=world.year,
            organisation_id=world.org,
        ),
    )


def test_a_held_lesson_makes_the_activity_done(session, world: World) -> None:
    plan_id = _plan(session, world)
    lesson_id = _lesson(session, world)
    activity_id = plan_activities.save_activity(session, plan_id, activity(lesson_id=lesson_id))
    row = plans.get_plan(session, plan_id).activities[0]
    assert (row.lesson_id, row.lesson_teacher, row.lesson_held) == (lesson_id, "Ибраев І.Қ.", False)
    assert row.effective_status == "planned"  # tied, but not held yet
    session.get(Lesson, lesson_id).status = "held"
    session.flush()
    session.expire_all()
    detail = plans.get_plan(session, plan_id)
    assert detail.activities[0].effective_status == "done"
    assert (detail.row.done_count, detail.row.percent) == (1, 100)
    printed = plan_rows.plan_data(session, plan_id).activities[0]
    assert (printed.status, printed.lesson_date) == ("done", dt.date(2025, 10, 22))
    # a cancelled lesson does not fulfil it
    session.get(Lesson, lesson_id).status = "cancelled"
    session.flush()
    session.expire_all()
    assert plans.get_plan(session, plan_id).activities[0].effective_status == "planned"
    # deleting the lesson keeps the activity and drops the link
    session.delete(session.get(Lesson, lesson_id))
    session.flush()
    session.expire_all()
    assert session.get(PlanActivity, activity_id).lesson_id is None


def test_a_logged_mentoring_entry_makes_the_activity_done(session, world: World) -> None:
    plan_id = _plan(session, world)
    entry_id = _entry(session, _pair(session, world, world.teachers[0], world.teachers[1]))
    plan_activities.save_activity(session, plan_id, activity(mentoring_entry_id=entry_id))
    row = plans.get_plan(session, plan_id).activities[0]
    assert row.effective_status == "done"
    assert row.mentoring_pair == "Нұрғалиева Ә.Б. – Ибраев І.Қ."
    assert plan_rows.plan_data(session, plan_id).activities[0].mentoring_date == dt.date(2025, 10, 1)
    choices = plan_links.entry_choices(session, plan_id)
    assert [c.id for c in choices] == [entry_id]


def test_a_lesson_of_another_association_is_refused(session, world: World) -> None:
    plan_id = _plan(session, world)
    foreign = _lesson(session, world, association_id=_other_association(session, world))
    with pytest.raises(DomainError) as err:
        plan_activities.save_activity(session, plan_id, activity(lesson_id=foreign))
    assert err.value.field == "lesson_id"
    assert "another association" in err.value.message
    assert plans.get_plan(session, plan_id).activities == ()  # nothing half-saved
    assert foreign not in [r.id for r in plan_links.lesson_choices(session, plan_id)]


def test_records_of_another_year_and_two_links_are_refused(session, world: World) -> None:
    plan_id = _plan(session, world)
    other = AcademicYear(
        name="2024-2025", start_date=dt.date(2024, 9, 1), end_date=dt.date(2025, 5, 31), is_current=False
    )
    session.add(other)
    session.flush()
    old_lesson = _lesson(session, world, year_id=other.id, date=dt.date(2024, 10, 22))
    with pytest.raises(DomainError, match="2025-2026") as err:
        plan_activities.save_activity(session, plan_id, activity(lesson_id=old_lesson))
    assert err.value.field == "lesson_id"
    old_entry = _entry(session, _pair(session, world, world.teachers[0], world.teachers[1], other.id))
    with pytest.raises(DomainError, match="mentoring entry") as err:
        plan_activities.save_activity(session, plan_id, activity(mentoring_entry_id=old_entry))
    assert err.value.field == "mentoring_entry_id"
    lesson = _lesson(session, world)
    with pytest.raises(DomainError, match="one record only"):
        plan_activities.save_activity(
            session, plan_id, activity(lesson_id=lesson, meeting_id=world.meetings[0])
        )


def test_an_approved_plan_still_takes_a_link(session, world: World) -> None:
    plan_id = _plan(session, world)
    activity_id = plan_activities.save_activity(session, plan_id, activity(meeting_id=world.meetings[2]))
    session.get(PlanActivity, activity_id).plan.status = "approved"
    session.flush()
    lesson_id = _lesson(session, world, status="held")
    plan_activities.link_lesson(session, activity_id, lesson_id)
    stored = session.get(PlanActivity, activity_id)
    assert (stored.lesson_id, stored.meeting_id) == (lesson_id, None)
    assert plans.get_plan(session, plan_id).activities[0].effective_status == "done"


def _schedules_world(session, world: World) -> int:
    plan_id = _plan(session, world)
    _lesson(session, world, date=dt.date(2026, 2, 12), topic="Етістік", status="planned", kind="master_class")
    _lesson(session, world, status="held")
    _lesson(session, world, association_id=_other_association(session, world), topic="Бөтен")
    _pair(session, world, world.teachers[0], world.teachers[1])  # both members
    _pair(session, world, world.outsider, world.teachers[2])  # the mentee is a member
    session.add(AttestationCase(teacher_id=world.teachers[3], year_start=2025, target_category="expert"))
    session.add(AttestationCase(teacher_id=world.outsider, year_start=2025, target_category="expert"))
    session.flush()
    return plan_id


def test_the_schedules_rows(session, world: World) -> None:
    plan_id = _schedules_world(session, world)
    found = plan_schedules.plan_schedules(session, plan_id)
    assert [(r.date, r.topic, r.status, r.kind) for r in found.lessons] == [
        (dt.date(2025, 10, 22), "Зат есімнің септелуі", "held", "open_lesson"),
        (dt.date(2026, 2, 12), "Етістік", "planned", "master_class"),
    ]
    assert found.lessons[0].teacher == "Ибраев І.Қ." and found.lessons[0].class_name == "6 Ә"
    assert [(p.mentor, p.mentee) for p in found.pairs] == [
        ("Нұрғалиева Ә.Б.", "Ибраев І.Қ."),
        ("Қасымов Е.Т.", "Төлеуова А.М."),
    ]
    assert found.pairs[0].start_date == dt.date(2025, 9, 1)
    assert [(a.teacher, a.target, a.window) for a in found.attestations] == [
        ("Петренко О.В.", "expert", "jan_may")
    ]


@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        ("kk", ("Ашық сабақтар кестесі", "Тәлімгерлік", "педагогтерді аттестаттау")),
        ("ru", ("График открытых уроков", "Наставничество", "Аттестация педагогов")),
    ],
)
def test_pdf_and_docx_print_the_schedules(session, world: World, lang: str, headings) -> None:
    plan_id = _schedules_world(session, world)
    lesson_id = plan_schedules.plan_schedules(session, plan_id).lessons[0].id
    plan_activities.save_activity(session, plan_id, activity(lesson_id=lesson_id))
    session.expire_all()
    data = plan_rows.plan_data(session, plan_id)
    reader = PdfReader(io.BytesIO(plan_pdf.build(data, lang)))
    pdf_text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for heading in headings:
        assert heading in pdf_text
    assert "Етістік" in pdf_text and "Төлеуова А.М." in pdf_text
    assert (
        "орындалды: ашық сабақ, 22.10.2025" if lang == "kk" else "выполнено: открытый урок, 22.10.2025"
    ) in (pdf_text)
    assert "None" not in pdf_text
    document = Document(io.BytesIO(plan_docx.build(data, lang)))
    # blocks, activities, meetings, three schedules, the leader's signature over its caption (as the PDF)
    assert len(document.tables) == 1 + 1 + 1 + 3 + 1
    assert document.tables[-1].rows[1].cells[1].text == plan_text.LABELS[lang]["signature"]
    lessons_table = document.tables[3]
    assert [c.text for c in lessons_table.rows[1].cells][1:3] == ["22.10.2025", "Ибраев І.Қ."]
    assert document.tables[5].rows[1].cells[1].text == "Петренко О.В."


def test_empty_schedules_are_left_out(session, world: World) -> None:
    plan_id = _plan(session, world)
    data = plan_rows.plan_data(session, plan_id)
    assert (data.lessons, data.pairs, data.attestations) == ((), (), ())
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(plan_pdf.build(data, "ru"))).pages)
    assert "График открытых уроков" not in text and "None" not in text
    tables = Document(io.BytesIO(plan_docx.build(data, "kk"))).tables
    assert len(tables) == 3 + 1  # blocks, activities, meetings and the leader's signature
