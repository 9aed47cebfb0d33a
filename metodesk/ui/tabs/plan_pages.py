"""Two pages of an annual plan's detail: the activities table (add, edit,
delete, move; each in one transaction through ``plan_activities``) and the
live schedules of the plan's year (read-only: the association's meetings,
edited in the Associations tab, and from ``plan_schedules`` the open lessons,
mentoring pairs and attestations)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import MeetingStatus
from metodesk.domain.rows.plan import ScheduledMeeting
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import plan_activities, plan_rows
from metodesk.services.plans import ActivityRow, PlanDetail
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import label_of, run_action
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table, save_table_state, select_row_by_id, selected_row
from metodesk.ui.tabs.plan_schedules import LinkedSchedules

ACTIVITY_WIDTHS = (40, 260, 150, 170, 110, 160, 200, 110, 130)
SCHEDULE_WIDTHS = (50, 90, 90)


def _button(name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _first_widths(view: QTableView, ctx: AppContext, widths: tuple[int, ...]) -> None:
    if ctx.settings.value(f"tables/{view.objectName()}") is None:
        for section, width in enumerate(widths):
            view.setColumnWidth(section, max(width, header_width(view, section)))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def status_text(a: ActivityRow) -> str:
    """'Done', or 'Planned, carried over' for an unfinished one brought from last year."""
    if a.carried_over and a.effective_status != "done":
        return _("{status}, carried over").format(status=a.status_label)
    return a.status_label


def fulfilled_text(a: ActivityRow) -> str:
    """The meeting, open lesson or mentoring entry tied to the activity ('' for none)."""
    if a.meeting_number is not None and a.meeting_date is not None:
        return _("meeting No. {number}, {date}").format(
            number=a.meeting_number, date=short_date(a.meeting_date)
        )
    if a.lesson_id is not None and a.lesson_date is not None:
        return _("open lesson, {date}, {teacher}").format(
            date=short_date(a.lesson_date), teacher=a.lesson_teacher
        )
    if a.mentoring_entry_id is not None and a.mentoring_date is not None:
        return _("mentoring entry, {date}, {pair}").format(
            date=short_date(a.mentoring_date), pair=a.mentoring_pair
        )
    return ""


def fulfilled_tooltip(a: ActivityRow) -> str:
    if a.lesson_id is not None and a.lesson_topic:
        return f"{fulfilled_text(a)}: {a.lesson_topic}"
    return fulfilled_text(a)


def responsible_tooltip(a: ActivityRow) -> str:
    if not a.responsible_archived:
        return a.responsible
    return _("{names}. Has left: {left}.").format(names=a.responsible, left=", ".join(a.responsible_archived))


class ActivitiesPage(QWidget):
    """The plan's activities in their order."""

    written = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("activities_page")
        self.detail: PlanDetail | None = None
        self._pending_select: int | None = None
        lang = lambda: self.ctx.lang  # noqa: E731
        self.model = RowTableModel(
            [
                Column(lambda: _("No."), lambda a: str(a.number), sort=lambda a: a.number, align_right=True),
                Column(lambda: _("Content"), lambda a: _one_line(a.content), tooltip=lambda a: a.content),
                Column(lambda: _("Form"), lambda a: a.form_label, tooltip=lambda a: a.form_label),
                Column(
                    lambda: _("Direction"), lambda a: a.direction_label, tooltip=lambda a: a.direction_label
                ),
                Column(
                    lambda: _("Date or months"), lambda a: a.when(lang()), tooltip=lambda a: a.when(lang())
                ),
                Column(lambda: _("Responsible"), lambda a: a.responsible, tooltip=responsible_tooltip),
                Column(
                    lambda: _("Expected result"),
                    lambda a: _one_line(a.expected),
                    tooltip=lambda a: a.expected,
                ),
                Column(lambda: _("Status"), status_text, tooltip=lambda a: a.status_note or status_text(a)),
                Column(lambda: _("Fulfilled by"), fulfilled_text, tooltip=fulfilled_tooltip),
            ]
        )
        column = QVBoxLayout(self)
        self.table, self.proxy = make_table("plan_activities_table", self.model, ctx)
        self.table.setSortingEnabled(False)  # the plan's own order: use Move
        _first_widths(self.table, ctx, ACTIVITY_WIDTHS)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_activity)
        column.addWidget(self.table, 1)
        self.empty_label = QLabel(_("The plan has no activities yet. Press “Add…”."))
        self.empty_label.setObjectName("activities_empty")
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.add_button = _button("add_activity_button", _("Add…"), self.add_activity)
        self.edit_button = _button("edit_activity_button", _("Edit…"), self.edit_activity)
        self.delete_button = _button("delete_activity_button", _("Delete"), self.delete_activity)
        self.up_button = _button("activity_up_button", _("Move up"), self.move_up)
        self.down_button = _button("activity_down_button", _("Move down"), self.move_down)
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self._update_buttons()

    def selected(self) -> ActivityRow | None:
        return selected_row(self.table)

    def show_plan(self, detail: PlanDetail | None, select_id: int | None = None) -> None:
        same = detail is not None and self.detail is not None and detail.row.id == self.detail.row.id
        current = self.selected()
        keep = select_id if select_id is not None else (current.id if same and current else None)
        self.detail = detail
        self.model.set_rows(detail.activities if detail else [])
        self.proxy.sort(0)
        self.empty_label.setVisible(detail is not None and not detail.activities)
        self.select(keep)

    def select(self, activity_id: int | None) -> None:
        select_row_by_id(self.table, activity_id)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        editable = self.detail is not None and not self.detail.locked
        row = self.selected()
        count = len(self.detail.activities) if self.detail else 0
        self.add_button.setEnabled(editable)
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(editable and row is not None)
        self.up_button.setEnabled(editable and row is not None and row.number > 1)
        self.down_button.setEnabled(editable and row is not None and row.number < count)

    # ---- actions ------------------------------------------------------------------------------------

    def _open(self, activity_id: int | None) -> None:
        from metodesk.ui.dialogs.plan_activity import ActivityDialog

        if self.detail is None:
            return
        try:
            dialog = ActivityDialog(self.ctx, self.detail.row.id, activity_id, self)
        except DomainError as err:  # deleted meanwhile, say
            common.show_error(self, err.message)
            self.written.emit()
            return
        if dialog.exec() and dialog.saved_id is not None:
            self._pending_select = dialog.saved_id
            self.written.emit()

    def add_activity(self) -> None:
        self._open(None)

    def edit_activity(self, *_args: object) -> None:
        row = self.selected()
        if row is not None:
            self._open(row.id)

    def delete_activity(self) -> None:
        """Delete the chosen activity; on an approved plan the services refuse it
        with their sentence (the Delete key still asks)."""
        row = self.selected()
        if row is None:
            return
        question = _("Delete activity {number} “{content}”?").format(
            number=row.number, content=_one_line(row.content)[:80]
        )
        if not common.confirm(self, question):
            return
        self._target = row.id
        if run_action(self, self.ctx, self._delete_target):
            self.written.emit()

    def _delete_target(self, session) -> None:  # type: ignore[no-untyped-def]
        plan_activities.delete_activity(session, self._target)

    def _move(self, offset: int) -> None:
        row = self.selected()
        if row is None:
            return
        self._target, self._offset = row.id, offset
        if run_action(self, self.ctx, self._move_target):
            self._pending_select = row.id
            self.written.emit()

    def _move_target(self, session) -> None:  # type: ignore[no-untyped-def]
        plan_activities.move_activity(session, self._target, self._offset)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def take_pending_selection(self) -> int | None:
        """The activity just saved or moved, to select after the reload."""
        pending, self._pending_select = self._pending_select, None
        return pending

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)


