"""The Annual plans tab driven as a user would: a new plan, its sections and
activities (refusals shown next to the field with nothing saved), the review at
a held meeting, approval and the lock, reopening with a reason, export to PDF
and Word, the copy into the next year, progress in the list, and unsaved edits
that are saved or asked about before another plan is shown or the window
closes."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from metodesk.documents.base import Format
from metodesk.services import (
    associations,
    meetings,
    organisations,
    plan_activities,
    plan_workflow,
    plans,
    settings,
    subjects,
    teachers,
    years,
)
from metodesk.services.meetings import MeetingInput
from metodesk.services.plan_activities import ActivityInput
from metodesk.services.plans import SectionsInput
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog
from metodesk.ui.dialogs.plan_activity import ActivityDialog
from metodesk.ui.dialogs.plan_pick import CopyPlanDialog, NewPlanDialog
from metodesk.ui.dialogs.plan_workflow import AgreeDialog, ApproveDialog, ReasonDialog, ReviewDialog
from metodesk.ui.models import ROW_ROLE
from metodesk.ui.tabs import plan_sections
from metodesk.ui.tabs.plan_detail import ACTIVITIES_PAGE, APPROVAL_PAGE, SCHEDULE_PAGE
from metodesk.ui.tabs.plans import PlansTab

TODAY = dt.date(2026, 2, 10)
AUG28, JAN14 = dt.date(2025, 8, 28), dt.date(2026, 1, 14)
LOCKED = "The plan is approved and locked: reopen it with a reason to change it."
HEAD = "Сейітқали Бауыржан Ерланұлы"


@dataclass
class School:
    org: int
    year: int
    associations: list[int]  # Kazakh language (with meetings), mathematics
    teachers: list[int]
    held: int  # meeting No. 1, 28.08.2025
    planned: int  # meeting No. 2, 14.01.2026


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def school(db) -> School:
    with db.transaction() as s:
        org = organisations.save_organisation(
            s,
            organisations.OrganisationInput(
                kind="school",
                name_kk="Ақсу мектебі",
                name_ru="Школа Аксу",
                head_name=HEAD,
                head_title="Мектеп директоры",
                deputy_name="Жақсылықова Гүлнар Серікқызы",
            ),
        )
        organisations.make_ours(s, org)
        year = years.current_year(s).id
        people = [
            ("Нұрғалиева", "Әсел", "Бауыржанқызы"),
            ("Ибраев", "Ілияс", "Қанатұлы"),
            ("Төлеуова", "Айгүл", ""),
        ]
        ids = [
            teachers.save_teacher(
                s,
                teachers.TeacherInput(surname=a, first_name=b, patronymic=c, organisation_id=org),
                today=TODAY,
            )
            for a, b, c in people
        ]
        by_name = {x.name_kk: x.id for x in subjects.list_subjects(s)}
        assoc_ids = []
        for subject, name_kk, name_ru in (
            ("Қазақ тілі", "«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі", "МО казахского языка"),
            ("Математика", "«Математика» пәні мұғалімдерінің әдістемелік бірлестігі", "МО математики"),
        ):
            assoc = associations.save_association(
                s,
                associations.AssociationInput(
                    kind="subject",
                    level="school",
                    name_kk=name_kk,
                    name_ru=name_ru,
                    subject_id=by_name[subject],
                    year_id=year,
                    organisation_id=org,
                ),
            )
            for teacher_id in ids:
                associations.add_member(s, assoc, teacher_id)
            assoc_ids.append(assoc)
        held = meetings.save_meeting(
            s,
            MeetingInput(association_id=assoc_ids[0], number=1, date=AUG28, status="held"),
            today=TODAY,
            review_previous=False,
        )
        planned = meetings.save_meeting(
            s,
            MeetingInput(association_id=assoc_ids[0], number=2, date=JAN14, status="planned"),
            today=TODAY,
            review_previous=False,
        )
    return School(org, year, assoc_ids, ids, held, planned)


@pytest.fixture
def tab(qtbot, ctx, school):
    widget = PlansTab(ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1240, 700)
    widget.show()
    widget.reload()
    return widget


# ---- helpers ------------------------------------------------------------------------------------


def answer(monkeypatch, dialog_class: type, fill: Callable, press: bool = True) -> list:  # type: ignore[type-arg]
    """Replace the modal loop of ``dialog_class``: fill the dialog, then accept it."""
    opened: list = []  # type: ignore[type-arg]

    def fake_exec(dialog) -> int:
        opened.append(dialog)
        fill(dialog)
        if press:
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def catch(monkeypatch, name: str, reply: object = None) -> list[str]:
    """Record the sentences given to metodesk.ui.common.<name> instead of showing them."""
    said: list[str] = []

    def fake(_parent, message: str) -> object:
        said.append(message)
        return reply

    monkeypatch.setattr(common, name, fake)
    return said


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def list_rows(tab: PlansTab) -> list:  # type: ignore[type-arg]
    return [tab.proxy.index(r, 0).data(ROW_ROLE) for r in range(tab.proxy.rowCount())]


def click_plan(qtbot, tab: PlansTab, plan_id: int) -> None:
    """Click the plan's row in the list, as a user chooses another plan."""
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 0).data(ROW_ROLE).id == plan_id)
    rect = tab.table.visualRect(tab.proxy.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell(view, row: int, column: int) -> str:
    return str(view.model().index(row, column).data())


def make_plan(ctx: AppContext, school: School, index: int = 0, activities: int = 2) -> int:
    """A plan through the services: theme, goal, one task and dated activities."""
    with ctx.transaction() as s:
        plan_id = plans.create_plan(s, school.associations[index])
        plans.save_sections(
            s, plan_id, SectionsInput("", "Функционалдық сауаттылық", "Сапа", ["Бірінші міндет"])
        )
        for number in range(activities):
            plan_activities.save_activity(
                s,
                plan_id,
                ActivityInput(
                    content=f"Іс-шара {number + 1}",
                    form="seminar",
                    start_date=dt.date(2025, 10, 10 + number),
                    responsible_ids=[school.teachers[0]],
                    expected="Нәтиже",
                ),
            )
    return plan_id


def approve_by_services(ctx: AppContext, school: School, plan_id: int) -> None:
    with ctx.transaction() as s:
        plan_workflow.review(s, plan_id, school.held)
        plan_workflow.approve(s, plan_id, HEAD, "Мектеп директоры", dt.date(2025, 8, 29), today=TODAY)


def stored(ctx: AppContext, plan_id: int) -> plans.PlanDetail:
    with ctx.reading() as s:
        return plans.get_plan(s, plan_id)


# ---- a new plan, its sections and activities ----------------------------------------------------


def test_new_plan_then_sections_saved_with_one_button(qtbot, monkeypatch, tab, ctx, school) -> None:
    assert list_rows(tab) == []
    assert tab.empty_label.isVisible()
    emitted: list[str] = []
    ctx.changed.connect(emitted.append)

    def pick(dialog: NewPlanDialog) -> None:
        assert dialog.list.count() == 2
        dialog.choose(school.associations[0])

    answer(monkeypatch, NewPlanDialog, pick)
    click(qtbot, tab.new_button)
    rows = list_rows(tab)
    assert len(rows) == 1 and rows[0].plan.association_id == school.associations[0]
    assert emitted == ["plans"]
    panel = tab.panel
    assert panel.plan_id() == rows[0].id
    assert panel.plan_name.text() == "«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі"
    assert "Draft" in panel.facts.text()
    assert any(
        "methodical theme is empty" in panel.problems_list.item(i).text()
        for i in range(panel.problems_list.count())
    )

    page = panel.sections_page
    page.theme_edit.setPlainText("  Функционалдық   сауаттылық  ")
    page.goal_edit.setPlainText("Білім сапасын арттыру")
    for text in ("Екінші", "Бірінші"):
        page.add_task()
        page.tasks_list.currentItem().setText(text)
    page.tasks_list.setCurrentRow(1)
    click(qtbot, page.task_up_button)
    assert page.tasks() == ["Бірінші", "Екінші"]
    assert page.has_changes()
    click(qtbot, page.save_button)
    saved = stored(ctx, rows[0].id)
    assert (saved.theme, saved.goal, saved.tasks) == (
        "Функционалдық сауаттылық",
        "Білім сапасын арттыру",
        ("Бірінші", "Екінші"),
    )
    assert page.theme_edit.toPlainText() == "Функционалдық сауаттылық"  # the stored (cleaned) text
    assert not page.has_changes()
    assert emitted == ["plans", "plans"]

    # a refusal shows under its field and keeps the edits; nothing is written
    page.goal_edit.setPlainText("x" * 20001)
    click(qtbot, page.save_button)
    assert page._errors["goal"].isVisible() and "at most 20000" in page._errors["goal"].text()
    assert stored(ctx, rows[0].id).goal == "Білім сапасын арттыру"
    assert page.has_changes()

    # asking for a plan the association has already opens it
    answer(monkeypatch, NewPlanDialog, lambda d: d.choose(school.associations[0]))
    monkeypatch.setattr(plan_sections, "ask_unsaved", lambda *_a: plan_sections.DISCARD)
    click(qtbot, tab.new_button)
    assert len(list_rows(tab)) == 1 and tab.panel.plan_id() == rows[0].id
    assert tab.panel.sections_page.goal_edit.toPlainText() == "Білім сапасын арттыру"


def test_activities_added_refused_in_place_and_moved(qtbot, monkeypatch, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school, activities=0)
    tab.reload(plan_id)
    tab.panel.pages.setCurrentIndex(ACTIVITIES_PAGE)
    page = tab.panel.activities_page
    assert page.empty_label.isVisible()
    seen: dict[str, str] = {}

    def fill_dated(dialog: ActivityDialog) -> None:
        dialog.content_edit.setPlainText("Нормативтік құжаттармен танысу")
        dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("instructive_meeting"))
        dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData("normative"))
        names = [dialog.people_list.item(r).text() for r in range(dialog.people_list.count())]
        assert names == ["Ибраев Ілияс Қанатұлы", "Нұрғалиева Әсел Бауыржанқызы", "Төлеуова Айгүл"]
        dialog.people_list.item(1).setCheckState(Qt.CheckState.Checked)
        dialog.responsible_text.setText("ӘБ мүшелері")
        dialog.expected_edit.setPlainText("Құжаттар талаптары меңгерілді")
        dialog.start_field.setText("31.02.2026")  # unreadable
        dialog.accept()
        seen["unreadable"] = dialog._errors["start_date"].text()
        assert not dialog._errors["start_date"].isHidden()
        dialog.start_field.setText("15.07.2026")  # after the working period
        dialog.accept()
        seen["outside"] = dialog._errors["start_date"].text()
        assert not dialog.result()
        assert stored(ctx, plan_id).activities == ()  # nothing saved meanwhile
        dialog.start_field.setText("28.08.2025")
        dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData(school.held))
        assert not dialog.fulfilled_note.isHidden()

    answer(monkeypatch, ActivityDialog, fill_dated)
    click(qtbot, page.add_button)
    assert seen["unreadable"] == "Write the date as day.month.year, for example 28.08.2025."
    assert "between 01.08.2025 and 30.06.2026" in seen["outside"]

    def fill_months(dialog: ActivityDialog) -> None:
        dialog.content_edit.setPlainText("Пән апталығы")
        dialog.form_combo.setEditText("Пән апталығы (өз нысаны)")
        dialog.months_radio.setChecked(True)
        assert dialog.when_stack.currentIndex() == 1
        assert 7 not in dialog.month_boxes  # July is outside the working period
        dialog.month_boxes[2].setChecked(True)
        dialog.month_boxes[3].setChecked(True)
        dialog.responsible_text.setText("Барлық мүшелер")

    answer(monkeypatch, ActivityDialog, fill_months)
    click(qtbot, page.add_button)
    detail = stored(ctx, plan_id)
    first, second = detail.activities
    assert (first.content, first.form, first.direction, first.start_date) == (
        "Нормативтік құжаттармен танысу",
        "instructive_meeting",
        "normative",
        AUG28,
    )
    assert first.responsible_ids == (school.teachers[0],) and first.responsible_text == "ӘБ мүшелері"
    assert first.effective_status == "done"  # tied to a held meeting
    assert (second.form, second.form_text, second.months) == ("", "Пән апталығы (өз нысаны)", (2, 3))
    view = page.table
    assert [cell(view, r, 1) for r in range(2)] == ["Нормативтік құжаттармен танысу", "Пән апталығы"]
    assert cell(view, 0, 7) == "Done" and cell(view, 0, 8) == "meeting No. 1, 28.08.2025"
    assert cell(view, 1, 4) == "February, March"
    assert page.selected().id == second.id  # the new one is chosen
    click(qtbot, page.up_button)
    assert [a.content for a in stored(ctx, plan_id).activities] == [
        "Пән апталығы",
        "Нормативтік құжаттармен танысу",
    ]
    assert cell(view, 0, 0) == "1" and cell(view, 0, 1) == "Пән апталығы"
    assert page.selected().id == second.id

    catch(monkeypatch, "confirm", True)
    click(qtbot, page.delete_button)
    assert [a.content for a in stored(ctx, plan_id).activities] == ["Нормативтік құжаттармен танысу"]


