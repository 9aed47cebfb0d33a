"""A form dialog that saves in one transaction and shows a refused field's
sentence right under that field; it starts with the focus on its first field,
and asks before Esc, Cancel or closing throws away what was typed."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError, StorageError
from metodesk.i18n import _
from metodesk.ui.context import AppContext, is_changed_meanwhile


def _table_state(table: QTableWidget) -> tuple:
    cells = []
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            item = table.item(row, col)
            widget = table.cellWidget(row, col)
            cells.append(
                (item.text(), int(item.checkState().value)) if item is not None else None
            )
            if widget is not None:
                cells.append(widget_state(widget))
    return (table.rowCount(), tuple(cells))


def _one_state(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QLineEdit):
        return None if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)) else widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText() if not widget.isReadOnly() else None
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QTableWidget):
        return _table_state(widget)
    if isinstance(widget, QListWidget):
        return tuple(
            (widget.item(i).text(), int(widget.item(i).checkState().value)) for i in range(widget.count())
        )
    return None


def widget_state(root: QWidget) -> tuple:
    """What the user has entered in ``root``'s fields, to compare for changes."""
    return tuple(
        (child.objectName(), state)
        for child in root.findChildren(QWidget)
        if (state := _one_state(child)) is not None
    )


def fit_to_screen(dialog: QWidget) -> None:
    """Shrink a dialog larger than its screen's free area (a 1024x768 laptop
    with its panel) to that area; its own minimum size still holds."""
    screen = dialog.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width, height = min(dialog.width(), room.width()), min(dialog.height(), room.height())
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(max(width, dialog.minimumSizeHint().width()), max(height, dialog.minimumSizeHint().height()))


