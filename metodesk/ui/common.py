"""Small dialogs every screen uses: an error sentence, a yes/no question."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from metodesk.i18n import _


def show_error(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, _("metodesk"), message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.exec()


def show_info(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, _("metodesk"), message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("info_box")
    box.exec()


def confirm(parent: QWidget | None, question: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("metodesk"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("confirm_box")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