# ---- review, approval, the lock, reopening ------------------------------------------------------


def test_review_approve_lock_reopen_and_edit_again(qtbot, monkeypatch, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school)
    tab.reload(plan_id)
    tab.panel.pages.setCurrentIndex(APPROVAL_PAGE)
    approval = tab.panel.approval_page
    assert not approval.approve_button.isEnabled()  # not before the review
    assert approval.reviewed_value.text() == "not yet"

    def review(dialog: ReviewDialog) -> None:
        assert dialog.meeting_combo.currentData() == school.held  # held meetings first
        dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData(school.planned))
        dialog.accept()
        assert "has not been held yet" in dialog._errors["meeting_id"].text()
        dialog.meeting_combo.setCurrentIndex(dialog.meeting_combo.findData(school.held))

    answer(monkeypatch, ReviewDialog, review)
    click(qtbot, approval.review_button)
    assert stored(ctx, plan_id).row.status == "reviewed"
    assert approval.reviewed_value.text() == "protocol No. 1 of 28 August 2025"
    assert list_rows(tab)[0].reviewed == "No. 1, 28.08.2025"

    def agree(dialog: AgreeDialog) -> None:
        assert dialog.name_edit.text() == "Жақсылықова Гүлнар Серікқызы"
        dialog.date_field.setText("27.08.2025")  # before the review
        dialog.accept()
        assert "on or after the meeting that reviewed it (28.08.2025)" in dialog._errors["date"].text()
        dialog.date_field.setText("29.08.2025")

    answer(monkeypatch, AgreeDialog, agree)
    click(qtbot, approval.agree_button)

    def approve(dialog: ApproveDialog) -> None:
        assert (dialog.name_edit.text(), dialog.title_edit.text()) == (HEAD, "Мектеп директоры")
        dialog.date_field.setText("30.08.2025")

    answer(monkeypatch, ApproveDialog, approve)
    click(qtbot, approval.approve_button)
    detail = stored(ctx, plan_id)
    assert detail.row.status == "approved" and detail.approved_on == dt.date(2025, 8, 30)
    panel = tab.panel
    assert panel.locked_note.isVisible()
    assert "30 August 2025" in approval.approved_value.text()
    sections, activities = panel.sections_page, panel.activities_page
    assert sections.theme_edit.isReadOnly() and not sections.save_button.isEnabled()
    assert not sections.add_task_button.isEnabled()
    assert not activities.add_button.isEnabled() and not activities.delete_button.isEnabled()
    assert approval.reopen_button.isEnabled() and not approval.review_button.isEnabled()
    assert not tab.delete_button.isEnabled()

    # trying anyway (the Delete key on the activities) is refused with the services' sentence
    activities.select(detail.activities[0].id)
    activities.table.setFocus()
    catch(monkeypatch, "confirm", True)
    errors = catch(monkeypatch, "show_error")
    activities.delete_activity()
    assert errors == [LOCKED]
    assert len(stored(ctx, plan_id).activities) == 2

    # the status may still change: it is the year's record
    def mark_done(dialog: ActivityDialog) -> None:
        assert not dialog.locked_note.isHidden()
        assert not dialog.content_edit.isEnabled() and dialog.status_combo.isEnabled()
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("done"))

    answer(monkeypatch, ActivityDialog, mark_done)
    activities.edit_activity()
    assert stored(ctx, plan_id).activities[0].status == "done"
    assert list_rows(tab)[0].plan.done_count == 1

    def reopen(dialog: ReasonDialog) -> None:
        dialog.accept()
        assert dialog._errors["reason"].text() == "Say why the plan is reopened."
        dialog.reason_edit.setPlainText("Жаңа іс-шара қосылады")

    answer(monkeypatch, ReasonDialog, reopen)
    click(qtbot, approval.reopen_button)
    detail = stored(ctx, plan_id)
    assert detail.row.status == "agreed" and detail.approved_on is None
    assert not panel.locked_note.isVisible() and not sections.theme_edit.isReadOnly()
    history = [approval.history_model.row_at(r) for r in range(approval.history_model.rowCount())]
    reopened = [e for e in history if e.action == "reopened"]
    assert reopened and reopened[0].reason == "Жаңа іс-шара қосылады"
    assert reopened[0].details.startswith(HEAD)
    # edit again
    sections.theme_edit.setPlainText("Жаңа тақырып")
    click(qtbot, sections.save_button)
    assert stored(ctx, plan_id).theme == "Жаңа тақырып"
    assert activities.add_button.isEnabled()