def ask_duplicate(parent: QWidget, existing: str) -> str:
    """Warn that ``existing`` is already saved: "open" it instead, "save" this
    one all the same, or go "back" to the form."""
    box = QMessageBox(parent)
    box.setObjectName("duplicate_question")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Already saved"))
    box.setText(_("“{name}” is already saved. Open it instead of saving another one?").format(name=existing))
    open_button = box.addButton(_("Open the saved one"), QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("open_existing_button")
    save_button = box.addButton(_("Save another"), QMessageBox.ButtonRole.DestructiveRole)
    save_button.setObjectName("save_anyway_button")
    back = box.addButton(_("Back to the form"), QMessageBox.ButtonRole.RejectRole)
    back.setObjectName("back_button")
    box.setDefaultButton(open_button)
    box.setEscapeButton(back)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_button else "save" if clicked is save_button else "back"


def ask_discard(parent: QWidget, keep_draft: bool = False) -> str:
    """Ask before unsaved changes are thrown away: "discard", "keep" (only with
    ``keep_draft``: close and keep the draft for later) or "stay"."""
    box = QMessageBox(parent)
    box.setObjectName("discard_question")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("The changes have not been saved. Discard them?"))
    discard = box.addButton(_("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard_button")
    keep = None
    if keep_draft:
        box.setInformativeText(_("A kept draft opens again the next time you edit this meeting."))
        keep = box.addButton(_("Keep as draft"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("keep_button")
    stay = box.addButton(_("Continue editing"), QMessageBox.ButtonRole.RejectRole)
    stay.setObjectName("stay_button")
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is discard:
        return "discard"
    if keep is not None and clicked is keep:
        return "keep"
    return "stay"


class FormDialog(QDialog):
    """Subclasses add rows with ``add_field`` and implement ``save(session)``,
    which returns the saved record's id or raises DomainError."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: int | None = None
        self.open_existing_id: int | None = None  # the user chose to open the record this one repeats
        self.setWindowTitle(title)
        self.setObjectName(type(self).__name__)
        self._errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        self.general_error = self._error_label("general_error")
        outer.addWidget(self.general_error)
        # Offered when someone else saved the record after the dialog read it
        # (issue 20), by dialogs that can show the record afresh (``reload_record``).
        self.reload_button = QPushButton(_("Reload"))
        self.reload_button.setObjectName("reload_button")
        self.reload_button.setToolTip(
            _("Show the record as it is saved now; what you typed here is replaced.")
        )
        self.reload_button.clicked.connect(self._reload)
        self.reload_button.hide()
        outer.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
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
        self._initial_state: object = None
        self._focused_once = False
        geometry = ctx.settings.value(f"dialogs/{type(self).__name__}")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    # ---- changes and focus ----------------------------------------------------------------------

    def state(self) -> object:
        """What the user has entered; a change of it means there is something to lose."""
        return widget_state(self)

    def has_changes(self) -> bool:
        return self._initial_state is not None and self.state() != self._initial_state

    def mark_unchanged(self) -> None:
        """Take the fields as they are now as the starting point."""
        self._initial_state = self.state()

    def _takes_focus(self, widget: QWidget) -> bool:
        return (
            widget.isEnabled()
            and widget.isVisibleTo(self)
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and not (isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)))
            and not isinstance(widget.parent(), QDialogButtonBox)
        )

    def form_order(self) -> list[QWidget]:
        """The widgets of the form that take the focus, row by row."""
        order: list[QWidget] = []
        for row in range(self.form.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                item = self.form.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is None:
                    continue
                for candidate in (widget, *widget.findChildren(QWidget)):
                    if self._takes_focus(candidate) and candidate not in order:
                        order.append(candidate)
        return order

    def first_field(self) -> QWidget | None:
        """The first field that takes the focus: the form's first, else the first in the chain."""
        order = self.form_order()
        if order:
            return order[0]
        for widget in self.findChildren(QWidget):
            if self._takes_focus(widget) and isinstance(
                widget, (QLineEdit, QComboBox, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QTableWidget, QListWidget)
            ):
                return widget
        return None

    def arrange_tab_order(self) -> None:
        """Tab follows the form row by row and reaches Save and Cancel last."""
        order = self.form_order()
        buttons = [b for b in self.buttons.buttons() if self._takes_focus(b)]
        chain = order + buttons
        if order:
            for before, after in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(before, after)
        elif buttons:
            # No form rows (a dialog of its own layout): the buttons still come last.
            fields = [w for w in self.findChildren(QWidget) if self._takes_focus(w) and w not in buttons]
            if fields:
                for before, after in zip([fields[-1], *buttons], buttons, strict=False):
                    QWidget.setTabOrder(before, after)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            fit_to_screen(self)
            self.mark_unchanged()
            self.arrange_tab_order()
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)

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

    def add_day_warning(self, date_field: QLineEdit, year: object) -> QLabel:
        """A line under ``date_field`` (whose field's error line is "date"…) saying
        when the typed day is a Sunday, a public holiday or in a break between
        the terms of ``year`` (a YearRow): saved all the same, but worth a look."""
        from metodesk.domain.academic_year import day_warning

        label = QLabel()
        label.setObjectName(f"{getattr(date_field, 'field', 'date')}_warning")
        label.setWordWrap(True)
        label.setStyleSheet("color: #8a5300;")
        label.hide()
        error = self._errors.get(getattr(date_field, "field", "date"))
        holder = error.parentWidget() if error is not None else None
        if holder is not None and holder.layout() is not None:
            holder.layout().addWidget(label)
        terms = [(t.start_date, t.end_date) for t in getattr(year, "terms", ())]

        def update() -> None:
            if year is None:
                return
            try:
                day = date_field.date()  # type: ignore[attr-defined]
            except DomainError:
                day = None
            text = day_warning(day, year.start_date, year.end_date, terms)  # type: ignore[attr-defined]
            label.setText(text)
            label.setVisible(bool(text))

        date_field.textChanged.connect(lambda _text: update())
        update()
        return label

    def clear_errors(self) -> None:
        self.general_error.hide()
        self.reload_button.hide()
        for label in self._errors.values():
            label.hide()

    def show_domain_error(self, err: DomainError) -> None:
        target = self._errors.get(err.field or "", self.general_error)
        target.setText(err.message)
        target.show()

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        """Write the dialog's values; subclasses override."""
        return None

    def can_reload(self) -> bool:
        """Whether this dialog can show its record afresh (``reload_record``)."""
        return False

    def reload_record(self) -> None:
        """Read the record again and show it as saved now, with the version it
        is at; subclasses that can override it with ``can_reload``."""

    def _reload(self) -> None:
        self.clear_errors()
        try:
            self.reload_record()
        except DomainError as err:  # deleted meanwhile: "not found"
            self.show_domain_error(err)
            return
        self.mark_unchanged()

    def duplicate(self, session) -> object | None:  # type: ignore[no-untyped-def]
        """A record already saved that this one would repeat (``services.duplicates.Existing``);
        subclasses that can tell override it. A DomainError means a field to fix first."""
        return None

    def accept(self) -> None:
        self.clear_errors()
        try:
            with self.ctx.reading() as session:
                existing = self.duplicate(session)
        except DomainError:
            existing = None  # the save below shows the field to fix
        if existing is not None:
            answer = ask_duplicate(self, existing.text)  # type: ignore[attr-defined]
            if answer == "open":
                self.open_existing_id = existing.id  # type: ignore[attr-defined]
                self.ctx.settings.setValue(f"dialogs/{type(self).__name__}", self.saveGeometry())
                QDialog.reject(self)
                return
            if answer != "save":
                return
        try:
            with self.ctx.transaction() as session:
                self.saved_id = self.save(session)
        except DomainError as err:
            self.show_domain_error(err)
            return
        except StorageError as err:
            if not is_changed_meanwhile(err):
                raise
            # Someone else saved this record after the dialog read it: nothing was
            # saved; the sentence says who and when, and what is typed stays here.
            self.show_domain_error(DomainError(str(err)))
            self.reload_button.setVisible(self.can_reload())
            return
        self.ctx.settings.setValue(f"dialogs/{type(self).__name__}", self.saveGeometry())
        super().accept()

    def confirm_close(self) -> bool:
        """True when the dialog may close without saving (nothing changed, or
        the user chose to discard the changes)."""
        return not self.has_changes() or ask_discard(self) == "discard"

    def reject(self) -> None:
        if not self.confirm_close():
            return
        self.ctx.settings.setValue(f"dialogs/{type(self).__name__}", self.saveGeometry())
        super().reject()
