"""Two pages of an association's detail: its meetings in the association's year
(number, date, status, who came, the agenda; new, edit, delete, print the
protocol or the attendance sheet), and the register of documents it reviewed
(Order No. 253 items 26-27: title, author, the protocol that reviewed it, the
day the head approved it).

Each page writes through its own buttons in one transaction, then emits
``written(association_id)`` so the tab reloads and other tabs learn of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import DocumentKind, MeetingStatus
from metodesk.i18n import _
from metodesk.i18n.dates import protocol_reference, short_date
from metodesk.services import agenda, meetings, reviewed_documents
from metodesk.services.associations import AssociationDetail
from metodesk.services.meetings import MeetingRow
from metodesk.services.reviewed_documents import DocumentRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import label_of, run_action
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table, save_table_state, select_row_by_id, selected_row

MEETING_WIDTHS = (40, 85, 90, 70, 70)  # first-start widths; the agenda column takes the rest
DOCUMENT_WIDTHS = (150, 90, 110, 170, 90)


@dataclass(frozen=True)
class MeetingListRow:
    meeting: MeetingRow
    topics: str

    @property
    def id(self) -> int:
        return self.meeting.id


def _button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _first_widths(view: QTableView, ctx: AppContext, widths: tuple[int, ...]) -> None:
    if ctx.settings.value(f"tables/{view.objectName()}") is None:
        for section, width in enumerate(widths):
            view.setColumnWidth(section, max(width, header_width(view, section)))


def _select(view: QTableView, wanted: int | None) -> None:
    select_row_by_id(view, wanted)


class MeetingsPage(QWidget):
    """The association's meetings in its academic year."""

    written = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("meetings_page")
        self.association_id: int | None = None
        self.year_id: int | None = None
        self.model = RowTableModel(
            [
                Column(
                    lambda: _("No."),
                    lambda r: str(r.meeting.number),
                    sort=lambda r: r.meeting.number,
                    align_right=True,
                ),
                Column(
                    lambda: _("Date"), lambda r: short_date(r.meeting.date), sort=lambda r: r.meeting.date
                ),
                Column(lambda: _("Status"), lambda r: label_of(MeetingStatus, r.meeting.status)),
                Column(
                    # TRANSLATORS: column header over how many people were present: "Присутствовали".
                    lambda: _("Were present"),
                    lambda r: str(r.meeting.present_count),
                    sort=lambda r: r.meeting.present_count,
                    align_right=True,
                    searchable=False,
                ),
                Column(
                    # TRANSLATORS: column header over how many people were absent: "Отсутствовали".
                    lambda: _("Were absent"),
                    lambda r: str(r.meeting.absent_count),
                    sort=lambda r: r.meeting.absent_count,
                    align_right=True,
                    searchable=False,
                ),
                Column(lambda: _("Agenda"), lambda r: r.topics, tooltip=lambda r: r.topics),
            ]
        )
        column = QVBoxLayout(self)
        self.table, self.proxy = make_table("meetings_table", self.model, ctx)
        _first_widths(self.table, ctx, MEETING_WIDTHS)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_meeting)
        column.addWidget(self.table, 1)
        self.empty_label = QLabel(_("No meetings yet in this academic year. Press “New meeting…”."))
        self.empty_label.setObjectName("meetings_empty")
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)
        grid = QGridLayout()
        self.new_button = _button("new_meeting_button", _("New meeting…"), self.new_meeting)
        self.edit_button = _button("edit_meeting_button", _("Edit…"), self.edit_meeting)
        self.delete_button = _button("delete_meeting_button", _("Delete"), self.delete_meeting)
        self.protocol_button = _button("print_protocol_button", _("Print protocol…"), self.print_protocol)
        self.sheet_button = _button("attendance_sheet_button", _("Attendance sheet…"), self.print_attendance)
        for index, button in enumerate((self.new_button, self.edit_button, self.delete_button)):
            grid.addWidget(button, 0, index)
        grid.addWidget(self.protocol_button, 1, 0, 1, 2)
        grid.addWidget(self.sheet_button, 1, 2)
        grid.setColumnStretch(3, 1)
        column.addLayout(grid)
        self._update_buttons()

    def set_association(self, detail: AssociationDetail | None) -> None:
        """Show the meetings of the chosen association (none when nothing is chosen)."""
        same = detail is not None and detail.row.id == self.association_id
        keep = self.selected().id if same and self.selected() else None
        self.association_id = detail.row.id if detail else None
        self.year_id = detail.row.year_id if detail else None
        self.reload(keep)

    def selected(self) -> MeetingListRow | None:
        return selected_row(self.table)

    def reload(self, select_id: int | None = None) -> None:
        rows: list[MeetingListRow] = []
        if self.association_id is not None:
            with self.ctx.reading() as session:
                for meeting in meetings.list_meetings(session, self.association_id, self.year_id):
                    titles = [
                        " ".join(i.title.split()) or _("Review of earlier decisions")
                        for i in agenda.list_items(session, meeting.id)
                    ]
                    rows.append(MeetingListRow(meeting, "; ".join(titles)))
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.empty_label.setVisible(self.association_id is not None and not rows)
        _select(self.table, select_id)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.new_button.setEnabled(self.association_id is not None)
        for button in (self.edit_button, self.delete_button, self.protocol_button, self.sheet_button):
            button.setEnabled(chosen)

    def _written(self, select_id: int | None) -> None:
        self.reload(select_id)
        if self.association_id is not None:
            self.written.emit(self.association_id)

    # ---- actions ------------------------------------------------------------------------------

    def _edit(self, meeting_id: int | None) -> None:
        from metodesk.ui.dialogs.meeting import MeetingDialog

        if self.association_id is None:
            return
        try:
            dialog = MeetingDialog(self.ctx, self.association_id, meeting_id, self)
        except DomainError as err:  # deleted meanwhile, say
            common.show_error(self, err.message)
            self._written(None)
            return
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)

    def new_meeting(self) -> None:
        self._edit(None)

    def edit_meeting(self, *_args: object) -> None:
        row = self.selected()
        if row is not None:
            self._edit(row.id)

    def delete_meeting(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _(
            "Delete the meeting No. {number} of {date} with its attendance, agenda and decisions?"
        ).format(number=row.meeting.number, date=short_date(row.meeting.date))
        if not common.confirm(self, question):
            return
        self._doomed = row.id
        if run_action(self, self.ctx, self._delete_doomed):
            self._written(None)

    def _delete_doomed(self, session) -> None:  # type: ignore[no-untyped-def]
        meetings.delete_meeting(session, self._doomed)

    def print_protocol(self) -> None:
        self._preview("protocol")

    def print_attendance(self) -> None:
        self._preview("attendance")

    def _preview(self, document: str) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        row = self.selected()
        if row is not None:
            open_document(self.ctx, document, {"meeting": row.id}, self)

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)


