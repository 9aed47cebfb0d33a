"""The Open lessons tab driven as a user would: plan a lesson (a date outside
the year refused by the field), fill an observation sheet (a score outside the
scale refused, a valid one saved, the lesson becomes held), move a lesson (the
old date kept and shown), cancel one (then a sheet is refused), delete (a
refusal shown), print blank sheets and the schedule to files, narrow the table
with the filters and the search, see one teacher's year, and copy and edit a
criteria set without touching filled sheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog
from sqlalchemy import func, select

from metodesk.documents.base import Format
from metodesk.services import (
    agenda,
    associations,
    criteria,
    lesson_links,
    lessons,
    meetings,
    observations,
    settings,
    subjects,
    teachers,
    years,
)
from metodesk.services.agenda import ItemInput, Speaker
from metodesk.services.lessons import LessonInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.observations import ObservationInput
from metodesk.storage.models import Lesson
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.criteria_set import CriteriaSetDialog, CriteriaSetsDialog
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog
from metodesk.ui.dialogs.lesson import LessonDialog
from metodesk.ui.dialogs.lesson_move import LessonMoveDialog
from metodesk.ui.dialogs.observation import ObservationDialog
from metodesk.ui.models import ROW_ROLE
from metodesk.ui.tabs.lessons import LessonsTab

OCT22, NOV5, DEC10 = dt.date(2025, 10, 22), dt.date(2025, 11, 5), dt.date(2025, 12, 10)
TOPIC = "Зат есімнің септелуі"


@dataclass
class School:
    year: int
    kazakh: int  # association: Қазақ тілі
    math: int  # association: Математика
    people: dict[str, int]  # surname -> teacher id
    subject_kazakh: int
    subject_math: int


@pytest.fixture(autouse=True)
def _no_waiting_message_boxes(monkeypatch):
    """A message box no test expected fails the test instead of waiting for a click."""

    def unexpected(_parent, message: str) -> None:
        raise AssertionError(f"unexpected message box: {message}")

    for name in ("show_error", "show_info", "confirm"):
        monkeypatch.setattr(common, name, unexpected)


@pytest.fixture
def ctx(db):
    return AppContext(db)


@pytest.fixture
def school(db, ours) -> School:
    with db.transaction() as s:
        year = years.current_year(s).id
        by_name = {x.name_kk: x.id for x in subjects.list_subjects(s)}
        people = {}
        for surname, first in (
            ("Нұрғалиева", "Әсел"),
            ("Төлеуова", "Айгүл"),
            ("Ибраев", "Ілияс"),
            ("Қасымов", "Ерлан"),
        ):
            people[surname] = teachers.save_teacher(
                s,
                teachers.TeacherInput(
                    surname=surname, first_name=first, patronymic="Серікұлы", organisation_id=ours
                ),
            )
        ids = {}
        for key, subject in (("kazakh", "Қазақ тілі"), ("math", "Математика")):
            ids[key] = associations.save_association(
                s,
                associations.AssociationInput(
                    kind="subject",
                    level="school",
                    name_kk=f"«{subject}» пәні мұғалімдерінің әдістемелік бірлестігі",
                    name_ru=f"МО учителей предмета «{subject}»",
                    subject_id=by_name[subject],
                    year_id=year,
                    organisation_id=ours,
                ),
            )
        for surname in ("Нұрғалиева", "Төлеуова", "Ибраев"):
            associations.add_member(s, ids["kazakh"], people[surname], "member")
        associations.add_member(s, ids["math"], people["Қасымов"], "leader")
    return School(year, ids["kazakh"], ids["math"], people, by_name["Қазақ тілі"], by_name["Математика"])


@pytest.fixture
def tab(qtbot, ctx, school):
    widget = LessonsTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.ensure_loaded()
    return widget


# ---- helpers ------------------------------------------------------------------------------------


def plan(ctx: AppContext, school: School, teacher: str = "Төлеуова", **changes) -> int:
    data = LessonInput(
        association_id=school.kazakh,
        teacher_id=school.people[teacher],
        grade=6,
        class_letter="Ә",
        date=OCT22,
        period=3,
        topic=TOPIC,
        objectives="6.4.2.1 – зат есімнің септелуін біліп, мәтінде дұрыс қолдану",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    with ctx.transaction() as s:
        return lessons.save_lesson(s, data)


def fill_sheet(ctx: AppContext, lesson_id: int, observer: int, scores: list[int | None]) -> int:
    with ctx.transaction() as s:
        return observations.save_observation(
            s, lesson_id, ObservationInput(observer_teacher_id=observer, scores=scores, conclusion="Жақсы.")
        )


def lesson(ctx: AppContext, lesson_id: int) -> lessons.LessonRow:
    with ctx.reading() as s:
        return lessons.get_lesson(s, lesson_id)


def sheets(ctx: AppContext, lesson_id: int) -> list[observations.ObservationRow]:
    with ctx.reading() as s:
        return observations.list_observations(s, lesson_id)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def answer(monkeypatch, dialog_class: type, fill: Callable, press: bool = True) -> list:  # type: ignore[type-arg]
    """Replace the modal loop of ``dialog_class``: fill the dialog, then accept it."""
    opened: list = []  # type: ignore[type-arg]

    def fake_exec(dialog) -> int:
        opened.append(dialog)
        fill(dialog)
        if press and dialog.result() != QDialog.DialogCode.Accepted:
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def never(monkeypatch, dialog_class: type) -> None:
    def fail(_dialog) -> int:
        raise AssertionError(f"{dialog_class.__name__} should not open")

    monkeypatch.setattr(dialog_class, "exec", fail)


def shown_rows(tab: LessonsTab) -> list:  # type: ignore[type-arg]
    return [tab.proxy.index(i, 0).data(ROW_ROLE) for i in range(tab.proxy.rowCount())]


def cell(tab: LessonsTab, lesson_id: int, column: int) -> str:
    for i in range(tab.proxy.rowCount()):
        if tab.proxy.index(i, 0).data(ROW_ROLE).lesson.id == lesson_id:
            return str(tab.proxy.index(i, column).data())
    raise AssertionError(f"lesson {lesson_id} is not listed")


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


# ---- planning ------------------------------------------------------------------------------------


def test_a_lesson_is_planned_and_a_date_outside_the_year_is_refused_by_the_field(
    qtbot, monkeypatch, ctx, tab, school
) -> None:
    seen: dict[str, object] = {}

    def fill(dialog: LessonDialog) -> None:
        seen["association"] = dialog.association_combo.currentData()
        choose(dialog.teacher_combo, school.people["Төлеуова"])
        choose(dialog.grade_combo, 6)
        dialog.letter.setText("ә")
        dialog.period.setValue(3)
        choose(dialog.kind_combo, "open_lesson")
        dialog.topic.setText(TOPIC)
        dialog.objectives.setPlainText("6.4.2.1 – зат есімнің септелуін біліп, мәтінде дұрыс қолдану")
        dialog.date.setText("15.09.2026")  # the next academic year
        click(qtbot, save_button(dialog))
        error = dialog.findChild(type(dialog.general_error), "date_error")
        seen["refused"] = not error.isHidden() and error.text()
        seen["subject"] = dialog.subject_combo.currentText()
        with ctx.reading() as s:
            seen["count"] = s.scalar(select(func.count(Lesson.id)))
        dialog.date.setText("22.10.2025")

    opened = answer(monkeypatch, LessonDialog, fill)
    click(qtbot, tab.new_button)
    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    assert seen["association"] == school.kazakh  # the year's first association
    assert seen["refused"] == "A lesson of the year 2025-2026 takes place between 01.09.2025 and 25.05.2026."
    assert seen["count"] == 0  # nothing saved by the refusal
    assert seen["subject"] == "Қазақ тілі"  # the association's subject is proposed
    rows = shown_rows(tab)
    assert len(rows) == 1
    saved = rows[0].lesson
    assert (saved.class_name, saved.date, saved.period, saved.status) == ("6 Ә", OCT22, 3, "planned")
    assert saved.subject_id == school.subject_kazakh
    assert tab.selected() is not None and tab.selected().id == saved.id  # the new lesson is chosen
    assert tab.panel.facts["topic"].text() == TOPIC


def test_a_typed_subject_and_a_preschool_group_are_kept(qtbot, monkeypatch, ctx, tab, school) -> None:
    def fill(dialog: LessonDialog) -> None:
        choose(dialog.association_combo, school.math)
        choose(dialog.teacher_combo, school.people["Қасымов"])
        dialog.subject_combo.setEditText("Логика ойындары")
        dialog.group.setText("Балапан")
        dialog.date.setText("10.12.2025")
        dialog.topic.setText("Пішіндер")

    answer(monkeypatch, LessonDialog, fill)
    tab.new_record()
    saved = shown_rows(tab)[0].lesson
    assert (saved.subject_id, saved.subject_kk, saved.class_name, saved.association_id) == (
        None,
        "Логика ойындары",
        "Балапан",
        school.math,
    )


def test_editing_keeps_the_association_and_saves_the_changes(qtbot, monkeypatch, ctx, tab, school) -> None:
    lesson_id = plan(ctx, school)
    tab.reload(lesson_id)

    def fill(dialog: LessonDialog) -> None:
        assert not dialog.association_combo.isEnabled()
        assert dialog.topic.text() == TOPIC and dialog.letter.text() == "Ә"
        dialog.topic.setText("Зат есімнің тәуелденуі")
        dialog.period.setValue(0)  # not yet known

    answer(monkeypatch, LessonDialog, fill)
    click(qtbot, tab.edit_button)
    row = lesson(ctx, lesson_id)
    assert (row.topic, row.period) == ("Зат есімнің тәуелденуі", None)
    assert cell(tab, lesson_id, 6) == "Зат есімнің тәуелденуі"


# ---- observation sheets ---------------------------------------------------------------------------


def test_a_sheet_out_of_scale_is_refused_then_a_valid_one_saved_and_the_lesson_is_held(
    qtbot, monkeypatch, ctx, tab, school
) -> None:
    lesson_id = plan(ctx, school)
    tab.reload(lesson_id)
    assert cell(tab, lesson_id, 8) == "Planned"
    seen: dict[str, object] = {}

    def fill(dialog: ObservationDialog) -> None:
        seen["criteria"] = len(dialog.score_boxes)
        seen["observer_choices"] = [dialog.observer.itemData(i) for i in range(dialog.observer.count())]
        dialog.observer.setCurrentIndex(dialog.observer.findData(school.people["Нұрғалиева"]))
        dialog.purpose.setText("Тәжірибе алмасу")
        for box in dialog.score_boxes:
            box.setText("2")
        dialog.score_boxes[3].setText("3")  # the scale is 0-2
        click(qtbot, save_button(dialog))
        seen["refused"] = not dialog.scores_error.isHidden() and dialog.scores_error.text()
        seen["marked"] = "b00020" in dialog.score_boxes[3].styleSheet()
        seen["saved_meanwhile"] = len(sheets(ctx, lesson_id))
        dialog.score_boxes[3].setText("1")
        dialog.score_boxes[5].setText("")  # not scored
        dialog.strengths.setPlainText("Топтық жұмыс тиімді ұйымдастырылды.")
        dialog.conclusion.setPlainText("Сабақ жоғары деңгейде өтті.")
        dialog.acknowledged.setChecked(True)
        dialog.acknowledged_on.setText("23.10.2025")
        seen["total"] = dialog.total_label.text()

    opened = answer(monkeypatch, ObservationDialog, fill)
    click(qtbot, tab.panel.add_sheet_button)
    assert opened and opened[0].result() == QDialog.DialogCode.Accepted
    assert seen["criteria"] == 16
    assert school.people["Төлеуова"] not in seen["observer_choices"]  # not the lesson's own teacher
    assert seen["refused"] == "The score for criterion 4 must be from 0 to 2."
    assert seen["marked"] and seen["saved_meanwhile"] == 0
    assert seen["total"] == "Total: 29 of 32 (15 of 16 criteria scored)"
    [sheet] = sheets(ctx, lesson_id)
    assert sheet.observer_teacher_id == school.people["Нұрғалиева"]
    assert (sheet.total, sheet.scored_count, sheet.acknowledged_on) == (29, 15, dt.date(2025, 10, 23))
    assert sheet.scores[5].score is None
    assert lesson(ctx, lesson_id).status == "held"
    assert cell(tab, lesson_id, 8) == "Held" and cell(tab, lesson_id, 9) == "1"
    assert tab.panel.sheets_model.rowCount() == 1
    assert tab.panel.sheets_proxy.index(0, 2).data() == "29 of 32"
    assert tab.panel.sheets_proxy.index(0, 3).data() == "23.10.2025"


def test_a_guest_observer_is_typed_and_a_sheet_is_edited_keeping_its_copy(
    qtbot, monkeypatch, ctx, tab, school
) -> None:
    lesson_id = plan(ctx, school)
    tab.reload(lesson_id)

    def fill_new(dialog: ObservationDialog) -> None:
        dialog.observer.setEditText("Жақсылықова Г.С.")
        dialog.position.setText("директордың оқу ісі жөніндегі орынбасары")
        dialog.score_boxes[0].setText("1")

    answer(monkeypatch, ObservationDialog, fill_new)
    click(qtbot, tab.panel.add_sheet_button)
    [sheet] = sheets(ctx, lesson_id)
    assert (sheet.observer_teacher_id, sheet.observer_name) == (None, "Жақсылықова Г.С.")
    tab.panel.sheets_table.selectRow(0)
    seen: dict[str, object] = {}

    def fill_edit(dialog: ObservationDialog) -> None:
        seen["set_enabled"] = dialog.set_combo.isEnabled()
        seen["first"] = dialog.score_boxes[0].text()
        dialog.score_boxes[1].setText("2")

    answer(monkeypatch, ObservationDialog, fill_edit)
    click(qtbot, tab.panel.edit_sheet_button)
    assert seen == {"set_enabled": False, "first": "1"}
    [sheet] = sheets(ctx, lesson_id)
    assert sheet.total == 3


def test_a_cancelled_lesson_gets_no_sheet(qtbot, monkeypatch, ctx, tab, school) -> None:
    lesson_id = plan(ctx, school)
    tab.reload(lesson_id)
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _parent, question: asked.append(question) or True)
    click(qtbot, tab.cancel_button)
    assert asked and TOPIC in asked[0]
    assert lesson(ctx, lesson_id).status == "cancelled"
    assert cell(tab, lesson_id, 8) == "Cancelled"
    assert tab.cancel_button.text() == "Plan again"
    errors: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: errors.append(message))
    never(monkeypatch, ObservationDialog)
    click(qtbot, tab.panel.add_sheet_button)
    assert errors == ["The lesson was cancelled, so it cannot be observed."]
    # the form itself refuses too (the lesson was cancelled while it was open)
    dialog = ObservationDialog(ctx, lesson_id)
    qtbot.addWidget(dialog)
    dialog.observer.setCurrentIndex(dialog.observer.findData(school.people["Ибраев"]))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.general_error.text() == "The lesson was cancelled, so it cannot be observed."
    assert sheets(ctx, lesson_id) == []
    # a blank sheet is refused as well
    tab.print_blank_action.setEnabled(True)
    never(monkeypatch, DocumentPreviewDialog)
    tab.print_blank()
    assert errors[-1] == "The lesson was cancelled, so it needs no observation sheet."
    # planned again
    click(qtbot, tab.cancel_button)
    assert lesson(ctx, lesson_id).status == "planned"
    assert tab.cancel_button.text() == "Cancel lesson"


def test_mark_held_and_deleting_a_lesson_with_sheets_is_refused(qtbot, monkeypatch, ctx, tab, school) -> None:
    held = plan(ctx, school)
    other = plan(ctx, school, teacher="Ибраев", date=NOV5, topic="Етістік")
    fill_sheet(ctx, held, school.people["Нұрғалиева"], [2, 1])
    tab.reload(other)
    click(qtbot, tab.held_button)
    assert lesson(ctx, other).status == "held"
    assert not tab.held_button.isEnabled() and not tab.move_button.isEnabled()
    errors: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: errors.append(message))
    monkeypatch.setattr(common, "confirm", lambda _parent, _question: True)
    tab.select_lesson(held)
    click(qtbot, tab.delete_button)
    assert errors == ["This lesson has filled observation sheets; delete them first."]
    assert lesson(ctx, held).id == held
    tab.select_lesson(other)
    click(qtbot, tab.delete_button)
    assert [r.lesson.id for r in shown_rows(tab)] == [held]


def test_deleting_a_sheet_asks_first(qtbot, monkeypatch, ctx, tab, school) -> None:
    lesson_id = plan(ctx, school)
    fill_sheet(ctx, lesson_id, school.people["Нұрғалиева"], [2])
    tab.reload(lesson_id)
    tab.panel.sheets_table.selectRow(0)
    asked: list[str] = []
    monkeypatch.setattr(common, "confirm", lambda _parent, question: asked.append(question) or False)
    click(qtbot, tab.panel.delete_sheet_button)
    assert len(sheets(ctx, lesson_id)) == 1
    monkeypatch.setattr(common, "confirm", lambda _parent, question: asked.append(question) or True)
    click(qtbot, tab.panel.delete_sheet_button)
    assert sheets(ctx, lesson_id) == []
    assert "Нұрғалиева Әсел Серікұлы" in asked[0]
    assert cell(tab, lesson_id, 9) == "0"


# ---- moving -----------------------------------------------------------------------------------------


def test_a_moved_lesson_keeps_and_shows_its_old_date(qtbot, monkeypatch, ctx, tab, school) -> None:
    lesson_id = plan(ctx, school)
    tab.reload(lesson_id)
    seen: dict[str, object] = {}

    def fill(dialog: LessonMoveDialog) -> None:
        seen["current"] = dialog.current_label.text()
        dialog.date.setText("01.07.2026")  # after the year
        click(qtbot, save_button(dialog))
        seen["refused"] = dialog.findChild(type(dialog.general_error), "date_error").text()
        dialog.date.setText("05.11.2025")
        dialog.period.setValue(2)
        dialog.reason.setText("Аудандық семинар")

    answer(monkeypatch, LessonMoveDialog, fill)
    click(qtbot, tab.move_button)
    assert seen["current"] == "22.10.2025, period 3"
    assert str(seen["refused"]).startswith("A lesson of the year 2025-2026 takes place between")
    row = lesson(ctx, lesson_id)
    assert (row.date, row.period, row.status, row.original_date) == (NOV5, 2, "moved", OCT22)
    assert cell(tab, lesson_id, 1) == "05.11.2025"
    assert cell(tab, lesson_id, 8) == "Moved from 22.10.2025"
    assert tab.panel.facts["moves"].text() == "22.10.2025, period 3 → 05.11.2025, period 2 (Аудандық семинар)"
    assert tab.panel.facts["status"].text() == "Moved from 22.10.2025"
    # moved again: the history grows, the first date stays in the status
    answer(monkeypatch, LessonMoveDialog, lambda d: d.date.setText("10.12.2025"))
    click(qtbot, tab.move_button)
    assert cell(tab, lesson_id, 8) == "Moved from 22.10.2025"
    assert tab.panel.facts["moves"].text().count("→") == 2


# ---- printing -----------------------------------------------------------------------------------------


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def save_through_preview(monkeypatch, target: Path, lang: str | None = None) -> dict:  # type: ignore[type-arg]
    """The preview saves its PDF to ``target`` (in ``lang`` when given), and
    its Word beside it (``target`` with .docx)."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _c, suggested, _f: (str(target.with_suffix(Path(suggested).suffix)), _f)
    )
    shown: dict[str, object] = {}

    def use(dialog: DocumentPreviewDialog) -> int:
        shown["default_lang"] = dialog.lang()
        shown["suggested"] = dialog.file_name()
        if lang is not None:
            dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData(lang))
        shown["saved"] = dialog.save_as()
        shown["word"] = dialog.save_as(Format.DOCX)
        return 0

    monkeypatch.setattr(DocumentPreviewDialog, "exec", use)
    return shown


