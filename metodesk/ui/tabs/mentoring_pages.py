"""The pages of a mentoring pair's detail: what they share (``PairPage`` and
small helpers) and the mentor's plan (add, edit, delete, mark done or not
done). The meeting log is in ``mentoring_log_page``, the summary and the
conclusion in ``mentoring_summary_page``.

Each write is one transaction; afterwards the page emits ``written(pair_id)``
so the tab reloads its list, the attention box and the other tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import mentoring_plan
from metodesk.services.mentoring_plan import ActivityRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import run_action
from metodesk.ui.models import AnyIndex, Column, RowTableModel
from metodesk.ui.tabs.base import (
    StretchGuard,
    header_width,
    make_table,
    save_table_state,
    select_row_by_id,
    selected_row,
)

OVERDUE_COLOUR = QColor("#b00020")
DONE_COLOUR = QColor("#2e7d32")
PLAN_WIDTHS = (40, 0, 90, 120, 130)  # first-start widths; the activity column stretches


def make_button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def first_widths(view: QTableView, ctx: AppContext, widths: tuple[int, ...]) -> None:
    """Until the user's own widths are remembered: the column given 0 stretches,
    the others start at their width (never narrower than their header)."""
    if ctx.settings.value(f"tables/{view.objectName()}") is None:
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for section, width in enumerate(widths):
            if width == 0:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
                StretchGuard(view, section)
            else:
                view.setColumnWidth(section, max(width, header_width(view, section)))


def select_id(view: QTableView, wanted: int | None) -> None:
    select_row_by_id(view, wanted)


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def mark_text(row: ActivityRow) -> str:
    parts = [_("done on {date}").format(date=short_date(row.done_on))] if row.done_on else []
    if row.mark_note:
        parts.append(row.mark_note)
    return "; ".join(parts)


class PlanModel(RowTableModel):
    """Plan rows: done ones green, overdue ones red."""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row: ActivityRow = self.row_at(index.row())
            if row.done:
                return QBrush(DONE_COLOUR)
            if row.overdue(dt.date.today()):
                return QBrush(OVERDUE_COLOUR)
            return None
        return super().data(index, role)


class PairPage(QWidget):
    """A page showing one pair's rows; ``pair_id`` None shows nothing."""

    written = Signal(int)

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.pair_id: int | None = None

    def set_pair(self, pair_id: int | None) -> None:
        same = pair_id == self.pair_id
        self.pair_id = pair_id
        self.reload(self.selected_id() if same else None)

    def selected_id(self) -> int | None:
        return None

    def reload(self, select: int | None = None) -> None:
        """Read the rows again."""

    def _written(self, select: int | None = None) -> None:
        self.reload(select)
        if self.pair_id is not None:
            self.written.emit(self.pair_id)


class PlanPage(PairPage):
    """№ | activity | date | form of completion | mark."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "plan_page", parent)
        self.model = PlanModel(
            [
                Column(lambda: _("No."), lambda r: str(r.number), sort=lambda r: r.number, align_right=True),
                Column(
                    lambda: _("Activity"),
                    lambda r: " ".join(r.activity.split()),
                    tooltip=lambda r: r.activity,
                ),
                Column(
                    lambda: _("Date"),
                    lambda r: r.when_text or short_date(r.due_date),
                    sort=lambda r: r.due_date or dt.date.max,
                ),
                Column(
                    lambda: _("Form of completion"),
                    lambda r: r.completion_form,
                    tooltip=lambda r: r.completion_form,
                ),
                Column(
                    lambda: _("Mark"), mark_text, sort=lambda r: r.done_on or dt.date.max, tooltip=mark_text
                ),
            ]
        )
        column = QVBoxLayout(self)
        self.table, self.proxy = make_table("plan_table", self.model, ctx)
        first_widths(self.table, ctx, PLAN_WIDTHS)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_activity)
        column.addWidget(self.table, 1)
        grid = QGridLayout()
        self.add_button = make_button("add_activity_button", _("Add…"), self.add_activity)
        self.edit_button = make_button("edit_activity_button", _("Edit…"), self.edit_activity)
        self.delete_button = make_button("delete_activity_button", _("Delete"), self.delete_activity)
        self.done_button = make_button("mark_done_button", _("Mark done…"), self.mark_done)
        self.not_done_button = make_button("not_done_button", _("Not done"), self.mark_not_done)
        for index, button in enumerate(
            (self.add_button, self.edit_button, self.delete_button, self.done_button, self.not_done_button)
        ):
            grid.addWidget(button, 0, index)
        grid.setColumnStretch(5, 1)
        column.addLayout(grid)
        self.count_label = QLabel()
        self.count_label.setObjectName("plan_count")
        column.addWidget(self.count_label)
        self._update_buttons()

    def selected(self) -> ActivityRow | None:
        return selected_row(self.table)

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def reload(self, select: int | None = None) -> None:
        rows: list[ActivityRow] = []
        if self.pair_id is not None:
            try:
                with self.ctx.reading() as session:
                    rows = mentoring_plan.list_activities(session, self.pair_id)
            except DomainError:
                rows = []
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        select_id(self.table, select)
        done = sum(r.done for r in rows)
        overdue = sum(r.overdue(dt.date.today()) for r in rows)
        text = ngettext("{done} of {n} activity done", "{done} of {n} activities done", len(rows)).format(
            done=done, n=len(rows)
        )
        if overdue:
            text += " · " + ngettext("{n} overdue", "{n} overdue", overdue).format(n=overdue)
        self.count_label.setText(text if self.pair_id is not None else "")
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected()
        self.add_button.setEnabled(self.pair_id is not None)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(row is not None)
        self.done_button.setEnabled(row is not None)
        self.not_done_button.setEnabled(row is not None and row.done)

    def _open(self, activity_id: int | None) -> None:
        from metodesk.ui.dialogs.mentoring_activity import MentoringActivityDialog

        if self.pair_id is None:
            return
        try:
            dialog = MentoringActivityDialog(self.ctx, self.pair_id, activity_id, self)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)

    def add_activity(self) -> None:
        self._open(None)

    def edit_activity(self, *_args: object) -> None:
        row = self.selected()
        if row is not None:
            self._open(row.id)

    def delete_activity(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not common.confirm(
            self, _("Delete the activity No. {number} from the plan?").format(number=row.number)
        ):
            return
        self._doomed = row.id
        if run_action(self, self.ctx, self._delete_doomed):
            self._written()

    def _delete_doomed(self, session) -> None:  # type: ignore[no-untyped-def]
        mentoring_plan.delete_activity(session, self._doomed)

    def mark_done(self) -> None:
        from metodesk.ui.dialogs.mentoring_activity import MarkDoneDialog

        row = self.selected()
        if row is None:
            return
        try:
            dialog = MarkDoneDialog(self.ctx, row.id, self)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return
        if dialog.exec():
            self._written(row.id)

    def mark_not_done(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._undone = row.id
        if run_action(self, self.ctx, self._mark_undone):
            self._written(row.id)

    def _mark_undone(self, session) -> None:  # type: ignore[no-untyped-def]
        mentoring_plan.mark_not_done(session, self._undone)

    def select_activity(self, activity_id: int) -> None:
        select_id(self.table, activity_id)

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
