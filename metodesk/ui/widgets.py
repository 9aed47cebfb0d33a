"""Reusable input widgets: a search box, an optional date field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.i18n.dates import parse_short_date, short_date


class SearchBox(QLineEdit):
    """A search field that reports its text after a short pause in typing."""

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_box")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(_("Search (Ctrl+F)"))
        self.setToolTip(_("Type part of a name; capital letters and i/і do not matter."))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.text()))
        self.textChanged.connect(lambda _text: self._timer.start())

    def flush(self) -> None:
        """Report the current text now (tests and Enter)."""
        self._timer.stop()
        self.search_changed.emit(self.text())


class DateField(QLineEdit):
    """A date typed as 28.08.2025; may be left empty when the field is optional."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(field)
        self.setPlaceholderText(_("dd.mm.yyyy"))
        self.setMaxLength(10)
        self.editingFinished.connect(self._show_dots)

    def _show_dots(self) -> None:
        """Show eight typed digits ("25052022") as 25.05.2022 once the field is left."""
        text = self.text().strip()
        if len(text) == 8 and text.isdigit():
            self.setText(f"{text[:2]}.{text[2:4]}.{text[4:]}")

    def set_date(self, value: dt.date | None) -> None:
        self.setText(short_date(value))

    def date(self) -> dt.date | None:
        """The date typed, None when empty; a DomainError for this field when
        unreadable. Eight digits without dots ("25052022") are read as dd.mm.yyyy."""
        text = self.text().strip()
        if len(text) == 8 and text.isdigit():
            text = f"{text[:2]}.{text[2:4]}.{text[4:]}"
        try:
            return parse_short_date(text)
        except ValueError:
            raise DomainError(
                _("Write the date as day.month.year, for example 28.08.2025."), field=self.field
            ) from None
