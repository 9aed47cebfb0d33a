"""Open or edit a teacher's attestation case for one attestation year: the
target category and the window, then the stages: the application, the
knowledge test (ПББ / ОЗП) with its score and the pass mark in force on the
test date, the portfolio, the commission's decision and the order. An
"awarded" decision writes the category into the history (services)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from metodesk.domain.attestation import (
    AwardBasis,
    CaseDecision,
    DecisionBody,
    PortfolioStatus,
    RuleBook,
    Window,
    attestation_year,
    pass_mark,
    year_name,
)
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import attestation_cases, attestation_rules, teachers
from metodesk.services.attestation_cases import CaseInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.attestation_award import category_combo, enum_combo
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField


def parse_score(text: str) -> int | None:
    """The score typed: None when empty; a refusal on the field when not a whole number."""
    text = text.strip().rstrip("%").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise DomainError(
            _("Enter the score as a whole number of per cent, from 0 to 100."), field="test_score"
        ) from None


class CaseDialog(FormDialog):
    """A new case for ``teacher_id`` when ``case_id`` is None. ``target`` and
    ``window`` are what a new case starts with; ``today`` picks its year."""

    def __init__(
        self,
        ctx: AppContext,
        teacher_id: int,
        case_id: int | None = None,
        target: str | None = None,
        window: str | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(ctx, _("New attestation case") if case_id is None else _("Attestation case"), parent)
        self.teacher_id, self.case_id = teacher_id, case_id
        self.today = today = today or dt.date.today()
        with ctx.reading() as session:
            teacher = teachers.get_teacher(session, teacher_id)
            self.book: RuleBook = attestation_rules.rule_book(session)
            row = attestation_cases.get_case(session, case_id) if case_id is not None else None
        self.position = teacher.position
        heading = QLabel(f"<b>{teacher.full_name}</b>")
        heading.setObjectName("case_teacher")
        self.form.addRow(heading)

        this_year = attestation_year(today)
        chosen = row.year_start if row else this_year
        self.year = QComboBox()
        self.year.setObjectName("year")
        for start in sorted({*range(this_year - 2, this_year + 6), chosen}):
            self.year.addItem(year_name(start), year_name(start))
        self.year.setCurrentIndex(self.year.findData(year_name(chosen)))
        self.add_field(_("Attestation year"), self.year, "year")
        self.target = category_combo(
            "target_category", row.target_category if row else target, include_legacy=False
        )
        self.add_field(_("Target category"), self.target, "target_category")
        self.window = enum_combo("window", Window.choices(), row.window if row else window)
        self.add_field(_("Planned window"), self.window, "window")
        self.basis = enum_combo("basis", AwardBasis.choices(), row.basis if row else None)
        self.add_field(_("Basis"), self.basis, "basis")

        self.application_date = self._date("application_date", row.application_date if row else None)
        self.add_field(_("Application filed on"), self.application_date, "application_date")
        self.test_date = self._date("test_date", row.test_date if row else None)
        self.test_date.setToolTip(
            _("The date of the knowledge test (ПББ / ОЗП); its pass mark is the one in force then.")
        )
        self.add_field(_("Knowledge test on"), self.test_date, "test_date")
        self.test_score = QLineEdit("" if row is None or row.test_score is None else str(row.test_score))
        self.test_score.setObjectName("test_score")
        self.test_score.setMaximumWidth(140)
        self.test_score.setPlaceholderText(_("0 to 100"))
        self.add_field(_("Test score, %"), self.test_score, "test_score")
        self.pass_label = QLabel()
        self.pass_label.setObjectName("pass_label")
        self.pass_label.setWordWrap(True)
        self.form.addRow("", self.pass_label)
        self.portfolio = enum_combo(
            "portfolio_status", PortfolioStatus.choices(), row.portfolio_status if row else None
        )
        self.portfolio.setToolTip(
            _("The portfolio: the comprehensive generalisation of the teacher's results.")
        )
        self.add_field(_("Portfolio"), self.portfolio, "portfolio_status")

        self.decision = enum_combo("decision", CaseDecision.choices(), row.decision if row else None)
        self.add_field(_("Commission's decision"), self.decision, "decision")
        self.decision_date = self._date("decision_date", row.decision_date if row else None)
        self.add_field(_("Decided on"), self.decision_date, "decision_date")
        self.decision_body = enum_combo(
            "decision_body", DecisionBody.choices(), row.decision_body if row else None
        )
        self.add_field(_("Decided by"), self.decision_body, "decision_body")
        self.order_number = QLineEdit(row.order_number if row else "")
        self.order_number.setObjectName("order_number")
        self.order_number.setMaxLength(100)
        self.add_field(_("Order number"), self.order_number, "order_number")
        self.note = QPlainTextEdit(row.note if row else "")
        self.note.setObjectName("note")
        self.note.setFixedHeight(60)
        self.add_field(_("Note"), self.note, "note")

        for signal in (self.test_score.textChanged, self.test_date.textChanged):
            signal.connect(self._update_pass)
        self.target.currentIndexChanged.connect(self._update_pass)
        self.decision.currentIndexChanged.connect(self._update_decision)
        self._update_pass()
        self._update_decision()
        self.setMinimumWidth(560)

    @staticmethod
    def _date(name: str, value: dt.date | None) -> DateField:
        field = DateField(name)
        field.setMaximumWidth(140)
        field.set_date(value)
        return field

    def _update_pass(self, *_args: object) -> None:
        """'Pass mark on the test date: 70 %. Passed.' as the score is typed."""
        try:
            day = self.test_date.date()
            score = parse_score(self.test_score.text())
        except DomainError:
            self.pass_label.setText("")
            return
        if day is None:
            self.pass_label.setText(_("The pass mark is the one in force on the test date."))
            return
        mark = pass_mark(self.book, str(self.target.currentData()), self.position, day)
        if score is None or not 0 <= score <= 100:
            self.pass_label.setText(_("Pass mark on the test date: {mark} %.").format(mark=mark))
        elif mark is not None and score >= mark:
            self.pass_label.setText(_("Pass mark on the test date: {mark} %. Passed.").format(mark=mark))
        else:
            self.pass_label.setText(_("Pass mark on the test date: {mark} %. Not passed.").format(mark=mark))

    def _update_decision(self, *_args: object) -> None:
        decided = self.decision.currentData() != CaseDecision.PENDING.value
        for widget in (self.decision_date, self.decision_body, self.order_number):
            widget.setEnabled(decided)

    def values(self) -> CaseInput:
        decided = self.decision.currentData() != CaseDecision.PENDING.value
        return CaseInput(
            teacher_id=self.teacher_id,
            year=str(self.year.currentData()),
            target_category=str(self.target.currentData()),
            window=str(self.window.currentData()),
            basis=str(self.basis.currentData()),
            application_date=self.application_date.date(),
            test_date=self.test_date.date(),
            test_score=parse_score(self.test_score.text()),
            portfolio_status=str(self.portfolio.currentData()),
            decision=str(self.decision.currentData()),
            decision_date=self.decision_date.date() if decided else None,
            decision_body=str(self.decision_body.currentData()),
            order_number=self.order_number.text() if decided else "",
            note=self.note.toPlainText(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return attestation_cases.save_case(session, self.values(), self.case_id, today=self.today)
