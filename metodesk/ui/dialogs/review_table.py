"""The review item's table: earlier decisions of the association, each with a
box to tick when it has been carried out. Ticking edits the working copy; the
meeting editor closes (or reopens) the decisions when it saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services.meeting_draft import MeetingDraft

DONE, TEXT, RESPONSIBLE, DEADLINE = range(4)
MAX_HEIGHT = 360
OVERDUE = QColor("#b00020")


class ReviewTable(QTableWidget):
    """One row per earlier decision; the first column's box means 'carried out'."""

    def __init__(self, draft: MeetingDraft) -> None:
        super().__init__(0, 4)
        self.setObjectName("review_table")
        self.draft = draft
        self.setHorizontalHeaderLabels([_("Done"), _("Decision"), _("Responsible"), _("Deadline")])
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        for column in (DONE, RESPONSIBLE, DEADLINE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.itemChanged.connect(self._changed)

    def refresh(self) -> None:
        self.blockSignals(True)
        try:
            self.setRowCount(len(self.draft.reviews))
            for row, review in enumerate(self.draft.reviews):
                d = review.decision
                box = QTableWidgetItem()
                box.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                )
                box.setCheckState(Qt.CheckState.Checked if review.done else Qt.CheckState.Unchecked)
                box.setToolTip(_("Tick when the decision has been carried out."))
                self.setItem(row, DONE, box)
                source = _("No. {number} of {date}, {code}").format(
                    number=d.meeting_number, date=short_date(d.meeting_date), code=d.code
                )
                deadline = short_date(d.deadline) or d.deadline_text
                text = _("{source}: {text}").format(source=source, text=d.text)
                cells = {TEXT: text, RESPONSIBLE: d.responsible, DEADLINE: deadline}
                for column, text in cells.items():
                    cell = QTableWidgetItem(text)
                    cell.setToolTip(text)
                    if column == DEADLINE and d.overdue and not review.done:
                        cell.setForeground(QBrush(OVERDUE))
                        cell.setToolTip(_("Overdue: the deadline has passed."))
                    self.setItem(row, column, cell)
            if not self.draft.reviews:
                self.setRowCount(1)
                empty = QTableWidgetItem(_("No earlier decision is waiting to be reviewed."))
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.setItem(0, TEXT, empty)
            self.resizeRowsToContents()
        finally:
            self.blockSignals(False)
        self._fit()

    def _fit(self) -> None:
        """As tall as its rows (up to a limit), so the page scrolls rather than the table."""
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        height = self.horizontalHeader().height() + rows + 2 * self.frameWidth() + 2
        self.setFixedHeight(min(max(height, self.fontMetrics().lineSpacing() * 4), MAX_HEIGHT))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.resizeRowsToContents()
        self._fit()

    def _changed(self, cell: QTableWidgetItem) -> None:
        row = cell.row()
        if cell.column() == DONE and 0 <= row < len(self.draft.reviews):
            self.draft.reviews[row].done = cell.checkState() == Qt.CheckState.Checked

    def set_done(self, row: int, done: bool) -> None:
        """Tick or clear a row's box as the user would (tests, keyboard)."""
        self.item(row, DONE).setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
