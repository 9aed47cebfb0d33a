"""The school plan's dialogs: a row typed by hand (its section, content, form,
dates, responsible, result), the pedagogical council's consideration (№ and
date), the director's approval (name, title, date), the council meeting that
reviewed it. Each writes in one transaction through ``services.school_plan``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from metodesk.domain.council import SchoolPlanSection
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import school_plan
from metodesk.services.school_plan import RowInput
from metodesk.services.school_plan_rows import HandLine
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField


class PlanRowDialog(FormDialog):
    """A row of the school plan typed by hand."""

    def __init__(
        self, ctx: AppContext, plan_id: int, section: str, row: HandLine | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("Row of the school plan"), parent)
        self.plan_id, self.row_id = plan_id, row.row_id if row else None
        self.section = QComboBox()
        self.section.setObjectName("row_section")
        for code, label in SchoolPlanSection.choices():
            self.section.addItem(label, code)
        self.section.setCurrentIndex(max(self.section.findData(section), 0))
        self.add_field(_("Section"), self.section, "section")
        self.content = QPlainTextEdit(row.content if row else "")
        self.content.setObjectName("row_content")
        self.content.setMinimumHeight(70)
        self.add_field(_("Content"), self.content, "content")
        self.form_edit = self._line("row_form", _("Form"), row.form if row else "", "form")
        self.dates = self._line("row_dates", _("Dates"), row.dates if row else "", "dates")
        self.responsible = self._line("row_responsible", _("Responsible"), row.responsible if row else "", "responsible")
        self.result_edit = self._line("row_result", _("Expected result"), row.result if row else "", "result")
        self.resize(max(self.width(), 620), self.sizeHint().height())
        self.mark_unchanged()

    def _line(self, name: str, label: str, value: str, field: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        self.add_field(label, edit, field)
        return edit

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        data = RowInput(
            str(self.section.currentData()),
            self.content.toPlainText(),
            self.form_edit.text(),
            self.dates.text(),
            self.responsible.text(),
            self.result_edit.text(),
        )
        return school_plan.save_row(session, self.plan_id, data, self.row_id)


class ReviewDialog(FormDialog):
    """The held council meeting that reviewed the plan."""

    def __init__(self, ctx: AppContext, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Reviewed at the methodical council"), parent)
        self.plan_id = plan_id
        self.meeting = QComboBox()
        self.meeting.setObjectName("review_meeting")
        with ctx.reading() as session:
            for meeting in school_plan.council_meetings_for_review(session, plan_id):
                self.meeting.addItem(
                    _("Protocol No. {number} of {date}").format(number=meeting.number, date=short_date(meeting.date)),
                    meeting.id,
                )
        self.add_field(_("Meeting"), self.meeting, "meeting_id")

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        from metodesk.domain.errors import DomainError

        if self.meeting.currentData() is None:
            raise DomainError(
                _("The methodical council has no held meeting in this year yet: hold one and mark it held first."),
                field="meeting_id",
            )
        school_plan.review(session, self.plan_id, int(self.meeting.currentData()))
        return self.plan_id


class ConsiderDialog(FormDialog):
    """The pedagogical council's protocol that considered the plan."""

    def __init__(self, ctx: AppContext, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Considered at the pedagogical council"), parent)
        self.plan_id = plan_id
        self.number = QLineEdit()
        self.number.setObjectName("pedcouncil_number")
        self.add_field(_("Protocol No."), self.number, "pedcouncil_number")
        self.date = DateField("pedcouncil_date")
        self.add_field(_("Date"), self.date, "pedcouncil_date")

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        school_plan.consider(session, self.plan_id, self.number.text(), self.date.date())
        return self.plan_id


class ApproveDialog(FormDialog):
    """The director's approval: name, title, date (the organisation's head proposed)."""

    def __init__(
        self, ctx: AppContext, plan_id: int, name: str, title: str, day: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("Approved by the director"), parent)
        self.plan_id = plan_id
        self.name = QLineEdit(name)
        self.name.setObjectName("approved_name")
        self.add_field(_("Name"), self.name, "name")
        self.title = QLineEdit(title)
        self.title.setObjectName("approved_title")
        self.add_field(_("Title"), self.title, "title")
        self.date = DateField("date")
        self.date.set_date(day)
        self.add_field(_("Date"), self.date, "date")

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        school_plan.approve(session, self.plan_id, self.name.text(), self.title.text(), self.date.date())
        return self.plan_id
