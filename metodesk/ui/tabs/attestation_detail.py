"""The right half of the Attestation tab: one teacher's standing, and three
pages: the category history, the attestation case with its stages (the
evidence checklist beside it), and the evidence (courses, lessons, reports).

Every button writes in one transaction and then emits ``written(teacher_id)``;
the tab tells the other tabs and reloads."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.attestation import AwardBasis, DecisionBody
from metodesk.domain.enums import Category, Position
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import attestation, attestation_cases, attestation_evidence
from metodesk.services.attestation_views import AttestationRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.attestation_award import AwardDialog
from metodesk.ui.dialogs.attestation_course import CourseDialog
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs import attestation_case_page
from metodesk.ui.tabs.association_detail import label_of, make_button, run_action
from metodesk.ui.tabs.attestation_case_page import CasePage
from metodesk.ui.tabs.base import header_width, make_table, save_table_state, selected_row


def standing_text(row: AttestationRow) -> str:
    """Two lines under the name: the category and what the rules say."""
    category = label_of(Category, row.category)
    first = _("{position}; {category}").format(position=label_of(Position, row.position), category=category)
    if row.award_date is not None:
        first += " " + _("since {date}").format(date=short_date(row.award_date))
    parts = []
    if row.expiry is not None:
        parts.append(_("valid until {date}").format(date=short_date(row.expiry)))
        parts.append(_("due in {year}").format(year=row.due_year_name))
    if row.overdue:
        parts.append(_("overdue"))
    if row.early_eligible and row.early_from is not None:
        parts.append(_("early attestation possible since {date}").format(date=short_date(row.early_from)))
    if row.claimable:
        parts.append(_("by experience: {category}").format(category=label_of(Category, row.claimable)))
    return first + "\n" + "; ".join(parts)


class AttestationDetailPanel(QStackedWidget):
    """Page 0: a hint when nobody is chosen; page 1: the chosen teacher."""

    written = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("attestation_detail")
        self.row: AttestationRow | None = None
        hint = QLabel(
            _("Choose a teacher to see the category history, the attestation case and the evidence.")
        )
        hint.setObjectName("detail_hint")
        hint.setWordWrap(True)
        self.addWidget(hint)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 0, 0, 0)
        self.name_label = QLabel()
        self.name_label.setObjectName("teacher_name")
        bold = QFont(self.name_label.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.name_label.setFont(bold)
        self.standing_label = QLabel()
        self.standing_label.setObjectName("standing_label")
        self.standing_label.setWordWrap(True)
        column.addWidget(self.name_label)
        column.addWidget(self.standing_label)
        self.pages = QTabWidget()
        self.pages.setObjectName("detail_pages")
        self.pages.addTab(self._build_history(), _("Category history"))
        self.case_page = CasePage(ctx)
        self.case_page.written.connect(self._case_written)
        self.pages.addTab(self.case_page, _("Attestation case"))
        self.pages.addTab(self._build_evidence(), _("Courses and evidence"))
        column.addWidget(self.pages, 1)
        self.addWidget(page)

    # ---- building -----------------------------------------------------------------------------

    def _build_history(self) -> QWidget:
        page = QWidget()
        page.setObjectName("history_page")
        column = QVBoxLayout(page)
        self.history_model = RowTableModel(
            [
                Column(
                    lambda: _("Category"),
                    lambda a: label_of(Category, a.category),
                    tooltip=lambda a: (
                        _("From the teacher's card; saved to the history when edited.")
                        if a.from_card
                        else label_of(Category, a.category)
                    ),
                ),
                Column(
                    lambda: _("Awarded on"), lambda a: short_date(a.award_date), sort=lambda a: a.award_date
                ),
                Column(lambda: _("Order No."), lambda a: a.order_number),
                Column(lambda: _("Basis"), lambda a: label_of(AwardBasis, a.basis)),
                Column(lambda: _("Decided by"), lambda a: label_of(DecisionBody, a.decision_body)),
            ]
        )
        self.history_table, proxy = make_table("history_table", self.history_model, self.ctx)
        self.history_table.setSortingEnabled(False)
        self.history_table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        proxy.sort(-1)  # newest first, as the service gives them
        if self.ctx.settings.value("tables/history_table") is None:
            for index, width in enumerate((160, 90, 80, 170)):
                self.history_table.setColumnWidth(index, max(width, header_width(self.history_table, index)))
        self.history_table.doubleClicked.connect(self._history_double_clicked)
        self.history_table.selectionModel().selectionChanged.connect(self._update_buttons)
        column.addWidget(self.history_table, 1)
        row = QHBoxLayout()
        self.add_award_button = make_button("add_award_button", _("Add…"), self.add_award)
        self.edit_award_button = make_button("edit_award_button", _("Edit…"), self.edit_award)
        self.delete_award_button = make_button("delete_award_button", _("Delete"), self.delete_award)
        for button in (self.add_award_button, self.edit_award_button, self.delete_award_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return page

    def _build_evidence(self) -> QWidget:
        page = QWidget()
        page.setObjectName("evidence_page")
        column = QVBoxLayout(page)
        self.courses_caption = QLabel()
        self.courses_caption.setObjectName("courses_caption")
        self.courses_caption.setWordWrap(True)
        column.addWidget(self.courses_caption)
        self.course_model = RowTableModel(
            [
                Column(lambda: _("Course"), lambda c: c.title, tooltip=lambda c: c.title),
                Column(lambda: _("Provider"), lambda c: c.provider, tooltip=lambda c: c.provider),
                Column(
                    lambda: _("Dates"),
                    lambda c: f"{short_date(c.start_date)}–{short_date(c.end_date)}",
                    sort=lambda c: c.end_date,
                ),
                Column(lambda: _("Hours"), lambda c: str(c.hours), sort=lambda c: c.hours, align_right=True),
                Column(lambda: _("Certificate"), lambda c: c.certificate_number),
            ]
        )
        self.course_table, proxy = make_table("courses_table", self.course_model, self.ctx)
        self.course_table.setSortingEnabled(False)
        self.course_table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        proxy.sort(-1)  # the latest first
        if self.ctx.settings.value("tables/courses_table") is None:
            for index, width in enumerate((200, 150, 170, 55)):
                self.course_table.setColumnWidth(index, max(width, header_width(self.course_table, index)))
        self.course_table.doubleClicked.connect(self._course_double_clicked)
        self.course_table.selectionModel().selectionChanged.connect(self._update_buttons)
        column.addWidget(self.course_table, 2)
        row = QHBoxLayout()
        self.add_course_button = make_button("add_course_button", _("Add…"), self.add_course)
        self.edit_course_button = make_button("edit_course_button", _("Edit…"), self.edit_course)
        self.delete_course_button = make_button("delete_course_button", _("Delete"), self.delete_course)
        for button in (self.add_course_button, self.edit_course_button, self.delete_course_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        caption = QLabel(_("Lessons given and observed, reports at meetings (last three years):"))
        caption.setWordWrap(True)
        column.addWidget(caption)
        self.evidence_list = QListWidget()
        self.evidence_list.setObjectName("evidence_list")
        self.evidence_list.setWordWrap(True)
        column.addWidget(self.evidence_list, 1)
        return page

    # ---- showing ------------------------------------------------------------------------------

    def show_teacher(self, row: AttestationRow | None) -> None:
        """Show ``row`` (re-reading its history, cases and evidence), or the hint."""
        self.row = row
        if row is None:
            self.setCurrentIndex(0)
            return
        today = attestation_case_page.current_date()
        with self.ctx.reading() as session:
            history = attestation.list_history(session, row.teacher_id)
            cases = attestation_cases.list_cases(session, row.teacher_id)
            found = attestation_evidence.evidence(session, row.teacher_id, today)
            courses = attestation_evidence.list_courses(session, row.teacher_id)
        self.name_label.setText(row.full_name)
        self.standing_label.setText(standing_text(row))
        self.history_model.set_rows(history)
        self.course_model.set_rows(courses)
        self.courses_caption.setText(
            _("Courses: {hours} hours in the last three years (since {date}).").format(
                hours=found.course_hours, date=short_date(found.since)
            )
        )
        self._fill_evidence(found)
        self.case_page.show_cases(row, cases, found)
        self.setCurrentIndex(1)
        self._update_buttons()

    def _fill_evidence(self, found: attestation_evidence.Evidence) -> None:
        self.evidence_list.clear()
        lines = [
            _("Lesson given {date}: «{topic}»").format(date=short_date(x.date), topic=x.topic)
            for x in found.lessons_given
        ]
        lines += [
            _("Lesson observed {date}: {teacher}, «{topic}»").format(
                date=short_date(x.date), teacher=x.teacher, topic=x.topic
            )
            for x in found.lessons_observed
        ]
        lines += [
            _("Reported {date} (protocol No. {number}): {title}").format(
                date=short_date(x.date), number=x.number, title=x.title
            )
            for x in found.reports
        ]
        for line in lines or [_("Nothing in the last three years.")]:
            self.evidence_list.addItem(QListWidgetItem(line))

    def _update_buttons(self, *_args: object) -> None:
        award = selected_row(self.history_table)
        self.edit_award_button.setEnabled(award is not None)
        self.delete_award_button.setEnabled(award is not None and not award.from_card)
        course = selected_row(self.course_table)
        self.edit_course_button.setEnabled(course is not None)
        self.delete_course_button.setEnabled(course is not None)

    def _case_written(self, teacher_id: int) -> None:
        self.written.emit(teacher_id)

    # ---- history --------------------------------------------------------------------------------

    def _history_double_clicked(self, *_args: object) -> None:
        self.edit_award()

    def add_on_page(self) -> None:
        """Ctrl+N: add what the open page lists (an award, a case, a course)."""
        page = self.pages.currentWidget()
        if page is self.case_page:
            self.case_page.new_case()
        elif self.pages.currentIndex() == 2:
            self.add_course()
        else:
            self.add_award()

    def add_award(self) -> None:
        if self.row is None:
            return
        dialog = AwardDialog(self.ctx, self.row.teacher_id, None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.written.emit(self.row.teacher_id)

    def edit_award(self) -> None:
        award = selected_row(self.history_table)
        if self.row is None or award is None:
            return
        dialog = AwardDialog(self.ctx, self.row.teacher_id, award, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.written.emit(self.row.teacher_id)

    def delete_award(self) -> None:
        award = selected_row(self.history_table)
        if self.row is None or award is None or award.id is None:
            return
        question = _("Delete {category} awarded on {date} from the history?").format(
            category=label_of(Category, award.category), date=short_date(award.award_date)
        )
        if common.confirm(self, question) and run_action(
            self, self.ctx, lambda s: attestation.delete_award(s, award.id)
        ):
            self.written.emit(self.row.teacher_id)

    # ---- courses ------------------------------------------------------------------------------

    def _course_double_clicked(self, *_args: object) -> None:
        self.edit_course()

    def add_course(self) -> None:
        if self.row is None:
            return
        dialog = CourseDialog(self.ctx, self.row.teacher_id, None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.written.emit(self.row.teacher_id)

    def edit_course(self) -> None:
        course = selected_row(self.course_table)
        if self.row is None or course is None:
            return
        dialog = CourseDialog(self.ctx, self.row.teacher_id, course, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.written.emit(self.row.teacher_id)

    def delete_course(self) -> None:
        course = selected_row(self.course_table)
        if self.row is None or course is None:
            return
        question = _("Delete the course “{title}”?").format(title=course.title)
        if common.confirm(self, question) and run_action(
            self, self.ctx, lambda s: attestation_evidence.delete_course(s, course.id)
        ):
            self.written.emit(self.row.teacher_id)

    def save_state(self) -> None:
        for view in (self.history_table, self.course_table):
            save_table_state(view, self.ctx)
        self.case_page.save_state()
