"""Help → Guide (F1): the short guide in Kazakh or Russian, offline, with this
computer's data, backup and log folders filled in; the language can be
switched inside the guide without changing the program's."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from metodesk import logs, paths
from metodesk.i18n import _, language
from metodesk.ui.guide_text import GUIDE

LANGUAGES = (("kk", "Қазақша"), ("ru", "Русский"))


def guide_html(lang: str) -> str:
    """The guide in ``lang`` (Russian for any other language), folders filled in."""
    from metodesk.services.backups import backups_dir

    text = GUIDE.get(lang, GUIDE["ru"])
    return text.format(
        data=html.escape(str(paths.data_dir())),
        backups=html.escape(str(backups_dir(paths.database_path()))),
        log=html.escape(str(logs.log_path())),
    )


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuideDialog")
        self.setWindowTitle(_("metodesk guide"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        caption = QLabel(_("Language of the guide"))
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("guide_language")
        for code, name in LANGUAGES:
            self.lang_combo.addItem(name, code)
        caption.setBuddy(self.lang_combo)
        top.addWidget(caption)
        top.addWidget(self.lang_combo)
        top.addStretch(1)
        layout.addLayout(top)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.lang_combo.currentIndexChanged.connect(self._show)
        chosen = lang or language()
        self.lang_combo.setCurrentIndex(max(self.lang_combo.findData(chosen if chosen in GUIDE else "ru"), 0))
        self._show()
        self.resize(760, 620)

    def _show(self) -> None:
        self.browser.setHtml(guide_html(str(self.lang_combo.currentData())))


def show_guide(parent: QWidget | None = None) -> GuideDialog:
    """Open the guide beside the window (not modal: it can stay open while working)."""
    dialog = GuideDialog(parent)
    dialog.show()
    return dialog
