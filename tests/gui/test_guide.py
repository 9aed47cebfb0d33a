"""Issue 19.12: F1 and Help → Guide open a short guide inside the program, in
Kazakh and in Russian, offline, naming this computer's data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from metodesk import paths
from metodesk.i18n import set_language
from metodesk.ui.dialogs.guide import GuideDialog, guide_html
from metodesk.ui.guide_text import GUIDE
from metodesk.ui.main_window import TABS, MainWindow


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("kk", ("Педагогтер", "Тамыз", "Сақтық көшірмелер", "Жаңа компьютерге көшу", "Баптаулар")),
        ("ru", ("Педагоги", "Август", "Резервные копии", "Переезд на новый компьютер", "Настройки")),
    ],
)
def test_the_guide_covers_tabs_year_data_backups_and_moving(lang: str, words: tuple[str, ...]) -> None:
    text = guide_html(lang)
    for word in words:
        assert word in text
    assert str(paths.data_dir()) in text
    assert "{" not in text  # every folder filled in
    assert f"Alt+{len(TABS) % 10}" in text  # Alt+1 … Alt+9, then Alt+0 for a tenth tab


def test_both_languages_have_the_same_sections() -> None:
    import re

    anchors = {lang: re.findall(r'id="(\w+)"', text) for lang, text in GUIDE.items()}
    assert anchors["kk"] == anchors["ru"] == ["tabs", "year", "data", "backup", "move", "keys"]


def test_f1_opens_the_guide_in_the_program_language(qtbot) -> None:
    set_language("ru")
    window = MainWindow()  # the shell: the guide needs no data
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog) and w.isVisible())
    qtbot.addWidget(guide)
    assert guide.lang_combo.currentData() == "ru"
    assert "краткое руководство" in guide.browser.toPlainText()
    guide.lang_combo.setCurrentIndex(guide.lang_combo.findData("kk"))
    assert "қысқаша нұсқаулық" in guide.browser.toPlainText()
    assert window.guide_action.text() == "&Руководство"