# ---- documents ------------------------------------------------------------------------------------


def test_export_pdf_and_docx_and_preview(qtbot, monkeypatch, tmp_path, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school)
    approve_by_services(ctx, school, plan_id)
    tab.reload(plan_id)
    panel = tab.panel
    panel.set_document_language("kk")
    target = tmp_path / "out" / "plan"
    target.parent.mkdir()
    asked: list[str] = []

    def fake_save_name(_parent, _caption, suggested, _filter):
        asked.append(suggested)
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save_name)
    statuses: list[str] = []
    ctx.status.connect(statuses.append)
    panel.export_pdf_action.trigger()
    pdf = target.with_name("plan.pdf")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "БЕКІТЕМІН" in text and "Іс-шара 1" in text
    assert (
        Path(asked[0]).name
        == "Жұмыс жоспары 2025-2026 «Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі.pdf"
    )
    assert statuses[-1] == f"Saved: {pdf}"

    panel.set_document_language("ru")
    panel.export_docx_action.trigger()
    docx = target.with_name("plan.docx")
    assert Path(asked[1]).name.startswith("План работы 2025-2026") and asked[1].endswith(".docx")
    cells = [c.text for table in Document(str(docx)).tables for row in table.rows for c in row.cells]
    assert "Іс-шара 2" in cells
    assert any("УТВЕРЖДАЮ" in c for c in cells) or "УТВЕРЖДАЮ" in "\n".join(
        p.text for p in Document(str(docx)).paragraphs
    )

    shown: dict[str, object] = {}

    def use_preview(dialog: DocumentPreviewDialog) -> None:
        shown["lang"] = dialog.lang()
        shown["ru"] = dialog.pdf_document.getAllText(0).text()
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("kk"))
        shown["kk"] = dialog.pdf_document.getAllText(0).text()
        shown["name"] = dialog.file_name()
        shown["word"] = dialog.file_name(Format.DOCX)
        shown["buttons"] = sorted(b.objectName() for b in dialog.save_buttons.values())

    answer(monkeypatch, DocumentPreviewDialog, use_preview, press=False)
    click(qtbot, panel.preview_button)
    assert shown["lang"] == "ru" and "УТВЕРЖДАЮ" in str(shown["ru"]) and "БЕКІТЕМІН" in str(shown["kk"])
    assert str(shown["name"]).startswith("Жұмыс жоспары") and str(shown["name"]).endswith(".pdf")
    assert str(shown["word"]) == str(shown["name"]).removesuffix(".pdf") + ".docx"
    assert shown["buttons"] == ["save_as_button", "save_docx_button"]

    # nothing is written when the file dialog is cancelled
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    before = len(statuses)
    panel.export_pdf_action.trigger()
    assert len(statuses) == before


