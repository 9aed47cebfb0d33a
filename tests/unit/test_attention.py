"""The one attention list (issue 17): late or missing things of the year
across the areas, each a sentence with the record it is about; and what is
planned for this month and the next."""

from __future__ import annotations

import datetime as dt

from metodesk.services import associations, attention, council, decisions, meetings, teachers, years
from metodesk.services.agenda import ItemInput, Speaker, save_item
from metodesk.services.associations import AssociationInput
from metodesk.services.decisions import DecisionInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.teachers import TeacherInput

TODAY = dt.date(2026, 2, 10)


def test_every_area_of_the_list(db, ours) -> None:
    with db.transaction() as s:
        year = years.current_year(s)
        assert year is not None
        young = teachers.save_teacher(
            s, TeacherInput(surname="Ибраев", first_name="Ілияс", organisation_id=ours, young_specialist=True), today=TODAY
        )
        assoc = associations.save_association(
            s, AssociationInput(kind="primary", name_kk="Бастауыш ӘБ", name_ru="МО", year_id=year.id, organisation_id=ours)
        )
        associations.add_member(s, assoc, young, "leader")
        held = meetings.save_meeting(s, MeetingInput(assoc, 1, dt.date(2025, 9, 5), "", young, None, "held"), today=TODAY)
        item = save_item(s, held, ItemInput("Жоспар", Speaker(teacher_id=young)))
        decisions.save_decision(s, item, DecisionInput("Жоспарды бекіту", deadline=dt.date(2025, 9, 20)))
        late = meetings.save_meeting(s, MeetingInput(assoc, 2, dt.date(2026, 1, 14), "", young, None, "planned"), today=TODAY)
        coming = meetings.save_meeting(s, MeetingInput(council.ensure_council(s, year.id), 1, dt.date(2026, 3, 2), "", None, None, "planned"), today=TODAY)
        rows = attention.attention(s, year.id, TODAY)
        upcoming = attention.upcoming(s, TODAY)
    areas = {r.area for r in rows}
    assert {"decisions", "meetings", "plans", "associations", "mentoring", "courses"} <= areas
    by_area = {r.area: r for r in rows}
    assert by_area["decisions"].record == "meeting" and by_area["decisions"].record_id == held
    assert by_area["meetings"].record_id == late and by_area["meetings"].association_id == assoc
    assert by_area["associations"].record_id == assoc
    assert by_area["mentoring"].record == "teacher" and by_area["mentoring"].record_id == young
    assert any(r.record == "school_plan" for r in rows)  # no school plan after 15 September
    assert all("{" not in r.text and r.area_label for r in rows)
    assert [(u.record, u.record_id) for u in upcoming] == [("meeting", coming)]


def test_the_demo_school_has_things_to_look_at(demo_database) -> None:
    database = demo_database(TODAY)
    with database.reading() as s:
        year = years.current_year(s)
        assert year is not None
        rows = attention.attention(s, year.id, TODAY)
        upcoming = attention.upcoming(s, TODAY)
    database.close()
    assert rows and upcoming
    assert all(r.text.endswith((".", "»", "”")) for r in rows)


def test_the_plain_queries_list_what_the_orm_objects_listed(demo_database) -> None:
    """The plain-column version returns the very items (text, record, date,
    order) the ORM-object version returned, in both languages."""
    from tests.unit.attention_reference import orm_attention

    from metodesk.i18n import language, set_language

    database = demo_database(TODAY)
    before = language()
    try:
        for lang in ("kk", "ru"):
            set_language(lang)
            with database.reading() as s:
                year = years.current_year(s)
                assert year is not None
                new = attention.attention(s, year.id, TODAY)
                old = orm_attention(s, year.id, TODAY)
            assert len(new) > 10 and {r.area for r in new} >= {"decisions", "meetings", "courses"}
            assert new == old
    finally:
        set_language(before)
        database.close()


def test_a_long_area_is_summarised_in_one_line() -> None:
    rows = [attention.AttentionRow("decisions", f"d{i}", "meeting", i, dt.date(2025, 9, 1) + dt.timedelta(days=i)) for i in range(7)]
    rows += [attention.AttentionRow("courses", "c", "teacher", 99)]
    shown = attention.summarised(rows, shown=3)
    assert [r.text for r in shown[:3]] == ["d0", "d1", "d2"]
    more = shown[3]
    assert (more.area, more.record) == ("decisions", attention.MORE) and "4" in more.text
    assert shown[4:] == rows[7:]  # a short area whole, after the long one
    assert attention.summarised(rows, shown=7) == rows
    assert attention.total(shown) == len(rows)


def test_the_list_cut_in_sql_is_the_whole_list_summarised(demo_database) -> None:
    """``shown`` cuts each area in the queries; the result is what
    ``summarised`` makes of the whole list, and ``total`` still counts all."""
    database = demo_database(TODAY)
    with database.reading() as s:
        year = years.current_year(s)
        assert year is not None
        whole = attention.attention(s, year.id, TODAY)
        cut = attention.attention(s, year.id, TODAY, shown=2)
    database.close()
    assert cut == attention.summarised(whole, shown=2)
    assert len(cut) < len(whole) and any(r.record == attention.MORE for r in cut)
    assert attention.total(cut) == attention.total(whole) == len(whole)
    assert any(r.record == "school_plan" for r in whole) == any(r.record == "school_plan" for r in cut)
