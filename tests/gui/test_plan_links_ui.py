# ruff: noqa: F811  (the fixtures of test_plans_tab are imported and taken as arguments)
"""The plan's links to other tabs, driven as a user would: choosing an open
lesson as what fulfilled an activity (only the association's lessons of the
year are offered), seeing it in the activities table, untying it, and the
schedule page's open lessons, mentoring and attestation pages."""

from __future__ import annotations

import datetime as dt

from test_plans_tab import (  # noqa: F401 (fixtures)
    ACTIVITIES_PAGE,
    SCHEDULE_PAGE,
    School,
    answer,
    cell,
    click,
    ctx,
    make_plan,
    school,
    tab,
)

from metodesk.services import plans
from metodesk.storage.models import Lesson, MentoringLogEntry, MentoringPair
from metodesk.ui.dialogs.plan_activity import ActivityDialog

OCT22 = dt.date(2025, 10, 22)


def _records(ctx, school: School) -> tuple[int, int, int]:
    """A held lesson of the Kazakh association, a lesson of the mathematics one,
    and a mentoring pair of two members with one log entry."""
    with ctx.transaction() as s:
        ids = []
        for assoc, topic in (
            (school.associations[0], "Зат есімнің септелуі"),
            (school.associations[1], "Бөлшек"),
        ):
            lesson = Lesson(
                year_id=school.year,
                association_id=assoc,
                teacher_id=school.teachers[1],
                grade=6,
                class_letter="Ә",
                date=OCT22,
                topic=topic,
                status="held",
            )
            s.add(lesson)
            s.flush()
            ids.append(lesson.id)
        pair = MentoringPair(
            year_id=school.year,
            mentor_id=school.teachers[0],
            mentee_id=school.teachers[1],
            start_date=dt.date(2025, 9, 1),
            end_date=dt.date(2026, 5, 25),
        )
        s.add(pair)
        s.flush()
        s.add(MentoringLogEntry(pair_id=pair.id, date=dt.date(2025, 10, 1), topic="ҚМЖ құру"))
    return ids[0], ids[1], pair.id


def test_choosing_a_lesson_in_the_activity_dialog(qtbot, monkeypatch, tab, ctx, school) -> None:
    ours, theirs, _pair = _records(ctx, school)
    plan_id = make_plan(ctx, school, activities=1)
    tab.reload(plan_id)
    tab.panel.pages.setCurrentIndex(ACTIVITIES_PAGE)
    page = tab.panel.activities_page
    page.table.selectRow(0)
    seen: dict = {}

    def choose(dialog: ActivityDialog) -> None:
        offered = [dialog.lesson_combo.itemData(i) for i in range(dialog.lesson_combo.count())]
        seen["offered"] = offered
        assert dialog.fulfilled_note.isHidden()
        dialog.lesson_combo.setCurrentIndex(dialog.lesson_combo.findData(ours))
        seen["kind"] = dialog.fulfilled_kind_combo.currentData()
        seen["note"] = dialog.fulfilled_note.text()
        seen["entries"] = dialog.mentoring_entry_combo.count()

    answer(monkeypatch, ActivityDialog, choose)
    click(qtbot, page.edit_button)
    assert seen["offered"] == [None, ours]  # the other association's lesson is not offered
    assert theirs not in seen["offered"]
    assert seen["kind"] == "lesson"
    assert "open lesson was held" in seen["note"]
    assert seen["entries"] == 2  # "not tied" and the entry
    with ctx.reading() as s:
        row = plans.get_plan(s, plan_id).activities[0]
    assert (row.lesson_id, row.effective_status) == (ours, "done")
    assert cell(page.table, 0, 8) == "open lesson, 22.10.2025, Ибраев І.Қ."
    assert cell(page.table, 0, 7) == "Done"


def test_untying_goes_back_to_nothing(qtbot, monkeypatch, tab, ctx, school) -> None:
    ours, _theirs, _pair = _records(ctx, school)
    plan_id = make_plan(ctx, school, activities=1)
    tab.reload(plan_id)
    tab.panel.pages.setCurrentIndex(ACTIVITIES_PAGE)
    page = tab.panel.activities_page
    page.table.selectRow(0)
    answer(
        monkeypatch, ActivityDialog, lambda d: d.lesson_combo.setCurrentIndex(d.lesson_combo.findData(ours))
    )
    click(qtbot, page.edit_button)

    def untie(dialog: ActivityDialog) -> None:
        assert dialog.fulfilled_kind_combo.currentData() == "lesson"  # the stored link is shown
        assert dialog.lesson_combo.currentData() == ours
        dialog.fulfilled_kind_combo.setCurrentIndex(dialog.fulfilled_kind_combo.findData(""))

    answer(monkeypatch, ActivityDialog, untie)
    page.table.selectRow(0)
    click(qtbot, page.edit_button)
    with ctx.reading() as s:
        row = plans.get_plan(s, plan_id).activities[0]
    assert (row.lesson_id, row.meeting_id, row.effective_status) == (None, None, "planned")


def test_schedule_page_shows_lessons_and_mentoring(qtbot, tab, ctx, school) -> None:
    _records(ctx, school)
    plan_id = make_plan(ctx, school, activities=0)
    tab.reload(plan_id)
    tab.panel.pages.setCurrentIndex(SCHEDULE_PAGE)
    schedule = tab.panel.schedule_page
    titles = [schedule.schedule_tabs.tabText(i) for i in range(schedule.schedule_tabs.count())]
    assert titles == ["Meetings", "Open lessons", "Mentoring", "Attestation"]
    lessons = schedule.findChild(type(schedule.table), "plan_lessons_table")
    assert lessons.model().rowCount() == 1
    assert [cell(lessons, 0, c) for c in range(6)][:3] == ["22.10.2025", "Ибраев І.Қ.", "6 Ә"]
    assert cell(lessons, 0, 5) == "Held"
    pairs = schedule.findChild(type(schedule.table), "plan_pairs_table")
    assert [cell(pairs, 0, c) for c in range(3)] == [
        "Нұрғалиева Ә.Б.",
        "Ибраев І.Қ.",
        "01.09.2025 – 25.05.2026",
    ]
    assert not schedule.linked.empty_labels["attestations"].isHidden()
    schedule.schedule_tabs.setCurrentIndex(1)
    schedule.grab().save("/tmp/plan_links_schedule.png")
