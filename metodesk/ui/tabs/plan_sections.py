"""The written part of an annual plan: analysis of the past year, methodical
theme, goal and the ordered tasks, saved together with one Save button in one
transaction. The page knows whether it holds edits not yet saved, so the tab
can save them or ask before another plan is shown or the window closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import plans
from metodesk.services.plans import PlanDetail, SectionsInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.dialogs.row_list import error_label

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
EDITABLE = Qt.ItemFlag.ItemIsEditable


def ask_unsaved(parent: QWidget | None, question: str) -> str:
    """Save, Discard or Cancel: what to do with edits not yet saved."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _("metodesk"),
        question,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsaved_box")
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def _button(name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class SectionsPage(QWidget):
    """Analysis on the left; theme, goal and tasks on the right; Save below."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sections_page")
        self.plan_id: int | None = None
        self.locked = False
        self._loaded = SectionsInput()
        self._errors: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        self.analysis_edit = text_box("analysis_edit", 6)
        self.theme_edit = text_box("theme_edit", 2, fixed=True)
        self.goal_edit = text_box("goal_edit", 3, fixed=True)
        left = self._block(_("Analysis of the past year"), self.analysis_edit, "analysis")
        grid.addLayout(left, 0, 0, 3, 1)
        grid.addLayout(self._block(_("Methodical theme"), self.theme_edit, "theme"), 0, 1)
        grid.addLayout(self._block(_("Goal"), self.goal_edit, "goal"), 1, 1)
        grid.addLayout(self._build_tasks(), 2, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        bottom = QHBoxLayout()
        self.save_button = _button("save_sections_button", _("Save"), self.save)
        self.save_button.setToolTip(_("Save the analysis, theme, goal and tasks together."))
        self.general_error = error_label("sections_error")
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.general_error, 1)
        bottom.addStretch(0)
        grid.addLayout(bottom, 3, 0, 1, 2)

    def _block(self, title: str, widget: QWidget, field: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(2)
        label = QLabel(title)
        label.setBuddy(widget)
        column.addWidget(label)
        column.addWidget(widget, 1)
        error = error_label(f"{field}_error")
        self._errors[field] = error
        column.addWidget(error)
        return column

    def _build_tasks(self) -> QVBoxLayout:
        self.tasks_list = QListWidget()
        self.tasks_list.setObjectName("tasks_list")
        self.tasks_list.setWordWrap(True)
        self.tasks_list.setAlternatingRowColors(True)
        self.tasks_list.currentRowChanged.connect(self._update_buttons)
        column = self._block(_("Tasks"), self.tasks_list, "tasks")
        row = QHBoxLayout()
        self.add_task_button = _button("add_task_button", _("Add"), self.add_task)
        self.edit_task_button = _button("edit_task_button", _("Edit"), self.edit_task)
        self.remove_task_button = _button("remove_task_button", _("Remove"), self.remove_task)
        self.task_up_button = _button("task_up_button", "▲", self.move_task_up)
        self.task_up_button.setToolTip(_("Move up"))
        self.task_down_button = _button("task_down_button", "▼", self.move_task_down)
        self.task_down_button.setToolTip(_("Move down"))
        for arrow in (self.task_up_button, self.task_down_button):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("▲") + 24)
        for button in (
            self.add_task_button,
            self.edit_task_button,
            self.remove_task_button,
            self.task_up_button,
            self.task_down_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return column

    # ---- showing ----------------------------------------------------------------------------------

    def show_plan(self, detail: PlanDetail | None) -> None:
        """Show the plan's sections; unsaved edits of the same plan are kept."""
        if detail is not None and detail.row.id == self.plan_id and not detail.locked and self.has_changes():
            self.set_locked(detail.locked)
            return
        self.clear_errors()
        self.plan_id = detail.row.id if detail else None
        self._loaded = SectionsInput(
            detail.analysis if detail else "",
            detail.theme if detail else "",
            detail.goal if detail else "",
            list(detail.tasks) if detail else [],
        )
        self.revert()
        self.set_locked(detail.locked if detail else True)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        for edit in (self.analysis_edit, self.theme_edit, self.goal_edit):
            edit.setReadOnly(locked)
        self.save_button.setEnabled(not locked and self.plan_id is not None)
        self._update_buttons()

    def _add_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | EDITABLE)
        self.tasks_list.addItem(item)
        return item

    def _update_buttons(self, _row: int = 0) -> None:
        editable = not self.locked and self.plan_id is not None
        row = self.tasks_list.currentRow()
        self.add_task_button.setEnabled(editable)
        for button in (self.edit_task_button, self.remove_task_button):
            button.setEnabled(editable and row >= 0)
        self.task_up_button.setEnabled(editable and row > 0)
        self.task_down_button.setEnabled(editable and 0 <= row < self.tasks_list.count() - 1)
        self.tasks_list.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed
            if editable
            else QListWidget.EditTrigger.NoEditTriggers
        )

    # ---- tasks ------------------------------------------------------------------------------------

    def tasks(self) -> list[str]:
        return [self.tasks_list.item(row).text() for row in range(self.tasks_list.count())]

    def add_task(self) -> None:
        item = self._add_item("")
        self.tasks_list.setCurrentItem(item)
        self.tasks_list.editItem(item)

    def edit_task(self) -> None:
        item = self.tasks_list.currentItem()
        if item is not None:
            self.tasks_list.editItem(item)

    def remove_task(self) -> None:
        row = self.tasks_list.currentRow()
        if row >= 0:
            self.tasks_list.takeItem(row)
        self._update_buttons()

    def _move_task(self, offset: int) -> None:
        row = self.tasks_list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.tasks_list.count():
            return
        item = self.tasks_list.takeItem(row)
        self.tasks_list.insertItem(target, item)
        self.tasks_list.setCurrentRow(target)

    def move_task_up(self) -> None:
        self._move_task(-1)

    def move_task_down(self) -> None:
        self._move_task(1)

    # ---- saving -----------------------------------------------------------------------------------

    def values(self) -> SectionsInput:
        return SectionsInput(
            self.analysis_edit.toPlainText(),
            self.theme_edit.toPlainText(),
            self.goal_edit.toPlainText(),
            self.tasks(),
        )

    def has_changes(self) -> bool:
        if self.plan_id is None or self.locked:
            return False
        now, was = self.values(), self._loaded
        return (now.analysis, now.theme, now.goal) != (was.analysis, was.theme, was.goal) or [
            t.strip() for t in now.tasks if t.strip()
        ] != [t.strip() for t in was.tasks if t.strip()]

    def clear_errors(self) -> None:
        self.general_error.hide()
        for label in self._errors.values():
            label.hide()

    def save(self) -> bool:
        """Write the four sections in one transaction; a refusal shows its sentence
        under its field and keeps every edit (False)."""
        if self.plan_id is None:
            return True
        self.clear_errors()
        values = self.values()
        try:
            with self.ctx.transaction() as session:
                plans.save_sections(session, self.plan_id, values)
                detail = plans.get_plan(session, self.plan_id)
        except DomainError as err:
            target = self._errors.get(err.field or "", self.general_error)
            target.setText(err.message)
            target.show()
            return False
        self.plan_id = None  # show the stored (cleaned) text again
        self.show_plan(detail)
        self.ctx.status.emit(_("The plan is saved."))
        self.saved.emit()
        return True

    def settle(self, question: str) -> bool:
        """Before the plan goes out of view: True when nothing unsaved is left
        (saved or discarded), False when the user stays (Cancel, or a refusal)."""
        if not self.has_changes():
            return True
        answer = ask_unsaved(self, question)
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.revert()
            return True
        return False

    def revert(self) -> None:
        """Drop the edits: show the plan's stored sections again."""
        self.clear_errors()
        self.analysis_edit.setPlainText(self._loaded.analysis)
        self.theme_edit.setPlainText(self._loaded.theme)
        self.goal_edit.setPlainText(self._loaded.goal)
        self.tasks_list.clear()
        for text in self._loaded.tasks:
            self._add_item(text)
        self._update_buttons()
