"""Professional growth records: self-education (one topic per teacher and
year, a report needs its form), generalised experience (one teacher at least),
methodical events (dates in the year, participants once each, a held event
fulfilling a plan activity) and pupils' olympiad results; every refusal names
its field and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError
from metodesk.services import growth, growth_events, teachers, years
from metodesk.services.growth import ExperienceInput, SelfEducationInput
from metodesk.services.growth_events import EventInput, OlympiadInput, ParticipantInput
from metodesk.storage.models import EventParticipant, GrowthEvent, PlanActivity, SelfEducation

TODAY = dt.date(2026, 2, 10)
D = dt.date


def _teacher(s, org: int, surname: str, first: str) -> int:
    data = teachers.TeacherInput(surname=surname, first_name=first, patronymic="Серікұлы", organisation_id=org)
    return teachers.save_teacher(s, data, today=TODAY)


@pytest.fixture
def people(db, ours):
    with db.transaction() as s:
        year = years.current_year(s).id
        a = _teacher(s, ours, "Әбенова", "Гүлнар")
        b = _teacher(s, ours, "Қасымов", "Ерлан")
    return year, a, b


def _refused(db, field: str, action) -> DomainError:
    with pytest.raises(DomainError) as err, db.transaction() as s:
        action(s)
    assert err.value.field == field, err.value.message
    return err.value


def test_self_education_one_topic_per_teacher_and_year(db, people):
    year, a, _b = people
    data = SelfEducationInput(teacher_id=a, year_id=year, topic="Функционалдық сауаттылық", stage="practice")
    with db.transaction() as s:
        first = growth.save_self_education(s, data)
    err = _refused(db, "year_id", lambda s: growth.save_self_education(s, data))
    assert "Әбенова Г.С." in err.message and "2025-2026" in err.message
    with db.transaction() as s:  # editing the topic itself is no clash
        growth.save_self_education(s, SelfEducationInput(**{**data.__dict__, "topic": "Жаңа тақырып"}), first)
        rows = growth.list_self_education(s, teacher_id=a)
        assert [(r.topic, r.stage) for r in rows] == [("Жаңа тақырып", "practice")]
        assert s.scalar(select(func.count(SelfEducation.id))) == 1


def test_self_education_refusals(db, people):
    year, a, _b = people
    base = dict(teacher_id=a, year_id=year, topic="Тақырып")
    _refused(db, "topic", lambda s: growth.save_self_education(s, SelfEducationInput(**{**base, "topic": "  "})))
    _refused(db, "teacher_id", lambda s: growth.save_self_education(s, SelfEducationInput(year_id=year, topic="x")))
    _refused(db, "stage", lambda s: growth.save_self_education(s, SelfEducationInput(**base, stage="nap")))
    _refused(
        db, "report_form", lambda s: growth.save_self_education(s, SelfEducationInput(**base, report_date=TODAY))
    )
    _refused(db, "heard_at", lambda s: growth.save_self_education(s, SelfEducationInput(**base, heard_at="pub")))
    with db.reading() as s:
        assert s.scalar(select(func.count(SelfEducation.id))) == 0


def test_experience_register(db, people):
    year, a, b = people
    _refused(
        db, "teacher_ids", lambda s: growth.save_experience(s, ExperienceInput(year_id=year, topic="Тәжірибе"))
    )
    _refused(
        db, "level", lambda s: growth.save_experience(s, ExperienceInput(year_id=year, topic="x", teacher_ids=[a], level="moon"))
    )
    with db.transaction() as s:
        exp = growth.save_experience(
            s,
            ExperienceInput(
                year_id=year, topic="Ойын арқылы оқыту", level="district", teacher_ids=[b, a, a],
                presented_at="Аудандық семинар", approved_on=D(2026, 1, 20), document="№ 12",
            ),
        )
        rows = growth.list_experience(s, teacher_id=a)
        assert [r.id for r in rows] == [exp]
        assert rows[0].teachers == ("Әбенова Г.С.", "Қасымов Е.С.")
        growth.save_experience(s, ExperienceInput(year_id=year, topic="Ойын", teacher_ids=[b]), exp)
        assert growth.list_experience(s, teacher_id=a) == []
        growth.delete_experience(s, exp)
        assert growth.list_experience(s) == []


def test_event_dates_and_participants(db, people):
    year, a, b = people
    base = dict(year_id=year, title="Критериалды бағалау", form="seminar", level="school")
    _refused(db, "start_date", lambda s: growth_events.save_event(s, EventInput(**base)))
    _refused(db, "start_date", lambda s: growth_events.save_event(s, EventInput(**base, start_date=D(2024, 3, 1))))
    _refused(
        db,
        "end_date",
        lambda s: growth_events.save_event(s, EventInput(**base, start_date=D(2026, 3, 2), end_date=D(2026, 3, 1))),
    )
    twice = [ParticipantInput(a, "speaker"), ParticipantInput(a, "participant")]
    err = _refused(
        db, "participants", lambda s: growth_events.save_event(s, EventInput(**base, start_date=D(2026, 3, 2), participants=twice))
    )
    assert "Әбенова" in err.message
    _refused(
        db,
        "participants",
        lambda s: growth_events.save_event(
            s, EventInput(**base, start_date=D(2026, 3, 2), participants=[ParticipantInput(a, "boss")])
        ),
    )
    with db.transaction() as s:
        assert s.scalar(select(func.count(GrowthEvent.id))) == 0
        event = growth_events.save_event(
            s,
            EventInput(
                **base, start_date=D(2026, 3, 2), end_date=D(2026, 3, 6),
                participants=[ParticipantInput(a, "speaker", "Алғыс хат"), ParticipantInput(b)],
            ),
        )
        row = growth_events.get_event(s, event)
        assert row.dates == (D(2026, 3, 2), D(2026, 3, 6))
        assert [(p.teacher, p.role, p.result) for p in row.participants] == [
            ("Әбенова Г.С.", "speaker", "Алғыс хат"),
            ("Қасымов Е.С.", "participant", ""),
        ]
        # Changing the list keeps the record of a teacher who stays.
        kept = s.scalar(select(EventParticipant.uuid).where(EventParticipant.teacher_id == a))
        growth_events.save_event(
            s, EventInput(**base, start_date=D(2026, 3, 2), participants=[ParticipantInput(a, "organiser")]), event
        )
        assert s.scalar(select(EventParticipant.uuid).where(EventParticipant.teacher_id == a)) == kept
        assert [e.id for e in growth_events.list_events(s, teacher_id=b)] == []
        assert [e.id for e in growth_events.list_events(s, year_id=year, form="seminar")] == [event]
        growth_events.delete_event(s, event)
        assert s.scalar(select(func.count(EventParticipant.id))) == 0


def test_event_fulfils_a_plan_activity(demo_database):
    db = demo_database(TODAY)
    with db.transaction() as s:
        year = years.current_year(s).id
        choices = growth_events.activity_choices(s, year)
        assert choices
        activity_id = choices[0].id
        s.get(PlanActivity, activity_id).status = "planned"
        data = EventInput(year_id=year, title="Пән апталығы", form="subject_week", start_date=D(2026, 2, 2),
                          plan_activity_id=activity_id)
        event = growth_events.save_event(s, data, today=TODAY)
        assert s.get(PlanActivity, activity_id).status == "done"
        assert growth_events.get_event(s, event).plan_activity
        assert activity_id not in {c.id for c in growth_events.activity_choices(s, year)}
        assert activity_id in {c.id for c in growth_events.activity_choices(s, year, event)}
    err = _refused(db, "plan_activity_id", lambda s: growth_events.save_event(s, data))
    assert "Пән апталығы" in err.message


def test_olympiad_results(db, people):
    year, a, _b = people
    with db.reading() as s:
        from metodesk.services import subjects

        maths = next(x.id for x in subjects.list_subjects(s) if x.name_ru == "Математика")
    base = dict(year_id=year, pupil="Серікова Аружан", grade=9, subject_id=maths, level="district", teacher_id=a)
    _refused(db, "grade", lambda s: growth_events.save_olympiad(s, OlympiadInput(**{**base, "grade": 13})))
    _refused(db, "pupil", lambda s: growth_events.save_olympiad(s, OlympiadInput(**{**base, "pupil": ""})))
    _refused(db, "result", lambda s: growth_events.save_olympiad(s, OlympiadInput(**base, result="gold")))
    _refused(db, "date", lambda s: growth_events.save_olympiad(s, OlympiadInput(**base, date=D(2027, 1, 5))))
    _refused(
        db, "subject_id", lambda s: growth_events.save_olympiad(s, OlympiadInput(**{**base, "subject_id": None}))
    )
    with db.transaction() as s:
        rid = growth_events.save_olympiad(s, OlympiadInput(**base, result="second", date=D(2025, 12, 5)))
        rows = growth_events.list_olympiads(s, teacher_id=a)
        assert [(r.id, r.subject("ru"), r.subject("kk"), r.result) for r in rows] == [
            (rid, "Математика", "Математика", "second")
        ]
        assert growth_events.list_olympiads(s, level="school") == []


def test_a_year_or_subject_in_growth_records_is_kept(db, people):
    """A year with growth records is not deleted (one sentence, no traceback);
    a subject an olympiad result names is archived instead of deleted."""
    from metodesk.services import subjects

    year, a, _b = people
    with db.transaction() as s:
        other = years.save_year(s, years.standard_calendar(2027))
        growth.save_self_education(s, SelfEducationInput(teacher_id=a, year_id=other, topic="Келесі жыл"))
        chemistry = next(x.id for x in subjects.list_subjects(s) if x.name_ru == "Химия")
        growth_events.save_olympiad(
            s, OlympiadInput(year_id=year, pupil="Оқушы", grade=8, subject_id=chemistry, teacher_id=a)
        )
    err = _refused(db, None, lambda s: years.delete_year(s, other))
    assert "professional growth" in err.message
    with db.transaction() as s:
        assert subjects.delete_subject(s, chemistry) is False
        assert next(x for x in subjects.list_subjects(s, include_archived=True) if x.id == chemistry).archived
