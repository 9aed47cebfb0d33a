"""One row of an annual plan's activities table: content, form (Order No. 253
item 20, or the user's own wording), direction (item 10, or item 11 for a
college), dates or months of the working period, responsible members and/or a
typed name, expected result, status and the meeting, open lesson or mentoring
entry that fulfils it (``plan_fulfilled``).

On an approved plan only the status, its note and that record may change (the
year's record of how the plan is carried out); the rest is shown disabled
until the plan is reopened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.domain.plan_forms import ACADEMIC_MONTHS, ActivityStatus, WorkForm, directions_for, month_span
from metodesk.domain.rules import meeting_date_window
from metodesk.domain.text import sort_key
from metodesk.i18n import _
from metodesk.i18n.dates import month_name
from metodesk.services import associations, meetings, plan_activities, plan_links, plans, years
from metodesk.services.plan_activities import ActivityInput
from metodesk.services.plans import ActivityRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.dialogs.plan_fulfilled import FulfilledBox
from metodesk.ui.widgets import DateField

DEFAULT_SIZE = (1000, 560)  # fits a 1366x768 laptop with the taskbar
MONTH_COLUMNS = 4
DATES_PAGE, MONTHS_PAGE = 0, 1


def working_months(start: dt.date, end: dt.date) -> list[int]:
    """The months (academic order) that overlap the year's working period."""
    return [
        m
        for m in ACADEMIC_MONTHS
        if month_span(m, start.year)[1] >= start and month_span(m, start.year)[0] <= end
    ]


