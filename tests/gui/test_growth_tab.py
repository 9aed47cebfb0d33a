"""The Professional growth tab and the teacher's portfolio, driven as a user
would on the demo school: the year's events listed and filtered by form, a new
event refused in place (no date, a date of another year) and then saved with
its participants, an olympiad result with a bad grade refused under its field,
deleting after the question, and the portfolio opened from the Teachers tab
with a self-education topic added and the document previewed."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from metodesk.i18n import set_language
from metodesk.services import growth, growth_events
from metodesk.storage.models import GrowthEvent, Teacher
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.growth_event import EventDialog
from metodesk.ui.dialogs.growth_records import ExperienceDialog, OlympiadDialog, SelfEducationDialog
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog as KindPreviewDialog
from metodesk.ui.dialogs.portfolio import PortfolioDialog
from metodesk.ui.tabs.growth import GrowthTab
from metodesk.ui.tabs.teachers import TeachersTab

TODAY = dt.date(2026, 2, 10)
SHOTS = os.environ.get("METODESK_SHOTS")  # a folder: the test also saves screenshots there


@pytest.fixture
def ctx(demo_database):
    return AppContext(demo_database(TODAY))


@pytest.fixture
def tab(qtbot, ctx):
    widget = GrowthTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.ensure_loaded()
    return widget


def answer(monkeypatch, dialog_class: type, *steps: Callable) -> list:  # type: ignore[type-arg]
    """Each step fills the dialog, then Save is pressed; it ends when a press is accepted."""
    opened: list = []  # type: ignore[type-arg]

    def fake_exec(dialog) -> int:
        opened.append(dialog)
        for step in steps:
            step(dialog)
            dialog.accept()
            if dialog.result():
                break
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return opened


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_events_listed_filtered_added_and_deleted(qtbot, tab, ctx, monkeypatch) -> None:
    page = tab.events
    assert page.model.rowCount() >= 5
    shot(tab, "growth_events")
    combo = page.filters["form"]
    combo.setCurrentIndex(combo.findData("master_class"))
    assert page.model.rowCount() == 1
    combo.setCurrentIndex(0)

    seen_errors: list[str] = []

    def no_date(d: EventDialog) -> None:
        d.title_edit.setText("Әдістемелік апталық")
        d.form_combo.setCurrentIndex(d.form_combo.findData("subject_week"))

    def wrong_year(d: EventDialog) -> None:
        seen_errors.append(d._errors["start_date"].text())
        d.start_date.setText("01.03.2027")

    def right(d: EventDialog) -> None:
        seen_errors.append(d._errors["start_date"].text())
        d.start_date.setText("02.03.2026")
        d.end_date.setText("06.03.2026")
        d.participants.add_row()
        teacher = d.participants.table.cellWidget(0, 0)
        teacher.setCurrentIndex(teacher.findText("Ибраев Ілияс Қанатұлы"))
        role = d.participants.table.cellWidget(0, 1)
        role.setCurrentIndex(role.findData("organiser"))

    opened = answer(monkeypatch, EventDialog, no_date, wrong_year, right)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen_errors[0] == "Enter the date of the event."
    assert "2025-2026" in seen_errors[1]
    assert opened[0].saved_id is not None
    with ctx.reading() as s:
        row = growth_events.get_event(s, opened[0].saved_id)
    assert row.dates == (dt.date(2026, 3, 2), dt.date(2026, 3, 6))
    assert [(p.teacher, p.role) for p in row.participants] == [("Ибраев І.Қ.", "organiser")]
    chosen = page.table.selectionModel().selectedRows()[0]
    assert chosen.data() == "02.03.2026 – 06.03.2026"

    monkeypatch.setattr(common, "confirm", lambda parent, question: "Әдістемелік апталық" in question)
    tab.delete_selected()
    with ctx.reading() as s:
        assert s.get(GrowthEvent, opened[0].saved_id) is None


def test_olympiad_grade_refused_under_its_field(qtbot, tab, ctx, monkeypatch) -> None:
    tab.pages_widget.setCurrentIndex(1)
    page = tab.olympiads
    before = page.model.rowCount()
    assert before >= 5
    errors: list[str] = []

    def bad(d: OlympiadDialog) -> None:
        d.pupil.setText("Жаңа Оқушы")
        d.grade.setText("14")
        d.subject.setCurrentIndex(1)
        d.teacher.setCurrentIndex(1)

    def good(d: OlympiadDialog) -> None:
        errors.append(d._errors["grade"].text())
        d.grade.setText("11")

    answer(monkeypatch, OlympiadDialog, bad, good)
    tab.new_record()
    assert errors == ["Enter the grade: a whole number from 0 to 12."]
    assert page.model.rowCount() == before + 1
    shot(tab, "growth_olympiads")


def test_portfolio_from_the_teachers_tab(qtbot, ctx, monkeypatch) -> None:
    teachers_tab = TeachersTab(ctx)
    qtbot.addWidget(teachers_tab)
    teachers_tab.show()
    teachers_tab.ensure_loaded()
    with ctx.reading() as s:
        tid = s.scalar(select(Teacher.id).where(Teacher.surname == "Серікбаев"))  # another school: no topic
    assert teachers_tab.select_teacher(tid)
    assert teachers_tab.portfolio_button.isEnabled()
    shown: list[PortfolioDialog] = []

    def fake_exec(dialog: PortfolioDialog) -> int:
        shown.append(dialog)
        # the window speaks English: the portfolio shows the document's words, Kazakh by default
        assert dialog.view.toPlainText().count("Жазба жоқ.") >= 6

        def topic(d: SelfEducationDialog) -> None:
            assert not d.teacher.isEnabled()
            d.topic.setText("Математикалық сауаттылық")

        answer(monkeypatch, SelfEducationDialog, topic)
        dialog.self_button.click()
        assert "Математикалық сауаттылық" in dialog.view.toPlainText()
        previews: list[KindPreviewDialog] = []
        monkeypatch.setattr(KindPreviewDialog, "exec", lambda d: previews.append(d) or 0)
        dialog.preview_button.click()
        assert previews and previews[0].pdf.startswith(b"%PDF")
        assert set(previews[0].save_buttons) == set(previews[0].kind.formats)
        return 0

    monkeypatch.setattr(PortfolioDialog, "exec", fake_exec)
    teachers_tab.portfolio_button.click()
    assert shown
    with ctx.reading() as s:
        assert [r.topic for r in growth.list_self_education(s, teacher_id=tid)] == ["Математикалық сауаттылық"]


def test_the_course_needs_plan_from_the_tab(tab, monkeypatch) -> None:
    previews: list[KindPreviewDialog] = []
    monkeypatch.setattr(KindPreviewDialog, "exec", lambda d: previews.append(d) or 0)
    tab.courses_button.click()
    assert previews and previews[0].kind.key == "courses-plan"
    assert previews[0].request == {"from": 2025, "years": 5}
    assert previews[0].pdf.startswith(b"%PDF") and len(previews[0].save_buttons) == 3
    if SHOTS:
        previews[0].resize(900, 700)
        previews[0].show()
        shot(previews[0], "courses_preview")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_tab_in_each_language(qtbot, ctx, lang: str) -> None:
    set_language(lang)
    try:
        widget = GrowthTab(ctx)
        qtbot.addWidget(widget)
        widget.resize(1100, 650)
        widget.show()
        widget.ensure_loaded()
        assert widget.title() == {"kk": "Кәсіби өсу", "ru": "Профессиональный рост"}[lang]
        labels = [widget.events.model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)]
        assert all(labels)
        forms = {widget.events.model.index(r, 2).data() for r in range(widget.events.model.rowCount())}
        assert {"kk": "Шеберлік сынып", "ru": "Мастер-класс"}[lang] in forms
        shot(widget, f"growth_{lang}")
        for index in range(4):
            widget.pages_widget.setCurrentIndex(index)
            shot(widget, f"growth_{lang}_{index}")
        with ctx.reading() as s:
            tid = s.scalar(select(Teacher.id).where(Teacher.surname == "Нұрғалиева"))
        dialog = PortfolioDialog(ctx, tid)
        qtbot.addWidget(dialog)
        dialog.show()
        text = dialog.view.toPlainText()
        assert {"kk": "Өздігінен білім алу", "ru": "Самообразование"}[lang] in text
        shot(dialog, f"portfolio_{lang}")
        event = EventDialog(ctx, widget.year_id(), widget.events.model.row_at(0))
        qtbot.addWidget(event)
        event.show()
        shot(event, f"event_dialog_{lang}")
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_dialogs_fit_a_small_screen(qtbot, ctx, tab, lang: str) -> None:
    """Every growth dialog fits 1024x768 less a panel, in both languages."""
    set_language(lang)
    try:
        year = tab.year_id()
        with ctx.reading() as s:
            tid = s.scalar(select(Teacher.id).where(Teacher.surname == "Нұрғалиева"))
        dialogs = [
            EventDialog(ctx, year, tab.events.model.row_at(0)),
            OlympiadDialog(ctx, year),
            ExperienceDialog(ctx, year),
            SelfEducationDialog(ctx, year),
            PortfolioDialog(ctx, tid),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
            assert hint.width() <= 1024 and hint.height() <= 728, (type(dialog).__name__, hint)
    finally:
        set_language("en")
