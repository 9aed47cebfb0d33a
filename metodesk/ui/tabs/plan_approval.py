"""The approval page of an annual plan: where it stands on its way (reviewed at
a meeting, agreed with the deputy, approved by the head), the buttons for the
next step and the ways back, and the history (who, when, what, why).

Each step opens its dialog (``metodesk.ui.dialogs.plan_workflow``), which
writes in one transaction; the page then emits ``written``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.plan_forms import PlanStatus
from metodesk.i18n import _
from metodesk.i18n.dates import official_date, short_date
from metodesk.services import plan_workflow
from metodesk.services.plan_workflow import EventRow, PlanAction
from metodesk.services.plans import PlanDetail
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table, save_table_state

HISTORY_WIDTHS = (120, 110, 170, 160)
NEXT_STEP = {
    PlanStatus.DRAFT.value: lambda: _("Next: record the meeting of the association that reviewed the plan."),
    PlanStatus.REVIEWED.value: lambda: _(
        "Next: the deputy agrees the plan (optional), then the head approves it."
    ),
    PlanStatus.AGREED.value: lambda: _("Next: the head approves the plan."),
    PlanStatus.APPROVED.value: lambda: _(
        "The plan is approved and locked. To change it, reopen it with a reason."
    ),
}


def _button(name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _fact(form: QFormLayout, name: str, title: str) -> QLabel:
    value = QLabel()
    value.setObjectName(name)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    form.addRow(title, value)
    return value


class ApprovalPage(QWidget):
    written = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("approval_page")
        self.detail: PlanDetail | None = None
        self.before_step: Callable[[], bool] | None = None  # saves unsaved sections first
        column = QVBoxLayout(self)
        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.status_value = _fact(facts, "approval_status", _("Status"))
        self.reviewed_value = _fact(facts, "approval_reviewed", _("Reviewed at"))
        self.agreed_value = _fact(facts, "approval_agreed", _("Agreed"))
        self.approved_value = _fact(facts, "approval_approved", _("Approved"))
        column.addLayout(facts)
        self.next_step = QLabel()
        self.next_step.setObjectName("next_step")
        self.next_step.setWordWrap(True)
        self.next_step.setStyleSheet("font-style: italic;")
        column.addWidget(self.next_step)
        grid = QGridLayout()
        self.review_button = _button("review_button", _("Review at a meeting…"), self.review)
        self.agree_button = _button("agree_button", _("Agree…"), self.agree)
        self.approve_button = _button("approve_button", _("Approve…"), self.approve)
        self.reopen_button = _button("reopen_button", _("Reopen…"), self.reopen)
        self.withdraw_button = _button("withdraw_button", _("Return to draft…"), self.withdraw)
        # Two rows: the forward steps, then the steps back; fits a 1280-pixel screen in every language.
        for index, button in enumerate((self.review_button, self.agree_button, self.approve_button)):
            grid.addWidget(button, 0, index)
        grid.addWidget(self.reopen_button, 1, 0)
        grid.addWidget(self.withdraw_button, 1, 1)
        grid.setColumnStretch(3, 1)
        column.addLayout(grid)
        history_title = QLabel(_("History"))
        history_title.setObjectName("history_title")
        column.addWidget(history_title)
        self.history_model = RowTableModel(
            [
                Column(lambda: _("Date and time"), self._when, sort=lambda e: e.at),
                Column(lambda: _("Who"), lambda e: e.who),
                Column(lambda: _("What"), lambda e: e.action_label),
                Column(lambda: _("Details"), lambda e: e.details, tooltip=lambda e: e.details),
                Column(lambda: _("Why"), lambda e: e.reason, tooltip=lambda e: e.reason),
            ]
        )
        self.history_table, self.history_proxy = make_table("plan_history_table", self.history_model, ctx)
        if ctx.settings.value("tables/plan_history_table") is None:
            for section, width in enumerate(HISTORY_WIDTHS):
                self.history_table.setColumnWidth(
                    section, max(width, header_width(self.history_table, section))
                )
        column.addWidget(self.history_table, 1)
        self.show_plan(None)

    @staticmethod
    def _when(event: EventRow) -> str:
        return event.at.strftime("%d.%m.%Y %H:%M")

    # ---- showing ------------------------------------------------------------------------------------

    def show_plan(self, detail: PlanDetail | None) -> None:
        self.detail = detail
        events: list[EventRow] = []
        if detail is not None:
            with self.ctx.reading() as session:
                events = plan_workflow.history(session, detail.row.id)
        self.history_model.set_rows(events)
        self.history_proxy.sort(0, Qt.SortOrder.DescendingOrder)
        self._show_state(detail)

    def _show_state(self, detail: PlanDetail | None) -> None:
        lang = self.ctx.lang
        status = detail.row.status if detail else ""
        self.status_value.setText(detail.row.status_label if detail else "")
        if detail is None or not detail.reviewed_at(lang):
            self.reviewed_value.setText(_("not yet"))
        else:
            self.reviewed_value.setText(detail.reviewed_at(lang))
        if detail is not None and detail.agreed_on is not None:
            self.agreed_value.setText(
                ", ".join(
                    p for p in (detail.agreed_name, detail.agreed_title, short_date(detail.agreed_on)) if p
                )
            )
        else:
            self.agreed_value.setText(_("not yet (optional)"))
        if detail is not None and detail.approved_on is not None:
            self.approved_value.setText(
                _("{name}, {title}, {date}").format(
                    name=detail.approved_name,
                    title=detail.approved_title,
                    date=official_date(detail.approved_on, lang),
                )
            )
        else:
            self.approved_value.setText(_("not yet"))
        self.next_step.setText(NEXT_STEP[status]() if status in NEXT_STEP else "")
        # the services' table of steps decides which buttons work (plan_workflow.STEPS)
        allowed = plan_workflow.allowed_steps(status) if detail is not None else frozenset()
        self.review_button.setEnabled(PlanAction.REVIEWED in allowed)
        self.agree_button.setEnabled(PlanAction.AGREED in allowed)
        self.approve_button.setEnabled(PlanAction.APPROVED in allowed)
        self.approve_button.setToolTip(
            _("The head approves the plan after it is reviewed at an association meeting.")
            if status == PlanStatus.DRAFT.value
            else ""
        )
        self.reopen_button.setEnabled(PlanAction.REOPENED in allowed)
        self.withdraw_button.setEnabled(PlanAction.WITHDRAWN in allowed)

    # ---- steps -------------------------------------------------------------------------------------

    def _run(self, dialog_class, *args) -> None:  # type: ignore[no-untyped-def]
        if self.detail is None or (self.before_step is not None and not self.before_step()):
            return
        try:
            dialog = dialog_class(self.ctx, self.detail.row.id, *args, parent=self)
        except DomainError as err:  # the plan vanished meanwhile
            common.show_error(self, err.message)
            self.written.emit()
            return
        if dialog.exec():
            self.written.emit()

    def review(self) -> None:
        from metodesk.ui.dialogs.plan_workflow import ReviewDialog

        self._run(ReviewDialog)

    def agree(self) -> None:
        from metodesk.ui.dialogs.plan_workflow import AgreeDialog

        self._run(AgreeDialog)

    def approve(self) -> None:
        from metodesk.ui.dialogs.plan_workflow import ApproveDialog

        self._run(ApproveDialog)

    def reopen(self) -> None:
        from metodesk.ui.dialogs.plan_workflow import REOPEN, ReasonDialog

        self._run(ReasonDialog, REOPEN)

    def withdraw(self) -> None:
        from metodesk.ui.dialogs.plan_workflow import WITHDRAW, ReasonDialog

        self._run(ReasonDialog, WITHDRAW)

    def save_state(self) -> None:
        save_table_state(self.history_table, self.ctx)
