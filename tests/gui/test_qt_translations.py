"""Qt's own buttons speak the interface language; the program's fonts are registered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from metodesk.app import install_qt_resources, install_qt_translator
from metodesk.i18n import set_language


@pytest.fixture
def app(qapp):
    """The application, with its font, style sheet and Qt catalog put back afterwards."""
    font, style = qapp.font(), qapp.styleSheet()
    yield qapp
    install_qt_translator(qapp, "en")
    qapp.setFont(font)
    qapp.setStyleSheet(style)


@pytest.mark.parametrize(("lang", "cancel"), [("kk", "Бас тарту"), ("ru", "Отмена"), ("en", "Cancel")])
def test_standard_buttons_follow_the_language(app: QApplication, lang: str, cancel: str) -> None:
    set_language(lang)
    install_qt_resources(app)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == cancel


def test_switching_language_replaces_the_qt_catalog(app: QApplication) -> None:
    assert install_qt_translator(app, "kk")
    assert install_qt_translator(app, "ru")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Отмена"


def test_dejavu_is_registered(app: QApplication) -> None:
    install_qt_resources(app)
    families = QFontDatabase.families()
    assert "DejaVu Sans" in families and "DejaVu Serif" in families