def test_export_for_approval_leaves_out_the_progress_column(qtbot, monkeypatch, tmp_path, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school)
    tab.reload(plan_id)
    panel = tab.panel
    panel.set_document_language("kk")
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), ""))
    panel.export_pdf_action.trigger()
    assert "Орындалуы" in "".join(p.extract_text() for p in PdfReader(target).pages)
    assert panel.for_approval_action.isCheckable() and not panel.for_approval_action.isChecked()
    panel.for_approval_action.setChecked(True)
    panel.export_pdf_action.trigger()
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Орындалуы" not in text and "Мазмұны" in text
    # the preview too, and its Word
    shown: dict[str, str] = {}

    def use_preview(dialog: DocumentPreviewDialog) -> None:
        shown["pdf"] = "".join(dialog.pdf_document.getAllText(i).text() for i in range(dialog.pdf_document.pageCount()))
        word = Document(io.BytesIO(dialog.build(Format.DOCX)))
        shown["docx"] = "\n".join(c.text for t in word.tables for row in t.rows for c in row.cells)

    answer(monkeypatch, DocumentPreviewDialog, use_preview, press=False)
    click(qtbot, panel.preview_button)
    assert "Мазмұны" in shown["pdf"] and "Орындалуы" not in shown["pdf"]
    assert "Мазмұны" in shown["docx"] and "Орындалуы" not in shown["docx"]


