"""The Open lessons tab (docs/domain/order-253.md, 'Open lessons'; Order No. 253 items 10.4, 11.6):
the year's open lessons and mutual visits as a schedule by month, by
association, or one teacher's year (lessons given and observed), with filters
and search; below, the chosen lesson with its moves, the meeting that
discussed it and its observation sheets (``LessonDetailPanel``).

Printing goes through the documents' preview (print, PDF, Word): blank sheets for a lesson or a
whole date, an empty form, the year's schedule. Each write is one
transaction; the tab then tells the other tabs ("lessons") and reloads,
keeping the chosen lesson."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QSplitter, QVBoxLayout, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import LessonStatus
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import lessons
from metodesk.services.lessons import LessonRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import run_action
from metodesk.ui.models import ROW_ROLE
from metodesk.ui.tabs.base import Tab, save_table_state, selected_row
from metodesk.ui.tabs.lesson_detail import LessonDetailPanel
from metodesk.ui.tabs.lesson_list import LessonList

SPLITTER_KEY = "splitters/lessons"


def _button(name: str, text: str, tooltip: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tooltip)
    button.clicked.connect(slot)
    return button


class LessonsTab(Tab):
    """The year's lessons above, the chosen one below."""

    areas = ("lessons", "associations", "teachers", "settings", "meetings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._own_write = False
        self._pending: LessonRow | None = None  # what the confirmed action works on
        self.list = LessonList(ctx)
        self.table, self.proxy, self.model = self.list.table, self.list.proxy, self.list.model
        self.list.selection_changed.connect(self._on_selection)
        self.list.activated.connect(self.edit_selected)
        self.list.criteria_button.clicked.connect(self.edit_criteria_sets)
        self.panel = LessonDetailPanel(ctx)
        self.panel.written.connect(self._written)

        upper = QWidget()
        column = QVBoxLayout(upper)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list, 1)
        column.addLayout(self._build_buttons())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("lessons_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.panel)
        state = ctx.settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([400, 280])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._update_buttons()

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = _button(
            "plan_lesson_button", _("Plan lesson…"), _("Plan a new lesson (Ctrl+N)."), self.new_record
        )
        self.edit_button = _button(
            "edit_lesson_button",
            _("Edit…"),
            _("Correct the selected lesson (Enter or double-click)."),
            self.edit_selected,
        )
        self.move_button = _button(
            "move_lesson_button",
            _("Move…"),
            _("Give the lesson a new date; the old one is kept."),
            self.move_selected,
        )
        self.held_button = _button(
            "mark_held_button", _("Mark held"), _("The lesson took place."), self.mark_held
        )
        self.cancel_button = _button("cancel_lesson_button", _("Cancel lesson"), "", self.toggle_cancelled)
        self.delete_button = _button(
            "delete_lesson_button",
            _("Delete"),
            _("Delete a lesson entered by mistake (Delete). One with filled sheets is refused."),
            self.delete_selected,
        )
        for button in (
            self.new_button,
            self.edit_button,
            self.move_button,
            self.held_button,
            self.cancel_button,
            self.delete_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.print_button = QPushButton(_("Print"))
        self.print_button.setObjectName("print_button")
        menu = QMenu(self.print_button)
        menu.setObjectName("print_menu")
        self.print_blank_action = self._action(
            menu, "print_blank_action", _("Blank sheet for this lesson…"), self.print_blank
        )
        self.print_batch_action = self._action(
            menu, "print_batch_action", _("Blank sheets for this date…"), self.print_batch
        )
        self.print_empty_action = self._action(
            menu, "print_empty_form_action", _("Empty observation form…"), self.print_empty_form
        )
        menu.addSeparator()
        self.print_association_action = self._action(
            menu,
            "print_association_schedule_action",
            _("Schedule of this lesson's association…"),
            self.print_association_schedule,
        )
        self.print_school_action = self._action(
            menu,
            "print_school_schedule_action",
            _("Schedule of the whole school…"),
            self.print_school_schedule,
        )
        self.print_button.setMenu(menu)
        row.addWidget(self.print_button)
        return row

    def _action(self, menu: QMenu, name: str, text: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def title(self) -> str:
        return _("Open lessons")

    # ---- loading and selection ---------------------------------------------------------------------

    def selected(self) -> LessonRow | None:
        row = selected_row(self.table)
        return row.lesson if row is not None else None

    def reload(self, select_id: int | None = None) -> None:
        """Read the year's lessons again; keep the chosen lesson (or choose ``select_id``)."""
        current = self.selected()
        self.list.reload(select_id if select_id is not None else (current.id if current else None))
        self._on_selection()

    def select_lesson(self, lesson_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).lesson.id == lesson_id:
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.setCurrentIndex(index)
                return True
        return False

    def _on_selection(self) -> None:
        row = selected_row(self.table)
        if row is None:
            self.panel.show_lesson(None)
        else:
            self.panel.show_lesson(row.lesson.id, row.observation_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        lesson = self.selected()
        chosen = lesson is not None
        status = lesson.status if lesson else ""
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.move_button.setEnabled(chosen and status != LessonStatus.HELD.value)
        self.held_button.setEnabled(
            chosen and status != LessonStatus.HELD.value and status != LessonStatus.CANCELLED.value
        )
        self.cancel_button.setEnabled(chosen)
        if status == LessonStatus.CANCELLED.value:
            self.cancel_button.setText(_("Plan again"))
            self.cancel_button.setToolTip(_("The cancelled lesson will take place after all."))
        else:
            self.cancel_button.setText(_("Cancel lesson"))
            self.cancel_button.setToolTip(
                _("The lesson will not take place; it stays in the list as cancelled.")
            )
        self.print_blank_action.setEnabled(chosen and status != LessonStatus.CANCELLED.value)
        self.print_batch_action.setEnabled(chosen)
        if lesson is not None:
            self.print_batch_action.setText(
                _("Blank sheets for every lesson on {date}…").format(date=short_date(lesson.date))
            )
        else:
            self.print_batch_action.setText(_("Blank sheets for this date…"))
        self.print_association_action.setEnabled(chosen)
        self.print_school_action.setEnabled(self.list.year_id() is not None)

    def _on_changed(self, area: str) -> None:
        if not self._own_write:
            super()._on_changed(area)

    def _written(self, select_id: int | None = None) -> None:
        """After a write: tell the other tabs, then show the fresh rows here (once)."""
        self._own_write = True
        try:
            self.ctx.changed.emit("lessons")
        finally:
            self._own_write = False
        self._stale = False
        self.reload(select_id)

    # ---- lessons ----------------------------------------------------------------------------------------

    def new_record(self) -> None:
        from metodesk.ui.dialogs.lesson import LessonDialog

        year_id = self.list.year_id()
        if not self.list.has_associations():
            common.show_error(
                self, _("This year has no associations yet. Create one in the Associations tab first.")
            )
            return
        current = self.selected()
        dialog = LessonDialog(self.ctx, None, year_id, current.association_id if current else None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)
            self.ctx.status.emit(_("The lesson was planned."))

    def edit_selected(self, *_args: object) -> None:
        from metodesk.ui.dialogs.lesson import LessonDialog

        self._open(LessonDialog, _("The lesson was saved."))

    def move_selected(self) -> None:
        from metodesk.ui.dialogs.lesson_move import LessonMoveDialog

        self._open(LessonMoveDialog, _("The lesson was moved; its old date is kept."))

    def _open(self, dialog_class: type, done: str) -> None:
        lesson = self.selected()
        if lesson is None:
            return
        try:
            dialog = dialog_class(self.ctx, lesson.id, parent=self)
        except DomainError as err:  # deleted meanwhile
            common.show_error(self, err.message)
            self.reload()
            return
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)
            self.ctx.status.emit(done)

    def _act(self, lesson: LessonRow, action) -> None:  # type: ignore[no-untyped-def]
        self._pending = lesson
        if run_action(self, self.ctx, action):
            self._written(lesson.id)
        else:
            self.reload()

    def mark_held(self) -> None:
        lesson = self.selected()
        if lesson is not None:
            self._act(lesson, self._set_held)

    def _set_held(self, session) -> None:  # type: ignore[no-untyped-def]
        assert self._pending is not None
        lessons.set_status(session, self._pending.id, LessonStatus.HELD.value)

    def toggle_cancelled(self) -> None:
        lesson = self.selected()
        if lesson is None:
            return
        if lesson.status == LessonStatus.CANCELLED.value:
            self._act(lesson, self._plan_again)
            return
        question = _("Cancel the lesson “{topic}” on {date}? It stays in the list as cancelled.").format(
            topic=lesson.topic, date=short_date(lesson.date)
        )
        if common.confirm(self, question):
            self._act(lesson, self._cancel)

    def _cancel(self, session) -> None:  # type: ignore[no-untyped-def]
        assert self._pending is not None
        lessons.cancel_lesson(session, self._pending.id)

    def _plan_again(self, session) -> None:  # type: ignore[no-untyped-def]
        assert self._pending is not None
        lessons.set_status(session, self._pending.id, LessonStatus.PLANNED.value)

    def delete_selected(self) -> None:
        """Delete key: a sheet when the sheets list has the focus, else the lesson."""
        if self.panel.sheets_table.hasFocus() and self.panel.selected_sheet() is not None:
            self.panel.delete_sheet()
            return
        lesson = self.selected()
        if lesson is None:
            return
        question = _(
            "Delete the lesson “{topic}” on {date}? Only for a lesson entered by mistake: "
            "one that will not take place can be cancelled instead."
        ).format(topic=lesson.topic, date=short_date(lesson.date))
        if not common.confirm(self, question):
            return
        self._pending = lesson
        if run_action(self, self.ctx, self._delete):
            self._written(None)
            self.ctx.status.emit(_("The lesson was deleted."))

    def _delete(self, session) -> None:  # type: ignore[no-untyped-def]
        assert self._pending is not None
        lessons.delete_lesson(session, self._pending.id)

    def edit_criteria_sets(self) -> None:
        from metodesk.ui.dialogs.criteria_set import CriteriaSetsDialog

        dialog = CriteriaSetsDialog(self.ctx, self)
        dialog.exec()
        if dialog.changed:
            self._written(None)

    # ---- printing ------------------------------------------------------------------------------------------

    def _preview(self, key: str, request: dict[str, object]) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        open_document(self.ctx, key, request, self)

    def print_blank(self) -> None:
        lesson = self.selected()
        if lesson is not None:
            self._preview("observation-blank", {"lesson": lesson.id})

    def print_batch(self) -> None:
        lesson = self.selected()
        if lesson is not None:
            self._preview("observation-blank", {"date": lesson.date})

    def print_empty_form(self) -> None:
        self._preview("observation-blank", {})

    def print_association_schedule(self) -> None:
        lesson = self.selected()
        if lesson is not None:
            self._preview("lessons", {"year_id": lesson.year_id, "association": lesson.association_id})

    def print_school_schedule(self) -> None:
        year_id = self.list.year_id()
        if year_id is not None:
            self._preview("lessons", {"year_id": year_id, "association": None})

    # ---- shortcuts and state ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.list.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list.search_box.selectAll()

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
        self.panel.save_state()
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
