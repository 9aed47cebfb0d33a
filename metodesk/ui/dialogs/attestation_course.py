"""Add or edit one professional-development course of a teacher: title,
provider, dates, hours and the certificate's number."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import attestation_evidence
from metodesk.services.attestation_evidence import CourseInput, CourseRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField


class CourseDialog(FormDialog):
    """A new course of ``teacher_id`` when ``course`` is None."""

    def __init__(
        self, ctx: AppContext, teacher_id: int, course: CourseRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("New course") if course is None else _("Edit course"), parent)
        self.teacher_id, self.course = teacher_id, course
        self.title = self._line("title", course.title if course else "", 300)
        self.add_field(_("Title of the course"), self.title, "title")
        self.provider = self._line("provider", course.provider if course else "", 300)
        self.provider.setPlaceholderText(_("for example «Өрлеу» National Centre"))
        self.add_field(_("Provider"), self.provider, "provider")
        dates = QWidget()
        dates.setObjectName("course_dates")
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        self.start_date = DateField("start_date")
        self.start_date.set_date(course.start_date if course else None)
        self.end_date = DateField("end_date")
        self.end_date.set_date(course.end_date if course else None)
        dash = QLabel("–")
        for widget in (self.start_date, dash, self.end_date):
            row.addWidget(widget)
        row.addStretch(1)
        self.add_field(_("Dates"), dates, "start_date")
        self._errors["end_date"] = self._errors["start_date"]  # one error line under both dates
        self.hours = self._line("hours", str(course.hours) if course else "", 5)
        self.hours.setMaximumWidth(100)
        self.add_field(_("Hours"), self.hours, "hours")
        self.certificate = self._line("certificate_number", course.certificate_number if course else "", 100)
        self.add_field(_("Certificate number"), self.certificate, "certificate_number")
        self.setMinimumWidth(560)
        self.title.setFocus()

    @staticmethod
    def _line(name: str, value: str, length: int) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        edit.setMaxLength(length)
        return edit

    def values(self) -> CourseInput:
        text = self.hours.text().strip()
        try:
            hours = int(text) if text else None
        except ValueError:
            raise DomainError(_("Enter the hours as a whole number."), field="hours") from None
        return CourseInput(
            teacher_id=self.teacher_id,
            title=self.title.text(),
            provider=self.provider.text(),
            start_date=self.start_date.date(),
            end_date=self.end_date.date(),
            hours=hours,
            certificate_number=self.certificate.text(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        course_id = self.course.id if self.course is not None else None
        return attestation_evidence.save_course(session, self.values(), course_id)