class ActivityDialog(FormDialog):
    """``activity_id`` None: a new activity at the end of the plan's table."""

    def __init__(
        self, ctx: AppContext, plan_id: int, activity_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("New activity") if activity_id is None else _("Activity"), parent)
        self.plan_id = plan_id
        self.activity_id = activity_id
        lang = ctx.lang
        with ctx.reading() as session:
            detail = plans.get_plan(session, plan_id)
            members = associations.get_detail(session, detail.row.association_id).members
            year = years.get_year(session, detail.row.year_id)
            meeting_rows = meetings.list_meetings(session, detail.row.association_id, detail.row.year_id)
            lesson_rows = plan_links.lesson_choices(session, plan_id)
            entry_rows = plan_links.entry_choices(session, plan_id)
        self.locked = detail.locked
        self.activity: ActivityRow | None = next((a for a in detail.activities if a.id == activity_id), None)
        if activity_id is not None and self.activity is None:
            raise DomainError(_("The activity was not found."))
        if self.activity is not None:
            self.setWindowTitle(_("Activity {number}").format(number=self.activity.number))
        self.heading = QLabel(
            _("{association}, academic year {year}").format(
                association=detail.row.association(lang), year=detail.row.year_name
            )
        )
        self.heading.setObjectName("activity_heading")
        self.heading.setWordWrap(True)
        self.form.addRow(self.heading)
        self.locked_note = QLabel(
            _(
                "The plan is approved: only the status and what fulfilled the activity can change here. "
                "Reopen the plan to change the rest."
            )
        )
        self.locked_note.setObjectName("activity_locked_note")
        self.locked_note.setWordWrap(True)
        self.locked_note.setVisible(self.locked)
        self.form.addRow(self.locked_note)

        columns = QHBoxLayout()
        self.left, self.right = self._form_layout(), self._form_layout()
        columns.addLayout(self.left, 1)
        columns.addSpacing(12)
        columns.addLayout(self.right, 1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertLayout(outer.indexOf(self.buttons), columns, 1)
        for index in range(outer.count()):  # the base's spacer must not take the room
            if outer.itemAt(index).spacerItem() is not None:
                outer.setStretch(index, 0)

        self._build_left(detail.organisation_kind, year.start_date, year.end_date)
        self._build_right(members, meeting_rows, lesson_rows, entry_rows)
        self._fill(self.activity)
        for widget in self.content_widgets():
            widget.setEnabled(not self.locked)
        if ctx.settings.value("dialogs/ActivityDialog") is None:
            self.resize(*DEFAULT_SIZE)

    # ---- building ---------------------------------------------------------------------------------

    @staticmethod
    def _form_layout() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        return form

    def _field(self, form: QFormLayout, label: str, widget: QWidget, *fields: str) -> QWidget:
        """A labelled field with one error line for all of ``fields``."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._error_label(f"{fields[0]}_error")
        column.addWidget(error)
        for name in fields:
            self._errors[name] = error
        if not isinstance(widget, QPlainTextEdit):  # only the text boxes take the spare height
            holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        form.addRow(label, holder)
        return widget

    def _build_left(self, org_kind: str, year_start: dt.date, year_end: dt.date) -> None:
        self.content_edit = text_box("content_edit", 4)
        self._field(self.left, _("Content"), self.content_edit, "content")
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("form_combo")
        self.form_combo.setEditable(True)
        self.form_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.form_combo.addItem("", "")
        for code, label in WorkForm.choices():
            self.form_combo.addItem(label, code)
        self.form_combo.lineEdit().setPlaceholderText(_("Choose a form or type your own"))
        self._field(self.left, _("Form"), self.form_combo, "form", "form_text")
        self.direction_combo = QComboBox()
        self.direction_combo.setObjectName("direction_combo")
        self.direction_combo.addItem(_("— not chosen —"), "")
        for code, label in directions_for(org_kind).choices():
            self.direction_combo.addItem(label, code)
        self._field(self.left, _("Direction"), self.direction_combo, "direction")
        self._field(self.left, _("When"), self._build_when(year_start, year_end), "months")

    def _build_when(self, year_start: dt.date, year_end: dt.date) -> QWidget:
        holder = QWidget()
        holder.setObjectName("when_box")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        modes = QHBoxLayout()
        self.dates_radio = QRadioButton(_("On dates"))
        self.dates_radio.setObjectName("dates_radio")
        self.months_radio = QRadioButton(_("In months"))
        self.months_radio.setObjectName("months_radio")
        self.when_group = QButtonGroup(self)
        self.when_group.addButton(self.dates_radio, DATES_PAGE)
        self.when_group.addButton(self.months_radio, MONTHS_PAGE)
        modes.addWidget(self.dates_radio)
        modes.addWidget(self.months_radio)
        modes.addStretch(1)
        column.addLayout(modes)
        self.when_stack = QStackedWidget()
        self.when_stack.setObjectName("when_stack")
        dates = QWidget()
        dates_form = QFormLayout(dates)
        dates_form.setContentsMargins(0, 0, 0, 0)
        self.start_field = DateField("start_date")
        self.end_field = DateField("end_date")
        self._field(dates_form, _("From"), self.start_field, "start_date")
        self._field(dates_form, _("To (optional)"), self.end_field, "end_date")
        self.when_stack.addWidget(dates)
        months = QWidget()
        grid = QGridLayout(months)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.month_boxes: dict[int, QCheckBox] = {}
        start, end = meeting_date_window(year_start, year_end)
        for index, month in enumerate(working_months(start, end)):
            box = QCheckBox(month_name(month, self.ctx.lang))
            box.setObjectName(f"month_{month}")
            self.month_boxes[month] = box
            grid.addWidget(box, index // MONTH_COLUMNS, index % MONTH_COLUMNS)
        self.when_stack.addWidget(months)
        column.addWidget(self.when_stack)
        self.when_group.idToggled.connect(self._when_toggled)
        return holder

    def _build_right(self, members, meeting_rows, lesson_rows, entry_rows) -> None:  # type: ignore[no-untyped-def]
        people = QWidget()
        column = QVBoxLayout(people)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.people_list = QListWidget()
        self.people_list.setObjectName("responsible_list")
        self.people_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        line = self.people_list.fontMetrics().lineSpacing()
        self.people_list.setFixedHeight(line * 6 + 8)
        chosen = set(self.activity.responsible_ids) if self.activity else set()
        names = (
            dict(zip(self.activity.responsible_ids, self.activity.responsible_names, strict=True))
            if self.activity
            else {}
        )
        listed = set()
        for member in sorted(members, key=lambda m: sort_key(m.full_name, self.ctx.lang)):
            if member.archived and member.teacher_id not in chosen:
                continue
            text = member.full_name
            if member.archived:
                text = _("{name} (has left)").format(name=member.full_name)
            self._person(text, member.teacher_id, member.teacher_id in chosen)
            listed.add(member.teacher_id)
        for teacher_id in chosen - listed:  # named before, no longer a member
            self._person(_("{name} (not a member now)").format(name=names[teacher_id]), teacher_id, True)
        column.addWidget(self.people_list)
        self.responsible_text = QLineEdit()
        self.responsible_text.setObjectName("responsible_text")
        self.responsible_text.setPlaceholderText(_("Others, as typed: for example, all members"))
        column.addWidget(self.responsible_text)
        self._field(self.right, _("Responsible"), people, "responsible_ids", "responsible_text")
        self.expected_edit = text_box("expected_edit", 2)
        self._field(self.right, _("Expected result"), self.expected_edit, "expected")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status_combo")
        for code, label in ActivityStatus.choices():
            self.status_combo.addItem(label, code)
        self._field(self.right, _("Status"), self.status_combo, "status")
        self.status_note = QLineEdit()
        self.status_note.setObjectName("status_note")
        self.status_note.setPlaceholderText(_("Why it was moved or cancelled"))
        self._field(self.right, _("Note"), self.status_note, "status_note")
        self.fulfilled_box = FulfilledBox(meeting_rows, lesson_rows, entry_rows)
        self.meeting_combo = self.fulfilled_box.meeting_combo
        self.lesson_combo = self.fulfilled_box.lesson_combo
        self.mentoring_entry_combo = self.fulfilled_box.entry_combo
        self.fulfilled_kind_combo = self.fulfilled_box.kind_combo
        self._field(
            self.right, _("Fulfilled by"), self.fulfilled_box, "meeting_id", "lesson_id", "mentoring_entry_id"
        )
        self.fulfilled_note = QLabel()
        self.fulfilled_note.setObjectName("fulfilled_note")
        self.fulfilled_note.setWordWrap(True)
        self.right.addRow(self.fulfilled_note)
        self.fulfilled_box.changed.connect(self._meeting_chosen)

    def _person(self, text: str, teacher_id: int, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, teacher_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.people_list.addItem(item)

    def content_widgets(self) -> list[QWidget]:
        """What an approved plan does not let change."""
        return [
            self.content_edit,
            self.form_combo,
            self.direction_combo,
            self.dates_radio,
            self.months_radio,
            self.when_stack,
            self.people_list,
            self.responsible_text,
            self.expected_edit,
        ]

    # ---- values -------------------------------------------------------------------------------------

    def _fill(self, a: ActivityRow | None) -> None:
        if a is None:
            self.dates_radio.setChecked(True)
            self._meeting_chosen()
            return
        self.content_edit.setPlainText(a.content)
        if a.form:
            self.form_combo.setCurrentIndex(max(self.form_combo.findData(a.form), 0))
        else:
            self.form_combo.setCurrentIndex(0)
            self.form_combo.setEditText(a.form_text)
        self.direction_combo.setCurrentIndex(max(self.direction_combo.findData(a.direction), 0))
        self.start_field.set_date(a.start_date)
        self.end_field.set_date(a.end_date)
        for month in a.months:
            if month in self.month_boxes:
                self.month_boxes[month].setChecked(True)
        (self.months_radio if a.months and a.start_date is None else self.dates_radio).setChecked(True)
        self.responsible_text.setText(a.responsible_text)
        self.expected_edit.setPlainText(a.expected)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(a.status), 0))
        self.status_note.setText(a.status_note)
        self.fulfilled_box.set_values(a.meeting_id, a.lesson_id, a.mentoring_entry_id)
        self._meeting_chosen()

    def _when_toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.when_stack.setCurrentIndex(button_id)

    def _meeting_chosen(self, _index: int = 0) -> None:
        note = self.fulfilled_box.done_note()
        self.fulfilled_note.setText(note)
        self.fulfilled_note.setVisible(bool(note))

    def _form(self) -> tuple[str, str]:
        text = self.form_combo.currentText().strip()
        index = self.form_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        code = self.form_combo.itemData(index) if index > 0 else ""
        return (code, "") if code else ("", text)

    def chosen_people(self) -> list[int]:
        return [
            int(self.people_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.people_list.count())
            if self.people_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def collect(self) -> ActivityInput:
        """The form's values; an unreadable date is refused next to its field."""
        form, form_text = self._form()
        meeting_id, lesson_id, entry_id = self.fulfilled_box.values()
        on_dates = self.when_group.checkedId() == DATES_PAGE
        return ActivityInput(
            content=self.content_edit.toPlainText(),
            form=form,
            form_text=form_text,
            direction=str(self.direction_combo.currentData() or ""),
            start_date=self.start_field.date() if on_dates else None,
            end_date=self.end_field.date() if on_dates else None,
            months=() if on_dates else tuple(m for m, box in self.month_boxes.items() if box.isChecked()),
            responsible_ids=self.chosen_people(),
            responsible_text=self.responsible_text.text(),
            expected=self.expected_edit.toPlainText(),
            status=str(self.status_combo.currentData()),
            status_note=self.status_note.text(),
            meeting_id=meeting_id,
            lesson_id=lesson_id,
            mentoring_entry_id=entry_id,
        )

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        return plan_activities.save_activity(
            session,
            self.plan_id,
            self.collect(),
            self.activity_id,
            version=self.activity.version if self.activity is not None else None,
        )
