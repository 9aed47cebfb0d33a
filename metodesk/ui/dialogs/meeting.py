"""The meeting editor: General (number, date, place, status, chair, secretary),
Attendance (members present or absent, guests) and Agenda (items with heard,
spoke, decisions, reviewed documents; the review of earlier decisions).

The whole meeting is saved in one transaction; a refusal shows its sentence
next to the field (switching to its section and item) and keeps every input.
What is typed is kept as a draft (``meeting_keep``) every few seconds, so a
closed dialog or a crash loses nothing; the next editing of the meeting opens
the draft again, until the meeting is saved or the changes are discarded."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk import logs
from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import MeetingStatus
from metodesk.i18n import _
from metodesk.services import associations, meeting_keep, settings, years
from metodesk.services.meeting_draft import (
    AGENDA,
    ATTENDANCE,
    GENERAL,
    DraftPerson,
    PlacedError,
    load_draft,
)
from metodesk.services.meeting_save import save_meeting
from metodesk.services.meetings import MAX_NUMBER
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs import base
from metodesk.ui.dialogs.agenda_item import AgendaPanel
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.meeting_attendance import AttendancePanel
from metodesk.ui.widgets import DateField

log = logs.get_logger(__name__)
SECTIONS = (GENERAL, ATTENDANCE, AGENDA)
DEFAULT_SIZE = (1000, 640)  # fits a 1366x768 laptop with the taskbar
KEEP_EVERY_MS = 3000  # how often the typed draft is written while the editor is open


class MeetingDialog(FormDialog):
    """``meeting_id`` None: a new meeting of the association, with proposals."""

    def __init__(
        self,
        ctx: AppContext,
        association_id: int,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ctx, _("New meeting") if meeting_id is None else _("Meeting"), parent)
        self.today = today or dt.date.today()
        self.keep_key = meeting_keep.key_for(association_id, meeting_id)
        with ctx.reading() as session:
            self.draft = load_draft(session, association_id, meeting_id, self.today)
            detail = associations.get_detail(session, association_id)
            text_lang = settings.print_language(session)
            kept = meeting_keep.load(session, self.keep_key)
            self.year = years.get_year(session, detail.row.year_id)
        self.version = self.draft.version  # the stored meeting's, as read: the save names it
        self.saved_state = meeting_keep.encode(self.draft)  # the meeting as stored
        self.restored = kept is not None and meeting_keep.apply(self.draft, kept)
        self.kept_state = meeting_keep.encode(self.draft) if self.restored else self.saved_state
        if meeting_id is not None:
            self.setWindowTitle(_("Meeting: protocol No. {number}").format(number=self.draft.number))
        self.heading = QLabel(
            _("{association}, academic year {year}").format(
                association=detail.row.name(ctx.lang), year=detail.row.year_name
            )
        )
        self.heading.setObjectName("meeting_heading")
        self.heading.setWordWrap(True)
        self.restored_note = QLabel(
            _("The draft kept from the last editing is open again; save the meeting or discard the changes.")
        )
        self.restored_note.setObjectName("restored_note")
        self.restored_note.setWordWrap(True)
        self.restored_note.setVisible(self.restored)
        self.sections = QTabWidget()
        self.sections.setObjectName("meeting_sections")
        self.sections.addTab(self._build_general(), _("General"))
        self.attendance = AttendancePanel(self.draft)
        self.sections.addTab(self.attendance, _("Attendance"))
        self.agenda = AgendaPanel(ctx, self.draft, self.speaker_choices, self.member_choices, text_lang)
        self.sections.addTab(self.agenda, _("Agenda"))
        self.attendance.guests_changed.connect(self.agenda.refresh_people)
        self.sections.currentChanged.connect(self._section_changed)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(1, self.heading)
        outer.insertWidget(2, self.restored_note)
        outer.insertWidget(outer.indexOf(self.buttons), self.sections, 1)
        for index in range(outer.count()):  # the base's spacer must not take the room
            if outer.itemAt(index).spacerItem() is not None:
                outer.setStretch(index, 0)
        if ctx.settings.value("dialogs/MeetingDialog") is None:
            self.resize(*DEFAULT_SIZE)
        self.keeper = QTimer(self)
        self.keeper.setObjectName("draft_keeper")
        self.keeper.setInterval(KEEP_EVERY_MS)
        self.keeper.timeout.connect(self.keep_draft)
        self.keeper.start()

    # ---- the kept draft -----------------------------------------------------------------------

    def state(self) -> object:
        try:
            self._collect_general()
        except DomainError:
            pass  # a date that cannot be read yet: the draft keeps the last readable one
        return meeting_keep.encode(self.draft)

    def mark_unchanged(self) -> None:
        """Changes are counted from the meeting as stored, so a restored draft counts."""
        self._initial_state = self.saved_state

    def keep_draft(self) -> None:
        """Write the draft when it differs from what was last kept (or drop it
        when it is the stored meeting again)."""
        if not self.isVisible():
            return
        state = self.state()
        if state == self.kept_state:
            return
        problem = meeting_keep.store(self.ctx.db, self.keep_key, None if state == self.saved_state else state)
        if problem is not None:
            log.warning("The meeting draft was not kept: %s", problem)
            return
        self.kept_state = state

    def drop_draft(self) -> None:
        problem = meeting_keep.store(self.ctx.db, self.keep_key, None)
        if problem is not None:
            log.warning("The meeting draft was not removed: %s", problem)
            return
        self.kept_state = self.saved_state

    def confirm_close(self) -> bool:
        if not self.has_changes():
            if self.restored:
                self.drop_draft()
            return True
        answer = base.ask_discard(self, keep_draft=True)
        if answer == "discard":
            self.drop_draft()
        elif answer == "keep":
            self.keep_draft()
        return answer != "stay"

    def done(self, result: int) -> None:
        self.keeper.stop()
        super().done(result)

    # ---- General ------------------------------------------------------------------------------

    def _field(self, form: QFormLayout, label: str, widget: QWidget, field: str) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._error_label(f"{field}_error")
        column.addWidget(error)
        self._errors[field] = error
        form.addRow(label, holder)
        return widget

    def _people_combo(self, name: str, current: int | None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(_("— not chosen —"), None)
        for mark in self.draft.attendance:
            combo.addItem(mark.full_name, mark.teacher_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def _build_general(self) -> QWidget:
        page = QWidget()
        page.setObjectName("general_page")
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        d = self.draft
        self.number = QSpinBox()
        self.number.setObjectName("number")
        self.number.setRange(1, MAX_NUMBER)
        self.number.setValue(d.number)
        self.number.setMaximumWidth(120)
        self.number.setToolTip(_("Protocols are numbered from 1 in each association each academic year."))
        self._field(form, _("Protocol No."), self.number, "number")
        self.date = DateField("date")
        self.date.set_date(d.date)
        self.date.setMaximumWidth(160)
        self._field(form, _("Date"), self.date, "date")
        self.date_warning = self.add_day_warning(self.date, self.year)
        self.place = QLineEdit(d.place)
        self.place.setObjectName("place")
        self.place.setPlaceholderText(_("For example: room 204"))
        self._field(form, _("Place"), self.place, "place")
        self.status = QComboBox()
        self.status.setObjectName("status")
        for code, label in MeetingStatus.choices():
            self.status.addItem(label, code)
        self.status.setCurrentIndex(max(self.status.findData(d.status), 0))
        self.status.setMaximumWidth(260)
        self._field(form, _("Status"), self.status, "status")
        self.chair = self._people_combo("chair", d.chair_id)
        self._field(form, _("Chair"), self.chair, "chair_id")
        self.secretary = self._people_combo("secretary", d.secretary_id)
        self._field(form, _("Secretary"), self.secretary, "secretary_id")
        hint = QLabel(
            _(
                "The chair is usually the leader of the association and the secretary its secretary. "
                "Mark attendance and write the agenda on the next pages; everything is saved together."
            )
        )
        hint.setObjectName("general_hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        return page

    def _collect_general(self) -> None:
        d = self.draft
        d.number = self.number.value()
        d.date = self.date.date()
        d.place = self.place.text()
        d.status = str(self.status.currentData())
        d.chair_id = self.chair.currentData()
        d.secretary_id = self.secretary.currentData()

    # ---- people offered in the agenda ---------------------------------------------------------

    def member_choices(self) -> list[tuple[str, DraftPerson]]:
        return [(m.full_name, DraftPerson(teacher_id=m.teacher_id)) for m in self.draft.attendance]

    def speaker_choices(self) -> list[tuple[str, DraftPerson]]:
        guests = [(g.described, DraftPerson(guest_key=g.key)) for g in self.draft.guests if g.name.strip()]
        return self.member_choices() + guests

    def _section_changed(self, index: int) -> None:
        if self.sections.widget(index) is self.agenda:
            self.draft.chair_id = self.chair.currentData()
            self.agenda.refresh_people()

    # ---- saving -------------------------------------------------------------------------------

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        try:
            self._collect_general()
        except DomainError as err:
            raise PlacedError(err, GENERAL) from err
        return save_meeting(session, self.draft, self.today, self.keep_key, version=self.version)

    def clear_errors(self) -> None:
        super().clear_errors()
        self.attendance.clear_errors()
        self.agenda.clear_errors()

    def show_domain_error(self, err: DomainError) -> None:
        if not isinstance(err, PlacedError):
            super().show_domain_error(err)
            return
        self.sections.setCurrentIndex(SECTIONS.index(err.section))
        if err.section == GENERAL:
            super().show_domain_error(err)
        elif err.section == ATTENDANCE:
            self.attendance.show_error(err.part, err.row, err.message)
        else:
            self.agenda.show_error(err.index, err.part, err.row, err.field, err.message)
