"""A titled list of an agenda item's parts (who spoke, decisions, documents)
with Add / Edit / Remove buttons, as the meeting editor shows them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout

from metodesk.i18n import _

ERROR_STYLE = "color: #b00020;"
MIN_LINES, MAX_LINES = 3, 14
WRAP = int(Qt.TextFlag.TextWordWrap)


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.clicked.connect(slot)
    return widget


class RowList(QGroupBox):
    """A titled list (speeches, decisions, documents) with Add / Edit / Remove."""

    edit_requested = Signal(int)  # row, or -1 for a new one
    remove_requested = Signal(int)

    def __init__(self, name: str, title: str, add_text: str) -> None:
        super().__init__(title)
        self.setObjectName(f"{name}_box")
        column = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName(f"{name}_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * MIN_LINES + 12)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.currentRowChanged.connect(self._update)
        column.addWidget(self.list)
        self.error = error_label(f"{name}_error")
        column.addWidget(self.error)
        self.row = QHBoxLayout()
        self.add_button = button(f"{name}_add_button", add_text, self._add)
        self.edit_button = button(f"{name}_edit_button", _("Edit…"), self._edit)
        self.remove_button = button(f"{name}_remove_button", _("Remove"), self._remove)
        for widget in (self.add_button, self.edit_button, self.remove_button):
            self.row.addWidget(widget)
        self.row.addStretch(1)
        column.addLayout(self.row)
        self._update()

    def set_texts(self, texts: list[str]) -> None:
        current = self.list.currentRow()
        self.list.clear()
        self.list.addItems(texts)
        if texts:
            self.list.setCurrentRow(min(max(current, 0), len(texts) - 1))
        self._fit()
        self._update()

    def _fit(self) -> None:
        """As tall as the rows need (within limits), so the page scrolls, not the list."""
        line = self.list.fontMetrics().lineSpacing()
        width = max(self.list.viewport().width(), 200)
        needed = 0
        for row in range(self.list.count()):
            text = self.list.item(row).text()
            needed += self.list.fontMetrics().boundingRect(0, 0, width - 8, 10000, WRAP, text).height() + 6
        self.list.setFixedHeight(min(max(needed, line * MIN_LINES), line * MAX_LINES) + 12)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit()

    def _update(self, _row: int = 0) -> None:
        chosen = self.list.currentRow() >= 0
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _double_clicked(self, _item: object) -> None:
        self._edit()

    def _add(self) -> None:
        self.edit_requested.emit(-1)

    def _edit(self) -> None:
        if self.list.currentRow() >= 0:
            self.edit_requested.emit(self.list.currentRow())

    def _remove(self) -> None:
        if self.list.currentRow() >= 0:
            self.remove_requested.emit(self.list.currentRow())
