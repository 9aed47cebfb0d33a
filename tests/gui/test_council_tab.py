"""The Methodical council tab driven as a user would: set the council up (the
deputy becomes its chair), add a member, give roles, record the director's
order, see its meetings and the documents it reviewed, preview the protocol
and the register; in Kazakh and Russian."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from metodesk.i18n import set_language
from metodesk.services import council, teachers, years
from metodesk.services.teachers import TeacherInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog as KindPreviewDialog
from metodesk.ui.dialogs.member import MemberPickerDialog
from metodesk.ui.models import ROW_ROLE
from metodesk.ui.tabs.council import CouncilTab

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def tab(qtbot, db, ours):
    with db.transaction() as s:
        for surname, position in (("Әбенова", "deputy"), ("Бекова", "teacher")):
            teachers.save_teacher(
                s,
                TeacherInput(surname=surname, first_name="Айгүл", organisation_id=ours, position=position),
                today=TODAY,
            )
    widget = CouncilTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.ensure_loaded()
    return widget


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def select(view, match) -> None:  # type: ignore[no-untyped-def]
    proxy = view.model()
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if match(index.data(ROW_ROLE)):
            view.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            return
    raise AssertionError("no such row")


def test_set_up_roles_and_the_order(qtbot, monkeypatch, tab, db) -> None:
    assert tab.stack.currentIndex() == 0 and tab.setup_button.isEnabled()
    click(qtbot, tab.setup_button)
    assert tab.stack.currentIndex() == 1
    assert tab.composition.chair_label.text() == "Әбенова Айгүл"  # the deputy chairs it

    def pick(dialog: MemberPickerDialog) -> None:
        select(dialog.table, lambda t: t.surname == "Бекова")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    monkeypatch.setattr(MemberPickerDialog, "exec", lambda d: pick(d) or d.result())
    click(qtbot, tab.composition.add_button)
    select(tab.composition.table, lambda m: m.full_name.startswith("Бекова"))
    click(qtbot, tab.composition.secretary_button)
    assert tab.composition.secretary_label.text() == "Бекова Айгүл"
    tab.composition.order_number.setText("45-н")
    tab.composition.order_date.setText("25.08.2025")
    click(qtbot, tab.composition.save_basis_button)
    with db.reading() as s:
        year = years.current_year(s)
        assert year is not None
        detail = council.get_council(s, council.find_council(s, year.id) or 0)
    assert (detail.order_number, detail.order_date) == ("45-н", dt.date(2025, 8, 25))
    assert "45-н" in tab.basis_label.text()


def test_a_wrong_order_date_is_one_sentence_and_nothing_saved(qtbot, monkeypatch, tab, db) -> None:
    click(qtbot, tab.setup_button)
    shown: list[str] = []
    monkeypatch.setattr("metodesk.ui.common.show_error", lambda parent, message: shown.append(message))
    tab.composition.order_number.setText("45")
    tab.composition.order_date.setText("32.13.2025")
    click(qtbot, tab.composition.save_basis_button)
    assert shown == ["Write the date as day.month.year, for example 28.08.2025."]
    with db.reading() as s:
        year = years.current_year(s)
        assert year is not None
        assert council.get_council(s, council.find_council(s, year.id) or 0).order_number == ""


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_demo_council_shows_meetings_documents_and_previews(qtbot, monkeypatch, demo_database, lang, tmp_path) -> None:
    set_language(lang)
    database = demo_database(TODAY)
    widget = CouncilTab(AppContext(database))
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.ensure_loaded()
    assert widget.stack.currentIndex() == 1
    assert widget.meetings_page.model.rowCount() == 5
    assert widget.documents_page.model.rowCount() >= 3
    titles = {"kk": "Әдістемелік кеңес", "ru": "Методический совет"}
    assert widget.title() == titles[lang]
    previews: list[str] = []
    monkeypatch.setattr(KindPreviewDialog, "exec", lambda d: previews.append(d.windowTitle()) or 0)
    widget.pages.setCurrentWidget(widget.meetings_page)
    widget.meetings_page.table.selectRow(0)
    click(qtbot, widget.meetings_page.protocol_button)
    click(qtbot, widget.documents_page.print_button)
    assert len(previews) == 2 and all(previews)
    for index in range(widget.pages.count()):
        widget.pages.setCurrentIndex(index)
        widget.grab().save(str(tmp_path / f"council-{lang}-{index}.png"))
    database.close()
    set_language("en")


def test_the_school_plan_page_reopens_adds_a_row_and_previews(qtbot, monkeypatch, demo_database) -> None:
    from PySide6.QtWidgets import QInputDialog

    from metodesk.ui.dialogs.school_plan import PlanRowDialog

    database = demo_database(TODAY)
    widget = CouncilTab(AppContext(database))
    qtbot.addWidget(widget)
    widget.show()
    widget.ensure_loaded()
    page = widget.school_plan_page
    widget.pages.setCurrentWidget(page)
    assert page.data is not None and page.data.status == "approved"
    assert not page.add_row_button.isEnabled() and page.reopen_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Жаңа бұйрық", True))
    click(qtbot, page.reopen_button)
    assert page.data.status == "considered" and page.add_row_button.isEnabled()
    before = page.model.rowCount()

    def fill(dialog: PlanRowDialog) -> None:
        dialog.content.setPlainText("Оқушылардың функционалдық сауаттылығын тексеру")
        dialog.dates.setText("наурыз")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    monkeypatch.setattr(PlanRowDialog, "exec", lambda d: fill(d) or d.result())
    click(qtbot, page.add_row_button)
    assert page.model.rowCount() == before + 1
    previews: list[str] = []
    monkeypatch.setattr(KindPreviewDialog, "exec", lambda d: previews.append(d.windowTitle()) or 0)
    click(qtbot, page.preview_button)
    assert previews and "2025-2026" in previews[0]
    database.close()


def test_the_analysis_page_saves_the_words_and_previews(qtbot, monkeypatch, demo_database) -> None:
    from metodesk.services import year_analysis

    database = demo_database(TODAY)
    widget = CouncilTab(AppContext(database))
    qtbot.addWidget(widget)
    widget.show()
    widget.ensure_loaded()
    page = widget.analysis_page
    widget.pages.setCurrentWidget(page)
    assert "14" in page.figures.text() and page.next_tasks.toPlainText()  # 9 association and 5 council meetings
    # the demo's 6 events (3 teachers spoke), 6 olympiad results (5 prize places), 2 experience entries
    assert re.findall(r"\d+", page.figures.text().split("\n")[1]) == ["6", "3", "6", "5", "2"]
    assert sum(v for _l, v in page.category_chart.bars()) == page.data.staff
    assert len(page.months_chart.bars()) == 9 and page.completion_chart.bars()
    page.conclusions.setPlainText("Жаңа қорытынды")
    page.ped_number.setText("5")
    page.ped_date.setText("28.05.2026")
    click(qtbot, page.save_button)
    with database.reading() as s:
        year = years.current_year(s)
        assert year is not None
        data = year_analysis.analysis_data(s, year.id)
    assert (data.conclusions, data.pedcouncil_number) == ("Жаңа қорытынды", "5")
    previews: list[str] = []
    monkeypatch.setattr(KindPreviewDialog, "exec", lambda d: previews.append(d.windowTitle()) or 0)
    click(qtbot, page.preview_button)
    assert previews
    database.close()


def test_the_overview_lists_and_opens_a_meeting(qtbot, monkeypatch, demo_database) -> None:
    from metodesk.ui.dialogs.meeting import MeetingDialog
    from metodesk.ui.tabs.overview import OverviewTab

    database = demo_database(TODAY)
    widget = OverviewTab(AppContext(database))
    qtbot.addWidget(widget)
    widget.show()
    widget.ensure_loaded()
    assert widget.attention_model.rowCount() > 0 and widget.upcoming_model.rowCount() > 0
    opened: list[int] = []
    monkeypatch.setattr(MeetingDialog, "exec", lambda d: opened.append(1) or 0)
    meeting_rows = [r for r in widget.upcoming_model.rows() if r.record == "meeting"]
    assert meeting_rows
    widget.open_item(meeting_rows[0])
    assert opened == [1]
    widget.search_box.setText("zzzz-nothing")
    widget.search_box.flush()
    assert widget.attention_proxy.rowCount() == 0
    database.close()


def test_the_overview_summarises_a_long_area_and_its_line_opens_the_area(qtbot, monkeypatch, demo_database) -> None:
    """Of an area longer than the tab shows, the first items and a line
    "… and N more"; the title still counts every item; double-clicking the
    line opens the area's tab."""
    from PySide6.QtWidgets import QTabWidget, QWidget

    from metodesk.services import attention
    from metodesk.ui.tabs import overview
    from metodesk.ui.tabs.overview import OverviewTab

    monkeypatch.setattr(overview, "today", lambda: TODAY)
    monkeypatch.setattr(attention, "SHOWN_PER_AREA", 1)
    database = demo_database(TODAY)
    with database.reading() as s:
        year = years.current_year(s)
        assert year is not None
        whole = attention.attention(s, year.id, TODAY)

    widget = OverviewTab(AppContext(database))
    qtbot.addWidget(widget)
    widget.show()
    widget.ensure_loaded()
    rows = widget.attention_model.rows()
    more = [r for r in rows if r.record == attention.MORE]
    assert more and len(rows) < len(whole)
    assert {r.area for r in rows} == {r.area for r in whole}  # every kind still shown
    assert str(len(whole)) in widget.attention_title.text()
    set_language("ru")
    try:
        widget.reload()
        assert any(r.text.startswith("… и ещё ") for r in widget.attention_model.rows())
    finally:
        set_language("kk")

    # what open_item asks of the main window: its tabs (found by class name) and the tab widget
    area_tab = type(overview.AREA_TABS[more[0].area], (QWidget,), {})()
    window = QWidget()
    qtbot.addWidget(window)
    window.tabs_widget = QTabWidget(window)  # type: ignore[attr-defined]
    window.tabs = [QWidget(), area_tab]  # type: ignore[attr-defined]
    for tab in window.tabs:  # type: ignore[attr-defined]
        window.tabs_widget.addTab(tab, "")  # type: ignore[attr-defined]
    widget.setParent(window)
    widget.open_item(more[0])
    assert window.tabs_widget.currentIndex() == 1  # type: ignore[attr-defined]
    database.close()
