"""The Methodical council tab's page for the school's plan of methodical work:
its theme, goal and tasks, the rows typed by hand (the rows drawn from the
records — council meetings, associations, attestation and courses, lessons,
mentoring, seminars — are counted here and printed with them), its way to
approval (reviewed at the council, considered at the pedagogical council,
approved by the director, reopened with a reason) and its preview in Kazakh
or Russian, as PDF or Word."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.academic_year import today
from metodesk.domain.council import SchoolPlanSection, SchoolPlanStatus
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import protocol_reference, short_date
from metodesk.services import school_plan, school_plan_rows
from metodesk.services.school_plan_rows import HandLine, SchoolPlanData
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.association_detail import make_button, run_action
from metodesk.ui.tabs.base import make_table, save_table_state, selected_row


SECTION_ORDER = {section.value: index for index, section in enumerate(SchoolPlanSection)}


class SchoolPlanPage(QWidget):
    """The school plan of the council tab's year (created on demand)."""

    def __init__(self, ctx: AppContext, written) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx, self._written = ctx, written
        self.setObjectName("school_plan_page")
        self.year_id: int | None = None
        self.data: SchoolPlanData | None = None
        column = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("school_plan_status")
        self.status_label.setWordWrap(True)
        column.addWidget(self.status_label)
        self.create_button = make_button("create_school_plan_button", _("Create the school plan"), self.create_plan)
        column.addWidget(self.create_button)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        texts = QGridLayout()
        self.theme = self._text(texts, 0, _("Methodical theme"), "school_theme")
        self.goal = self._text(texts, 1, _("Goal"), "school_goal")
        self.tasks = self._text(texts, 2, _("Tasks (one a line)"), "school_tasks")
        body.addLayout(texts)
        self.save_texts_button = make_button("save_school_texts_button", _("Save theme, goal and tasks"), self.save_texts)
        body.addWidget(self.save_texts_button)
        self.drawn_label = QLabel()
        self.drawn_label.setObjectName("school_plan_drawn")
        self.drawn_label.setWordWrap(True)
        body.addWidget(self.drawn_label)
        self.model = RowTableModel(
            [
                Column(
                    lambda: _("Section"),
                    lambda r: SchoolPlanSection.label_for(r[0]),
                    sort=lambda r: (SECTION_ORDER.get(r[0], len(SECTION_ORDER)), r[1].row_id),
                ),
                Column(lambda: _("Content"), lambda r: r[1].content, tooltip=lambda r: r[1].content),
                Column(lambda: _("Dates"), lambda r: r[1].dates),
                Column(lambda: _("Responsible"), lambda r: r[1].responsible),
            ]
        )
        self.table, self.proxy = make_table("school_plan_rows_table", self.model, ctx)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 380)
        self.table.doubleClicked.connect(lambda _i: self.edit_row())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        body.addWidget(self.table, 1)
        rows = QHBoxLayout()
        self.add_row_button = make_button("add_plan_row_button", _("Add row…"), self.add_row)
        self.edit_row_button = make_button("edit_plan_row_button", _("Edit…"), self.edit_row)
        self.delete_row_button = make_button("delete_plan_row_button", _("Delete"), self.delete_row)
        for button in (self.add_row_button, self.edit_row_button, self.delete_row_button):
            rows.addWidget(button)
        rows.addStretch(1)
        body.addLayout(rows)
        steps = QHBoxLayout()
        self.review_button = make_button("plan_review_button", _("Reviewed at the council…"), self.review)
        self.consider_button = make_button("plan_consider_button", _("Pedagogical council…"), self.consider)
        self.approve_button = make_button("plan_approve_button", _("Approve…"), self.approve)
        self.reopen_button = make_button("plan_reopen_button", _("Reopen…"), self.reopen)
        self.withdraw_button = make_button("plan_withdraw_button", _("Return to draft"), self.withdraw)
        self.preview_button = make_button("plan_preview_button", _("Preview and print…"), self.preview)
        for button in (
            self.review_button,
            self.consider_button,
            self.approve_button,
            self.reopen_button,
            self.withdraw_button,
        ):
            steps.addWidget(button)
        steps.addStretch(1)
        steps.addWidget(self.preview_button)
        body.addLayout(steps)
        column.addWidget(self.body, 1)

    def _text(self, grid: QGridLayout, row: int, label: str, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setMaximumHeight(64 if row < 2 else 90)
        caption = QLabel(label)
        caption.setBuddy(edit)
        grid.addWidget(caption, row, 0)
        grid.addWidget(edit, row, 1)
        return edit

    # ---- showing --------------------------------------------------------------------------------

    def set_year(self, year_id: int | None) -> None:
        self.year_id = year_id
        self.reload()

    def reload(self) -> None:
        data = None
        if self.year_id is not None:
            try:
                with self.ctx.reading() as session:
                    found = school_plan.find_school_plan(session, self.year_id)
                    data = school_plan_rows.school_plan_data(session, found) if found is not None else None
            except DomainError:
                data = None
        self.data = data
        self.create_button.setVisible(data is None)
        self.create_button.setEnabled(self.year_id is not None)
        self.body.setVisible(data is not None)
        if data is None:
            self.status_label.setText(_("The school's plan of methodical work for this year is not created yet."))
            self.model.set_rows([])
            return
        self.status_label.setText(self._status(data))
        self.theme.setPlainText(data.theme)
        self.goal.setPlainText(data.goal)
        self.tasks.setPlainText("\n".join(data.tasks))
        drawn = sum(1 for _code, lines in data.sections for line in lines if not isinstance(line, HandLine))
        self.drawn_label.setText(
            ngettext(
                "{count} row is drawn from the records (council meetings, associations, attestation and courses, "
                "open lessons, mentoring, seminars and olympiads) and printed with the rows typed by hand below.",
                "{count} rows are drawn from the records (council meetings, associations, attestation and courses, "
                "open lessons, mentoring, seminars and olympiads) and printed with the rows typed by hand below.",
                drawn,
            ).format(count=drawn)
        )
        self.model.set_rows(
            [(code, line) for code, lines in data.sections for line in lines if isinstance(line, HandLine)]
        )
        self._update_buttons()

    def _status(self, data: SchoolPlanData) -> str:
        parts = [SchoolPlanStatus.label_for(data.status)]
        if data.review_number is not None and data.review_date is not None:
            parts.append(
                _("methodical council: {reference}").format(
                    reference=protocol_reference(data.review_number, data.review_date, self.ctx.lang)
                )
            )
        if data.pedcouncil_date is not None:
            parts.append(
                _("pedagogical council: {reference}").format(
                    reference=protocol_reference(data.pedcouncil_number, data.pedcouncil_date, self.ctx.lang)
                )
            )
        if data.approved_on is not None:
            parts.append(_("approved on {date}").format(date=short_date(data.approved_on)))
        elif data.reopen_reason:
            parts.append(_("reopened: {reason}").format(reason=data.reopen_reason))
        return _("Status: {status}").format(status="; ".join(parts))

    def _update_buttons(self) -> None:
        data = self.data
        status = data.status if data else ""
        locked = status == SchoolPlanStatus.APPROVED.value
        for widget in (self.theme, self.goal, self.tasks):
            widget.setReadOnly(locked)
        for button in (self.save_texts_button, self.add_row_button):
            button.setEnabled(data is not None and not locked)
        chosen = self.selected() is not None
        self.edit_row_button.setEnabled(chosen and not locked)
        self.delete_row_button.setEnabled(chosen and not locked)
        self.review_button.setEnabled(status in (SchoolPlanStatus.DRAFT.value, SchoolPlanStatus.REVIEWED.value))
        self.consider_button.setEnabled(status in (SchoolPlanStatus.REVIEWED.value, SchoolPlanStatus.CONSIDERED.value))
        self.approve_button.setEnabled(status == SchoolPlanStatus.CONSIDERED.value)
        self.reopen_button.setEnabled(locked)
        self.withdraw_button.setEnabled(status in (SchoolPlanStatus.REVIEWED.value, SchoolPlanStatus.CONSIDERED.value))
        self.preview_button.setEnabled(data is not None)

    def selected(self) -> tuple[str, HandLine] | None:
        return selected_row(self.table)

    # ---- actions --------------------------------------------------------------------------------

    def _done(self) -> None:
        self._written()

    def create_plan(self) -> None:
        year_id = self.year_id
        if year_id is not None and run_action(self, self.ctx, lambda s: school_plan.ensure_school_plan(s, year_id)):
            self._done()

    def save_texts(self) -> None:
        if self.data is None:
            return
        plan_id = self.data.plan_id
        theme, goal, tasks = self.theme.toPlainText(), self.goal.toPlainText(), self.tasks.toPlainText()
        if run_action(self, self.ctx, lambda s: school_plan.save_header(s, plan_id, theme, goal, tasks)):
            self.ctx.status.emit(_("The theme, goal and tasks are saved."))
            self._done()

    def _row_dialog(self, row: tuple[str, HandLine] | None) -> None:
        from metodesk.ui.dialogs.school_plan import PlanRowDialog

        if self.data is None:
            return
        section = row[0] if row else SchoolPlanSection.MONITORING.value
        if PlanRowDialog(self.ctx, self.data.plan_id, section, row[1] if row else None, self).exec():
            self._done()

    def add_row(self) -> None:
        self._row_dialog(None)

    def edit_row(self) -> None:
        row = self.selected()
        if row is not None and self.data is not None and self.data.status != SchoolPlanStatus.APPROVED.value:
            self._row_dialog(row)

    def delete_row(self) -> None:
        row = self.selected()
        if row is None or not common.confirm(self, _("Delete this row of the plan?")):
            return
        if run_action(self, self.ctx, lambda s: school_plan.delete_row(s, row[1].row_id)):
            self._done()

    def review(self) -> None:
        from metodesk.ui.dialogs.school_plan import ReviewDialog

        if self.data is not None and ReviewDialog(self.ctx, self.data.plan_id, self).exec():
            self._done()

    def consider(self) -> None:
        from metodesk.ui.dialogs.school_plan import ConsiderDialog

        if self.data is not None and ConsiderDialog(self.ctx, self.data.plan_id, self).exec():
            self._done()

    def approve(self) -> None:
        from metodesk.domain.plan_forms import head_title
        from metodesk.ui.dialogs.school_plan import ApproveDialog

        data = self.data
        if data is None:
            return
        title = head_title(data.head_title, data.organisation_kind, self.ctx.lang)
        if ApproveDialog(self.ctx, data.plan_id, data.head_name, title, today(), self).exec():
            self._done()

    def reopen(self) -> None:
        if self.data is None:
            return
        plan_id = self.data.plan_id
        reason, ok = QInputDialog.getMultiLineText(self, _("Reopen the plan"), _("Why is the plan reopened?"))
        if ok and run_action(self, self.ctx, lambda s: school_plan.reopen(s, plan_id, reason)):
            self._done()

    def withdraw(self) -> None:
        if self.data is None or not common.confirm(self, _("Return the plan to draft? The review and the consideration are cleared.")):
            return
        plan_id = self.data.plan_id
        if run_action(self, self.ctx, lambda s: school_plan.withdraw(s, plan_id)):
            self._done()

    def preview(self) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        if self.data is not None:
            open_document(self.ctx, "school-plan", {"plan": self.data.plan_id}, self)

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