def test_a_blank_sheet_for_the_lesson_is_printed_to_a_file(
    qtbot, monkeypatch, tmp_path, ctx, tab, school
) -> None:
    lesson_id = plan(ctx, school)
    tab.reload(lesson_id)
    target = tmp_path / "blank.pdf"
    shown = save_through_preview(monkeypatch, target)
    tab.print_blank_action.trigger()
    assert shown["default_lang"] == "kk"  # the print language of the settings
    assert shown["saved"] == target
    assert shown["suggested"] == "Сабақты бақылау парағы (бос) Төлеуова Айгүл Серікұлы 2025-10-22.pdf"
    text = pdf_text(target)
    assert "САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ" in text
    assert "Төлеуова Айгүл Серікұлы" in text and TOPIC in text
    assert "Сабақтың ұйымдастырылуы" in text  # the criteria, with empty boxes
    # in Russian, from the language chosen in the settings
    with ctx.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    shown = save_through_preview(monkeypatch, tmp_path / "blank-ru.pdf")
    tab.print_blank_action.trigger()
    assert shown["default_lang"] == "ru"
    assert "ЛИСТ НАБЛЮДЕНИЯ УРОКА" in pdf_text(tmp_path / "blank-ru.pdf")


def test_blank_sheets_for_a_date_a_filled_sheet_and_the_schedules(
    qtbot, monkeypatch, tmp_path, ctx, tab, school
) -> None:
    first = plan(ctx, school)
    plan(ctx, school, teacher="Ибраев", topic="Етістіктің шақтары", grade=7, class_letter="А")
    plan(ctx, school, teacher="Қасымов", association_id=school.math, topic="Бөлшектер", date=NOV5)
    fill_sheet(ctx, first, school.people["Нұрғалиева"], [2, 2, 1])
    tab.reload(first)
    assert tab.print_batch_action.text() == "Blank sheets for every lesson on 22.10.2025…"
    shown = save_through_preview(monkeypatch, tmp_path / "batch.pdf", "ru")
    tab.print_batch_action.trigger()
    text = pdf_text(tmp_path / "batch.pdf")
    assert text.count("ЛИСТ НАБЛЮДЕНИЯ УРОКА") == 2
    assert "Етістіктің шақтары" in text and "Бөлшектер" not in text
    # the filled sheet, from the sheets list
    tab.panel.sheets_table.selectRow(0)
    shown = save_through_preview(monkeypatch, tmp_path / "filled.pdf")
    click(qtbot, tab.panel.print_sheet_button)
    assert shown["saved"] == tmp_path / "filled.pdf"
    text = pdf_text(tmp_path / "filled.pdf")
    assert "Жалпы балл" in text and "5 / 32" in text and "Нұрғалиева Әсел Серікұлы" in text
    # the schedule of the lesson's association, then of the whole school
    save_through_preview(monkeypatch, tmp_path / "association.pdf", "kk")
    tab.print_association_action.trigger()
    text = pdf_text(tmp_path / "association.pdf")
    assert "АШЫҚ САБАҚТАР КЕСТЕСІ" in text and "Бөлшектер" not in text and TOPIC in text
    save_through_preview(monkeypatch, tmp_path / "school.pdf", "ru")
    tab.print_school_action.trigger()
    text = pdf_text(tmp_path / "school.pdf")
    assert "ГРАФИК ОТКРЫТЫХ УРОКОВ" in text and "Бөлшектер" in text and TOPIC in text
    # each of them in Word as well, in the same language
    for name, words in (
        ("school", ("ГРАФИК ОТКРЫТЫХ УРОКОВ", "Бөлшектер", TOPIC)),
        ("association", ("АШЫҚ САБАҚТАР КЕСТЕСІ", TOPIC)),
        ("filled", ("Жалпы балл", "Нұрғалиева Әсел Серікұлы")),
        ("batch", ("ЛИСТ НАБЛЮДЕНИЯ УРОКА", "Етістіктің шақтары")),
    ):
        text = docx_text(tmp_path / f"{name}.docx")
        assert all(word in text for word in words), name
        assert "None" not in text


