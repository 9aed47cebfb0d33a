"""Add or edit a methodical event: title, form, level, dates, organiser, the
participants (teacher, role, own result), the result and materials, and the
annual-plan activity it fulfils. Saved in one transaction; a refused field's
sentence shows under that field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.growth import EventForm, EventRole, EventRow, GrowthLevel
from metodesk.i18n import _
from metodesk.services import growth_events
from metodesk.services.growth_events import EventInput, ParticipantInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.growth_records import code_combo, line, teacher_combo, text_box, year_combo
from metodesk.ui.widgets import DateField


class ParticipantsEditor(QWidget):
    """Rows of teacher | role | own result, with buttons to add and remove one."""

    def __init__(self, ctx: AppContext, event: EventRow | None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("participants_editor")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("participants")
        self.table.setHorizontalHeaderLabels([_("Teacher"), _("Role"), _("Own result")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        column.addWidget(self.table)
        bar = QHBoxLayout()
        self.add_button = QPushButton(_("Add a participant"))
        self.add_button.setObjectName("add_participant_button")
        self.add_button.clicked.connect(lambda _c=False: self.add_row())
        self.remove_button = QPushButton(_("Remove the participant"))
        self.remove_button.setObjectName("remove_participant_button")
        self.remove_button.clicked.connect(lambda _c=False: self.remove_current())
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        column.addLayout(bar)
        for p in event.participants if event else ():
            self.add_row(p.teacher_id, p.role, p.result)

    def add_row(self, teacher_id: int | None = None, role: str = EventRole.PARTICIPANT.value, result: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, teacher_combo(self.ctx, f"participant_{row}", teacher_id, _("(choose)")))
        self.table.setCellWidget(row, 1, code_combo(f"role_{row}", EventRole.choices(), role))
        self.table.setItem(row, 2, QTableWidgetItem(result))

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 and self.table.rowCount():
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)

    def values(self) -> list[ParticipantInput]:
        found = []
        for row in range(self.table.rowCount()):
            teacher = self.table.cellWidget(row, 0)
            role = self.table.cellWidget(row, 1)
            item = self.table.item(row, 2)
            assert isinstance(teacher, QComboBox) and isinstance(role, QComboBox)
            found.append(ParticipantInput(teacher.currentData(), role.currentData(), item.text() if item else ""))
        return found


class EventDialog(FormDialog):
    """A methodical event of ``year_id`` (a new one when ``event`` is None)."""

    def __init__(
        self, ctx: AppContext, year_id: int, event: EventRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("New event") if event is None else _("Edit event"), parent)
        self.row = event
        e = event
        self.year = year_combo(ctx, e.year_id if e else year_id)
        self.year.currentIndexChanged.connect(lambda _i: self._fill_activities())
        self.add_field(_("Academic year"), self.year, "year_id")
        self.title_edit = line("title", e.title if e else "", 300)
        self.add_field(_("Title"), self.title_edit, "title")
        self.form_combo = code_combo("form", EventForm.choices(), e.form if e else EventForm.SEMINAR.value)
        self.add_field(_("Form"), self.form_combo, "form")
        self.level = code_combo("level", GrowthLevel.choices(), e.level if e else GrowthLevel.SCHOOL.value)
        self.add_field(_("Level"), self.level, "level")
        dates = QWidget()
        dates.setObjectName("event_dates")
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_date = DateField("start_date")
        self.start_date.set_date(e.start_date if e else None)
        self.end_date = DateField("end_date")
        self.end_date.set_date(e.end_date if e else None)
        self.end_date.setToolTip(_("Leave empty for a one-day event."))
        for widget in (self.start_date, QLabel("–"), self.end_date):
            row.addWidget(widget)
        row.addStretch(1)
        self.add_field(_("Dates"), dates, "start_date")
        self._errors["end_date"] = self._errors["start_date"]
        self.organiser = line("organiser", e.organiser if e else "", 300)
        self.add_field(_("Organiser"), self.organiser, "organiser")
        self.participants = ParticipantsEditor(ctx, e)
        self.add_field(_("Participants"), self.participants, "participants")
        self.result_edit = line("result", e.result if e else "", 300)
        self.result_edit.setPlaceholderText(_("place, certificate, diploma"))
        self.add_field(_("Result"), self.result_edit, "result")
        self.materials = text_box("materials", e.materials if e else "", 60)
        self.add_field(_("Materials"), self.materials, "materials")
        self.activity = QComboBox()
        self.activity.setObjectName("plan_activity_id")
        # an activity's text is long: the combo keeps the dialog's width, its list opens wider
        self.activity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activity.setMinimumContentsLength(30)
        self.activity.setToolTip(_("The annual-plan activity this event carries out; it is marked done once held."))
        self.add_field(_("Plan activity"), self.activity, "plan_activity_id")
        self._fill_activities()
        self.setMinimumWidth(760)

    def _fill_activities(self) -> None:
        wanted = self.activity.currentData() if self.activity.count() else (
            self.row.plan_activity_id if self.row else None
        )
        self.activity.clear()
        self.activity.addItem(_("(none)"), None)
        year_id = self.year.currentData()
        if year_id is None:
            return
        with self.ctx.reading() as session:
            choices = growth_events.activity_choices(session, year_id, self.row.id if self.row else None)
        for c in choices:
            self.activity.addItem(f"{c.association(self.ctx.lang)}: {c.content}", c.id)
        self.activity.setCurrentIndex(max(self.activity.findData(wanted), 0))

    def values(self) -> EventInput:
        return EventInput(
            year_id=self.year.currentData(),
            title=self.title_edit.text(),
            form=self.form_combo.currentData(),
            level=self.level.currentData(),
            start_date=self.start_date.date(),
            end_date=self.end_date.date(),
            organiser=self.organiser.text(),
            result=self.result_edit.text(),
            materials=self.materials.toPlainText(),
            participants=self.participants.values(),
            plan_activity_id=self.activity.currentData(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return growth_events.save_event(session, self.values(), self.row.id if self.row else None)
