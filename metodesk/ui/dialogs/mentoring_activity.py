"""A row of the mentor's plan: the activity, its date (and how the plan writes
it, "throughout the year"), the form of completion, and the mark; and the
small dialog that marks a row done on a day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from metodesk.i18n import _
from metodesk.services import mentoring_plan
from metodesk.services.mentoring_plan import ActivityInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.widgets import DateField


def _line(name: str, limit: int, placeholder: str = "") -> QLineEdit:
    line = QLineEdit()
    line.setObjectName(name)
    line.setMaxLength(limit)
    line.setPlaceholderText(placeholder)
    return line


class MentoringActivityDialog(FormDialog):
    """A new row at the end of the pair's plan, or the row ``activity_id``."""

    def __init__(
        self, ctx: AppContext, pair_id: int, activity_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx, _("New plan activity") if activity_id is None else _("Edit plan activity"), parent
        )
        self.pair_id, self.activity_id = pair_id, activity_id
        row = None
        if activity_id is not None:
            with ctx.reading() as session:
                row = mentoring_plan.get_activity(session, activity_id)
        self.activity = text_box("activity", 3)
        self.add_field(_("Activity"), self.activity, "activity")
        self.due_date = DateField("due_date")
        self.due_date.setToolTip(
            _("The day the activity is due; the attention list reminds of it after this day.")
        )
        self.add_field(_("Date"), self.due_date, "due_date")
        self.when_text = _line("when_text", mentoring_plan.MAX_WHEN, _("for example: throughout the year"))
        self.when_text.setToolTip(_("Printed in the date column instead of the date when filled in."))
        self.add_field(_("The plan writes the date as"), self.when_text, "when_text")
        self.completion_form = _line("completion_form", mentoring_plan.MAX_FORM)
        self.add_field(_("Form of completion"), self.completion_form, "completion_form")
        self.done_on = DateField("done_on")
        self.done_on.setToolTip(_("Leave empty while the activity is not done."))
        self.add_field(_("Done on"), self.done_on, "done_on")
        self.mark_note = _line("mark_note", mentoring_plan.MAX_MARK_NOTE)
        self.add_field(_("Note to the mark"), self.mark_note, "mark_note")
        if row is not None:
            self.activity.setPlainText(row.activity)
            self.due_date.set_date(row.due_date)
            self.when_text.setText(row.when_text)
            self.completion_form.setText(row.completion_form)
            self.done_on.set_date(row.done_on)
            self.mark_note.setText(row.mark_note)
        self.resize(max(self.width(), 560), self.sizeHint().height())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        data = ActivityInput(
            activity=self.activity.toPlainText(),
            due_date=self.due_date.date(),
            when_text=self.when_text.text(),
            completion_form=self.completion_form.text(),
            done_on=self.done_on.date(),
            mark_note=self.mark_note.text(),
        )
        return mentoring_plan.save_activity(session, self.pair_id, data, self.activity_id)


class MarkDoneDialog(FormDialog):
    """Mark one plan row done: the day (today unless changed) and a note."""

    def __init__(self, ctx: AppContext, activity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Mark the activity done"), parent)
        self.activity_id = activity_id
        with ctx.reading() as session:
            row = mentoring_plan.get_activity(session, activity_id)
        caption = QLabel(f"{row.number}. {row.activity}")
        caption.setObjectName("activity_caption")
        caption.setWordWrap(True)
        self.add_field(_("Activity"), caption, "activity")
        self.done_on = DateField("done_on")
        self.done_on.set_date(row.done_on or dt.date.today())
        self.add_field(_("Done on"), self.done_on, "done_on")
        self.mark_note = _line("mark_note", mentoring_plan.MAX_MARK_NOTE)
        self.mark_note.setText(row.mark_note)
        self.add_field(_("Note to the mark"), self.mark_note, "mark_note")
        self.resize(max(self.width(), 480), self.sizeHint().height())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        mentoring_plan.mark_done(session, self.activity_id, self.done_on.date(), self.mark_note.text())
        return self.activity_id
