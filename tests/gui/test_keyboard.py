"""Issue 19.10: Ctrl+N adds on every tab that has something to add, Ctrl+F
goes to a search box on every list, and the README names the tabs' Alt keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from metodesk.services import demo
from metodesk.ui.context import AppContext
from metodesk.ui.main_window import TABS, MainWindow
from metodesk.ui.widgets import SearchBox

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def window(qtbot, db):
    with db.transaction() as s:
        demo.fill_demo(s)
    win = MainWindow(AppContext(db))
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def test_the_readme_names_as_many_alt_keys_as_there_are_tabs() -> None:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"Alt\+1 … Alt\+(\d+)( and Alt\+0)?", text)
    assert found is not None and int(found.group(1)) + (1 if found.group(2) else 0) == len(TABS)


def test_ctrl_f_goes_to_a_search_box_on_every_tab(qtbot, window) -> None:
    for index, tab in enumerate(window.tabs):
        window.tabs_widget.setCurrentIndex(index)
        if type(tab).__name__ == "SettingsTab":
            tab.section_list.setCurrentRow(tab.pages.index(tab.others_page))  # a list page
        QApplication.processEvents()
        window.find_action.trigger()
        QApplication.processEvents()
        assert isinstance(QApplication.focusWidget(), SearchBox), type(tab).__name__


def test_ctrl_n_adds_on_attestation_and_settings(qtbot, monkeypatch, window) -> None:
    from metodesk.ui.dialogs.attestation_award import AwardDialog
    from metodesk.ui.dialogs.year import YearDialog

    opened: list[str] = []
    monkeypatch.setattr(AwardDialog, "exec", lambda d: opened.append("award") or QDialog.DialogCode.Rejected)
    monkeypatch.setattr(YearDialog, "exec", lambda d: opened.append("year") or QDialog.DialogCode.Rejected)
    names = [type(t).__name__ for t in window.tabs]
    attestation = names.index("AttestationTab")
    window.tabs_widget.setCurrentIndex(attestation)
    tab = window.tabs[attestation]
    tab.table.selectRow(0)
    QApplication.processEvents()
    window.new_action.trigger()
    settings = names.index("SettingsTab")
    window.tabs_widget.setCurrentIndex(settings)
    tab = window.tabs[settings]
    tab.section_list.setCurrentRow(tab.pages.index(tab.years_page))
    QApplication.processEvents()
    window.new_action.trigger()
    assert opened == ["award", "year"]