def test_document_language_starts_from_the_settings(qtbot, ctx, school) -> None:
    with ctx.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    widget = PlansTab(ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.reload()
    assert widget.panel.document_language() == "ru"


# ---- next year, progress, deleting ----------------------------------------------------------------


def test_new_plan_from_last_year(qtbot, monkeypatch, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school, activities=3)
    with ctx.transaction() as s:
        first, second, third = plans.get_plan(s, plan_id).activities
        plan_activities.link_meeting(s, first.id, school.held)  # held: done, not carried over
        plan_activities.set_status(s, third.id, "cancelled")
        next_year = years.save_year(
            s, years.YearInput("2026-2027", dt.date(2026, 9, 1), dt.date(2027, 5, 31))
        )
    tab.reload()
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(next_year))
    assert list_rows(tab) == [] and tab.empty_label.isVisible()
    info = catch(monkeypatch, "show_info")

    def pick(dialog: CopyPlanDialog) -> None:
        assert dialog.list.count() == 1
        dialog.choose(plan_id)

    answer(monkeypatch, CopyPlanDialog, pick)
    click(qtbot, tab.copy_button)
    rows = list_rows(tab)
    assert len(rows) == 1 and rows[0].plan.year_id == next_year and rows[0].plan.status == "draft"
    assert tab.year_combo.currentData() == next_year
    detail = stored(ctx, rows[0].id)
    assert detail.theme == "Функционалдық сауаттылық" and detail.tasks == ("Бірінші міндет",)
    assert [a.start_date for a in detail.activities][:2] == [dt.date(2026, 10, 10), dt.date(2026, 10, 11)]
    assert [a.carried_over for a in detail.activities] == [False, True, False]
    message = info[0]
    assert "3 activities were copied with their dates moved by a year." in message
    assert "1 unfinished activity is marked as carried over." in message
    assert "continued into 2026-2027 with its members" in message
    assert cell(tab.panel.activities_page.table, 1, 7) == "Planned, carried over"

    # again: the plan is there already, nothing is copied
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(next_year))
    click(qtbot, tab.copy_button)
    assert "nothing was copied" in info[1]
    assert len(list_rows(tab)) == 1


