"""The right half of the Annual plans tab: one plan with its header (association,
year, status, progress), preview and export, the flags of what it still lacks
(``plan_checks``), and four pages: the written sections, the activities, the
live schedule of meetings, and the way to approval with its history.

The panel writes only through its pages, each in one transaction, then emits
``written(plan_id)`` so that the tab tells the other tabs and reloads."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.documents.base import Format
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import plan_checks, plans
from metodesk.services.plans import PlanDetail
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.wording import language_combo
from metodesk.ui.flow import FlowLayout
from metodesk.ui.tabs.plan_approval import ApprovalPage
from metodesk.ui.tabs.plan_pages import ActivitiesPage, SchedulePage
from metodesk.ui.tabs.plan_sections import SectionsPage

SECTIONS_PAGE, ACTIVITIES_PAGE, SCHEDULE_PAGE, APPROVAL_PAGE = range(4)
PROBLEM_LINES = 4  # the flags box scrolls beyond this many
WRAP = int(Qt.TextFlag.TextWordWrap)
WARNING_STYLE = (
    "QFrame#plan_problems { background: #fff4c2; border: 1px solid #e0b400; border-radius: 4px; }"
    "QFrame#plan_problems QLabel, QFrame#plan_problems QListWidget "
    "{ background: transparent; border: none; color: #4a3b00; }"
)


def progress_text(done: int, total: int, percent: int) -> str:
    return _("{done} of {total} done ({percent} %)").format(done=done, total=total, percent=percent)


class ProblemList(QListWidget):
    """The flags, one sentence a line (wrapped): as tall as its first few lines."""

    def fit(self) -> None:
        width = max(self.viewport().width() - 8, 200)
        metrics = self.fontMetrics()
        needed = 0
        for row in range(min(self.count(), PROBLEM_LINES)):
            text = self.item(row).text()
            needed += metrics.boundingRect(0, 0, width, 10000, WRAP, text).height()
        self.setFixedHeight(max(needed, metrics.lineSpacing()) + 2 * self.frameWidth())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.fit()


class PlanDetailPanel(QStackedWidget):
    """Page 0: a hint when no plan is chosen; page 1: the chosen plan."""

    written = Signal(int)  # a plan id: it changed, reload and keep it selected

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("plan_detail_stack")
        self.today = today
        self.detail: PlanDetail | None = None
        self.empty_label = QLabel()
        self.empty_label.setObjectName("plan_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.empty_label)
        self.addWidget(self._build_plan())

    def _build_plan(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("plan_detail")
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.plan_name = QLabel()
        self.plan_name.setObjectName("plan_name")
        self.plan_name.setWordWrap(True)
        self.plan_name.setStyleSheet("font-weight: bold;")
        self.plan_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setObjectName("plan_facts")
        self.facts.setWordWrap(True)
        column.addWidget(self.plan_name)
        column.addLayout(self._build_bar())  # wraps under a narrow window (1024 px screens)
        column.addWidget(self.facts)
        self.locked_note = QLabel(
            _("The plan is approved and locked: reopen it on the Approval page to change it.")
        )
        self.locked_note.setObjectName("plan_locked_note")
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet("color: #5a5a5a; font-style: italic;")
        column.addWidget(self.locked_note)
        column.addWidget(self._build_problems())
        self.pages = QTabWidget()
        self.pages.setObjectName("plan_pages")
        self.sections_page = SectionsPage(self.ctx)
        self.sections_page.saved.connect(self._page_written)
        self.activities_page = ActivitiesPage(self.ctx)
        self.activities_page.written.connect(self._page_written)
        self.schedule_page = SchedulePage(self.ctx)
        self.approval_page = ApprovalPage(self.ctx)
        self.approval_page.written.connect(self._page_written)
        self.approval_page.before_step = self._settled
        self.pages.addTab(self.sections_page, _("Plan"))
        self.pages.addTab(self.activities_page, _("Activities"))
        self.pages.addTab(self.schedule_page, _("Schedules"))
        self.pages.addTab(self.approval_page, _("Approval"))
        column.addWidget(self.pages, 1)
        return panel

    def _build_bar(self) -> FlowLayout:
        bar = FlowLayout()
        caption = QLabel(_("Document language"))
        self.lang_combo = language_combo("plan_document_lang", "kk")
        caption.setBuddy(self.lang_combo)
        bar.addWidget(caption)
        bar.addWidget(self.lang_combo)
        self.preview_button = QPushButton(_("Preview / print…"))
        self.preview_button.setObjectName("plan_preview_button")
        self.preview_button.clicked.connect(self.preview)
        bar.addWidget(self.preview_button)
        # A push button leaves room for its menu arrow (a tool button drew it over "Экспорт").
        self.export_button = QPushButton(_("Export"))
        self.export_button.setObjectName("plan_export_button")
        menu = QMenu(self.export_button)
        menu.setObjectName("plan_export_menu")
        self.export_pdf_action = QAction(_("Export to PDF…"), menu)
        self.export_pdf_action.setObjectName("export_pdf_action")
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.export_docx_action = QAction(_("Export to Word (DOCX)…"), menu)
        self.export_docx_action.setObjectName("export_docx_action")
        self.export_docx_action.triggered.connect(self.export_docx)
        menu.addAction(self.export_pdf_action)
        menu.addAction(self.export_docx_action)
        menu.addSeparator()
        # the plan goes to the director before anything is done: no "Выполнение" column
        self.for_approval_action = QAction(_("For approval, without the progress column"), menu)
        self.for_approval_action.setObjectName("for_approval_action")
        self.for_approval_action.setCheckable(True)
        self.for_approval_action.setToolTip(
            _("Preview, print and export the plan without the column of what was done, to be approved.")
        )
        menu.addAction(self.for_approval_action)
        self.export_button.setMenu(menu)
        bar.addWidget(self.export_button)
        return bar

    def _build_problems(self) -> QFrame:
        self.problems_box = QFrame()
        self.problems_box.setObjectName("plan_problems")
        self.problems_box.setStyleSheet(WARNING_STYLE)
        box = QVBoxLayout(self.problems_box)
        box.setContentsMargins(8, 4, 8, 4)
        box.setSpacing(2)
        self.problems_title = QLabel()
        self.problems_title.setObjectName("problems_title")
        self.problems_title.setStyleSheet("font-weight: bold;")
        box.addWidget(self.problems_title)
        self.problems_list = ProblemList()
        self.problems_list.setFrameShape(QFrame.Shape.NoFrame)
        self.problems_list.setObjectName("problems_list")
        self.problems_list.setWordWrap(True)
        self.problems_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problems_list.setToolTip(_("Double-click a line about an activity to open it."))
        self.problems_list.itemDoubleClicked.connect(self._problem_chosen)
        box.addWidget(self.problems_list)
        self.problems_box.hide()
        return self.problems_box

    # ---- showing ----------------------------------------------------------------------------------

    def plan_id(self) -> int | None:
        return self.detail.row.id if self.detail else None

    def show_plan(self, detail: PlanDetail | None, hint: str = "") -> None:
        """Show a plan (keeping unsaved section edits when it is the same one), or a hint."""
        self.detail = detail
        self.sections_page.show_plan(detail)
        self.activities_page.show_plan(detail, self.activities_page.take_pending_selection())
        self.schedule_page.show_plan(detail)
        self.approval_page.show_plan(detail)
        if detail is None:
            self.empty_label.setText(hint)
            self.problems_box.hide()
            self.setCurrentIndex(0)
            return
        lang = self.ctx.lang
        row = detail.row
        self.plan_name.setText(row.association(lang))
        self.facts.setText(
            _("Academic year {year} · {status} · {progress}").format(
                year=row.year_name,
                status=row.status_label,
                progress=progress_text(row.done_count, row.activity_count - row.cancelled_count, row.percent),
            )
        )
        self.locked_note.setVisible(detail.locked)
        self._show_problems(detail)
        self.setCurrentIndex(1)

    def _show_problems(self, detail: PlanDetail) -> None:
        with self.ctx.reading() as session:
            found = plan_checks.plan_problems(session, detail.row.id, self.today or dt.date.today())
        self.problems_list.clear()
        for problem in found:
            item = QListWidgetItem(problem.message)
            item.setData(Qt.ItemDataRole.UserRole, problem.activity_id)
            self.problems_list.addItem(item)
        self.problems_title.setText(_("What the plan still lacks or needs fixed:"))
        self.problems_list.fit()
        self.problems_box.setVisible(bool(found))

    def reload_plan(self) -> None:
        """Read the shown plan again (after a write of one of the pages)."""
        plan_id = self.plan_id()
        if plan_id is None:
            return
        try:
            with self.ctx.reading() as session:
                detail = plans.get_plan(session, plan_id)
        except DomainError:
            detail = None
        self.show_plan(detail)

    def set_document_language(self, lang: str) -> None:
        self.lang_combo.setCurrentIndex(max(self.lang_combo.findData(lang), 0))

    def document_language(self) -> str:
        return str(self.lang_combo.currentData())

    # ---- after writes -------------------------------------------------------------------------------

    def _page_written(self) -> None:
        if self.detail is not None:
            self.written.emit(self.detail.row.id)

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        activity_id = item.data(Qt.ItemDataRole.UserRole)
        if activity_id is not None:
            self.pages.setCurrentIndex(ACTIVITIES_PAGE)
            self.activities_page.select(int(activity_id))
            self.activities_page.edit_activity()

    # ---- documents ----------------------------------------------------------------------------------

    def _settled(self) -> bool:
        """Unsaved sections are saved (or dropped) before a document is built from
        the plan or a step of its approval is taken."""
        return self.sections_page.settle(
            _("The plan's sections have changes that are not saved. Save them now?")
        )

    def _request(self) -> dict[str, object]:
        assert self.detail is not None
        return {"plan": self.detail.row.id, "for_approval": self.for_approval_action.isChecked()}

    def preview(self) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        if self.detail is not None and self._settled():
            open_document(self.ctx, "plan", self._request(), self, self.document_language())

    def export_pdf(self) -> None:
        self._export(Format.PDF)

    def export_docx(self) -> None:
        self._export(Format.DOCX)

    def _export(self, fmt: Format) -> None:
        from metodesk.ui.dialogs.document_preview import export_document

        if self.detail is not None and self._settled():
            export_document(self.ctx, "plan", self._request(), fmt, self, self.document_language())

    def save_state(self) -> None:
        self.activities_page.save_state()
        self.schedule_page.save_state()
        self.approval_page.save_state()
