"""The "Attestation case" page of the Attestation tab: the teacher's cases by
year, the chosen case's stages (target and window, application, knowledge
test with its pass mark, lessons observed, portfolio, decision and order), and
beside them the checklist of the evidence and the stages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.attestation import (
    CURRENT_CATEGORIES,
    CaseDecision,
    DecisionBody,
    PortfolioStatus,
    Window,
    attestation_year,
    window_of,
)
from metodesk.domain.enums import Category
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import attestation_cases, attestation_evidence
from metodesk.services.attestation_cases import CaseRow
from metodesk.services.attestation_evidence import CheckItem, Evidence
from metodesk.services.attestation_views import AttestationRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.attestation_case import CaseDialog
from metodesk.ui.dialogs.attestation_stage import StageObservationDialog
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.association_detail import label_of, make_button, run_action
from metodesk.ui.tabs.base import make_table, save_table_state, selected_row


def current_date() -> dt.date:
    """Today (a seam for tests)."""
    return dt.date.today()


def check_text(item: CheckItem) -> str:
    """One checklist line in words."""
    n = item.count if item.count is not None else 0
    texts = {
        "courses": _("Professional-development courses, last three years: {n} hours").format(n=n),
        "lessons_given": _("Open lessons given: {n}").format(n=n),
        "lessons_observed": _("Colleagues' lessons observed: {n}").format(n=n),
        "reports": _("Reports at association meetings: {n}").format(n=n),
        "events": _("Methodical events spoken at or organised: {n}").format(n=n),
        "experience": _("Generalised experience: {n}").format(n=n),
        "olympiads": _("Pupils' prize places at olympiads and competitions: {n}").format(n=n),
        "application": _("Application filed"),
        "test": _("Knowledge test passed ({score} %)").format(score=item.count)
        if item.count is not None
        else _("Knowledge test passed"),
        "observations": _("Lessons observed for the attestation: {n}").format(n=n),
        "portfolio": _("Portfolio accepted"),
        "decision": _("Category awarded"),
    }
    return texts.get(item.code, item.code)


def attestation_advice_text(item) -> str:  # type: ignore[no-untyped-def]
    from metodesk.services.attestation_advice import advice_text

    return advice_text(item)


def proposed_target(row: AttestationRow) -> str:
    """One step above a current category when experience allows it, else the
    same (a confirmation); for no or a legacy category, what experience allows."""
    claimable = row.claimable or Category.PEDAGOG.value
    if row.category in CURRENT_CATEGORIES:
        index = CURRENT_CATEGORIES.index(row.category)
        step = CURRENT_CATEGORIES[min(index + 1, len(CURRENT_CATEGORIES) - 1)]
        allowed = CURRENT_CATEGORIES.index(claimable)
        return step if CURRENT_CATEGORIES.index(step) <= allowed else row.category
    return claimable


class CasePage(QWidget):
    written = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("case_page")
        self.row: AttestationRow | None = None
        self.cases: list[CaseRow] = []
        self.found: Evidence | None = None
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        caption = QLabel(_("Attestation case"))
        self.case_combo = QComboBox()
        self.case_combo.setObjectName("case_combo")
        self.case_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption.setBuddy(self.case_combo)
        self.case_combo.currentIndexChanged.connect(self._show_current)
        self.new_case_button = make_button("new_case_button", _("New case…"), self.new_case)
        self.edit_case_button = make_button("edit_case_button", _("Edit case…"), self.edit_case)
        self.delete_case_button = make_button("delete_case_button", _("Delete case"), self.delete_case)
        top.addWidget(caption)
        top.addWidget(self.case_combo, 1)
        column.addLayout(top)
        buttons = QHBoxLayout()  # a row of their own: the combo keeps room for the case's name
        for button in (self.new_case_button, self.edit_case_button, self.delete_case_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self._build_stages(), 3)
        checks = QVBoxLayout()
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("case_warnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #8a5300;")
        self.warnings_label.setToolTip(_("Advice of the attestation rules: the commission decides, nothing is blocked."))
        self.warnings_label.hide()
        checks.addWidget(self.warnings_label)
        checks.addWidget(QLabel(_("Checklist")))
        self.checklist = QListWidget()
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setToolTip(_("What the teacher brings and which stages are done."))
        checks.addWidget(self.checklist, 1)
        body.addLayout(checks, 2)
        column.addLayout(body, 1)

    def _stage_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build_stages(self) -> QWidget:
        holder = QWidget()
        holder.setObjectName("stages")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.no_case_label = QLabel(_("No attestation case yet. Open one with “New case…”."))
        self.no_case_label.setObjectName("no_case_label")
        self.no_case_label.setWordWrap(True)
        column.addWidget(self.no_case_label)
        self.stage_widget = QWidget()
        form = QFormLayout(self.stage_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.stage_target = self._stage_label("stage_target")
        self.stage_application = self._stage_label("stage_application")
        self.stage_test = self._stage_label("stage_test")
        self.stage_portfolio = self._stage_label("stage_portfolio")
        self.stage_decision = self._stage_label("stage_decision")
        form.addRow(_("Aim"), self.stage_target)
        form.addRow(_("Application"), self.stage_application)
        form.addRow(_("Knowledge test"), self.stage_test)
        form.addRow(_("Portfolio"), self.stage_portfolio)
        form.addRow(_("Decision"), self.stage_decision)
        column.addWidget(self.stage_widget)
        column.addWidget(QLabel(_("Lessons observed")))
        self.observation_model = RowTableModel(
            [
                Column(lambda: _("Date"), lambda o: short_date(o.date), sort=lambda o: o.date),
                Column(
                    lambda: _("Observation sheet or note"),
                    lambda o: "; ".join(p for p in (o.sheet, o.note) if p),
                    tooltip=lambda o: "; ".join(p for p in (o.sheet, o.note) if p),
                ),
            ]
        )
        self.observation_table, proxy = make_table("observations_table", self.observation_model, self.ctx)
        self.observation_table.setSortingEnabled(False)
        self.observation_table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        if self.ctx.settings.value("tables/observations_table") is None:
            self.observation_table.setColumnWidth(0, 95)
        proxy.sort(-1)
        self.observation_table.selectionModel().selectionChanged.connect(self._update_buttons)
        column.addWidget(self.observation_table, 1)
        row = QHBoxLayout()
        self.add_observation_button = make_button("add_observation_button", _("Add…"), self.add_observation)
        self.remove_observation_button = make_button(
            "remove_observation_button", _("Remove"), self.remove_observation
        )
        row.addWidget(self.add_observation_button)
        row.addWidget(self.remove_observation_button)
        row.addStretch(1)
        column.addLayout(row)
        return holder

    # ---- showing ------------------------------------------------------------------------------

    def show_cases(self, row: AttestationRow, cases: list[CaseRow], found: Evidence) -> None:
        """The teacher's cases (the one under way chosen), stages and checklist."""
        current = self.current_case()
        same_teacher = self.row is not None and self.row.teacher_id == row.teacher_id
        keep = current.id if current is not None and same_teacher else None
        self.row, self.cases, self.found = row, cases, found
        self.case_combo.blockSignals(True)
        self.case_combo.clear()
        for case in cases:
            text = _("{year}: {category}").format(
                year=case.year_name, category=label_of(Category, case.target_category)
            )
            self.case_combo.addItem(text, case.id)
        chosen = keep if keep is not None else (row.case_id if row.case_id is not None else None)
        index = self.case_combo.findData(chosen) if chosen is not None else 0
        self.case_combo.setCurrentIndex(max(index, 0))
        self.case_combo.blockSignals(False)
        self._show_current()

    def current_case(self) -> CaseRow | None:
        case_id = self.case_combo.currentData()
        return next((c for c in self.cases if c.id == case_id), None)

    def _show_current(self, *_args: object) -> None:
        case = self.current_case()
        self.no_case_label.setVisible(case is None)
        self.stage_widget.setVisible(case is not None)
        if case is not None:
            self._fill_stages(case)
            self.observation_model.set_rows(list(case.observations))
        else:
            self.observation_model.set_rows([])
        self._show_warnings(case)
        self.checklist.clear()
        for item in attestation_evidence.checklist(self.found, case) if self.found is not None else []:
            entry = QListWidgetItem(check_text(item))
            entry.setData(Qt.ItemDataRole.UserRole, item.code)
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled)
            entry.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            self.checklist.addItem(entry)
        self._update_buttons()

    def _show_warnings(self, case: CaseRow | None) -> None:
        """The advisory rules' warnings on the case, in orange above the checklist."""
        found = []
        if case is not None:
            from metodesk.services import attestation_advice

            with self.ctx.reading() as session:
                found = attestation_advice.for_case(session, case, current_date())
        texts = [attestation_advice_text(item) for item in found]
        self.warnings_label.setText("\n".join(f"⚠ {t}" for t in texts))
        self.warnings_label.setVisible(bool(texts))

    def _fill_stages(self, case: CaseRow) -> None:
        window = label_of(Window, case.window)
        self.stage_target.setText(
            _("{category}, {window}").format(category=label_of(Category, case.target_category), window=window)
        )
        self.stage_application.setText(
            _("filed on {date}").format(date=short_date(case.application_date))
            if case.application_date
            else _("not filed yet")
        )
        if case.test_score is not None and case.test_date is not None:
            verdict = _("passed") if case.test_passed else _("not passed")
            self.stage_test.setText(
                _("{score} %, {date} (pass mark {mark} %): {verdict}").format(
                    score=case.test_score,
                    date=short_date(case.test_date),
                    mark=case.pass_mark,
                    verdict=verdict,
                )
            )
        elif case.test_date is not None:
            self.stage_test.setText(_("planned for {date}").format(date=short_date(case.test_date)))
        else:
            self.stage_test.setText(_("not taken yet"))
        self.stage_portfolio.setText(label_of(PortfolioStatus, case.portfolio_status))
        decision = label_of(CaseDecision, case.decision)
        if case.decision != CaseDecision.PENDING.value and case.decision_date is not None:
            decision = _("{decision} on {date} by the {body}; order {order}").format(
                decision=decision,
                date=short_date(case.decision_date),
                body=label_of(DecisionBody, case.decision_body).lower(),
                order=case.order_number or "—",
            )
        self.stage_decision.setText(decision)

    def _update_buttons(self, *_args: object) -> None:
        case = self.current_case()
        self.edit_case_button.setEnabled(case is not None)
        self.delete_case_button.setEnabled(case is not None)
        self.add_observation_button.setEnabled(case is not None)
        self.remove_observation_button.setEnabled(selected_row(self.observation_table) is not None)

    # ---- writing -------------------------------------------------------------------------------

    def _after(self, dialog) -> None:  # type: ignore[no-untyped-def]
        if dialog.exec() and dialog.saved_id is not None and self.row is not None:
            self.written.emit(self.row.teacher_id)

    def new_case(self) -> None:
        if self.row is None:
            return
        today = current_date()
        row = self.row
        window = (
            row.due_window if row.due_year == attestation_year(today) and row.due_window else window_of(today)
        )
        self._after(CaseDialog(self.ctx, row.teacher_id, None, proposed_target(row), window, self, today))

    def edit_case(self) -> None:
        case = self.current_case()
        if case is not None and self.row is not None:
            self._after(CaseDialog(self.ctx, self.row.teacher_id, case.id, parent=self, today=current_date()))

    def delete_case(self) -> None:
        case = self.current_case()
        if case is None or self.row is None:
            return
        question = _(
            "Delete the attestation case of {year} with its stages? A category it awarded stays in the history."
        ).format(year=case.year_name)
        if common.confirm(self, question) and run_action(
            self, self.ctx, lambda s: attestation_cases.delete_case(s, case.id)
        ):
            self.written.emit(self.row.teacher_id)

    def add_observation(self) -> None:
        case = self.current_case()
        if case is not None and self.row is not None:
            self._after(StageObservationDialog(self.ctx, case.id, self.row.teacher_id, self))

    def remove_observation(self) -> None:
        stage = selected_row(self.observation_table)
        if stage is None or self.row is None:
            return
        if common.confirm(self, _("Remove this observed lesson from the case?")) and run_action(
            self, self.ctx, lambda s: attestation_cases.delete_stage_observation(s, stage.id)
        ):
            self.written.emit(self.row.teacher_id)

    def save_state(self) -> None:
        save_table_state(self.observation_table, self.ctx)