# ---- views and filters ------------------------------------------------------------------------------


def test_filters_and_search_narrow_the_table(qtbot, ctx, tab, school) -> None:
    a = plan(ctx, school)
    b = plan(ctx, school, teacher="Ибраев", kind="mutual_visit", date=DEC10, topic="Етістік")
    c = plan(
        ctx,
        school,
        teacher="Қасымов",
        association_id=school.math,
        subject_id=school.subject_math,
        date=NOV5,
        topic="Бөлшектер",
    )
    with ctx.transaction() as s:
        lessons.set_status(s, a, "held")
    tab.reload()
    lists = tab.list
    assert {r.lesson.id for r in shown_rows(tab)} == {a, b, c}
    assert lists.count_label.text() == "3 lessons"
    assert [r.group for r in shown_rows(tab)] == ["October 2025", "November 2025", "December 2025"]
    choose(lists.teacher_combo, school.people["Ибраев"])
    assert [r.lesson.id for r in shown_rows(tab)] == [b]
    choose(lists.teacher_combo, None)
    choose(lists.subject_combo, school.subject_math)
    assert [r.lesson.id for r in shown_rows(tab)] == [c]
    choose(lists.subject_combo, None)
    choose(lists.kind_combo, "mutual_visit")
    assert [r.lesson.id for r in shown_rows(tab)] == [b]
    choose(lists.kind_combo, None)
    choose(lists.status_combo, "upcoming")
    assert {r.lesson.id for r in shown_rows(tab)} == {b, c}
    choose(lists.status_combo, "held")
    assert [r.lesson.id for r in shown_rows(tab)] == [a]
    choose(lists.status_combo, None)
    lists.search_box.setText("бөлшек")
    lists.search_box.flush()
    assert [r.lesson.id for r in shown_rows(tab)] == [c]
    assert lists.count_label.text() == "1 of 3 lessons"
    lists.search_box.setText("")
    lists.search_box.flush()
    # by association: the groups follow the alphabet, the first column names them
    choose(lists.view_combo, "association")
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Association"
    assert [r.lesson.id for r in shown_rows(tab)] == [a, b, c]
    # a short name (the subject) in the column, the whole name in its tooltip
    assert [r.group for r in shown_rows(tab)] == ["Қазақ тілі", "Қазақ тілі", "Математика"]
    assert tab.proxy.index(2, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("«Математика» пәні")


def test_the_per_teacher_view_shows_lessons_given_and_observed(qtbot, ctx, tab, school) -> None:
    given = plan(ctx, school, teacher="Нұрғалиева", topic="Септік жалғаулары")
    watched = plan(ctx, school, teacher="Ибраев", date=NOV5, topic="Етістік")
    plan(ctx, school, teacher="Қасымов", association_id=school.math, topic="Бөлшектер")
    sheet = fill_sheet(ctx, watched, school.people["Нұрғалиева"], [1])
    tab.reload(given)
    lists = tab.list
    choose(lists.view_combo, "teacher")  # starts with the chosen lesson's teacher
    assert lists.teacher_combo.currentData() == school.people["Нұрғалиева"]
    rows = shown_rows(tab)
    assert [(r.lesson.id, r.group) for r in rows] == [(given, "Gave the lesson"), (watched, "Observed")]
    assert rows[1].observation_id == sheet
    assert lists.count_label.text() == "Gave 1 lesson. Observed 1 lesson."
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Role"
    # the observed lesson opens with the teacher's own sheet chosen
    tab.select_lesson(watched)
    assert tab.panel.selected_sheet() is not None and tab.panel.selected_sheet().id == sheet
    choose(lists.teacher_combo, school.people["Қасымов"])
    assert [r.group for r in shown_rows(tab)] == ["Gave the lesson"]
    choose(lists.teacher_combo, None)
    assert shown_rows(tab) == []
    assert lists.count_label.text().startswith("Choose a teacher")
    # back to the schedule: every lesson again
    choose(lists.view_combo, "month")
    assert len(shown_rows(tab)) == 3


def test_the_detail_names_the_meeting_that_discussed_the_lesson(qtbot, ctx, tab, school) -> None:
    lesson_id = plan(ctx, school)
    with ctx.transaction() as s:
        meeting = meetings.save_meeting(
            s, MeetingInput(association_id=school.kazakh, number=2, date=NOV5, status="held")
        )
        item = agenda.save_item(
            s,
            meeting,
            ItemInput("Ашық сабақты талқылау туралы", Speaker(teacher_id=school.people["Ибраев"]), ""),
        )
        lesson_links.link_lesson(s, item, lesson_id)
    tab.reload(lesson_id)
    assert tab.panel.facts["discussed"].text() == (
        "protocol No. 2 of 5 November 2025, item 1: Ашық сабақты талқылау туралы"
    )


def test_other_tabs_learn_of_writes_and_the_selection_is_kept(qtbot, monkeypatch, ctx, tab, school) -> None:
    keep = plan(ctx, school)
    plan(ctx, school, teacher="Ибраев", date=NOV5, topic="Етістік")
    tab.reload(keep)
    heard: list[str] = []
    ctx.changed.connect(heard.append)
    click(qtbot, tab.held_button)
    assert heard == ["lessons"]
    assert tab.selected() is not None and tab.selected().id == keep
    # a change elsewhere reloads this tab, keeping the choice
    with ctx.transaction() as s:
        teachers.save_teacher(
            s,
            teachers.TeacherInput(
                surname="Жаңа", first_name="Мұғалім", organisation_id=lesson(ctx, keep).organisation_id
            ),
        )
    ctx.changed.emit("teachers")
    assert tab.selected() is not None and tab.selected().id == keep
    assert tab.list.teacher_combo.findText("Жаңа Мұғалім") >= 0


# ---- criteria sets -----------------------------------------------------------------------------------------


def test_a_criteria_set_is_copied_and_edited_and_filled_sheets_do_not_change(
    qtbot, monkeypatch, ctx, tab, school
) -> None:
    lesson_id = plan(ctx, school)
    fill_sheet(ctx, lesson_id, school.people["Нұрғалиева"], [2])
    before = sheets(ctx, lesson_id)[0]
    seen: dict[str, object] = {}

    def edit(dialog: CriteriaSetDialog) -> None:
        seen["note"] = dialog.findChild(type(dialog.general_error), "keeps_sheets_note").text()
        dialog.name_kk.setText("Қысқа парақ")
        dialog.name_ru.setText("Краткий лист")
        dialog.scale_min.setValue(1)
        dialog.scale_max.setValue(1)
        click(qtbot, save_button(dialog))
        seen["scale_refused"] = dialog.findChild(type(dialog.general_error), "scale_max_error").text()
        dialog.scale_max.setValue(3)
        while dialog.table.rowCount() > 2:
            dialog.table.selectRow(2)
            dialog.remove_criterion()
        dialog.table.item(0, 0).setText("Сабақ мақсаты")
        dialog.table.selectRow(1)
        dialog.move_up()

    def use_list(dialog: CriteriaSetsDialog) -> int:
        seen["sets"] = dialog.model.rowCount()
        dialog.table.selectRow(0)
        answer(monkeypatch, CriteriaSetDialog, edit)
        dialog.copy_set()
        return 0

    monkeypatch.setattr(CriteriaSetsDialog, "exec", use_list)
    heard: list[str] = []
    ctx.changed.connect(heard.append)
    click(qtbot, tab.list.criteria_button)
    assert seen["sets"] == 1
    assert seen["scale_refused"].startswith("The scale runs from a lower to a higher whole number")
    assert str(seen["note"]).startswith("Editing a set never changes the sheets already filled")
    assert heard == ["lessons"]
    with ctx.reading() as s:
        rows = criteria.list_sets(s)
    assert len(rows) == 2
    original, copy = rows
    assert len(original.criteria) == 16 and original.scale_max == 2
    assert (copy.name_kk, copy.scale_min, copy.scale_max) == ("Қысқа парақ", 1, 3)
    assert [c.text_kk for c in copy.criteria] == [
        "Мақсат қою: оқу мақсаттары мен сабақ мақсаттарының нақтылығы",
        "Сабақ мақсаты",
    ]
    assert sheets(ctx, lesson_id)[0] == before  # the filled sheet keeps its copy
    # the editor of a set in use says its sheets will not change
    editor = CriteriaSetDialog(ctx, original.id)
    qtbot.addWidget(editor)
    note = editor.findChild(type(editor.general_error), "keeps_sheets_note").text()
    assert note.startswith("1 filled sheet uses this set. It keeps the criteria and the scale")


def test_a_new_sheet_follows_the_chosen_set_and_its_scale(qtbot, monkeypatch, ctx, tab, school) -> None:
    lesson_id = plan(ctx, school)
    with ctx.transaction() as s:
        short = criteria.save_set(
            s,
            criteria.CriteriaSetInput(
                name_kk="Қысқа",
                name_ru="Краткий",
                scale_min=1,
                scale_max=3,
                criteria=[criteria.CriterionInput("Бір", "Один"), criteria.CriterionInput("Екі", "Два")],
            ),
        )
    tab.reload(lesson_id)
    seen: dict[str, object] = {}

    def fill(dialog: ObservationDialog) -> None:
        dialog.set_combo.setCurrentIndex(dialog.set_combo.findData(short))
        seen["boxes"] = len(dialog.score_boxes)
        seen["legend"] = dialog.legend.text()
        dialog.observer.setEditText("Қонақ")
        dialog.score_boxes[0].setText("0")
        click(qtbot, save_button(dialog))
        seen["refused"] = dialog.scores_error.text()
        dialog.score_boxes[0].setText("3")

    answer(monkeypatch, ObservationDialog, fill)
    click(qtbot, tab.panel.add_sheet_button)
    assert seen["boxes"] == 2
    assert str(seen["legend"]).startswith("Scores from 1 to 3")
    assert seen["refused"] == "The score for criterion 1 must be from 1 to 3."
    [sheet] = sheets(ctx, lesson_id)
    assert (sheet.criteria_set_id, sheet.total, sheet.max_total) == (short, 3, 6)
