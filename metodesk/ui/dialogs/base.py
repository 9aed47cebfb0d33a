"""A form dialog that saves in one transaction and shows a refused field's
sentence right under that field."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.ui.context import AppContext


class FormDialog(QDialog):
    """Subclasses add rows with ``add_field`` and implement ``save(session)``,
    which returns the saved record's id or raises DomainError."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.setWindowTitle(title)
        self.setObjectName(type(self).__name__)
        self._errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        self.general_error = self._error_label("general_error")
        outer.addWidget(self.general_error)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("dialog_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        geometry = ctx.settings.value(f"dialogs/{type(self).__name__}")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet("color: #b00020;")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def add_field(self, label: str, widget: QWidget, field: str) -> QWidget:
        """Add a labelled field with its own error line beneath it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._error_label(f"{field}_error")
        column.addWidget(error)
        self._errors[field] = error
        self.form.addRow(label, holder)
        return widget

    def clear_errors(self) -> None:
        self.general_error.hide()
        for label in self._errors.values():
            label.hide()

    def show_domain_error(self, err: DomainError) -> None:
        target = self._errors.get(err.field or "", self.general_error)
        target.setText(err.message)
        target.show()

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        """Write the dialog's values; subclasses override."""
        return None

    def accept(self) -> None:
        self.clear_errors()
        try:
            with self.ctx.transaction() as session:
                self.saved_id = self.save(session)
        except DomainError as err:
            self.show_domain_error(err)
            return
        self.ctx.settings.setValue(f"dialogs/{type(self).__name__}", self.saveGeometry())
        super().accept()

    def reject(self) -> None:
        self.ctx.settings.setValue(f"dialogs/{type(self).__name__}", self.saveGeometry())
        super().reject()
