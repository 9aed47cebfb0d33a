"""The whole window on a temporary data folder: start, first-run, tabs, shortcuts, restart."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTableView

from metodesk import paths
from metodesk.ui.dialogs.first_run import FirstRunDialog
from metodesk.ui.startup import open_main_window


@pytest.fixture
def demo_folder(demo_database):
    demo_database().close()  # what fill_demo(session) makes
    return paths.data_dir()


def _index(window, class_name: str) -> int:
    """Where a tab is, whatever tabs come before it."""
    return next(i for i, tab in enumerate(window.tabs) if type(tab).__name__ == class_name)


def _close(window) -> None:
    window.close()
    window.ctx.db.close()


def test_window_opens_on_demo_school_with_every_tab(qtbot, demo_folder) -> None:
    window = open_main_window(QApplication.instance())
    qtbot.addWidget(window)
    titles = [window.tabs_widget.tabText(i) for i in range(window.tabs_widget.count())]
    # the tabs of later issues go between the plans and the settings
    assert titles[:4] == ["Teachers", "Associations", "Annual plans", "Open lessons"]
    assert titles[-1] == "Settings"
    assert titles[-2] == "Attestation"
    assert titles.index("Annual plans") < titles.index("Mentoring") < titles.index("Settings")
    assert window.isVisible()
    for index in range(window.tabs_widget.count()):
        window.tabs_widget.setCurrentIndex(index)
        qtbot.wait(10)
    window.tabs_widget.setCurrentIndex(0)
    table = window.tabs[0].findChild(QTableView)
    assert table.model().rowCount() == 15
    assert "Ақсу" in window.findChild(type(window._status_label), "status_context").text()
    _close(window)


def test_ctrl_f_focuses_the_search_box(qtbot, demo_folder) -> None:
    window = open_main_window(QApplication.instance())
    qtbot.addWidget(window)
    window.activateWindow()
    window.find_action.trigger()
    from metodesk.ui.widgets import SearchBox

    search = window.tabs[0].findChild(SearchBox, "search_box")
    assert search is not None
    qtbot.waitUntil(search.hasFocus, timeout=1000)
    _close(window)


def test_window_remembers_its_size(qtbot, demo_folder) -> None:
    window = open_main_window(QApplication.instance())
    qtbot.addWidget(window)
    window.resize(720, 520)
    remembered = (window.width(), window.height())
    window.tabs_widget.setCurrentIndex(1)
    _close(window)
    again = open_main_window(QApplication.instance())
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == remembered
    assert again.tabs_widget.currentIndex() == 1
    _close(again)


def test_first_start_asks_and_creates_our_organisation(qtbot, monkeypatch) -> None:
    def answer(dialog: FirstRunDialog) -> int:
        dialog.name_kk.setText("  Қарабұлақ орта мектебі ")
        dialog.create_organisation()
        return FirstRunDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    window = open_main_window(QApplication.instance())
    qtbot.addWidget(window)
    assert "Қарабұлақ орта мектебі" in window._status_label.text()
    _close(window)


def test_cancelled_first_start_opens_nothing(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: FirstRunDialog.DialogCode.Rejected)
    assert open_main_window(QApplication.instance()) is None


def test_newer_database_gets_a_sentence_not_a_traceback(qtbot, monkeypatch, demo_folder) -> None:
    from sqlalchemy import text

    from metodesk.storage.engine import make_engine

    engine = make_engine(paths.database_path())
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    engine.dispose()
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", lambda *args: shown.append(args[2]))
    assert open_main_window(QApplication.instance()) is None
    assert shown and "newer version" in shown[0]


def test_closing_saves_our_organisations_unsaved_edits(qtbot, demo_folder) -> None:
    from metodesk.services import organisations

    window = open_main_window(QApplication.instance())
    qtbot.addWidget(window)
    settings = window.tabs[_index(window, "SettingsTab")]
    window.tabs_widget.setCurrentIndex(_index(window, "SettingsTab"))
    settings.our_page.fields.district.setText("Іле ауданы")
    window.close()
    assert not window.isVisible()
    with window.ctx.db.reading() as session:
        assert organisations.ours(session).district == "Іле ауданы"
    window.ctx.db.close()


def test_closing_with_a_refused_edit_keeps_the_window_open(qtbot, demo_folder) -> None:
    window = open_main_window(QApplication.instance())
    qtbot.addWidget(window)
    window.tabs_widget.setCurrentIndex(_index(window, "SettingsTab"))
    settings = window.tabs[_index(window, "SettingsTab")]
    settings.our_page.fields.name_kk.setText("")
    settings.our_page.fields.name_ru.setText("")
    window.tabs_widget.setCurrentIndex(0)
    window.close()
    assert window.isVisible()
    assert window.tabs_widget.currentIndex() == _index(window, "SettingsTab")
    settings.our_page.reload()
    _close(window)
