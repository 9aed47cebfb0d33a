"""The right half of the Mentoring tab: the chosen pair's facts (mentor,
mentee, order, period, goals), its pages (plan, log, summary and
conclusion), and the documents: the mentor's plan and the year's report,
previewed or saved as PDF or Word, in Kazakh or Russian."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.documents.base import Format
from metodesk.domain.mentoring_enums import MenteeKind
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import settings
from metodesk.services.mentoring import PairRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import label_of
from metodesk.ui.tabs.mentoring_log_page import LogPage
from metodesk.ui.tabs.mentoring_pages import PlanPage, make_button
from metodesk.ui.tabs.mentoring_summary_page import SummaryPage

PLAN, REPORT = "mentoring-plan", "mentoring-report"  # the registry's kinds


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class MentoringDetailPanel(QStackedWidget):
    """Page 0: a hint when no pair is chosen; page 1: the chosen pair."""

    written = Signal(int)  # a pair id: it changed, reload and keep it selected

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mentoring_detail")
        self.pair: PairRow | None = None
        self.hint = QLabel(_("Choose a pair on the left, or create one with “New pair…”."))
        self.hint.setObjectName("detail_hint")
        self.hint.setWordWrap(True)
        self.addWidget(self.hint)
        page = QWidget()
        page.setObjectName("pair_detail")
        column = QVBoxLayout(page)
        column.setContentsMargins(6, 0, 0, 0)
        facts = QFormLayout()
        facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.mentor_label = _value_label("mentor_value")
        self.mentee_label = _value_label("mentee_value")
        self.order_label = _value_label("order_value")
        self.period_label = _value_label("period_value")
        self.goals_label = _value_label("goals_value")
        for caption, label in (
            (_("Mentor"), self.mentor_label),
            (_("Mentee"), self.mentee_label),
            (_("Appointed by order"), self.order_label),
            (_("Mentoring period"), self.period_label),
            (_("Goals"), self.goals_label),
        ):
            facts.addRow(caption, label)
        column.addLayout(facts)
        self.pages = QTabWidget()
        self.pages.setObjectName("pair_pages")
        self.plan_page = PlanPage(ctx)
        self.log_page = LogPage(ctx)
        self.summary_page = SummaryPage(ctx)
        self.pages.addTab(self.plan_page, _("Plan"))
        self.pages.addTab(self.log_page, _("Meeting log"))
        self.pages.addTab(self.summary_page, _("Summary and conclusion"))
        for source in (self.plan_page, self.log_page, self.summary_page):
            source.written.connect(self.written)
        column.addWidget(self.pages, 1)
        column.addLayout(self._documents_row())
        self.addWidget(page)

    def _documents_row(self) -> QGridLayout:
        """The plan and the report: preview (and print) or save as PDF or Word
        (a "Save as…" menu, narrow enough for a 1024-pixel screen), in the
        language chosen beside them."""
        grid = QGridLayout()
        self.preview_plan_button = make_button("preview_plan_button", _("Preview…"), self.preview_plan)
        self.preview_plan_button.setToolTip(_("Preview and print the mentor's plan."))
        self.export_plan_button, self.export_plan_action, self.export_plan_docx_action = self._save_menu(
            "export_plan",
            (_("Save the mentor's plan as a PDF file."), self.export_plan),
            (_("Save the mentor's plan as a Word document."), self.export_plan_docx),
        )
        self.preview_report_button = make_button("preview_report_button", _("Preview…"), self.preview_report)
        self.preview_report_button.setToolTip(_("Preview and print the year's report of the pair."))
        self.export_report_button, self.export_report_action, self.export_report_docx_action = self._save_menu(
            "export_report",
            (_("Save the year's report of the pair as a PDF file."), self.export_report),
            (_("Save the year's report of the pair as a Word document."), self.export_report_docx),
        )
        grid.addWidget(QLabel(_("The mentor's plan")), 0, 0)
        grid.addWidget(self.preview_plan_button, 0, 1)
        grid.addWidget(self.export_plan_button, 0, 2)
        grid.addWidget(QLabel(_("The year's report")), 1, 0)
        grid.addWidget(self.preview_report_button, 1, 1)
        grid.addWidget(self.export_report_button, 1, 2)
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("document_lang_combo")
        self.lang_combo.addItem(_("Kazakh"), "kk")
        self.lang_combo.addItem(_("Russian"), "ru")
        self.lang_combo.setToolTip(_("The language the plan and the report are printed in."))
        grid.addWidget(self.lang_combo, 0, 4)
        grid.setColumnStretch(3, 1)
        return grid

    def _save_menu(self, name: str, pdf, docx) -> tuple[QPushButton, QAction, QAction]:  # type: ignore[no-untyped-def]
        """A "Save as…" button whose menu saves as PDF or as Word; ``pdf`` and
        ``docx`` are (tooltip, slot). Object names: NAME_button, NAME_action
        (PDF) and NAME_docx_action."""
        button = QPushButton(_("Save as…"))
        button.setObjectName(f"{name}_button")
        menu = QMenu(button)
        menu.setObjectName(f"{name}_menu")
        menu.setToolTipsVisible(True)
        actions = []
        for suffix, text, (tip, slot) in (("", _("Save as PDF…"), pdf), ("_docx", _("Save as Word…"), docx)):
            action = QAction(text, menu)
            action.setObjectName(f"{name}{suffix}_action")
            action.setToolTip(tip)
            action.triggered.connect(slot)
            menu.addAction(action)
            actions.append(action)
        button.setMenu(menu)
        return button, actions[0], actions[1]

    def set_print_language(self) -> None:
        with self.ctx.reading() as session:
            lang = settings.print_language(session)
        self.lang_combo.setCurrentIndex(max(self.lang_combo.findData(lang), 0))

    def show_pair(self, pair: PairRow | None) -> None:
        """Show ``pair`` (the hint when None); its plan and log are read again."""
        self.pair = pair
        self.setCurrentIndex(0 if pair is None else 1)
        pair_id = pair.id if pair else None
        if pair is not None:
            mentor = pair.mentor_name + (_(" (archived)") if pair.mentor_archived else "")
            mentee = _("{name}, {kind}").format(
                name=pair.mentee_name, kind=label_of(MenteeKind, pair.mentee_kind)
            )
            self.mentor_label.setText(mentor)
            self.mentee_label.setText(mentee + (_(" (archived)") if pair.mentee_archived else ""))
            self.order_label.setText(pair.order_text or _("not given"))
            period = f"{short_date(pair.start_date) or '…'} – {short_date(pair.end_date) or '…'}"
            self.period_label.setText(period)
            goals = " ".join(pair.goals.split())
            self.goals_label.setText(goals if len(goals) <= 300 else goals[:299] + "…")
            self.goals_label.setToolTip(pair.goals)
        self.plan_page.set_pair(pair_id)
        self.log_page.set_pair(pair_id)
        self.summary_page.set_texts(pair)

    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def _preview(self, key: str) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        if self.pair is not None:
            open_document(self.ctx, key, {"pair": self.pair.id}, self, self.lang())

    def _export(self, key: str, fmt: Format) -> None:
        from metodesk.ui.dialogs.document_preview import export_document

        if self.pair is not None:
            export_document(self.ctx, key, {"pair": self.pair.id}, fmt, self, self.lang())

    def preview_plan(self) -> None:
        self._preview(PLAN)

    def preview_report(self) -> None:
        self._preview(REPORT)

    def export_plan(self) -> None:
        self._export(PLAN, Format.PDF)

    def export_plan_docx(self) -> None:
        self._export(PLAN, Format.DOCX)

    def export_report(self) -> None:
        self._export(REPORT, Format.PDF)

    def export_report_docx(self) -> None:
        self._export(REPORT, Format.DOCX)

    def save_state(self) -> None:
        self.plan_page.save_state()
        self.log_page.save_state()
