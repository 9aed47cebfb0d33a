"""Demo lessons and the rows printed from a real database: every demo
association gains four to six lessons (held ones with one or two sheets,
planned ones, one moved); the November protocol names the lesson it
discussed; filled, blank and batch sheets and the schedule come out of the
database in both languages."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from metodesk.domain.errors import DomainError, NotFound
from metodesk.reports import build_protocol, lessons_schedule, observation_sheet
from metodesk.services import (
    associations,
    demo,
    demo_lessons,
    lesson_links,
    lesson_print,
    lesson_views,
    lessons,
    meetings,
    observations,
    protocol_rows,
    years,
)
from metodesk.services.lesson_views import LessonFilter

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def demo_db(demo_database):
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes: the demo school includes its lessons
    with db.transaction() as s:
        assert demo_lessons.add_demo_lessons(s, TODAY) == 0  # and adds them only once
        assert len(lesson_views.list_lessons(s)) >= 12
    yield db
    db.close()


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_every_association_gains_four_to_six_lessons(demo_db) -> None:
    with demo_db.reading() as s:
        year = years.current_year(s)
        groups = lesson_views.schedule_by_association(s, year.id)
        assert len(groups) == len(associations.list_associations(s, year.id)) == 3
        for group in groups:
            rows = group.lessons
            assert 4 <= len(rows) <= 6, group.name_kk
            held = [r for r in rows if r.status == "held"]
            assert held and all(1 <= r.observation_count <= 2 for r in held)
            assert any(r.observation_count == 2 for r in held)
            assert [r.status for r in rows].count("moved") == 1
            moved = next(r for r in rows if r.status == "moved")
            assert moved.original_date is not None and moved.original_date < moved.date
            assert any(r.status == "planned" for r in rows)
            assert all(r.date > TODAY for r in rows if r.status in ("planned", "moved"))
            assert all(r.topic and r.subject_kk and r.class_name for r in rows)
            assert len({r.kind for r in rows}) >= 3
        for row in lesson_views.list_lessons(s, LessonFilter(status="held")):
            for sheet in observations.list_observations(s, row.id):
                assert sheet.observer_teacher_id != row.teacher_id
                assert sheet.scored_count == 16 and sheet.strengths and sheet.conclusion


def test_demo_lessons_are_added_once_and_follow_today(db) -> None:
    early = dt.date(2025, 9, 15)
    with db.transaction() as s:
        demo.fill_demo(s, today=early)
        demo_lessons.add_demo_lessons(s, early)
        assert demo_lessons.add_demo_lessons(s, early) == 0
        rows = lesson_views.list_lessons(s)
        assert rows and all(r.status in ("planned", "moved") and r.observation_count == 0 for r in rows)


def test_the_november_protocol_names_the_open_lesson(demo_db) -> None:
    with demo_db.reading() as s:
        kazakh = next(r for r in associations.list_associations(s) if r.subject_kk == "Қазақ тілі")
        meeting = meetings.find_meeting(s, kazakh.id, 2)
        data = protocol_rows.protocol_data(s, meeting.id)
        discussed = [item for item in data.items if item.lessons]
        assert len(discussed) == 1 and discussed[0].lessons[0].topic == "Зат есімнің септелуі"
        lesson_id = lesson_views.lessons_for_association_year(s, kazakh.id)[0].id
        assert [d.meeting_number for d in lesson_links.discussed_at(s, lesson_id)] == [2]
    kk, ru = _text(build_protocol(data, "kk")), _text(build_protocol(data, "ru"))
    assert "Ашық сабақ: «Зат есімнің септелуі», Қазақ тілі, 6 «Ә» сынып, 22.10.2025, Төлеуова А.М." in kk
    assert "Открытый урок: «Зат есімнің септелуі», Казахский язык, 6 «Ә» класс, 22.10.2025" in ru


def test_sheets_and_schedules_from_the_database(demo_db) -> None:
    with demo_db.reading() as s:
        year = years.current_year(s)
        held = lesson_views.list_lessons(s, LessonFilter(status="held"))[0]
        sheet_id = observations.list_observations(s, held.id)[0].id
        filled = lesson_print.sheet_for_observation(s, sheet_id)
        planned = lesson_views.list_lessons(s, LessonFilter(status="planned"))[0]
        blank = lesson_print.blank_sheet(s, planned.id)
        batch = lesson_print.blank_sheets_for_date(s, planned.date)
        same_day = lesson_views.lessons_on_date(s, planned.date)
        school = lesson_print.schedule_data(s, year.id)
        one = lesson_print.schedule_data(s, year.id, held.association_id)
    assert filled.filled and filled.lesson is not None and filled.lesson.topic == held.topic
    assert len(filled.criteria) == 16 and all(c.score is not None for c in filled.criteria)
    assert not blank.filled and all(c.score is None for c in blank.criteria) and blank.observer_name == ""
    assert len(batch) == len(same_day) >= 2  # the demo's March lessons share a day
    assert school.whole_school and school.signer_sign == "Г.С. Жақсылықова" and len(school.rows) >= 12
    assert not one.whole_school and one.signer_title_code == "leader" and one.signer_sign
    for lang in ("kk", "ru"):
        assert held.topic in _text(observation_sheet.build(filled, lang))
        assert planned.topic in _text(observation_sheet.build(batch, lang))
        text = _text(lessons_schedule.build(school, lang))
        assert held.topic in text and "None" not in text


def test_one_organisations_lessons_are_read_by_the_filter(demo_db) -> None:
    """LessonFilter(organisation_id): the lessons of that organisation's
    associations only (a district's schedule for one school reads its own
    lessons, not the 1,200 of the district), and the schedule prints them."""
    from metodesk.services import organisations
    from metodesk.storage.models import Association

    with demo_db.transaction() as s:  # one association's lessons belong to another school of the demo
        other = next(o for o in organisations.list_organisations(s) if not o.is_ours)
        moved = lesson_views.list_lessons(s)[0].association_id
        s.get_one(Association, moved).organisation_id = other.id
    with demo_db.reading() as s:
        by_organisation: dict[int, list[int]] = {}
        for row in lesson_views.list_lessons(s):
            by_organisation.setdefault(row.organisation_id, []).append(row.id)
        assert len(by_organisation) == 2
        year = years.current_year(s)
        for organisation_id, ids in by_organisation.items():
            found = lesson_views.list_lessons(s, LessonFilter(organisation_id=organisation_id))
            assert [row.id for row in found] == ids
            printed = lesson_print.schedule_data(s, year.id, organisation_id=organisation_id)
            in_year = [row for row in found if row.year_id == year.id]
            assert [(r.date, r.topic) for r in printed.rows] == [(r.date, r.topic) for r in in_year]


def test_printing_refusals(demo_db) -> None:
    with demo_db.transaction() as s:
        planned = lesson_views.list_lessons(s, LessonFilter(status="planned"))[0]
        lessons.cancel_lesson(s, planned.id)
        with pytest.raises(DomainError, match="cancelled"):
            lesson_print.blank_sheet(s, planned.id)
        with pytest.raises(DomainError, match="No lessons are planned on 01.01.2026"):
            lesson_print.blank_sheets_for_date(s, dt.date(2026, 1, 1))
        with pytest.raises(NotFound):
            lesson_print.sheet_for_observation(s, 9999)
        with pytest.raises(NotFound):
            lesson_print.blank_sheet(s, 9999)
        assert lesson_print.blank_sheet(s).lesson is None
