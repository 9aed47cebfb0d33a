"""The Annual plans tab (Order No. 253 item 28; docs/domain/order-253.md, 'Annual plans'): the
year's plans on the left with their status, progress and the meeting that
reviewed them; the chosen plan on the right (``PlanDetailPanel``).

A plan's unsaved sections are saved, dropped or kept (the user chooses)
before another plan or year is shown, a new plan is started, or the window
closes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import plans, settings, years
from metodesk.services.plans import PlanRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import run_action
from metodesk.ui.flow import FlowLayout
from metodesk.ui.models import ROW_ROLE, RowTableModel
from metodesk.ui.tabs.base import (
    StretchGuard,
    Tab,
    fill_year_combo,
    header_width,
    make_table,
    save_table_state,
    selected_row,
)
from metodesk.ui.tabs.plan_detail import PlanDetailPanel
from metodesk.ui.tabs.plan_list import (
    PROGRESS_COLUMN,
    OneLineFastDelegate,
    PlanListRow,
    ProgressDelegate,
    list_columns,
    list_rows,
)
from metodesk.ui.widgets import SearchBox

SPLITTER_KEY = "splitters/plans"
LIST_WIDTHS = (0, 95, 105, 115)  # after the (stretched, wrapped) association name


class PlansTab(Tab):
    """Year selector and plans on the left; the chosen plan on the right."""

    areas = ("plans", "associations", "meetings", "teachers", "settings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(ctx, parent)
        self._own_write = False
        self._loading = False
        self._language_set = False
        self.model = RowTableModel(list_columns(ctx))
        self.panel = PlanDetailPanel(ctx, today=today)
        self.panel.written.connect(self._written)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("plans_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list())
        self.splitter.addWidget(self.panel)
        state = ctx.settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([500, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._update_buttons()

    def _button(self, name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_list(self) -> QWidget:
        left = QWidget()
        left.setObjectName("plans_list")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        year_label = QLabel(_("Academic year"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year_combo")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        year_label.setBuddy(self.year_combo)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        column.addLayout(top)
        self.table, self.proxy = make_table("plans_table", self.model, self.ctx)
        self.search_box = SearchBox()  # Ctrl+F comes here (issue 19.10)
        self.search_box.setObjectName("plans_search")
        self.search_box.search_changed.connect(self.proxy.set_search)
        top.addWidget(self.search_box, 1)
        self.table.setItemDelegate(OneLineFastDelegate(self.table))
        self.table.setItemDelegateForColumn(PROGRESS_COLUMN, ProgressDelegate(self.table))
        self.table.setWordWrap(True)  # long association names take two or three lines
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.ctx.settings.value("tables/plans_table") is None:
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            StretchGuard(self.table, 0)
            for section, width in enumerate(LIST_WIDTHS[1:], start=1):
                self.table.setColumnWidth(section, max(width, header_width(self.table, section)))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        column.addWidget(self.table, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("plans_empty")
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)
        buttons = FlowLayout()  # wraps under a narrow window (1024 px screens)
        self.new_button = self._button("new_plan_button", _("New plan…"), self.new_record)
        self.copy_button = self._button(
            "copy_plan_button", _("New plan from last year…"), self.copy_from_last_year
        )
        self.delete_button = self._button("delete_plan_button", _("Delete"), self.delete_plan)
        for button in (self.new_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        return left

    # ---- loading ------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Annual plans")

    def year_id(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def selected(self) -> PlanListRow | None:
        return selected_row(self.table)

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the years and the year's plans; keep the selection, or move it
        to ``select_id`` (switching to its year)."""
        shown = self.panel.plan_id()
        keep = select_id if select_id is not None else shown
        rows: list[PlanListRow] = []
        with self.ctx.reading() as session:
            year_rows = years.list_years(session)
            this_year = years.current_year(session)
            wanted = self.year_id() or (this_year.id if this_year else None)
            if select_id is not None:
                try:
                    wanted = plans.get_plan(session, select_id).row.year_id
                except DomainError:
                    keep = None
            if not self._language_set:
                self.panel.set_document_language(settings.print_language(session))
                self._language_set = True
            fill_year_combo(self.year_combo, year_rows, wanted)
            year_id = self.year_id()
            rows = list_rows(plans.list_plans(session, year_id), self.ctx.lang) if year_id is not None else []
        self._loading = True
        try:
            self.model.set_rows(rows)
            header = self.table.horizontalHeader()
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            # Fit the rows to their wrapped names once, now: selecting and scrolling
            # would otherwise each lay out all the rows again.
            self.table.doItemsLayout()
            self._select(keep)
            if self.selected() is None and self.proxy.rowCount():
                self._select(self.proxy.index(0, 0).data(ROW_ROLE).id)
        finally:
            self._loading = False
        self.empty_label.setText(
            _("There are no plans for {year} yet. Press “New plan…” or “New plan from last year…”.").format(
                year=self.year_combo.currentText()
            )
        )
        self.empty_label.setVisible(not rows and year_id is not None)
        self._show_selected()

    def _select(self, plan_id: int | None) -> None:
        """Select (and scroll to) the plan's row, or clear the selection."""
        for source_row, row in enumerate(self.model.rows()):
            if plan_id is not None and row.id == plan_id:
                index = self.proxy.mapFromSource(self.model.index(source_row, 0))
                if index.isValid():
                    flags = (
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows
                    )
                    self.table.selectionModel().setCurrentIndex(index, flags)
                    self.table.scrollTo(index)
                    return
                break
        self.table.clearSelection()

    def _show_selected(self) -> None:
        row = self.selected()
        detail = None
        if row is not None:
            try:
                with self.ctx.reading() as session:
                    detail = plans.get_plan(session, row.id)
            except DomainError:
                detail = None
        hint = (
            _("Choose a plan in the list, or start a new one.")
            if self.model.rowCount()
            else _(
                "Each association works to a plan for the year, approved by the head (Order No. 253, item 28)."
            )
        )
        self.panel.show_plan(detail, hint)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.new_button.setEnabled(self.year_id() is not None)
        self.copy_button.setEnabled(self.year_id() is not None)
        self.delete_button.setEnabled(chosen is not None and chosen.plan.status != "approved")

    # ---- unsaved edits ------------------------------------------------------------------------------

    def settle(self) -> bool:
        """True when the shown plan has no unsaved edits left (saved or dropped)."""
        detail = self.panel.detail
        if detail is None:
            return True
        question = _("The plan of {association} has changes that are not saved. Save them?").format(
            association=detail.row.association(self.ctx.lang)
        )
        return self.panel.sections_page.settle(question)

    def _selection_changed(self, *_args: object) -> None:
        if self._loading:
            return
        row = self.selected()
        wanted = row.id if row else None
        shown = self.panel.plan_id()
        if wanted != shown and not self.settle():
            self._quietly_select(shown)
            return
        now = self.selected()
        if (now.id if now else None) != wanted:  # saving the edits reloaded the list
            self._quietly_select(wanted)
        self._show_selected()

    def _quietly_select(self, plan_id: int | None) -> None:
        self._loading = True
        try:
            self._select(plan_id)
        finally:
            self._loading = False

    def _set_year(self, year_id: int | None) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year_id), 0))
        self.year_combo.blockSignals(False)

    def _year_chosen(self, _index: int) -> None:
        wanted = self.year_id()
        shown = self.panel.detail
        if not self.settle():
            if shown is not None:
                self._set_year(shown.row.year_id)
            return
        self._set_year(wanted)  # saving the edits reloaded the list of the plan's year
        self.reload()

    def can_close(self) -> bool:
        return self.settle()

    # ---- after writes -------------------------------------------------------------------------------

    def _on_changed(self, area: str) -> None:
        if not self._own_write:
            super()._on_changed(area)

    def _written(self, select_id: int | None = None) -> None:
        """After a write: tell the other tabs, then show the fresh rows here (once)."""
        self._own_write = True
        try:
            self.ctx.changed.emit("plans")
        finally:
            self._own_write = False
        self._stale = False
        self.reload(select_id)

    # ---- actions ------------------------------------------------------------------------------------

    def new_record(self) -> None:
        from metodesk.ui.dialogs.plan_pick import NewPlanDialog

        year_id = self.year_id()
        if year_id is None or not self.settle():
            return
        dialog = NewPlanDialog(self.ctx, year_id, self)
        if dialog.list.count() == 0:
            common.show_info(
                self,
                _("There are no associations in {year} yet: add them in the Associations tab first.").format(
                    year=self.year_combo.currentText()
                ),
            )
            return
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)

    def _previous_year(self) -> years.YearRow | None:
        with self.ctx.reading() as session:
            rows = years.list_years(session)  # newest first
        this = next((y for y in rows if y.id == self.year_id()), None)
        if this is None:
            return None
        return next((y for y in rows if y.start_date < this.start_date), None)

    def copy_from_last_year(self) -> None:
        from metodesk.ui.dialogs.plan_pick import CopyPlanDialog, copy_summary

        this_year = self.year_combo.currentText()
        if self.year_id() is None or not self.settle():
            return
        last = self._previous_year()
        sources: list[PlanRow] = []
        if last is not None:
            with self.ctx.reading() as session:
                sources = plans.list_plans(session, last.id)
        if last is None or not sources:
            common.show_info(
                self,
                _("There are no plans of the year before {year} to start from.").format(year=this_year),
            )
            return
        dialog = CopyPlanDialog(self.ctx, sources, last.name, this_year, self)
        if dialog.exec() and dialog.copy_result is not None:
            self._written(dialog.copy_result.plan_id)
            common.show_info(self, copy_summary(dialog.copy_result))

    def delete_plan(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _("Delete the plan of {association} for {year} with its activities and history?").format(
            association=row.plan.association(self.ctx.lang), year=row.plan.year_name
        )
        if not common.confirm(self, question):
            return
        self._doomed = row.id
        if run_action(self, self.ctx, self._delete_doomed):
            self.panel.show_plan(None)
            self._written()

    def _delete_doomed(self, session) -> None:  # type: ignore[no-untyped-def]
        plans.delete_plan(session, self._doomed)

    def delete_selected(self) -> None:
        """Delete key: an activity when the activities table has the focus, else the plan."""
        if self.panel.activities_page.table.hasFocus() and self.panel.activities_page.selected() is not None:
            self.panel.activities_page.delete_activity()
        else:
            self.delete_plan()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def save_state(self) -> None:
        save_table_state(self.table, self.ctx)
        self.panel.save_state()
        self.ctx.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
