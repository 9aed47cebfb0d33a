"""The first-start dialog and what startup does with its answers."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from metodesk import config, paths
from metodesk.i18n import language
from metodesk.services import organisations, teachers
from metodesk.ui.dialogs.first_run import FirstRunDialog


@pytest.fixture
def dialog(qtbot, db):
    widget = FirstRunDialog(db, "en")
    qtbot.addWidget(widget)
    return widget


def shown_error(widget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    return "" if label.isHidden() else label.text()


def test_creating_an_organisation_makes_it_ours(dialog, db):
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("college"))
    dialog.name_ru.setText("  Колледж №3 ")
    dialog.start_button.click()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.chosen_language == "ru"
    with db.reading() as s:
        ours = organisations.ours(s)
    assert ours is not None
    assert (ours.name_ru, ours.name_kk, ours.kind) == ("Колледж №3", "Колледж №3", "college")


def test_empty_names_refused_in_the_dialog(dialog, db):
    dialog.name_kk.setText("   ")
    dialog.start_button.click()
    assert shown_error(dialog, "name_kk_error") == "Enter the organisation's name in Kazakh or in Russian."
    assert dialog.result() != FirstRunDialog.DialogCode.Accepted
    with db.reading() as s:
        assert organisations.list_organisations(s) == []
    dialog.name_kk.setText("№1 мектеп")
    dialog.start_button.click()
    assert shown_error(dialog, "name_kk_error") == ""
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_demo_button_fills_the_demo_school(dialog, db):
    demo = pytest.importorskip("metodesk.services.demo")
    if not hasattr(demo, "fill_demo"):
        pytest.skip("metodesk.services.demo.fill_demo is not written yet")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("kk"))
    dialog.demo_button.click()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.chosen_language == "kk"
    with db.reading() as s:
        ours = organisations.ours(s)
        assert ours is not None and ours.name_kk
        assert len(teachers.list_teachers(s)) >= 5


def test_dialog_follows_the_language_combo(dialog):
    catalog = paths.translations_dir() / "ru" / "LC_MESSAGES" / "metodesk.mo"
    if not catalog.exists():
        pytest.skip("the Russian catalog is not compiled here")
    english = dialog.windowTitle()
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    assert dialog.windowTitle() != english
    assert language() == "en"  # the program's language changes only after the dialog
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.windowTitle() == english


def _answer_first_run(monkeypatch, lang: str, name: str) -> None:
    def fake_exec(self):
        self.language_combo.setCurrentIndex(self.language_combo.findData(lang))
        self.name_kk.setText(name)
        self.create_organisation()
        return self.result()

    monkeypatch.setattr(FirstRunDialog, "exec", fake_exec)


def test_startup_records_and_applies_the_chosen_language(qapp, monkeypatch):
    from metodesk.ui import startup

    installed: list[str] = []
    monkeypatch.setattr("metodesk.app.install_qt_resources", lambda app: installed.append(language()))
    _answer_first_run(monkeypatch, "ru", "Ақсу мектебі")
    window = startup.open_main_window(QApplication.instance())
    try:
        assert window.isVisible() and window.current_tab().model.rowCount() == 0
        # the window's shell was shown in English before the question; it now speaks Russian
        assert window.tabs_widget.tabText(0) == "Педагоги"
        assert window.findChild(QMenu, "file_menu").title() == "&Файл"
        assert config.saved_language() == "ru"
        assert language() == "ru"
        assert installed == ["ru"]
        with window.ctx.reading() as s:
            assert organisations.ours(s).name_kk == "Ақсу мектебі"
    finally:
        window.close()
        window.ctx.db.close()


def test_startup_with_explicit_language_does_not_save_it(qapp, monkeypatch):
    from metodesk.ui import startup

    monkeypatch.setattr("metodesk.app.install_qt_resources", lambda app: None)
    _answer_first_run(monkeypatch, "en", "Ақсу мектебі")
    window = startup.open_main_window(QApplication.instance(), explicit_language="en")
    try:
        assert config.saved_language() is None
        assert language() == "en"
    finally:
        window.close()
        window.ctx.db.close()


def test_startup_stops_when_the_dialog_is_cancelled(qapp, monkeypatch):
    from metodesk.ui import startup

    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: FirstRunDialog.DialogCode.Rejected)
    assert startup.open_main_window(QApplication.instance()) is None
    assert config.saved_language() is None


def test_a_refusal_follows_the_language_switched_to(dialog, db):
    """Issue 19.9: the error stayed Kazakh after the dialog was switched to Russian."""
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("kk"))
    dialog.start_button.click()
    kazakh = shown_error(dialog, "name_kk_error")
    assert kazakh and kazakh != "Enter the organisation's name in Kazakh or in Russian."
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    russian = shown_error(dialog, "name_kk_error")
    assert russian and russian != kazakh and "организации" in russian
    with db.reading() as s:
        assert organisations.list_organisations(s) == []
