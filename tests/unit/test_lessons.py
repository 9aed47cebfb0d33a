"""Open lessons: planning one (dates inside the year, grade or group, period,
topic, subject defaults), status changes (held, cancelled, moved keeping the
old date), the views and their filters, and the agenda item that discussed a
lesson, named in the protocol."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.lesson_enums import LessonStatus, can_observe, grade_ok, period_ok, scale_ok, score_ok
from metodesk.services import (
    agenda,
    associations,
    lesson_links,
    lesson_views,
    lessons,
    meetings,
    observations,
    protocol_rows,
    subjects,
    teachers,
    years,
)
from metodesk.services.agenda import ItemInput, Speaker
from metodesk.services.lesson_views import LessonFilter
from metodesk.services.lessons import LessonInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.observations import ObservationInput
from metodesk.storage.models import Lesson, LessonMove

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

TODAY = dt.date(2026, 2, 10)
OCT22, DEC10, MAR11 = dt.date(2025, 10, 22), dt.date(2025, 12, 10), dt.date(2026, 3, 11)


@dataclass
class School:
    org: int
    year: int
    kazakh: int  # a Kazakh-language association, subject Қазақ тілі
    primary: int  # a primary association, no subject
    teachers: list[int]
    math: int  # the subject id of Математика


def _teacher(s, org: int, surname: str, first: str) -> int:
    data = teachers.TeacherInput(
        surname=surname, first_name=first, patronymic="Серікқызы", organisation_id=org
    )
    return teachers.save_teacher(s, data, today=TODAY)


@pytest.fixture
def school(db, ours) -> School:
    with db.transaction() as s:
        year = years.current_year(s).id
        by_name = {x.name_kk: x.id for x in subjects.list_subjects(s)}
        people = [
            _teacher(s, ours, "Нұрғалиева", "Әсел"),
            _teacher(s, ours, "Төлеуова", "Айгүл"),
            _teacher(s, ours, "Ибраев", "Ілияс"),
            _teacher(s, ours, "Смағұлова", "Мәдина"),
        ]
        kazakh = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject",
                level="school",
                name_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
                name_ru="МО учителей казахского языка",
                subject_id=by_name["Қазақ тілі"],
                year_id=year,
                organisation_id=ours,
            ),
        )
        primary = associations.save_association(
            s,
            associations.AssociationInput(
                kind="primary",
                level="school",
                name_kk="Бастауыш сынып мұғалімдерінің әдістемелік бірлестігі",
                name_ru="МО учителей начальных классов",
                year_id=year,
                organisation_id=ours,
            ),
        )
        for index, teacher_id in enumerate(people[:3]):
            associations.add_member(s, kazakh, teacher_id, "leader" if index == 0 else "member")
        associations.add_member(s, primary, people[3], "leader")
    return School(ours, year, kazakh, primary, people, by_name["Математика"])


def _input(school: School, **changes) -> LessonInput:
    data = LessonInput(
        association_id=school.kazakh,
        teacher_id=school.teachers[1],
        grade=6,
        class_letter="ә",
        date=OCT22,
        period=3,
        topic="Зат есімнің септелуі",
        objectives="6.4.2.1 – зат есімнің септелуін біліп, мәтінде дұрыс қолдану",
    )
    return replace(data, **changes)


def _plan(s, school: School, **changes) -> int:
    return lessons.save_lesson(s, _input(school, **changes), today=TODAY)


def _count(s) -> int:
    return s.scalar(select(func.count(Lesson.id)))


# the domain rules ------------------------------------------------------------


def test_plain_rules() -> None:
    assert period_ok(None) and period_ok(1) and period_ok(8)
    assert not period_ok(0) and not period_ok(9)
    assert grade_ok(None) and grade_ok(0) and grade_ok(11) and grade_ok(12) and not grade_ok(13)
    assert not grade_ok(-1)
    assert scale_ok(0, 2) and scale_ok(1, 3) and scale_ok(0, 10)
    assert not scale_ok(2, 2) and not scale_ok(3, 1) and not scale_ok(-1, 2) and not scale_ok(0, 11)
    assert score_ok(None, 0, 2) and score_ok(0, 0, 2) and score_ok(2, 0, 2)
    assert not score_ok(3, 0, 2) and not score_ok(0, 1, 3)
    assert can_observe("held", MAR11, TODAY)
    assert can_observe("planned", OCT22, TODAY) and not can_observe("planned", MAR11, TODAY)
    assert not can_observe("cancelled", OCT22, TODAY)
    assert LessonStatus.MOVED.upcoming and not LessonStatus.HELD.upcoming


# planning -----------------------------------------------------------------------


def test_a_planned_lesson_keeps_what_was_entered(session, school: School) -> None:
    lesson_id = _plan(session, school, topic="  Зат есімнің   септелуі ")
    row = lessons.get_lesson(session, lesson_id)
    assert row.status == "planned" and row.kind == "open_lesson"
    assert row.topic == "Зат есімнің септелуі"
    assert row.class_name == "6 Ә"  # the letter is stored as a capital
    assert row.subject_kk == "Қазақ тілі"  # the association's subject when none is chosen
    assert row.subject("ru") == "Казахский язык"
    assert row.year_name == "2025-2026" and row.teacher_short == "Төлеуова А.С."
    assert row.association("ru") == "МО учителей казахского языка"
    assert row.moves == () and row.original_date is None and row.observation_count == 0


def test_a_preschool_group_or_a_typed_subject(session, school: School) -> None:
    lesson_id = _plan(
        session,
        school,
        association_id=school.primary,
        teacher_id=school.teachers[3],
        grade=None,
        class_letter="",
        group_name="Балапан",
        subject_text="Сөйлеуді дамыту",
    )
    row = lessons.get_lesson(session, lesson_id)
    assert row.class_name == "Балапан" and row.grade is None
    assert row.subject_id is None and row.subject("kk") == "Сөйлеуді дамыту" == row.subject("ru")
    chosen = _plan(
        session, school, association_id=school.primary, teacher_id=school.teachers[3], subject_id=school.math
    )
    assert lessons.get_lesson(session, chosen).subject_kk == "Математика"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"association_id": None}, "association_id"),
        ({"teacher_id": None}, "teacher_id"),
        ({"teacher_id": 9999}, "teacher_id"),
        ({"date": None}, "date"),
        ({"date": dt.date(2025, 7, 31)}, "date"),  # before the year's window (1 August)
        ({"date": dt.date(2026, 7, 1)}, "date"),  # after it (30 June)
        ({"period": 0}, "period"),
        ({"period": 9}, "period"),
        ({"grade": 13}, "grade"),
        ({"grade": None}, "grade"),
        ({"group_name": "Балапан"}, "group_name"),  # a grade and a group at once
        ({"topic": "   "}, "topic"),
        ({"topic": "т" * 1001}, "topic"),
        ({"kind": "lecture"}, "kind"),
        ({"subject_id": 9999}, "subject_id"),
        ({"class_letter": "АБВГДЕЖЗИ"}, "class_letter"),
    ],
)
def test_refusals_name_the_field_and_save_nothing(session, school: School, changes: dict, field: str) -> None:
    with pytest.raises(DomainError) as err:
        _plan(session, school, **changes)
    assert err.value.field == field
    assert str(err.value)  # one sentence to show
    assert _count(session) == 0


def test_the_date_sentence_names_the_window(session, school: School) -> None:
    """Issue 19.5: lessons are given on the year's own days (a lesson on
    13.06.2027, after the last day 25.05.2027, was accepted)."""
    with pytest.raises(DomainError, match="01.09.2025 and 25.05.2026"):
        _plan(session, school, date=dt.date(2026, 9, 1))
    with pytest.raises(DomainError, match="01.09.2025 and 25.05.2026"):
        _plan(session, school, date=dt.date(2026, 6, 14))
    with pytest.raises(DomainError, match="01.09.2025 and 25.05.2026"):
        _plan(session, school, date=dt.date(2025, 8, 29))


def test_a_primary_lesson_needs_a_subject(session, school: School) -> None:
    with pytest.raises(DomainError) as err:
        _plan(session, school, association_id=school.primary, teacher_id=school.teachers[3])
    assert err.value.field == "subject_id"


def test_an_archived_teacher_gets_no_new_lesson(session, school: School) -> None:
    lesson_id = _plan(session, school)
    teachers.set_archived(session, school.teachers[1], True)
    with pytest.raises(DomainError) as err:
        _plan(session, school)
    assert err.value.field == "teacher_id"
    # the lessons they gave can still be corrected
    lessons.save_lesson(session, _input(school, topic="Септік жалғаулары"), lesson_id, today=TODAY)
    assert lessons.get_lesson(session, lesson_id).topic == "Септік жалғаулары"


def test_proposed_lesson_starts_inside_the_year(session, school: School) -> None:
    proposed = lessons.proposed_lesson(session, school.kazakh, dt.date(2027, 1, 1))
    assert proposed.date == dt.date(2026, 5, 25)  # the year's last day
    assert proposed.association_id == school.kazakh and proposed.kind == "open_lesson"
    assert lessons.proposed_lesson(session, school.kazakh, TODAY).date == TODAY


def test_unknown_lesson_is_one_sentence(session, school: School) -> None:
    with pytest.raises(NotFound, match="no lesson with id 77"):
        lessons.get_lesson(session, 77)
    with pytest.raises(NotFound):
        lessons.move_lesson(session, 77, MAR11)


# status changes -----------------------------------------------------------------


def test_moving_keeps_every_old_date(session, school: School) -> None:
    lesson_id = _plan(session, school, date=dt.date(2026, 2, 13), period=4)
    lessons.move_lesson(session, lesson_id, dt.date(2026, 2, 27), reason="Аудандық семинар")
    row = lessons.get_lesson(session, lesson_id)
    assert row.status == "moved" and row.date == dt.date(2026, 2, 27) and row.period == 4
    assert row.original_date == dt.date(2026, 2, 13)
    lessons.move_lesson(session, lesson_id, dt.date(2026, 3, 4), new_period=2)
    row = lessons.get_lesson(session, lesson_id)
    assert [(m.from_date, m.to_date) for m in row.moves] == [
        (dt.date(2026, 2, 13), dt.date(2026, 2, 27)),
        (dt.date(2026, 2, 27), dt.date(2026, 3, 4)),
    ]
    assert row.moves[0].reason == "Аудандық семинар" and row.moves[1].from_period == 4
    assert row.period == 2 and row.original_date == dt.date(2026, 2, 13)


def test_refused_moves_change_nothing(session, school: School) -> None:
    lesson_id = _plan(session, school, date=dt.date(2026, 2, 13))
    for day, field in ((dt.date(2026, 2, 13), "date"), (dt.date(2026, 8, 1), "date"), (None, "date")):
        with pytest.raises(DomainError) as err:
            lessons.move_lesson(session, lesson_id, day)
        assert err.value.field == field
    with pytest.raises(DomainError):
        lessons.move_lesson(session, lesson_id, MAR11, new_period=12, keep_period=False)
    assert lessons.get_lesson(session, lesson_id).status == "planned"
    assert session.scalar(select(func.count(LessonMove.id))) == 0


def test_held_and_cancelled(session, school: School) -> None:
    past, future = _plan(session, school), _plan(session, school, date=MAR11)
    with pytest.raises(DomainError, match="future"):
        lessons.set_status(session, future, "held", today=TODAY)
    lessons.set_status(session, past, "held", today=TODAY)
    assert lessons.get_lesson(session, past).status == "held"
    with pytest.raises(DomainError, match="held lesson cannot be moved"):
        lessons.move_lesson(session, past, MAR11)
    with pytest.raises(DomainError, match="future"):
        lessons.save_lesson(session, _input(school, date=MAR11), past, today=TODAY)
    lessons.cancel_lesson(session, future, "Мұғалім ауырып қалды")
    row = lessons.get_lesson(session, future)
    assert row.status == "cancelled" and row.note == "Мұғалім ауырып қалды"
    lessons.set_status(session, future, "planned", today=TODAY)
    assert lessons.get_lesson(session, future).status == "planned"
    with pytest.raises(DomainError):
        lessons.set_status(session, future, "moved", today=TODAY)
    with pytest.raises(DomainError):
        lessons.set_status(session, future, "postponed", today=TODAY)


def test_a_moved_lesson_planned_again_shows_as_moved(session, school: School) -> None:
    lesson_id = _plan(session, school, date=dt.date(2026, 2, 13))
    lessons.move_lesson(session, lesson_id, MAR11)
    lessons.cancel_lesson(session, lesson_id)
    lessons.set_status(session, lesson_id, "planned", today=TODAY)
    assert lessons.get_lesson(session, lesson_id).status == "moved"
    # a cancelled lesson moved to a new date is back on
    lessons.cancel_lesson(session, lesson_id)
    lessons.move_lesson(session, lesson_id, dt.date(2026, 4, 15))
    assert lessons.get_lesson(session, lesson_id).status == "moved"


def test_a_lesson_with_sheets_was_held(session, school: School) -> None:
    lesson_id = _plan(session, school)
    observations.save_observation(
        session, lesson_id, ObservationInput(observer_teacher_id=school.teachers[0]), today=TODAY
    )
    assert lessons.get_lesson(session, lesson_id).status == "held"
    for status in ("cancelled", "planned"):
        with pytest.raises(DomainError, match="observation sheets"):
            lessons.set_status(session, lesson_id, status, today=TODAY)
    with pytest.raises(DomainError, match="observation sheets"):
        lessons.delete_lesson(session, lesson_id)
    assert lessons.get_lesson(session, lesson_id).status == "held"
    other = _plan(session, school)
    lessons.delete_lesson(session, other)
    assert _count(session) == 1


# views ------------------------------------------------------------------------------


@pytest.fixture
def year_of_lessons(session, school: School) -> dict[str, int]:
    t = school.teachers
    made = {
        "oct": _plan(session, school, teacher_id=t[1]),
        "dec": _plan(session, school, teacher_id=t[2], date=DEC10, period=2, kind="mutual_visit"),
        "mar": _plan(session, school, teacher_id=t[1], date=MAR11, period=None, kind="master_class"),
        "mar_first": _plan(session, school, teacher_id=t[2], date=MAR11, period=1),
        "primary": _plan(
            session,
            school,
            association_id=school.primary,
            teacher_id=t[3],
            subject_id=school.math,
            date=DEC10,
            period=1,
        ),
    }
    lessons.set_status(session, made["oct"], "held", today=TODAY)
    lessons.cancel_lesson(session, made["dec"])
    observations.save_observation(
        session, made["oct"], ObservationInput(observer_teacher_id=t[2]), today=TODAY
    )
    observations.save_observation(
        session, made["primary"], ObservationInput(observer_teacher_id=t[1]), today=TODAY
    )
    return made


def test_the_list_is_in_date_and_period_order(session, school, year_of_lessons) -> None:
    rows = lesson_views.list_lessons(session)
    order = [year_of_lessons[k] for k in ("oct", "primary", "dec", "mar_first", "mar")]
    assert [r.id for r in rows] == order  # same day: by period, an unknown period last


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (lambda s: LessonFilter(teacher_id=s.teachers[1]), {"oct", "mar"}),
        (lambda s: LessonFilter(subject_id=s.math), {"primary"}),
        (lambda s: LessonFilter(kind="mutual_visit"), {"dec"}),
        (lambda s: LessonFilter(status="cancelled"), {"dec"}),
        (lambda s: LessonFilter(status="held"), {"oct", "primary"}),
        (lambda s: LessonFilter(status="upcoming"), {"mar", "mar_first"}),
        (lambda s: LessonFilter(association_id=s.primary), {"primary"}),
        (lambda s: LessonFilter(month=12), {"dec", "primary"}),
        (lambda s: LessonFilter(date=MAR11, teacher_id=s.teachers[2]), {"mar_first"}),
        (lambda s: LessonFilter(year_id=s.year, kind="master_class", status="planned"), {"mar"}),
    ],
)
def test_filters(session, school, year_of_lessons, flt, expected) -> None:
    ids = {r.id for r in lesson_views.list_lessons(session, flt(school))}
    assert ids == {year_of_lessons[k] for k in expected}


def test_wrong_filter_values_are_refused(session, school, year_of_lessons) -> None:
    for flt in (LessonFilter(kind="lecture"), LessonFilter(status="postponed")):
        with pytest.raises(DomainError):
            lesson_views.list_lessons(session, flt)
    with pytest.raises(NotFound, match="teacher with id 999"):
        lesson_views.list_lessons(session, LessonFilter(teacher_id=999))
    with pytest.raises(NotFound, match="association with id 999"):
        lesson_views.list_lessons(session, LessonFilter(association_id=999))


def test_schedule_by_month_and_by_association(session, school, year_of_lessons) -> None:
    months = lesson_views.schedule_by_month(session, school.year)
    assert [(g.year, g.month, len(g.lessons)) for g in months] == [(2025, 10, 1), (2025, 12, 2), (2026, 3, 2)]
    only_kk = lesson_views.schedule_by_month(session, school.year, LessonFilter(association_id=school.kazakh))
    assert sum(len(g.lessons) for g in only_kk) == 4
    groups = lesson_views.schedule_by_association(session, school.year, lang="kk")
    assert [g.association_id for g in groups] == [school.primary, school.kazakh]  # Б before «
    assert [len(g.lessons) for g in groups] == [1, 4]
    assert groups[0].name("ru") == "МО учителей начальных классов"
    upcoming = lesson_views.schedule_by_association(session, school.year, LessonFilter(status="upcoming"))
    assert [g.association_id for g in upcoming] == [school.kazakh]


def test_a_teachers_year(session, school, year_of_lessons) -> None:
    t = school.teachers
    ibraev = lesson_views.teacher_year(session, t[2], school.year)
    assert [r.id for r in ibraev.given] == [year_of_lessons["dec"], year_of_lessons["mar_first"]]
    assert [o.lesson.id for o in ibraev.observed] == [year_of_lessons["oct"]]
    toleuova = lesson_views.teacher_year(session, t[1])
    assert [o.lesson.id for o in toleuova.observed] == [year_of_lessons["primary"]]
    next_year = years.save_year(
        session, years.YearInput("2026-2027", dt.date(2026, 9, 1), dt.date(2027, 5, 25))
    )
    empty = lesson_views.teacher_year(session, t[2], next_year)
    assert empty.given == () and empty.observed == ()
    with pytest.raises(NotFound):
        lesson_views.teacher_year(session, 999)


def test_lessons_for_association_year_and_date(session, school, year_of_lessons) -> None:
    rows = lesson_views.lessons_for_association_year(session, school.kazakh)
    assert len(rows) == 4 and all(r.association_id == school.kazakh for r in rows)
    assert lesson_views.lessons_for_association_year(session, school.kazakh, school.year) == rows
    with pytest.raises(NotFound):
        lesson_views.lessons_for_association_year(session, 999)
    on_dec10 = lesson_views.lessons_on_date(session, DEC10)
    assert [r.id for r in on_dec10] == [year_of_lessons["primary"]]  # the cancelled one is left out
    assert len(lesson_views.lessons_on_date(session, DEC10, include_cancelled=True)) == 2
    assert lesson_views.lessons_on_date(session, DEC10, association_id=school.kazakh) == []
    assert set(lesson_views.teacher_ids_with_lessons(session, school.year)) == set(school.teachers[1:])
    assert lesson_views.year_months(dt.date(2025, 9, 1), dt.date(2026, 5, 25))[::4] == [
        (2025, 9),
        (2026, 1),
        (2026, 5),
    ]


# the agenda item that discussed a lesson -------------------------------------------------


def test_an_agenda_item_discusses_a_lesson_and_the_protocol_names_it(session, school: School) -> None:
    lesson_id = _plan(session, school)
    meeting = meetings.save_meeting(
        session,
        MeetingInput(school.kazakh, 2, dt.date(2025, 11, 5), "", school.teachers[0], None, "held"),
        today=TODAY,
    )
    item = agenda.save_item(
        session, meeting, ItemInput("Ашық сабақты талқылау туралы", Speaker(teacher_id=school.teachers[1]))
    )
    lesson_links.link_lesson(session, item, lesson_id)
    lesson_links.link_lesson(session, item, lesson_id)  # twice is once
    assert [r.id for r in lesson_links.lessons_for_item(session, item)] == [lesson_id]
    found = lesson_links.discussed_at(session, lesson_id)
    assert [(d.meeting_number, d.item_position) for d in found] == [(2, 1)]
    printed = protocol_rows.protocol_data(session, meeting).items[0].lessons
    assert len(printed) == 1
    assert printed[0].topic == "Зат есімнің септелуі" and printed[0].teacher == "Төлеуова А.С."
    assert (printed[0].grade, printed[0].class_letter, printed[0].date) == (6, "Ә", OCT22)
    lesson_links.unlink_lesson(session, item, lesson_id)
    assert lesson_links.lessons_for_item(session, item) == []
    assert protocol_rows.protocol_data(session, meeting).items[0].lessons == ()


def test_a_lesson_after_the_meeting_or_cancelled_is_not_discussed(session, school: School) -> None:
    later, cancelled = _plan(session, school, date=MAR11), _plan(session, school)
    lessons.cancel_lesson(session, cancelled)
    meeting = meetings.save_meeting(
        session, MeetingInput(school.kazakh, 2, dt.date(2025, 11, 5), "", None, None, "held"), today=TODAY
    )
    item = agenda.save_item(session, meeting, ItemInput("Ашық сабақтар туралы"))
    for lesson_id in (later, cancelled):
        with pytest.raises(DomainError) as err:
            lesson_links.link_lesson(session, item, lesson_id)
        assert err.value.field == "lesson_id"
    assert lesson_links.lessons_by_item(session, meeting) == {}


def test_deleting_the_item_or_the_lesson_drops_the_link(session, school: School) -> None:
    lesson_id = _plan(session, school)
    meeting = meetings.save_meeting(
        session, MeetingInput(school.kazakh, 2, dt.date(2025, 11, 5), "", None, None, "held"), today=TODAY
    )
    item = agenda.save_item(session, meeting, ItemInput("Ашық сабақ туралы"))
    lesson_links.link_lesson(session, item, lesson_id)
    lessons.delete_lesson(session, lesson_id)
    session.expire_all()
    assert lesson_links.lessons_by_item(session, meeting) == {}
    assert len(agenda.list_items(session, meeting)) == 1
