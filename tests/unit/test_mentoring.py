"""Mentoring: pairs and their refusals (a mentor who is the mentee, a mentee
not of ours, a second mentor in the year, archived teachers), the plan's
template and marks, the meeting log and its links to lessons and sheets, and
the attention list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import (
    associations,
    lessons,
    mentoring,
    mentoring_attention,
    mentoring_log,
    mentoring_plan,
    observations,
    organisations,
    teachers,
    years,
)
from metodesk.services.lessons import LessonInput
from metodesk.services.mentoring import PairInput
from metodesk.services.mentoring_log import EntryInput
from metodesk.services.mentoring_plan import ActivityInput
from metodesk.services.observations import ObservationInput
from metodesk.storage.models import MentoringActivity, MentoringLogEntry, MentoringPair

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

TODAY = dt.date(2026, 2, 10)
D = dt.date


@dataclass
class School:
    year: int
    assoc: int
    mentor: int  # Смағұлова, experienced
    young: int  # Әбдірахманова, a young specialist
    young2: int  # Оразбекова, another young specialist
    trainee: int  # Ибраев, not marked as a young specialist
    neighbour: int  # a young specialist of another school
    archived: int  # a young specialist who left


def _teacher(s, org: int, surname: str, first: str, young: bool = False) -> int:
    data = teachers.TeacherInput(
        surname=surname, first_name=first, patronymic="Серікқызы", organisation_id=org, young_specialist=young
    )
    return teachers.save_teacher(s, data, today=TODAY)


@pytest.fixture
def school(db, ours) -> School:
    with db.transaction() as s:
        year = years.current_year(s).id
        other = organisations.save_organisation(
            s,
            organisations.OrganisationInput(
                kind="school", name_kk="Қаратал мектебі", name_ru="Школа Каратал"
            ),
        )
        people = School(
            year=year,
            assoc=0,
            mentor=_teacher(s, ours, "Смағұлова", "Мәдина"),
            young=_teacher(s, ours, "Әбдірахманова", "Ұлжан", young=True),
            young2=_teacher(s, ours, "Оразбекова", "Дана", young=True),
            trainee=_teacher(s, ours, "Ибраев", "Ілияс"),
            neighbour=_teacher(s, other, "Мұхамеджанов", "Бауыржан", young=True),
            archived=_teacher(s, ours, "Кетті", "Айгерім", young=True),
        )
        teachers.set_archived(s, people.archived, True)
        people.assoc = associations.save_association(
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
        for teacher_id in (people.mentor, people.young, people.trainee):
            associations.add_member(s, people.assoc, teacher_id)
    return people


def _pair_input(school: School, **changes) -> PairInput:
    data = PairInput(
        year_id=school.year,
        mentor_id=school.mentor,
        mentee_id=school.young,
        order_number="№ 112",
        order_date=D(2025, 8, 29),
        goals="Жас маманның бейімделуі",
        start_date=D(2025, 9, 1),
        end_date=D(2026, 5, 25),
        template_lang="kk",
    )
    return replace(data, **changes)


def _pair(s, school: School, **changes) -> int:
    return mentoring.save_pair(s, _pair_input(school, **changes))


def _count(s, model) -> int:
    return s.scalar(select(func.count(model.id)))


# pairs ------------------------------------------------------------------------------------------


def test_a_pair_keeps_what_was_entered_and_starts_its_plan_from_the_template(session, school: School) -> None:
    pair_id = _pair(session, school)
    row = mentoring.get_pair(session, pair_id)
    assert (row.mentor_short, row.mentee_short) == ("Смағұлова М.С.", "Әбдірахманова Ұ.С.")
    assert row.order_number == "112" and row.order_text == "№ 112, 29.08.2025"
    assert row.mentee_kind == "young_specialist" and row.plan_lang == "kk" and row.year_name == "2025-2026"
    assert (row.activity_count, row.done_count, row.entry_count, row.last_entry) == (10, 0, 0, None)
    plan = mentoring_plan.list_activities(session, pair_id)
    assert [a.number for a in plan] == list(range(1, 11))
    assert plan[0].activity.startswith("Жас маманның кәсіби қиындықтарын анықтау")
    assert plan[0].due_date == D(2025, 9, 30) and plan[0].completion_form == "Сауалнама, әңгімелесу"
    assert plan[3].when_text == "Жыл бойы" and plan[3].due_date == D(2026, 5, 25)
    assert plan[-1].activity.startswith("Жыл қорытындысы") and plan[-1].due_date == D(2026, 5, 25)
    assert [p.id for p in mentoring.list_pairs(session, school.year)] == [pair_id]
    assert mentoring.list_pairs(session, 9999) == []


def test_the_template_in_russian_or_an_empty_plan(session, school: School) -> None:
    ru = _pair(session, school, template_lang="ru")
    empty = _pair(session, school, mentee_id=school.young2, template_lang="")
    plan = mentoring_plan.list_activities(session, ru)
    assert plan[0].activity == "Диагностика профессиональных затруднений молодого специалиста"
    assert plan[3].when_text == "В течение года"
    assert any("Открытый урок молодого специалиста" == a.activity for a in plan)
    assert mentoring_plan.list_activities(session, empty) == []
    assert mentoring.get_pair(session, empty).plan_lang == ""
    assert mentoring_plan.add_template(session, empty, "ru") == 10
    assert mentoring.get_pair(session, empty).plan_lang == "ru"


def test_template_rows_are_dated_across_the_year() -> None:
    rows = mentoring_plan.template_rows("kk", D(2025, 9, 1), D(2026, 5, 25))
    months = [(r.due_date.year, r.due_date.month) for r in rows]
    assert months[0] == (2025, 9) and (2025, 10) in months and (2025, 12) in months
    assert (2026, 3) in months and rows[-1].due_date == D(2026, 5, 25)  # never after the year's end
    assert all(D(2025, 9, 1) <= r.due_date <= D(2026, 5, 25) for r in rows)
    assert sorted(r.due_date for r in rows if not r.when_text) == [
        r.due_date for r in rows if not r.when_text
    ]
    assert len(mentoring_plan.template_rows("ru", D(2025, 9, 1), D(2026, 5, 25))) == len(rows)
    with pytest.raises(DomainError):
        mentoring_plan.template_rows("en", D(2025, 9, 1), D(2026, 5, 25))


def test_a_mentor_cannot_mentor_themselves(session, school: School) -> None:
    with pytest.raises(DomainError) as err:
        _pair(session, school, mentor_id=school.young)
    assert err.value.field == "mentor_id"
    assert "cannot mentor themselves" in str(err.value) and "Әбдірахманова Ұлжан" in str(err.value)
    assert _count(session, MentoringPair) == 0 and _count(session, MentoringActivity) == 0


def test_a_mentee_must_be_a_teacher_of_ours(session, school: School) -> None:
    with pytest.raises(DomainError) as err:
        _pair(session, school, mentee_id=school.neighbour)
    assert err.value.field == "mentee_id"
    assert "Мұхамеджанов Бауыржан" in str(err.value) and "Қаратал мектебі" in str(err.value)
    assert "not in our organisation" in str(err.value)
    assert _count(session, MentoringPair) == 0


def test_a_mentor_from_a_neighbouring_school_is_allowed(session, school: School) -> None:
    pair_id = _pair(session, school, mentor_id=school.neighbour)
    assert mentoring.get_pair(session, pair_id).mentor_id == school.neighbour


def test_one_mentee_has_one_mentor_a_year(session, school: School) -> None:
    _pair(session, school)
    with pytest.raises(DomainError) as err:
        _pair(session, school, mentor_id=school.trainee, mentee_id=school.young)
    assert err.value.field == "mentee_id"
    assert "already has a mentor in 2025-2026" in str(err.value) and "Смағұлова Мәдина" in str(err.value)
    assert _count(session, MentoringPair) == 1 and _count(session, MentoringActivity) == 10
    next_year = years.save_year(
        session, years.YearInput(name="2026-2027", start_date=D(2026, 9, 1), end_date=D(2027, 5, 25))
    )
    again = _pair(
        session,
        school,
        year_id=next_year,
        start_date=D(2026, 9, 1),
        end_date=D(2027, 5, 25),
        template_lang="",
    )
    assert mentoring.get_pair(session, again).year_name == "2026-2027"


def test_archived_teachers_are_refused_but_an_existing_pair_stays_editable(session, school: School) -> None:
    with pytest.raises(DomainError) as err:
        _pair(session, school, mentee_id=school.archived)
    assert err.value.field == "mentee_id" and "archived" in str(err.value)
    pair_id = _pair(session, school)
    teachers.set_archived(session, school.mentor, True)
    with pytest.raises(DomainError) as err:
        _pair(session, school, mentee_id=school.young2)  # the archived mentor for someone new
    assert err.value.field == "mentor_id"
    mentoring.save_pair(session, _pair_input(school, goals="Жаңа мақсат"), pair_id)  # the pair itself: fine
    row = mentoring.get_pair(session, pair_id)
    assert row.goals == "Жаңа мақсат" and row.mentor_archived


def test_a_young_specialist_must_be_marked_as_one_else_a_trainee(session, school: School) -> None:
    with pytest.raises(DomainError) as err:
        _pair(session, school, mentee_id=school.trainee)
    assert err.value.field == "mentee_kind"
    pair_id = _pair(session, school, mentee_id=school.trainee, mentee_kind="trainee")
    assert mentoring.get_pair(session, pair_id).mentee_kind == "trainee"
    proposed = mentoring.proposed_pair(session, school.year, school.trainee)
    assert proposed.mentee_kind == "trainee" and proposed.start_date == D(2025, 9, 1)
    assert mentoring.proposed_pair(session, school.year, school.young).mentee_kind == "young_specialist"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"mentee_id": None}, "mentee_id"),
        ({"mentor_id": None}, "mentor_id"),
        ({"mentor_id": 9999}, "mentor_id"),
        ({"year_id": None}, "year_id"),
        ({"start_date": D(2025, 7, 1)}, "start_date"),
        ({"end_date": D(2026, 7, 1)}, "end_date"),
        ({"start_date": D(2026, 1, 10), "end_date": D(2025, 12, 1)}, "end_date"),
        ({"order_date": D(1900, 1, 1)}, "order_date"),
        ({"order_number": "1" * 51}, "order_number"),
        ({"mentee_kind": "intern"}, "mentee_kind"),
        ({"template_lang": "en"}, "template_lang"),
        ({"goals": "м" * 5001}, "goals"),
    ],
)
def test_pair_refusals_name_their_field_and_save_nothing(session, school: School, changes, field) -> None:
    with pytest.raises(DomainError) as err:
        _pair(session, school, **changes)
    assert err.value.field == field and str(err.value)
    assert _count(session, MentoringPair) == 0


def test_summary_conclusion_and_delete(session, school: School) -> None:
    pair_id = _pair(session, school)
    mentoring.save_summary(session, pair_id, " Жыл сәтті өтті.\n\nАшық сабақ берілді. ", "Ұсынылады.")
    row = mentoring.get_pair(session, pair_id)
    assert row.summary == "Жыл сәтті өтті.\n\nАшық сабақ берілді." and row.conclusion == "Ұсынылады."
    with pytest.raises(DomainError) as err:
        mentoring.save_summary(session, pair_id, "ok", "қ" * 5001)
    assert err.value.field == "conclusion"
    mentoring.delete_pair(session, pair_id)
    assert _count(session, MentoringActivity) == 0
    with pytest.raises(NotFound, match="no mentoring pair with id"):
        mentoring.get_pair(session, pair_id)


def test_a_teacher_in_a_pair_is_archived_not_deleted(session, school: School) -> None:
    _pair(session, school)
    assert teachers.remove_teacher(session, school.mentor) is False
    assert teachers.get_teacher(session, school.mentor).archived


# the plan ---------------------------------------------------------------------------------------


def test_plan_rows_are_added_edited_marked_and_renumbered(session, school: School) -> None:
    pair_id = _pair(session, school, template_lang="")
    first = mentoring_plan.save_activity(
        session, pair_id, ActivityInput(activity="Сабаққа қатысу", due_date=D(2025, 10, 1)), today=TODAY
    )
    second = mentoring_plan.save_activity(
        session, pair_id, ActivityInput(activity="Ашық сабақ", when_text="наурыз", completion_form="Сабақ")
    )
    mentoring_plan.mark_done(session, first, D(2025, 10, 3), "жақсы", today=TODAY)
    row = mentoring_plan.get_activity(session, first)
    assert row.done and row.done_on == D(2025, 10, 3) and row.mark_note == "жақсы" and not row.overdue(TODAY)
    with pytest.raises(DomainError) as err:
        mentoring_plan.mark_done(session, second, TODAY + dt.timedelta(days=1), today=TODAY)
    assert err.value.field == "done_on"
    with pytest.raises(DomainError) as err:
        mentoring_plan.mark_done(session, second, None, today=TODAY)
    assert err.value.field == "done_on"
    mentoring_plan.mark_not_done(session, first)
    assert not mentoring_plan.get_activity(session, first).done
    assert mentoring_plan.get_activity(session, first).overdue(TODAY)
    mentoring_plan.delete_activity(session, first)
    assert [(a.number, a.activity) for a in mentoring_plan.list_activities(session, pair_id)] == [
        (1, "Ашық сабақ")
    ]
    for changes, field in (
        ({"activity": "  "}, "activity"),
        ({"due_date": D(2026, 8, 1)}, "due_date"),
        ({"when_text": "ж" * 101}, "when_text"),
        ({"done_on": D(2027, 1, 1)}, "done_on"),
    ):
        with pytest.raises(DomainError) as err:
            mentoring_plan.save_activity(
                session, pair_id, replace(ActivityInput(activity="Іс-шара"), **changes), today=TODAY
            )
        assert err.value.field == field
    assert _count(session, MentoringActivity) == 1


# the log and its lessons --------------------------------------------------------------------------


OCT22 = D(2025, 10, 22)


def _lesson(s, school: School, teacher: int, day: dt.date = OCT22) -> int:
    return lessons.save_lesson(
        s,
        LessonInput(
            association_id=school.assoc,
            teacher_id=teacher,
            subject_text="Сауат ашу",
            grade=2,
            class_letter="ә",
            date=day,
            topic="Дыбыс пен әріп",
        ),
        today=TODAY,
    )


def _entry(s, pair_id: int, **changes) -> int:
    data = replace(EntryInput(date=D(2025, 10, 1), topic="ҚМЖ құру", minutes=40), **changes)
    return mentoring_log.save_entry(s, pair_id, data, today=TODAY)


def test_the_log_keeps_meetings_in_date_order(session, school: School) -> None:
    pair_id = _pair(session, school)
    later = _entry(session, pair_id, date=D(2025, 11, 5), kind="joint_planning", notes=" Бірге жоспарладық. ")
    earlier = _entry(session, pair_id, date=D(2025, 9, 12), kind="consultation", minutes=None)
    rows = mentoring_log.list_entries(session, pair_id)
    assert [r.id for r in rows] == [earlier, later]
    assert rows[1].notes == "Бірге жоспарладық." and rows[0].minutes is None and rows[1].lesson is None
    row = mentoring.get_pair(session, pair_id)
    assert (row.entry_count, row.last_entry, row.total_minutes) == (2, D(2025, 11, 5), 40)
    _entry(session, pair_id, topic="Өзгертілді", date=D(2025, 9, 13), minutes=45)  # a third
    mentoring_log.save_entry(
        session, pair_id, EntryInput(date=D(2025, 9, 12), topic="Түзетілді", minutes=30), earlier, today=TODAY
    )
    assert mentoring_log.list_entries(session, pair_id)[0].topic == "Түзетілді"
    mentoring_log.delete_entry(session, later)
    assert len(mentoring_log.list_entries(session, pair_id)) == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": None}, "date"),
        ({"date": TODAY + dt.timedelta(days=1)}, "date"),  # still to come
        ({"date": D(2025, 7, 20)}, "date"),  # before the year
        ({"topic": "  "}, "topic"),
        ({"minutes": 0}, "minutes"),
        ({"minutes": 601}, "minutes"),
        ({"kind": "party"}, "kind"),
        ({"notes": "н" * 5001}, "notes"),
        ({"lesson_id": 9999, "kind": "visit_mentee"}, "lesson_id"),
    ],
)
def test_log_refusals_name_their_field(session, school: School, changes, field) -> None:
    pair_id = _pair(session, school)
    with pytest.raises(DomainError) as err:
        _entry(session, pair_id, **changes)
    assert err.value.field == field and str(err.value)
    assert _count(session, MentoringLogEntry) == 0


def test_a_lesson_visit_names_the_lesson_and_its_sheet(session, school: School) -> None:
    pair_id = _pair(session, school)
    lesson_id = _lesson(session, school, school.young)
    sheet_id = observations.save_observation(
        session, lesson_id, ObservationInput(observer_teacher_id=school.mentor, scores=[2, 1]), today=TODAY
    )
    choices = mentoring_log.lesson_choices(session, pair_id, "visit_mentee")
    assert [c.id for c in choices] == [lesson_id]
    assert mentoring_log.lesson_choices(session, pair_id, "visit_mentor") == []
    assert mentoring_log.lesson_choices(session, pair_id, "consultation") == []
    assert [o.id for o in mentoring_log.sheet_choices(session, lesson_id)] == [sheet_id]
    entry_id = _entry(session, pair_id, kind="visit_mentee", date=D(2025, 10, 22), observation_id=sheet_id)
    row = mentoring_log.list_entries(session, pair_id)[0]
    assert row.id == entry_id and row.lesson is not None and row.lesson.id == lesson_id  # from the sheet
    assert row.lesson.topic == "Дыбыс пен әріп" and row.lesson.teacher_short == "Әбдірахманова Ұ.С."
    assert row.sheet is not None and row.sheet.observer == "Смағұлова М.С." and row.sheet.total == 3
    # deleting the sheet, then the lesson, keeps the entry and drops the links
    observations.delete_observation(session, sheet_id)
    session.expire_all()
    assert mentoring_log.list_entries(session, pair_id)[0].sheet is None
    lessons.delete_lesson(session, lesson_id)
    session.expire_all()
    row = mentoring_log.list_entries(session, pair_id)[0]
    assert row.lesson is None and row.topic == "ҚМЖ құру"


def test_lesson_links_are_checked(session, school: School) -> None:
    pair_id = _pair(session, school)
    mentee_lesson = _lesson(session, school, school.young)
    mentor_lesson = _lesson(session, school, school.mentor, D(2025, 11, 12))
    other_lesson = _lesson(session, school, school.trainee, D(2025, 11, 19))
    sheet = observations.save_observation(
        session, mentor_lesson, ObservationInput(observer_teacher_id=school.young, scores=[2]), today=TODAY
    )
    cases = [
        ({"kind": "consultation", "lesson_id": mentee_lesson}, "lesson_id", "Only a lesson visit"),
        (
            {"kind": "visit_mentee", "lesson_id": mentor_lesson, "date": D(2025, 11, 12)},
            "lesson_id",
            "not by",
        ),
        ({"kind": "visit_mentor", "lesson_id": other_lesson, "date": D(2025, 11, 19)}, "lesson_id", "Ибраев"),
        ({"kind": "visit_mentee", "lesson_id": mentee_lesson, "date": D(2025, 10, 23)}, "date", "22.10.2025"),
        (
            {
                "kind": "visit_mentee",
                "lesson_id": mentee_lesson,
                "observation_id": sheet,
                "date": D(2025, 10, 22),
            },
            "observation_id",
            "another lesson",
        ),
    ]
    for changes, field, words in cases:
        with pytest.raises(DomainError) as err:
            _entry(session, pair_id, **changes)
        assert err.value.field == field and words in str(err.value), changes
    lessons.cancel_lesson(session, mentee_lesson)
    with pytest.raises(DomainError, match="cancelled"):
        _entry(session, pair_id, kind="visit_mentee", lesson_id=mentee_lesson, date=D(2025, 10, 22))
    visit = _entry(session, pair_id, kind="visit_mentor", lesson_id=mentor_lesson, date=D(2025, 11, 12))
    assert mentoring_log.get_entry_input(session, visit).lesson_id == mentor_lesson
    assert _count(session, MentoringLogEntry) == 1


# the attention list ----------------------------------------------------------------------------------


def _attention(s, school: School, today: dt.date = TODAY) -> list[mentoring_attention.AttentionItem]:
    return mentoring_attention.attention_list(s, school.year, today)


def test_young_specialists_without_a_mentor_are_listed(session, school: School) -> None:
    items = [i for i in _attention(session, school) if i.kind == "no_mentor"]
    # ours only, not archived, in the Kazakh alphabet (Ә right after А, long before О)
    assert [i.teacher_id for i in items] == [school.young, school.young2]
    assert (
        "Әбдірахманова Ұлжан Серікқызы is a young specialist with no mentor in 2025-2026." == items[0].message
    )
    _pair(session, school)
    items = [i for i in _attention(session, school) if i.kind == "no_mentor"]
    assert [i.teacher_id for i in items] == [school.young2]


def test_quiet_pairs_are_listed_after_30_days(session, school: School) -> None:
    pair_id = _pair(session, school, template_lang="")
    quiet = [i for i in _attention(session, school) if i.kind == "quiet"]
    assert [i.pair_id for i in quiet] == [pair_id] and "no meeting yet" in quiet[0].message
    assert quiet[0].date == D(2025, 9, 1)
    _entry(session, pair_id, date=TODAY - dt.timedelta(days=30))
    assert not [i for i in _attention(session, school) if i.kind == "quiet"]
    quiet = [i for i in _attention(session, school, TODAY + dt.timedelta(days=1)) if i.kind == "quiet"]
    assert "for 31 days, since 11.01.2026" in quiet[0].message
    # not begun yet: nothing to say
    assert not [i for i in _attention(session, school, D(2025, 8, 20)) if i.kind == "quiet"]
    # over: the gap before its end
    quiet = [i for i in _attention(session, school, D(2026, 11, 1)) if i.kind == "quiet"]
    assert "in the last 134 days of the mentoring, after 11.01.2026" in quiet[0].message


def test_overdue_plan_activities_are_listed(session, school: School) -> None:
    pair_id = _pair(session, school)
    overdue = [i for i in _attention(session, school) if i.kind == "overdue"]
    plan = mentoring_plan.list_activities(session, pair_id)
    due = [a for a in plan if a.due_date < TODAY]
    assert [i.activity_id for i in overdue] == [a.id for a in due] and len(due) == 6
    assert overdue[0].message.startswith("Әбдірахманова Ұ.С., plan item 1: “Жас маманның")
    assert "was due on 30.09.2025 and is not marked done." in overdue[0].message
    mentoring_plan.mark_done(session, due[0].id, D(2025, 9, 25), today=TODAY)
    overdue = [i for i in _attention(session, school) if i.kind == "overdue"]
    assert due[0].id not in [i.activity_id for i in overdue] and len(overdue) == 5
    kinds = [i.kind for i in _attention(session, school)]
    assert kinds == sorted(kinds, key=["no_mentor", "quiet", "overdue"].index)