def test_no_plans_last_year_is_one_sentence(qtbot, monkeypatch, tab) -> None:
    info = catch(monkeypatch, "show_info")
    click(qtbot, tab.copy_button)
    assert info == ["There are no plans of the year before 2025-2026 to start from."]


def test_the_list_shows_progress(qtbot, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school, activities=4)
    with ctx.transaction() as s:
        ids = [a.id for a in plans.get_plan(s, plan_id).activities]
        plan_activities.set_status(s, ids[0], "done")
        plan_activities.set_status(s, ids[1], "cancelled")
    other = make_plan(ctx, school, index=1, activities=0)
    tab.reload()
    by_id = {r.id: r for r in list_rows(tab)}
    assert by_id[plan_id].plan.percent == 33
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 0).data(ROW_ROLE).id == plan_id)
    assert cell(tab.table, row, 2) == "1/3 · 33 %"
    assert tab.proxy.index(row, 2).data(Qt.ItemDataRole.ToolTipRole) == "1 of 3 done (33 %)"
    assert by_id[other].plan.percent == 0
    tab.reload(plan_id)
    assert "1 of 3 done (33 %)" in tab.panel.facts.text()
    tab.table.grab()  # the progress bar paints


def test_the_schedule_follows_the_associations_meetings(qtbot, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school)
    tab.reload(plan_id)
    tab.panel.pages.setCurrentIndex(SCHEDULE_PAGE)
    schedule = tab.panel.schedule_page.table
    assert [cell(schedule, r, 1) for r in range(schedule.model().rowCount())] == ["28.08.2025", "14.01.2026"]
    assert cell(schedule, 0, 2) == "Held" and cell(schedule, 1, 2) == "Planned"
    with ctx.transaction() as s:
        meetings.save_meeting(
            s,
            MeetingInput(association_id=school.associations[0], number=3, date=dt.date(2026, 3, 18)),
            today=TODAY,
            review_previous=False,
        )
    ctx.changed.emit("meetings")  # another tab wrote
    assert schedule.model().rowCount() == 3 and cell(schedule, 2, 1) == "18.03.2026"