class ReviewedDocumentsPage(QWidget):
    """The register of documents the association reviewed in its year."""

    written = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, council: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.council = council  # the methodical council's register: printed for the whole year
        self.setObjectName("documents_page")
        self.association_id: int | None = None
        self.year_id: int | None = None
        far = dt.date.max
        self.model = RowTableModel(
            [
                Column(lambda: _("Title"), lambda r: r.title, tooltip=lambda r: r.title),
                Column(lambda: _("Kind"), lambda r: label_of(DocumentKind, r.kind)),
                Column(lambda: _("Author"), lambda r: r.author_name),
                Column(
                    lambda: _("Reviewed at"),
                    self._reviewed_at,
                    sort=lambda r: (r.meeting_date or far, r.meeting_number or 0),
                    tooltip=self._reviewed_at,
                ),
                Column(
                    lambda: _("Approved on"),
                    lambda r: short_date(r.approved_on),
                    sort=lambda r: r.approved_on or far,
                ),
                Column(
                    lambda: _("Conclusion"),
                    lambda r: r.conclusion_label,
                    tooltip=lambda r: r.conclusion_label,
                ),
            ]
        )
        column = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Programmes, plans and materials the methodical council reviewed, with its conclusion, "
                "before the head approved them (Order No. 253, item 27)."
            )
            if council
            else _(
                "Plans and materials the association reviewed before the head approved them (Order No. 253, items 26-27)."
            )
        )
        intro.setObjectName("documents_intro")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.table, self.proxy = make_table("documents_table", self.model, ctx)
        _first_widths(self.table, ctx, DOCUMENT_WIDTHS)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_document)
        column.addWidget(self.table, 1)
        grid = QGridLayout()
        self.add_button = _button("add_document_button", _("Add…"), self.add_document)
        self.edit_button = _button("edit_document_button", _("Edit…"), self.edit_document)
        self.delete_button = _button("delete_document_button", _("Delete"), self.delete_document)
        for index, button in enumerate((self.add_button, self.edit_button, self.delete_button)):
            grid.addWidget(button, 0, index)
        if council:
            self.print_button = _button(
                "print_register_button", _("Print the year's register…"), self.print_register
            )
            grid.addWidget(self.print_button, 1, 0, 1, 3)
        grid.setColumnStretch(3, 1)
        column.addLayout(grid)
        self._update_buttons()

    def print_register(self) -> None:
        """The register of every body's reviewed documents in the year, in the preview."""
        from metodesk.ui.dialogs.document_preview import open_document

        if self.year_id is not None:
            open_document(self.ctx, "reviewed-documents", {"year_id": self.year_id}, self)

    def _reviewed_at(self, row: DocumentRow) -> str:
        return (
            protocol_reference(row.meeting_number, row.meeting_date, self.ctx.lang)
            if row.meeting_number is not None and row.meeting_date is not None
            else _("not reviewed yet")
        )

    def set_association(self, detail: AssociationDetail | None) -> None:
        same = detail is not None and detail.row.id == self.association_id
        keep = self.selected().id if same and self.selected() else None
        self.association_id = detail.row.id if detail else None
        self.year_id = detail.row.year_id if detail else None
        self.reload(keep)

    def selected(self) -> DocumentRow | None:
        return selected_row(self.table)

    def reload(self, select_id: int | None = None) -> None:
        rows: list[DocumentRow] = []
        if self.association_id is not None:
            with self.ctx.reading() as session:
                rows = reviewed_documents.register(session, self.association_id, self.year_id)
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        _select(self.table, select_id)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.add_button.setEnabled(self.association_id is not None)
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _open(self, document_id: int | None) -> None:
        from metodesk.ui.dialogs.reviewed_document import RegisterDocumentDialog

        if self.association_id is None:
            return
        try:
            dialog = RegisterDocumentDialog(self.ctx, self.association_id, document_id, self)
        except DomainError as err:
            common.show_error(self, err.message)
            self.reload()
            return
        if dialog.exec() and dialog.saved_id is not None:
            self.reload(dialog.saved_id)
            self.written.emit(self.association_id)

    def add_document(self) -> None:
        self._open(None)

    def edit_document(self, *_args: object) -> None:
        row = self.selected()
        if row is not None:
            self._open(row.id)

    def delete_document(self) -> None:
        row = self.selected()
        if row is None or self.association_id is None:
            return
        if not common.confirm(self, _("Delete “{title}” from the register?").format(title=row.title)):
            return
        self._doomed = row.id
        if run_action(self, self.ctx, self._delete_doomed):
            self.reload()
            self.written.emit(self.association_id)

    def _delete_doomed(self, session) -> None:  # type: ignore[no-untyped-def]
        reviewed_documents.delete_document(session, self._doomed)

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