def topics_text(meeting: ScheduledMeeting) -> str:
    titles = [_one_line(t.title) or _("Review of earlier decisions") for t in meeting.topics]
    return "; ".join(titles)


class SchedulePage(QWidget):
    """The schedules of the plan's year as they stand now: the association's
    meetings, then the open lessons, mentoring and attestation pages."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("schedule_page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.schedule_tabs = QTabWidget()
        self.schedule_tabs.setObjectName("schedule_tabs")
        outer.addWidget(self.schedule_tabs)
        meetings_page = QWidget()
        meetings_page.setObjectName("schedule_meetings_page")
        self.schedule_tabs.addTab(meetings_page, _("Meetings"))
        self.model = RowTableModel(
            [
                Column(lambda: _("No."), lambda m: str(m.number), sort=lambda m: m.number, align_right=True),
                Column(lambda: _("Date"), lambda m: short_date(m.date), sort=lambda m: m.date),
                Column(
                    lambda: _("Status"),
                    lambda m: label_of(MeetingStatus, "held" if m.held else "planned"),
                ),
                Column(lambda: _("Agenda"), topics_text, tooltip=topics_text),
            ]
        )
        column = QVBoxLayout(meetings_page)
        intro = QLabel(
            _(
                "The association's meetings of the year appear in the plan as they are recorded "
                "in the Associations tab; edit them there."
            )
        )
        intro.setObjectName("schedule_intro")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.table, self.proxy = make_table("plan_schedule_table", self.model, ctx)
        _first_widths(self.table, ctx, SCHEDULE_WIDTHS)
        column.addWidget(self.table, 1)
        self.empty_label = QLabel(_("No meetings of the association in this year yet."))
        self.empty_label.setObjectName("schedule_empty")
        column.addWidget(self.empty_label)
        self.linked = LinkedSchedules(ctx, self.schedule_tabs)

    def show_plan(self, detail: PlanDetail | None) -> None:
        rows: tuple[ScheduledMeeting, ...] = ()
        if detail is not None:
            with self.ctx.reading() as session:
                rows = plan_rows.plan_schedule(session, detail.row.id)
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.empty_label.setVisible(detail is not None and not rows)
        self.linked.load(detail.row.id if detail is not None else None)

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
        self.linked.save_state()