def test_delete_a_draft_plan(qtbot, monkeypatch, tab, ctx, school) -> None:
    plan_id = make_plan(ctx, school)
    tab.reload(plan_id)
    catch(monkeypatch, "confirm", False)
    click(qtbot, tab.delete_button)
    assert len(list_rows(tab)) == 1
    catch(monkeypatch, "confirm", True)
    click(qtbot, tab.delete_button)
    assert list_rows(tab) == []
    with ctx.reading() as s:
        assert plans.list_plans(s) == []


# ---- unsaved edits -------------------------------------------------------------------------------


def test_unsaved_sections_are_asked_about_before_switching_and_closing(
    qtbot, monkeypatch, tab, ctx, school
) -> None:
    first = make_plan(ctx, school, 0)
    second = make_plan(ctx, school, 1)
    tab.reload(first)
    page = tab.panel.sections_page
    answers: list[str] = []
    asked: list[str] = []

    def ask(_parent, question: str) -> str:
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr(plan_sections, "ask_unsaved", ask)
    page.theme_edit.setPlainText("Өзгерген тақырып")
    answers.append(plan_sections.CANCEL)
    click_plan(qtbot, tab, second)
    assert tab.panel.plan_id() == first and tab.selected().id == first
    assert page.theme_edit.toPlainText() == "Өзгерген тақырып"
    assert "«Қазақ тілі»" in asked[0]
    # a write elsewhere reloads the tab but keeps the edits
    ctx.changed.emit("meetings")
    assert page.theme_edit.toPlainText() == "Өзгерген тақырып"
    answers.append(plan_sections.SAVE)
    click_plan(qtbot, tab, second)
    assert tab.panel.plan_id() == second
    assert stored(ctx, first).theme == "Өзгерген тақырып"

    page.goal_edit.setPlainText("Өзгерген мақсат")
    answers.append(plan_sections.CANCEL)
    assert not tab.can_close()
    answers.append(plan_sections.DISCARD)
    assert tab.can_close()
    assert page.goal_edit.toPlainText() == "Сапа" and stored(ctx, second).goal == "Сапа"
    assert tab.can_close()  # nothing left to ask about
    assert len(asked) == 4

    # another year: asked too; Cancel keeps the year and the edits
    with ctx.transaction() as s:
        next_year = years.save_year(
            s, years.YearInput("2026-2027", dt.date(2026, 9, 1), dt.date(2027, 5, 31))
        )
    tab.reload()
    page.goal_edit.setPlainText("Тағы өзгерді")
    answers.append(plan_sections.CANCEL)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(next_year))
    assert tab.year_combo.currentData() == school.year and tab.panel.plan_id() == second
    answers.append(plan_sections.SAVE)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(next_year))
    assert tab.year_combo.currentData() == next_year and list_rows(tab) == []
    assert stored(ctx, second).goal == "Тағы өзгерді"
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(school.year))

    # a refused save keeps the window open and shows the sentence
    page.theme_edit.setPlainText("x" * 20001)
    answers.append(plan_sections.SAVE)
    assert not tab.can_close()
    assert page._errors["theme"].isVisible()
