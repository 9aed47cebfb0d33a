"""The Attendance section of the meeting editor: every member marked present or
absent (with the reason), the counts, and the invited guests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.meeting_enums import Presence
from metodesk.i18n import _
from metodesk.services.meeting_draft import DraftGuest, MeetingDraft

NAME, PRESENCE, REASON = range(3)
GUEST_FIELDS = ("name", "job_title", "organisation")


def _error(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def _button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.clicked.connect(slot)
    return widget


class AttendancePanel(QWidget):
    """Marks go straight into the working copy; ``guests_changed`` tells the
    agenda to offer the new list of speakers."""

    guests_changed = Signal()

    def __init__(self, draft: MeetingDraft) -> None:
        super().__init__()
        self.setObjectName("attendance_page")
        self.draft = draft
        self.presence: dict[int, QComboBox] = {}
        self.reasons: dict[int, QLineEdit] = {}
        column = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("attendance_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_members())
        splitter.addWidget(self._build_guests())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        column.addWidget(splitter)
        self.update_counts()

    def _build_members(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.counts = QLabel()
        self.counts.setObjectName("attendance_counts")
        self.counts.setWordWrap(True)
        top.addWidget(self.counts, 1)
        top.addWidget(_button("all_present_button", _("Mark everyone present"), self.mark_all_present))
        column.addLayout(top)
        self.table = QTableWidget(len(self.draft.attendance), 3)
        self.table.setObjectName("attendance_table")
        self.table.setHorizontalHeaderLabels([_("Member"), _("Attendance"), _("Reason of absence")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRESENCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        for row, mark in enumerate(self.draft.attendance):
            name = _("{name} (archived)").format(name=mark.full_name) if mark.archived else mark.full_name
            cell = QTableWidgetItem(name)
            cell.setToolTip(name)
            self.table.setItem(row, NAME, cell)
            combo = QComboBox()
            combo.setObjectName(f"presence_{mark.teacher_id}")
            combo.addItem(_("not marked"), "")
            for code, label in Presence.choices():
                combo.addItem(label, code)
            combo.setCurrentIndex(max(combo.findData(mark.presence), 0))
            combo.currentIndexChanged.connect(self._marks_changed)
            self.table.setCellWidget(row, PRESENCE, combo)
            reason = QLineEdit(mark.reason)
            reason.setObjectName(f"reason_{mark.teacher_id}")
            reason.textChanged.connect(self._marks_changed)
            self.table.setCellWidget(row, REASON, reason)
            self.presence[mark.teacher_id], self.reasons[mark.teacher_id] = combo, reason
        self.table.resizeRowsToContents()
        column.addWidget(self.table, 1)
        if not self.draft.attendance:
            hint = QLabel(_("The association has no members yet: add them on the Members page."))
            hint.setObjectName("attendance_empty")
            hint.setWordWrap(True)
            column.addWidget(hint)
        self.attendance_error = _error("attendance_error")
        column.addWidget(self.attendance_error)
        return page

    def _build_guests(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(_("Invited guests (not members): the deputy director, a methodist, …"))
        caption.setWordWrap(True)
        column.addWidget(caption)
        self.guests_table = QTableWidget(0, 3)
        self.guests_table.setObjectName("guests_table")
        self.guests_table.setHorizontalHeaderLabels([_("Full name"), _("Position"), _("Organisation")])
        self.guests_table.verticalHeader().hide()
        self.guests_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.guests_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.guests_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.guests_table.itemChanged.connect(self._guest_edited)
        column.addWidget(self.guests_table, 1)
        self.guests_error = _error("guests_error")
        column.addWidget(self.guests_error)
        row = QHBoxLayout()
        row.addWidget(_button("add_guest_button", _("Add guest"), self.add_guest))
        self.remove_guest_button = _button("remove_guest_button", _("Remove guest"), self.remove_guest)
        row.addWidget(self.remove_guest_button)
        row.addStretch(1)
        column.addLayout(row)
        self._show_guests()
        return page

    # ---- attendance ---------------------------------------------------------------------------

    def _marks_changed(self, *_args: object) -> None:
        for mark in self.draft.attendance:
            mark.presence = str(self.presence[mark.teacher_id].currentData() or "")
            mark.reason = self.reasons[mark.teacher_id].text()
        self.update_counts()

    def update_counts(self) -> None:
        marks = [m.presence for m in self.draft.attendance]
        for mark in self.draft.attendance:
            absent = mark.presence == Presence.ABSENT.value
            self.reasons[mark.teacher_id].setEnabled(absent)
            self.reasons[mark.teacher_id].setPlaceholderText(_("For example: sick leave") if absent else "")
        self.counts.setText(
            _("Present: {present}. Absent: {absent}. Not marked: {unmarked}. Guests: {guests}.").format(
                present=marks.count(Presence.PRESENT.value),
                absent=marks.count(Presence.ABSENT.value),
                unmarked=marks.count(""),
                guests=len(self.draft.guests),
            )
        )

    def mark_all_present(self) -> None:
        """Everyone not marked absent is present (the usual case)."""
        for combo in self.presence.values():
            if combo.currentData() != Presence.ABSENT.value:
                combo.setCurrentIndex(combo.findData(Presence.PRESENT.value))

    def set_mark(self, teacher_id: int, presence: str, reason: str = "") -> None:
        """Mark one member as the user would (tests, keyboard)."""
        self.presence[teacher_id].setCurrentIndex(self.presence[teacher_id].findData(presence))
        self.reasons[teacher_id].setText(reason)

    # ---- guests ---------------------------------------------------------------------------------

    def _show_guests(self, select: int | None = None) -> None:
        self.guests_table.blockSignals(True)
        self.guests_table.setRowCount(len(self.draft.guests))
        for row, guest in enumerate(self.draft.guests):
            for column, field in enumerate(GUEST_FIELDS):
                self.guests_table.setItem(row, column, QTableWidgetItem(getattr(guest, field)))
        self.guests_table.blockSignals(False)
        if select is not None and 0 <= select < len(self.draft.guests):
            self.guests_table.setCurrentCell(select, 0)
        self.remove_guest_button.setEnabled(bool(self.draft.guests))

    def _guest_edited(self, cell: QTableWidgetItem) -> None:
        row, column = cell.row(), cell.column()
        if 0 <= row < len(self.draft.guests) and 0 <= column < len(GUEST_FIELDS):
            setattr(self.draft.guests[row], GUEST_FIELDS[column], cell.text().strip())
            self.guests_changed.emit()

    def add_guest(self) -> None:
        self.draft.guests.append(DraftGuest(key=self.draft.new_key(), id=None))
        row = len(self.draft.guests) - 1
        self._show_guests(row)
        self.update_counts()
        self.guests_table.editItem(self.guests_table.item(row, 0))
        self.guests_changed.emit()

    def set_guest(self, row: int, name: str, job_title: str = "", organisation: str = "") -> None:
        """Fill a guest's row as the user would type it (tests)."""
        for column, text in enumerate((name, job_title, organisation)):
            self.guests_table.item(row, column).setText(text)

    def remove_guest(self) -> None:
        row = self.guests_table.currentRow()
        if not 0 <= row < len(self.draft.guests):
            row = len(self.draft.guests) - 1
        if row < 0:
            return
        self.draft.remove_guest(self.draft.guests[row].key)
        self._show_guests(min(row, len(self.draft.guests) - 1))
        self.update_counts()
        self.guests_changed.emit()

    # ---- refusals -----------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.attendance_error.hide()
        self.guests_error.hide()

    def show_error(self, part: str, row: int | None, message: str) -> None:
        label = self.guests_error if part == "guests" else self.attendance_error
        if part == "guests" and row is not None and 0 <= row < len(self.draft.guests):
            self.guests_table.setCurrentCell(row, 0)
        label.setText(message)
        label.show()
